/* kernels.c - the fast path's arithmetic, compiled by lib/lib.mk once
 * with -mavx2 -mfma (fast_kernels_avx2: 8 floats per vector, and the
 * vector sigmoid) and once with the compiler's defaults
 * (fast_kernels_generic: 4 floats, as SSE2, NEON or wasm SIMD128 hold).
 *
 * The textbook's bits: float addition is not associative, so only WHERE a
 * sum is computed may change, never the ORDER of its terms.  Each sum adds
 * network.c's terms in network.c's order, multiply and add apart (C11 mode
 * does not contract them into an FMA):
 *   z_j = b_j + w_j0 a_0 + w_j1 a_1 + ...   nabla_jk = 0 + a_k delta_j + ...
 *   delta_k = (0 + w_0k delta_0 + w_1k delta_1 + ...) * a_k (1 - a_k)
 * LANES neurons j go side by side, hence the transposed weights (fast.h).
 * A blank pixel only adds w_jk * 0 = +-0, which cannot change a sum that
 * starts at +0 or a bias: skipped.  Layer 0 forward files each pixel under
 * k (xt[k][i]); its step then visits only the pixels some example lit,
 * adding all m examples' terms, zeros included (a loop of fixed length
 * beats a shorter one the branch predictor cannot guess).
 */
#include <math.h>
#include <string.h>

#include "fast.h"
#include "sigmoid.h"

#if defined(__AVX2__)
#if !defined(__FMA__) || !defined(__GLIBC__)
#error "the avx2 kernels repeat glibc's expf with FMA: build them with -mfma, on glibc"
#endif
#define LANES 8
#else
#define LANES 4
#endif
#define BLOCK 4                 /* vectors kept in registers at once */

typedef float vf __attribute__((vector_size(LANES * sizeof(float)), may_alias));

#define INLINE static inline __attribute__((always_inline))
#define UNROLL _Pragma("GCC unroll 4")
/* CALL(R, NV) with R (1 or 2) and NV (1 .. BLOCK) constants: each kernel
 * compiled for its exact count of accumulators, kept in registers. */
#define SWITCH_NV(R, nv, CALL) switch (nv) { case 4: CALL(R, 4); break; \
    case 3: CALL(R, 3); break; case 2: CALL(R, 2); break; default: CALL(R, 1); }
#define SWITCH_R_NV(r, nv, CALL) \
    do { if ((r) == 2) SWITCH_NV(2, nv, CALL) else SWITCH_NV(1, nv, CALL) } while (0)

static int vectors(int lanes)
{
    return lanes / LANES < BLOCK ? lanes / LANES : BLOCK;
}

/* ---- the sigmoid: sigmoidf's bits, 8 at a time with AVX2 + FMA ----
 * glibc (2.28+) computes expf(x), |x| < 88, in double precision:
 * k + r = x * 32 / ln 2 (k the nearest integer), then exp(x) =
 * 2^(k div 32) T[k mod 32] (1 + C2 r + C1 r^2 + C0 r^3), fused on CPUs with
 * FMA.  exp4 does that 4 lanes at a time; |x| >= 88, inf and NaN go to
 * sigmoidf.  The same bits on all 2^32 floats (tests/test_fast.c); the
 * 1.6 default run takes 8% less CPU time than with sigmoidf. */
#ifdef __AVX2__
#include <immintrin.h>
#include "rng.h"

static uint64_t table[32];      /* bits of 2^(i/32), minus i << 47 */

static __m256d exp4(__m128 x)
{
    const __m256d scale = _mm256_set1_pd(0x1.71547652b82fep+5);  /* 32/ln 2 */
    const __m256d round = _mm256_set1_pd(0x1.8p+52);
    __m256d xd = _mm256_cvtps_pd(x), kd = _mm256_fmadd_pd(scale, xd, round);
    __m256i k = _mm256_castpd_si256(kd);
    __m256d r = _mm256_fmsub_pd(scale, xd, _mm256_sub_pd(kd, round));
    __m256i t = _mm256_i64gather_epi64((const long long *)table,
                                       _mm256_and_si256(k, _mm256_set1_epi64x(31)), 8);
    __m256d s = _mm256_castsi256_pd(_mm256_add_epi64(t, _mm256_slli_epi64(k, 47)));
    __m256d p = _mm256_fmadd_pd(r, _mm256_set1_pd(0x1.c6af84b912394p-20),
                                _mm256_set1_pd(0x1.ebfce50fac4f3p-13));
    __m256d q = _mm256_fmadd_pd(r, _mm256_set1_pd(0x1.62e42ff0c52d6p-6),
                                _mm256_set1_pd(1.0));
    return _mm256_mul_pd(_mm256_fmadd_pd(p, _mm256_mul_pd(r, r), q), s);
}

/* a[0 .. 8) = 1 / (1 + exp(-z)); 0 (nothing written) on a special case. */
static int sigmoid8(float *a, const float *z)
{
    __m256 x = _mm256_xor_ps(_mm256_loadu_ps(z), _mm256_set1_ps(-0.0f));
    __m256i abs = _mm256_and_si256(_mm256_castps_si256(x), _mm256_set1_epi32(0x7fffffff));
    __m256i special = _mm256_cmpgt_epi32(abs, _mm256_set1_epi32(0x42afffff));
    if (!_mm256_testz_si256(special, special))
        return 0;
    __m128 lo = _mm256_cvtpd_ps(exp4(_mm256_castps256_ps128(x)));
    __m128 hi = _mm256_cvtpd_ps(exp4(_mm256_extractf128_ps(x, 1)));
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_insertf128_ps(_mm256_castps128_ps256(lo), hi, 1);
    _mm256_storeu_ps(a, _mm256_div_ps(one, _mm256_add_ps(one, e)));
    return 1;
}
#endif

/* a[i] = sigmoidf(z[i]) for i < n, bit for bit (a may be z). */
static void sigmoid_many(float *a, const float *z, size_t n)
{
    size_t i = 0;
#ifdef __AVX2__
    for (; i + 8 <= n; i += 8)
        if (!sigmoid8(a + i, z + i))
            for (size_t j = i; j < i + 8; j++)
                a[j] = sigmoidf(z[j]);
#endif
    for (; i < n; i++)
        a[i] = sigmoidf(z[i]);
}

/* 1 if the CPU runs these kernels right: for avx2, it has AVX2 and FMA
 * and sigmoid8 agrees with this machine's expf on 2^15 inputs over every
 * exponent and table slot (under qemu 7.2, whose AVX2 got lanes wrong,
 * this is what turned the table off). */
static int usable(void)
{
#ifdef __AVX2__
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma"))
        return 0;
    for (int i = 0; i < 32; i++) {
        double t = (double)exp2l(i / 32.0L);
        memcpy(&table[i], &t, sizeof t);
        table[i] -= (uint64_t)i << 47;
    }
    Rng rng;
    rng_seed(&rng, 1);
    for (int run = 0; run < 1 << 12; run++) {
        float z[8], a[8], s;
        for (int j = 0; j < 8; j++) {   /* |z| < 88, both signs */
            uint32_t bits = (uint32_t)rng_below(&rng, 0x42b00000u) |
                            (uint32_t)rng_below(&rng, 2) << 31;
            memcpy(&z[j], &bits, sizeof bits);
        }
        sigmoid_many(a, z, 8);
        for (int j = 0; j < 8; j++)
            if (s = sigmoidf(z[j]), memcmp(&a[j], &s, sizeof s) != 0)
                return 0;
    }
#endif
    return 1;
}

/* ---- the non-zero pixels of an image ---- */
#if defined(__SSE2__) && !defined(NNDL_NO_SIMD)
#include <emmintrin.h>
#endif

static int nonzero(uint16_t *restrict k_out, unsigned char *restrict v_out,
                   const unsigned char *restrict p, int dim,
                   const NetworkFast *restrict f)
{
    int n = 0, k = 0;
#if defined(__SSE2__) && !defined(NNDL_NO_SIMD)
    for (; k + 16 <= dim; k += 16) {           /* 16 pixels per compare */
        __m128i x = _mm_loadu_si128((const __m128i *)(p + k));
        unsigned nz = ~(unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(x, _mm_setzero_si128())) & 0xffffu;
        for (int half = 0; nz; half += 8, nz >>= 8) {  /* 8 at a time: */
            /* the positions, loaded straight into a register (through the
             * stack, the CPU could not forward two stores to one load: 40%
             * of an evaluation's time) */
            __m128i pos = _mm_loadl_epi64((const __m128i *)f->bitpos[nz & 0xff]);
            __m128i where = _mm_add_epi16(_mm_unpacklo_epi8(pos, _mm_setzero_si128()),
                                          _mm_set1_epi16((short)(k + half)));
            _mm_storeu_si128((__m128i *)(k_out + n), where);
#if defined(__clang__)                          /* 8 bytes: the extra */
            for (int q = 0; q < 8; q++)         /* ones are overwritten */
                v_out[n + q] = p[k + half + f->bitpos[nz & 0xff][q]];
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

/* ---- the sums ---- */
/* acc[r][0 .. nv) = init (0 when NULL) + the sum over t < n, in order, of
 * c_rt v_t, with c_rt = c[r*cr + t*ct] (1 when c is NULL) and v_t the nv
 * vectors at v + t*vs.  The R rows share the loads of v_t. */
INLINE void sum_block(vf acc[][BLOCK], const float *init, const float *c,
                      size_t cr, size_t ct, const float *v, size_t vs,
                      size_t n, int R, int nv)
{
    for (int r = 0; r < R; r++) {
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[r][q] = init ? ((const vf *)init)[q] : (vf){0};
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

/* a_r = sigma(acc_r) for the neurons < n_out (padding lanes stay 0), a_r
 * at a + r*as.  Copied first: had the accumulators' address escaped, they
 * would live in memory in the loops above (15% slower). */
INLINE void sigma_rows(float *a, size_t as, vf acc[][BLOCK], int n_out,
                       int R, int nv)
{
    for (int r = 0; r < R; r++) {
        vf z[BLOCK], s[BLOCK];
        UNROLL
        for (int q = 0; q < nv; q++)
            z[q] = acc[r][q];
        if (n_out >= nv * LANES)        /* whole vectors, the fastest */
            sigmoid_many(a + r * as, (const float *)z, (size_t)(nv * LANES));
        else if (n_out > 0) {
            sigmoid_many((float *)s, (const float *)z, (size_t)(nv * LANES));
            memcpy(a + r * as, s, (size_t)n_out * sizeof(float));
        }
    }
}

/* R rows `rs` floats apart: out_r = in_r - step * (0 + sum_{t<m} c_rt
 * v_t), c_rt = c[r*cr + t*ct]: the gradient summed over the examples in
 * order, then eq. 1.20 / 1.21. */
INLINE void update_block(float *out, const float *in, size_t rs,
                         const float *c, size_t cr, size_t ct, const float *v,
                         size_t vs, size_t m, float step, int R, int nv)
{
    vf acc[4][BLOCK];
    sum_block(acc, NULL, c, cr, ct, v, vs, m, R, nv);
    for (int r = 0; r < R; r++) {
        UNROLL
        for (int q = 0; q < nv; q++)
            ((vf *)(out + r * rs))[q] = ((const vf *)(in + r * rs))[q] -
                                        step * acc[r][q];
    }
}

/* update_block for rows [r0, r1) on lanes [0, n): four rows at a time on
 * narrow blocks, two on wide (R * nv <= 8 accumulators). */
static void update_rows(float *out, const float *in, size_t rs, int r0,
                        int r1, const float *c, size_t cs, const float *v,
                        size_t vs, size_t m, float step, int n)
{
    for (int r = r0, R; r < r1; r += R) {
        R = r1 - r >= (n > 2 * LANES ? 2 : 4) ? (n > 2 * LANES ? 2 : 4) : 1;
        for (int j = 0; j < n; j += BLOCK * LANES) {
            float *o = out + r * rs + j;
            const float *i = in + r * rs + j, *cr = c ? c + r : NULL;
#define UPDATE(R_, NV) update_block(o, i, rs, cr, 1, cs, v + j, vs, m, step, R_, NV)
            if (R < 4)
                SWITCH_R_NV(R, vectors(n - j), UPDATE);
            else if (vectors(n - j) == 2)
                UPDATE(4, 2);
            else
                UPDATE(4, 1);
#undef UPDATE
        }
    }
}

/* ---- forward ---- */
typedef struct {                /* one image's non-zero pixels */
    const uint16_t *k;
    const unsigned char *v;
    int n;
} Pixels;

/* Layer 0 for one image on nv vectors: a = sigma(b + the sum over its
 * pixels e, in order, of x_e WT[k_e]), x_e = scale[v_e]; with xt (offset by
 * the example), files x_e at xt[k_e * xs] and marks k_e seen. */
INLINE void pixels_block(float *a, const float *b, const float *wt,
                         size_t stride, const float *scale, Pixels p,
                         float *restrict xt, size_t xs,
                         unsigned char *restrict seen, int n_out, int nv)
{
    vf acc[1][BLOCK];
    UNROLL
    for (int q = 0; q < nv; q++)
        acc[0][q] = ((const vf *)b)[q];
    for (int e = 0; e < p.n; e++) {
        float x = scale[p.v[e]];
        const vf *row = (const vf *)(wt + (size_t)p.k[e] * stride);
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[0][q] += x * row[q];
        if (xt)
            xt[p.k[e] * xs] = x, seen[p.k[e]] = 1;
    }
    sigma_rows(a, 0, acc, n_out, 1, nv);
}

/* pixels_block on lanes [0, hi), BLOCK vectors at a time. */
INLINE void pixels_forward(float *a, const float *b, const float *wt,
                           size_t stride, const float *scale, Pixels p,
                           float *xt, size_t xs, unsigned char *seen, int hi,
                           int n_out)
{
    for (int j = 0; j < hi; j += BLOCK * LANES) {
#define FWD(R_, NV) pixels_block(a + j, b + j, wt + j, stride, scale, p, \
                                 j ? NULL : xt, xs, seen, n_out - j, NV)
        SWITCH_NV(1, vectors(hi - j), FWD);
#undef FWD
    }
}

/* A layer above the first for E examples (1 or 2; x_e at x + e*xs, a_e at
 * a + e*as): a_e = sigma(b + sum_k x_ek WT[k]), k ascending. */
INLINE void dense_forward(float *a, size_t as, const float *b,
                          const float *wt, int p_out, const float *x,
                          size_t xs, int n_in, int n_out, int E)
{
    for (int j = 0; j < p_out; j += BLOCK * LANES) {
        vf acc[2][BLOCK];
#define FWD(E_, NV) sum_block(acc, b + j, x, xs, 1, wt + j, (size_t)p_out, \
                              (size_t)n_in, E_, NV), \
                    sigma_rows(a + j, as, acc, n_out - j, E_, NV)
        SWITCH_R_NV(E, vectors(p_out - j), FWD);
#undef FWD
    }
}

static Pixels job_pixels(const Job *job, size_t pos)
{
    size_t image = job->idx[pos], first = job->sparse->start[image];
    return (Pixels){job->sparse->k + first, job->sparse->v + first,
                    (int)(job->sparse->start[image + 1] - first)};
}

/* Layer 0 on th's lanes, filing the pixels for the step.  The next
 * batch's pixel lists are fetched meanwhile: shuffled, they are scattered
 * over memory, and waiting for them costs more than the arithmetic. */
static void first_forward(NetworkFast *f, FastThread *th, float *a1,
                          const Job *job, size_t start, size_t m)
{
    for (size_t pos = start + m; pos < start + 2 * m && pos < job->n; pos++) {
        Pixels p = job_pixels(job, pos);
        for (int e = 0; e < p.n; e += 32)
            __builtin_prefetch(p.k + e), __builtin_prefetch(p.v + e);
    }
    for (size_t i = 0; i < m; i++)
        pixels_forward(a1 + i * f->pad[1] + th->lo, th->b0, th->w0, th->s0,
                       f->scale, job_pixels(job, start + i), th->xt + i,
                       f->xs, th->seen, th->s0, f->sizes[1] - th->lo);
    th->n_rows = nonzero(th->rows, th->nz_v, th->seen, f->sizes[0], f);
}

/* Two examples at a time: they share the loads of WT. */
static void upper_forward(NetworkFast *f, FastThread *th, size_t m,
                          int parity)
{
    const Upper *u = &f->upper[parity];
    for (int l = 1; l < f->L - 1; l++) {
        const float *x = fast_act(f, th, l, parity);
        float *a = fast_act(f, th, l + 1, parity);
        size_t p_in = f->pad[l], p_out = f->pad[l + 1];
        for (size_t i = 0; i < m; i += 2)
            dense_forward(a + i * p_out, p_out, u->b[l], u->wt[l], (int)p_out,
                          x + i * p_in, p_in, f->sizes[l], f->sizes[l + 1],
                          i + 1 < m ? 2 : 1);
    }
}

/* ---- backward and the step ---- */
/* BP2 for E examples (1 or 2, `ps` floats apart in a and delta_below, `ds`
 * in delta) on nv vectors: delta_below_k = (sum_j w_jk delta_j) a_k
 * (1 - a_k), j ascending, w_jk in W's row j (rows ps apart). */
INLINE void backprop_block(float *delta_below, const float *w,
                           const float *delta, size_t ds, const float *a,
                           size_t ps, int n_out, int E, int nv)
{
    vf acc[2][BLOCK];
    sum_block(acc, NULL, delta, ds, 1, w, ps, (size_t)n_out, E, nv);
    for (int e = 0; e < E; e++) {
        UNROLL
        for (int q = 0; q < nv; q++) {
            vf a_q = ((const vf *)(a + e * ps))[q];
            ((vf *)(delta_below + e * ps))[q] = acc[e][q] * (a_q * (1.0f - a_q));
        }
    }
}

/* Thread t's share of n rows (of T threads): [n t / T, n (t + 1) / T). */
#define SHARE(n, t, T) (int)((long)(n) * (t) / (T)), (int)((long)(n) * ((t) + 1) / (T))

static void upper_backward(NetworkFast *f, FastThread *th, int l, size_t m,
                           float step, int parity, int lo, int hi)
{
    const Upper *u = &f->upper[parity], *next = &f->upper[!parity];
    int t = (int)(th - f->th), T = f->train_threads;
    const float *a = fast_act(f, th, l, parity);
    int n_in = f->sizes[l], n_out = f->sizes[l + 1];
    size_t p_in = f->pad[l], p_out = f->pad[l + 1];
    for (size_t i = 0; i < m; i += 2)
        for (int k = lo; k < hi; k += BLOCK * LANES) {
#define BP2(E_, NV) backprop_block(th->delta[l - 1] + i * p_in + k, u->w[l] + k, \
                                   th->delta[l] + i * p_out, p_out, \
                                   a + i * p_in + k, p_in, n_out, E_, NV)
            SWITCH_R_NV(i + 1 < m ? 2 : 1, vectors(hi - k), BP2);
#undef BP2
        }
    /* BP4: dC/dw_jk = a_k delta_j, rows k of WT, then the mirror's rows j */
    update_rows(next->wt[l], u->wt[l], p_out, SHARE(n_in, t, T), a, p_in,
                th->delta[l], p_out, m, step, (int)p_out);
    update_rows(next->w[l], u->w[l], p_in, SHARE(n_out, t, T), th->delta[l],
                p_out, a, p_in, m, step, (int)p_in);
    update_rows(next->b[l], u->b[l], 0, SHARE(1, t, T), NULL, 0, th->delta[l],
                p_out, m, step, (int)p_out);
}

/* BP3, BP4 and the step for layer 0 on th's lanes, over the pixels some
 * example lit (for the others every x_k delta_j is 0), two rows at a time;
 * empties their filing. */
static void first_update(NetworkFast *f, FastThread *th, size_t m,
                         float step)
{
    size_t p1 = f->pad[1], xs = f->xs, s0 = (size_t)th->s0;
    const float *delta = th->delta[0] + th->lo;
    for (int r = 0; r < th->n_rows; r += 2) {
        int R = r + 1 < th->n_rows ? 2 : 1;
        size_t k = th->rows[r], dk = th->rows[r + R - 1] - k;
        float *x = th->xt + k * xs;
        for (int j = 0; j < th->s0; j += BLOCK * LANES) {
            float *w = th->w0 + k * s0 + j;
#define PIXEL(R_, NV) update_block(w, w, dk * s0, x, dk * xs, 1, delta + j, \
                                   p1, m, step, R_, NV)
            SWITCH_R_NV(R, vectors(th->s0 - j), PIXEL);
#undef PIXEL
        }
        for (int e = 0; e < R; e++)     /* a constant size is inlined */
            m <= 16 ? memset(x + e * dk * xs, 0, 16 * sizeof(float))
                    : memset(x + e * dk * xs, 0, m * sizeof(float));
    }
    memset(th->seen, 0, (size_t)f->sizes[0]);
    update_rows(th->b0, th->b0, 0, 0, 1, NULL, 0, delta, p1, m, step, th->s0);
}

/* ---- evaluation ---- */
/* The digit of image p: layer 0 slice by slice, then the current Upper;
 * the argmax, first maximum, as network_predict. */
static int predict(NetworkFast *f, FastThread *th, const unsigned char *p)
{
    float *x = th->a_eval;
    Pixels in = {th->nz_k, th->nz_v, nonzero(th->nz_k, th->nz_v, p, f->sizes[0], f)};
    for (const FastThread *s = f->th; s < f->th + f->train_threads; s++)
        pixels_forward(x + s->lo, s->b0, s->w0, s->s0, f->scale, in, NULL, 0,
                       NULL, s->s0, f->sizes[1] - s->lo);
    const Upper *u = &f->upper[f->cur];
    for (int l = 1; l < f->L - 1; x += f->pad[l], l++)
        dense_forward(x + f->pad[l], 0, u->b[l], u->wt[l], f->pad[l + 1], x, 0,
                      f->sizes[l], f->sizes[l + 1], 1);
    int best = 0;
    for (int j = 1; j < f->sizes[f->L - 1]; j++)
        if (x[j] > x[best])
            best = j;
    return best;
}

#ifdef __AVX2__
const FastKernels fast_kernels_avx2 = {
#else
const FastKernels fast_kernels_generic = {
#endif
    LANES == 8 ? "avx2" : "generic", LANES, usable, sigmoid_many, nonzero,
    first_forward, upper_forward, upper_backward, first_update, predict};
