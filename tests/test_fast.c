/* test_fast.c - the fast path (lib/fast/) against the textbook
 * path (lib/network.c).
 *
 * Tolerance: none.  The fast path adds the same terms in the same order as
 * the textbook path (see the comment at the top of lib/fast/kernels.c), so the
 * parameters must agree bit for bit -- after one mini-batch, after a
 * partial last mini-batch, after whole epochs, for every layer shape and
 * every number of threads.  A single reordered sum or a fused multiply-add
 * makes these tests fail, which is the point: "the same results" is then
 * checkable by memcmp instead of by a guessed epsilon.  (If a compiler
 * ever contracted a*b + c into an FMA in network.c but not here, the
 * results would differ in the last bits; the build uses -std=c11, where
 * GCC does not contract.)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fast/fast.h"
#include "testutil.h"

/* n random images of dim pixels where about `blank` percent of the
 * pixels are 0, as in MNIST (so the fast path's skipping is exercised),
 * with labels 0..9. */
static Dataset sparse_dataset(size_t n, size_t dim, int blank, Rng *rng)
{
    Dataset ds = random_dataset(n, dim, rng);
    for (size_t i = 0; i < n * dim; i++)
        if ((int)rng_below(rng, 100) < blank)
            ds.x[i] = 0;
    return ds;
}

/* 1 if a and b hold the same parameters, bit for bit. */
static int same_params(const Network *a, const Network *b)
{
    return a->num_params == b->num_params &&
           memcmp(a->params, b->params, a->num_params * sizeof(float)) == 0;
}

/* Largest |a - b| over the parameters (for the failure message). */
static double max_diff(const Network *a, const Network *b)
{
    double d = 0;
    for (size_t p = 0; p < a->num_params; p++)
        d = fmax(d, fabs((double)a->params[p] - b->params[p]));
    return d;
}

/* One mini-batch of m examples (in a shuffled order: one epoch of a set
 * of m) with both paths from the same network; asserts the parameters
 * moved and agree exactly. */
static void check_one_mini_batch(const int *sizes, int L, size_t m,
                                 int blank, int threads, float eta)
{
    Rng rng, order;
    rng_seed(&rng, 100 + (uint64_t)L * 7 + m);
    Dataset data = sparse_dataset(m, (size_t)sizes[0], blank, &rng);
    Network *textbook = network_create(sizes, L, &rng);
    Network *fast = network_clone(textbook), *before = network_clone(textbook);
    rng_seed(&order, m);
    network_sgd(textbook, &data, 1, m, eta, &order, NULL, NULL);
    rng_seed(&order, m);
    ck_assert_int_eq(network_fast_sgd(fast, &data, 1, m, eta, &order, threads,
                                      NULL, NULL), 1);
    ck_assert_msg(!same_params(textbook, before), "the step changed nothing");
    ck_assert_msg(same_params(textbook, fast),
                  "layers %d, m %zu, threads %d: max |difference| %g",
                  L, m, threads, max_diff(textbook, fast));
    network_free(textbook), network_free(fast), network_free(before);
    dataset_free(&data);
}

START_TEST(test_one_mini_batch_matches_textbook_bit_for_bit)
{
    const int chapter[] = {784, 30, 10}, wide[] = {784, 100, 10};
    const int odd[] = {37, 41, 10}, tiny[] = {5, 3, 10};
    check_one_mini_batch(chapter, 3, 10, 80, 1, 3.0f);
    check_one_mini_batch(wide, 3, 10, 80, 1, 3.0f);
    check_one_mini_batch(odd, 3, 7, 50, 1, 0.5f);   /* sizes not multiples of 8 or 16 */
    check_one_mini_batch(tiny, 3, 1, 0, 1, 3.0f);
    check_one_mini_batch(chapter, 3, 10, 0, 1, 3.0f);  /* no zero pixels at all */
}
END_TEST

START_TEST(test_deeper_and_shallower_networks_match_textbook)
{
    const int four[] = {50, 30, 20, 10}, five[] = {64, 17, 33, 9, 10};
    const int none[] = {30, 10};                    /* no hidden layer */
    check_one_mini_batch(four, 4, 10, 70, 1, 3.0f);
    check_one_mini_batch(five, 5, 6, 70, 1, 1.0f);
    check_one_mini_batch(none, 2, 10, 70, 1, 3.0f);
}
END_TEST

START_TEST(test_batches_larger_than_a_chunk_match_textbook)
{
    const int sizes[] = {60, 24, 10};
    check_one_mini_batch(sizes, 3, 17, 60, 1, 3.0f);   /* 16 + 1 */
    check_one_mini_batch(sizes, 3, 50, 60, 2, 3.0f);   /* 4 passes */
}
END_TEST

START_TEST(test_threads_do_not_change_one_mini_batch)
{
    const int chapter[] = {784, 30, 10}, four[] = {50, 30, 20, 10};
    const int none[] = {30, 10}, wide[] = {784, 100, 10}, odd[] = {37, 41, 10};
    for (int threads = 2; threads <= 4; threads++) {
        check_one_mini_batch(chapter, 3, 10, 80, threads, 3.0f);
        check_one_mini_batch(wide, 3, 10, 80, threads, 3.0f);  /* 3, 4 splits */
        check_one_mini_batch(odd, 3, 7, 50, threads, 0.5f);
        check_one_mini_batch(four, 4, 10, 70, threads, 3.0f);
        check_one_mini_batch(none, 2, 10, 70, threads, 3.0f);
    }
}
END_TEST

/* Trains a copy of net with network_fast_sgd; returns the copy. */
static Network *fast_trained(const Network *net, const Dataset *data,
                             int epochs, size_t batch, int threads,
                             uint64_t seed)
{
    Network *copy = network_clone(net);
    Rng rng;
    rng_seed(&rng, seed);
    ck_assert_int_eq(network_fast_sgd(copy, data, epochs, batch, 3.0f, &rng,
                                      threads, NULL, NULL), epochs);
    return copy;
}

START_TEST(test_epochs_with_a_partial_last_batch_match_textbook)
{
    const int shapes[][4] = {{784, 30, 10}, {40, 30, 20, 10}, {40, 10}};
    const int layers[] = {3, 4, 2};
    for (int s = 0; s < 3; s++) {
        Rng rng;
        rng_seed(&rng, 5);
        Dataset data = sparse_dataset(53, (size_t)shapes[s][0], 75, &rng);
        Network *net = network_create(shapes[s], layers[s], &rng);
        Network *textbook = network_clone(net);
        rng_seed(&rng, 9);                  /* batches 10, 10, .., 3 */
        network_sgd(textbook, &data, 2, 10, 3.0f, &rng, NULL, NULL);
        for (int threads = 1; threads <= 2; threads++) {
            Network *fast = fast_trained(net, &data, 2, 10, threads, 9);
            ck_assert_msg(same_params(textbook, fast), "shape %d, threads %d: "
                          "max |difference| %g", s, threads,
                          max_diff(textbook, fast));
            network_free(fast);
        }
        network_free(net), network_free(textbook);
        dataset_free(&data);
    }
}
END_TEST

START_TEST(test_same_seed_gives_identical_networks_for_any_thread_count)
{
    const int sizes[] = {784, 100, 10};
    Rng rng;
    rng_seed(&rng, 11);
    Dataset data = sparse_dataset(200, 784, 80, &rng);
    Network *net = network_create(sizes, 3, &rng);
    Network *one = fast_trained(net, &data, 2, 10, 1, 4);
    for (int threads = 2; threads <= 3; threads++) {
        Network *more = fast_trained(net, &data, 2, 10, threads, 4);
        ck_assert_msg(same_params(one, more), "threads %d: max |difference| %g",
                      threads, max_diff(one, more));
        network_free(more);
    }
    Network *other = fast_trained(net, &data, 2, 10, 1, 5);
    ck_assert_msg(!same_params(one, other), "a different seed changed nothing");
    network_free(one), network_free(other), network_free(net);
    dataset_free(&data);
}
END_TEST

/* The background evaluation counts what the network was when it started:
 * training on while it runs changes nothing, and several run at once. */
START_TEST(test_background_evaluation_counts_the_network_as_it_was)
{
    const int sizes[] = {784, 30, 10};
    Rng rng;
    rng_seed(&rng, 13);
    Dataset data = sparse_dataset(203, 784, 80, &rng);
    Network *net = network_create(sizes, 3, &rng);
    FastEvaluation *before[3];
    size_t expect[3];
    for (int k = 0; k < 3; k++) {
        expect[k] = network_evaluate(net, &data);
        before[k] = network_fast_evaluate_start(net, &data);
        ck_assert_ptr_nonnull(before[k]);
        network_sgd(net, &data, 1, 10, 3.0f, &rng, NULL, NULL);
    }
    ck_assert_uint_ne(expect[0], network_evaluate(net, &data));  /* it moved */
    for (int k = 0; k < 3; k++)
        ck_assert_uint_eq(network_fast_evaluate_wait(before[k]), expect[k]);
    ck_assert_uint_eq(network_fast_evaluate_wait(NULL), SIZE_MAX);
    network_free(net);
    dataset_free(&data);
}
END_TEST

START_TEST(test_fast_evaluate_counts_as_the_textbook_does)
{
    const int sizes[] = {784, 30, 10}, four[] = {50, 30, 20, 10};
    Rng rng;
    rng_seed(&rng, 12);
    Dataset data = sparse_dataset(301, 784, 80, &rng);
    Network *net = network_create(sizes, 3, &rng);
    /* Train a little so that the answers are not all one digit. */
    network_sgd(net, &data, 3, 10, 3.0f, &rng, NULL, NULL);
    size_t textbook = network_evaluate(net, &data);
    for (int threads = 1; threads <= 3; threads++)
        ck_assert_uint_eq(network_fast_evaluate(net, &data, threads), textbook);
    Dataset small = sparse_dataset(7, 50, 50, &rng);
    Network *deep = network_create(four, 4, &rng);
    ck_assert_uint_eq(network_fast_evaluate(deep, &small, 2),
                      network_evaluate(deep, &small));
    Dataset empty = dataset_view(&data, 0, 0);
    ck_assert_uint_eq(network_fast_evaluate(net, &empty, 2), 0);
    network_free(net), network_free(deep);
    dataset_free(&data), dataset_free(&small);
}
END_TEST

START_TEST(test_create_rejects_bad_arguments)
{
    const int sizes[] = {4, 3, 10};
    Network *net = network_create(sizes, 3, NULL);
    ck_assert_ptr_null(network_fast_create(net, 0, 1));
    ck_assert_ptr_null(network_fast_create(net, 10, 0));
    NetworkFast *f = network_fast_create(net, 10, 1000);  /* capped, not refused */
    ck_assert_ptr_nonnull(f);
    network_fast_free(f);
    network_fast_free(NULL);
    Rng rng;
    rng_seed(&rng, 1);
    Dataset data = sparse_dataset(5, 4, 0, &rng);
    ck_assert_int_eq(network_fast_sgd(net, &data, 1, 0, 3.0f, &rng, 1, NULL, NULL), -1);
    network_free(net);
    dataset_free(&data);
}
END_TEST

typedef struct {
    const Dataset *data;
    size_t correct[4];
    int calls;
} Seen;

static int stop_after_two(int epoch, const Network *net, void *ctx)
{
    Seen *seen = ctx;
    ck_assert_int_eq(epoch, seen->calls);
    seen->correct[seen->calls++] = network_evaluate((Network *)net, seen->data);
    return epoch == 1;
}

START_TEST(test_sgd_reports_each_epoch_and_can_stop_early)
{
    const int sizes[] = {784, 30, 10};
    Rng rng;
    rng_seed(&rng, 13);
    Dataset data = sparse_dataset(100, 784, 80, &rng);
    Network *net = network_create(sizes, 3, &rng);
    Network *textbook = network_clone(net);
    Seen fast_seen = {&data, {0}, 0}, textbook_seen = {&data, {0}, 0};
    rng_seed(&rng, 2);
    ck_assert_int_eq(network_fast_sgd(net, &data, 4, 10, 3.0f, &rng, 2,
                                      stop_after_two, &fast_seen), 2);
    rng_seed(&rng, 2);
    ck_assert_int_eq(network_sgd(textbook, &data, 4, 10, 3.0f, &rng,
                                 stop_after_two, &textbook_seen), 2);
    ck_assert_int_eq(fast_seen.calls, 2);
    /* The callback saw the network of that epoch, as the textbook's did. */
    ck_assert_uint_eq(fast_seen.correct[0], textbook_seen.correct[0]);
    ck_assert_uint_eq(fast_seen.correct[1], textbook_seen.correct[1]);
    ck_assert(same_params(net, textbook));
    network_free(net), network_free(textbook);
    dataset_free(&data);
}
END_TEST

/* The real digits: a few epochs on a subset, both paths, the same final
 * accuracy (the issue asks for agreement within 0.3 points; the paths are
 * identical, so the counts must be equal). */
START_TEST(test_real_mnist_accuracy_agrees_with_textbook)
{
    MnistSplit d;
    char err[NNDL_ERRLEN];
    ck_assert_msg(mnist_load_split(&d, mnist_default_dir(), 50000, err) == NNDL_OK,
                  "%s (run 'make data' first)", err);
    Dataset train = dataset_view(&d.training, 0, 5000);
    Dataset test = dataset_view(&d.test, 0, 1000);
    const int sizes[] = {784, 30, 10};
    Rng rng;
    rng_seed(&rng, 3);
    Network *textbook = network_create(sizes, 3, &rng);
    Network *start = network_clone(textbook);
    rng_seed(&rng, 2);
    network_sgd(textbook, &train, 3, 10, 3.0f, &rng, NULL, NULL);
    Network *fast = fast_trained(start, &train, 3, 10, 2, 2);
    size_t want = network_evaluate(textbook, &test);
    size_t got = network_fast_evaluate(fast, &test, 2);
    printf("real MNIST subset: textbook %zu / 1000, fast %zu / 1000\n", want, got);
    ck_assert_uint_ge(want, 800);           /* far above chance (100) */
    ck_assert_msg(fabs((double)got - (double)want) / 10.0 <= 0.3,
                  "accuracies differ by more than 0.3 points");
    ck_assert(same_params(textbook, fast));
    network_free(textbook), network_free(start), network_free(fast);
    mnist_split_free(&d);
}
END_TEST

/* The kernels the fast path runs: with NNDL_FAST_LANES=4 (make check
 * runs this suite a second time so, to hold the 4-float kernels to the
 * textbook too) the generic ones, else the best this CPU has among those
 * built: on x86-64 with AVX2 and FMA the ones with the vector sigmoid (if
 * it disagreed with this glibc's expf, they would be passed over and the
 * tests would quietly run the generic ones instead). */
START_TEST(test_the_kernels_are_the_ones_asked_for)
{
    const char *asked = getenv("NNDL_FAST_LANES");
    int lanes = 0;
    const char *name = network_fast_kernels(&lanes, NULL);
    ck_assert_ptr_nonnull(name);
    if (asked) {
        ck_assert_int_eq(lanes, atoi(asked));
        return;
    }
#ifdef NNDL_FAST_X86                    /* the library as lib/lib.mk builds it */
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        ck_assert_str_eq(name, "avx2");
    else
#endif
        ck_assert_str_eq(name, "generic");
}
END_TEST

/* NNDL_FAST_LANES is 4, 8 or unset; anything else is an error that names
 * the variable, never a silent default. */
START_TEST(test_a_bad_lanes_override_is_an_error)
{
    const char *bad[] = {"3", "abc", "", "4 ", "08", "16"};
    char err[NNDL_ERRLEN];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = 0;
        ck_assert_ptr_null(fast_pick(bad[i], err));
        ck_assert_msg(strstr(err, "NNDL_FAST_LANES=") != NULL, "%s", err);
    }
    ck_assert_int_eq(fast_pick("4", err)->lanes, 4);
    ck_assert_ptr_nonnull(fast_pick(NULL, err));
}
END_TEST

/* Every kernel table built and usable here against sigmoidf, value by
 * value, bit for bit (two NaNs count as equal): every 257th float of all
 * 2^32 bit patterns, in runs of every length from 1 to 40 (whole groups
 * of 8 and the rest), and the edges of expf's special cases. */
static void check_many(const FastKernels *k, const float *z, size_t n)
{
    float a[40];
    k->sigmoid_many(a, z, n);
    for (size_t i = 0; i < n; i++) {
        float s = sigmoidf(z[i]);
        if (memcmp(&a[i], &s, sizeof s) != 0 && !(isnan(a[i]) && isnan(s)))
            ck_abort_msg("%s sigmoid_many(%a) = %a, sigmoidf gives %a", k->name,
                         (double)z[i], (double)a[i], (double)s);
    }
}

START_TEST(test_sigmoid_many_is_sigmoidf_bit_for_bit)
{
    const FastKernels *all[] = {
#ifdef NNDL_FAST_X86
        &fast_kernels_avx2,
#endif
        &fast_kernels_generic};
    if ((size_t)_i >= sizeof all / sizeof *all || !all[_i]->usable())
        return;
    const FastKernels *k = all[_i];
    float z[40];
    uint64_t u = 0;
    for (size_t len = 1; u < (1ull << 32); len = len % 40 + 1) {
        for (size_t i = 0; i < len; i++, u += 257) {
            uint32_t bits = (uint32_t)u;
            memcpy(&z[i], &bits, sizeof bits);
        }
        check_many(k, z, len);
    }
    const float edge[] = {0.0f, -0.0f, 1e-45f, -1e-45f, 87.99999f, -87.99999f,
                          88.0f, -88.0f, 88.72f, -88.72f, 103.9f, -103.9f,
                          1e30f, -1e30f, INFINITY, -INFINITY, NAN, 0.5f};
    for (size_t n = 1; n <= sizeof edge / sizeof *edge; n++)
        check_many(k, edge, n);
    float same[16];                     /* a and z may be the same array */
    for (int i = 0; i < 16; i++)
        same[i] = (float)i - 7.5f;
    k->sigmoid_many(same, same, 16);
    for (int i = 0; i < 16; i++)
        ck_assert_float_eq(same[i], sigmoidf((float)i - 7.5f));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fast");
    TCase *tc = tcase_create("agreement");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_one_mini_batch_matches_textbook_bit_for_bit);
    tcase_add_test(tc, test_deeper_and_shallower_networks_match_textbook);
    tcase_add_test(tc, test_batches_larger_than_a_chunk_match_textbook);
    tcase_add_test(tc, test_threads_do_not_change_one_mini_batch);
    tcase_add_test(tc, test_epochs_with_a_partial_last_batch_match_textbook);
    tcase_add_test(tc, test_same_seed_gives_identical_networks_for_any_thread_count);
    tcase_add_test(tc, test_fast_evaluate_counts_as_the_textbook_does);
    tcase_add_test(tc, test_background_evaluation_counts_the_network_as_it_was);
    tcase_add_test(tc, test_create_rejects_bad_arguments);
    tcase_add_test(tc, test_sgd_reports_each_epoch_and_can_stop_early);
    tcase_add_test(tc, test_real_mnist_accuracy_agrees_with_textbook);
    tcase_add_test(tc, test_the_kernels_are_the_ones_asked_for);
    tcase_add_test(tc, test_a_bad_lanes_override_is_an_error);
    TCase *many = tcase_create("sigmoid_many");
    tcase_set_timeout(many, 120);
    tcase_add_loop_test(many, test_sigmoid_many_is_sigmoidf_bit_for_bit, 0, 2);
    suite_add_tcase(s, many);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
