/* Tests for exercise 5: sigmoid and its derivative. */
#include "ex_check.h"

START_TEST(test_sigmoid_of_zero_is_one_half)
{
    double got = ex_sigmoid(0.0);
    ck_assert_msg(fabs(got - 0.5) < 1e-15, _("sigma(0): expected 0.5, got %.17g"), got);
}
END_TEST

START_TEST(test_sigmoid_matches_its_formula)
{
    const double z[] = {-5, -1, -0.25, 0.5, 2, 7};
    for (size_t i = 0; i < sizeof z / sizeof *z; i++) {
        double want = 1.0 / (1.0 + exp(-z[i])), got = ex_sigmoid(z[i]);
        ck_assert_msg(fabs(got - want) < 1e-12, _("sigma(%g): expected %.12f, "
                      "got %.12f"), z[i], want, got);
    }
}
END_TEST

START_TEST(test_sigmoid_is_symmetric_about_one_half)
{
    for (double z = -8; z <= 8; z += 0.5) {
        double lhs = ex_sigmoid(-z), rhs = 1.0 - ex_sigmoid(z);
        ck_assert_msg(fabs(lhs - rhs) < 1e-12, _("sigma(-z) should be "
                      "1 - sigma(z): z = %g gives %.12f and %.12f"), z, lhs, rhs);
    }
}
END_TEST

START_TEST(test_sigmoid_saturates_without_nan)
{
    double lo = ex_sigmoid(-1000.0), hi = ex_sigmoid(1000.0);
    ck_assert_msg(lo == 0.0 || (lo > 0.0 && lo < 1e-300),
                  _("sigma(-1000): expected 0 (or tiny), got %g"), lo);
    ck_assert_msg(hi == 1.0, _("sigma(1000): expected 1, got %.17g"), hi);
    double plo = ex_sigmoid_prime(-1000.0), phi = ex_sigmoid_prime(1000.0);
    ck_assert_msg(isfinite(plo) && isfinite(phi) && fabs(plo) < 1e-300 &&
                  fabs(phi) < 1e-300, _("sigma'(-1000), sigma'(1000): expected"
                  " 0 (flat far away), got %g and %g"), plo, phi);
}
END_TEST

START_TEST(test_derivative_matches_finite_differences)
{
    /* Central difference of the exact sigmoid, independent of yours. */
    const double h = 1e-5;
    for (double z = -6; z <= 6; z += 0.75) {
        double fd = (1 / (1 + exp(-(z + h))) - 1 / (1 + exp(-(z - h)))) / (2 * h);
        double got = ex_sigmoid_prime(z);
        ck_assert_msg(fabs(got - fd) < 1e-8, _("sigma'(%g): the slope measured "
                      "numerically is %.10f, got %.10f"), z, fd, got);
    }
}
END_TEST

START_TEST(test_derivative_peaks_at_one_quarter_at_zero)
{
    double got = ex_sigmoid_prime(0.0);
    ck_assert_msg(fabs(got - 0.25) < 1e-15, _("sigma'(0): expected 0.25, got %.17g"), got);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("05_sigmoid");
    EX_ADD(s, test_sigmoid_of_zero_is_one_half);
    EX_ADD(s, test_sigmoid_matches_its_formula);
    EX_ADD(s, test_sigmoid_is_symmetric_about_one_half);
    EX_ADD(s, test_sigmoid_saturates_without_nan);
    EX_ADD(s, test_derivative_matches_finite_differences);
    EX_ADD(s, test_derivative_peaks_at_one_quarter_at_zero);
    return ex_main(s);
}
