/* Tests for exercise 1: the perceptron rule. */
#include "ex_check.h"

/* The chapter's festival example: weather (weight 6), company (2) and
 * transport (2) with threshold 5, so b = -5. */
static const double festival_w[3] = {6.0, 2.0, 2.0};

START_TEST(test_good_weather_alone_is_enough_to_go)
{
    const double x[3] = {1, 0, 0};
    int got = ex_perceptron(festival_w, x, -5.0, 3);
    ck_assert_msg(got == 1, _("weights (6,2,2), bias -5, inputs (1,0,0): "
                  "w.x+b = 1 > 0 so expected 1, got %d"), got);
}
END_TEST

START_TEST(test_bad_weather_means_staying_home)
{
    const double x[3] = {0, 1, 1};
    int got = ex_perceptron(festival_w, x, -5.0, 3);
    ck_assert_msg(got == 0, _("weights (6,2,2), bias -5, inputs (0,1,1): "
                  "w.x+b = -1 so expected 0, got %d"), got);
}
END_TEST

START_TEST(test_a_total_of_exactly_zero_answers_no)
{
    const double w[2] = {1.0, 1.0}, x[2] = {1, 1};
    int got = ex_perceptron(w, x, -2.0, 2);
    ck_assert_msg(got == 0, _("w.x+b = 0 exactly: the rule says > 0 for 1, "
                  "so expected 0, got %d"), got);
}
END_TEST

START_TEST(test_every_input_counts)
{
    /* Only the last input can tip the balance: a loop that stops one
     * early or starts at 1 gets this wrong. */
    const double w[4] = {0.5, 0.5, 0.5, 4.0}, x[4] = {1, 1, 1, 1};
    int got = ex_perceptron(w, x, -5.0, 4);
    ck_assert_msg(got == 1, _("w=(0.5,0.5,0.5,4), x=(1,1,1,1), b=-5: "
                  "w.x+b = 0.5 so expected 1, got %d"), got);
    const double w2[4] = {4.0, 0.5, 0.5, 0.5};
    got = ex_perceptron(w2, x, -5.0, 3);
    ck_assert_msg(got == 0, _("with n=3 only the first 3 inputs count: "
                  "w.x+b = 4+0.5+0.5-5 = 0 so expected 0, got %d"), got);
}
END_TEST

START_TEST(test_agrees_with_the_rule_on_random_perceptrons)
{
    uint64_t s = 1;
    for (int t = 0; t < 1000; t++) {
        double w[5], x[5], b = 4 * ex_rand(&s) - 2, z = b;
        for (int j = 0; j < 5; j++) {
            w[j] = 4 * ex_rand(&s) - 2;
            x[j] = ex_rand(&s) < 0.5;
            z += w[j] * x[j];
        }
        int want = z > 0, got = ex_perceptron(w, x, b, 5);
        ck_assert_msg(got == want, _("w.x+b = %g: expected %d, got %d"),
                      z, want, got);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("01_perceptron");
    EX_ADD(s, test_good_weather_alone_is_enough_to_go);
    EX_ADD(s, test_bad_weather_means_staying_home);
    EX_ADD(s, test_a_total_of_exactly_zero_answers_no);
    EX_ADD(s, test_every_input_counts);
    EX_ADD(s, test_agrees_with_the_rule_on_random_perceptrons);
    return ex_main(s);
}
