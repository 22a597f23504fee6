/* test_integration.c - the chapter's network on the real MNIST data:
 * one epoch of [784, 30, 10] with eta = 3.0 must reach 90% on the test
 * set (network.py reaches 90-91% after its first epoch on good seeds). */
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

START_TEST(test_one_epoch_of_the_chapter_network_reaches_ninety_percent)
{
    MnistSplit d;
    char err[NNDL_ERRLEN];
    ck_assert_msg(mnist_load_split(&d, mnist_default_dir(), 50000, err) == NNDL_OK,
                  "%s (run 'make data' first)", err);
    ck_assert_uint_eq(d.training.n, 50000);
    ck_assert_uint_eq(d.validation.n, 10000);
    ck_assert_uint_eq(d.test.n, 10000);
    const int sizes[] = {784, 30, 10};
    Rng rng;
    rng_seed(&rng, 3);
    Network *net = network_create(sizes, 3, &rng);
    size_t before = network_evaluate(net, &d.test);
    network_sgd(net, &d.training, 1, 10, 3.0f, &rng, NULL, NULL);
    size_t after = network_evaluate(net, &d.test);
    printf("integration: %zu / 10000 before training, %zu after one epoch\n",
           before, after);
    ck_assert_uint_lt(before, 2000);      /* an untrained net is near chance */
    ck_assert_uint_ge(after, 9000);
    network_free(net);
    mnist_split_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("integration");
    TCase *tc = tcase_create("mnist");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_one_epoch_of_the_chapter_network_reaches_ninety_percent);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
