/* Tests for exercise 10: one-hot targets. */
#include "ex_check.h"

START_TEST(test_every_digit_gets_a_single_one_in_its_place)
{
    for (int label = 0; label < 10; label++) {
        double y[10];
        for (int j = 0; j < 10; j++)
            y[j] = 0.5;                /* junk the function must overwrite */
        int rc = ex_one_hot(y, label);
        ck_assert_msg(rc == 0, _("label %d: expected return 0, got %d"), label, rc);
        for (int j = 0; j < 10; j++)
            ck_assert_msg(y[j] == (j == label), _("label %d: y[%d] should be %d,"
                          " got %g"), label, j, j == label, y[j]);
    }
}
END_TEST

START_TEST(test_a_label_that_is_not_a_digit_is_refused)
{
    const int bad[] = {-1, 10, 255};
    for (int i = 0; i < 3; i++) {
        double y[12] = {0};
        for (int j = 0; j < 10; j++)
            y[j] = 0.5;
        y[10] = y[11] = 7.0;           /* guard cells past the end */
        int rc = ex_one_hot(y, bad[i]);
        ck_assert_msg(rc == -1, _("label %d: expected -1, got %d"), bad[i], rc);
        for (int j = 0; j < 10; j++)
            ck_assert_msg(y[j] == 0.0, _("label %d: y[%d] should be 0, got %g"),
                          bad[i], j, y[j]);
        ck_assert_msg(y[10] == 7.0 && y[11] == 7.0, _("label %d: wrote past "
                      "y[9]"), bad[i]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("10_one_hot");
    EX_ADD(s, test_every_digit_gets_a_single_one_in_its_place);
    EX_ADD(s, test_a_label_that_is_not_a_digit_is_refused);
    return ex_main(s);
}
