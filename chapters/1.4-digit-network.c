/* 1.4-digit-network - section 1.4, "A simple network to classify
 * handwritten digits".
 *
 * Loads MNIST, draws the first training digits in the terminal, describes
 * the chapter's [784, 15, 10] network and what its untrained outputs look
 * like, and builds the extra layer that turns the 10 outputs into a 4-bit
 * binary code, checked on all ten digits.  Writes OUT/digits-grid.tsv (a
 * 10 x 10 grid of the first 100 training images as one 280 x 280 matrix)
 * and OUT/digits-labels.tsv for the figure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "lang.h"
#include "nndl.h"

#define GRID 10   /* the figure shows GRID x GRID digits */

typedef struct {
    uint64_t seed;
    long count;
    const char *data, *out_dir;
} Options;

static void parse(Options *o, int argc, char **argv)
{
    const CliFlag flags[] = {
        {"count", CLI_LONG, &o->count, "N", 1, 60,
         N_("digits to draw in the terminal"), NULL},
        CLI_FLAG_SEED(&o->seed, N_("seed for the untrained network")),
        CLI_FLAG_DATA(&o->data),
        CLI_FLAG_OUT_DIR(&o->out_dir, N_("where to write the digit grid")),
    };
    const CliProgram prog = {
        N_("Section 1.4: the MNIST digits and the [784, 15, 10] network."),
        flags, sizeof flags / sizeof *flags, NULL};
    cli_parse(&prog, argc, argv);
}

/* A pixel 0..255 (0 = white paper, 255 = black ink) as a character. */
static char shade(unsigned char p)
{
    static const char ramp[] = " .:-=+*#%@";
    return ramp[(p * (sizeof ramp - 2) + 127) / 255];
}

/* book: draw_digits */
/* Draws examples [first, first + n) of ds side by side; rows that are
 * blank in every one of them are skipped. */
static void draw_row(const Dataset *ds, size_t first, size_t n)
{
    for (size_t i = first; i < first + n; i++)
        printf(_("   label %d%*s"), ds->y[i], ds->cols - 7, "");
    printf("\n");
    for (int r = 0; r < ds->rows; r++) {
        int ink = 0;
        for (size_t i = first; i < first + n; i++)
            for (int c = 0; c < ds->cols; c++)
                ink |= ds->x[i * ds->dim + (size_t)r * ds->cols + c];
        if (!ink)
            continue;
        for (size_t i = first; i < first + n; i++) {
            printf("   ");
            for (int c = 0; c < ds->cols; c++)
                putchar(shade(ds->x[i * ds->dim + (size_t)r * ds->cols + c]));
        }
        printf("\n");
    }
}
/* end book: draw_digits */

static void show_digits(const MnistSplit *d, long count)
{
    printf(_("1. The data\n"
           "   %zu training images, %zu validation images, %zu test images,\n"
           "   each %d x %d pixels from 0 (white) to 255 (black), with labels.\n"
           "   The first %ld training images:\n\n"), d->training.n,
           d->validation.n, d->test.n, d->training.rows, d->training.cols,
           count);
    for (long i = 0; i < count; i += 3)
        draw_row(&d->training, (size_t)i, count - i < 3 ? (size_t)(count - i) : 3);
    printf(_("\n   Look for: the same digit is written in many ways (slant, stroke\n"
           "   width, loops); that variety is what makes rules hard to write\n"
           "   by hand and examples worth learning from.\n\n"));
}

/* The first GRID x GRID training images as one matrix of pixels for
 * gnuplot's `matrix with image`, and their labels. */
static void write_grid(const Dataset *ds, const char *out_dir)
{
    AtomicFile af;
    int side = GRID * ds->rows;
    FILE *f = cli_create_in(&af, out_dir, "digits-grid.tsv");
    for (int r = 0; r < side; r++)
        for (int c = 0; c < side; c++) {
            size_t i = (size_t)(r / ds->rows) * GRID + c / ds->cols;
            fprintf(f, "%d%c", ds->x[i * ds->dim + (size_t)(r % ds->rows) *
                                     ds->cols + c % ds->cols],
                    c + 1 < side ? '\t' : '\n');
        }
    cli_commit(&af);
    f = cli_create_in(&af, out_dir, "digits-labels.tsv");
    fprintf(f, "row\tcol\tlabel\n");
    for (size_t i = 0; i < GRID * GRID; i++)
        fprintf(f, "%zu\t%zu\t%d\n", i / GRID, i % GRID, ds->y[i]);
    cli_commit(&af);
    printf(_("   Wrote %s/digits-grid.tsv and digits-labels.tsv (the first %d\n"
           "   training images) for the figure.\n\n"), out_dir, GRID * GRID);
}

static void untrained_network(const Dataset *train, uint64_t seed)
{
    const int sizes[3] = {784, 15, 10};
    Rng rng;
    float x[784];
    rng_seed(&rng, seed);
    Network *net = network_create(sizes, 3, &rng);
    if (!net)
        cli_die(1, _("out of memory creating the network"));
    printf(_("2. The network [784, 15, 10]\n"
           "   784 input neurons, one per pixel (0.0 white .. 1.0 black);\n"
           "   15 hidden neurons; 10 output neurons, one per digit: the\n"
           "   network's answer is the output neuron with the largest\n"
           "   activation.  Parameters: 784 x 15 + 15 + 15 x 10 + 10 = %zu.\n\n"
           "   Untrained (weights and biases from N(0, 1), seed %llu), its\n"
           "   outputs for the first image (a %d):\n\n"),
           network_num_params(net), (unsigned long long)seed, train->y[0]);
    dataset_x(x, train, 0);
    const float *a = network_feedforward(net, x);
    int guess = network_predict(net, x);
    for (int j = 0; j < 10; j++)
        printf(_("     output %d: %.4f%s\n"), j, a[j], j == guess ? _("  <- largest") : "");
    printf(_("\n   It answers %d for a %d.  Look for: the untrained network's answer\n"
           "   is arbitrary, and many outputs sit near 0 or 1: with 784\n"
           "   inputs and N(0, 1) weights the weighted inputs z are large, so\n"
           "   the sigmoids saturate.  Learning (section 1.5) fixes the weights.\n\n"),
           guess, train->y[0]);
    network_free(net);
}

/* book: four_bit_layer */
/* A layer of 4 sigmoid neurons on top of the 10 outputs: neuron k gets
 * weight +10 from output d when bit k of d is 1, else -10, and bias -5.
 * With the right output near 1 and the others near 0, neuron k's z is
 * about +5 or -15, so its activation is near 1 exactly when bit k is set. */
static Network *four_bit_layer(void)
{
    const int sizes[2] = {10, 4};
    Network *bits = network_create(sizes, 2, NULL);
    if (!bits)
        cli_die(1, _("out of memory creating the 4-bit layer"));
    for (int k = 0; k < 4; k++) {
        for (int d = 0; d < 10; d++)
            bits->w[0][k * 10 + d] = (d >> k) & 1 ? 10.0f : -10.0f;
        bits->b[0][k] = -5.0f;
    }
    return bits;
}
/* end book: four_bit_layer */

static void check_four_bits(void)
{
    Network *bits = four_bit_layer();
    int all_ok = 1;
    printf(_("3. Turning the 10 outputs into a 4-bit binary code\n"
           "   An extra layer of 4 sigmoid neurons: weight +10 from output d\n"
           "   into bit neuron k when bit k of d is 1, otherwise -10; bias -5.\n"
           "   Inputs: the old output layer with 0.99 on the right digit and\n"
           "   0.01 on the other nine.\n\n"
           "    digit | bit3   bit2   bit1   bit0  | code | check\n"));
    for (int d = 0; d < 10; d++) {
        float old[10];
        for (int j = 0; j < 10; j++)
            old[j] = j == d ? 0.99f : 0.01f;
        const float *a = network_feedforward(bits, old);
        int code = 0;
        for (int k = 0; k < 4; k++)
            code |= (a[k] > 0.5f) << k;
        all_ok &= code == d;
        printf("      %d   | %.4f %.4f %.4f %.4f | %d%d%d%d | %s\n", d, a[3],
               a[2], a[1], a[0], (code >> 3) & 1, (code >> 2) & 1,
               (code >> 1) & 1, code & 1, code == d ? _("ok") : _("WRONG"));
    }
    printf(_("\n   %s.  Look for: every bit neuron is near 0\n"
           "   or 1, so rounding gives the digit in binary.\n"), all_ok ?
           _("All ten digits come out right") : _("SOME DIGITS COME OUT WRONG"));
    network_free(bits);
}

int main(int argc, char **argv)
{
    Options o = {1, 6, NULL, "results"};
    MnistSplit d;
    cli_init(argv[0]);
    parse(&o, argc, argv);
    cli_out_dir(o.out_dir);
    cli_output("--out-dir", cli_path_in(o.out_dir, "digits-grid.tsv"));
    cli_output("--out-dir", cli_path_in(o.out_dir, "digits-labels.tsv"));
    const char *dir = cli_load_data(&d, o.data, "mnist");
    if (d.training.rows != 28 || d.training.cols != 28 ||
        d.training.n < GRID * GRID)
        cli_die(1, _("%s/train-images-idx3-ubyte: %zu images of %d x %d pixels "
                "(expected at least %d of 28 x 28, as MNIST)"), dir,
                d.training.n, d.training.rows, d.training.cols, GRID * GRID);
    printf(_("Section 1.4: A simple network to classify handwritten digits\n\n"));
    show_digits(&d, o.count);
    write_grid(&d.training, o.out_dir);
    untrained_network(&d.training, o.seed);
    check_four_bits();
    mnist_split_free(&d);
    return 0;
}
