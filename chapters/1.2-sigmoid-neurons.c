/* 1.2-sigmoid-neurons - section 1.2, "Sigmoid neurons".
 *
 * Compares the sigmoid with the perceptron's step function, shows that a
 * small change in a weight moves a sigmoid neuron's output a little while
 * it can flip a perceptron's, checks the linear approximation
 *   d output ~ sum_j (d output / d w_j) dw_j + (d output / d b) db  (eq. 1.5)
 * numerically, and lets sigmoid neurons with weights and biases scaled by c
 * imitate the perceptron adder of section 1.1 as c grows.  Writes
 * OUT/sigmoid.tsv for the figure. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "lang.h"
#include "nndl.h"

#define N_IN 3   /* inputs of the single neuron in parts 2 and 3 */

/* Part 1: sigma(z) next to step(z); the table on stdout, a fine grid to
 * OUT/sigmoid.tsv (columns z, step, sigmoid, sigmoid_prime). */
static void sigmoid_vs_step(const char *out_dir)
{
    AtomicFile af;
    printf(_("1. The sigmoid against the step function\n\n"
           "      z   | step(z) | sigmoid(z) | sigmoid'(z)\n"));
    for (int k = -6; k <= 6; k++)
        printf("    %4d  |    %g    |   %.4f   |   %.4f\n", k, step(k),
               sigmoid(k), sigmoid_prime(k));
    printf(_("\n   Look for: far from 0 the two agree (sigmoid near 0 or 1); near\n"
           "   z = 0 the sigmoid is smooth while the step jumps.  The slope\n"
           "   sigmoid'(z) is largest, 1/4, at z = 0.\n"));
    FILE *f = cli_create_in(&af, out_dir, "sigmoid.tsv");
    fprintf(f, "z\tstep\tsigmoid\tsigmoid_prime\n");
    for (int k = -160; k <= 160; k++) {
        double z = k / 20.0;
        fprintf(f, "%.2f\t%g\t%.6f\t%.6f\n", z, step(z), sigmoid(z),
                sigmoid_prime(z));
    }
    cli_commit(&af);
    printf(_("   Wrote %s/sigmoid.tsv for the figure.\n\n"), out_dir);
}

/* A neuron with random inputs and weights whose bias puts z at -0.05,
 * just below the perceptron's threshold.  x1 >= 0.5, so a small change
 * in w1 moves z by a visible amount. */
static double example_neuron(double *w, double *x, Rng *rng)
{
    for (int j = 0; j < N_IN; j++) {
        x[j] = rng_uniform(rng);
        w[j] = 4 * rng_uniform(rng) - 2;
    }
    x[0] = 0.5 + 0.5 * x[0];
    return -0.05 - neuron_z(w, x, 0.0, N_IN);
}

static void small_change(const double *w0, const double *x, double b)
{
    double w[N_IN];
    memcpy(w, w0, sizeof w);
    printf(_("2. A small change in one weight\n"
           "   inputs x = (%.3f, %.3f, %.3f), weights w = (%.3f, %.3f, %.3f),\n"
           "   bias b = %.3f, so z = w.x + b = %.3f\n\n"
           "    w1 change | z      | perceptron | sigmoid neuron\n"),
           x[0], x[1], x[2], w[0], w[1], w[2], b, neuron_z(w, x, b, N_IN));
    for (int k = 0; k <= 2; k++) {
        w[0] = w0[0] + k * 0.04 / x[0];       /* moves z by 0.04 per row */
        printf("    %+9.4f | %+.3f |     %d      |    %.4f\n", w[0] - w0[0],
               neuron_z(w, x, b, N_IN), perceptron(w, x, b, N_IN),
               sigmoid_neuron(w, x, b, N_IN));
    }
    printf(_("\n   Look for: the perceptron's output flips from 0 to 1 the moment\n"
           "   z crosses 0, while the sigmoid neuron's output creeps up by\n"
           "   about 0.01 per step.  Small changes in, small changes out:\n"
           "   that is what lets a network of sigmoid neurons learn.\n\n"));
}

/* book: linear_change */
/* eq. 1.5 for one sigmoid neuron: d output/d w_j = sigma'(z) x_j and
 * d output/d b = sigma'(z), so the predicted change is
 * sigma'(z) (sum_j x_j dw_j + db). */
static double predicted_change(const double *w, const double *x, double b,
                               const double *dw, double db)
{
    double z = neuron_z(w, x, b, N_IN);
    return sigmoid_prime(z) * (neuron_z(dw, x, db, N_IN));
}
/* end book: linear_change */

static void linear_approximation(const double *w, const double *x, double b,
                                 Rng *rng)
{
    double dir[N_IN], dir_b = 2 * rng_uniform(rng) - 1;
    for (int j = 0; j < N_IN; j++)
        dir[j] = 2 * rng_uniform(rng) - 1;
    printf(_("3. The change in output is linear in small changes (eq. 1.5)\n"
           "   Change every weight and the bias by a random direction times\n"
           "   a scale s, and compare the true change in the output with\n"
           "   sigma'(z) (sum_j x_j dw_j + db):\n\n"
           "       s    | true change  | linear estimate | relative error\n"));
    for (double s = 1.0; s > 1e-5; s /= 10) {
        double dw[N_IN], w2[N_IN], db = s * dir_b;
        for (int j = 0; j < N_IN; j++)
            dw[j] = s * dir[j], w2[j] = w[j] + dw[j];
        double truth = sigmoid_neuron(w2, x, b + db, N_IN) -
                       sigmoid_neuron(w, x, b, N_IN);
        double guess = predicted_change(w, x, b, dw, db);
        printf("    %7.0e | %+.5e | %+.5e    | %.2e\n", s, truth, guess,
               fabs(guess - truth) / fabs(truth));
    }
    printf(_("\n   Look for: the relative error shrinks about tenfold each time\n"
           "   the change shrinks tenfold: for small changes the output moves\n"
           "   by (almost exactly) the weighted sum of the partial derivatives.\n\n"));
}

/* A NAND gate made of a sigmoid neuron with weights and bias scaled by c;
 * inputs may be anywhere in [0, 1]. */
static double nand_c(double c, double a1, double a2)
{
    return sigmoid(c * (-2 * a1 - 2 * a2 + 3));
}

/* The adder of section 1.1 with every perceptron replaced by nand_c:
 * returns the largest distance from the perceptron adder's outputs. */
static double adder_c(double c, double *out)
{
    double worst = 0;
    for (int k = 0; k < 4; k++) {
        int x1 = k >> 1, x2 = k & 1, sum, carry;
        double g1 = nand_c(c, x1, x2);
        double g2 = nand_c(c, x1, g1), g3 = nand_c(c, x2, g1);
        out[2 * k] = nand_c(c, g2, g3);
        out[2 * k + 1] = nand_c(c, g1, g1);
        perceptron_adder(x1, x2, &sum, &carry);
        worst = fmax(worst, fmax(fabs(out[2 * k] - sum),
                                 fabs(out[2 * k + 1] - carry)));
    }
    return worst;
}

static void scaled_network(void)
{
    static const double cs[] = {1, 2, 5, 10, 100};
    printf(_("4. Sigmoid neurons imitate perceptrons when scaled up\n"
           "   Take the NAND adder of section 1.1 and replace every perceptron\n"
           "   by a sigmoid neuron with weights and bias multiplied by c > 0.\n"
           "   (sum, carry) for inputs 00, 01, 10, 11 (perceptrons: 00 10 10 01):\n\n"
           "       c  | 00          01          10          11          | max error\n"));
    for (size_t i = 0; i < sizeof cs / sizeof *cs; i++) {
        double out[8];
        double worst = adder_c(cs[i], out);
        printf("    %4g  |", cs[i]);
        for (int k = 0; k < 4; k++)
            printf(" %.3f %.3f", out[2 * k], out[2 * k + 1]);
        printf(" | %.1e\n", worst);
    }
    printf(_("\n   Look for: as c grows every output goes to the perceptron's 0 or 1:\n"
           "   c (w.x + b) runs off to +/- infinity and sigmoid becomes step.\n"
           "   That works because w.x + b is never exactly 0 in this circuit\n"
           "   (it is 3, 1 or -1 for binary inputs).\n\n"));
}

static void zero_z(void)
{
    const double w[2] = {1, 1}, x[2] = {1, 0};
    printf(_("5. What goes wrong when w.x + b = 0\n"
           "   A perceptron with w = (1, 1), b = -1 on the input (1, 0) has\n"
           "   w.x + b = 0, so it outputs 0.  The scaled sigmoid neuron:\n\n"
           "        c  | perceptron | sigmoid(c (w.x + b))\n"));
    for (double c = 1; c <= 1000; c *= 10)
        printf("    %5g  |     %d      |   %.4f\n", c, perceptron(w, x, -1, 2),
               sigmoid(c * neuron_z(w, x, -1, 2)));
    printf(_("\n   Look for: the sigmoid neuron stays at 0.5 for every c, neither\n"
           "   0 nor 1: on the boundary w.x + b = 0 no scaling can make it\n"
           "   behave like the perceptron.\n"));
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    const char *out_dir = "results";
    const CliFlag flags[] = {
        CLI_FLAG_SEED(&seed, N_("seed for the example neuron")),
        CLI_FLAG_OUT_DIR(&out_dir, N_("where to write sigmoid.tsv")),
    };
    const CliProgram prog = {
        N_("Section 1.2: the sigmoid neuron against the perceptron."),
        flags, sizeof flags / sizeof *flags, NULL};
    cli_init(argv[0]);
    cli_parse(&prog, argc, argv);
    cli_out_dir(out_dir);
    cli_output("--out-dir", cli_path_in(out_dir, "sigmoid.tsv"));
    printf(_("Section 1.2: Sigmoid neurons\n\n"
           "A sigmoid neuron takes inputs anywhere in [0, 1] and outputs\n"
           "sigmoid(w.x + b) = 1 / (1 + exp(-(w.x + b))) instead of 0 or 1.\n\n"));
    sigmoid_vs_step(out_dir);
    Rng rng;
    double w[N_IN], x[N_IN];
    rng_seed(&rng, seed);
    double b = example_neuron(w, x, &rng);
    small_change(w, x, b);
    linear_approximation(w, x, b, &rng);
    scaled_network();
    zero_z();
    return 0;
}
