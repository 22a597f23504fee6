/* Tests for exercise 17: BP2. */
#include "ex_check.h"

#define LAYERS 4
static const int sizes[LAYERS] = {4, 5, 3, 2};

/* C_x after replacing layer l+1's weighted inputs by z (doubles), running
 * the rest of the network forward here. */
static double cost_from(const Network *net, int l, const double *z,
                        const float *y)
{
    double a[8], next[8];
    for (int k = 0; k < sizes[l + 1]; k++)
        a[k] = ex_sigma(z[k]);
    for (int m = l + 1; m < LAYERS - 1; m++) {
        for (int j = 0; j < sizes[m + 1]; j++) {
            double s = net->b[m][j];
            for (int k = 0; k < sizes[m]; k++)
                s += (double)net->w[m][j * sizes[m] + k] * a[k];
            next[j] = ex_sigma(s);
        }
        memcpy(a, next, sizeof a);
    }
    double c = 0;
    for (int j = 0; j < sizes[LAYERS - 1]; j++)
        c += (a[j] - y[j]) * (a[j] - y[j]) / 2;
    return c;
}

START_TEST(test_hidden_errors_match_the_slope_of_c_found_by_nudging_z)
{
    Rng rng;
    rng_seed(&rng, 17);
    for (int t = 0; t < 10; t++) {
        Network *net = network_create(sizes, LAYERS, &rng);
        float x[4], y[2] = {t % 2, 1 - t % 2};
        for (int k = 0; k < 4; k++)
            x[k] = (float)rng_uniform(&rng);
        network_feedforward(net, x);
        for (int j = 0; j < 2; j++)             /* BP1, done here */
            net->delta[2][j] = (net->a[3][j] - y[j]) * sigmoid_primef(net->z[2][j]);
        for (int l = LAYERS - 3; l >= 0; l--) {
            for (int k = 0; k < sizes[l + 1]; k++)
                net->delta[l][k] = NAN;
            ex_hidden_error(net, l);
            double z[8];
            for (int k = 0; k < sizes[l + 1]; k++)
                z[k] = net->z[l][k];
            for (int k = 0; k < sizes[l + 1]; k++) {
                double h = 1e-5, keep = z[k];
                z[k] = keep + h;
                double up = cost_from(net, l, z, y);
                z[k] = keep - h;
                double down = cost_from(net, l, z, y);
                z[k] = keep;
                double fd = (up - down) / (2 * h);
                ck_assert_msg(fabs(net->delta[l][k] - fd) < 1e-5 + 1e-3 * fabs(fd),
                              _("network %d: delta[%d][%d] (the error of layer "
                              "%d, neuron %d): measured %.7f, got %.7f"), t, l,
                              k, l + 1, k, fd, net->delta[l][k]);
            }
        }
        network_free(net);
    }
}
END_TEST

START_TEST(test_the_error_is_not_all_zero)
{
    Rng rng;
    rng_seed(&rng, 71);
    Network *net = network_create(sizes, LAYERS, &rng);
    const float x[4] = {1, 0, 1, 0}, y[2] = {1, 0};
    network_feedforward(net, x);
    for (int j = 0; j < 2; j++)
        net->delta[2][j] = (net->a[3][j] - y[j]) * sigmoid_primef(net->z[2][j]);
    ex_hidden_error(net, 1);
    double total = 0;
    for (int k = 0; k < 3; k++)
        total += fabs(net->delta[1][k]);
    ck_assert_msg(total > 1e-4, _("the errors of layer 2 are all (about) zero: "
                  "sum of |delta| = %g"), total);
    network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("17_hidden_error");
    EX_ADD(s, test_hidden_errors_match_the_slope_of_c_found_by_nudging_z);
    EX_ADD(s, test_the_error_is_not_all_zero);
    return ex_main(s);
}
