/* ab.c - `make bench-ab OLD=...`: the fast path of two builds of
 * libnndl.so, alternated turn by turn in one process.
 *
 * On a shared machine two `make bench` runs a minute apart can differ by
 * more than the change being measured.  Here both libraries are loaded at
 * once (dlopen, each bound to its own symbols) and every row is timed in
 * turns, old then new, new then old, and so on: a slow spell of the
 * machine falls on both.  What counts is the ratio new/old of each turn;
 * the table gives their median and interquartile range, beside the
 * median seconds of each build.  Rows: make bench's, the second epoch of a
 * 2-epoch run (training) and one evaluation of the 10,000 test images.
 *
 *   bench-ab OLD.so NEW.so [--turns N] [--data DIR]
 */
#define _GNU_SOURCE             /* RTLD_DEEPBIND */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nndl.h"

#define MAX_TURNS 200

typedef struct {
    Network *(*create)(const int *, int, Rng *);
    void (*free)(Network *);
    int (*sgd)(Network *, const Dataset *, int, size_t, float, Rng *, int,
               EpochCallback, void *);
    size_t (*evaluate)(const Network *, const Dataset *, int);
} Lib;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int load(Lib *lib, const char *path)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!h) {
        fprintf(stderr, "bench-ab: %s\n", dlerror());
        return 0;
    }
    *(void **)&lib->create = dlsym(h, "network_create");
    *(void **)&lib->free = dlsym(h, "network_free");
    *(void **)&lib->sgd = dlsym(h, "network_fast_sgd");
    *(void **)&lib->evaluate = dlsym(h, "network_fast_evaluate");
    if (!lib->create || !lib->free || !lib->sgd || !lib->evaluate) {
        fprintf(stderr, "bench-ab: %s: not a libnndl with the fast path\n", path);
        return 0;
    }
    return 1;
}

static int stamp(int epoch, const Network *net, void *ctx)
{
    (void)net;
    ((double *)ctx)[epoch] = now();
    return 0;
}

/* Seconds of one turn of a row with one build (-1 if it failed). */
static double turn(const Lib *lib, const int *sizes, const MnistSplit *d,
                   int eval, int threads)
{
    Rng rng;
    rng_seed(&rng, 1);
    Network *net = lib->create(sizes, 3, &rng);
    double t[2] = {0, 0}, t0 = now(), s = -1;
    if (net && eval && lib->evaluate(net, &d->test, threads) != SIZE_MAX)
        s = now() - t0;
    else if (net && !eval && lib->sgd(net, &d->training, 2, 10, 3.0f, &rng,
                                      threads, stamp, t) == 2)
        s = t[1] - t[0];
    lib->free(net);
    return s;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-quantile (0 .. 1) of v[0..n), sorted in place. */
static double quantile(double *v, int n, double q)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return v[(int)(q * (n - 1) + 0.5)];
}

int main(int argc, char **argv)
{
    int turns = 30;
    const char *dir = NULL;
    Lib lib[2];
    for (int i = 3; i < argc; i++)
        if (!strcmp(argv[i], "--turns") && i + 1 < argc)
            turns = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            dir = argv[++i];
        else
            argc = 0;                   /* usage below */
    if (argc < 3) {
        fprintf(stderr, "usage: bench-ab OLD.so NEW.so [--turns N] [--data DIR]\n");
        return 2;
    }
    if (turns < 2 || turns > MAX_TURNS) {
        fprintf(stderr, "bench-ab: --turns: expected 2..%d\n", MAX_TURNS);
        return 2;
    }
    if (!load(&lib[0], argv[1]) || !load(&lib[1], argv[2]))
        return 1;
    MnistSplit d;
    char err[NNDL_ERRLEN];
    if (mnist_load_split(&d, dir ? dir : mnist_default_dir(), 50000, err) != NNDL_OK) {
        fprintf(stderr, "bench-ab: %s (run 'make data' first)\n", err);
        return 1;
    }
    const int shapes[2][3] = {{784, 30, 10}, {784, 100, 10}};
    printf("old: %s\nnew: %s\n%d turns per row, old and new in turns "
           "(ABBA...)\n\n", argv[1], argv[2], turns);
    printf("| network | row | threads | old (s) | new (s) | new/old: median "
           "| quartiles |\n|---|---|---|---|---|---|---|\n");
    for (int s = 0; s < 2; s++)
        for (int eval = 0; eval < 2; eval++)
            for (int threads = 1; threads <= 2; threads++) {
                double t[2][MAX_TURNS], r[MAX_TURNS];
                for (int i = 0; i < turns; i++) {
                    for (int k = 0; k < 2; k++) {
                        int b = (i & 1) ? 1 - k : k;
                        t[b][i] = turn(&lib[b], shapes[s], &d, eval, threads);
                        if (t[b][i] < 0) {
                            fprintf(stderr, "bench-ab: %s failed (out of memory?)\n",
                                    argv[1 + b]);
                            return 1;
                        }
                    }
                    r[i] = t[1][i] / t[0][i];
                }
                printf("| [%d,%d,%d] | %s | %d | %.4f | %.4f | %.3f | %.3f .. %.3f |\n",
                       shapes[s][0], shapes[s][1], shapes[s][2],
                       eval ? "eval 10k" : "train epoch", threads,
                       quantile(t[0], turns, 0.5), quantile(t[1], turns, 0.5),
                       quantile(r, turns, 0.5), quantile(r, turns, 0.25),
                       quantile(r, turns, 0.75));
                fflush(stdout);
            }
    mnist_split_free(&d);
    return 0;
}
