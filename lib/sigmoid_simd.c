/* sigmoid_simd.c - sigmoidf for eight neurons at once (see sigmoid_simd.h).
 *
 * glibc (2.28 and later) computes expf(x) for |x| < 88 in double
 * precision, as
 *   k + r = x * 32 / ln 2           k the nearest integer, |r| <= 1/2
 *   exp(x) = 2^(k/32) * 2^(r/32)    2^(k/32) = 2^(k div 32) * T[k mod 32]
 *   2^(r/32) ~ 1 + C2 r + C1 r^2 + C0 r^3
 * then rounds to float; |x| >= 88, infinities and NaN are special cases.
 * On a CPU with AVX2 and FMA its loader picks a build whose multiply-adds
 * are fused (one rounding each), and that is the sequence repeated here,
 * four lanes per instruction, two groups of four per call; a group with a
 * special case goes to sigmoidf itself.  The sigmoid's own two operations,
 * 1 + e and 1 / that, are float operations, exact in any width.
 * Checked here against sigmoidf on all 2^32 floats: the same bits for
 * every one (and with the multiply-adds unfused, as in glibc's build for
 * CPUs without FMA, too).
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "rng.h"
#include "sigmoid.h"
#include "sigmoid_simd.h"

#if defined(__x86_64__) && defined(__GNUC__) && defined(__GLIBC__) && \
    !defined(NNDL_NO_CLONES) && !defined(NNDL_NO_SIMD)
#if __GLIBC_PREREQ(2, 28)               /* the expf described above */
#define VECTOR 1
#endif
#endif
#ifdef VECTOR
#include <immintrin.h>
#else
#define VECTOR 0
#endif

static int vector_ok;           /* set once, by choose */
static pthread_once_t chosen = PTHREAD_ONCE_INIT;

#if VECTOR
#define AVX2_FMA __attribute__((target("avx2,fma")))

/* table[i] = the bits of 2^(i/32) as a double, minus i << 47, so that
 * adding k << 47 to table[k mod 32] gives the bits of 2^(k/32). */
static uint64_t table[32];

static void fill_table(void)
{
    for (int i = 0; i < 32; i++) {
        double t = (double)exp2l(i / 32.0L);
        memcpy(&table[i], &t, sizeof t);
        table[i] -= (uint64_t)i << 47;
    }
}

/* exp(x) for four floats with |x| < 88, in double precision. */
AVX2_FMA static inline __m256d exp4(__m128 x)
{
    const __m256d scale = _mm256_set1_pd(0x1.71547652b82fep+5);  /* 32/ln 2 */
    const __m256d round = _mm256_set1_pd(0x1.8p+52);  /* + this: k = the
                               nearest integer, in the low bits */
    const __m256d c0 = _mm256_set1_pd(0x1.c6af84b912394p-20);
    const __m256d c1 = _mm256_set1_pd(0x1.ebfce50fac4f3p-13);
    const __m256d c2 = _mm256_set1_pd(0x1.62e42ff0c52d6p-6);
    __m256d xd = _mm256_cvtps_pd(x);
    __m256d kd = _mm256_fmadd_pd(scale, xd, round);
    __m256i k = _mm256_castpd_si256(kd);
    kd = _mm256_sub_pd(kd, round);
    __m256d r = _mm256_fmsub_pd(scale, xd, kd);       /* x*32/ln 2 - k */
    __m256i t = _mm256_i64gather_epi64((const long long *)table,
                                       _mm256_and_si256(k, _mm256_set1_epi64x(31)), 8);
    __m256d s = _mm256_castsi256_pd(_mm256_add_epi64(t, _mm256_slli_epi64(k, 47)));
    __m256d p = _mm256_fmadd_pd(r, c0, c1);
    __m256d q = _mm256_fmadd_pd(r, c2, _mm256_set1_pd(1.0));
    q = _mm256_fmadd_pd(p, _mm256_mul_pd(r, r), q);
    return _mm256_mul_pd(q, s);                       /* 2^(k/32) 2^(r/32) */
}

/* a[0 .. 8) = 1 / (1 + exp(-z)) for z[0 .. 8), if no -z is a special case
 * of expf; else returns 0 and writes nothing. */
AVX2_FMA static inline int sigmoid8(float *a, const float *z)
{
    __m256 x = _mm256_xor_ps(_mm256_loadu_ps(z), _mm256_set1_ps(-0.0f));
    __m256i abs = _mm256_and_si256(_mm256_castps_si256(x),
                                   _mm256_set1_epi32(0x7fffffff));
    __m256i special = _mm256_cmpgt_epi32(abs, _mm256_set1_epi32(0x42afffff));
    if (!_mm256_testz_si256(special, special))  /* |x| >= 88, inf, NaN */
        return 0;
    __m128 lo = _mm256_cvtpd_ps(exp4(_mm256_castps256_ps128(x)));
    __m128 hi = _mm256_cvtpd_ps(exp4(_mm256_extractf128_ps(x, 1)));
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_insertf128_ps(_mm256_castps128_ps256(lo), hi, 1);
    _mm256_storeu_ps(a, _mm256_div_ps(one, _mm256_add_ps(one, e)));
    return 1;
}

/* sigmoid_many, 8 at a time; sigmoidf for a group with a special case
 * and for the last n mod 8. */
AVX2_FMA static void many8(float *a, const float *z, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        if (!sigmoid8(a + i, z + i))
            for (size_t j = i; j < i + 8; j++)
                a[j] = sigmoidf(z[j]);
    for (; i < n; i++)
        a[i] = sigmoidf(z[i]);
}

/* Checks many8, the code sigmoid_many runs, against sigmoidf on 2^15
 * inputs spread over every exponent and all 32 table slots (|z| < 88,
 * both signs).  (Under an emulator with a faulty AVX2, qemu 7.2's here,
 * this is what turned the vector code off.) */
static int agrees(void)
{
    Rng rng;
    rng_seed(&rng, 1);
    for (int run = 0; run < 128; run++) {
        float z[256], a[256];
        for (int j = 0; j < 256; j++) {     /* |z| < 88: bits < 88.0f's */
            uint32_t bits = (uint32_t)rng_below(&rng, 0x42b00000u) |
                            (uint32_t)rng_below(&rng, 2) << 31;
            memcpy(&z[j], &bits, sizeof bits);
        }
        many8(a, z, 256);
        for (int j = 0; j < 256; j++) {
            float s = sigmoidf(z[j]);
            if (memcmp(&a[j], &s, sizeof s) != 0)
                return 0;
        }
    }
    return 1;
}
#endif

/* Uses the vector code if the CPU has it and it agrees with expf here. */
static void choose(void)
{
#if VECTOR
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        fill_table();
        vector_ok = agrees();
    }
#endif
}

int sigmoid_many_vectorized(void)
{
    pthread_once(&chosen, choose);
    return vector_ok;
}

void sigmoid_many(float *a, const float *z, size_t n)
{
#if VECTOR
    if (sigmoid_many_vectorized()) {
        many8(a, z, n);
        return;
    }
#endif
    for (size_t i = 0; i < n; i++)
        a[i] = sigmoidf(z[i]);
}
