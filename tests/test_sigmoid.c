/* test_sigmoid.c - the sigmoid neuron (section 1.2). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "testutil.h"

START_TEST(test_sigmoid_of_zero_is_one_half)
{
    ck_assert_double_eq(sigmoid(0.0), 0.5);
    ck_assert_float_eq(sigmoidf(0.0f), 0.5f);
}
END_TEST

START_TEST(test_sigmoid_is_symmetric_about_one_half)
{
    for (double z = -8; z <= 8; z += 0.37)
        ck_assert_double_eq_tol(sigmoid(-z), 1.0 - sigmoid(z), 1e-15);
}
END_TEST

START_TEST(test_sigmoid_saturates_without_nan)
{
    ck_assert_double_eq_tol(sigmoid(40), 1.0, 1e-15);
    ck_assert_double_eq_tol(sigmoid(-40), 0.0, 1e-15);
    ck_assert(isfinite(sigmoid(-1000)) && sigmoid(-1000) == 0.0);
    ck_assert(isfinite(sigmoidf(-1000.0f)) && sigmoidf(1000.0f) == 1.0f);
    ck_assert_double_eq_tol(sigmoid(1.0), 1.0 / (1.0 + exp(-1.0)), 1e-15);
}
END_TEST

START_TEST(test_sigmoid_is_increasing)
{
    for (double z = -10; z < 10; z += 0.5)
        ck_assert(sigmoid(z + 0.5) > sigmoid(z));
}
END_TEST

START_TEST(test_sigmoid_prime_matches_finite_differences)
{
    for (double z = -6; z <= 6; z += 0.25) {
        double h = 1e-5;
        double numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        ck_assert_double_eq_tol(sigmoid_prime(z), numeric, 1e-9);
        ck_assert_float_eq_tol(sigmoid_primef((float)z), (float)numeric, 1e-6f);
    }
    ck_assert_double_eq(sigmoid_prime(0), 0.25);
}
END_TEST

START_TEST(test_step_is_one_only_for_positive_z)
{
    ck_assert_double_eq(step(0.1), 1.0);
    ck_assert_double_eq(step(0.0), 0.0);
    ck_assert_double_eq(step(-3.0), 0.0);
}
END_TEST

START_TEST(test_sigmoid_neuron_is_sigmoid_of_weighted_input)
{
    const double w[3] = {0.5, -1.0, 2.0}, x[3] = {1.0, 2.0, 0.25};
    ck_assert_double_eq_tol(neuron_z(w, x, 0.3, 3), 0.5 - 2.0 + 0.5 + 0.3, 1e-15);
    ck_assert_double_eq_tol(sigmoid_neuron(w, x, 0.3, 3), sigmoid(-0.7), 1e-15);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sigmoid");
    TCase *tc = tcase_create("sigmoid");
    tcase_add_test(tc, test_sigmoid_of_zero_is_one_half);
    tcase_add_test(tc, test_sigmoid_is_symmetric_about_one_half);
    tcase_add_test(tc, test_sigmoid_saturates_without_nan);
    tcase_add_test(tc, test_sigmoid_is_increasing);
    tcase_add_test(tc, test_sigmoid_prime_matches_finite_differences);
    tcase_add_test(tc, test_step_is_one_only_for_positive_z);
    tcase_add_test(tc, test_sigmoid_neuron_is_sigmoid_of_weighted_input);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
