/* Tests for exercise 2: NAND from one perceptron. */
#include "ex_check.h"

static void expect_nand(int x1, int x2, int want)
{
    int got = ex_nand(x1, x2);
    ck_assert_msg(got == want, "NAND(%d, %d): expected %d, got %d "
                  "(w.x+b = %d)", x1, x2, want, got, -2 * x1 - 2 * x2 + 3);
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
