/* Tests for exercise 6: sigmoid networks scaled by c approach perceptrons. */
#include "ex_check.h"

/* The test's own networks, layer by layer; sigmoid when step is 0. */
static void reference(double *out, const SmallNet *net, const double *x,
                      double c, int step)
{
    double a[EX_MAX_LAYERS][EX_MAX_UNITS];
    for (int k = 0; k < net->sizes[0]; k++)
        a[0][k] = x[k];
    for (int l = 1; l < net->num_layers; l++)
        for (int j = 0; j < net->sizes[l]; j++) {
            double z = net->b[l - 1][j];
            for (int k = 0; k < net->sizes[l - 1]; k++)
                z += net->w[l - 1][j * net->sizes[l - 1] + k] * a[l - 1][k];
            a[l][j] = step ? (z > 0) : ex_sigma(c * z);
        }
    for (int j = 0; j < net->sizes[net->num_layers - 1]; j++)
        out[j] = a[net->num_layers - 1][j];
}

/* [3, 3, 2] nets with integer weights and half-integer biases: with 0/1
 * inputs no perceptron ever has w.x + b = 0. */
static SmallNet random_net(uint64_t *s)
{
    SmallNet net = {.num_layers = 3, .sizes = {3, 3, 2}};
    for (int l = 0; l < 2; l++)
        for (int j = 0; j < net.sizes[l + 1]; j++) {
            net.b[l][j] = (int)(5 * ex_rand(s)) - 2 + 0.5;
            for (int k = 0; k < net.sizes[l]; k++)
                net.w[l][j * net.sizes[l] + k] = (int)(5 * ex_rand(s)) - 2;
        }
    return net;
}

/* The largest gap between the learner's outputs at c and the reference
 * (sigmoid at c, or the perceptron network), over 30 nets x 8 inputs. */
static double worst_gap(double c, int against_step)
{
    uint64_t s = 6;
    double worst = 0.0;
    for (int t = 0; t < 30; t++) {
        SmallNet net = random_net(&s);
        for (int bits = 0; bits < 8; bits++) {
            double x[3] = {bits & 1, bits >> 1 & 1, bits >> 2 & 1};
            double got[2] = {NAN, NAN}, want[2];
            ex_sigmoid_net(got, &net, x, c);
            reference(want, &net, x, c, against_step);
            for (int j = 0; j < 2; j++) {
                double gap = fabs(got[j] - want[j]);
                if (!(gap <= worst))
                    worst = isnan(gap) ? INFINITY : gap;
            }
        }
    }
    return worst;
}

START_TEST(test_outputs_match_the_sigmoid_network_at_c_one_and_three)
{
    double g1 = worst_gap(1.0, 0), g3 = worst_gap(3.0, 0);
    ck_assert_msg(g1 < 1e-12 && g3 < 1e-12, _("expected the outputs of the "
                  "sigmoid network with weights and biases times c; they "
                  "differ by up to %g (c = 1) and %g (c = 3)"), g1, g3);
}
END_TEST

START_TEST(test_as_c_grows_the_outputs_approach_the_perceptrons)
{
    const double c[] = {1, 10, 100, 1000};
    double gap[4];
    for (int i = 0; i < 4; i++)
        gap[i] = worst_gap(c[i], 1);
    ck_assert_msg(gap[0] > 0.05, _("at c = 1 a sigmoid network is not yet a "
                  "perceptron network, but yours is within %g of it"), gap[0]);
    ck_assert_msg(gap[1] < gap[0] && gap[2] < gap[1] && gap[3] < 1e-9,
                  _("the largest gap to the perceptron network should shrink"
                  " to 0: got %g, %g, %g, %g for c = 1, 10, 100, 1000"),
                  gap[0], gap[1], gap[2], gap[3]);
}
END_TEST

START_TEST(test_a_neuron_with_w_x_plus_b_zero_stays_at_one_half)
{
    /* One neuron, w = (1, -1), b = 0, inputs (1, 1): w.x + b = 0. */
    SmallNet net = {.num_layers = 2, .sizes = {2, 1}};
    net.w[0][0] = 1, net.w[0][1] = -1, net.b[0][0] = 0;
    const double x[2] = {1, 1};
    for (double c = 1; c <= 1e6; c *= 10) {
        double got = NAN;
        ex_sigmoid_net(&got, &net, x, c);
        ck_assert_msg(fabs(got - 0.5) < 1e-12, _("w.x + b = 0, c = %g: "
                      "sigma(c * 0) is 1/2 whatever c is (the perceptron "
                      "says 0, so here the limit fails); got %g"), c, got);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("06_sigmoid_limit");
    EX_ADD(s, test_outputs_match_the_sigmoid_network_at_c_one_and_three);
    EX_ADD(s, test_as_c_grows_the_outputs_approach_the_perceptrons);
    EX_ADD(s, test_a_neuron_with_w_x_plus_b_zero_stays_at_one_half);
    return ex_main(s);
}
