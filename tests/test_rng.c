/* test_rng.c - the seeded generator and its distributions. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

START_TEST(test_same_seed_gives_the_same_sequence)
{
    Rng a, b, c;
    rng_seed(&a, 42), rng_seed(&b, 42), rng_seed(&c, 43);
    int differs = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t x = rng_next(&a);
        ck_assert_uint_eq(x, rng_next(&b));
        differs |= x != rng_next(&c);
    }
    ck_assert(differs);
}
END_TEST

START_TEST(test_seed_zero_is_not_degenerate)
{
    Rng r;
    rng_seed(&r, 0);
    ck_assert(rng_next(&r) != 0 || rng_next(&r) != 0);
}
END_TEST

START_TEST(test_uniform_lies_in_the_unit_interval_with_mean_one_half)
{
    Rng r;
    rng_seed(&r, 1);
    double sum = 0;
    for (int i = 0; i < 100000; i++) {
        double u = rng_uniform(&r);
        ck_assert(u >= 0.0 && u < 1.0);
        sum += u;
    }
    ck_assert_double_eq_tol(sum / 100000, 0.5, 0.005);
}
END_TEST

START_TEST(test_below_stays_in_range_and_covers_it_evenly)
{
    Rng r;
    int count[7] = {0};
    rng_seed(&r, 2);
    for (int i = 0; i < 70000; i++) {
        uint64_t k = rng_below(&r, 7);
        ck_assert_uint_lt(k, 7);
        count[k]++;
    }
    for (int k = 0; k < 7; k++)
        ck_assert_int_lt(abs(count[k] - 10000), 400);   /* ~4 sigma */
}
END_TEST

START_TEST(test_gaussian_has_mean_zero_and_variance_one)
{
    Rng r;
    rng_seed(&r, 3);
    double sum = 0, sq = 0;
    int beyond2 = 0;
    for (int i = 0; i < 200000; i++) {
        double g = rng_gaussian(&r);
        ck_assert(isfinite(g));
        sum += g, sq += g * g;
        beyond2 += fabs(g) > 2.0;
    }
    ck_assert_double_eq_tol(sum / 200000, 0.0, 0.01);
    ck_assert_double_eq_tol(sq / 200000, 1.0, 0.015);
    /* P(|g| > 2) = 4.55% for a normal distribution. */
    ck_assert_double_eq_tol(beyond2 / 200000.0, 0.0455, 0.002);
}
END_TEST

START_TEST(test_shuffle_is_a_permutation_and_moves_things)
{
    Rng r;
    size_t idx[100], seen[100] = {0};
    int moved = 0;
    rng_seed(&r, 4);
    for (size_t i = 0; i < 100; i++)
        idx[i] = i;
    rng_shuffle(&r, idx, 100);
    for (size_t i = 0; i < 100; i++) {
        ck_assert_uint_lt(idx[i], 100);
        seen[idx[i]]++;
        moved += idx[i] != i;
    }
    for (size_t i = 0; i < 100; i++)
        ck_assert_uint_eq(seen[i], 1);
    ck_assert_int_gt(moved, 80);
}
END_TEST

START_TEST(test_shuffle_puts_each_item_everywhere_equally_often)
{
    /* Over many shuffles of 4 items, item 0 lands in each slot ~1/4. */
    Rng r;
    int where[4] = {0};
    rng_seed(&r, 5);
    for (int t = 0; t < 40000; t++) {
        size_t idx[4] = {0, 1, 2, 3};
        rng_shuffle(&r, idx, 4);
        for (int k = 0; k < 4; k++)
            where[k] += idx[k] == 0;
    }
    for (int k = 0; k < 4; k++)
        ck_assert_int_lt(abs(where[k] - 10000), 400);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rng");
    TCase *tc = tcase_create("rng");
    tcase_add_test(tc, test_same_seed_gives_the_same_sequence);
    tcase_add_test(tc, test_seed_zero_is_not_degenerate);
    tcase_add_test(tc, test_uniform_lies_in_the_unit_interval_with_mean_one_half);
    tcase_add_test(tc, test_below_stays_in_range_and_covers_it_evenly);
    tcase_add_test(tc, test_gaussian_has_mean_zero_and_variance_one);
    tcase_add_test(tc, test_shuffle_is_a_permutation_and_moves_things);
    tcase_add_test(tc, test_shuffle_puts_each_item_everywhere_equally_often);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
