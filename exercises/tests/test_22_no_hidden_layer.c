/* Tests for exercise 22: a [784, 10] network trained on real MNIST. */
#include "ex_check.h"

#define N_TRAIN 20000
#define N_TEST 2000

START_TEST(test_a_network_without_hidden_layer_gets_85_percent)
{
    const char *dir = mnist_default_dir();
    char err[NNDL_ERRLEN];
    MnistSplit split;
    NndlStatus st = mnist_load_split(&split, dir, 50000, err);
    ck_assert_msg(st == NNDL_OK, _("cannot read MNIST from %s: %s.  Run make "
                  "data first (or set MNIST_DIR)."), dir, err);
    Dataset train = dataset_view(&split.training, 0, N_TRAIN);
    Dataset test = dataset_view(&split.test, 0, N_TEST);
    Rng rng;
    rng_seed(&rng, 22);
    Network *net = ex_train_no_hidden(&train, &rng);
    ck_assert_msg(net != NULL, _("ex_train_no_hidden returned NULL: create the "
                  "network with network_create"));
    ck_assert_msg(net->num_layers == 2 && net->sizes[0] == 784 &&
                  net->sizes[1] == 10, _("expected sizes {784, 10} (no hidden "
                  "layer), got %d layers"), net->num_layers);
    /* Counted here, independently of any evaluate you wrote. */
    size_t correct = 0;
    float x[784];
    for (size_t i = 0; i < test.n; i++) {
        dataset_x(x, &test, i);
        const float *a = network_feedforward(net, x);
        int best = 0;
        for (int j = 1; j < 10; j++)
            best = a[j] > a[best] ? j : best;
        correct += best == test.y[i];
    }
    double pct = 100.0 * (double)correct / (double)test.n;
    ck_assert_msg(pct >= 85.0, _("trained on %d digits, it got %zu / %d = %.1f%%"
                  " of the test digits right: expected at least 85%% (train "
                  "longer, or try another eta)"), N_TRAIN, correct, N_TEST, pct);
    network_free(net);
    mnist_split_free(&split);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("22_no_hidden_layer");
    EX_ADD_SLOW(s, test_a_network_without_hidden_layer_gets_85_percent, 20.0);
    return ex_main(s);
}
