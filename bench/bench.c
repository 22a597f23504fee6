/* bench.c - `make bench`: how fast the textbook path (lib/network.c) and
 * the fast path (lib/fast/) train and evaluate on MNIST, printed
 * as a Markdown table for the README.
 *
 * Every figure is a median over several runs after a warm-up, and the
 * paths are timed side by side in one run: on a shared machine the ratios
 * are more trustworthy than the seconds.  The textbook path is timed on a
 * subset of the training set and scaled to 50,000 examples (a full epoch
 * takes seconds).  GFLOP/s, 2 flops per multiply-add of the forward pass,
 * the weight gradients and BP2, is given twice: "dense", the textbook's
 * work, and "real", the work the fast path really does: layer 0 forward
 * over the non-zero pixels only, and its gradient over the pixels some
 * example of the mini-batch lights (counted on the very mini-batches of
 * the timed epoch).  Both are compared with OpenBLAS's one-core sgemm,
 * loaded at run time (libopenblas.so.0, or the library named by
 * NNDL_BENCH_BLAS); without it the peak is "not measured" and the
 * fractions n/a.
 *
 *   bench [--runs N] [--prog bin/1.6-mnist-sgd] [--data DIR] [--tsv FILE]
 *
 * --tsv also writes the training rows to FILE (for the book's appendix):
 *   network path s_epoch vs_textbook vs_fast1 eval_s gflops_dense
 *   gflops_real sgemm_peak dense_of_peak real_of_peak
 * where path is textbook, fast1 or fast2 (threads), vs_textbook and
 * vs_fast1 are how many times faster than those rows (for fast2, vs_fast1
 * is the median ratio of the turns, as printed under the table), and the
 * last three are n/a when OpenBLAS is absent.  FILE appears only when the
 * whole run succeeded (written as FILE.tmp, then renamed), so a failed
 * run never leaves a partial one.
 */
#include <dlfcn.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "nndl.h"


#define MAX_RUNS 15

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Dense flops per training example: 2 per multiply-add of the forward
 * pass, of the weight gradients (BP4) and of BP2 (layers above the first). */
static double flops_per_example(const int *sizes, int L)
{
    double macs = 0;
    for (int l = 0; l < L - 1; l++)
        macs += 2.0 * sizes[l] * sizes[l + 1] + (l > 0 ? (double)sizes[l] * sizes[l + 1] : 0);
    return 2 * macs;
}

/* Records the time at the end of each epoch. */
typedef struct {
    double t[MAX_RUNS + 2];
    int n;
} Stamps;

static int stamp(int epoch, const Network *net, void *ctx)
{
    (void)epoch, (void)net;
    Stamps *s = ctx;
    s->t[s->n++] = now();
    return 0;
}

/* Seconds of one epoch of the fast path on `threads` threads: the second
 * of two, from the same seed every time (the first warms the caches). */
static double fast_epoch(const int *sizes, int L, const Dataset *train,
                         int threads)
{
    Rng rng;
    rng_seed(&rng, 1);
    Network *net = network_create(sizes, L, &rng);
    Stamps s = {{0}, 0};
    if (!net || network_fast_sgd(net, train, 2, 10, 3.0f, &rng, threads,
                                 stamp, &s) != 2) {
        fprintf(stderr, "bench: the fast path failed (out of memory?)\n");
        exit(1);
    }
    network_free(net);
    return s.t[1] - s.t[0];
}

/* The fast path on 1 and on 2 threads, in turns (so that a slow spell of
 * the shared machine hits both alike): the median epoch of each, and the
 * median of the ratios of the turns. */
static void fast_epochs(const int *sizes, int L, const Dataset *train,
                        int runs, double *one, double *two, double *ratio)
{
    double t1[MAX_RUNS], t2[MAX_RUNS], r[MAX_RUNS];
    for (int i = 0; i < runs; i++) {
        t1[i] = fast_epoch(sizes, L, train, 1);
        t2[i] = fast_epoch(sizes, L, train, 2);
        r[i] = t1[i] / t2[i];
    }
    *one = median(t1, runs), *two = median(t2, runs), *ratio = median(r, runs);
}

/* Median seconds per 50,000-example epoch of the textbook path, timed on
 * the first n examples (1 warm-up + runs). */
static double textbook_epoch(const int *sizes, int L, const Dataset *train,
                             size_t n, int runs)
{
    Dataset sub = dataset_view(train, 0, n);
    Rng rng;
    rng_seed(&rng, 1);
    Network *net = network_create(sizes, L, &rng);
    double dt[MAX_RUNS];
    for (int r = -1; r < runs; r++) {
        double t0 = now();
        network_sgd(net, &sub, 1, 10, 3.0f, &rng, NULL, NULL);
        if (r >= 0)
            dt[r] = (now() - t0) * 50000.0 / (double)n;
    }
    network_free(net);
    return median(dt, runs);
}

/* Median seconds to evaluate test: the fast path on `threads`, or the
 * textbook when threads is 0 (timed on 1,000 images and scaled). */
static double eval_time(const int *sizes, int L, const Dataset *test,
                        int threads, int runs)
{
    Rng rng;
    rng_seed(&rng, 1);
    Network *net = network_create(sizes, L, &rng);
    Dataset sub = dataset_view(test, 0, threads ? test->n : 1000);
    double dt[MAX_RUNS];
    for (int r = -1; r < runs; r++) {
        double t0 = now();
        size_t c = threads ? network_fast_evaluate(net, &sub, threads)
                           : network_evaluate(net, &sub);
        if (c == SIZE_MAX)
            exit(1);
        if (r >= 0)
            dt[r] = (now() - t0) * (double)test->n / (double)sub.n;
    }
    network_free(net);
    return median(dt, runs);
}

/* cblas_sgemm, with its enums as ints (101 row-major, 111 no transpose,
 * 112 transpose), and where it could not be loaded, why. */
typedef void (*Sgemm)(int, int, int, int, int, int, float, const float *,
                      int, const float *, int, float, float *, int);
static Sgemm sgemm;
static char no_sgemm[600];

static void load_sgemm(void)
{
    const char *name = getenv("NNDL_BENCH_BLAS");
    void *lib = dlopen(name ? name : "libopenblas.so.0", RTLD_NOW);
    void (*threads)(int) = lib ? (void (*)(int))dlsym(lib, "openblas_set_num_threads") : NULL;
    if (lib)
        sgemm = (Sgemm)dlsym(lib, "cblas_sgemm");
    if (!sgemm || !threads) {
        snprintf(no_sgemm, sizeof no_sgemm, "%s", lib ? "no cblas_sgemm or "
                 "openblas_set_num_threads in it" : dlerror());
        sgemm = NULL;
        return;
    }
    threads(1);
}

/* Single-core sgemm GFLOP/s on m x k by k x n (0 without OpenBLAS). */
static double sgemm_peak(int m, int n, int k, int reps, int runs)
{
    if (!sgemm)
        return 0;
    float *a = calloc((size_t)m * k, sizeof(float));
    float *b = calloc((size_t)k * n, sizeof(float));
    float *c = calloc((size_t)m * n, sizeof(float));
    double dt[MAX_RUNS];
    for (size_t i = 0; i < (size_t)m * k; i++)
        a[i] = (float)(i % 7) * 0.1f;
    for (size_t i = 0; i < (size_t)k * n; i++)
        b[i] = (float)(i % 5) * 0.1f;
    for (int r = -1; r < runs; r++) {
        double t0 = now();
        for (int i = 0; i < reps; i++)
            sgemm(101, 111, 112, m, n, k, 1.0f, a, k, b, k, 0.0f, c, n);
        if (r >= 0)
            dt[r] = now() - t0;
    }
    free(a), free(b), free(c);
    return 2.0 * m * n * k * reps / median(dt, runs) / 1e9;
}

/* The fast path's real flops in the timed epoch (fast_epoch's second,
 * whose shuffle is replayed here): layer 0 forward over the non-zero
 * pixels, its gradient over the pixels lit by some example of each
 * mini-batch of 10 (all 10 examples' terms for each), the layers above
 * dense.  *lit is the mean fraction of pixels a mini-batch lights. */
static double real_flops(const int *sizes, int L, const Dataset *train,
                         double *lit)
{
    Rng rng;
    rng_seed(&rng, 1);
    Network *net = network_create(sizes, L, &rng);
    size_t n = train->n, *idx = malloc(n * sizeof *idx), nnz = 0, lit_sum = 0;
    unsigned char *seen = calloc(train->dim, 1);
    if (!net || !idx || !seen)
        exit(1);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    rng_shuffle(&rng, idx, n), rng_shuffle(&rng, idx, n);
    for (size_t i0 = 0; i0 < n; i0 += 10) {
        size_t m = n - i0 < 10 ? n - i0 : 10, batch_lit = 0;
        memset(seen, 0, train->dim);
        for (size_t i = i0; i < i0 + m; i++)
            for (size_t k = 0; k < train->dim; k++)
                if (train->x[idx[i] * train->dim + k]) {
                    nnz++;
                    batch_lit += !seen[k], seen[k] = 1;
                }
        lit_sum += batch_lit * m;       /* m terms per lit pixel */
    }
    double upper = flops_per_example(sizes, L) - 4.0 * sizes[0] * sizes[1];
    *lit = (double)lit_sum / 10.0 / ((double)n / 10.0) / (double)train->dim;
    free(idx), free(seen), network_free(net);
    return 2.0 * sizes[1] * ((double)nnz + (double)lit_sum) + upper * (double)n;
}

/* Fraction of the training pixels that are not zero. */
static double density(const Dataset *d)
{
    size_t nz = 0;
    for (size_t i = 0; i < d->n * d->dim; i++)
        nz += d->x[i] != 0;
    return (double)nz / (double)(d->n * d->dim);
}

/* x / peak as a percentage, or n/a without a peak. */
static const char *of_peak(char *buf, double x, double peak)
{
    if (peak <= 0)
        return "n/a";
    snprintf(buf, 32, "%.1f%%", 100 * x / peak);
    return buf;
}

/* dense and real: flops per epoch (the textbook path does the dense). */
static void row(const char *net, const char *path, double s, double base,
                double dense, double real, double peak, double eval)
{
    char p1[32], p2[32];
    double gd = dense / s / 1e9, gr = real / s / 1e9;
    printf("| %s | %s | %.3f | %.1fx | %.0f | %.1f | %s | %.1f | %s | %.4f |\n",
           net, path, s, base / s, 50000 / s, gd, of_peak(p1, gd, peak), gr,
           of_peak(p2, gr, peak), eval);
}

/* Runs prog with its defaults; returns the wall seconds and sets *cpu to
 * its CPU seconds and *rss_mb to its peak resident memory. */
static double default_run(const char *prog, const char *data, double *cpu,
                          double *rss_mb)
{
    fflush(stdout);                     /* or the child prints it again */
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout) ||
            !freopen("/dev/null", "w", stderr))
            _exit(127);
        if (data)
            execl(prog, prog, "--data", data, (char *)NULL);
        else
            execl(prog, prog, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;                   /* the only child: its own peak */
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0 || getrusage(RUSAGE_CHILDREN, &ru) != 0) {
        fprintf(stderr, "bench: %s failed\n", prog);
        exit(1);
    }
    *rss_mb = (double)ru.ru_maxrss / 1024.0;
    *cpu = (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec +
           (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec;
    return now() - t0;
}

/* 1 if FILE's folder can be written to (checked before the run, so that
 * a bad --tsv fails at once, not after a minute of timing). */
static int tsv_writable(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    if (access(dirname(dir), W_OK) == 0)
        return 1;
    fprintf(stderr, "bench: --tsv %s: %s\n", path, strerror(errno));
    return 0;
}

/* Copies the rows in tmp to path.tmp, then renames it to path; closes
 * tmp.  0 (and no file) on a write error. */
static int tsv_commit(FILE *tmp, const char *path)
{
    char part[4096];
    snprintf(part, sizeof part, "%s.tmp", path);
    FILE *out = fopen(part, "w");
    int ok = out != NULL, c;
    rewind(tmp);
    while (ok && (c = getc(tmp)) != EOF)
        ok = putc(c, out) != EOF;
    ok = !ferror(tmp) && ok;
    fclose(tmp);
    if (out && fclose(out) != 0)
        ok = 0;
    if (ok && rename(part, path) == 0)
        return 1;
    fprintf(stderr, "bench: --tsv %s: %s\n", path, strerror(errno));
    remove(part);
    return 0;
}

/* The --tsv rows of textbook, fast 1 and 2 threads (flops per epoch). */
static void tsv_rows(FILE *f, const int *sizes, const double *s,
                     double ratio2, const double *eval, double dense,
                     double real, double peak)
{
    const char *paths[3] = {"textbook", "fast1", "fast2"};
    for (int p = 0; p < 3; p++) {
        double gd = dense / s[p] / 1e9, gr = (p ? real : dense) / s[p] / 1e9;
        char pk[32] = "n/a", dp[32] = "n/a", rp[32] = "n/a";
        if (peak > 0) {
            snprintf(pk, sizeof pk, "%.1f", peak);
            snprintf(dp, sizeof dp, "%.4f", gd / peak);
            snprintf(rp, sizeof rp, "%.4f", gr / peak);
        }
        fprintf(f, "%d-%d-%d\t%s\t%.3f\t%.1f\t%.2f\t%.4f\t%.2f\t%.2f\t%s\t%s\t%s\n",
                sizes[0], sizes[1], sizes[2], paths[p], s[p], s[0] / s[p],
                p == 2 ? ratio2 : s[1] / s[p], eval[p], gd, gr, pk, dp, rp);
    }
}

int main(int argc, char **argv)
{
    int runs = 5;
    const char *prog = NULL, *dir = NULL, *tsv_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--prog") && i + 1 < argc)
            prog = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--tsv") && i + 1 < argc)
            tsv_path = argv[++i];
        else {
            fprintf(stderr, "usage: bench [--runs N] [--prog PROGRAM] "
                    "[--data DIR] [--tsv FILE]\n");
            return 2;
        }
    }
    if (runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "bench: --runs: %d is out of range (expected 1..%d)\n", runs, MAX_RUNS);
        return 2;
    }
    FILE *tsv = NULL;                   /* the rows, until the run is done */
    if (tsv_path && !tsv_writable(tsv_path))
        return 1;
    if (tsv_path && !(tsv = tmpfile())) {
        fprintf(stderr, "bench: --tsv: no temporary file: %s\n", strerror(errno));
        return 1;
    }
    if (tsv)
        fprintf(tsv, "network\tpath\ts_epoch\tvs_textbook\tvs_fast1\teval_s\t"
                "gflops_dense\tgflops_real\tsgemm_peak\tdense_of_peak\treal_of_peak\n");
    MnistSplit d;
    char err[NNDL_ERRLEN];
    double t0 = now();
    if (mnist_load_split(&d, dir ? dir : mnist_default_dir(), 50000, err) != NNDL_OK) {
        fprintf(stderr, "bench: %s (run 'make data' first)\n", err);
        if (tsv)
            fclose(tsv);
        return 1;
    }
    double load = now() - t0;
    load_sgemm();
    double peak = sgemm_peak(1024, 1024, 1024, 1, runs);
    double small = sgemm_peak(10, 30, 784, 5000, runs);
    const int shapes[2][3] = {{784, 30, 10}, {784, 100, 10}};
    const char *names[2] = {"[784,30,10]", "[784,100,10]"};
    double speedup[2], eval_speedup[2], real[2], lit[2];

    printf("Training: 50,000 MNIST images, mini-batches of 10, eta 3.0; "
           "medians of %d runs, each after a warm-up (fast path: the second "
           "epoch of a 2-epoch run, 1 and 2 threads in turn).\n\n", runs);
    printf("| network | path | s/epoch | vs textbook | examples/s | GFLOP/s "
           "dense | of sgemm peak | GFLOP/s real | of sgemm peak | eval 10k (s) |\n");
    printf("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int s = 0; s < 2; s++) {
        const int *sz = shapes[s];
        double dense = flops_per_example(sz, 3) * 50000;
        real[s] = real_flops(sz, 3, &d.training, &lit[s]);
        double text = textbook_epoch(sz, 3, &d.training, s ? 2000 : 5000, runs < 3 ? runs : 3);
        double fast1, fast2;
        fast_epochs(sz, 3, &d.training, runs, &fast1, &fast2, &speedup[s]);
        double eval[3] = {eval_time(sz, 3, &d.test, 0, runs < 3 ? runs : 3),
                          eval_time(sz, 3, &d.test, 1, runs),
                          eval_time(sz, 3, &d.test, 2, runs)};
        row(names[s], "textbook", text, text, dense, dense, peak, eval[0]);
        row(names[s], "fast, 1 thread", fast1, text, dense, real[s], peak, eval[1]);
        row(names[s], "fast, 2 threads", fast2, text, dense, real[s], peak, eval[2]);
        eval_speedup[s] = eval[1] / eval[2];
        double times[3] = {text, fast1, fast2};
        if (tsv)
            tsv_rows(tsv, sz, times, speedup[s], eval, dense, real[s], peak);
    }
    printf("\n2 threads vs 1, training (one barrier per mini-batch; median of "
           "the ratios of %d turns, 1 and 2 threads in turn): %.2fx for "
           "[784,30,10], %.2fx for [784,100,10].\n", runs, speedup[0], speedup[1]);
    printf("2 threads vs 1, evaluation (no barrier at all, so this is the most "
           "a second core gives right now): %.2fx, %.2fx.\n", eval_speedup[0],
           eval_speedup[1]);
    printf("Non-zero pixels: %.1f%% of the training images; a mini-batch of "
           "10 lights %.1f%% of the pixels.  Real work per epoch (what the "
           "fast path computes): %.2f GFLOP for [784,30,10], %.2f for "
           "[784,100,10]; dense: %.2f and %.2f.\n", 100 * density(&d.training),
           100 * lit[0], real[0] / 1e9, real[1] / 1e9,
           flops_per_example(shapes[0], 3) * 50000 / 1e9,
           flops_per_example(shapes[1], 3) * 50000 / 1e9);
    int lanes = 0;
    const char *kernels = network_fast_kernels(&lanes, NULL);
    printf("Fast path on this CPU: the %s kernels, %d floats per vector "
           "operation.\n", kernels ? kernels : "(none)", lanes);
    if (peak > 0)
        printf("OpenBLAS sgemm on one core: %.1f GFLOP/s at 1024^3, %.1f GFLOP/s "
               "at the forward shape 10x784 by 784x30.\n", peak, small);
    else
        printf("sgemm peak: not measured (OpenBLAS not loaded: %s; apt-get install libopenblas-dev to measure it); the "
               "\"of sgemm peak\" columns are n/a.\n", no_sgemm);
    printf("Loading the data: %.2f s.\n", load);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("Peak RSS of this benchmark: %.0f MB.\n", (double)ru.ru_maxrss / 1024.0);
    if (prog) {
        double cpu, rss, wall = default_run(prog, dir, &cpu, &rss);
        printf("Default run of %s (30 epochs, loading included): %.2f s wall, "
               "%.2f s CPU, peak RSS %.0f MB.\n", prog, wall, cpu, rss);
    }
    mnist_split_free(&d);
    if (tsv && !tsv_commit(tsv, tsv_path))
        return 1;
    return 0;
}
