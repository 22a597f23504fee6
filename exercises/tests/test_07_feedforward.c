/* Tests for exercise 7: feedforward through a Network. */
#include "ex_check.h"

/* The hand-made network of sizes (2, 2, 1), as the failure messages show
 * it (all maths, so the same in every language). */
#define HAND_NET "w^0 = [[0.5, -1], [2, 0]], b^0 = (0, -1), " \
                 "w^1 = [[1, -1]], b^1 = (0.5), x = (1, 2)"

START_TEST(test_a_network_of_sizes_2_2_1_computed_by_hand)
{
    /* hidden z = (0.5*1 - 1*2 + 0, 2*1 + 0*2 - 1) = (-1.5, 1),
     * output z = 1*sigma(-1.5) - 1*sigma(1) + 0.5. */
    const int sizes[3] = {2, 2, 1};
    Network *net = network_create(sizes, 3, NULL);
    const float w0[4] = {0.5f, -1.0f, 2.0f, 0.0f}, b0[2] = {0.0f, -1.0f};
    memcpy(net->w[0], w0, sizeof w0), memcpy(net->b[0], b0, sizeof b0);
    net->w[1][0] = 1.0f, net->w[1][1] = -1.0f, net->b[1][0] = 0.5f;
    const float x[2] = {1.0f, 2.0f};
    const float *out = ex_feedforward(net, x);
    double h0 = ex_sigma(-1.5), h1 = ex_sigma(1.0);
    double want = ex_sigma(h0 - h1 + 0.5);
    ck_assert_msg(out != NULL, _("return net->a[n_layers-1] (the output layer), not NULL"));
    ck_assert_msg(net->a[0][0] == 1.0f && net->a[0][1] == 2.0f,
                  _("network sizes (2, 2, 1), %s: net->a[0] should hold x, got (%g, %g)"),
                  HAND_NET, net->a[0][0], net->a[0][1]);
    ck_assert_msg(fabs(net->z[0][0] + 1.5) < 1e-6 && fabs(net->z[0][1] - 1.0) < 1e-6,
                  _("network sizes (2, 2, 1), %s: hidden z = w^0 x + b^0 = "
                    "(0.5*1 - 1*2 + 0, 2*1 + 0*2 - 1): expected (-1.5, 1), got (%g, %g)"),
                  HAND_NET, net->z[0][0], net->z[0][1]);
    ck_assert_msg(fabs(net->a[1][0] - h0) < 1e-6 && fabs(net->a[1][1] - h1) < 1e-6,
                  _("network sizes (2, 2, 1), %s: hidden a = sigma(z) = sigma(-1.5, 1): "
                    "expected (%.6f, %.6f), got (%.6f, %.6f)"),
                  HAND_NET, h0, h1, net->a[1][0], net->a[1][1]);
    ck_assert_msg(fabs(net->z[1][0] - (h0 - h1 + 0.5)) < 1e-6,
                  _("network sizes (2, 2, 1), %s: output z = 1*%.6f - 1*%.6f + 0.5: "
                    "expected %.6f, got %.6f"), HAND_NET, h0, h1, h0 - h1 + 0.5, net->z[1][0]);
    ck_assert_msg(fabs(out[0] - want) < 1e-6, 
                  _("network sizes (2, 2, 1), %s: output a = sigma(%.6f): "
                    "expected %.6f, got %.6f"), HAND_NET, h0 - h1 + 0.5,
                  want, out[0]);
    ck_assert_msg(out == net->a[2], _("return net->a[n_layers-1] (the output layer)"));
    network_free(net);
}
END_TEST

START_TEST(test_random_deep_networks_match_a_double_precision_forward_pass)
{
    const int sizes[4] = {5, 4, 3, 2};
    Rng rng;
    rng_seed(&rng, 7);
    for (int t = 0; t < 20; t++) {
        Network *net = network_create(sizes, 4, &rng);
        float x[5];
        double a[4][5], z[3][5];
        for (int k = 0; k < 5; k++)
            a[0][k] = x[k] = (float)rng_uniform(&rng);
        for (int l = 0; l < 3; l++)
            for (int j = 0; j < sizes[l + 1]; j++) {
                z[l][j] = net->b[l][j];
                for (int k = 0; k < sizes[l]; k++)
                    z[l][j] += (double)net->w[l][j * sizes[l] + k] * a[l][k];
                a[l + 1][j] = ex_sigma(z[l][j]);
            }
        const float *out = ex_feedforward(net, x);
        for (int l = 0; l < 3; l++)
            for (int j = 0; j < sizes[l + 1]; j++) {
                ck_assert_msg(fabs(net->z[l][j] - z[l][j]) < 1e-4,
                              _("net->z[%d][%d]: expected %.5f, got %.5f"),
                              l, j, z[l][j], net->z[l][j]);
                ck_assert_msg(fabs(net->a[l + 1][j] - a[l + 1][j]) < 1e-5,
                              _("net->a[%d][%d]: expected %.6f, got %.6f"),
                              l + 1, j, a[l + 1][j], net->a[l + 1][j]);
            }
        ck_assert_msg(out == net->a[3], _("return net->a[n_layers-1]"));
        ck_assert_msg(net->a[0][4] == x[4], _("net->a[0] should hold the input x"));
        network_free(net);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("07_feedforward");
    EX_ADD(s, test_a_network_of_sizes_2_2_1_computed_by_hand);
    EX_ADD(s, test_random_deep_networks_match_a_double_precision_forward_pass);
    return ex_main(s);
}
