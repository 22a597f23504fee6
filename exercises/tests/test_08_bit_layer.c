/* Tests for exercise 8: the 4-bit output layer. */
#include "ex_check.h"

/* The new layer's outputs for the old activations old[10]. */
static void bit_outputs(double out[4], double w[4][10], const double b[4],
                        const double old[10])
{
    for (int i = 0; i < 4; i++) {
        double z = b[i];
        for (int d = 0; d < 10; d++)
            z += w[i][d] * old[d];
        out[i] = ex_sigma(z);
    }
}

static void expect_bits(int digit, const double old[10], double w[4][10],
                        const double b[4])
{
    double out[4];
    bit_outputs(out, w, b, old);
    for (int i = 0; i < 4; i++) {
        int bit = digit >> i & 1;
        ck_assert_msg(bit ? out[i] > 0.9 : out[i] < 0.1, _("digit %d: neuron %d "
                      "(bit %d) should output %s, got %.4f (all four: %.3f %.3f"
                      " %.3f %.3f)"), digit, i, bit, bit ? "> 0.9" : "< 0.1",
                      out[i], out[0], out[1], out[2], out[3]);
    }
}

START_TEST(test_a_clean_winner_gives_the_digit_in_binary)
{
    double w[4][10], b[4];
    ex_bit_layer(w, b);
    for (int digit = 0; digit < 10; digit++) {
        double old[10];
        for (int d = 0; d < 10; d++)
            old[d] = d == digit ? 0.99 : 0.01;
        expect_bits(digit, old, w, b);
    }
}
END_TEST

START_TEST(test_any_outputs_within_the_promised_bounds_work_too)
{
    double w[4][10], b[4];
    ex_bit_layer(w, b);
    uint64_t s = 8;
    for (int t = 0; t < 2000; t++) {
        int digit = t % 10;
        double old[10];
        for (int d = 0; d < 10; d++)   /* winner in [0.99, 1], others [0, 0.01] */
            old[d] = d == digit ? 0.99 + 0.01 * ex_rand(&s) : 0.01 * ex_rand(&s);
        if (t % 7 == 0)                /* the worst case: all at their bounds */
            for (int d = 0; d < 10; d++)
                old[d] = d == digit ? 0.99 : 0.01;
        expect_bits(digit, old, w, b);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("08_bit_layer");
    EX_ADD(s, test_a_clean_winner_gives_the_digit_in_binary);
    EX_ADD(s, test_any_outputs_within_the_promised_bounds_work_too);
    return ex_main(s);
}
