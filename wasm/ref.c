/* ref.c - the native side of the exactness test (tests/wasm/exact.js):
 * prints what the WebAssembly module must reproduce.
 *
 *   ref expf STRIDE        probe_expf's two arrays, raw float32 on stdout
 *   ref exp STRIDE         probe_exp's two arrays, raw float64 on stdout
 *   ref expf-of HEX        probe_expf_of(0xHEX) in hex
 *   ref feedforward SIZES SEED N DIR
 *                          the network network_create(SIZES) makes from
 *                          SEED, fed the first N test images of DIR: for
 *                          each, every layer's activations after the input,
 *                          as raw little-endian float32 on stdout
 *   ref classify NET INK W H
 *                          the draw-a-digit figure natively: the W x H
 *                          floats of file INK through digit_to_mnist, then
 *                          the network of NET (network_load): the 784
 *                          pixels, then every layer's activations after the
 *                          input, raw float32 on stdout
 * A test tool: bad arguments get one line and exit 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nndl.h"
#include "probe.h"

static int usage(void)
{
    fprintf(stderr, "usage: ref expf|exp STRIDE | ref feedforward "
            "SIZES SEED N DIR | ref expf-of HEX | ref classify NET INK W H\n");
    return 2;
}

static int classify(const char *net_path, const char *ink_path, int w, int h)
{
    char err[NNDL_ERRLEN];
    Network *net;
    float x[784];
    if (w < 1 || h < 1 || w > DIGIT_MAX_SIDE || h > DIGIT_MAX_SIDE)
        return usage();
    float *ink = malloc((size_t)w * h * sizeof *ink);
    FILE *f = fopen(ink_path, "rb");
    if (!ink || !f || fread(ink, sizeof *ink, (size_t)w * h, f) != (size_t)w * h)
        return fprintf(stderr, "ref: %s: cannot read %d x %d floats\n", ink_path, w, h), 1;
    fclose(f);
    if (digit_to_mnist(x, ink, w, h, err) != NNDL_OK)
        return fprintf(stderr, "ref: %s\n", err), 1;
    if (network_load(&net, net_path, err) != NNDL_OK)
        return fprintf(stderr, "ref: %s\n", err), 1;
    network_feedforward(net, x);
    fwrite(x, sizeof(float), 784, stdout);
    for (int l = 1; l < net->num_layers; l++)
        fwrite(net->a[l], sizeof(float), (size_t)net->sizes[l], stdout);
    network_free(net);
    free(ink);
    return 0;
}

static int feedforward(const char *sizes_arg, unsigned seed, size_t n,
                       const char *dir)
{
    int sizes[NETWORK_MAX_LAYERS], L = 0;
    char err[NNDL_ERRLEN], path[2][4096];
    for (const char *p = sizes_arg; *p && L < NETWORK_MAX_LAYERS; L++) {
        sizes[L] = (int)strtol(p, (char **)&p, 10);
        p += *p == ',';
    }
    Dataset test;
    snprintf(path[0], sizeof path[0], "%s/t10k-images-idx3-ubyte", dir);
    snprintf(path[1], sizeof path[1], "%s/t10k-labels-idx1-ubyte", dir);
    if (mnist_load(&test, path[0], path[1], err) != NNDL_OK)
        return fprintf(stderr, "ref: %s\n", err), 1;
    Rng rng;
    rng_seed(&rng, seed);
    Network *net = network_create(sizes, L, &rng);
    float *x = malloc(test.dim * sizeof *x);
    if (!net || !x || n > test.n || test.dim != (size_t)sizes[0])
        return fprintf(stderr, "ref: bad sizes or N\n"), 2;
    for (size_t i = 0; i < n; i++) {
        dataset_x(x, &test, i);
        network_feedforward(net, x);
        for (int l = 1; l < L; l++)
            fwrite(net->a[l], sizeof(float), (size_t)sizes[l], stdout);
    }
    free(x);
    network_free(net);
    dataset_free(&test);
    return 0;
}

/* probe_expf or probe_exp's arrays, e then s, to stdout. */
static int probe(int doubles, uint32_t stride)
{
    size_t n = probe_count(stride), size = doubles ? sizeof(double) : sizeof(float);
    void *e = malloc(n * size), *s = malloc(n * size);
    if (!e || !s || stride == 0)
        return fprintf(stderr, "ref: out of memory or stride 0\n"), 2;
    if (doubles)
        probe_exp(e, s, stride);
    else
        probe_expf(e, s, stride);
    fwrite(e, size, n, stdout);
    fwrite(s, size, n, stdout);
    free(e), free(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && (!strcmp(argv[1], "expf") || !strcmp(argv[1], "exp")))
        return probe(!strcmp(argv[1], "exp"), (uint32_t)atol(argv[2]));
    if (argc == 6 && !strcmp(argv[1], "feedforward"))
        return feedforward(argv[2], (unsigned)atol(argv[3]),
                           (size_t)atol(argv[4]), argv[5]);
    if (argc == 3 && !strcmp(argv[1], "expf-of"))
        return printf("%08x\n", probe_expf_of((uint32_t)strtoul(argv[2], NULL, 16))), 0;
    if (argc == 6 && !strcmp(argv[1], "classify"))
        return classify(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]));
    return usage();
}
