/* network_fast.c - the fast path: the textbook's mini-batch SGD (network.c)
 * computed a whole mini-batch at a time, 8 floats per vector operation
 * (4 on machines without 256-bit vectors),
 * skipping zero pixels, optionally on several threads -- and giving the
 * same numbers as the textbook path, bit for bit.
 *
 * Why the results can be identical.  Float addition is not associative,
 * so a faster code may only change WHERE a sum is computed, never the
 * ORDER of its terms.  Every sum here adds the same terms in the same
 * order as network.c, with separate multiply and add (no FMA: C11 mode
 * does not contract a*b+c and the vector clones do not enable FMA):
 *   z_j      = b_j + w_j0 a_0 + w_j1 a_1 + ...      k ascending
 *   nabla_jk = 0 + a_k delta_j (example 0) + ...    examples in order
 *   delta_k  = (0 + w_0k delta_0 + w_1k delta_1 + ...) * a_k (1 - a_k)
 * What changes is what runs side by side: 8 neurons j at once instead of
 * one, which needs the weights transposed (WT[k] = every weight leaving
 * neuron k of the layer below, contiguous over j).
 * Skipping a pixel x_k = 0 drops the terms w_jk * 0 = +-0, and adding +-0
 * never changes a sum that is not -0 (and these sums, which start at +0
 * or at a bias, never are), so MNIST's ~80% blank pixels cost nothing.
 *
 * Where the time goes, for the first layer (nearly all the work):
 *   - the training images' non-zero pixels are listed once per
 *     network_fast_sgd call (3 bytes each: 22 MB for MNIST's 50,000);
 *   - forward: z = b + the sum of x_k WT[0][k] over an example's pixels,
 *     8 neurons per vector operation, for two examples at once (each
 *     example's sum is a chain of additions that waits on the latency of
 *     the one before; two chains keep the adders busy);
 *   - update: nabla_jk needs the sum over EXAMPLES for each pixel k, so the
 *     forward pass also files x_k under k (xt[k][i] = x_k of example i)
 *     and marks k as seen; then for each pixel some example lit,
 *     WT[0][k] -= eta/m * (sum over every example i of xt[k][i] delta_i),
 *     the zero xt[k][i] included: ten terms where ~4 are non-zero, but a
 *     loop of fixed length runs faster than a shorter one whose length the
 *     branch predictor cannot guess.  Pixels no example lit have a zero
 *     gradient and are not touched.
 * The sigmoid goes 8 neurons at a time too (sigmoid_many, which gives
 * sigmoidf's bits: lib/sigmoid_simd.c).
 * The vectors are GCC/Clang vector extensions (vf below, LANES floats),
 * which compile to AVX2, AVX, SSE2, NEON or plain scalar code.  On x86-64
 * this file is built twice, with 8 floats per vector (the hot functions
 * cloned for AVX2 and AVX, picked at load time) and with 4 for CPUs
 * without AVX (network_fast_sse.c); network_fast_twin.h tells how.
 *
 * Threads split the first layer's output neurons (where nearly all the
 * work is) in whole vectors, at least 16 neurons per thread (see
 * network_fast_create; evaluation splits the images over every thread
 * instead): each training thread owns lanes [lo, hi) of WT[0] and
 * b[0], kept in a block of memory of its own.  (With the lanes side by
 * side in one shared block, two threads ran no faster than one, and at
 * times slower: most likely the CPU's prefetcher, which also fetches the
 * cache line next to the one asked for, kept pulling the other thread's
 * lines over from its core.)  After one barrier per mini-batch every
 * thread has all of a[1] and runs the small upper layers forward and BP2
 * (for its own lanes of delta[0]) itself.  Their parameters are shared and
 * double-buffered: all threads read the current block while the last
 * training thread, which has no more lanes than any other, writes the
 * updated values into the other block, current after the next barrier.
 * Each neuron's arithmetic is the same whichever thread does it, so the
 * result does not depend on the number of threads either.
 *
 * Layout (P(n) = n rounded up to a multiple of LANES, and of 16 for layer 1,
 * so that a[1]'s rows are whole cache lines; padding lanes hold 0):
 *   WT[l]  sizes[l] x P(sizes[l+1]):  WT[l][k*P + j] = w[l][j*sizes[l] + k]
 *          for layer 0 with threads, each thread's slice: its lanes only
 *   b[l]   P(sizes[l+1])
 *   W[l]   l >= 1 only, sizes[l+1] x P(sizes[l]): w[l] row-major with padded
 *          rows, for BP2 (delta of the layer below), kept equal to WT[l]
 * The parameter block holds WT[0], b[0] (used with one thread), then
 * (WT[l], b[l], W[l]) for l >= 1: the "upper" part, doubled in a block of
 * its own when several threads train.
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "network_fast_twin.h"
#if NNDL_FAST_TWINS                     /* this build's names (see there) */
#ifdef NNDL_FAST_SSE
#define FAST_SUFFIX sse
#else
#define FAST_SUFFIX avx
#endif
#define FAST_PASTE(name, suffix) name##_##suffix
#define FAST_NAME(name, suffix) FAST_PASTE(name, suffix)
#define network_fast_create FAST_NAME(network_fast_create, FAST_SUFFIX)
#define network_fast_free FAST_NAME(network_fast_free, FAST_SUFFIX)
#define network_fast_store FAST_NAME(network_fast_store, FAST_SUFFIX)
#define network_fast_update_mini_batch \
    FAST_NAME(network_fast_update_mini_batch, FAST_SUFFIX)
#define network_fast_evaluate_with \
    FAST_NAME(network_fast_evaluate_with, FAST_SUFFIX)
#define network_fast_evaluate FAST_NAME(network_fast_evaluate, FAST_SUFFIX)
#define network_fast_evaluate_start \
    FAST_NAME(network_fast_evaluate_start, FAST_SUFFIX)
#define network_fast_evaluate_wait \
    FAST_NAME(network_fast_evaluate_wait, FAST_SUFFIX)
#define network_fast_sgd FAST_NAME(network_fast_sgd, FAST_SUFFIX)
#define network_fast_lanes FAST_NAME(network_fast_lanes, FAST_SUFFIX)
#endif
#include "mnist.h"
#include "network.h"
#include "sigmoid_simd.h"

#if defined(__SSE2__) && !defined(NNDL_NO_SIMD)
#include <emmintrin.h>
#endif

/* The hot loops are compiled for AVX2 and for AVX, and the loader picks
 * one for this CPU (GCC's target_clones, x86-64 only; it needs a baseline
 * clone too, which the CPUs without AVX never run: they get the build of
 * network_fast_sse.c).  AVX's 256-bit float operations are all the kernels
 * need. */
#if NNDL_FAST_TWINS && !defined(NNDL_FAST_SSE)
#define CLONES 1
#define HOT __attribute__((target_clones("avx2", "avx", "default")))
#else
#define CLONES 0
#define HOT
#endif

/* Floats per vector: 8 (256 bits) with the clones or AVX, else 4 (128
 * bits: SSE2, NEON, ...).  GCC keeps a vector wider than the machine's in
 * memory, not in registers: with 8 lanes the fast path ran 6 times slower
 * on plain x86-64 (0.64-0.69 s per epoch of [784,30,10] against 0.11-0.17
 * with 4); hence the second build for x86-64 CPUs without AVX. */
#ifndef NNDL_LANES
#if CLONES || defined(__AVX__)
#define NNDL_LANES 8
#else
#define NNDL_LANES 4
#endif
#endif
#define LANES NNDL_LANES
#define BLOCK 4                 /* vectors kept in registers at once */
#define MAX_THREADS 64
#define CHUNK 16                /* examples per pass of layer 0's update */
#define L_MAX NETWORK_MAX_LAYERS

typedef float vf __attribute__((vector_size(LANES * sizeof(float)), may_alias));

#define INLINE static inline __attribute__((always_inline))
/* Unrolls the loops over the BLOCK accumulators so they stay in registers. */
#define UNROLL _Pragma("GCC unroll 4")
/* CALL(R, NV) with constants R = r (1 or 2) and NV = nv (1 .. BLOCK), so
 * that each kernel is compiled for its exact count of accumulators and
 * keeps them in registers. */
#define SWITCH_NV(R, nv, CALL)                                                \
    switch (nv) {                                                             \
    case 4: CALL(R, 4); break;                                                \
    case 3: CALL(R, 3); break;                                                \
    case 2: CALL(R, 2); break;                                                \
    default: CALL(R, 1); break;                                               \
    }
#define SWITCH_R_NV(r, nv, CALL)                                              \
    do {                                                                      \
        if ((r) == 2)                                                         \
            SWITCH_NV(2, nv, CALL)                                            \
        else                                                                  \
            SWITCH_NV(1, nv, CALL)                                            \
    } while (0)

/* A barrier for n threads that spins for up to half a millisecond (a
 * mini-batch takes some 10-50 microseconds, and on a virtual machine a
 * sleep and wake-up can take as long), then sleeps, so that a thread
 * whose partner lost its core gives the core away. */
typedef struct {
    atomic_uint count, gen;
    unsigned n;
    int spins;                          /* 20000: about half a millisecond */
    int sleepers;                       /* guarded by mu */
    pthread_mutex_t mu;
    pthread_cond_t cv;
} Barrier;

/* What one thread owns.  Views of layer 0 point into the shared block;
 * views of layers >= 1 into this thread's copy (thread 0: the shared). */
typedef struct {
    int lo, hi;                         /* its lanes of layer 0's outputs */
    float *w0, *b0;                     /* its slice of WT[0] and b[0]: */
    int s0;                             /* lane lo + j of row k at
                                           w0[k*s0 + j], of b at b0[j] */
    float *slice;                       /* w0's own block (threads > 1) */
    float *wt[L_MAX], *b[L_MAX], *w[L_MAX];  /* layers >= 1 */
    float *nwt[L_MAX], *nb[L_MAX], *nw[L_MAX];  /* where the updater
                                           writes the next values */
    int cur;                            /* which upper block is current,
                                           counted batch by batch */
    float *a[L_MAX];                    /* a[l], l >= 2: batch x P(l) */
    float *delta[L_MAX];                /* delta[l]: batch x P(l+1) */
    float *a_eval;                      /* two images, every layer */
    float *nabla0;                      /* sizes[0] x P(1), own lanes used,
                                           only for batches > CHUNK */
    float *xt;                          /* x_k of the chunk's examples i at
                                           xt[k*CHUNK + i], 0 if not filed */
    unsigned char *seen;                /* 1 for the pixels filed in xt */
    int n_rows;
    uint16_t *nz_k;                     /* non-zero pixels of two images */
    unsigned char *nz_v;
    uint16_t *rows;                     /* the seen pixels, ascending */
    size_t correct;                     /* evaluation result */
} __attribute__((aligned(64))) FastThread;  /* no cache line shared with
                                               another thread's */

/* The non-zero pixels of a set of images: image i has the pixels
 * k[start[i] .. start[i+1]) (ascending) with the byte values v[...]. */
typedef struct {
    size_t *start;
    uint16_t *k;
    unsigned char *v;
} Sparse;

/* One job for every thread: a run of mini-batches, or an evaluation.
 * Example i of the run is data's example idx[i], whose pixels are image
 * sidx[i] of sparse (image i when sidx is NULL). */
typedef struct {
    const Dataset *data;
    const size_t *idx, *sidx;
    const Sparse *sparse;
    size_t n, batch;
    float eta;
} Job;

typedef struct {
    struct NetworkFast *f;
    int t;
} WorkerArg;

typedef struct {
    pthread_t tid[MAX_THREADS];
    WorkerArg arg[MAX_THREADS];
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned gen;                       /* bumped once per job */
    int quit, started;
    void (*share)(struct NetworkFast *, int);
} Pool;

struct NetworkFast {
    int L, sizes[L_MAX], pad[L_MAX];
    size_t max_batch, upper_len;
    size_t eval_len;                    /* floats of a[1], a[2], ... of one
                                           image (+ slack), a multiple of
                                           LANES */
    int threads;                        /* in the pool; evaluation uses all */
    int train_threads;                  /* the first ones, which split
                                           layer 0 in training */
    float *params;                      /* WT[0], b[0], upper part */
    float *upper[2];                    /* the upper part and its double
                                           (the same block, one thread) */
    int cur;                            /* upper[cur]: the current values */
    float *a1[2];                       /* a[1], double-buffered, shared */
    float scale[256];                   /* pixel byte -> float, as mnist_x */
    uint8_t bitpos[256][8];             /* positions of the 1 bits of a byte */
    uint8_t bitcount[256];              /* and how many there are */
    Barrier barrier;                    /* the end of a job: all threads */
    Barrier batch;                      /* a[1] ready: the training threads */
    Job job;
    Pool pool;
    FastThread th[MAX_THREADS];
};

static size_t pad8(size_t n)
{
    return (n + LANES - 1) / LANES * LANES;
}

static void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

static void barrier_wait(Barrier *b)
{
    if (b->n < 2)
        return;
    unsigned gen = atomic_load_explicit(&b->gen, memory_order_acquire);
    if (atomic_fetch_add_explicit(&b->count, 1, memory_order_acq_rel) + 1 == b->n) {
        atomic_store_explicit(&b->count, 0, memory_order_relaxed);
        pthread_mutex_lock(&b->mu);
        atomic_fetch_add_explicit(&b->gen, 1, memory_order_release);
        if (b->sleepers)
            pthread_cond_broadcast(&b->cv);
        pthread_mutex_unlock(&b->mu);
        return;
    }
    for (int spins = 0; spins < b->spins; spins++) {
        if (atomic_load_explicit(&b->gen, memory_order_acquire) != gen)
            return;
        cpu_relax();
    }
    pthread_mutex_lock(&b->mu);
    b->sleepers++;
    while (atomic_load_explicit(&b->gen, memory_order_acquire) == gen)
        pthread_cond_wait(&b->cv, &b->mu);
    b->sleepers--;
    pthread_mutex_unlock(&b->mu);
}

/* ---- parameters: Network layout <-> fast layout ---- */

/* Points views of layers >= 1 at an upper block u. */
static void point_views(const NetworkFast *f, float **wt, float **b,
                        float **w, float *u)
{
    for (int l = 1; l < f->L - 1; l++) {
        wt[l] = u, u += (size_t)f->sizes[l] * f->pad[l + 1];
        b[l] = u, u += f->pad[l + 1];
        w[l] = u, u += (size_t)f->sizes[l + 1] * f->pad[l];
    }
}

/* th reads the upper block `cur` and (if it updates) writes the other. */
static void set_upper_views(const NetworkFast *f, FastThread *th, int cur)
{
    point_views(f, th->wt, th->b, th->w, f->upper[cur]);
    point_views(f, th->nwt, th->nb, th->nw, f->upper[!cur]);
}

/* The thread that owns lane j of layer 0's outputs. */
static const FastThread *owner(const NetworkFast *f, int j)
{
    int t = 0;
    while (j >= f->th[t].hi)
        t++;
    return &f->th[t];
}

/* Where w[l][j][k] and b[l][j] live in the fast layout (thread 0's views
 * for l >= 1, the owner's slice for l = 0). */
static float *w_at(const NetworkFast *f, int l, int j, int k)
{
    if (l > 0)
        return &f->th[0].wt[l][(size_t)k * f->pad[l + 1] + j];
    const FastThread *th = owner(f, j);
    return &th->w0[(size_t)k * th->s0 + (size_t)(j - th->lo)];
}

static float *b_at(const NetworkFast *f, int l, int j)
{
    return l > 0 ? &f->th[0].b[l][j] : &owner(f, j)->b0[j - owner(f, j)->lo];
}

/* Copies net's parameters into the fast layout. */
static void load_params(NetworkFast *f, const Network *net)
{
    FastThread *th = &f->th[0];
    for (int l = 0; l < f->L - 1; l++) {
        int n_in = f->sizes[l], n_out = f->sizes[l + 1];
        for (int j = 0; j < n_out; j++) {
            *b_at(f, l, j) = net->b[l][j];
            for (int k = 0; k < n_in; k++) {
                float w = net->w[l][(size_t)j * n_in + k];
                *w_at(f, l, j, k) = w;
                if (l > 0)
                    th->w[l][(size_t)j * f->pad[l] + k] = w;
            }
        }
    }
}

void network_fast_store(const NetworkFast *f, Network *net)
{
    assert(net->num_layers == f->L);
    for (int l = 0; l < f->L - 1; l++) {
        int n_in = f->sizes[l], n_out = f->sizes[l + 1];
        for (int j = 0; j < n_out; j++) {
            net->b[l][j] = *b_at(f, l, j);
            for (int k = 0; k < n_in; k++)
                net->w[l][(size_t)j * n_in + k] = *w_at(f, l, j, k);
        }
    }
}

/* ---- creation ---- */

static int pool_start(NetworkFast *f);
static void pool_stop(NetworkFast *f);

static float *falloc(size_t n)
{
    size_t bytes = (n ? n : 1) * sizeof(float);
    float *p = aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (p)
        memset(p, 0, (bytes + 63) / 64 * 64);
    return p;
}

/* Splits layer 0's output vectors over the threads as evenly as whole
 * vectors allow, the spare ones to the first threads (the last one also
 * updates the upper layers).  Each thread keeps its lanes of WT[0] in a block of its
 * own (see thread_alloc), so no two threads write to one cache line. */
static int lane_boundary(const NetworkFast *f, int t)
{
    int vectors = (int)pad8(f->sizes[1]) / LANES;
    int n = f->train_threads;
    return t >= n ? vectors * LANES : (t * vectors + n - 1) / n * LANES;
}

static void split_lanes(NetworkFast *f)
{
    for (int t = 0; t < f->threads; t++)
        f->th[t].lo = lane_boundary(f, t), f->th[t].hi = lane_boundary(f, t + 1);
}

static int thread_alloc(NetworkFast *f, FastThread *th)
{
    size_t m = f->max_batch, dim = (size_t)f->sizes[0];
    set_upper_views(f, th, f->cur);
    if (f->train_threads == 1 || th->lo == th->hi)  /* the shared block's */
        th->w0 = f->params, th->s0 = f->pad[1];     /* (or no lanes at all) */
    else {                              /* a block of its own: a cache line
                                           prefetched next to one of its
                                           own is never another thread's */
        th->s0 = th->hi - th->lo;
        if (!(th->slice = falloc(dim * th->s0 + th->s0 + 16)))
            return 0;
        th->w0 = th->slice;
    }
    th->b0 = th->w0 + dim * th->s0;
    for (int l = 0; l < f->L - 1; l++) {
        if (l >= 1 && !(th->a[l + 1] = falloc(m * f->pad[l + 1])))
            return 0;
        if (!(th->delta[l] = falloc(m * f->pad[l + 1])))
            return 0;
    }
    th->a_eval = falloc(2 * f->eval_len);
    if (m > CHUNK && !(th->nabla0 = falloc(dim * f->pad[1])))
        return 0;
    th->xt = falloc(dim * CHUNK);
    th->nz_v = malloc(2 * (dim + 16));  /* two images, + 16: the slack */
    th->nz_k = malloc(2 * (dim + 16) * sizeof(uint16_t));   /* of nonzero_pixels */
    th->rows = malloc((dim + 16) * sizeof(uint16_t));
    th->seen = calloc(dim, 1);
    return th->a_eval && th->xt &&
           th->nz_v && th->nz_k && th->rows && th->seen;
}

/* The byte -> float table comes from mnist_x itself, so the inputs are
 * the textbook's to the last bit; bitpos/bitcount serve nonzero_pixels. */
static void init_tables(NetworkFast *f)
{
    unsigned char bytes[256];
    for (int v = 0; v < 256; v++)
        bytes[v] = (unsigned char)v;
    Dataset all = {1, 1, 256, 256, bytes, NULL, 0};
    dataset_x(f->scale, &all, 0);
    for (int byte = 0; byte < 256; byte++)
        for (int bit = 0, n = 0; bit < 8; bit++)
            if (byte >> bit & 1)
                f->bitpos[byte][n++] = (uint8_t)bit, f->bitcount[byte] = (uint8_t)n;
}

NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads)
{
    int L = net->num_layers;
    if (max_batch == 0 || threads < 1 || net->sizes[0] > 65535)
        return NULL;                    /* pixel indices are 16-bit */
    NetworkFast *f = aligned_alloc(64, (sizeof *f + 63) / 64 * 64);
    if (!f)
        return NULL;
    memset(f, 0, sizeof *f);
    size_t total = 0;
    f->L = L, f->max_batch = max_batch;
    for (int l = 0; l < L; l++)
        f->sizes[l] = net->sizes[l], f->pad[l] = (int)pad8(net->sizes[l]);
    f->pad[1] = (f->pad[1] + 15) / 16 * 16;     /* whole cache lines */
    for (int l = 0; l < L - 1; l++) {
        size_t part = (size_t)f->sizes[l] * f->pad[l + 1] + f->pad[l + 1];
        f->eval_len += f->pad[l + 1];
        if (l >= 1)
            part += (size_t)f->sizes[l + 1] * f->pad[l], f->upper_len += part;
        total += part;
    }
    f->eval_len = (f->eval_len + LANES) / LANES * LANES;
    /* Training splits layer 0's neurons, counted in groups of 8 whatever
     * LANES is, at least two and about three groups per thread: with fewer,
     * a thread's share is so small that the barrier and the work every
     * thread repeats (the pixel lists, the upper layers) cost more than the
     * split saves ([784,30,10]: four groups, one thread).  Evaluation
     * splits the images over them all. */
    int groups = (f->sizes[1] + 7) / 8;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    f->threads = threads < MAX_THREADS ? threads : MAX_THREADS;
    f->train_threads = (groups + 1) / 3 < 1 ? 1 : (groups + 1) / 3;
    if (f->train_threads > f->threads)
        f->train_threads = f->threads;
    f->barrier.n = (unsigned)f->threads;
    f->batch.n = (unsigned)f->train_threads;
    /* More threads than CPUs: a spinning thread would only keep the one it
     * waits for off the CPU. */
    f->barrier.spins = f->batch.spins = cpus >= 1 && f->threads > cpus ? 0 : 20000;
    split_lanes(f);
    f->params = falloc(total);
    f->a1[0] = falloc(max_batch * f->pad[1]);
    f->a1[1] = falloc(max_batch * f->pad[1]);
    int ok = f->params && f->a1[0] && f->a1[1];
    if (ok) {           /* the upper part, and its double for threads */
        f->upper[0] = f->params + (size_t)f->sizes[0] * f->pad[1] + f->pad[1];
        f->upper[1] = f->train_threads > 1 ? falloc(f->upper_len) : f->upper[0];
        ok = f->upper[1] != NULL;
    }
    for (int t = 0; ok && t < f->threads; t++)
        ok = thread_alloc(f, &f->th[t]);
    if (!ok || !pool_start(f)) {
        network_fast_free(f);
        return NULL;
    }
    init_tables(f);
    load_params(f, net);
    return f;
}

void network_fast_free(NetworkFast *f)
{
    if (!f)
        return;
    pool_stop(f);
    for (int t = 0; t < MAX_THREADS; t++) {
        FastThread *th = &f->th[t];
        free(th->slice);
        for (int l = 0; l < L_MAX; l++) {
            if (l >= 2)
                free(th->a[l]);
            free(th->delta[l]);
        }
        free(th->a_eval), free(th->nabla0), free(th->nz_v);
        free(th->xt);
        free(th->nz_k), free(th->rows), free(th->seen);
    }
    if (f->upper[1] != f->upper[0])
        free(f->upper[1]);
    free(f->params), free(f->a1[0]), free(f->a1[1]);
    free(f);
}

/* ---- kernels ---- */

/* The non-zero bytes of p[0 .. dim): their indices k (ascending) and
 * values v.  Returns how many.  May write 16 entries past the end. */
static HOT int nonzero_pixels(uint16_t *restrict k_out,
                              unsigned char *restrict v_out,
                              const unsigned char *restrict p, int dim,
                              const NetworkFast *restrict f)
{
    int n = 0, k = 0;
#if defined(__SSE2__) && !defined(NNDL_NO_SIMD)
    for (; k + 16 <= dim; k += 16) {           /* 16 pixels per compare */
        __m128i x = _mm_loadu_si128((const __m128i *)(p + k));
        unsigned nz = ~(unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(x, _mm_setzero_si128())) & 0xffffu;
        for (int half = 0; nz; half += 8, nz >>= 8) {  /* 8 pixels at once: */
            /* where the non-zero ones are: 8 bytes, loaded straight into
             * a register (copied into a vector on the stack instead, the
             * CPU could not forward the two stores to the one load and
             * waited for them: 40% of an evaluation's time) */
            __m128i pos = _mm_loadl_epi64((const __m128i *)f->bitpos[nz & 0xff]);
            __m128i where = _mm_add_epi16(_mm_unpacklo_epi8(pos, _mm_setzero_si128()),
                                          _mm_set1_epi16((short)(k + half)));
            _mm_storeu_si128((__m128i *)(k_out + n), where);  /* 8 indices, */
#if defined(__clang__)                          /* 8 bytes: the extra */
            for (int q = 0; q < 8; q++)         /* ones are overwritten */
                v_out[n + q] = p[k + half + f->bitpos[nz & 0xff][q]];   /* next */
#else
            typedef uint8_t u8x16 __attribute__((vector_size(16)));
            u8x16 v = __builtin_shuffle((u8x16)x, (u8x16)pos + (uint8_t)half);
            memcpy(v_out + n, &v, 8);
#endif
            n += f->bitcount[nz & 0xff];
        }
    }
#else
    (void)f;
#endif
    for (; k < dim; k++)
        if (p[k])
            k_out[n] = (uint16_t)k, v_out[n++] = p[k];
    return n;
}

static int count_nonzero(const unsigned char *p, int dim, const NetworkFast *f)
{
    int n = 0, k = 0;
#if defined(__SSE2__) && !defined(NNDL_NO_SIMD)
    for (; k + 16 <= dim; k += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + k));
        unsigned nz = ~(unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(x, _mm_setzero_si128()));
        n += f->bitcount[nz & 0xff] + f->bitcount[nz >> 8 & 0xff];
    }
#else
    (void)f;
#endif
    for (; k < dim; k++)
        n += p[k] != 0;
    return n;
}

static void sparse_free(Sparse *s)
{
    free(s->start), free(s->k), free(s->v);
}

/* The non-zero pixels of n images: image i is data's example which[i]
 * (example i when which is NULL).  0 if out of memory. */
static int sparse_build(Sparse *s, const Dataset *data, const size_t *which,
                        size_t n, const NetworkFast *f)
{
    size_t total = 0;
    int dim = (int)data->dim;
    s->start = malloc((n + 1) * sizeof *s->start);
    for (size_t i = 0; s->start && i < n; i++)
        total += count_nonzero(data->x + (which ? which[i] : i) * data->dim, dim, f);
    s->k = malloc((total + 16) * sizeof *s->k);
    s->v = malloc(total + 16);
    if (!s->start || !s->k || !s->v)
        return sparse_free(s), 0;
    s->start[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = data->x + (which ? which[i] : i) * data->dim;
        s->start[i + 1] = s->start[i] + (size_t)nonzero_pixels(
            s->k + s->start[i], s->v + s->start[i], p, dim, f);
    }
    return 1;
}

/* a[j] = sigmoidf(z[j]) for the real neurons j < n_out of nv vectors of
 * lanes (padding lanes are left alone, at 0).  Whole vectors go to
 * sigmoid_many, which is faster on multiples of 8. */
INLINE void sigma_lanes(float *a, const float *z, int nv, int n_out)
{
    float s[BLOCK * LANES];
    if (n_out >= nv * LANES)
        sigmoid_many(a, z, (size_t)(nv * LANES));
    else if (n_out > 0) {
        sigmoid_many(s, z, (size_t)(nv * LANES));
        memcpy(a, s, (size_t)n_out * sizeof *s);
    }
}

/* The inputs of a layer for one example: n non-zero pixels k[e] with the
 * values scale[v[e]] (when k is not NULL), or n activations x[0 .. n). */
typedef struct {
    const uint16_t *k;
    const unsigned char *v;
    const float *scale, *x;
    int n;
} Input;

/* Where the forward pass files the pixels of example i for the update of
 * layer 0 (see file_chunk, which does the same on its own). */
typedef struct {
    float *xt;
    unsigned char *seen;
    unsigned char i;
} Filing;

/* Files pixel k of example i (value x): xt[k][i] = x (xt is offset by
 * i), and marks k as seen. */
INLINE void file_pixel(float *restrict xt, unsigned char *restrict seen,
                       size_t k, float x)
{
    xt[k * CHUNK] = x;
    seen[k] = 1;
}

/* Lists the seen pixels, ascending, in th->rows. */
static void list_rows(NetworkFast *f, FastThread *th)
{
    th->n_rows = nonzero_pixels(th->rows, th->nz_v, th->seen, f->sizes[0], f);
}

/* acc[0 .. nv) += sum over the pixels e of x_e * (row k_e of wt), k_e
 * ascending, rows `stride` floats apart.  With fl, the pixels are also
 * filed for the update (the loop waits on its additions anyway, so this
 * costs little). */
INLINE void add_pixels(vf *acc, const float *wt, size_t stride, Input in,
                       Filing *fl, int nv)
{
    /* Local restrict copies: the byte stores cannot change them. */
    float *restrict xt = fl ? fl->xt + fl->i : NULL;
    unsigned char *restrict seen = fl ? fl->seen : NULL;
    for (int e = 0; e < in.n; e++) {           /* x_k w_jk, zero x_k skipped */
        float x = in.scale[in.v[e]];
        const vf *row = (const vf *)(wt + (size_t)in.k[e] * stride);
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[q] += x * row[q];
        if (fl)
            file_pixel(xt, seen, in.k[e], x);
    }
}

/* z[0 .. nv*8) = b + sum over the inputs e of x_e * (row k_e of wt), k_e
 * ascending; rows are `stride` floats apart.  nv <= BLOCK vectors, kept
 * in registers. */
INLINE void rows_times(vf *z, const float *b, const float *wt, size_t stride,
                       Input in, Filing *fl, int nv)
{
    vf acc[BLOCK];
    UNROLL
    for (int q = 0; q < nv; q++)
        acc[q] = ((const vf *)b)[q];
    if (in.k)
        add_pixels(acc, wt, stride, in, fl, nv);
    else
        for (int e = 0; e < in.n; e++) {       /* a_k w_jk, k ascending */
            const vf *row = (const vf *)(wt + (size_t)e * stride);
            UNROLL
            for (int q = 0; q < nv; q++)
                acc[q] += in.x[e] * row[q];
        }
    UNROLL
    for (int q = 0; q < nv; q++)
        z[q] = acc[q];
}

/* One layer for one example on lanes [lo, hi): a_out[j] = sigma(z_j) for
 * the real neurons j < n_out (padding lanes are left alone, at 0). */
INLINE void layer_lanes(float *a_out, const float *b, const float *wt,
                        size_t stride, Input in, Filing *fl, int lo, int hi,
                        int n_out)
{
    vf z[BLOCK];
    for (int j0 = lo; j0 < hi; j0 += BLOCK * LANES) {
        int nv = (hi - j0) / LANES < BLOCK ? (hi - j0) / LANES : BLOCK;
        Filing *once = j0 == lo ? fl : NULL;
#define ROWS(R_, NV) rows_times(z, b + j0, wt + j0, stride, in, once, NV)
        SWITCH_NV(1, nv, ROWS)
#undef ROWS
        sigma_lanes(a_out + j0, (const float *)z, nv, n_out - j0);
    }
}

/* The small matrix products of the upper layers and the biases:
 * acc[r][0 .. nv) = 0 + sum over t < n, in order, of c_rt v_t, with
 * c_rt = c[r*cr + t*ct] (1 when c is NULL) and v_t the nv vectors at
 * v + t*vs.  The R rows share the loads of v_t and overlap their chains
 * of additions. */
INLINE void sum_block(vf acc[][BLOCK], const float *c, size_t cr, size_t ct,
                      const float *v, size_t vs, size_t n, int R, int nv)
{
    for (int r = 0; r < R; r++) {
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[r][q] = (vf){0};
    }
    for (size_t t = 0; t < n; t++) {
        UNROLL
        for (int q = 0; q < nv; q++) {
            vf v_q = ((const vf *)(v + t * vs))[q];
            for (int r = 0; r < R; r++)
                acc[r][q] += (c ? c[r * cr + t * ct] : 1.0f) * v_q;
        }
    }
}

/* For R rows `rs` floats apart, on nv vectors of lanes each:
 * out_r[0 .. nv*8) = in_r - step * sum_{i<m} c_ri v_i, with
 * c_ri = c[r + i*cs] (1 when c is NULL) and v_i the nv vectors at
 * v + i*vs: the gradient summed over the examples in order, then eq. 1.20
 * / 1.21 (out may be in: the step in place). */
INLINE void update_block(float *out, const float *in, size_t rs,
                         const float *c, size_t cs, const float *v, size_t vs,
                         size_t m, float step, int R, int nv)
{
    vf acc[4][BLOCK];
    sum_block(acc, c, 1, cs, v, vs, m, R, nv);
    for (int r = 0; r < R; r++) {
        UNROLL
        for (int q = 0; q < nv; q++)
            ((vf *)(out + r * rs))[q] = ((const vf *)(in + r * rs))[q] -
                                        step * acc[r][q];
    }
}

/* update_block for rows [0, n_rows), `rs` floats apart, on lanes [0, n),
 * n a multiple of 8: four rows at a time on narrow blocks, two on wide. */
INLINE void update_rows(float *out, const float *in, size_t rs, int n_rows,
                        const float *c, size_t cs, const float *v, size_t vs,
                        size_t m, float step, int n)
{
    for (int r = 0; r < n_rows;) {
        int group = n > 2 * LANES ? 2 : 4;  /* R * nv <= 8 accumulators */
        int R = n_rows - r >= group ? group : 1;
        for (int j0 = 0; j0 < n; j0 += BLOCK * LANES) {
            int nv = (n - j0) / LANES < BLOCK ? (n - j0) / LANES : BLOCK;
            float *o = out + r * rs + j0;
            const float *i = in + r * rs + j0, *cr = c ? c + r : NULL;
#define BLOCK_RV(R_, NV) update_block(o, i, rs, cr, cs, v + j0, vs, m, step, R_, NV)
            if (R < 4)
                SWITCH_R_NV(R, nv, BLOCK_RV);
            else if (nv == 2)
                BLOCK_RV(4, 2);
            else
                BLOCK_RV(4, 1);
#undef BLOCK_RV
        }
        r += R;
    }
}

/* One row, in place: update_rows for row 0 only. */
INLINE void update_row(float *row, const float *c, size_t cs, const float *v,
                       size_t vs, size_t m, float step, int n)
{
    update_rows(row, row, 0, 1, c, cs, v, vs, m, step, n);
}

/* BP2 for E examples (1 or 2, `ds` floats apart in delta, a and
 * delta_below) on nv vectors of lanes of the layer below:
 * delta_below[k] = (sum_j w_jk delta[j]) * a[k] (1 - a[k]), j ascending,
 * with w the row-major mirror W (rows `stride` floats apart).  Two
 * examples share the loads of w and overlap their chains of additions. */
INLINE void backprop_block(float *delta_below, size_t bs, const float *w,
                           size_t stride, const float *delta, size_t ds,
                           int n_out, const float *a, int E, int nv)
{
    vf acc[2][BLOCK];
    sum_block(acc, delta, ds, 1, w, stride, (size_t)n_out, E, nv);
    for (int e = 0; e < E; e++) {
        UNROLL
        for (int q = 0; q < nv; q++) {
            vf a_k = ((const vf *)(a + e * bs))[q];
            ((vf *)(delta_below + e * bs))[q] = acc[e][q] * (a_k * (1.0f - a_k));
        }                                               /* sigma'(z) */
    }
}

/* backprop_block for the m examples of the batch, two at a time, on lanes
 * [lo, hi) of the layer below (a and delta_below `bs` floats per
 * example, delta `ds`). */
INLINE void backprop_lanes(float *delta_below, size_t bs, const float *w,
                           size_t stride, const float *delta, size_t ds,
                           int n_out, const float *a, size_t m, int lo, int hi)
{
    for (size_t i = 0; i < m; i += 2) {
        int E = i + 1 < m ? 2 : 1;
        for (int k0 = lo; k0 < hi; k0 += BLOCK * LANES) {
            int nv = (hi - k0) / LANES < BLOCK ? (hi - k0) / LANES : BLOCK;
            float *db = delta_below + i * bs + k0;
            const float *d = delta + i * ds, *a_k = a + i * bs + k0;
#define BLOCK_EV(E_, NV) \
    backprop_block(db, bs, w + k0, stride, d, ds, n_out, a_k, E_, NV)
            SWITCH_R_NV(E, nv, BLOCK_EV);
#undef BLOCK_EV
        }
    }
}

/* ---- one mini-batch, as seen by one thread ---- */

/* a[l] for the batch: a[1] is shared (double-buffered), the rest private. */
static float *act(NetworkFast *f, FastThread *th, int l, int parity)
{
    return l == 1 ? f->a1[parity] : th->a[l];
}

/* The non-zero pixels of example `pos` of the job. */
INLINE Input job_pixels(const NetworkFast *f, const Job *job, size_t pos)
{
    size_t image = job->sidx ? job->sidx[pos] : pos;
    size_t first = job->sparse->start[image];
    return (Input){job->sparse->k + first, job->sparse->v + first, f->scale,
                   NULL, (int)(job->sparse->start[image + 1] - first)};
}

/* Asks the CPU to fetch the pixel lists of examples [from, to) of the job
 * while it works on the current mini-batch: in shuffled order they are
 * scattered over memory, and waiting for them would cost more than the
 * arithmetic. */
static void prefetch_pixels(const Job *job, size_t from, size_t to)
{
    for (size_t pos = from; pos < to && pos < job->n; pos++) {
        size_t image = job->sidx ? job->sidx[pos] : pos;
        size_t a = job->sparse->start[image], b = job->sparse->start[image + 1];
        for (size_t e = a; e < b; e += 32)
            __builtin_prefetch(job->sparse->k + e);
        for (size_t e = a; e < b; e += 64)
            __builtin_prefetch(job->sparse->v + e);
    }
}

/* add_pixels for two examples at once, x and y, into acc_x and acc_y:
 * each keeps its own order, but the two chains of additions overlap
 * (each alone waits on the latency of its additions).  With fl, example
 * x is filed as fl->i and y as fl->i + 1. */
INLINE void add_pixels2(vf *acc_x, vf *acc_y, const float *wt,
                        size_t stride, Input x, Input y, Filing *fl, int nv)
{
    float *restrict xt = fl ? fl->xt + fl->i : NULL;
    unsigned char *restrict seen = fl ? fl->seen : NULL;
    int n = x.n < y.n ? x.n : y.n;
    for (int e = 0; e < n; e++) {
        float u = x.scale[x.v[e]], v = y.scale[y.v[e]];
        const vf *row_u = (const vf *)(wt + (size_t)x.k[e] * stride);
        const vf *row_v = (const vf *)(wt + (size_t)y.k[e] * stride);
        UNROLL
        for (int q = 0; q < nv; q++) {
            acc_x[q] += u * row_u[q];
            acc_y[q] += v * row_v[q];
        }
        if (fl) {
            file_pixel(xt, seen, x.k[e], u);
            file_pixel(xt + 1, seen, y.k[e], v);
        }
    }
    /* The longer list's tail, alone. */
    Filing fl_y = fl ? (Filing){fl->xt, fl->seen, (unsigned char)(fl->i + 1)}
                     : (Filing){NULL, NULL, 0};
    add_pixels(acc_x, wt, stride, (Input){x.k + n, x.v + n, x.scale, NULL, x.n - n},
               fl, nv);
    add_pixels(acc_y, wt, stride, (Input){y.k + n, y.v + n, y.scale, NULL, y.n - n},
               fl ? &fl_y : NULL, nv);
}

/* layer_lanes for two examples of layer 0 at once (see add_pixels2). */
INLINE void pair_block(float *a_x, float *a_y, const float *b,
                       const float *wt, size_t stride, Input x, Input y,
                       Filing *fl, int n_out, int nv)
{
    vf acc_x[BLOCK], acc_y[BLOCK];
    UNROLL
    for (int q = 0; q < nv; q++)
        acc_x[q] = acc_y[q] = ((const vf *)b)[q];
    if (x.k)
        add_pixels2(acc_x, acc_y, wt, stride, x, y, fl, nv);
    else                                /* dense: one row serves both */
        for (int e = 0; e < x.n; e++) {
            const vf *row = (const vf *)(wt + (size_t)e * stride);
            UNROLL
            for (int q = 0; q < nv; q++) {
                acc_x[q] += x.x[e] * row[q];
                acc_y[q] += y.x[e] * row[q];
            }
        }
    vf z[2][BLOCK];                     /* copies: the accumulators' */
    UNROLL                              /* address must not escape, or */
    for (int q = 0; q < nv; q++)        /* they would live in memory */
        z[0][q] = acc_x[q], z[1][q] = acc_y[q];
    sigma_lanes(a_x, (const float *)z[0], nv, n_out);
    sigma_lanes(a_y, (const float *)z[1], nv, n_out);
}

INLINE void layer_pair(float *a_x, float *a_y, const float *b,
                       const float *wt, size_t stride, Input x, Input y,
                       Filing *fl, int lo, int hi, int n_out)
{
    for (int j0 = lo; j0 < hi; j0 += BLOCK * LANES) {
        int nv = (hi - j0) / LANES < BLOCK ? (hi - j0) / LANES : BLOCK;
        Filing *once = j0 == lo ? fl : NULL;
#define PAIR(R_, NV) pair_block(a_x + j0, a_y + j0, b + j0, wt + j0, stride, \
                                x, y, once, n_out - j0, NV)
        SWITCH_NV(2, nv, PAIR)
#undef PAIR
    }
}

/* Layer 0 on this thread's lanes for the batch, two examples at a time. */
static HOT void first_forward(NetworkFast *f, FastThread *th, float *a1,
                              const Job *job, size_t start, size_t m)
{
    Filing fl = {th->xt, th->seen, 0};
    int filing = m <= CHUNK;            /* one pass: file the pixels now */
    size_t p1 = f->pad[1], i = 0;
    int lanes = th->hi - th->lo, n_out = f->sizes[1] - th->lo;
    a1 += th->lo;                       /* the slice's lane 0 */
    for (; i + 1 < m; i += 2) {
        fl.i = (unsigned char)i;
        layer_pair(a1 + i * p1, a1 + (i + 1) * p1, th->b0, th->w0, th->s0,
                   job_pixels(f, job, start + i),
                   job_pixels(f, job, start + i + 1), filing ? &fl : NULL,
                   0, lanes, n_out);
    }
    if (i < m) {
        fl.i = (unsigned char)i;
        layer_lanes(a1 + i * p1, th->b0, th->w0, th->s0,
                    job_pixels(f, job, start + i), filing ? &fl : NULL,
                    0, lanes, n_out);
    }
    if (filing)
        list_rows(f, th);
}

/* The activations x of layer l as the input of the next. */
INLINE Input dense(const NetworkFast *f, const float *x, int l)
{
    return (Input){NULL, NULL, NULL, x, f->sizes[l]};
}

/* Layers 1 .. L-2 for the batch (the current upper block, all lanes). */
static HOT void upper_forward(NetworkFast *f, FastThread *th, size_t m,
                              int parity)
{
    for (int l = 1; l < f->L - 1; l++) {
        const float *a_in = act(f, th, l, parity);
        float *a_out = act(f, th, l + 1, parity);
        size_t p_in = f->pad[l], p_out = f->pad[l + 1], i = 0;
        for (; i + 1 < m; i += 2)       /* two examples at a time */
            layer_pair(a_out + i * p_out, a_out + (i + 1) * p_out, th->b[l],
                       th->wt[l], p_out, dense(f, a_in + i * p_in, l),
                       dense(f, a_in + (i + 1) * p_in, l), NULL, 0,
                       (int)p_out, f->sizes[l + 1]);
        if (i < m)
            layer_lanes(a_out + i * p_out, th->b[l], th->wt[l], p_out,
                        dense(f, a_in + i * p_in, l), NULL, 0, (int)p_out,
                        f->sizes[l + 1]);
    }
}

/* BP1 on lanes [lo, hi): delta = (a - y) * sigma'(z), y one-hot. */
static void output_delta(NetworkFast *f, FastThread *th, const Job *job,
                         size_t start, size_t m, const float *a, int lo,
                         int hi)
{
    int top = f->L - 2, n_out = f->sizes[f->L - 1], stride = f->pad[f->L - 1];
    for (size_t i = 0; i < m; i++) {
        int label = job->data->y[job->idx[start + i]];
        const float *a_i = a + i * stride;
        float *d = th->delta[top] + i * stride;
        for (int j = lo; j < hi && j < n_out; j++) {
            d[j] = a_i[j] - (j == label ? 1.0f : 0.0f);     /* cost_derivative */
            d[j] *= a_i[j] * (1.0f - a_i[j]);
        }
    }
}

/* BP2 into delta[l-1] (lanes [lo, hi)), from the current w[l]; then, by
 * the last training thread only, the step on w[l] (both layouts) and b[l]
 * into the other upper block, which becomes the current one for every
 * thread after the next barrier (one block, updated in place, when a
 * single thread trains). */
static HOT void upper_backward(NetworkFast *f, FastThread *th, int l,
                               size_t m, float step, int parity, int lo,
                               int hi)
{
    const float *a = act(f, th, l, parity);
    int n_in = f->sizes[l], n_out = f->sizes[l + 1];
    size_t p_in = f->pad[l], p_out = f->pad[l + 1];
    backprop_lanes(th->delta[l - 1], p_in, th->w[l], p_in, th->delta[l],
                   p_out, n_out, a, m, lo, hi);
    if (th != &f->th[f->train_threads - 1])
        return;                         /* one thread updates for all */
    /* BP4: dC/dw_jk = a_k delta_j, rows k of WT, then the mirror's rows j */
    update_rows(th->nwt[l], th->wt[l], p_out, n_in, a, p_in, th->delta[l],
                p_out, m, step, (int)p_out);
    update_rows(th->nw[l], th->w[l], p_in, n_out, th->delta[l], p_out, a,
                p_in, m, step, (int)p_in);
    update_rows(th->nb[l], th->b[l], 0, 1, NULL, 0, th->delta[l], p_out, m,
                step, (int)p_out);
}

/* Files the non-zero pixels of examples [c0, c0 + cm) of the batch by
 * pixel (xt[k][i - c0] = x_k of example i) and lists the pixels seen so
 * far in this batch, ascending, in rows. */
static void file_chunk(NetworkFast *f, FastThread *th, const Job *job,
                       size_t start, size_t c0, size_t cm)
{
    for (size_t i = c0; i < c0 + cm; i++) {
        Input in = job_pixels(f, job, start + i);
        for (int e = 0; e < in.n; e++)
            file_pixel(th->xt + (i - c0), th->seen, in.k[e], f->scale[in.v[e]]);
    }
    list_rows(f, th);
}

/* For R pixels (rows) on nv vectors of lanes each: acc = nabla so far (0
 * when nabla is NULL: one chunk) + sum over the chunk's examples i, in
 * order, of x_ik delta_i (BP4) -- every example, as the textbook sums
 * them, the zero x_ik included: a fixed count of terms, no branch to
 * mispredict.  Then w_k -= step * acc on the last chunk (eq. 1.20) and
 * nabla = 0 again, else acc is kept in nabla.  Empties the filed x_ik.
 * Two rows at a time share the loads of delta and hide the latency of
 * each other's additions. */
INLINE void pixel_update(float **w, float **nabla, float **x, int R,
                         size_t cm, const float *delta, size_t stride,
                         float step, int last, int nv)
{
    vf acc[2][BLOCK];
    for (int r = 0; r < R; r++) {
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[r][q] = nabla ? ((const vf *)nabla[r])[q] : (vf){0};
    }
    for (size_t i = 0; i < cm; i++) {
        const vf *d = (const vf *)(delta + i * stride);
        float x0 = x[0][i], x1 = x[R - 1][i];
        UNROLL
        for (int q = 0; q < nv; q++) {      /* one load of d[q], R uses */
            vf d_q = d[q];
            acc[0][q] += x0 * d_q;
            if (R == 2)
                acc[1][q] += x1 * d_q;
        }
    }
    for (int r = 0; r < R; r++) {
        UNROLL
        for (int q = 0; q < nv; q++) {
            if (last)
                ((vf *)w[r])[q] -= step * acc[r][q];
            if (nabla)
                ((vf *)nabla[r])[q] = last ? (vf){0} : acc[r][q];
        }
    }
}

/* Layer 0's update for the chunk of cm examples from c0 on lanes
 * [lo, hi), over the listed rows (two at a time); empties the filing. */
static HOT void chunk_update(NetworkFast *f, FastThread *th, size_t c0,
                             size_t cm, float step, int last)
{
    int lo = th->lo, hi = th->hi;
    size_t p1 = f->pad[1];
    const float *delta = th->delta[0] + c0 * p1;
    for (int r = 0; r < th->n_rows; r += 2) {
        int R = r + 1 < th->n_rows ? 2 : 1;
        float *x[2], *w[2], *g[2];
        for (int e = 0; e < R; e++) {
            size_t k = th->rows[r + e];
            x[e] = th->xt + k * CHUNK, w[e] = th->w0 + k * th->s0;
            g[e] = th->nabla0 ? th->nabla0 + k * p1 : NULL;
        }
        for (int j = lo; j < hi; j += BLOCK * LANES) {
            int nv = (hi - j) / LANES < BLOCK ? (hi - j) / LANES : BLOCK;
            float *wj[2] = {w[0] + (j - lo), w[R - 1] + (j - lo)};
            float *gj[2] = {g[0] ? g[0] + j : NULL, g[R - 1] ? g[R - 1] + j : NULL};
            float **gp = th->nabla0 ? gj : NULL;
#define PIXEL_UPDATE(R_, NV)                                                 \
    pixel_update(wj, gp, x, R_, cm, delta + j, p1, step, last, NV)
            SWITCH_R_NV(R, nv, PIXEL_UPDATE);
#undef PIXEL_UPDATE
        }
        for (int e = 0; e < R; e++)         /* CHUNK floats, aligned */
            for (int q = 0; q < CHUNK / LANES; q++)
                ((vf *)x[e])[q] = (vf){0};
    }
}

/* BP3, BP4 and the step for layer 0 on this thread's lanes, pixel by
 * pixel over the pixels some example of the batch lights up (for the
 * others every term x_k delta_j is 0 and w stays as it is).  Batches
 * larger than CHUNK go in passes that carry the sums in nabla0. */
static void first_update(NetworkFast *f, FastThread *th, const Job *job,
                         size_t start, size_t m, float step)
{
    if (m <= CHUNK)                     /* first_forward filed them */
        chunk_update(f, th, 0, m, step, 1);
    for (size_t c0 = 0; m > CHUNK && c0 < m; c0 += CHUNK) {
        size_t cm = m - c0 < CHUNK ? m - c0 : CHUNK;
        file_chunk(f, th, job, start, c0, cm);
        chunk_update(f, th, c0, cm, step, c0 + cm == m);
    }
    memset(th->seen, 0, (size_t)f->sizes[0]);  /* faster than row by row */
    update_row(th->b0, NULL, 0, th->delta[0] + th->lo, f->pad[1], m, step,
               th->hi - th->lo);
}

/* One mini-batch (examples idx[start .. start+m)) on this thread's share. */
static void train_batch(NetworkFast *f, FastThread *th, const Job *job,
                        size_t start, size_t m, int parity)
{
    int L = f->L;
    float step = job->eta / (float)m;           /* as network.c: eta / m */
    prefetch_pixels(job, start + m, start + 2 * m);
    first_forward(f, th, f->a1[parity], job, start, m);
    if (L == 2) {                               /* layer 0 is the output */
        output_delta(f, th, job, start, m, f->a1[parity], th->lo, th->hi);
        first_update(f, th, job, start, m, step);
        return;
    }
    barrier_wait(&f->batch);                    /* all of a[1] is ready,
                                                   and the upper block */
    if (f->train_threads > 1)
        set_upper_views(f, th, th->cur);
    upper_forward(f, th, m, parity);
    output_delta(f, th, job, start, m, act(f, th, L - 1, parity), 0,
                 f->pad[L - 1]);
    for (int l = L - 2; l >= 1; l--)
        upper_backward(f, th, l, m, step, parity, l == 1 ? th->lo : 0,
                       l == 1 ? th->hi : f->pad[l]);
    first_update(f, th, job, start, m, step);
    if (f->train_threads > 1)
        th->cur = !th->cur;                     /* the updated block */
}

/* ---- evaluation: two images at a time, images split over threads ---- */

/* The layers above the first for one image whose a[1] is at a (the
 * activations of layer l+1 follow those of layer l), then the network's
 * digit: the argmax, first maximum, as network_predict. */
static HOT int predict_upper(NetworkFast *f, FastThread *th, float *a)
{
    for (int l = 1; l < f->L - 1; l++) {
        float *a_out = a + f->pad[l];
        layer_lanes(a_out, th->b[l], th->wt[l], f->pad[l + 1],
                    (Input){NULL, NULL, NULL, a, f->sizes[l]}, NULL, 0,
                    f->pad[l + 1], f->sizes[l + 1]);
        a = a_out;
    }
    int best = 0;
    for (int j = 1; j < f->sizes[f->L - 1]; j++)
        if (a[j] > a[best])
            best = j;
    return best;
}

/* The digits of two images p and q (layer 0 for both at once, as in
 * training, slice by slice of WT[0]), computed with this thread's views
 * of the layers above.  q may be NULL. */
static HOT void predict_pair(NetworkFast *f, FastThread *th,
                             const unsigned char *p, const unsigned char *q,
                             int *digit)
{
    int dim = f->sizes[0];
    float *a_x = th->a_eval, *a_y = th->a_eval + f->eval_len;
    uint16_t *k2 = th->nz_k + dim + 16;
    unsigned char *v2 = th->nz_v + dim + 16;
    Input x = {th->nz_k, th->nz_v, f->scale, NULL,
               nonzero_pixels(th->nz_k, th->nz_v, p, dim, f)};
    Input y = {k2, v2, f->scale, NULL, q ? nonzero_pixels(k2, v2, q, dim, f) : 0};
    for (int t = 0; t < f->train_threads; t++) {   /* the owners of lanes */
        const FastThread *s = &f->th[t];
        if (q)
            layer_pair(a_x + s->lo, a_y + s->lo, s->b0, s->w0, s->s0, x, y,
                       NULL, 0, s->hi - s->lo, f->sizes[1] - s->lo);
        else
            layer_lanes(a_x + s->lo, s->b0, s->w0, s->s0, x, NULL, 0,
                        s->hi - s->lo, f->sizes[1] - s->lo);
    }
    if (q)
        digit[1] = predict_upper(f, th, a_y);
    digit[0] = predict_upper(f, th, th->a_eval);
}

static void evaluate_share(NetworkFast *f, int t)
{
    const Dataset *d = f->job.data;
    size_t lo = d->n * (size_t)t / f->threads, hi = d->n * (size_t)(t + 1) / f->threads;
    FastThread *th = &f->th[t];
    th->correct = 0;
    for (size_t i = lo; i < hi; i += 2) {
        int digit[2];
        const unsigned char *p = d->x + i * d->dim;
        predict_pair(f, th, p, i + 1 < hi ? p + d->dim : NULL, digit);
        th->correct += digit[0] == d->y[i];
        if (i + 1 < hi)
            th->correct += digit[1] == d->y[i + 1];
    }
}

static void train_share(NetworkFast *f, int t)
{
    const Job *job = &f->job;
    size_t b = 0;
    if (t >= f->train_threads)          /* no lanes of layer 0 */
        return;
    f->th[t].cur = f->cur;
    for (size_t k = 0; k < job->n; k += job->batch, b++) {
        size_t m = job->n - k < job->batch ? job->n - k : job->batch;
        train_batch(f, &f->th[t], job, k, m, (int)(b & 1));
    }
}

/* ---- the thread pool: threads 1.. wait for a job, run their share ---- */

static void *worker(void *p)
{
    WorkerArg *arg = p;
    Pool *pool = &arg->f->pool;
    unsigned seen = 0;
    pthread_mutex_lock(&pool->mu);
    for (;;) {
        while (pool->gen == seen && !pool->quit)
            pthread_cond_wait(&pool->cv, &pool->mu);
        if (pool->quit)
            break;
        seen = pool->gen;
        pthread_mutex_unlock(&pool->mu);
        pool->share(arg->f, arg->t);
        barrier_wait(&arg->f->barrier);     /* the job is done */
        pthread_mutex_lock(&pool->mu);
    }
    pthread_mutex_unlock(&pool->mu);
    return NULL;
}

/* A mutex and a condition variable: 1 if both could be made. */
static int sync_init(pthread_mutex_t *mu, pthread_cond_t *cv)
{
    if (pthread_mutex_init(mu, NULL))
        return 0;
    if (pthread_cond_init(cv, NULL))
        return pthread_mutex_destroy(mu), 0;
    return 1;
}

static void sync_destroy(pthread_mutex_t *mu, pthread_cond_t *cv)
{
    pthread_cond_destroy(cv), pthread_mutex_destroy(mu);
}

/* Starts threads 1 .. threads-1; 0 if one could not be started. */
static int pool_start(NetworkFast *f)
{
    Pool *pool = &f->pool;
    if (!sync_init(&pool->mu, &pool->cv))
        return 0;
    if (!sync_init(&f->barrier.mu, &f->barrier.cv))
        return sync_destroy(&pool->mu, &pool->cv), 0;
    if (!sync_init(&f->batch.mu, &f->batch.cv)) {
        sync_destroy(&f->barrier.mu, &f->barrier.cv);
        return sync_destroy(&pool->mu, &pool->cv), 0;
    }
    pool->started = 1;
    for (int t = 1; t < f->threads; t++) {
        pool->arg[t] = (WorkerArg){f, t};
        if (pthread_create(&pool->tid[t], NULL, worker, &pool->arg[t]))
            return 0;
        pool->started = t + 1;
    }
    return 1;
}

static void pool_stop(NetworkFast *f)
{
    Pool *pool = &f->pool;
    if (!pool->started)
        return;
    pthread_mutex_lock(&pool->mu);
    pool->quit = 1;
    pthread_cond_broadcast(&pool->cv);
    pthread_mutex_unlock(&pool->mu);
    for (int t = 1; t < pool->started; t++)
        pthread_join(pool->tid[t], NULL);
    sync_destroy(&pool->mu, &pool->cv);
    sync_destroy(&f->barrier.mu, &f->barrier.cv);
    sync_destroy(&f->batch.mu, &f->batch.cv);
}

/* Runs share(f, t) on every thread t (the caller is thread 0) and returns
 * when all are done. */
static void run_job(NetworkFast *f, void (*share)(NetworkFast *, int))
{
    Pool *pool = &f->pool;
    if (f->threads > 1) {
        pthread_mutex_lock(&pool->mu);
        pool->share = share;
        pool->gen++;
        pthread_cond_broadcast(&pool->cv);
        pthread_mutex_unlock(&pool->mu);
    }
    share(f, 0);
    barrier_wait(&f->barrier);
}

/* Runs the job in f->job as training; then every thread's views show
 * the current upper block (for evaluation and network_fast_store). */
static void train_job(NetworkFast *f)
{
    run_job(f, train_share);
    f->cur = f->th[0].cur;
    for (int t = 0; t < f->threads; t++)
        set_upper_views(f, &f->th[t], f->cur);
}

/* ---- the public functions (see network.h) ---- */

int network_fast_lanes(void)
{
    return LANES;
}

NndlStatus network_fast_update_mini_batch(NetworkFast *f, const Dataset *data,
                                          const size_t *idx, size_t m, float eta)
{
    assert(data->dim == (size_t)f->sizes[0] && m <= f->max_batch);
    assert(f->sizes[f->L - 1] == MNIST_CLASSES);
    Sparse pixels;
    if (!sparse_build(&pixels, data, idx, m, f))
        return NNDL_ERR_NOMEM;
    f->job = (Job){data, idx, NULL, &pixels, m, m, eta};
    train_job(f);
    sparse_free(&pixels);
    return NNDL_OK;
}

size_t network_fast_evaluate_with(NetworkFast *f, const Dataset *data)
{
    assert(data->dim == (size_t)f->sizes[0]);
    f->job = (Job){data, NULL, NULL, NULL, data->n, 1, 0.0f};
    run_job(f, evaluate_share);
    size_t correct = 0;
    for (int t = 0; t < f->threads; t++)
        correct += f->th[t].correct;
    return correct;
}

size_t network_fast_evaluate(const Network *net, const Dataset *data,
                             int threads)
{
    NetworkFast *f = network_fast_create(net, 1, threads);
    if (!f)
        return SIZE_MAX;
    size_t correct = network_fast_evaluate_with(f, data);
    network_fast_free(f);
    return correct;
}

/* ---- evaluation in the background ---- */

struct FastEvaluation {
    NetworkFast *f;                     /* a snapshot of the parameters */
    const Dataset *data;
    size_t correct;
    pthread_t tid;
    int joinable;
};

static void *evaluate_main(void *p)
{
    FastEvaluation *e = p;
    e->correct = network_fast_evaluate_with(e->f, e->data);
    return NULL;
}

FastEvaluation *network_fast_evaluate_start(const Network *net,
                                            const Dataset *data)
{
    assert(data->dim == (size_t)net->sizes[0]);
    FastEvaluation *e = malloc(sizeof *e);
    if (!e)
        return NULL;
    e->f = network_fast_create(net, 1, 1);
    e->data = data, e->correct = SIZE_MAX, e->joinable = 0;
    if (!e->f)
        return free(e), NULL;
    if (pthread_create(&e->tid, NULL, evaluate_main, e) == 0)
        e->joinable = 1;
    else
        evaluate_main(e);               /* no thread to be had: now */
    return e;
}

size_t network_fast_evaluate_wait(FastEvaluation *e)
{
    if (!e)
        return SIZE_MAX;
    if (e->joinable)
        pthread_join(e->tid, NULL);
    size_t correct = e->correct;
    network_fast_free(e->f);
    free(e);
    return correct;
}

/* book: network_fast_sgd */
int network_fast_sgd(Network *net, const Dataset *training, int epochs,
                     size_t mini_batch_size, float eta, Rng *rng, int threads,
                     EpochCallback on_epoch, void *ctx)
{
    size_t n = training->n;
    if (mini_batch_size == 0)
        return -1;
    size_t max_batch = n < mini_batch_size ? (n ? n : 1) : mini_batch_size;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    NetworkFast *f = network_fast_create(net, max_batch, threads);
    Sparse pixels = {NULL, NULL, NULL};
    if (!idx || !f || !sparse_build(&pixels, training, NULL, n, f))
        return free(idx), network_fast_free(f), -1;
    assert(training->dim == (size_t)net->sizes[0]);
    assert(net->sizes[net->num_layers - 1] == MNIST_CLASSES);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    int epoch = 0;
    while (epoch < epochs) {
        rng_shuffle(rng, idx, n);       /* the same order as network_sgd */
        f->job = (Job){training, idx, idx, &pixels, n, mini_batch_size, eta};
        train_job(f);                   /* every mini-batch of the epoch */
        network_fast_store(f, net);
        epoch++;
        if (on_epoch && on_epoch(epoch - 1, net, ctx))
            break;
    }
    free(idx);
    sparse_free(&pixels);
    network_fast_free(f);
    return epoch;
}
/* end book: network_fast_sgd */
