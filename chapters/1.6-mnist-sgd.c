/* 1.6-mnist-sgd - section 1.6, "Implementing our network to classify
 * digits": trains a network of sigmoid neurons on MNIST with mini-batch
 * stochastic gradient descent and prints the test accuracy after each
 * epoch, as network.py does.  The defaults are the chapter's headline run:
 * [784, 30, 10], 30 epochs, mini-batches of 10, eta = 3.0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lang.h"
#include "epochs.h"
#include "nndl.h"

typedef struct {
    CliSizes sizes;
    int epochs;
    long batch, n_train, n_test;
    double eta;
    uint64_t seed;
    const char *data, *dataset, *log, *save;
    const char *load, *diagnose;    /* --load FILE, --diagnose FILE */
    int threads, textbook;      /* fast path on `threads`, or the textbook */
} Options;

/* The chapter's headline run. */
static const Options defaults = {
    .sizes = {3, {784, 30, 10}, 0}, .epochs = 30, .batch = 10, .eta = 3.0,
    .seed = 1, .dataset = "mnist", .threads = 1};

static const char *const datasets[] = {"mnist", "fashion", NULL};

static void parse(Options *o, int argc, char **argv)
{
    const CliFlag flags[] = {
        {"sizes", CLI_SIZES, &o->sizes, "LIST", 0, 0,
         N_("layer sizes, input first (with --load: the loaded\n"
         "network's unless given)"), NULL},
        {"epochs", CLI_INT, &o->epochs, "N", 0, CLI_MAX_EPOCHS,
         N_("passes over the training data (0 with --load:\n"
         "only test the loaded network)"), NULL},
        CLI_FLAG_BATCH(&o->batch),
        CLI_FLAG_ETA(&o->eta),
        CLI_FLAG_SEED(&o->seed, N_("seed for the weights and the shuffling")),
        CLI_FLAG_TRAIN(&o->n_train),
        CLI_FLAG_TEST(&o->n_test),
        CLI_FLAG_DATA(&o->data),
        {"dataset", CLI_CHOICE, &o->dataset, "NAME", 0, 0,
         N_("mnist or fashion (Fashion-MNIST)"), datasets},
        {"log", CLI_TEXT, &o->log, "FILE", 0, 0,
         N_("write a TSV log: epoch correct total accuracy seconds"), NULL},
        {"save", CLI_TEXT, &o->save, "FILE", 0, 0,
         N_("save the trained network to FILE"), NULL},
        {"load", CLI_TEXT, &o->load, "FILE", 0, 0,
         N_("start from the network saved in FILE by --save\n"
         "(test it, then train it on) instead of random weights"), NULL},
        {"diagnose", CLI_TEXT, &o->diagnose, "FILE", 0, 0,
         /* TRANSLATORS: keep the TSV's column names as they are. */
         /* xgettext:no-c-format */
         N_("after each epoch also print the digits predicted\n"
         "and the saturated output neurons (|z| > 5 on over\n"
         "95% of the test images); the same per neuron as a\n"
         "TSV: epoch neuron predicted saturated mean_z\n"
         "mean_sigma_prime"), NULL},
        CLI_FLAG_THREADS(&o->threads),
        {"textbook", CLI_SWITCH, &o->textbook, NULL, 0, 0,
         N_("train with the per-example textbook code\n"
         "(network_sgd; same results, much slower)"), NULL},
    };
    const CliProgram prog = {
        N_("Trains a network on MNIST with mini-batch SGD (section 1.6) and\n"
        "prints 'Epoch k: correct / total' on the test set after each epoch."),
        flags, sizeof flags / sizeof *flags,
        N_("Same seed, same output.  Timing goes to stderr.")};
    cli_parse(&prog, argc, argv);
    if (o->epochs == 0 && !o->load)
        cli_die(2, _("--epochs: 0 is out of range without --load (expected 1 "
                "or more; with --load, 0 only tests the loaded network)"));
}

/* The network to start from: the --load file (checked against --sizes, if
 * given), or a new one of o->sizes with random weights drawn from rng. */
static Network *start_network(Options *o, Rng *rng)
{
    Network *net;
    char err[NNDL_ERRLEN];
    if (!o->load) {
        if (!(net = network_create(o->sizes.size, o->sizes.n, rng)))
            cli_die(1, _("out of memory creating the network"));
        return net;
    }
    if (network_load(&net, o->load, err) != NNDL_OK)
        cli_die(1, "%s", err);
    if (o->sizes.given && o->sizes.n != net->num_layers)
        cli_die(1, _("%s: the network has %d layers but --sizes gives %d "
                "(leave --sizes out to use the file's)"), o->load,
                net->num_layers, o->sizes.n);
    for (int l = 0; o->sizes.given && l < net->num_layers; l++)
        if (o->sizes.size[l] != net->sizes[l])
            cli_die(1, _("%s: layer %d of the network has %d neurons but "
                    "--sizes asks for %d (leave --sizes out to use the "
                    "file's)"), o->load, l, net->sizes[l], o->sizes.size[l]);
    o->sizes.n = net->num_layers;
    memcpy(o->sizes.size, net->sizes, sizeof net->sizes);
    return net;
}

/* Flags that can only be checked against the data. */
static void check_against_data(Options *o, const MnistSplit *d,
                               const char *dir)
{
    const int *s = o->sizes.size;
    cli_check_inputs(&o->sizes, &d->training, dir);
    if (s[o->sizes.n - 1] != MNIST_CLASSES)
        cli_die(2, _("--sizes: the last layer has %d neurons (expected %d, one "
                "per digit)"), s[o->sizes.n - 1], MNIST_CLASSES);
    cli_check_count("--train", o->n_train, d->training.n, _("training images"));
    cli_check_count("--test", o->n_test, d->test.n, _("test images"));
    cli_check_count("--batch", o->batch, o->n_train ? (size_t)o->n_train :
                    d->training.n, _("images of the training set"));
}

static void describe(const Options *o, const MnistSplit *d, size_t n_train,
                     size_t n_test)
{
    printf(_("Network ["));
    for (int l = 0; l < o->sizes.n; l++)
        printf("%s%d", l ? ", " : "", o->sizes.size[l]);
    printf("]");
    if (o->load)
        printf(_(" from %s"), o->load);
    if (o->epochs == 0)
        printf(_(": tested only, no training.\n"));
    else
        printf(ngettext(": %d epoch of mini-batch SGD, mini-batch size %ld, "
                        "eta = %g, seed %llu.\n",
                        ": %d epochs of mini-batch SGD, mini-batch size %ld, "
                        "eta = %g, seed %llu.\n", o->epochs),
               o->epochs, o->batch, o->eta, (unsigned long long)o->seed);
    const char *name = strcmp(o->dataset, "fashion") ? "MNIST" : "Fashion-MNIST";
    if (o->epochs == 0)
        printf(_("Testing on %zu %s images (%zux%d pixels).\n"), n_test, name,
               (size_t)d->training.rows, d->training.cols);
    else
        printf(_("Training on %zu %s images, testing on %zu (%zux%d pixels).\n"),
               n_train, name, n_test, (size_t)d->training.rows,
               d->training.cols);
}

/* --diagnose: after each epoch's line, what the network predicts and
 * which of its output neurons are saturated (lib/network_diagnose.h). */
typedef struct {
    EpochLog *r;
    FILE *tsv;                  /* epoch neuron predicted saturated ... */
    const Dataset *test;
} Diagnose;

/* Prints and logs the diagnosis of net after epoch (-1: as loaded). */
static void diagnose_report(Diagnose *g, int epoch, Network *net)
{
    Diagnosis dg;
    char err[NNDL_ERRLEN];
    if (network_diagnose(&dg, net, g->test, err) != NNDL_OK)
        cli_die(1, "%s", err);
    cli_progress_clear();
    /* TRANSLATORS: then " digit:count" for each digit. */
    printf(_("  predicted:"));
    for (int j = 0; j < dg.n_out; j++)
        printf(" %d:%zu", j, dg.out[j].predicted);
    printf("\n%s", dg.stuck ? _("  saturated:") : _("  saturated: none"));
    for (int j = 0, shown = 0; j < dg.n_out; j++) {
        const OutputDiagnosis *o = &dg.out[j];
        if (o->saturated > DIAGNOSE_STUCK_SHARE)
            printf(_("%s output %d (|z| > %g on %.1f%% of test images, mean z "
                   "%.1f, mean sigma' %.5f%s)"), shown++ ? _(";") : "", j,
                   DIAGNOSE_Z_LIMIT, 100 * o->saturated, o->mean_z,
                   o->mean_sigma_prime, o->predicted ? "" : _(", never predicted"));
        fprintf(g->tsv, "%d\t%d\t%zu\t%.4f\t%.3f\t%.6f\n", epoch, j,
                o->predicted, o->saturated, o->mean_z, o->mean_sigma_prime);
    }
    printf("\n");
    cli_flush_stdout();
    diagnosis_free(&dg);
}

/* The EpochCallback with --diagnose (ctx: a Diagnose). */
static int diagnose_on_epoch(int epoch, const Network *net, void *ctx)
{
    Diagnose *g = ctx;
    epochs_on_epoch(epoch, net, g->r);
    epochs_finish(g->r);                /* the epoch's line comes first */
    diagnose_report(g, epoch, (Network *)net);
    return 0;
}

/* --load: how the loaded network does before any training. */
static void test_loaded(const Options *o, Network *net, Diagnose *g)
{
    size_t correct = network_fast_evaluate(net, g->test, o->threads);
    if (correct == SIZE_MAX)
        cli_die(1, _("out of memory evaluating the network"));
    printf(_("As loaded: %zu / %zu (%.2f%%) on the test set.\n"), correct,
           g->test->n, 100.0 * correct / g->test->n);
    if (g->tsv)
        diagnose_report(g, -1, net);
}

/* o->epochs of SGD, on the fast path or the textbook's. */
static void train(const Options *o, Network *net, const Dataset *train,
                  Rng *rng, Diagnose *g)
{
    EpochCallback cb = o->diagnose ? diagnose_on_epoch : epochs_on_epoch;
    void *ctx = o->diagnose ? (void *)g : (void *)g->r;
    double start = cli_now();
    if (o->textbook && network_sgd(net, train, o->epochs, (size_t)o->batch,
                                   (float)o->eta, rng, cb, ctx) < 0)
        cli_die(1, _("out of memory for the textbook path"));
    else if (!o->textbook &&
             network_fast_sgd(net, train, o->epochs, (size_t)o->batch,
                              (float)o->eta, rng, o->threads, cb, ctx) < 0)
        cli_die(1, _("out of memory (or no threads) for the fast path; try "
                "--textbook"));
    epochs_finish(g->r);
    printf(_("Best: %zu / %zu (%.2f%%) after epoch %d.\n"), g->r->best,
           g->test->n, 100.0 * g->r->best / g->test->n, g->r->best_epoch);
    printf(_("Look for: most of the learning happens in the first epoch or\n"
           "two, then the count creeps up and wobbles; the chapter's\n"
           "[784, 30, 10] on all the data ends near 95%%.  Another --seed\n"
           "gives other numbers: compare a few before trusting one run.\n"));
    fprintf(stderr, ngettext("%s: %d epoch in %.2f s (%.3f s per epoch, "
                             "evaluation included)\n",
                             "%s: %d epochs in %.2f s (%.3f s per epoch, "
                             "evaluation included)\n", o->epochs),
            cli_prog(), o->epochs, cli_now() - start,
            (cli_now() - start) / o->epochs);
}

int main(int argc, char **argv)
{
    Options o = defaults;
    MnistSplit d;
    AtomicFile log_file, diagnose_file;
    char err[NNDL_ERRLEN];
    cli_init(argv[0]);
    if (!network_fast_kernels(NULL, err))       /* NNDL_FAST_LANES */
        cli_die(2, "%s", err);
    parse(&o, argc, argv);
    if (o.log)                  /* every output is checked before any work */
        cli_output("--log", o.log);
    if (o.save)
        cli_output("--save", o.save);
    if (o.diagnose)
        cli_output("--diagnose", o.diagnose);
    Rng rng;
    rng_seed(&rng, o.seed);
    Network *net = start_network(&o, &rng);     /* a bad --load fails now */
    EpochLog r = {.indent = "", .epochs = o.epochs, .textbook = o.textbook,
                  .threads = o.threads, .eta = o.eta};
    Diagnose g = {&r, NULL, NULL};
    if (o.log)
        r.log = cli_create(&log_file, o.log);
    if (o.diagnose)
        g.tsv = cli_create(&diagnose_file, o.diagnose), fprintf(g.tsv,
            "epoch\tneuron\tpredicted\tsaturated\tmean_z\tmean_sigma_prime\n");
    const char *dir = cli_load_data(&d, o.data, o.dataset);
    check_against_data(&o, &d, dir);
    Dataset train_set = dataset_view(&d.training, 0, o.n_train ? (size_t)o.n_train : d.training.n);
    Dataset test = dataset_view(&d.test, 0, o.n_test ? (size_t)o.n_test : d.test.n);
    describe(&o, &d, train_set.n, test.n);

    r.test = g.test = &test;
    epochs_start(&r);
    if (o.load)
        test_loaded(&o, net, &g);
    if (o.epochs > 0)
        train(&o, net, &train_set, &rng, &g);
    if (r.log)
        cli_commit(&log_file);
    if (g.tsv)
        cli_commit(&diagnose_file);
    if (o.save && network_save(net, o.save, err) != NNDL_OK)
        cli_die(1, "%s", err);
    network_free(net);
    mnist_split_free(&d);
    return 0;
}
