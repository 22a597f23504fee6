/* fuzz_model.c - the model-file reader (network_load) on a file holding
 * the fuzzer's bytes.
 *
 * Properties: no crash, leak or read past the end (ASan); a rejected file
 * gives one line in err and no network; an accepted one has legal sizes,
 * finite parameters, runs a forward pass, and saving it again gives back
 * exactly the bytes that were read (the format has one spelling per
 * network). */
#include "fuzz.h"
#include "network.h"

/* Saves net and insists the file equals data[0..size). */
static void check_round_trip(const Network *net, const uint8_t *data,
                             size_t size)
{
    char err[NNDL_ERRLEN];
    const char *again = fuzz_path(1, "again.nndl");
    FUZZ_ASSERT(network_save(net, again, err) == NNDL_OK);
    FILE *f = fopen(again, "rb");
    FUZZ_ASSERT(f != NULL);
    uint8_t *back = malloc(size + 1);
    FUZZ_ASSERT(back != NULL);
    size_t n = fread(back, 1, size + 1, f);
    fclose(f);
    FUZZ_ASSERT(n == size && memcmp(back, data, size) == 0);
    free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_path(0, "model.nndl");
    char err[NNDL_ERRLEN] = "";
    Network *net = (Network *)1;
    fuzz_write(path, data, size, 0);
    NndlStatus st = network_load(&net, path, err);
    fuzz_say(st == NNDL_OK ? "ok" : err);
    if (st != NNDL_OK) {
        FUZZ_ASSERT(net == NULL);
        size_t len = strnlen(err, NNDL_ERRLEN);
        FUZZ_ASSERT(len > 0 && len < NNDL_ERRLEN && !strchr(err, '\n'));
        return 0;
    }
    FUZZ_ASSERT(net != NULL);
    FUZZ_ASSERT(net->num_layers >= 2 && net->num_layers <= NETWORK_MAX_LAYERS);
    for (int l = 0; l < net->num_layers; l++)
        FUZZ_ASSERT(net->sizes[l] >= 1);
    FUZZ_ASSERT(network_is_finite(net));
    float *x = calloc((size_t)net->sizes[0], sizeof *x);
    FUZZ_ASSERT(x != NULL);
    const float *a = network_feedforward(net, x);
    /* Sigmoid outputs lie in [0, 1]; NaN can come from inf - inf when the
     * (finite) weights are near FLT_MAX, which is legal in a file. */
    for (int j = 0; j < net->sizes[net->num_layers - 1]; j++)
        FUZZ_ASSERT(!(a[j] < 0.0f) && !(a[j] > 1.0f));
    free(x);
    check_round_trip(net, data, size);
    network_free(net);
    return 0;
}
