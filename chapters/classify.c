/* classify - your own handwriting through the chapter's network.
 *
 * Reads PNG images of one digit each (libpng), makes them look like MNIST
 * (grey, light ink on a dark background, then lib/digit.c: cropped, scaled
 * to fit 20 x 20, centred by mass in 28 x 28), shows the 28 x 28 the
 * network sees, and the network's 10 outputs.  The network is one saved by
 * `bin/1.6-mnist-sgd --save`; the build saves the chapter's own in
 * results/network.nndl. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "cli.h"
#include "nndl.h"

#define DEFAULT_NET "results/network.nndl"

/* A flat image (the digit no darker or lighter than the paper by this
 * much, on the 0..1 grey scale) has no digit on it. */
#define MIN_CONTRAST 0.1f

/* Grain of the paper (in a photo): a pixel less than this many median
 * absolute deviations of the frame above the paper's level is paper.  6
 * MADs are 4 standard deviations of Gaussian noise. */
#define GRAIN_MADS 6.0f

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* The median of the n floats of b (sorted in place). */
static float median(float *b, size_t n)
{
    qsort(b, n, sizeof *b, cmp_float);
    return b[(n - 1) / 2];
}

/* The level of the paper and of its grain: the median m of the image's
 * outer frame and its median absolute deviation (MAD). */
static void paper_level(float *m, float *mad, const float *v, int w, int h)
{
    size_t n = 0;
    float *b = malloc((2 * (size_t)w + 2 * (size_t)h) * sizeof *b);
    if (!b) {
        *m = 0.0f, *mad = 0.0f;
        return;
    }
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (y == 0 || x == 0 || y == h - 1 || x == w - 1)
                b[n++] = v[(size_t)y * w + x];
    *m = median(b, n);
    for (size_t k = 0; k < n; k++)
        b[k] = b[k] > *m ? b[k] - *m : *m - b[k];
    *mad = median(b, n);
    free(b);
}

/* Grey levels v (0 = black .. 1 = white) into ink (0 = paper .. 1 = ink):
 * inverted when the frame is light (dark ink on light paper); then the
 * paper, up to GRAIN_MADS times its grain above its level, becomes 0 and
 * the strongest ink 1.  A clean drawing (a flat frame) is left as it is;
 * an image with too little contrast becomes blank. */
static void grey_to_ink(float *v, int w, int h)
{
    size_t n = (size_t)w * h;
    float paper, grain, top = 0.0f;
    paper_level(&paper, &grain, v, w, h);
    if (paper > 0.5f)
        for (size_t i = 0; i < n; i++)
            v[i] = 1.0f - v[i];
    paper = paper > 0.5f ? 1.0f - paper : paper;
    for (size_t i = 0; i < n; i++)
        top = v[i] > top ? v[i] : top;
    float floor = paper + GRAIN_MADS * grain;
    for (size_t i = 0; i < n; i++) {
        float s = top - floor < MIN_CONTRAST ? 0.0f : (v[i] - floor) / (top - floor);
        v[i] = s < 0.0f ? 0.0f : s > 1.0f ? 1.0f : s;
    }
}

/* Pixels of an 8-bit grey + alpha image (libpng converts any PNG to it)
 * as ink: from the opacity when some pixel is transparent (a stroke on a
 * transparent canvas), else from the grey levels (grey_to_ink). */
static void ga_to_ink(float *ink, const unsigned char *ga, int w, int h)
{
    size_t n = (size_t)w * h;
    int opaque = 1;
    for (size_t i = 0; i < n; i++)
        opaque &= ga[2 * i + 1] == 255;
    for (size_t i = 0; i < n; i++)
        ink[i] = ga[2 * i + !opaque] / 255.0f;
    if (opaque)
        grey_to_ink(ink, w, h);
}

/* Decodes the PNG read from f as ink (w x h floats, the caller frees
 * them).  NULL with err set (naming path) on failure. */
static float *decode_png(FILE *f, const char *path, int *w, int *h, char *err)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_stdio(&im, f))
        return nndl_fail(err, NNDL_ERR_FORMAT, _("%s: not a PNG image (%s)"),
                         path, im.message), NULL;
    if (im.width > DIGIT_MAX_SIDE || im.height > DIGIT_MAX_SIDE) {
        nndl_fail(err, NNDL_ERR_FORMAT, _("%s: %u x %u pixels is too large (at "
                  "most %d a side)"), path, im.width, im.height, DIGIT_MAX_SIDE);
        return png_image_free(&im), NULL;
    }
    im.format = PNG_FORMAT_GA;
    unsigned char *ga = malloc(PNG_IMAGE_SIZE(im));
    float *ink = malloc((size_t)im.width * im.height * sizeof *ink);
    if (!ga || !ink)
        nndl_fail(err, NNDL_ERR_NOMEM, _("%s: out of memory"), path);
    else if (!png_image_finish_read(&im, NULL, ga, 0, NULL))
        nndl_fail(err, NNDL_ERR_FORMAT, _("%s: a broken PNG (%s)"), path, im.message);
    else {
        *w = (int)im.width, *h = (int)im.height;
        ga_to_ink(ink, ga, *w, *h);
        free(ga);
        return ink;
    }
    free(ga), free(ink), png_image_free(&im);
    return NULL;
}

/* The PNG file at path as ink; NULL with err set on failure. */
static float *read_png_ink(const char *path, int *w, int *h, char *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        nndl_fail(err, NNDL_ERR_IO, _("%s: cannot open (%s)"), path, strerror(errno));
        return NULL;
    }
    float *ink = decode_png(f, path, w, h, err);
    fclose(f);
    return ink;
}

/* The PNG at path as MNIST's 28 x 28 input x; err names the file. */
static NndlStatus png_to_mnist(float *x, const char *path, char *err)
{
    int w, h;
    char why[NNDL_ERRLEN];
    float *ink = read_png_ink(path, &w, &h, err);
    if (!ink)
        return NNDL_ERR_FORMAT;
    NndlStatus st = digit_to_mnist(x, ink, w, h, why);
    free(ink);
    if (st != NNDL_OK)      /* "digit: the image is blank ..." */
        return nndl_fail(err, st, _("%s: no digit found: %s"), path,
                         strncmp(why, "digit: ", 7) ? why : why + 7);
    return NNDL_OK;
}

/* The 28 x 28 input as text, two characters per pixel, darkest to lightest
 * ink " .:-=+*#%@", in a frame. */
static void show_digit(const float *x)
{
    static const char ramp[] = " .:-=+*#%@";
    printf("+--------------------------------------------------------+\n");
    for (int y = 0; y < DIGIT_SIDE; y++) {
        putchar('|');
        for (int c = 0; c < DIGIT_SIDE; c++) {
            int k = (int)(x[y * DIGIT_SIDE + c] * 9.0f + 0.5f);
            putchar(ramp[k]), putchar(ramp[k]);
        }
        printf("|\n");
    }
    printf("+--------------------------------------------------------+\n");
}

/* The 10 output activations as bars; returns the network's digit. */
static int show_outputs(const float *a)
{
    int best = 0;
    for (int j = 1; j < MNIST_CLASSES; j++)
        best = a[j] > a[best] ? j : best;
    for (int j = 0; j < MNIST_CLASSES; j++) {
        printf("  %d  %.3f  ", j, a[j]);
        for (int k = 0; k < (int)(a[j] * 40.0f + 0.5f); k++)
            putchar('#');
        printf("%s\n", j == best ? "  <-" : "");
    }
    return best;
}

/* Shows x and what net makes of it. */
static void classify(Network *net, const float *x, const char *name)
{
    printf(_("%s, as the network sees it (28 x 28):\n"), name);
    show_digit(x);
    printf(_("The network's 10 outputs:\n"));
    int d = show_outputs(network_feedforward(net, x));
    printf(_("%s: the network reads a %d.\n\n"), name, d);
}

typedef struct {
    const char *net, *data;
    const char *mnist_test;     /* NULL: none */
    long test_image;            /* its number, 0..9999 */
    char **images;
    int n_images;
} Options;

static void parse(Options *o, int argc, char **argv)
{
    const CliFlag flags[] = {
        {"net", CLI_TEXT, &o->net, "FILE", 0, 0,
         N_("the network, saved by bin/1.6-mnist-sgd --save;\n"
         "make trains and saves the chapter's"), NULL},
        {"mnist-test", CLI_TEXT, &o->mnist_test, "N", 0, 0,
         N_("also classify MNIST test image N (0..9999), to compare"), NULL},
        CLI_FLAG_DATA(&o->data),
    };
    const CliProgram prog = {
        N_("Classifies PNG images of one handwritten digit each: each is made\n"
        "to look like MNIST (grey, light on dark, cropped, scaled to fit\n"
        "20x20, centred by mass in 28x28), shown, then the network's 10\n"
        "outputs."),
        flags, sizeof flags / sizeof *flags,
        N_("Write with a thick pen: MNIST's strokes are 2-3 pixels wide in 28x28.\n"
        "A file that is not a PNG, or shows no digit, is reported and skipped;\n"
        "the exit status is then 1.")};
    int first = cli_parse_operands(&prog, "IMAGE.png...", argc, argv);
    o->images = argv + first, o->n_images = argc - first;
    for (int i = 0; i < o->n_images; i++)
        if (!strncmp(o->images[i], "--", 2))
            cli_die(2, _("%s after the images (expected the flags first)"),
                    o->images[i]);
    if (o->mnist_test)
        o->test_image = cli_long("--mnist-test", o->mnist_test, 0, 9999);
    if (o->n_images == 0 && !o->mnist_test)
        cli_die(2, _("no image given (expected IMAGE.png..., or --mnist-test N; "
                "see --help)"));
}

/* The network of path, checked to take 784 pixels and give 10 outputs. */
static Network *load_net(const char *path)
{
    Network *net;
    char err[NNDL_ERRLEN];
    if (network_load(&net, path, err) != NNDL_OK)
        cli_die(1, "%s%s", err, strcmp(path, DEFAULT_NET) ? "" :
                _(" (run 'make' to train and save the chapter's network)"));
    if (net->sizes[0] != DIGIT_SIDE * DIGIT_SIDE
        || net->sizes[net->num_layers - 1] != MNIST_CLASSES)
        cli_die(1, _("%s: the network takes %d inputs and gives %d outputs "
                "(expected %d and %d, an MNIST network)"), path, net->sizes[0],
                net->sizes[net->num_layers - 1], DIGIT_SIDE * DIGIT_SIDE,
                MNIST_CLASSES);
    return net;
}

/* The MNIST test image k, as the network was tested on it. */
static void classify_mnist_test(Network *net, const char *dir, long k)
{
    MnistSplit d;
    float x[DIGIT_SIDE * DIGIT_SIDE];
    char name[64];
    cli_load_data(&d, dir, "mnist");
    dataset_x(x, &d.test, (size_t)k);
    snprintf(name, sizeof name, _("MNIST test image %ld (a %d)"), k, d.test.y[k]);
    classify(net, x, name);
    mnist_split_free(&d);
}

int main(int argc, char **argv)
{
    Options o = {DEFAULT_NET, NULL, NULL, 0, NULL, 0};
    cli_init(argv[0]);
    parse(&o, argc, argv);
    Network *net = load_net(o.net);
    int failed = 0;
    for (int i = 0; i < o.n_images; i++) {
        char err[NNDL_ERRLEN];
        float x[DIGIT_SIDE * DIGIT_SIDE];
        if (png_to_mnist(x, o.images[i], err) == NNDL_OK)
            classify(net, x, o.images[i]);
        else
            fprintf(stderr, "%s: %s\n", cli_prog(), err), failed = 1;
    }
    if (o.mnist_test)
        classify_mnist_test(net, o.data, o.test_image);
    network_free(net);
    return failed;
}
