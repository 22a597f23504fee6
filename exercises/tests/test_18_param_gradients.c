/* Tests for exercise 18: BP3 and BP4. */
#include "ex_check.h"

#define LAYERS 3
static const int sizes[LAYERS] = {4, 3, 2};

/* C_x of the network in double precision, with parameter p replaced by v
 * (p indexes net->params: every w[l], then every b[l]). */
static double cost_with(const Network *net, size_t p, double v,
                        const float *x, const float *y)
{
    double a[8], next[8];
    for (int k = 0; k < sizes[0]; k++)
        a[k] = x[k];
    for (int l = 0; l < LAYERS - 1; l++) {
        for (int j = 0; j < sizes[l + 1]; j++) {
            const float *b = net->b[l] + j;
            double s = (size_t)(b - net->params) == p ? v : *b;
            for (int k = 0; k < sizes[l]; k++) {
                const float *w = net->w[l] + j * sizes[l] + k;
                s += ((size_t)(w - net->params) == p ? v : *w) * a[k];
            }
            next[j] = ex_sigma(s);
        }
        memcpy(a, next, sizeof a);
    }
    double c = 0;
    for (int j = 0; j < sizes[LAYERS - 1]; j++)
        c += (a[j] - y[j]) * (a[j] - y[j]) / 2;
    return c;
}

/* Fills z, a and every delta for (x, y) using the library's backprop,
 * then clears nabla so only the learner's code writes it. */
static void prepare(Network *net, const float *x, const float *y)
{
    network_backprop(net, x, y);
    network_zero_grad(net);
}

START_TEST(test_the_gradient_matches_finite_differences_for_every_parameter)
{
    Rng rng;
    rng_seed(&rng, 18);
    for (int t = 0; t < 10; t++) {
        Network *net = network_create(sizes, LAYERS, &rng);
        float x[4], y[2] = {1, 0};
        for (int k = 0; k < 4; k++)
            x[k] = (float)rng_uniform(&rng);
        prepare(net, x, y);
        ex_param_gradients(net);
        double total = 0;
        for (size_t p = 0; p < net->num_params; p++) {
            double h = 1e-4, v = net->params[p];
            double fd = (cost_with(net, p, v + h, x, y) -
                         cost_with(net, p, v - h, x, y)) / (2 * h);
            total += fabs(fd);
            int is_w = p < (size_t)(net->b[0] - net->params);
            ck_assert_msg(fabs(net->nabla[p] - fd) < 1e-5 + 1e-3 * fabs(fd),
                          _("network %d, parameter %zu (a %s): dC_x/d%s "
                          "measured %.7f, got %.7f"), t, p, is_w ? _("weight") :
                          _("bias"), is_w ? "w" : "b", fd, net->nabla[p]);
        }
        ck_assert_msg(total > 1e-3, _("test problem: the gradient is ~0"));
        network_free(net);
    }
}
END_TEST

START_TEST(test_gradients_are_added_not_overwritten)
{
    Rng rng;
    rng_seed(&rng, 81);
    Network *net = network_create(sizes, LAYERS, &rng);
    const float x[4] = {0.1f, 0.9f, 0.5f, 0.3f}, y[2] = {0, 1};
    prepare(net, x, y);
    ex_param_gradients(net);
    float once[64];
    memcpy(once, net->nabla, net->num_params * sizeof(float));
    ex_param_gradients(net);
    for (size_t p = 0; p < net->num_params; p++)
        ck_assert_msg(fabs(net->nabla[p] - 2 * once[p]) <= 1e-6 * fabs(once[p]) + 1e-12,
                      _("calling it twice should double nabla (+=): parameter "
                      "%zu was %g after one call, %g after two"), p, once[p],
                      net->nabla[p]);
    double total = 0;
    for (size_t p = 0; p < net->num_params; p++)
        total += fabs(once[p]);
    ck_assert_msg(total > 1e-6, _("the gradient is all zero"));
    network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("18_param_gradients");
    EX_ADD(s, test_the_gradient_matches_finite_differences_for_every_parameter);
    EX_ADD(s, test_gradients_are_added_not_overwritten);
    return ex_main(s);
}
