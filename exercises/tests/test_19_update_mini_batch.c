/* Tests for exercise 19: update_mini_batch. */
#include "ex_check.h"

#define DIM 6
#define N 8

static unsigned char pixels[N * DIM], labels[N];

static Dataset tiny_data(void)
{
    uint64_t s = 19;
    for (int i = 0; i < N * DIM; i++)
        pixels[i] = (unsigned char)(256 * ex_rand(&s));
    for (int i = 0; i < N; i++)
        labels[i] = (unsigned char)((i * 7) % 10);
    Dataset d = {.n = N, .rows = 2, .cols = 3, .dim = DIM, .x = pixels,
                 .y = labels, .owns = 0};
    return d;
}

/* Mean C_x over the batch, in double, with parameter p set to v. */
static double batch_cost(const Network *net, const float *params, size_t p,
                         double v, const size_t *idx, size_t m)
{
    double total = 0;
    for (size_t i = 0; i < m; i++) {
        const unsigned char *px = pixels + idx[i] * DIM;
        double a[10], next[10];
        for (int k = 0; k < DIM; k++)
            a[k] = px[k] / 255.0;
        for (int l = 0; l < net->num_layers - 1; l++) {
            int n_in = net->sizes[l], n_out = net->sizes[l + 1];
            size_t wo = (size_t)(net->w[l] - net->params), bo = (size_t)(net->b[l] - net->params);
            for (int j = 0; j < n_out; j++) {
                size_t bp = bo + (size_t)j;
                double z = bp == p ? v : params[bp];
                for (int k = 0; k < n_in; k++) {
                    size_t wp = wo + (size_t)(j * n_in + k);
                    z += (wp == p ? v : params[wp]) * a[k];
                }
                next[j] = ex_sigma(z);
            }
            memcpy(a, next, sizeof a);
        }
        for (int j = 0; j < 10; j++) {
            double y = j == labels[idx[i]];
            total += (a[j] - y) * (a[j] - y) / 2;
        }
    }
    return total / (double)m;
}

static void expect_step(const size_t *idx, size_t m, float eta)
{
    const int sizes[3] = {DIM, 5, 10};
    Dataset data = tiny_data();
    Rng rng;
    rng_seed(&rng, 91);
    Network *net = network_create(sizes, 3, &rng);
    size_t np = net->num_params;
    float *before = malloc(np * sizeof *before);
    memcpy(before, net->params, np * sizeof *before);
    for (size_t p = 0; p < np; p++)
        net->nabla[p] = 1.0f;   /* left over from an earlier mini-batch */
    ex_update_mini_batch(net, &data, idx, m, eta);
    for (size_t p = 0; p < np; p++) {
        double h = 1e-4;
        double g = (batch_cost(net, before, p, before[p] + h, idx, m) -
                    batch_cost(net, before, p, before[p] - h, idx, m)) / (2 * h);
        double want = before[p] - eta * g;
        ck_assert_msg(fabs(net->params[p] - want) < 2e-5, _("batch of %zu, eta "
                      "%g: parameter %zu was %.6f, average gradient %.6f, so "
                      "expected %.6f after the step, got %.6f"), m, eta, p,
                      before[p], g, want, net->params[p]);
    }
    double c0 = batch_cost(net, before, np, 0, idx, m);
    double c1 = batch_cost(net, net->params, np, 0, idx, m);
    ck_assert_msg(c1 < c0, _("a small step should lower the mini-batch's cost:"
                  " %.6f before, %.6f after"), c0, c1);
    free(before);
    network_free(net);
}

START_TEST(test_a_step_on_three_examples_follows_the_average_gradient)
{
    const size_t idx[3] = {5, 2, 7};
    expect_step(idx, 3, 0.5f);
}
END_TEST

START_TEST(test_a_mini_batch_of_one_example_works)
{
    const size_t idx[1] = {4};
    expect_step(idx, 1, 1.0f);
}
END_TEST

START_TEST(test_the_whole_tiny_set_as_one_batch_works)
{
    const size_t idx[N] = {0, 1, 2, 3, 4, 5, 6, 7};
    expect_step(idx, N, 3.0f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("19_update_mini_batch");
    EX_ADD(s, test_a_step_on_three_examples_follows_the_average_gradient);
    EX_ADD(s, test_a_mini_batch_of_one_example_works);
    EX_ADD(s, test_the_whole_tiny_set_as_one_batch_works);
    return ex_main(s);
}
