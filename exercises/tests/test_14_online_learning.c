/* Tests for exercise 14: online learning against mini-batches. */
#include "ex_check.h"

#define N 40

static double X[2 * N], Y[N];

/* Points in the unit square, target 1 above the line x0 + x1 = 1. */
static void make_data(void)
{
    uint64_t s = 14;
    for (int i = 0; i < N; i++) {
        X[2 * i] = ex_rand(&s), X[2 * i + 1] = ex_rand(&s);
        Y[i] = X[2 * i] + X[2 * i + 1] > 1.0;
    }
}

static double output(const Neuron2 *p, const double *x)
{
    return ex_sigma(p->w[0] * x[0] + p->w[1] * x[1] + p->b);
}

/* The test's own gradient of C_x, coded independently. */
static void grad(double g[3], const Neuron2 *p, const double *x, double y)
{
    double a = output(p, x), d = (a - y) * a * (1 - a);
    g[0] = d * x[0], g[1] = d * x[1], g[2] = d;
}

static double cost(const Neuron2 *p)
{
    double c = 0;
    for (int i = 0; i < N; i++)
        c += (output(p, X + 2 * i) - Y[i]) * (output(p, X + 2 * i) - Y[i]) / 2;
    return c / N;
}

/* The test's own epoch: batches of m in order, averaged gradient. */
static void reference_epoch(Neuron2 *p, int m, double eta)
{
    for (int start = 0; start < N; start += m) {
        int size = N - start < m ? N - start : m;
        double sum[3] = {0, 0, 0}, g[3];
        for (int i = start; i < start + size; i++) {
            grad(g, p, X + 2 * i, Y[i]);
            for (int q = 0; q < 3; q++)
                sum[q] += g[q];
        }
        p->w[0] -= eta * sum[0] / size, p->w[1] -= eta * sum[1] / size;
        p->b -= eta * sum[2] / size;
    }
}

START_TEST(test_the_gradient_matches_finite_differences)
{
    make_data();
    Neuron2 p = {{0.7, -1.3}, 0.4};
    for (int i = 0; i < 5; i++) {
        double gw[2] = {NAN, NAN}, gb = NAN, h = 1e-6, fd[3];
        ex_neuron_gradient(gw, &gb, &p, X + 2 * i, Y[i]);
        for (int q = 0; q < 3; q++) {
            Neuron2 up = p, down = p;
            double *pu = q < 2 ? &up.w[q] : &up.b, *pd = q < 2 ? &down.w[q] : &down.b;
            *pu += h, *pd -= h;
            double cu = output(&up, X + 2 * i) - Y[i], cd = output(&down, X + 2 * i) - Y[i];
            fd[q] = (cu * cu / 2 - cd * cd / 2) / (2 * h);
        }
        ck_assert_msg(fabs(gw[0] - fd[0]) < 1e-8 && fabs(gw[1] - fd[1]) < 1e-8
                      && fabs(gb - fd[2]) < 1e-8, _("example %d: measured "
                      "(dw0, dw1, db) = (%.6f, %.6f, %.6f), got (%.6f, %.6f, "
                      "%.6f)"), i, fd[0], fd[1], fd[2], gw[0], gw[1], gb);
    }
}
END_TEST

/* Runs the learner's epoch with batch size m and the reference. */
static void expect_epoch(int m, double eta)
{
    make_data();
    Neuron2 got = {{0.1, -0.2}, 0.3}, want = got;
    size_t updates = ex_neuron_epoch(&got, X, Y, N, (size_t)m, eta);
    reference_epoch(&want, m, eta);
    size_t want_updates = (size_t)((N + m - 1) / m);
    ck_assert_msg(updates == want_updates, _("%d examples in mini-batches of %d:"
                  " expected %zu updates, got %zu"), N, m, want_updates, updates);
    ck_assert_msg(fabs(got.w[0] - want.w[0]) < 1e-10 &&
                  fabs(got.w[1] - want.w[1]) < 1e-10 &&
                  fabs(got.b - want.b) < 1e-10, _("after one epoch with m = %d:"
                  " expected w = (%.6f, %.6f), b = %.6f; got w = (%.6f, %.6f),"
                  " b = %.6f"), m, want.w[0], want.w[1], want.b, got.w[0],
                  got.w[1], got.b);
}

START_TEST(test_online_learning_updates_after_every_example)
{
    expect_epoch(1, 0.5);
}
END_TEST

START_TEST(test_one_batch_of_everything_is_plain_gradient_descent)
{
    expect_epoch(N, 0.5);
}
END_TEST

START_TEST(test_a_short_last_batch_is_averaged_over_its_own_size)
{
    expect_epoch(7, 0.5);   /* 5 batches of 7, then one of 5 */
}
END_TEST

START_TEST(test_in_one_pass_online_learning_gets_further)
{
    /* Same data, same eta, one pass each: online makes 40 small updates,
     * the full batch one (better-aimed) update. */
    make_data();
    Neuron2 online = {{0, 0}, 0}, batch = online, start = online;
    ex_neuron_epoch(&online, X, Y, N, 1, 2.0);
    ex_neuron_epoch(&batch, X, Y, N, N, 2.0);
    double c0 = cost(&start), c_online = cost(&online), c_batch = cost(&batch);
    ck_assert_msg(c_online < c_batch && c_batch < c0, _("cost at the start "
                  "%.4f; after one pass online %.4f, full batch %.4f: expected"
                  " both lower, online lowest"), c0, c_online, c_batch);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("14_online_learning");
    EX_ADD(s, test_the_gradient_matches_finite_differences);
    EX_ADD(s, test_online_learning_updates_after_every_example);
    EX_ADD(s, test_one_batch_of_everything_is_plain_gradient_descent);
    EX_ADD(s, test_a_short_last_batch_is_averaged_over_its_own_size);
    EX_ADD(s, test_in_one_pass_online_learning_gets_further);
    return ex_main(s);
}
