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
            ck_assert_msg(fabs(net->delta[1][j] - fd) < 1e-5, "network %d, "
                          "output neuron %d (target %g): dC_x/dz measured "
                          "%.6f, your delta %.6f", t, j, y[j], fd,
                          net->delta[1][j]);
        }
        ck_assert_msg(nabla_zero > 1e-3, "test problem: the cost is flat here");
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
        ck_assert_msg(net->delta[0][j] == 0.0f, "y = a: expected delta_%d = 0,"
                      " got %g", j, net->delta[0][j]);
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
