/* Tests for exercise 11: the quadratic cost and its derivative. */
#include "ex_check.h"

START_TEST(test_a_hand_computed_cost_over_two_examples)
{
    /* Example 1: |(1,0) - (0.5,0.5)|^2 = 0.5; example 2: |(0,1) - (0,0)|^2
     * = 1; C = (0.5 + 1) / (2 * 2) = 0.375. */
    const double a[4] = {0.5, 0.5, 0.0, 0.0}, y[4] = {1, 0, 0, 1};
    double got = ex_quadratic_cost(a, y, 2, 2);
    ck_assert_msg(fabs(got - 0.375) < 1e-15, _("expected C = (0.5 + 1)/(2*2) "
                  "= 0.375, got %.17g"), got);
}
END_TEST

START_TEST(test_the_cost_is_zero_when_every_output_is_right)
{
    const double y[20] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    double got = ex_quadratic_cost(y, y, 2, 10);
    ck_assert_msg(got == 0.0, _("a = y: expected C = 0, got %g"), got);
    got = ex_quadratic_cost(y, y, 0, 10);
    ck_assert_msg(got == 0.0, _("no examples: expected 0, got %g"), got);
}
END_TEST

START_TEST(test_the_cost_averages_over_examples)
{
    /* Three copies of the same example cost what one does. */
    const double a1[3] = {0.2, 0.9, 0.4}, y1[3] = {0, 1, 1};
    double a3[9], y3[9];
    for (int i = 0; i < 9; i++)
        a3[i] = a1[i % 3], y3[i] = y1[i % 3];
    double one = ex_quadratic_cost(a1, y1, 1, 3), three = ex_quadratic_cost(a3, y3, 3, 3);
    double want = (0.04 + 0.01 + 0.36) / 2;
    ck_assert_msg(fabs(one - want) < 1e-12, _("one example: expected %.4f, "
                  "got %.4f"), want, one);
    ck_assert_msg(fabs(three - want) < 1e-12, _("three equal examples: expected"
                  " %.4f (the 1/n averages), got %.4f"), want, three);
}
END_TEST

START_TEST(test_the_derivative_matches_finite_differences)
{
    uint64_t s = 11;
    double a[10], y[10], out[10];
    for (int j = 0; j < 10; j++)
        a[j] = ex_rand(&s), y[j] = j == 3;
    ex_cost_derivative(out, a, y, 10);
    for (int j = 0; j < 10; j++) {
        /* C_x = |y - a|^2 / 2 computed here, nudging a_j both ways. */
        double h = 1e-6, up = 0, down = 0;
        for (int k = 0; k < 10; k++) {
            double ak = a[k] + (k == j ? h : 0), bk = a[k] - (k == j ? h : 0);
            up += (y[k] - ak) * (y[k] - ak) / 2;
            down += (y[k] - bk) * (y[k] - bk) / 2;
        }
        double fd = (up - down) / (2 * h);
        ck_assert_msg(fabs(out[j] - fd) < 1e-7, _("dC_x/da_%d: measured %.8f, "
                      "got %.8f"), j, fd, out[j]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("11_quadratic_cost");
    EX_ADD(s, test_a_hand_computed_cost_over_two_examples);
    EX_ADD(s, test_the_cost_is_zero_when_every_output_is_right);
    EX_ADD(s, test_the_cost_averages_over_examples);
    EX_ADD(s, test_the_derivative_matches_finite_differences);
    return ex_main(s);
}
