/* Tests for exercise 20: a fair shuffle and one SGD epoch. */
#include "ex_check.h"

START_TEST(test_a_shuffle_is_a_permutation_that_moves_things)
{
    Rng rng;
    rng_seed(&rng, 20);
    size_t idx[52], seen[52] = {0}, moved = 0;
    for (size_t i = 0; i < 52; i++)
        idx[i] = i;
    ex_shuffle(&rng, idx, 52);
    for (size_t i = 0; i < 52; i++) {
        ck_assert_msg(idx[i] < 52 && !seen[idx[i]]++, _("after the shuffle "
                      "idx[%zu] = %zu appears twice or is out of range: a "
                      "shuffle only swaps"), i, idx[i]);
        moved += idx[i] != i;
    }
    ck_assert_msg(moved > 26, _("only %zu of 52 cards moved: is it shuffled?"),
                  moved);
}
END_TEST

START_TEST(test_every_order_of_three_is_equally_likely)
{
    /* 60000 shuffles of (0,1,2): each of the 6 orders about 10000 times
     * (the spread is about 90, so 9500..10500 is a safe band). */
    Rng rng;
    rng_seed(&rng, 2020);
    long count[6] = {0};
    for (int t = 0; t < 60000; t++) {
        size_t idx[3] = {0, 1, 2};
        ex_shuffle(&rng, idx, 3);
        int code = (int)(idx[0] * 3 + idx[1]);     /* names the order */
        int which = code == 1 ? 0 : code == 2 ? 1 : code == 3 ? 2 :
                    code == 5 ? 3 : code == 6 ? 4 : code == 7 ? 5 : -1;
        ck_assert_msg(which >= 0 && idx[0] + idx[1] + idx[2] == 3,
                      _("(0,1,2) became (%zu,%zu,%zu): not a permutation"),
                      idx[0], idx[1], idx[2]);
        count[which]++;
    }
    for (int k = 0; k < 6; k++)
        ck_assert_msg(count[k] > 9500 && count[k] < 10500, _("60000 shuffles of"
                      " 3 items: expected each of the 6 orders about 10000 "
                      "times, got %ld %ld %ld %ld %ld %ld (a biased shuffle)"),
                      count[0], count[1], count[2], count[3], count[4],
                      count[5]);
}
END_TEST

#define DIM 6
#define N 23

static unsigned char pixels[N * DIM], labels[N];

static Dataset tiny_data(void)
{
    uint64_t s = 202;
    for (int i = 0; i < N * DIM; i++)
        pixels[i] = (unsigned char)(256 * ex_rand(&s));
    for (int i = 0; i < N; i++)
        labels[i] = (unsigned char)(i % 10);
    Dataset d = {.n = N, .rows = 2, .cols = 3, .dim = DIM, .x = pixels,
                 .y = labels, .owns = 0};
    return d;
}

START_TEST(test_two_epochs_shuffle_then_update_batch_by_batch)
{
    const int sizes[3] = {DIM, 4, 10};
    Dataset data = tiny_data();
    Rng init, rng_got, rng_want;
    rng_seed(&init, 5);
    Network *got = network_create(sizes, 3, &init), *want = network_clone(got);
    rng_seed(&rng_got, 99), rng_seed(&rng_want, 99);
    size_t order[N], ref[N];
    for (size_t i = 0; i < N; i++)
        order[i] = ref[i] = i;
    for (int epoch = 0; epoch < 2; epoch++) {
        ex_sgd_epoch(got, &data, order, 5, 1.0f, &rng_got);
        ex_shuffle(&rng_want, ref, N);              /* what it should do */
        for (size_t k = 0; k < N; k += 5)
            network_update_mini_batch(want, &data, ref + k,
                                      N - k < 5 ? N - k : 5, 1.0f);
        for (size_t i = 0; i < N; i++)
            ck_assert_msg(order[i] == ref[i], _("epoch %d: order[%zu] should "
                          "be %zu after ex_shuffle(rng, order, n), got %zu"),
                          epoch, i, ref[i], order[i]);
        for (size_t p = 0; p < got->num_params; p++)
            ck_assert_msg(fabsf(got->params[p] - want->params[p]) < 1e-5f,
                          _("epoch %d: parameter %zu should be %.6f after the "
                          "mini-batches of 5, 5, 5, 5, 3 (in the shuffled "
                          "order), got %.6f"), epoch, p, want->params[p],
                          got->params[p]);
    }
    network_free(got), network_free(want);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("20_sgd_epoch");
    EX_ADD(s, test_a_shuffle_is_a_permutation_that_moves_things);
    EX_ADD(s, test_every_order_of_three_is_equally_likely);
    EX_ADD(s, test_two_epochs_shuffle_then_update_batch_by_batch);
    return ex_main(s);
}
