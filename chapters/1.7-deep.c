/* 1.7-deep - section 1.7, "Toward deep learning".
 *
 * First the baselines the chapter measures its network against: random
 * guessing, and the average-darkness classifier (guess the digit whose
 * training images are, on average, closest in total ink), which gets
 * 2,225 of the 10,000 test images right.  Then networks with more hidden
 * layers, [784, 30, 30, 10] and [784, 30, 30, 30, 10], trained exactly like
 * the [784, 30, 10] of section 1.6 (same seed, same SGD) and compared.
 * Writes OUT/baselines.tsv and OUT/deep-<sizes>.tsv (one line per epoch:
 * epoch correct total accuracy seconds). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "lang.h"
#include "epochs.h"
#include "nndl.h"

#define MAX_NETS 3

typedef struct {
    CliSizes sizes[MAX_NETS];
    int n_nets, epochs, baselines_only, threads;
    long batch, n_train, n_test;
    double eta;
    uint64_t seed;
    const char *data, *out_dir;
} Options;

static void parse(Options *o, int argc, char **argv)
{
    CliSizes one = {0, {0}, 0};
    const CliFlag flags[] = {
        {"sizes", CLI_SIZES, &one, "LIST", 0, 0,
         N_("train only this network (default: 784,30,10\n"
         "then 784,30,30,10 then 784,30,30,30,10)"), NULL},
        CLI_FLAG_EPOCHS(&o->epochs),
        CLI_FLAG_BATCH(&o->batch),
        CLI_FLAG_ETA(&o->eta),
        CLI_FLAG_SEED(&o->seed, N_("seed for weights, shuffling and guessing")),
        CLI_FLAG_THREADS(&o->threads),
        CLI_FLAG_TRAIN(&o->n_train),
        {"test", CLI_LONG, &o->n_test, "N", 1, CLI_MAX_EXAMPLES,
         N_("evaluate on the first N of the 10,000 test images\n"
         "(the baselines always use all of them)"), NULL},
        CLI_FLAG_DATA(&o->data),
        CLI_FLAG_OUT_DIR(&o->out_dir,
                         N_("where to write baselines.tsv and deep-*.tsv")),
        {"baselines-only", CLI_SWITCH, &o->baselines_only, NULL, 0, 0,
         N_("skip the networks"), NULL},
    };
    const CliProgram prog = {
        N_("Section 1.7: the baselines (random guessing, average darkness) and\n"
        "deeper networks against [784, 30, 10]."),
        flags, sizeof flags / sizeof *flags, NULL};
    cli_parse(&prog, argc, argv);
    if (one.n)
        o->sizes[0] = one, o->n_nets = 1;
}

static void check_sizes(const Options *o, const MnistSplit *d,
                        const char *dir)
{
    for (int n = 0; n < o->n_nets; n++) {
        const int *s = o->sizes[n].size;
        int last = s[o->sizes[n].n - 1];
        cli_check_inputs(&o->sizes[n], &d->training, dir);
        if (last != MNIST_CLASSES)
            cli_die(2, _("--sizes: the last layer has %d neurons (expected %d, "
                    "one per digit)"), last, MNIST_CLASSES);
    }
    cli_check_count("--train", o->n_train, d->training.n, _("training images"));
    cli_check_count("--test", o->n_test, d->test.n, _("test images"));
    cli_check_count("--batch", o->batch, o->n_train ? (size_t)o->n_train :
                    d->training.n, _("images of the training set"));
}

/* ---- Baselines -------------------------------------------------------- */

/* book: darkness */
/* How dark an image is: the sum of its pixels scaled to [0, 1]. */
static double darkness(const Dataset *ds, size_t i)
{
    long ink = 0;
    for (size_t p = 0; p < ds->dim; p++)
        ink += ds->x[i * ds->dim + p];
    return ink / 255.0;
}

/* avg[d] = the average darkness of the training images of digit d. */
static void average_darkness(double *avg, const Dataset *train)
{
    size_t count[MNIST_CLASSES] = {0};
    for (int d = 0; d < MNIST_CLASSES; d++)
        avg[d] = 0.0;
    for (size_t i = 0; i < train->n; i++) {
        avg[train->y[i]] += darkness(train, i);
        count[train->y[i]]++;
    }
    for (int d = 0; d < MNIST_CLASSES; d++)
        avg[d] = count[d] ? avg[d] / count[d] : INFINITY;
}

/* Guess the digit whose average darkness is nearest to the image's. */
static int guess_by_darkness(const double *avg, const Dataset *ds, size_t i)
{
    double dark = darkness(ds, i);
    int best = 0;
    for (int d = 1; d < MNIST_CLASSES; d++)
        if (fabs(avg[d] - dark) < fabs(avg[best] - dark))
            best = d;
    return best;
}
/* end book: darkness */

static size_t darkness_baseline(const MnistSplit *d)
{
    double avg[MNIST_CLASSES];
    size_t correct = 0;
    average_darkness(avg, &d->training);
    printf(_("   Average darkness (sum of pixels in [0, 1]) of the %zu training\n"
           "   images of each digit:\n\n    "), d->training.n);
    for (int k = 0; k < MNIST_CLASSES; k++)
        printf("%d: %5.1f%s", k, avg[k], k == 4 ? "\n    " : k == 9 ? "" : "   ");
    for (size_t i = 0; i < d->test.n; i++)
        correct += guess_by_darkness(avg, &d->test, i) == d->test.y[i];
    printf(_("\n\n   Guessing the digit with the nearest average darkness gets\n"
           "   %zu / %zu test images right (%.2f%%).\n\n"), correct, d->test.n,
           100.0 * correct / d->test.n);
    return correct;
}

static void baselines(const Options *o, const MnistSplit *d, size_t *random,
                      size_t *dark, AtomicFile *af)
{
    Rng rng;
    FILE *f = af->f;
    rng_seed(&rng, o->seed);
    *random = 0;
    for (size_t i = 0; i < d->test.n; i++)
        *random += rng_below(&rng, MNIST_CLASSES) == d->test.y[i];
    printf(_("1. Baselines: what any digit classifier has to beat\n\n"
           "   Random guessing (seed %llu): %zu / %zu right (%.2f%%); about one\n"
           "   in ten, as expected with ten digits.\n\n"), (unsigned long long)
           o->seed, *random, d->test.n, 100.0 * *random / d->test.n);
    *dark = darkness_baseline(d);
    printf(_("   Look for: the chapter reports 2,225 for this classifier.  Ink\n"
           "   alone tells a 1 (thin) from a 0 (heavy) but little else.\n\n"));
    fprintf(f, "method\tcorrect\ttotal\taccuracy\n");
    fprintf(f, "random\t%zu\t%zu\t%.4f\n", *random, d->test.n,
            (double)*random / d->test.n);
    fprintf(f, "darkness\t%zu\t%zu\t%.4f\n", *dark, d->test.n,
            (double)*dark / d->test.n);
    cli_commit(af);
}

/* ---- Deeper networks -------------------------------------------------- */

static void sizes_text(char *buf, size_t len, const int *sizes, int n,
                       const char *sep)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int l = 0; l < n && used < len; l++)
        used += (size_t)snprintf(buf + used, len - used, "%s%d", l ? sep : "",
                                 sizes[l]);
}

/* The log of network k: deep-784-30-10.tsv. */
static void log_name(char *file, size_t len, const Options *o, int k)
{
    char name[128];
    sizes_text(name, sizeof name, o->sizes[k].size, o->sizes[k].n, "-");
    snprintf(file, len, "deep-%s.tsv", name);
}

/* Trains one network from the seed, exactly as 1.6-mnist-sgd does (the
 * fast path gives the same numbers as network_sgd, only sooner), logging
 * each epoch to af; prints one line for it. */
static EpochLog train(const Options *o, int k, const Dataset *train,
                      const Dataset *test, AtomicFile *af)
{
    char name[128], file[160];
    Rng rng;
    EpochLog r = {.test = test, .quiet = 1, .epochs = o->epochs,
                  .threads = o->threads, .eta = o->eta, .log = af->f};
    sizes_text(name, sizeof name, o->sizes[k].size, o->sizes[k].n, ", ");
    log_name(file, sizeof file, o, k);
    rng_seed(&rng, o->seed);
    Network *net = network_create(o->sizes[k].size, o->sizes[k].n, &rng);
    if (!net)
        cli_die(1, _("out of memory creating the network"));
    epochs_start(&r);
    if (network_fast_sgd(net, train, o->epochs, (size_t)o->batch,
                         (float)o->eta, &rng, o->threads, epochs_on_epoch,
                         &r) < 0)
        cli_die(1, _("out of memory (or no thread) training the network"));
    epochs_finish(&r);
    cli_commit(af);
    printf(_("   [%s]: best %zu / %zu (%.2f%%) after epoch %d\n"
           "      (%zu parameters; every epoch in %s/%s)\n"), name, r.best, test->n,
           100.0 * r.best / test->n, r.best_epoch, network_num_params(net),
           o->out_dir, file);
    cli_flush_stdout();
    network_free(net);
    return r;
}

static void summary(const Options *o, const EpochLog *runs, size_t random,
                    size_t dark, size_t base_n)
{
    char name[128];
    size_t n = runs[0].test->n;
    printf(_("3. Summary (test images right, out of %zu)\n\n"
           "    %-*s | best (epoch) | final\n"), n,
           lang_width(_("classifier"), 22), _("classifier"));
    printf("    %-*s | %5.2f%%       |\n",
           lang_width(_("random guessing"), 22), _("random guessing"),
           100.0 * random / base_n);
    printf("    %-*s | %5.2f%%       |\n",
           lang_width(_("average darkness"), 22), _("average darkness"),
           100.0 * dark / base_n);
    for (int k = 0; k < o->n_nets; k++) {
        char label[140];
        sizes_text(name, sizeof name, o->sizes[k].size, o->sizes[k].n, ",");
        snprintf(label, sizeof label, "[%s]", name);
        printf("    %-22s | %5.2f%% (%2d)  | %5.2f%%\n", label,
               100.0 * runs[k].best / n, runs[k].best_epoch,
               100.0 * runs[k].final / n);
    }
    printf(_("\n   Look for: every network is far above both baselines.  More\n"
           "   hidden layers do not by themselves help much here: with sigmoid\n"
           "   neurons, the quadratic cost and plain SGD the early layers of a\n"
           "   deep network learn slowly (the later chapters explain why and\n"
           "   how to fix it).  Depth pays off once training works, because\n"
           "   each layer can build on the concepts found by the one before.\n"));
}

int main(int argc, char **argv)
{
    Options o = {.sizes = {{3, {784, 30, 10}, 0}, {4, {784, 30, 30, 10}, 0},
                           {5, {784, 30, 30, 30, 10}, 0}},
                 .n_nets = 3, .epochs = 30, .threads = 1, .batch = 10,
                 .eta = 3.0, .seed = 1, .out_dir = "results"};
    MnistSplit d;
    size_t random, dark;
    EpochLog runs[MAX_NETS];
    AtomicFile base_log, net_log[MAX_NETS];
    char file[160];
    cli_init(argv[0]);
    char fast_err[NNDL_ERRLEN];
    if (!network_fast_kernels(NULL, fast_err))      /* NNDL_FAST_LANES */
        cli_die(2, "%s", fast_err);
    parse(&o, argc, argv);
    cli_out_dir(o.out_dir);     /* every output opened before any work */
    cli_create_in(&base_log, o.out_dir, "baselines.tsv");
    for (int k = 0; k < (o.baselines_only ? 0 : o.n_nets); k++) {
        log_name(file, sizeof file, &o, k);
        cli_create_in(&net_log[k], o.out_dir, file);
    }
    const char *dir = cli_load_data(&d, o.data, "mnist");
    check_sizes(&o, &d, dir);
    printf(_("Section 1.7: Toward deep learning\n\n"));
    baselines(&o, &d, &random, &dark, &base_log);
    if (!o.baselines_only) {
        Dataset tr = dataset_view(&d.training, 0, o.n_train ? (size_t)o.n_train
                                                             : d.training.n);
        Dataset te = dataset_view(&d.test, 0, o.n_test ? (size_t)o.n_test
                                                       : d.test.n);
        printf(ngettext("2. Deeper networks, trained like section 1.6's: %d "
                        "epoch, mini-batch\n   size %ld, eta = %g, seed %llu, "
                        "on %zu training images, tested on %zu.\n\n",
                        "2. Deeper networks, trained like section 1.6's: %d "
                        "epochs, mini-batch\n   size %ld, eta = %g, seed %llu, "
                        "on %zu training images, tested on %zu.\n\n", o.epochs),
               o.epochs, o.batch, o.eta,
               (unsigned long long)o.seed, tr.n, te.n);
        for (int k = 0; k < o.n_nets; k++)
            runs[k] = train(&o, k, &tr, &te, &net_log[k]);
        printf("\n");
        summary(&o, runs, random, dark, d.test.n);
    }
    mnist_split_free(&d);
    return 0;
}
