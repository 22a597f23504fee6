/* test_perceptron.c - perceptrons, NAND and the adder (section 1.1). */
#include "testutil.h"

START_TEST(test_perceptron_fires_only_when_weighted_sum_beats_threshold)
{
    /* Three yes/no factors weighted 6, 2, 2 and a threshold of 5. */
    const double w[3] = {6, 2, 2};
    const double yes_no[3] = {0, 1, 1}, first_only[3] = {1, 0, 0};
    ck_assert_int_eq(perceptron(w, yes_no, -5.0, 3), 0);      /* 4 < 5 */
    ck_assert_int_eq(perceptron(w, first_only, -5.0, 3), 1);  /* 6 > 5 */
    ck_assert_int_eq(perceptron(w, yes_no, -3.0, 3), 1);      /* lower threshold */
}
END_TEST

START_TEST(test_perceptron_at_exactly_zero_outputs_zero)
{
    const double w[1] = {1}, x[1] = {2};
    ck_assert_int_eq(perceptron(w, x, -2.0, 1), 0);
}
END_TEST

START_TEST(test_nand_truth_table)
{
    ck_assert_int_eq(perceptron_nand(0, 0), 1);
    ck_assert_int_eq(perceptron_nand(0, 1), 1);
    ck_assert_int_eq(perceptron_nand(1, 0), 1);
    ck_assert_int_eq(perceptron_nand(1, 1), 0);
}
END_TEST

START_TEST(test_adder_adds_every_pair_of_bits)
{
    for (int x1 = 0; x1 <= 1; x1++)
        for (int x2 = 0; x2 <= 1; x2++) {
            int sum = -1, carry = -1;
            perceptron_adder(x1, x2, &sum, &carry);
            ck_assert_msg(2 * carry + sum == x1 + x2,
                          "%d + %d gave carry %d sum %d", x1, x2, carry, sum);
        }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("perceptron");
    TCase *tc = tcase_create("perceptron");
    tcase_add_test(tc, test_perceptron_fires_only_when_weighted_sum_beats_threshold);
    tcase_add_test(tc, test_perceptron_at_exactly_zero_outputs_zero);
    tcase_add_test(tc, test_nand_truth_table);
    tcase_add_test(tc, test_adder_adds_every_pair_of_bits);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
