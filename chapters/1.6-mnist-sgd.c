/* 1.6-mnist-sgd - section 1.6, "Implementing our network to classify
 * digits": trains a network of sigmoid neurons on MNIST with mini-batch
 * stochastic gradient descent and prints the test accuracy after each
 * epoch, as network.py does.  The defaults are the chapter's headline run:
 * [784, 30, 10], 30 epochs, mini-batches of 10, eta = 3.0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "epochs.h"
#include "nndl.h"

typedef struct {
    int sizes[NETWORK_MAX_LAYERS], num_layers, epochs;
    long batch, n_train, n_test;
    double eta;
    uint64_t seed;
    const char *data, *dataset, *log, *save;
    int threads, textbook;      /* fast path on `threads`, or the textbook */
} Options;

static void usage(void)
{
    printf("usage: %s [flags]\n"
           "Trains a network on MNIST with mini-batch SGD (section 1.6) and\n"
           "prints 'Epoch k: correct / total' on the test set after each epoch.\n\n"
           "  --sizes LIST     layer sizes, input first (default 784,30,10)\n"
           "  --epochs N       passes over the training data (default 30)\n"
           "  --batch N        mini-batch size (default 10)\n"
           "  --eta X          learning rate (default 3.0)\n"
           "  --seed N         random seed for weights and shuffling (default 1)\n"
           "  --train N        train on the first N of the 50,000 training images\n"
           "  --test N         evaluate on the first N of the 10,000 test images\n"
           "  --data DIR       folder with the IDX files, raw or .gz (default\n"
           "                   $MNIST_DIR or data/mnist)\n"
           "  --dataset NAME   mnist (default) or fashion (Fashion-MNIST)\n"
           "  --log FILE       write a TSV log: epoch correct total accuracy seconds\n"
           "  --save FILE      save the trained network to FILE\n"
           "  --threads N      threads for the fast path (default 1)\n"
           "  --textbook       train with the per-example textbook code\n"
           "                   (network_sgd; same results, about 20x slower)\n"
           "  --help           show this help\n\n"
           "Same seed, same output.  Timing goes to stderr.\n", cli_prog());
}

static void parse(Options *o, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            usage(), exit(0);
        else if (!strcmp(f, "--sizes"))
            o->num_layers = cli_sizes(f, cli_value(argc, argv, &i), o->sizes,
                                      NETWORK_MAX_LAYERS);
        else if (!strcmp(f, "--epochs"))
            o->epochs = (int)cli_long(f, cli_value(argc, argv, &i), 1, 100000);
        else if (!strcmp(f, "--batch"))
            o->batch = cli_long(f, cli_value(argc, argv, &i), 1, 60000);
        else if (!strcmp(f, "--eta"))
            o->eta = cli_double(f, cli_value(argc, argv, &i), 1e-12, 1e6);
        else if (!strcmp(f, "--seed"))
            o->seed = cli_seed(f, cli_value(argc, argv, &i));
        else if (!strcmp(f, "--train"))
            o->n_train = cli_long(f, cli_value(argc, argv, &i), 1, 60000);
        else if (!strcmp(f, "--test"))
            o->n_test = cli_long(f, cli_value(argc, argv, &i), 1, 10000000);
        else if (!strcmp(f, "--data"))
            o->data = cli_value(argc, argv, &i);
        else if (!strcmp(f, "--dataset"))
            o->dataset = cli_value(argc, argv, &i);
        else if (!strcmp(f, "--log"))
            o->log = cli_value(argc, argv, &i);
        else if (!strcmp(f, "--save"))
            o->save = cli_value(argc, argv, &i);
        else if (!strcmp(f, "--threads"))
            o->threads = (int)cli_long(f, cli_value(argc, argv, &i), 1, 64);
        else if (!strcmp(f, "--textbook"))
            cli_once(f), o->textbook = 1;
        else
            cli_unknown(f);
    }
    if (strcmp(o->dataset, "mnist") && strcmp(o->dataset, "fashion"))
        cli_die(2, "--dataset: '%s' is not a dataset (expected mnist or "
                "fashion)", o->dataset);
}

/* Flags that can only be checked against the data. */
static void check_against_data(Options *o, const MnistSplit *d)
{
    if ((size_t)o->sizes[0] != d->training.dim)
        cli_die(2, "--sizes: the first layer has %d neurons but the images "
                "have %zu pixels (expected %zu)", o->sizes[0], d->training.dim,
                d->training.dim);
    if (o->sizes[o->num_layers - 1] != MNIST_CLASSES)
        cli_die(2, "--sizes: the last layer has %d neurons (expected %d, one "
                "per digit)", o->sizes[o->num_layers - 1], MNIST_CLASSES);
    if (o->n_train > (long)d->training.n)
        cli_die(2, "--train: %ld is more than the %zu training images",
                o->n_train, d->training.n);
    if (o->n_test > (long)d->test.n)
        cli_die(2, "--test: %ld is more than the %zu test images", o->n_test,
                d->test.n);
    if (o->batch > (o->n_train ? o->n_train : (long)d->training.n))
        cli_die(2, "--batch: %ld is larger than the training set", o->batch);
}

static void describe(const Options *o, const MnistSplit *d, size_t n_train,
                     size_t n_test)
{
    printf("Network [");
    for (int l = 0; l < o->num_layers; l++)
        printf("%s%d", l ? ", " : "", o->sizes[l]);
    printf("]: %d epochs of mini-batch SGD, mini-batch size %ld, eta = %g, "
           "seed %llu.\n", o->epochs, o->batch, o->eta,
           (unsigned long long)o->seed);
    printf("Training on %zu %s images, testing on %zu (%zux%d pixels).\n",
           n_train, strcmp(o->dataset, "fashion") ? "MNIST" : "Fashion-MNIST",
           n_test, (size_t)d->training.rows, d->training.cols);
}

int main(int argc, char **argv)
{
    Options o = {{784, 30, 10}, 3, 30, 10, 0, 0, 3.0, 1, NULL, "mnist",
                 NULL, NULL, 1, 0};
    MnistSplit d;
    AtomicFile log_file;
    char err[NNDL_ERRLEN];
    cli_init(argv[0]);
    if (network_fast_choose(err) != NNDL_OK)    /* NNDL_FAST_LANES */
        cli_die(2, "%s", err);
    parse(&o, argc, argv);
    if (o.save) {               /* a bad --save path fails now, not after training */
        AtomicFile probe;
        cli_create(&probe, o.save);
        cli_abort(&probe);
    }
    cli_load_data(&d, o.data, o.dataset);
    check_against_data(&o, &d);
    Dataset train = dataset_view(&d.training, 0, o.n_train ? (size_t)o.n_train : d.training.n);
    Dataset test = dataset_view(&d.test, 0, o.n_test ? (size_t)o.n_test : d.test.n);
    describe(&o, &d, train.n, test.n);

    Rng rng;
    rng_seed(&rng, o.seed);
    Network *net = network_create(o.sizes, o.num_layers, &rng);
    if (!net)
        cli_die(1, "out of memory creating the network");
    EpochLog r = {.test = &test, .indent = "", .epochs = o.epochs,
                  .textbook = o.textbook, .threads = o.threads, .eta = o.eta};
    if (o.log)
        r.log = cli_create(&log_file, o.log);
    double start = cli_now();
    epochs_start(&r);
    if (o.textbook)
        network_sgd(net, &train, o.epochs, (size_t)o.batch, (float)o.eta,
                    &rng, epochs_on_epoch, &r);
    else if (network_fast_sgd(net, &train, o.epochs, (size_t)o.batch,
                              (float)o.eta, &rng, o.threads, epochs_on_epoch,
                              &r) < 0)
        cli_die(1, "out of memory (or no threads) for the fast path; try "
                "--textbook");
    epochs_finish(&r);
    printf("Best: %zu / %zu (%.2f%%) after epoch %d.\n", r.best, test.n,
           100.0 * r.best / test.n, r.best_epoch);
    fprintf(stderr, "%s: %d epochs in %.2f s (%.3f s per epoch, evaluation "
            "included)\n", cli_prog(), o.epochs, cli_now() - start,
            (cli_now() - start) / o.epochs);
    if (r.log)
        cli_commit(&log_file);
    if (o.save && network_save(net, o.save, err) != NNDL_OK)
        cli_die(1, "%s", err);
    network_free(net);
    mnist_split_free(&d);
    return 0;
}
