/* Tests for exercise 23: XOR from a hidden layer. */
#include "ex_check.h"

/* The [2, 2, 1] network's output, computed here. */
static double run(const SmallNet *net, double x1, double x2, double h[2])
{
    for (int j = 0; j < 2; j++)
        h[j] = ex_sigma(net->w[0][2 * j] * x1 + net->w[0][2 * j + 1] * x2 +
                        net->b[0][j]);
    return ex_sigma(net->w[1][0] * h[0] + net->w[1][1] * h[1] + net->b[1][0]);
}

START_TEST(test_the_network_has_one_hidden_layer_of_two)
{
    SmallNet net;
    ex_xor_net(&net);
    ck_assert_msg(net.num_layers == 3 && net.sizes[0] == 2 && net.sizes[1] == 2
                  && net.sizes[2] == 1, _("expected sizes {2, 2, 1}, got %d "
                  "layers"), net.num_layers);
}
END_TEST

START_TEST(test_the_output_is_x1_xor_x2)
{
    SmallNet net;
    ex_xor_net(&net);
    for (int bits = 0; bits < 4; bits++) {
        int x1 = bits & 1, x2 = bits >> 1, want = x1 ^ x2;
        double h[2], a = run(&net, x1, x2, h);
        ck_assert_msg(want ? a > 0.99 : a < 0.01, _("inputs (%d, %d): XOR is %d,"
                      " so expected output %s, got %.4f (hidden answers %.3f, "
                      "%.3f)"), x1, x2, want, want ? "> 0.99" : "< 0.01", a,
                      h[0], h[1]);
    }
}
END_TEST

START_TEST(test_each_hidden_neuron_gives_a_clear_answer)
{
    SmallNet net;
    ex_xor_net(&net);
    for (int bits = 0; bits < 4; bits++) {
        double h[2];
        run(&net, bits & 1, bits >> 1, h);
        for (int j = 0; j < 2; j++)
            ck_assert_msg(h[j] < 0.05 || h[j] > 0.95, _("inputs (%d, %d): hidden"
                          " neuron %d answers %.3f, neither yes nor no: each "
                          "sub-question should have a clear answer"), bits & 1,
                          bits >> 1, j, h[j]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("23_xor_in_layers");
    EX_ADD(s, test_the_network_has_one_hidden_layer_of_two);
    EX_ADD(s, test_the_output_is_x1_xor_x2);
    EX_ADD(s, test_each_hidden_neuron_gives_a_clear_answer);
    return ex_main(s);
}
