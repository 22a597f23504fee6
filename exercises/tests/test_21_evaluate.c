/* Tests for exercise 21: argmax and evaluate. */
#include "ex_check.h"

START_TEST(test_argmax_finds_the_largest_output)
{
    const float a[10] = {0.1f, 0.2f, 0.05f, 0.9f, 0.3f, 0.0f, 0.4f, 0.8f,
                         0.1f, 0.95f};
    int got = ex_argmax(a, 10);
    ck_assert_msg(got == 9, _("largest is a[9] = 0.95: expected 9, got %d"), got);
    got = ex_argmax(a, 9);
    ck_assert_msg(got == 3, _("among a[0..8] the largest is a[3] = 0.9: "
                  "expected 3, got %d"), got);
    const float neg[3] = {-3.0f, -1.0f, -2.0f};
    got = ex_argmax(neg, 3);
    ck_assert_msg(got == 1, _("(-3, -1, -2): expected 1, got %d"), got);
}
END_TEST

START_TEST(test_argmax_takes_the_first_of_equal_largest)
{
    const float a[5] = {0.1f, 0.7f, 0.2f, 0.7f, 0.7f};
    int got = ex_argmax(a, 5);
    ck_assert_msg(got == 1, _("0.7 at 1, 3 and 4: expected the first, 1, got %d"), got);
}
END_TEST

/* A [10, 10] network that answers "the brightest pixel": weight 10 from
 * pixel k to output k.  Image i lights pixel bright[i]; the labels agree
 * for some images only, so the right count is known here. */
START_TEST(test_evaluate_counts_exactly_the_right_answers)
{
    enum { N = 30 };
    static unsigned char px[N * 10], lab[N];
    size_t want = 0;
    for (int i = 0; i < N; i++) {
        int bright = (i * 3) % 10;
        px[i * 10 + bright] = 255;
        lab[i] = (unsigned char)(i % 4 == 0 ? bright : (bright + i) % 10);
        want += lab[i] == bright;
    }
    const int sizes[2] = {10, 10};
    Network *net = network_create(sizes, 2, NULL);
    for (int k = 0; k < 10; k++)
        net->w[0][k * 10 + k] = 10.0f;
    Dataset data = {.n = N, .rows = 2, .cols = 5, .dim = 10, .x = px, .y = lab};
    size_t got = ex_evaluate(net, &data);
    ck_assert_msg(got == want, _("%d images, the network answers right on %zu "
                  "of them: expected %zu, got %zu"), N, want, want, got);
    /* Every prefix too, so that the first and the last example each
     * decide some count (a loop that skips one is caught). */
    size_t right_so_far = 0;
    for (int n = 0; n <= N; n++) {
        Dataset first_n = data;
        first_n.n = (size_t)n;
        got = ex_evaluate(net, &first_n);
        ck_assert_msg(got == right_so_far, _("the first %d images only: the "
                      "network answers right on %zu of them, got %zu"), n,
                      right_so_far, got);
        if (n < N)
            right_so_far += lab[n] == (n * 3) % 10;
    }
    network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("21_evaluate");
    EX_ADD(s, test_argmax_finds_the_largest_output);
    EX_ADD(s, test_argmax_takes_the_first_of_equal_largest);
    EX_ADD(s, test_evaluate_counts_exactly_the_right_answers);
    return ex_main(s);
}
