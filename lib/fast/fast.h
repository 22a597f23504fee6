/* fast.h - inside the fast path: the workspace, shared by the
 * CPU-independent part (network_fast.c) and the kernels (kernels.c, one
 * FastKernels table per instruction set).
 *
 * Layout, the same whatever the vector width (P(n): n rounded up to 8, and
 * to 16 for layer 1; padding lanes hold 0):
 *   WT[l]  sizes[l] x P(sizes[l+1]):  WT[l][k*P + j] = w[l][j*sizes[l] + k]
 *          (layer 0: training thread t holds lanes [lo, hi) of WT[0] and b[0]
 *          as w0, b0, rows s0 = hi - lo floats apart)
 *   b[l]   P(sizes[l+1])
 *   W[l]   l >= 1, sizes[l+1] x P(sizes[l]): w[l] with padded rows, for BP2
 * Layers l >= 1 are kept twice (Upper): a mini-batch reads one and its
 * step writes the other, each training thread its share of the rows.
 */
#ifndef NNDL_FAST_H
#define NNDL_FAST_H

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>

#include "network_fast.h"

#define FAST_MAX_THREADS 64
typedef struct NetworkFast NetworkFast;
#define L_MAX NETWORK_MAX_LAYERS

typedef struct {
    float *wt[L_MAX], *b[L_MAX], *w[L_MAX];     /* layers l >= 1 */
} Upper;

typedef struct {
    int lo, hi, s0;             /* its lanes of layer 0 (none: evaluates) */
    float *w0, *b0;             /* WT[0][k][lo + j] at w0[k*s0 + j], b0[j] */
    float *a[L_MAX];            /* a[l], l >= 2: batch x P(l) */
    float *delta[L_MAX];        /* delta[l]: batch x P(l+1) */
    float *xt;                  /* x_k of example i at xt[k*xs + i] */
    unsigned char *seen;        /* 1 for the pixels filed in xt */
    uint16_t *rows;             /* the seen pixels, ascending */
    int n_rows;
    float *a_eval;              /* one image, every layer */
    uint16_t *nz_k;             /* the non-zero pixels of one image */
    unsigned char *nz_v;
    size_t correct;
    struct NetworkFast *f;
    pthread_t tid;
    sem_t go;                   /* a job is waiting */
} __attribute__((aligned(64))) FastThread;

/* The non-zero pixels of images: image i has the pixels k[start[i] ..
 * start[i+1]) (ascending) with the byte values v[...]. */
typedef struct {
    size_t *start;
    uint16_t *k;
    unsigned char *v;
} Sparse;

/* A job: mini-batches of the examples idx[0 .. n) of data (their pixels
 * in sparse), or an evaluation of data. */
typedef struct {
    const Dataset *data;
    const size_t *idx;
    const Sparse *sparse;
    size_t n, batch;
    float eta;
} Job;

typedef struct FastKernels FastKernels;

struct NetworkFast {
    int L, sizes[L_MAX], pad[L_MAX];
    size_t max_batch, xs, eval_len;     /* xs: max_batch rounded up to 16 */
    int threads, train_threads, started, quit;
    Upper upper[2];             /* upper[cur]: the current values */
    int cur;
    float *mem, *a1[2];         /* every buffer; a[1], double-buffered */
    float scale[256];           /* pixel byte -> float, as dataset_x */
    uint8_t bitpos[256][8];     /* the 1 bits of a byte, for nonzero */
    uint8_t bitcount[256];
    const FastKernels *k;
    Job job;
    void (*share)(struct NetworkFast *, int);   /* thread t's part of it */
    sem_t done;                 /* a thread finished its part */
    /* meet's counters, 128 bytes away from anything else (each arrival
     * would otherwise evict its neighbours from the other cores) */
    atomic_uint arrived __attribute__((aligned(128))), gen, sleepers;
    pthread_mutex_t mu __attribute__((aligned(128)));   /* for long waits */
    pthread_cond_t cv;
    FastThread th[FAST_MAX_THREADS] __attribute__((aligned(128)));
};

/* The kernels of one instruction set (kernels.c), on thread th's part. */
struct FastKernels {
    const char *name;
    int lanes;                  /* floats per vector operation */
    int (*usable)(void);        /* 1 if this CPU runs them right (checked) */
    void (*sigmoid_many)(float *a, const float *z, size_t n);  /* sigmoidf */
    /* the non-zero bytes of p[0 .. dim): indices (ascending) in k_out,
     * values in v_out; returns how many; may write 16 entries past them */
    int (*nonzero)(uint16_t *k_out, unsigned char *v_out,
                   const unsigned char *p, int dim, const NetworkFast *);
    /* layer 0 of examples [start, start + m) into a1, filed for the step */
    void (*first_forward)(NetworkFast *, FastThread *, float *a1,
                          const Job *, size_t start, size_t m);
    /* layers 1 .. L-2 (parity: which a[1], which Upper) */
    void (*upper_forward)(NetworkFast *, FastThread *, size_t m, int parity);
    /* BP2 into delta[l-1] on lanes [lo, hi); th's share of l's step */
    void (*upper_backward)(NetworkFast *, FastThread *, int l, size_t m,
                           float step, int parity, int lo, int hi);
    /* BP3, BP4 and the step for layer 0 on th's lanes */
    void (*first_update)(NetworkFast *, FastThread *, size_t m, float step);
    int (*predict)(NetworkFast *, FastThread *, const unsigned char *p);
};

/* avx2 where lib/lib.mk builds it (x86-64: NNDL_FAST_X86); generic. */
extern const FastKernels fast_kernels_avx2, fast_kernels_generic;

/* The best table built here that this CPU runs right, with `lanes` floats
 * per vector if lanes (NNDL_FAST_LANES) is "4" or "8"; NULL and a message
 * in err for any other value, or a width missing here. */
const FastKernels *fast_pick(const char *lanes, char *err);

/* A workspace for mini-batches of up to max_batch examples on `threads`
 * threads: the parameters of net in the fast layout, the buffers, the
 * threads, all released by network_fast_free (which accepts NULL).  NULL
 * if out of memory, max_batch == 0, threads < 1, a thread cannot be
 * started or network_fast_kernels fails.  Training uses the first
 * train_threads; network_fast_store copies the parameters back. */
NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads);
void network_fast_free(NetworkFast *fast);
void network_fast_store(const NetworkFast *fast, Network *net);

/* a[l] of the batch: a[1] is shared (double-buffered), the rest private. */
static inline float *fast_act(NetworkFast *f, FastThread *th, int l,
                              int parity)
{
    return l == 1 ? f->a1[parity] : th->a[l];
}

#endif
