/* Tests for exercise 4: scaling a perceptron network by c. */
#include "ex_check.h"

/* The test's own perceptron network with scale c, written independently. */
static void reference(int *out, const SmallNet *net, const double *x,
                      double c)
{
    double a[EX_MAX_LAYERS][EX_MAX_UNITS];
    for (int k = 0; k < net->sizes[0]; k++)
        a[0][k] = x[k];
    for (int l = 1; l < net->num_layers; l++)
        for (int j = 0; j < net->sizes[l]; j++) {
            double z = net->b[l - 1][j];
            for (int k = 0; k < net->sizes[l - 1]; k++)
                z += net->w[l - 1][j * net->sizes[l - 1] + k] * a[l - 1][k];
            a[l][j] = c * z > 0.0;
        }
    for (int j = 0; j < net->sizes[net->num_layers - 1]; j++)
        out[j] = (int)a[net->num_layers - 1][j];
}

/* A random [4, 3, 3, 2] perceptron network with weights in [-2, 2]. */
static SmallNet random_net(uint64_t *s)
{
    SmallNet net = {.num_layers = 4, .sizes = {4, 3, 3, 2}};
    for (int l = 0; l < 3; l++)
        for (int j = 0; j < net.sizes[l + 1]; j++) {
            net.b[l][j] = 4 * ex_rand(s) - 2;
            for (int k = 0; k < net.sizes[l]; k++)
                net.w[l][j * net.sizes[l] + k] = 4 * ex_rand(s) - 2;
        }
    return net;
}

/* Runs 50 random networks on all 16 binary inputs; compares the learner's
 * network at scale c with the reference at scale ref_c. */
static void compare(double c, double ref_c, const char *why)
{
    uint64_t s = 4;
    for (int t = 0; t < 50; t++) {
        SmallNet net = random_net(&s), copy = net;
        for (int bits = 0; bits < 16; bits++) {
            double x[4] = {bits & 1, bits >> 1 & 1, bits >> 2 & 1, bits >> 3 & 1};
            int got[2] = {-1, -1}, want[2];
            ex_perceptron_net(got, &net, x, c);
            reference(want, &net, x, ref_c);
            ck_assert_msg(got[0] == want[0] && got[1] == want[1],
                          _("network %d, inputs (%g,%g,%g,%g), c = %g: expected "
                          "outputs (%d,%d), got (%d,%d)%s"), t, x[0], x[1], x[2],
                          x[3], c, want[0], want[1], got[0], got[1], why);
            ck_assert_msg(memcmp(&net, &copy, sizeof net) == 0,
                          _("ex_perceptron_net changed the network: scale "
                          "while you compute, do not modify net"));
        }
    }
}

START_TEST(test_with_c_equal_to_one_it_is_the_plain_network)
{
    compare(1.0, 1.0, "");
}
END_TEST

START_TEST(test_a_tiny_c_changes_no_output)
{
    compare(0.001, 1.0, _(" (c > 0 must leave every output unchanged)"));
}
END_TEST

START_TEST(test_a_huge_c_changes_no_output)
{
    compare(1000.0, 1.0, _(" (c > 0 must leave every output unchanged)"));
}
END_TEST

START_TEST(test_c_equal_to_zero_silences_every_perceptron)
{
    compare(0.0, 0.0, _(" (with c = 0 every z is 0, and 0 is not > 0)"));
}
END_TEST

START_TEST(test_a_negative_c_flips_decisions)
{
    compare(-1.0, -1.0, _(" (c < 0 flips the sign of every z: the outputs "
                          "change, which is why the exercise needs c > 0)"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("04_perceptron_scaling");
    EX_ADD(s, test_with_c_equal_to_one_it_is_the_plain_network);
    EX_ADD(s, test_a_tiny_c_changes_no_output);
    EX_ADD(s, test_a_huge_c_changes_no_output);
    EX_ADD(s, test_c_equal_to_zero_silences_every_perceptron);
    EX_ADD(s, test_a_negative_c_flips_decisions);
    return ex_main(s);
}
