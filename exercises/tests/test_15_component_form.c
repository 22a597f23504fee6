/* Tests for exercise 15: a' = sigma(w a + b) in components. */
#include "ex_check.h"

START_TEST(test_a_hand_computed_three_by_two_layer)
{
    /* w = [[1, 2], [0, -1], [3, 0]], b = (0, 1, -3), a = (1, -1):
     * w a + b = (-1, 2, 0). */
    const double w[6] = {1, 2, 0, -1, 3, 0}, b[3] = {0, 1, -3}, a[2] = {1, -1};
    double out[3] = {NAN, NAN, NAN};
    ex_layer(out, w, b, a, 3, 2);
    const double z[3] = {-1, 2, 0};
    for (int j = 0; j < 3; j++)
        ck_assert_msg(fabs(out[j] - ex_sigma(z[j])) < 1e-12, _("a'_%d: "
                      "expected sigma(%g) = %.6f, got %.6f"), j, z[j],
                      ex_sigma(z[j]), out[j]);
}
END_TEST

START_TEST(test_each_component_is_one_sigmoid_neuron)
{
    uint64_t s = 15;
    for (int t = 0; t < 100; t++) {
        size_t n_out = 1 + t % 5, n_in = 1 + (t / 5) % 7;
        double w[35], b[5], a[7], out[5];
        for (size_t i = 0; i < n_out * n_in; i++)
            w[i] = 4 * ex_rand(&s) - 2;
        for (size_t j = 0; j < n_out; j++)
            b[j] = 2 * ex_rand(&s) - 1;
        for (size_t k = 0; k < n_in; k++)
            a[k] = ex_rand(&s);
        ex_layer(out, w, b, a, n_out, n_in);
        for (size_t j = 0; j < n_out; j++) {
            double want = sigmoid_neuron(w + j * n_in, a, b[j], n_in);
            ck_assert_msg(fabs(out[j] - want) < 1e-12, _("layer %zu x %zu, "
                          "a'_%zu: the sigmoid neuron with weights row %zu of"
                          " w and bias b_%zu gives %.6f, you gave %.6f"),
                          n_out, n_in, j, j, j, want, out[j]);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("15_component_form");
    EX_ADD(s, test_a_hand_computed_three_by_two_layer);
    EX_ADD(s, test_each_component_is_one_sigmoid_neuron);
    return ex_main(s);
}
