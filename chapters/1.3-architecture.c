/* 1.3-architecture - section 1.3, "The architecture of neural networks".
 *
 * Builds a feedforward network with two hidden layers, prints the shape of
 * every weight matrix and bias vector and the number of parameters, then
 * runs one input through it layer by layer, so that each layer's output is
 * visibly the next layer's input.  The last layer's activations are checked
 * against the library's network_feedforward. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lang.h"
#include "nndl.h"

#define MAX_SHOWN 12     /* neurons per layer, so the output stays readable */

static void print_vector(const char *name, const float *v, int n)
{
    printf("      %-5s = (", name);
    for (int j = 0; j < n; j++)
        printf("%s%.3f", j ? ", " : "", v[j]);
    printf(")\n");
}

static const char *layer_kind(const Network *net, int l)
{
    return l == 0 ? _("input") : l == net->num_layers - 1 ? _("output") :
           _("hidden");
}

static void describe(const Network *net)
{
    size_t total = 0;
    printf(_("1. The layers\n\n"));
    for (int l = 0; l < net->num_layers; l++)
        printf(ngettext("   layer %d (%s): %d neuron\n",
                        "   layer %d (%s): %d neurons\n", net->sizes[l]),
               l, layer_kind(net, l), net->sizes[l]);
    printf(_("\n   Between each pair of layers a weight matrix w and a bias vector b:\n\n"
           "    from -> to | w is rows x cols | b  | parameters\n"));
    for (int l = 0; l + 1 < net->num_layers; l++) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        size_t p = (size_t)n_out * n_in + n_out;
        total += p;
        printf("     %2d  -> %2d |     %2d x %-2d      | %2d | %d x %d + %d = %zu\n",
               l, l + 1, n_out, n_in, n_out, n_out, n_in, n_out, p);
    }
    printf(_("\n   Total: %zu weights and biases (the library counts %zu).\n"
           "   Row j of w holds the weights into neuron j of the next layer;\n"
           "   column k the weights out of neuron k of this layer.  The input\n"
           "   layer has no biases: its neurons just hold the input.\n\n"),
           total, network_num_params(net));
}

/* book: layer_forward */
/* a' = sigma(w a + b) for one layer: w is n_out x n_in, row-major. */
static void layer_forward(float *z, float *a_out, const float *w,
                          const float *b, const float *a, int n_in, int n_out)
{
    for (int j = 0; j < n_out; j++) {
        float zj = b[j];
        for (int k = 0; k < n_in; k++)
            zj += w[j * n_in + k] * a[k];
        z[j] = zj;
        a_out[j] = sigmoidf(zj);
    }
}
/* end book: layer_forward */

static void print_matrix(const float *w, int rows, int cols)
{
    for (int j = 0; j < rows; j++) {
        printf("        [");
        for (int k = 0; k < cols; k++)
            printf("%s%6.3f", k ? " " : "", w[j * cols + k]);
        printf(" ]\n");
    }
}

/* Runs x through net one layer at a time; returns the output in a. */
static void forward_by_hand(const Network *net, float *a, float *z)
{
    printf(_("2. A forward pass, one layer at a time\n\n"));
    print_vector("a0", a, net->sizes[0]);
    for (int l = 0; l + 1 < net->num_layers; l++) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        char name[16];
        printf(_("\n   layer %d -> %d: w (%d x %d) =\n"), l, l + 1, n_out, n_in);
        print_matrix(net->w[l], n_out, n_in);
        print_vector("b", net->b[l], n_out);
        float a_in[MAX_SHOWN];
        memcpy(a_in, a, (size_t)n_in * sizeof *a);
        layer_forward(z, a, net->w[l], net->b[l], a_in, n_in, n_out);
        snprintf(name, sizeof name, "z%d", l + 1);
        print_vector(name, z, n_out);
        snprintf(name, sizeof name, "a%d", l + 1);
        print_vector(name, a, n_out);
        printf(_("      (z = w a%d + b, a%d = sigmoid(z): a%d is %s)\n"), l, l + 1,
               l + 1, l + 2 < net->num_layers ? _("the input of the next step")
                                              : _("the network's output"));
    }
}

/* Reads the flags into sizes and seed. */
static void parse(CliSizes *sizes, uint64_t *seed, int argc, char **argv)
{
    const CliFlag flags[] = {
        {"sizes", CLI_SIZES, sizes, "LIST", 0, 0,
         N_("layer sizes, input first, at most 12 neurons\n"
         "per layer so the output stays readable"), NULL},
        CLI_FLAG_SEED(seed, N_("seed for the weights and the input")),
    };
    const CliProgram prog = {
        N_("Section 1.3: the layers of a feedforward network, their shapes and\n"
        "a forward pass printed layer by layer."),
        flags, sizeof flags / sizeof *flags, NULL};
    cli_parse(&prog, argc, argv);
    for (int l = 0; l < sizes->n; l++)
        if (sizes->size[l] > MAX_SHOWN)
            cli_die(2, _("--sizes: layer %d has %d neurons (expected at most %d "
                    "here, e.g. 6,4,3,1; see bin/1.4-digit-network for a big "
                    "one)"), l, sizes->size[l], MAX_SHOWN);
}

int main(int argc, char **argv)
{
    CliSizes layers = {4, {6, 4, 3, 1}, 0};
    uint64_t seed = 1;
    cli_init(argv[0]);
    parse(&layers, &seed, argc, argv);
    const int *sizes = layers.size, num_layers = layers.n;
    Rng rng;
    rng_seed(&rng, seed);
    Network *net = network_create(sizes, num_layers, &rng);
    if (!net)
        cli_die(1, _("out of memory creating the network"));
    printf(_("Section 1.3: The architecture of neural networks\n\n"));
    printf(ngettext("A feedforward network of sigmoid neurons with %d hidden layer,\n"
                    "weights and biases drawn from N(0, 1) (seed %llu).\n\n",
                    "A feedforward network of sigmoid neurons with %d hidden layers,\n"
                    "weights and biases drawn from N(0, 1) (seed %llu).\n\n",
                    num_layers - 2),
           num_layers - 2, (unsigned long long)seed);
    describe(net);

    float a[MAX_SHOWN], z[MAX_SHOWN], x[MAX_SHOWN];
    for (int k = 0; k < sizes[0]; k++)
        x[k] = a[k] = (float)rng_uniform(&rng);
    forward_by_hand(net, a, z);
    const float *out = network_feedforward(net, x);
    float diff = 0;
    for (int j = 0; j < sizes[num_layers - 1]; j++)
        diff = fmaxf(diff, fabsf(out[j] - a[j]));
    printf(_("\n   network_feedforward gives the same output (%s).\n\n   Look for: information only flows forward, from a0 to the "
           "output;\n   every vector a above is computed from the one before it "
           "alone.\n   There are no loops: this is a feedforward network.\n"),
           diff < 1e-5f ? _("largest difference below 1e-5") : _("NOT THE SAME"));
    network_free(net);
    return diff < 1e-5f ? 0 : 1;
}
