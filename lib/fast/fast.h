/* fast.h - inside the fast path: the workspace, shared by the
 * CPU-independent part (network_fast.c: creation, pixel lists, threads,
 * the driver) and the hot kernels (kernels.c, compiled once per
 * instruction set into one FastKernels table each).
 *
 * Layout (P(n) = n rounded up to 8, and to 16 for layer 1 so a[1]'s rows
 * are whole cache lines; padding lanes hold 0), the same whatever the
 * vector width of the kernels (8 or 4 floats, both divide P):
 *   WT[l]  sizes[l] x P(sizes[l+1]):  WT[l][k*P + j] = w[l][j*sizes[l] + k]
 *          for layer 0 with several training threads, each thread's lanes
 *          in a block of its own (th->w0, rows th->s0 floats apart)
 *   b[l]   P(sizes[l+1])
 *   W[l]   l >= 1 only, sizes[l+1] x P(sizes[l]): w[l] row-major with
 *          padded rows, for BP2, kept equal to WT[l]
 * params holds WT[0], b[0], then (WT[l], b[l], W[l]) for l >= 1: the
 * "upper" part, doubled in upper[1] when several threads train (one of
 * them writes the next values while all read the current ones).
 */
#ifndef NNDL_FAST_H
#define NNDL_FAST_H

#include <stdint.h>

#include "network_fast.h"

#define FAST_MAX_THREADS 64
#define FAST_CHUNK 16           /* examples per pass of layer 0's update */
#define L_MAX NETWORK_MAX_LAYERS

/* What one thread owns (aligned: no cache line shared with another). */
typedef struct {
    int lo, hi;                 /* its lanes of layer 0's outputs */
    float *w0, *b0;             /* its lanes of WT[0] and b[0]: lane lo + j */
    int s0;                     /* of row k at w0[k*s0 + j], of b at b0[j] */
    float *slice;               /* w0's own block (several threads) */
    float *wt[L_MAX], *b[L_MAX], *w[L_MAX];     /* layers >= 1, current */
    float *nwt[L_MAX], *nb[L_MAX], *nw[L_MAX];  /* and the next values */
    int cur;                    /* which upper block is current */
    float *a[L_MAX];            /* a[l], l >= 2: batch x P(l) */
    float *delta[L_MAX];        /* delta[l]: batch x P(l+1) */
    float *a_eval;              /* two images, every layer */
    float *nabla0;              /* sizes[0] x P(1), batches > FAST_CHUNK */
    float *xt;                  /* x_k of example i at xt[k*FAST_CHUNK + i] */
    unsigned char *seen;        /* 1 for the pixels filed in xt */
    int n_rows;
    uint16_t *rows;             /* the seen pixels, ascending */
    uint16_t *nz_k;             /* non-zero pixels of two images */
    unsigned char *nz_v;
    size_t correct;             /* evaluation result */
} __attribute__((aligned(64))) FastThread;

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

typedef struct FastKernels FastKernels;

struct NetworkFast {
    int L, sizes[L_MAX], pad[L_MAX];
    size_t max_batch, upper_len, eval_len;  /* eval_len: floats of one
                                               image's a[1], a[2], ... */
    int threads, train_threads; /* all evaluate; the first train_threads
                                   split layer 0 in training */
    float *params, *upper[2];
    int cur;                    /* upper[cur]: the current values */
    float *a1[2];               /* a[1], double-buffered, shared */
    float scale[256];           /* pixel byte -> float, as dataset_x */
    uint8_t bitpos[256][8];     /* positions of the 1 bits of a byte */
    uint8_t bitcount[256];      /* and how many there are */
    const FastKernels *k;
    struct FastSync *sync;      /* threads and barriers (network_fast.c) */
    Job job;
    FastThread th[FAST_MAX_THREADS];
};

/* The hot kernels of one instruction set (kernels.c).  Each works on the
 * lanes of thread th for the mini-batch examples [start, start + m). */
struct FastKernels {
    const char *name;
    int lanes;                  /* floats per vector operation */
    int (*usable)(void);        /* 1 if this CPU runs it right (checked) */
    void (*sigmoid_many)(float *a, const float *z, size_t n);  /* sigmoidf's
                                   bits, a[i] = sigmoidf(z[i]), i < n */
    /* the non-zero bytes of p[0 .. dim): indices (ascending) in k_out,
     * values in v_out; returns how many; may write 16 entries past them */
    int (*nonzero)(uint16_t *k_out, unsigned char *v_out,
                   const unsigned char *p, int dim, const NetworkFast *);
    /* layer 0 forward into a1, filing the pixels for the update */
    void (*first_forward)(NetworkFast *, FastThread *, float *a1,
                          const Job *, size_t start, size_t m);
    /* layers 1 .. L-2 forward on the current upper block */
    void (*upper_forward)(NetworkFast *, FastThread *, size_t m, int parity);
    /* BP2 into delta[l-1] on lanes [lo, hi); with `update`, BP4 and the
     * step for w[l], b[l] into the next upper block */
    void (*upper_backward)(NetworkFast *, FastThread *, int l, size_t m,
                           float step, int parity, int lo, int hi, int update);
    /* BP3, BP4 and the step for layer 0 on th's lanes */
    void (*first_update)(NetworkFast *, FastThread *, const Job *,
                         size_t start, size_t m, float step);
    /* the digits of images p and q (q may be NULL) */
    void (*predict_pair)(NetworkFast *, FastThread *, const unsigned char *p,
                         const unsigned char *q, int *digit);
};

/* The tables: generic everywhere, avx2 and avx where lib/lib.mk builds
 * them (x86-64; NNDL_FAST_X86 is then defined). */
extern const FastKernels fast_kernels_avx2, fast_kernels_avx,
    fast_kernels_generic;

/* The first table (best first) that is built and that this CPU runs
 * right, with `lanes` floats per vector if lanes is "4" or "8" (the value
 * of NNDL_FAST_LANES); NULL and a message in err for any other value, or
 * for a width missing here. */
const FastKernels *fast_pick(const char *lanes, char *err);

/* a[l] of the batch: a[1] is shared (double-buffered), the rest private. */
static inline float *fast_act(NetworkFast *f, FastThread *th, int l,
                              int parity)
{
    return l == 1 ? f->a1[parity] : th->a[l];
}

#endif
