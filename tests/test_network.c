/* test_network.c - the network module: feedforward and backprop against
 * hand-computed values, backprop against finite differences, SGD steps,
 * determinism and save/load. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

/* The [2,2,1] network worked out by hand in the comments below. */
static Network *tiny_network(void)
{
    const int sizes[] = {2, 2, 1};
    Network *net = network_create(sizes, 3, NULL);
    const float w0[] = {0.1f, 0.2f, -0.3f, 0.4f}, b0[] = {0.3f, -0.1f};
    const float w1[] = {0.5f, -0.6f}, b1[] = {0.2f};
    memcpy(net->w[0], w0, sizeof w0), memcpy(net->b[0], b0, sizeof b0);
    memcpy(net->w[1], w1, sizeof w1), memcpy(net->b[1], b1, sizeof b1);
    return net;
}

START_TEST(test_create_rejects_bad_sizes)
{
    const int one[] = {3}, zero[] = {3, 0, 2};
    ck_assert_ptr_null(network_create(one, 1, NULL));
    ck_assert_ptr_null(network_create(zero, 3, NULL));
    ck_assert_ptr_null(network_create(NULL, 2, NULL));
}
END_TEST

START_TEST(test_parameter_count_is_weights_plus_biases)
{
    const int sizes[] = {784, 30, 10};
    Network *net = network_create(sizes, 3, NULL);
    ck_assert_uint_eq(network_num_params(net), 784 * 30 + 30 + 30 * 10 + 10);
    network_free(net);
}
END_TEST

START_TEST(test_initial_weights_are_standard_normal)
{
    const int sizes[] = {100, 100, 10};
    Rng rng;
    rng_seed(&rng, 7);
    Network *net = network_create(sizes, 3, &rng);
    double sum = 0, sq = 0;
    for (size_t i = 0; i < net->num_params; i++)
        sum += net->params[i], sq += (double)net->params[i] * net->params[i];
    double mean = sum / net->num_params, var = sq / net->num_params - mean * mean;
    ck_assert_double_eq_tol(mean, 0.0, 0.03);
    ck_assert_double_eq_tol(var, 1.0, 0.05);
    network_free(net);
}
END_TEST

START_TEST(test_feedforward_matches_hand_computation)
{
    /* z0 = (0.1*1 + 0.2*0.5 + 0.3, -0.3*1 + 0.4*0.5 - 0.1) = (0.5, -0.2)
     * a1 = sigma(z0) = (0.6224593, 0.4501660)
     * z1 = 0.5*0.6224593 - 0.6*0.4501660 + 0.2 = 0.2411301
     * a2 = sigma(z1) = 0.5599921 */
    Network *net = tiny_network();
    const float x[] = {1.0f, 0.5f};
    const float *a = network_feedforward(net, x);
    ck_assert_float_eq_tol(net->a[1][0], 0.6224593f, 1e-6f);
    ck_assert_float_eq_tol(net->a[1][1], 0.4501660f, 1e-6f);
    ck_assert_float_eq_tol(net->z[1][0], 0.2411301f, 1e-6f);
    ck_assert_float_eq_tol(a[0], 0.5599921f, 1e-6f);
    network_free(net);
}
END_TEST

START_TEST(test_backprop_matches_hand_computation)
{
    /* y = 1.  BP1: delta2 = (a2 - 1) a2 (1 - a2) = -0.1084184
     * BP4: nabla_w1 = delta2 * a1 = (-0.0674860, -0.0488063)
     * BP2: delta1 = w1^T delta2 * a1 (1 - a1) = (-0.0127394, 0.0161012)
     * BP4: nabla_w0 = delta1 x^T, BP3: nabla_b = delta. */
    Network *net = tiny_network();
    const float x[] = {1.0f, 0.5f}, y[] = {1.0f};
    network_zero_grad(net);
    network_backprop(net, x, y);
    ck_assert_float_eq_tol(net->nabla_b[1][0], -0.1084184f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_w[1][0], -0.0674860f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_w[1][1], -0.0488063f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_b[0][0], -0.0127394f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_b[0][1], 0.0161012f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_w[0][0], -0.0127394f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_w[0][1], -0.0063697f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_w[0][2], 0.0161012f, 1e-6f);
    ck_assert_float_eq_tol(net->nabla_w[0][3], 0.0080506f, 1e-6f);
    network_free(net);
}
END_TEST

/* C_x = |y - a|^2 / 2 for one example. */
static double cost_x(Network *net, const float *x, const float *y)
{
    const float *a = network_feedforward(net, x);
    double c = 0;
    for (int j = 0; j < net->sizes[net->num_layers - 1]; j++)
        c += 0.5 * ((double)a[j] - y[j]) * ((double)a[j] - y[j]);
    return c;
}

static const int shapes[][5] = {{3, 4, 2}, {5, 4, 3, 2}, {2, 6, 5, 4, 3}};
static const int shape_len[] = {3, 4, 5};

START_TEST(test_backprop_matches_finite_differences)
{
    Rng rng;
    rng_seed(&rng, 100 + _i);
    Network *net = network_create(shapes[_i], shape_len[_i], &rng);
    float x[8], y[8];
    for (int k = 0; k < net->sizes[0]; k++)
        x[k] = (float)rng_uniform(&rng);
    for (int j = 0; j < net->sizes[net->num_layers - 1]; j++)
        y[j] = (float)rng_uniform(&rng);
    network_zero_grad(net);
    network_backprop(net, x, y);
    double largest = 0;
    for (size_t p = 0; p < net->num_params; p++) {
        float keep = net->params[p];
        net->params[p] = keep + 1e-2f;
        double up = cost_x(net, x, y), h_up = net->params[p] - keep;
        net->params[p] = keep - 1e-2f;
        double down = cost_x(net, x, y), h_down = keep - net->params[p];
        net->params[p] = keep;
        double numeric = (up - down) / (h_up + h_down);
        ck_assert_msg(fabs(numeric - net->nabla[p]) < 2e-4 + 1e-2 * fabs(numeric),
                      "parameter %zu: backprop %g, finite difference %g", p,
                      net->nabla[p], numeric);
        largest = fmax(largest, fabs(net->nabla[p]));
    }
    ck_assert_msg(largest > 1e-3, "the gradient is (almost) all zero");
    network_free(net);
}
END_TEST

START_TEST(test_backprop_adds_to_the_gradient)
{
    Network *net = tiny_network();
    const float x[] = {1.0f, 0.5f}, y[] = {1.0f};
    network_zero_grad(net);
    network_backprop(net, x, y);
    float once = net->nabla_w[0][0];
    network_backprop(net, x, y);
    ck_assert_float_eq_tol(net->nabla_w[0][0], 2 * once, 1e-7f);
    network_free(net);
}
END_TEST

START_TEST(test_one_update_lowers_the_cost_on_its_mini_batch)
{
    const int sizes[] = {16, 8, 10};
    Rng rng;
    rng_seed(&rng, 5);
    Dataset ds = random_dataset(10, 16, &rng);
    Network *net = network_create(sizes, 3, &rng);
    size_t idx[10];
    for (size_t i = 0; i < 10; i++)
        idx[i] = i;
    double before = network_total_cost(net, &ds);
    network_update_mini_batch(net, &ds, idx, 10, 0.1f);
    double after = network_total_cost(net, &ds);
    ck_assert_msg(after < before, "cost %g -> %g", before, after);
    network_free(net);
    dataset_free(&ds);
}
END_TEST

START_TEST(test_sgd_learns_a_small_problem)
{
    /* 200 random images, labels a function of the first pixel: SGD must
     * fit them far better than chance. */
    const int sizes[] = {8, 10, 10};
    Rng rng;
    rng_seed(&rng, 9);
    Dataset ds = random_dataset(200, 8, &rng);
    for (size_t i = 0; i < ds.n; i++)
        ds.y[i] = ds.x[i * 8] / 26;          /* 0..9 */
    Network *net = network_create(sizes, 3, &rng);
    size_t before = network_evaluate(net, &ds);
    ck_assert_int_eq(network_sgd(net, &ds, 200, 10, 3.0f, &rng, NULL, NULL), 200);
    size_t after = network_evaluate(net, &ds);
    ck_assert_msg(after > 100 && after > before + 50, "%zu -> %zu correct",
                  before, after);
    network_free(net);
    dataset_free(&ds);
}
END_TEST

static int stop_after_two(int epoch, const Network *net, void *ctx)
{
    (void)net;
    ++*(int *)ctx;
    return epoch == 1;
}

START_TEST(test_sgd_calls_back_each_epoch_and_can_stop)
{
    const int sizes[] = {4, 3, 10};
    Rng rng;
    rng_seed(&rng, 1);
    Dataset ds = random_dataset(20, 4, &rng);
    Network *net = network_create(sizes, 3, &rng);
    int calls = 0;
    ck_assert_int_eq(network_sgd(net, &ds, 5, 3, 1.0f, &rng, stop_after_two, &calls), 2);
    ck_assert_int_eq(calls, 2);
    network_free(net);
    dataset_free(&ds);
}
END_TEST

/* Trains a fresh network with seed and returns its parameters' sum of
 * squares and first parameter. */
static void train_with_seed(uint64_t seed, float *out, size_t n_out)
{
    const int sizes[] = {6, 5, 10};
    Rng data_rng, rng;
    rng_seed(&data_rng, 3);
    Dataset ds = random_dataset(50, 6, &data_rng);
    rng_seed(&rng, seed);
    Network *net = network_create(sizes, 3, &rng);
    network_sgd(net, &ds, 3, 7, 2.0f, &rng, NULL, NULL);
    memcpy(out, net->params, n_out * sizeof *out);
    network_free(net);
    dataset_free(&ds);
}

START_TEST(test_same_seed_gives_identical_training)
{
    float a[40], b[40], c[40];
    train_with_seed(11, a, 40);
    train_with_seed(11, b, 40);
    train_with_seed(12, c, 40);
    ck_assert_mem_eq(a, b, sizeof a);
    ck_assert(memcmp(a, c, sizeof a) != 0);
}
END_TEST

START_TEST(test_evaluate_counts_argmax_equal_to_label)
{
    /* A [1,10] network whose biases make output 3 the largest for every
     * input: it is right exactly on the examples labelled 3. */
    const int sizes[] = {1, 10};
    Network *net = network_create(sizes, 2, NULL);
    net->b[0][3] = 5.0f;
    unsigned char x[4] = {0, 10, 20, 30}, y[4] = {3, 1, 3, 9};
    Dataset ds = {4, 1, 1, 1, x, y, 0};
    ck_assert_uint_eq(network_evaluate(net, &ds), 2);
    network_free(net);
}
END_TEST

START_TEST(test_save_then_load_is_bit_exact)
{
    const int sizes[] = {7, 5, 4, 3};
    Rng rng;
    rng_seed(&rng, 21);
    Network *net = network_create(sizes, 4, &rng), *back = NULL;
    char path[300], err[NNDL_ERRLEN];
    snprintf(path, sizeof path, "%s/model.nndl", temp_dir());
    ck_assert_int_eq(network_save(net, path, err), NNDL_OK);
    ck_assert_int_eq(network_load(&back, path, err), NNDL_OK);
    ck_assert_int_eq(back->num_layers, 4);
    ck_assert_mem_eq(back->sizes, net->sizes, sizeof(int) * 4);
    ck_assert_mem_eq(back->params, net->params, net->num_params * sizeof(float));
    network_free(net);
    network_free(back);
}
END_TEST

/* Saves the tiny network, lets `damage` edit the bytes, and loads. */
static NndlStatus load_damaged(void (*damage)(unsigned char *, size_t *),
                               char *err)
{
    Network *net = tiny_network(), *back = (Network *)1;
    char path[300];
    snprintf(path, sizeof path, "%s/model.nndl", temp_dir());
    ck_assert_int_eq(network_save(net, path, err), NNDL_OK);
    unsigned char buf[256];
    FILE *f = fopen(path, "rb");
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    damage(buf, &len);
    ck_assert_int_eq(write_file(path, buf, len), 0);
    NndlStatus st = network_load(&back, path, err);
    ck_assert_ptr_null(back);
    network_free(net);
    return st;
}

static void bad_magic(unsigned char *b, size_t *n) { (void)n; b[0] = 'X'; }
static void bad_version(unsigned char *b, size_t *n) { (void)n; b[4] = 9; }
static void cut_short(unsigned char *b, size_t *n) { (void)b; *n -= 5; }
static void flip_a_bit(unsigned char *b, size_t *n) { b[*n / 2] ^= 1; }
static void bad_sizes(unsigned char *b, size_t *n) { (void)n; b[16] = 0; b[17] = 0; }

START_TEST(test_load_rejects_damaged_files_with_a_reason)
{
    char err[NNDL_ERRLEN];
    ck_assert_int_eq(load_damaged(bad_magic, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "bad magic"));
    ck_assert_int_eq(load_damaged(bad_version, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "version 9"));
    ck_assert_int_eq(load_damaged(cut_short, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "truncated"));
    ck_assert_int_eq(load_damaged(flip_a_bit, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "checksum"));
    ck_assert_int_eq(load_damaged(bad_sizes, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "size 0"));
}
END_TEST

START_TEST(test_load_rejects_nan_parameters)
{
    Network *net = tiny_network(), *back = NULL;
    char path[300], err[NNDL_ERRLEN];
    net->b[1][0] = NAN;
    snprintf(path, sizeof path, "%s/nan.nndl", temp_dir());
    ck_assert_int_eq(network_save(net, path, err), NNDL_OK);
    ck_assert_int_eq(network_load(&back, path, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "NaN"));
    ck_assert_ptr_null(back);
    network_free(net);
}
END_TEST

START_TEST(test_load_names_a_missing_file)
{
    Network *back = NULL;
    char err[NNDL_ERRLEN];
    ck_assert_int_eq(network_load(&back, "/nonexistent/m.nndl", err), NNDL_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/m.nndl"));
}
END_TEST

START_TEST(test_sgd_fails_as_the_fast_path_does)
{
    const int sizes[] = {4, 3, 10};
    Rng rng;
    rng_seed(&rng, 3);
    Dataset ds = random_dataset(20, 4, &rng);
    Network *net = network_create(sizes, 3, &rng);
    ck_assert_int_eq(network_sgd(net, &ds, 2, 0, 1.0f, &rng, NULL, NULL), -1);
    ck_assert_int_eq(network_fast_sgd(net, &ds, 2, 0, 1.0f, &rng, 1, NULL,
                                      NULL), -1);
    network_free(net);
    dataset_free(&ds);
}
END_TEST

/* The network does not know about MNIST: three classes, three outputs. */
START_TEST(test_trains_a_network_of_three_outputs)
{
    const int sizes[] = {4, 6, 3};
    Rng rng;
    rng_seed(&rng, 4);
    Dataset ds = random_dataset(60, 4, &rng);
    for (size_t i = 0; i < ds.n; i++)
        ds.y[i] = ds.x[i * 4] / 86;             /* 0..2 */
    Network *net = network_create(sizes, 3, &rng);
    double before = network_total_cost(net, &ds);
    ck_assert_int_eq(network_sgd(net, &ds, 30, 5, 2.0f, &rng, NULL, NULL), 30);
    ck_assert_double_lt(network_total_cost(net, &ds), before);
    network_free(net);
    dataset_free(&ds);
}
END_TEST

START_TEST(test_load_refuses_a_fifo_without_waiting)
{
    Network *back = (Network *)1;
    char path[300], err[NNDL_ERRLEN];
    snprintf(path, sizeof path, "%s/fifo.nndl", temp_dir());
    ck_assert_int_eq(mkfifo(path, 0644), 0);
    ck_assert_int_eq(network_load(&back, path, err), NNDL_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err, "not a regular file"));
    ck_assert_ptr_null(back);
}
END_TEST

START_TEST(test_save_keeps_the_mode_and_refuses_a_fifo)
{
    Network *net = tiny_network();
    char path[300], fifo[300], err[NNDL_ERRLEN];
    struct stat st;
    const char *dir = temp_dir();
    snprintf(path, sizeof path, "%s/model.nndl", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.nndl", dir);
    ck_assert_int_eq(network_save(net, path, err), NNDL_OK);
    ck_assert_int_eq(chmod(path, 0600), 0);
    ck_assert_int_eq(network_save(net, path, err), NNDL_OK);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    ck_assert_int_ne(network_save(net, fifo, err), NNDL_OK);
    ck_assert_int_eq(lstat(fifo, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    network_free(net);
}
END_TEST

START_TEST(test_is_finite_spots_one_nan_or_infinity)
{
    Network *net = tiny_network();
    ck_assert_int_eq(network_is_finite(net), 1);
    net->w[1][1] = INFINITY;
    ck_assert_int_eq(network_is_finite(net), 0);
    net->w[1][1] = 0.0f;
    net->b[0][0] = NAN;
    ck_assert_int_eq(network_is_finite(net), 0);
    network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("network");
    TCase *tc = tcase_create("network");
    tcase_add_test(tc, test_create_rejects_bad_sizes);
    tcase_add_test(tc, test_parameter_count_is_weights_plus_biases);
    tcase_add_test(tc, test_initial_weights_are_standard_normal);
    tcase_add_test(tc, test_feedforward_matches_hand_computation);
    tcase_add_test(tc, test_backprop_matches_hand_computation);
    tcase_add_loop_test(tc, test_backprop_matches_finite_differences, 0, 3);
    tcase_add_test(tc, test_backprop_adds_to_the_gradient);
    tcase_add_test(tc, test_one_update_lowers_the_cost_on_its_mini_batch);
    tcase_add_test(tc, test_sgd_learns_a_small_problem);
    tcase_add_test(tc, test_sgd_calls_back_each_epoch_and_can_stop);
    tcase_add_test(tc, test_same_seed_gives_identical_training);
    tcase_add_test(tc, test_evaluate_counts_argmax_equal_to_label);
    tcase_add_test(tc, test_save_then_load_is_bit_exact);
    tcase_add_test(tc, test_load_rejects_damaged_files_with_a_reason);
    tcase_add_test(tc, test_load_rejects_nan_parameters);
    tcase_add_test(tc, test_load_names_a_missing_file);
    tcase_add_test(tc, test_is_finite_spots_one_nan_or_infinity);
    tcase_add_test(tc, test_sgd_fails_as_the_fast_path_does);
    tcase_add_test(tc, test_trains_a_network_of_three_outputs);
    tcase_add_test(tc, test_load_refuses_a_fifo_without_waiting);
    tcase_add_test(tc, test_save_keeps_the_mode_and_refuses_a_fifo);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
