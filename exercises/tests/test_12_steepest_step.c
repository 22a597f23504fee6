/* Tests for exercise 12: minus the gradient is the best direction. */
#include "ex_check.h"

#define N 4

/* Three functions of v in R^4 with their gradients, coded here. */
static double cost(int f, const double *v, double *grad)
{
    double c = 0.0;
    for (int i = 0; i < N; i++) {
        double k = f == 0 ? 1.0 : (f == 1 ? 1.0 + 9.0 * i : 0.5);
        if (f == 2) {                       /* a bumpy valley */
            c += k * v[i] * v[i] + sin(3 * v[i]);
            if (grad) grad[i] = 2 * k * v[i] + 3 * cos(3 * v[i]);
        } else {                            /* round, then elongated bowl */
            c += k * v[i] * v[i];
            if (grad) grad[i] = 2 * k * v[i];
        }
    }
    return c;
}

START_TEST(test_the_step_has_length_eps_and_points_downhill)
{
    const double grad[N] = {3, -4, 0, 12};  /* |grad| = 13 */
    double dv[N] = {NAN, NAN, NAN, NAN};
    ex_steepest_step(dv, grad, N, 0.26);
    const double want[N] = {-0.06, 0.08, 0.0, -0.24};
    for (int i = 0; i < N; i++)
        ck_assert_msg(fabs(dv[i] - want[i]) < 1e-12, _("grad (3,-4,0,12), eps "
                      "0.26: expected dv = (-0.06, 0.08, 0, -0.24), got dv[%d]"
                      " = %g"), i, dv[i]);
}
END_TEST

START_TEST(test_a_zero_gradient_gives_a_zero_step)
{
    const double grad[N] = {0, 0, 0, 0};
    double dv[N] = {NAN, NAN, NAN, NAN};
    ex_steepest_step(dv, grad, N, 0.1);
    for (int i = 0; i < N; i++)
        ck_assert_msg(dv[i] == 0.0, _("grad = 0: expected a zero step, got "
                      "dv[%d] = %g"), i, dv[i]);
}
END_TEST

START_TEST(test_no_random_direction_lowers_c_more)
{
    uint64_t s = 12;
    const double eps = 1e-3;
    for (int f = 0; f < 3; f++)
        for (int p = 0; p < 5; p++) {
            double v[N], grad[N], dv[N], moved[N];
            for (int i = 0; i < N; i++)
                v[i] = 4 * ex_rand(&s) - 2;
            double c0 = cost(f, v, grad);
            ex_steepest_step(dv, grad, N, eps);
            double len = 0;
            for (int i = 0; i < N; i++)
                moved[i] = v[i] + dv[i], len += dv[i] * dv[i];
            ck_assert_msg(fabs(sqrt(len) - eps) < 1e-12, _("|dv| should be eps"
                          " = %g, got %g"), eps, sqrt(len));
            double best = cost(f, moved, NULL) - c0;
            for (int t = 0; t < 1000; t++) {      /* random unit directions */
                double u[N], norm = 0;
                for (int i = 0; i < N; i++)
                    u[i] = ex_rand(&s) - 0.5, norm += u[i] * u[i];
                for (int i = 0; i < N; i++)
                    moved[i] = v[i] + eps * u[i] / sqrt(norm);
                double change = cost(f, moved, NULL) - c0;
                /* Allow the eps^2 curvature term the first-order argument
                 * ignores. */
                ck_assert_msg(best <= change + 60 * eps * eps, _("function %d: "
                              "your step changes C by %.3g but a random "
                              "direction of the same length by %.3g"), f,
                              best, change);
            }
            ck_assert_msg(best < 0, _("function %d: your step should lower C, "
                          "it changed it by %g"), f, best);
        }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("12_steepest_step");
    EX_ADD(s, test_the_step_has_length_eps_and_points_downhill);
    EX_ADD(s, test_a_zero_gradient_gives_a_zero_step);
    EX_ADD(s, test_no_random_direction_lowers_c_more);
    return ex_main(s);
}
