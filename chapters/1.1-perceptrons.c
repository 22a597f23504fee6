/* 1.1-perceptrons - section 1.1, "Perceptrons".
 *
 * Shows a perceptron weighing evidence to make a decision, how a weight or
 * the threshold changes that decision, the NAND perceptron (w = -2, -2,
 * b = 3), the two-bit adder built only from NAND perceptrons, and, with
 * random weights drawn from --seed, which logic functions one perceptron
 * can compute at all (never XOR: that is why the adder needs layers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lang.h"
#include "nndl.h"

/* The evidence for one decision: three yes/no questions. */
static const char *const question[3] = {
    N_("the weather is dry"), N_("a friend comes along"),
    N_("the trail is near a train station")
};

/* Prints the decision for all 8 answers with weights w and threshold t
 * (bias b = -t, so the perceptron says yes when w . x > t). */
static void decision_table(const double *w, double t)
{
    printf(_("    dry friend train | w.x  | go? (w.x > %g)\n"), t);
    for (int k = 0; k < 8; k++) {
        double x[3] = {(k >> 2) & 1, (k >> 1) & 1, k & 1};
        double wx = neuron_z(w, x, 0.0, 3);
        printf("     %d     %d     %d   | %4g | %s\n", (int)x[0], (int)x[1],
               (int)x[2], wx, perceptron(w, x, -t, 3) ? _("yes") : _("no"));
    }
}

/* book: decision */
static void weighing_evidence(void)
{
    double w[3] = {6, 2, 2};
    printf(_("1. Weighing evidence\n"
           "   Should you go hiking on Saturday?  Three binary inputs:\n"));
    for (int j = 0; j < 3; j++)
        printf(_("     x%d = 1 if %s\n"), j + 1, _(question[j]));
    printf(_("   Weights w = (6, 2, 2): the weather matters most.  Threshold 5,\n"
           "   that is bias b = -5.\n\n"));
    decision_table(w, 5);
    printf(_("\n   Look for: with threshold 5 the answer is yes exactly when the\n"
           "   weather is dry; the other two inputs cannot outweigh it.\n\n"
           "   Lower the threshold to 3 (bias b = -3):\n\n"));
    decision_table(w, 3);
    printf(_("\n   Look for: dry weather is still enough on its own, and now a\n"
           "   friend plus a nearby station (2 + 2 = 4 > 3) is enough too: a\n"
           "   lower threshold makes the perceptron more eager.\n\n"
           "   Keep threshold 5 but raise the friend's weight from 2 to 4:\n\n"));
    w[1] = 4;
    decision_table(w, 5);
    printf(_("\n   Look for: a friend plus a station (4 + 2 = 6 > 5) now wins even\n"
           "   in the rain.  Changing one weight changed the decision rule.\n\n"));
}
/* end book: decision */

static void nand_table(void)
{
    const double w[2] = {-2, -2};
    printf(_("2. The NAND perceptron: weights (-2, -2), bias 3\n\n"
           "    x1 x2 | w.x + b | output | NAND\n"));
    for (int k = 0; k < 4; k++) {
        int x1 = k >> 1, x2 = k & 1;
        double x[2] = {x1, x2};
        printf("     %d  %d |   %2g    |   %d    |  %d\n", x1, x2,
               neuron_z(w, x, 3.0, 2), perceptron_nand(x1, x2),
               !(x1 && x2));
    }
    printf(_("\n   Look for: the output is 0 only when both inputs are 1.  Any\n"
           "   logical function can be built from NAND gates, so networks of\n"
           "   perceptrons can compute anything a circuit can.\n\n"));
}

/* book: adder */
static void adder_table(void)
{
    printf(_("3. Adding two bits with five NAND perceptrons\n"
           "   g1 = NAND(x1, x2), g2 = NAND(x1, g1), g3 = NAND(x2, g1),\n"
           "   sum = NAND(g2, g3), carry = NAND(g1, g1)\n\n"
           "    x1 x2 | g1 g2 g3 | sum carry | x1 + x2 | check\n"));
    int all_ok = 1;
    for (int k = 0; k < 4; k++) {
        int x1 = k >> 1, x2 = k & 1, sum, carry;
        int g1 = perceptron_nand(x1, x2);
        int g2 = perceptron_nand(x1, g1), g3 = perceptron_nand(x2, g1);
        perceptron_adder(x1, x2, &sum, &carry);
        int ok = 2 * carry + sum == x1 + x2 && sum == perceptron_nand(g2, g3)
                 && carry == perceptron_nand(g1, g1);
        all_ok &= ok;
        printf("     %d  %d |  %d  %d  %d |  %d    %d   |    %d    | %s\n", x1,
               x2, g1, g2, g3, sum, carry, x1 + x2, ok ? _("ok") : _("WRONG"));
    }
    printf(_("\n   %s: carry is the twos digit and sum the ones digit of\n"
           "   x1 + x2.  Note that g1 feeds three gates: one perceptron's single\n"
           "   output can be the input of many perceptrons.\n\n"),
           all_ok ? _("All four rows agree") : _("SOME ROWS DISAGREE"));
}
/* end book: adder */

/* The truth table of a two-input function as 4 bits, rows 00 01 10 11. */
static const char *const function_name[16] = {
    N_("always 0"), "AND", "x1 AND NOT x2", "x1", "NOT x1 AND x2", "x2", "XOR",
    "OR", "NOR", "XNOR", "NOT x2", "x1 OR NOT x2", "NOT x1", "NOT x1 OR x2",
    "NAND", N_("always 1")
};

static int truth_table(const double *w, double b)
{
    int code = 0;
    for (int k = 0; k < 4; k++) {
        double x[2] = {k >> 1, k & 1};
        code |= perceptron(w, x, b, 2) << (3 - k);
    }
    return code;
}

static void random_perceptrons(uint64_t seed, long samples)
{
    Rng rng;
    long count[16] = {0};
    rng_seed(&rng, seed);
    for (long s = 0; s < samples; s++) {
        double w[2] = {6 * rng_uniform(&rng) - 3, 6 * rng_uniform(&rng) - 3};
        double b = 6 * rng_uniform(&rng) - 3;
        count[truth_table(w, b)]++;
    }
    printf(_("4. What can one perceptron compute?\n"
           "   %ld perceptrons with weights and bias drawn uniformly from\n"
           "   [-3, 3] (seed %llu); the function of x1, x2 each one computes:\n\n"
           "    x1 x2 = 00 01 10 11 | function        | perceptrons\n"),
           samples, (unsigned long long)seed);
    for (int c = 0; c < 16; c++) {
        const char *f = _(function_name[c]);
        printf("             %d  %d  %d  %d | %-*s | %ld\n", (c >> 3) & 1,
               (c >> 2) & 1, (c >> 1) & 1, c & 1, lang_width(f, 15), f,
               count[c]);
    }
    printf(_("\n   Look for: XOR and XNOR never appear.  A perceptron splits its\n"
           "   inputs with one straight line, and no line separates {01, 10}\n"
           "   from {00, 11}.  The adder's sum bit is XOR: it needed a second\n"
           "   layer of perceptrons, which is why we build networks.\n"));
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    long samples = 10000;
    const CliFlag flags[] = {
        CLI_FLAG_SEED(&seed, N_("seed for the random perceptrons")),
        {"samples", CLI_LONG, &samples, "N", 1, 100000000,
         N_("how many random perceptrons to draw"), NULL},
    };
    const CliProgram prog = {
        N_("Section 1.1: perceptrons weigh evidence, a NAND perceptron, an\n"
        "adder built from NAND perceptrons, and which two-input functions\n"
        "a single perceptron with random weights can compute."),
        flags, sizeof flags / sizeof *flags, NULL};
    cli_init(argv[0]);
    cli_parse(&prog, argc, argv);
    printf(_("Section 1.1: Perceptrons\n\n"
           "A perceptron takes binary inputs x1, x2, ..., weighs each by a\n"
           "weight w_j and outputs 1 if w.x + b > 0, else 0.  The bias b is\n"
           "minus the threshold: how easy it is to make the perceptron fire.\n\n"));
    weighing_evidence();
    nand_table();
    adder_table();
    random_perceptrons(seed, samples);
    return 0;
}
