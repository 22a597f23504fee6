/* test_gradient_descent.c - the ball rolling down the valley (1.5). */
#include <math.h>

#include "testutil.h"

/* C(v) = (a v1^2 + v2^2) / 2 with a in ctx; gradient (a v1, v2). */
static double valley(double *grad, const double *v, size_t n, void *ctx)
{
    double a = *(double *)ctx;
    (void)n;
    grad[0] = a * v[0], grad[1] = v[1];
    return 0.5 * (a * v[0] * v[0] + v[1] * v[1]);
}

START_TEST(test_a_step_moves_against_the_gradient)
{
    double v[2] = {1.0, 2.0}, grad[2], a = 1.0;
    double c = gd_step(v, grad, 2, 0.1, valley, &a);
    ck_assert_double_eq_tol(c, 2.5, 1e-12);
    ck_assert_double_eq_tol(v[0], 0.9, 1e-12);
    ck_assert_double_eq_tol(v[1], 1.8, 1e-12);
}
END_TEST

START_TEST(test_change_in_cost_is_about_minus_eta_grad_squared)
{
    double v[2] = {0.7, -1.3}, grad[2], g2, a = 3.0, eta = 1e-4;
    double before = valley(grad, v, 2, &a);
    g2 = grad[0] * grad[0] + grad[1] * grad[1];
    gd_step(v, grad, 2, eta, valley, &a);
    double after = valley(grad, v, 2, &a);
    ck_assert_double_eq_tol((after - before) / (-eta * g2), 1.0, 1e-3);
}
END_TEST

START_TEST(test_run_reaches_the_bottom_and_records_the_path)
{
    double v[2] = {1.0, 1.0}, grad[2], path[51 * 3], a = 4.0;
    ck_assert_uint_eq(gd_run(v, grad, path, 2, 0.1, 50, valley, &a), 50);
    ck_assert_double_eq(path[0], 1.0);                 /* starts at v0 */
    ck_assert_double_eq_tol(path[2], 2.5, 1e-12);      /* C(v0) */
    for (int k = 1; k <= 50; k++)                      /* C never rises */
        ck_assert(path[3 * k + 2] <= path[3 * (k - 1) + 2]);
    ck_assert_double_eq_tol(path[50 * 3 + 0], v[0], 1e-15);
    ck_assert(path[50 * 3 + 2] < 1e-4);
}
END_TEST

START_TEST(test_too_large_eta_overshoots_and_stops_on_infinity)
{
    double v[2] = {1.0, 1.0}, grad[2], path[2001 * 3], a = 1.0;
    size_t k = gd_run(v, grad, path, 2, 2.5, 2000, valley, &a);
    ck_assert_uint_lt(k, 2000);                  /* |1 - eta| = 1.5 > 1 */
    ck_assert(!isfinite(path[3 * k + 2]));
    ck_assert(path[3 * 1 + 2] > path[2]);        /* the first step climbs */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gradient_descent");
    TCase *tc = tcase_create("gradient_descent");
    tcase_add_test(tc, test_a_step_moves_against_the_gradient);
    tcase_add_test(tc, test_change_in_cost_is_about_minus_eta_grad_squared);
    tcase_add_test(tc, test_run_reaches_the_bottom_and_records_the_path);
    tcase_add_test(tc, test_too_large_eta_overshoots_and_stops_on_infinity);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
