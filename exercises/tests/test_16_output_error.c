/* Tests for exercise 16: BP1. */
#include "ex_check.h"

/* C_x as a function of the output layer's weighted inputs z. */
static double cost_of_z(const double *z, const float *y, int n)
{
    double c = 0;
    for (int j = 0; j < n; j++)
        c += (ex_sigma(z[j]) - y[j]) * (ex_sigma(z[j]) - y[j]) / 2;
    return c;
}

/* What a wrong delta_j looks like, said once the learner has seen hint
 * rung 2 (the equation); before that the numbers speak alone. */
static const char *diagnosis(double got, double fd, double z, double y)
{
    double a = ex_sigma(z);
    if (ex_hint_level() < 2)
        return "";
    if (fabs(got - (a - y)) < 1e-5)
        return _(" -- your delta equals a - y: BP1 has a second factor, how"
                 " fast sigma moves at z");
    if (fabs(got + fd) < 1e-5)
        return _(" -- your delta has the wrong sign: dC/da is a - y, not y - a");
    if (fabs(got - (a - y) * ex_sigma(a) * (1 - ex_sigma(a))) < 1e-5)
        return _(" -- sigma' is taken at a, not at the weighted input z");
    return "";
}

START_TEST(test_the_output_error_matches_the_slope_of_c_found_by_nudging_z)
{
    const int sizes[3] = {6, 4, 10};
    Rng rng;
    rng_seed(&rng, 16);
    for (int t = 0; t < 10; t++) {
        Network *net = network_create(sizes, 3, &rng);
        float x[6], y[10];
        for (int k = 0; k < 6; k++)
            x[k] = (float)rng_uniform(&rng);
        dataset_one_hot(y, t % 10, MNIST_CLASSES);
        network_feedforward(net, x);              /* fills net->z, net->a */
        for (int j = 0; j < 10; j++)
            net->delta[1][j] = NAN;
        ex_output_error(net, y);
        double z[10], nabla_zero = 0;
        for (int j = 0; j < 10; j++)
            z[j] = net->z[1][j];
        for (int j = 0; j < 10; j++) {
            double h = 1e-5, keep = z[j];
            z[j] = keep + h;
            double up = cost_of_z(z, y, 10);
            z[j] = keep - h;
            double down = cost_of_z(z, y, 10);
            z[j] = keep;
            double fd = (up - down) / (2 * h);
            nabla_zero += fabs(fd);
            ck_assert_msg(fabs(net->delta[1][j] - fd) < 1e-5, _("network %d, "
                          "output neuron %d (target %g): dC_x/dz measured "
                          "%.6f, your delta %.6f%s"), t, j, y[j], fd,
                          net->delta[1][j],
                          diagnosis(net->delta[1][j], fd, z[j], y[j]));
        }
        ck_assert_msg(nabla_zero > 1e-3, _("test problem: the cost is flat here"));
        network_free(net);
    }
}
END_TEST

START_TEST(test_a_perfect_output_has_no_error)
{
    /* a = y exactly cannot happen with a sigmoid, but a_j - y_j = 0 gives
     * delta_j = 0 whatever z is: force it by choosing y = a. */
    const int sizes[2] = {3, 10};
    Rng rng;
    rng_seed(&rng, 61);
    Network *net = network_create(sizes, 2, &rng);
    const float x[3] = {0.2f, 0.4f, 0.6f};
    const float *a = network_feedforward(net, x);
    float y[10];
    memcpy(y, a, sizeof y);
    ex_output_error(net, y);
    for (int j = 0; j < 10; j++)
        ck_assert_msg(net->delta[0][j] == 0.0f, _("y = a: expected delta_%d = 0,"
                      " got %g"), j, net->delta[0][j]);
    network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("16_output_error");
    EX_ADD(s, test_the_output_error_matches_the_slope_of_c_found_by_nudging_z);
    EX_ADD(s, test_a_perfect_output_has_no_error);
    return ex_main(s);
}
