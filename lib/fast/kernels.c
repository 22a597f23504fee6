/* kernels.c - the fast path's hot loops, compiled once per instruction
 * set by lib/lib.mk: with -mavx2 -mfma (fast_kernels_avx2), -mavx
 * (fast_kernels_avx), both 8 floats per vector, and with the compiler's
 * defaults (fast_kernels_generic: 4 floats, as SSE2, NEON or wasm SIMD128
 * hold).  GCC/Clang vector extensions; no threads; intrinsics only for
 * the AVX2 sigmoid and the SSE2 pixel scan, each with a plain fallback.
 *
 * The textbook's bits: float addition is not associative, so only WHERE
 * a sum is computed may change, never the ORDER of its terms.  Each sum
 * adds network.c's terms in network.c's order, multiply and add apart
 * (C11 mode does not contract them into an FMA):
 *   z_j = b_j + w_j0 a_0 + w_j1 a_1 + ...  nabla_jk = 0 + a_k delta_j (ex. 0) + ...
 *   delta_k = (0 + w_0k delta_0 + w_1k delta_1 + ...) * a_k (1 - a_k)
 * LANES neurons j run side by side (hence the transposed weights, fast.h).
 * A blank pixel only adds w_jk * 0 = +-0, which cannot change a sum that
 * starts at +0 or a bias: skipped.  Layer 0 forward goes two examples at
 * once (two chains of additions keep the adders busy) and files each
 * pixel under k (xt[k][i]); its update then visits only the pixels some
 * example lit, adding all m examples' terms, zeros included: a loop of
 * fixed length beats a shorter one the branch predictor cannot guess.
 */
#include <math.h>
#include <string.h>

#include "fast.h"
#include "sigmoid.h"

#if defined(__AVX__)
#define LANES 8
#else
#define LANES 4
#endif
#define BLOCK 4                 /* vectors kept in registers at once */
#define CHUNK FAST_CHUNK

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
 * FMA.  sigmoid8 repeats it 4 lanes per instruction; |x| >= 88, inf and NaN
 * go to sigmoidf.  Checked on all 2^32 floats when written, and by
 * sigmoid_usable before the table is used.  The 1.6 default run took 8%
 * less CPU time with it (medians 3.68 s against 3.97 s, 6 alternating
 * runs each). */
#if defined(__AVX2__) && defined(__FMA__) && defined(__GLIBC__)
#include <immintrin.h>
#include "rng.h"
#define SIGMOID8 1

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
#ifdef SIGMOID8
    for (; i + 8 <= n; i += 8)
        if (!sigmoid8(a + i, z + i))
            for (size_t j = i; j < i + 8; j++)
                a[j] = sigmoidf(z[j]);
#endif
    for (; i < n; i++)
        a[i] = sigmoidf(z[i]);
}

#ifdef SIGMOID8
/* 1 if the CPU has AVX2 and FMA and sigmoid8 agrees with this machine's
 * expf on 2^15 inputs over every exponent and table slot (under qemu 7.2,
 * whose AVX2 got lanes wrong, this is what turned it off). */
static int sigmoid_usable(void)
{
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
    for (int run = 0; run < 128; run++) {
        float z[256], a[256];
        for (int j = 0; j < 256; j++) {     /* |z| < 88, both signs */
            uint32_t bits = (uint32_t)rng_below(&rng, 0x42b00000u) |
                            (uint32_t)rng_below(&rng, 2) << 31;
            memcpy(&z[j], &bits, sizeof bits);
        }
        sigmoid_many(a, z, 256);
        for (int j = 0; j < 256; j++) {
            float s = sigmoidf(z[j]);
            if (memcmp(&a[j], &s, sizeof s) != 0)
                return 0;
        }
    }
    return 1;
}
#endif

/* a[j] = sigma(z[j]) for the real neurons j < n_out of nv vectors
 * (padding lanes stay 0); whole vectors, the fastest for sigmoid_many. */
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

/* ---- the non-zero pixels of an image ---- */
#if defined(__SSE2__) && !defined(NNDL_NO_SIMD)
#include <emmintrin.h>
#endif

/* The non-zero bytes of p[0 .. dim): indices (ascending) in k_out, values
 * in v_out; returns how many.  May write 16 entries past them. */
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
            /* the non-zero ones' positions, loaded straight into a register
             * (through the stack, the CPU could not forward two stores to
             * one load: 40% of an evaluation's time) */
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

/* ---- forward ---- */

/* A layer's inputs for one example: n non-zero pixels k[e] of values
 * scale[v[e]] (k not NULL), or n activations x[0 .. n). */
typedef struct {
    const uint16_t *k;
    const unsigned char *v;
    const float *scale, *x;
    int n;
} Input;

/* acc += x_e * (row k_e of wt) for the pixels e in [from, in.n); with xt
 * (offset by the example), files x_e under k_e and marks k_e seen. */
INLINE void add_pixels(vf *acc, const float *wt, size_t stride, Input in,
                       int from, float *restrict xt,
                       unsigned char *restrict seen, int nv)
{
    for (int e = from; e < in.n; e++) {
        float x = in.scale[in.v[e]];
        const vf *row = (const vf *)(wt + (size_t)in.k[e] * stride);
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[q] += x * row[q];
        if (xt)
            xt[in.k[e] * CHUNK] = x, seen[in.k[e]] = 1;
    }
}

/* For E examples (1 or 2) on nv vectors of lanes: z = b + the sum over
 * the inputs of x_e (row e or k_e of wt, rows `stride` floats apart), in
 * order; a[s] = sigma(z) for the neurons < n_out. */
INLINE void forward_block(float **a, const float *b, const float *wt,
                          size_t stride, const Input *in, float *restrict xt,
                          unsigned char *restrict seen, int n_out, int E, int nv)
{
    vf acc[2][BLOCK], z[2][BLOCK];
    Input x = in[0], y = in[1];         /* copies: no store changes them */
    for (int s = 0; s < E; s++) {
        UNROLL
        for (int q = 0; q < nv; q++)
            acc[s][q] = ((const vf *)b)[q];
    }
    int n = E == 2 && y.n < x.n ? y.n : x.n;
    if (x.k && E == 2)
        for (int e = 0; e < n; e++) {   /* both examples at once */
            float u = x.scale[x.v[e]], v = y.scale[y.v[e]];
            const vf *ru = (const vf *)(wt + (size_t)x.k[e] * stride);
            const vf *rv = (const vf *)(wt + (size_t)y.k[e] * stride);
            UNROLL
            for (int q = 0; q < nv; q++)
                acc[0][q] += u * ru[q], acc[1][q] += v * rv[q];
            if (xt) {
                xt[x.k[e] * CHUNK] = u, seen[x.k[e]] = 1;
                xt[y.k[e] * CHUNK + 1] = v, seen[y.k[e]] = 1;
            }
        }
    if (x.k) {                          /* the rest of each list */
        add_pixels(acc[0], wt, stride, x, E == 2 ? n : 0, xt, seen, nv);
        if (E == 2)
            add_pixels(acc[1], wt, stride, y, n, xt ? xt + 1 : NULL, seen, nv);
    } else
        for (int e = 0; e < x.n; e++) { /* dense: one row serves both */
            const vf *row = (const vf *)(wt + (size_t)e * stride);
            UNROLL
            for (int q = 0; q < nv; q++) {
                acc[0][q] += x.x[e] * row[q];
                if (E == 2)
                    acc[1][q] += y.x[e] * row[q];
            }
        }
    for (int s = 0; s < E; s++) {       /* copies: the accumulators' */
        UNROLL                          /* address must not escape */
        for (int q = 0; q < nv; q++)
            z[s][q] = acc[s][q];
        sigma_lanes(a[s], (const float *)z[s], nv, n_out);
    }
}

/* forward_block on lanes [0, hi), BLOCK vectors at a time (filing in the
 * first block only); a1 is the second example's a (E == 2). */
INLINE void forward(float *a0, float *a1, const float *b, const float *wt,
                    size_t stride, const Input *in, float *xt,
                    unsigned char *seen, int hi, int n_out, int E)
{
    for (int j0 = 0; j0 < hi; j0 += BLOCK * LANES) {
        float *a[2] = {a0 + j0, a1 + j0}, *x = j0 ? NULL : xt;
#define FWD(E_, NV) forward_block(a, b + j0, wt + j0, stride, in, x, seen, \
                                  n_out - j0, E_, NV)
        SWITCH_R_NV(E, vectors(hi - j0), FWD);
#undef FWD
    }
}

/* The non-zero pixels of example `pos` of the job. */
static Input job_pixels(const NetworkFast *f, const Job *job, size_t pos)
{
    size_t image = job->sidx ? job->sidx[pos] : pos;
    size_t first = job->sparse->start[image];
    return (Input){job->sparse->k + first, job->sparse->v + first, f->scale,
                   NULL, (int)(job->sparse->start[image + 1] - first)};
}

/* Layer 0 on th's lanes for the batch, two examples at a time; batches of
 * up to CHUNK are filed for the update on the way.  The next batch's
 * pixel lists are fetched meanwhile: shuffled, they are scattered over
 * memory, and waiting for them costs more than the arithmetic. */
static void first_forward(NetworkFast *f, FastThread *th, float *a1,
                          const Job *job, size_t start, size_t m)
{
    for (size_t pos = start + m; pos < start + 2 * m && pos < job->n; pos++) {
        Input in = job_pixels(f, job, pos);
        for (int e = 0; e < in.n; e += 32)
            __builtin_prefetch(in.k + e), __builtin_prefetch(in.v + e);
    }
    size_t p1 = f->pad[1];
    for (size_t i = 0; i < m; i += 2) {
        int E = i + 1 < m ? 2 : 1;
        Input in[2] = {job_pixels(f, job, start + i),
                       job_pixels(f, job, start + i + (size_t)E - 1)};
        forward(a1 + i * p1 + th->lo, a1 + (i + 1) * p1 + th->lo, th->b0,
                th->w0, th->s0, in, m <= CHUNK ? th->xt + i : NULL, th->seen,
                th->hi - th->lo, f->sizes[1] - th->lo, E);
    }
    if (m <= CHUNK)
        th->n_rows = nonzero(th->rows, th->nz_v, th->seen, f->sizes[0], f);
}

/* The activations x of layer l as the input of the next. */
static Input dense(const NetworkFast *f, const float *x, int l)
{
    return (Input){NULL, NULL, NULL, x, f->sizes[l]};
}

static void upper_forward(NetworkFast *f, FastThread *th, size_t m,
                          int parity)
{
    for (int l = 1; l < f->L - 1; l++) {
        const float *a_in = fast_act(f, th, l, parity);
        float *a_out = fast_act(f, th, l + 1, parity);
        size_t p_in = f->pad[l], p_out = f->pad[l + 1];
        for (size_t i = 0; i < m; i += 2) {
            int E = i + 1 < m ? 2 : 1;
            Input in[2] = {dense(f, a_in + i * p_in, l),
                           dense(f, a_in + (i + (size_t)E - 1) * p_in, l)};
            forward(a_out + i * p_out, a_out + (i + 1) * p_out, th->b[l],
                    th->wt[l], p_out, in, NULL, NULL, (int)p_out,
                    f->sizes[l + 1], E);
        }
    }
}

/* ---- backward and the step ---- */

/* acc[r][0 .. nv) = 0 + sum over t < n, in order, of c_rt v_t, with
 * c_rt = c[r*cr + t*ct] (1 when c is NULL) and v_t the nv vectors at
 * v + t*vs.  The R rows share the loads of v_t. */
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

/* R rows `rs` floats apart: out_r = in_r - step * sum_{i<m} c_ri v_i
 * (c_ri = c[r + i*cs]), the gradient summed over the examples in order,
 * then eq. 1.20 / 1.21. */
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

/* update_block for rows [0, n_rows) on lanes [0, n): four rows at a time
 * on narrow blocks, two on wide (R * nv <= 8 accumulators). */
static void update_rows(float *out, const float *in, size_t rs, int n_rows,
                        const float *c, size_t cs, const float *v, size_t vs,
                        size_t m, float step, int n)
{
    for (int r = 0, R; r < n_rows; r += R) {
        int group = n > 2 * LANES ? 2 : 4;
        R = n_rows - r >= group ? group : 1;
        for (int j0 = 0; j0 < n; j0 += BLOCK * LANES) {
            int nv = vectors(n - j0);
            float *o = out + r * rs + j0;
            const float *i = in + r * rs + j0, *cr = c ? c + r : NULL;
#define UPDATE(R_, NV) update_block(o, i, rs, cr, cs, v + j0, vs, m, step, R_, NV)
            if (R < 4)
                SWITCH_R_NV(R, nv, UPDATE);
            else if (nv == 2)
                UPDATE(4, 2);
            else
                UPDATE(4, 1);
#undef UPDATE
        }
    }
}

/* BP2 for E examples (1 or 2; `ds` floats apart in delta, `bs` in a and
 * delta_below) on nv vectors of the layer below: delta_below[k] =
 * (sum_j w_jk delta[j]) * a[k] (1 - a[k]), j ascending, w the row-major
 * mirror W (rows `stride` apart). */
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
        }
    }
}

static void upper_backward(NetworkFast *f, FastThread *th, int l, size_t m,
                           float step, int parity, int lo, int hi, int update)
{
    const float *a = fast_act(f, th, l, parity);
    int n_in = f->sizes[l], n_out = f->sizes[l + 1];
    size_t p_in = f->pad[l], p_out = f->pad[l + 1];
    for (size_t i = 0; i < m; i += 2)
        for (int k0 = lo; k0 < hi; k0 += BLOCK * LANES) {
            float *db = th->delta[l - 1] + i * p_in + k0;
            const float *d = th->delta[l] + i * p_out, *a_k = a + i * p_in + k0;
#define BP2(E_, NV) backprop_block(db, p_in, th->w[l] + k0, p_in, d, p_out, \
                                   n_out, a_k, E_, NV)
            SWITCH_R_NV(i + 1 < m ? 2 : 1, vectors(hi - k0), BP2);
#undef BP2
        }
    if (!update)
        return;
    /* BP4: dC/dw_jk = a_k delta_j, rows k of WT, then the mirror's rows j */
    update_rows(th->nwt[l], th->wt[l], p_out, n_in, a, p_in, th->delta[l],
                p_out, m, step, (int)p_out);
    update_rows(th->nw[l], th->w[l], p_in, n_out, th->delta[l], p_out, a,
                p_in, m, step, (int)p_in);
    update_rows(th->nb[l], th->b[l], 0, 1, NULL, 0, th->delta[l], p_out, m,
                step, (int)p_out);
}

/* For R pixels (rows): acc = nabla so far (0 when nabla is NULL) + the
 * sum over the chunk's examples i, in order, of x_ik delta_i (BP4); then
 * w_k -= step * acc on the last chunk (eq. 1.20) and nabla = 0, else acc
 * is kept in nabla.  Two rows share the loads of delta. */
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
        for (int q = 0; q < nv; q++) {
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

/* Layer 0's update for the chunk of cm examples from c0, over the seen
 * pixels, two at a time; empties their filing. */
static void chunk_update(NetworkFast *f, FastThread *th, size_t c0,
                         size_t cm, float step, int last)
{
    int lo = th->lo, hi = th->hi;
    size_t p1 = f->pad[1];
    const float *delta = th->delta[0] + c0 * p1;
    for (int r = 0; r < th->n_rows; r += 2) {
        int R = r + 1 < th->n_rows ? 2 : 1;
        float *x[2], *w[2], *g[2] = {NULL, NULL};
        for (int e = 0; e < R; e++) {
            size_t k = th->rows[r + e];
            x[e] = th->xt + k * CHUNK, w[e] = th->w0 + k * th->s0;
            g[e] = th->nabla0 ? th->nabla0 + k * p1 : NULL;
        }
        for (int j = lo; j < hi; j += BLOCK * LANES) {
            float *wj[2] = {w[0] + (j - lo), w[R - 1] + (j - lo)};
            float *gj[2] = {g[0] ? g[0] + j : NULL, g[R - 1] ? g[R - 1] + j : NULL};
#define PIXEL(R_, NV) pixel_update(wj, th->nabla0 ? gj : NULL, x, R_, cm, \
                                   delta + j, p1, step, last, NV)
            SWITCH_R_NV(R, vectors(hi - j), PIXEL);
#undef PIXEL
        }
        for (int e = 0; e < R; e++)
            memset(x[e], 0, CHUNK * sizeof(float));
    }
}

/* BP3, BP4 and the step for layer 0 on th's lanes, over the pixels some
 * example lights (for the others every x_k delta_j is 0).  Batches larger
 * than CHUNK go in passes that carry the sums in nabla0. */
static void first_update(NetworkFast *f, FastThread *th, const Job *job,
                         size_t start, size_t m, float step)
{
    if (m <= CHUNK)                     /* first_forward filed them */
        chunk_update(f, th, 0, m, step, 1);
    for (size_t c0 = 0; m > CHUNK && c0 < m; c0 += CHUNK) {
        size_t cm = m - c0 < CHUNK ? m - c0 : CHUNK;
        for (size_t i = c0; i < c0 + cm; i++) {
            Input in = job_pixels(f, job, start + i);
            for (int e = 0; e < in.n; e++)
                th->xt[in.k[e] * CHUNK + (i - c0)] = f->scale[in.v[e]],
                th->seen[in.k[e]] = 1;
        }
        th->n_rows = nonzero(th->rows, th->nz_v, th->seen, f->sizes[0], f);
        chunk_update(f, th, c0, cm, step, c0 + cm == m);
    }
    memset(th->seen, 0, (size_t)f->sizes[0]);
    update_rows(th->b0, th->b0, 0, 1, NULL, 0, th->delta[0] + th->lo,
                f->pad[1], m, step, th->hi - th->lo);
}

/* ---- evaluation ---- */

/* The digits of images p and q (q may be NULL): layer 0 slice by slice,
 * the layers above with th's views; the argmax, first maximum, as
 * network_predict. */
static void predict_pair(NetworkFast *f, FastThread *th,
                         const unsigned char *p, const unsigned char *q,
                         int *digit)
{
    int dim = f->sizes[0], E = q ? 2 : 1;
    float *a[2] = {th->a_eval, th->a_eval + f->eval_len};
    uint16_t *k2 = th->nz_k + dim + 16;
    unsigned char *v2 = th->nz_v + dim + 16;
    Input in[2] = {{th->nz_k, th->nz_v, f->scale, NULL,
                    nonzero(th->nz_k, th->nz_v, p, dim, f)},
                   {k2, v2, f->scale, NULL, q ? nonzero(k2, v2, q, dim, f) : 0}};
    for (int t = 0; t < f->train_threads; t++) {    /* the lanes' owners */
        const FastThread *s = &f->th[t];
        forward(a[0] + s->lo, a[1] + s->lo, s->b0, s->w0, s->s0, in, NULL,
                NULL, s->hi - s->lo, f->sizes[1] - s->lo, E);
    }
    for (int e = 0; e < E; e++) {
        float *x = a[e];
        for (int l = 1; l < f->L - 1; x += f->pad[l], l++) {
            Input d[2] = {dense(f, x, l), dense(f, x, l)};
            forward(x + f->pad[l], x + f->pad[l], th->b[l], th->wt[l],
                    f->pad[l + 1], d, NULL, NULL, f->pad[l + 1], f->sizes[l + 1], 1);
        }
        int best = 0;
        for (int j = 1; j < f->sizes[f->L - 1]; j++)
            if (x[j] > x[best])
                best = j;
        digit[e] = best;
    }
}

#define KERNELS sigmoid_many, nonzero, first_forward, upper_forward, \
    upper_backward, first_update, predict_pair
#if defined(SIGMOID8)
const FastKernels fast_kernels_avx2 = {"avx2", LANES, sigmoid_usable, KERNELS};
#elif defined(__AVX__)
static int avx_usable(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx");
}
const FastKernels fast_kernels_avx = {"avx", LANES, avx_usable, KERNELS};
#else
static int always(void)
{
    return 1;
}
const FastKernels fast_kernels_generic = {"generic", LANES, always, KERNELS};
#endif
