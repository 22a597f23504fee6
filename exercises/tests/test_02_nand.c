/* Tests for exercise 2: NAND from one perceptron. */
#include "ex_check.h"

/* The failure shows the learner's own w.x+b next to the right one. */
static void expect_nand(int x1, int x2, int want)
{
    double z = ex_nand_z(x1, x2), right = -2 * x1 - 2 * x2 + 3;
    int got = ex_nand(x1, x2);
    ck_assert_msg(got == want, _("NAND(%d, %d): expected %d, got %d "
                  "(your w.x+b = %g; the NAND perceptron, w = (-2, -2) and "
                  "b = 3, has %g)"), x1, x2, want, got, z, right);
    ck_assert_msg(z == right, _("NAND(%d, %d): your w.x+b = %g, but the NAND "
                  "perceptron (w = (-2, -2), b = 3) has %g"), x1, x2, z, right);
}

START_TEST(test_nand_of_zero_and_zero_is_one) { expect_nand(0, 0, 1); }
END_TEST
START_TEST(test_nand_of_zero_and_one_is_one) { expect_nand(0, 1, 1); }
END_TEST
START_TEST(test_nand_of_one_and_zero_is_one) { expect_nand(1, 0, 1); }
END_TEST
START_TEST(test_nand_of_one_and_one_is_zero) { expect_nand(1, 1, 0); }
END_TEST

int main(void)
{
    Suite *s = suite_create("02_nand");
    EX_ADD(s, test_nand_of_zero_and_zero_is_one);
    EX_ADD(s, test_nand_of_zero_and_one_is_one);
    EX_ADD(s, test_nand_of_one_and_zero_is_one);
    EX_ADD(s, test_nand_of_one_and_one_is_zero);
    return ex_main(s);
}
