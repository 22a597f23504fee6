/* test_sigmoid.c - the sigmoid neuron (section 1.2). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "testutil.h"

START_TEST(test_sigmoid_of_zero_is_one_half)
{
    ck_assert_double_eq(sigmoid(0.0), 0.5);
    ck_assert_float_eq(sigmoidf(0.0f), 0.5f);
}
END_TEST

START_TEST(test_sigmoid_is_symmetric_about_one_half)
{
    for (double z = -8; z <= 8; z += 0.37)
        ck_assert_double_eq_tol(sigmoid(-z), 1.0 - sigmoid(z), 1e-15);
}
END_TEST

START_TEST(test_sigmoid_saturates_without_nan)
{
    ck_assert_double_eq_tol(sigmoid(40), 1.0, 1e-15);
    ck_assert_double_eq_tol(sigmoid(-40), 0.0, 1e-15);
    ck_assert(isfinite(sigmoid(-1000)) && sigmoid(-1000) == 0.0);
    ck_assert(isfinite(sigmoidf(-1000.0f)) && sigmoidf(1000.0f) == 1.0f);
    ck_assert_double_eq_tol(sigmoid(1.0), 1.0 / (1.0 + exp(-1.0)), 1e-15);
}
END_TEST

START_TEST(test_sigmoid_is_increasing)
{
    for (double z = -10; z < 10; z += 0.5)
        ck_assert(sigmoid(z + 0.5) > sigmoid(z));
}
END_TEST

START_TEST(test_sigmoid_prime_matches_finite_differences)
{
    for (double z = -6; z <= 6; z += 0.25) {
        double h = 1e-5;
        double numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        ck_assert_double_eq_tol(sigmoid_prime(z), numeric, 1e-9);
        ck_assert_float_eq_tol(sigmoid_primef((float)z), (float)numeric, 1e-6f);
    }
    ck_assert_double_eq(sigmoid_prime(0), 0.25);
}
END_TEST

START_TEST(test_step_is_one_only_for_positive_z)
{
    ck_assert_double_eq(step(0.1), 1.0);
    ck_assert_double_eq(step(0.0), 0.0);
    ck_assert_double_eq(step(-3.0), 0.0);
}
END_TEST

START_TEST(test_sigmoid_neuron_is_sigmoid_of_weighted_input)
{
    const double w[3] = {0.5, -1.0, 2.0}, x[3] = {1.0, 2.0, 0.25};
    ck_assert_double_eq_tol(neuron_z(w, x, 0.3, 3), 0.5 - 2.0 + 0.5 + 0.3, 1e-15);
    ck_assert_double_eq_tol(sigmoid_neuron(w, x, 0.3, 3), sigmoid(-0.7), 1e-15);
}
END_TEST

/* sigmoid_many against sigmoidf, value by value, bit for bit (two NaNs
 * count as equal): every 257th float of all 2^32 bit patterns, in runs of
 * every length from 1 to 40 (whole groups of 8 and the rest), and the
 * edges of expf's special cases. */
static void check_many(const float *z, size_t n)
{
    float a[40];
    sigmoid_many(a, z, n);
    for (size_t i = 0; i < n; i++) {
        float s = sigmoidf(z[i]);
        if (memcmp(&a[i], &s, sizeof s) != 0 && !(isnan(a[i]) && isnan(s)))
            ck_abort_msg("sigmoid_many(%a) = %a, sigmoidf gives %a",
                         (double)z[i], (double)a[i], (double)s);
    }
}

START_TEST(test_sigmoid_many_is_sigmoidf_bit_for_bit)
{
    float z[40];
    uint64_t u = 0;
    for (size_t len = 1; u < (1ull << 32); len = len % 40 + 1) {
        for (size_t i = 0; i < len; i++, u += 257) {
            uint32_t bits = (uint32_t)u;
            memcpy(&z[i], &bits, sizeof bits);
        }
        check_many(z, len);
    }
    const float edge[] = {0.0f, -0.0f, 1e-45f, -1e-45f, 87.99999f, -87.99999f,
                          88.0f, -88.0f, 88.72f, -88.72f, 103.9f, -103.9f,
                          1e30f, -1e30f, INFINITY, -INFINITY, NAN, 0.5f};
    for (size_t n = 1; n <= sizeof edge / sizeof *edge; n++)
        check_many(edge, n);
    float same[16];                     /* a and z may be the same array */
    for (int i = 0; i < 16; i++)
        same[i] = (float)i - 7.5f;
    sigmoid_many(same, same, 16);
    for (int i = 0; i < 16; i++)
        ck_assert_float_eq(same[i], sigmoidf((float)i - 7.5f));
}
END_TEST

/* The vector code must really run where it was written for (x86-64 with
 * AVX2 and FMA, glibc): if it disagreed with expf here, sigmoid_many
 * would quietly fall back to sigmoidf and the test above would pass. */
START_TEST(test_sigmoid_many_is_vectorized_where_expected)
{
#if defined(__x86_64__) && defined(__GLIBC__) && !defined(NNDL_NO_CLONES) && \
    !defined(NNDL_NO_SIMD)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        ck_assert_msg(sigmoid_many_vectorized(),
                      "lib/sigmoid_simd.c disagrees with this glibc's expf");
    else
        ck_assert(!sigmoid_many_vectorized());
#else
    ck_assert(!sigmoid_many_vectorized());
#endif
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sigmoid");
    TCase *tc = tcase_create("sigmoid");
    tcase_add_test(tc, test_sigmoid_of_zero_is_one_half);
    tcase_add_test(tc, test_sigmoid_is_symmetric_about_one_half);
    tcase_add_test(tc, test_sigmoid_saturates_without_nan);
    tcase_add_test(tc, test_sigmoid_is_increasing);
    tcase_add_test(tc, test_sigmoid_prime_matches_finite_differences);
    tcase_add_test(tc, test_step_is_one_only_for_positive_z);
    tcase_add_test(tc, test_sigmoid_neuron_is_sigmoid_of_weighted_input);
    suite_add_tcase(s, tc);
    TCase *many = tcase_create("sigmoid_many");
    tcase_set_timeout(many, 60);
    tcase_add_test(many, test_sigmoid_many_is_sigmoidf_bit_for_bit);
    tcase_add_test(many, test_sigmoid_many_is_vectorized_where_expected);
    suite_add_tcase(s, many);
    return run_suite(s);
}
