/* Tests for exercise 13: gradient descent in one dimension. */
#include "ex_check.h"

static double bowl_prime(double v) { return 2 * (v - 3); }  /* C = (v-3)^2 */
static double quartic_prime(double v) { return 4 * v * v * v; }  /* C = v^4 */

/* A path the code under test has not written reads NaN, the same in every
 * run (never what the stack held before). */
static void unset(double *path, int n)
{
    for (int i = 0; i < n; i++)
        path[i] = NAN;
}

START_TEST(test_each_step_follows_the_update_rule)
{
    /* With C = (v-3)^2: v_{k+1} - 3 = (1 - 2 eta)(v_k - 3), so
     * v_k = 3 + (v0 - 3)(1 - 2 eta)^k exactly. */
    double path[11];
    unset(path, 11);
    ex_gd_1d(path, 0.0, 0.1, 10, bowl_prime);
    for (int k = 0; k <= 10; k++) {
        double want = 3 - 3 * pow(0.8, k);
        ck_assert_msg(fabs(path[k] - want) < 1e-12, _("C = (v-3)^2, v0 = 0, eta"
                      " = 0.1: expected path[%d] = %.10f, got %.10f"), k, want,
                      path[k]);
    }
}
END_TEST

START_TEST(test_the_ball_rolls_down_into_the_valley)
{
    double path[151];
    unset(path, 151);
    ex_gd_1d(path, 10.0, 0.1, 150, bowl_prime);
    ck_assert_msg(fabs(path[150] - 3) < 1e-9, _("from v0 = 10 with eta = 0.1 the"
                  " ball should settle at the minimum v = 3, got %g"), path[150]);
    for (int k = 0; k < 150; k++)
        ck_assert_msg(path[k + 1] < path[k], _("v > 3 means the slope is "
                      "positive, so each step goes left: step %d went from %g "
                      "to %g"), k, path[k], path[k + 1]);
}
END_TEST

START_TEST(test_steps_go_against_the_slope_on_both_sides)
{
    double left[2], right[2];
    unset(left, 2), unset(right, 2);
    ex_gd_1d(left, -1.0, 0.05, 1, quartic_prime);
    ex_gd_1d(right, 1.0, 0.05, 1, quartic_prime);
    ck_assert_msg(fabs(left[1] + 0.8) < 1e-12 && fabs(right[1] - 0.8) < 1e-12,
                  _("C = v^4, eta = 0.05: from -1 expected -0.8 (slope -4, move"
                  " right), from 1 expected 0.8; got %g and %g"), left[1],
                  right[1]);
}
END_TEST

START_TEST(test_too_large_a_step_overshoots_and_flies_off)
{
    /* eta = 1.5 on (v-3)^2: v_k - 3 = (v0 - 3)(-2)^k. */
    double path[9];
    unset(path, 9);
    ex_gd_1d(path, 4.0, 1.5, 8, bowl_prime);
    for (int k = 0; k <= 8; k++) {
        double want = 3 + pow(-2, k);
        ck_assert_msg(fabs(path[k] - want) < 1e-9, _("eta = 1.5 jumps over the "
                      "minimum, further each time: expected path[%d] = %g, "
                      "got %g"), k, want, path[k]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("13_gd_1d");
    EX_ADD(s, test_each_step_follows_the_update_rule);
    EX_ADD(s, test_the_ball_rolls_down_into_the_valley);
    EX_ADD(s, test_steps_go_against_the_slope_on_both_sides);
    EX_ADD(s, test_too_large_a_step_overshoots_and_flies_off);
    return ex_main(s);
}
