/* trainer.c - see trainer.h.  The exports the page calls are marked with
 * WASM_EXPORT; wasm/wasm.mk exports the library functions used directly
 * (network_feedforward, ...) by name. */
#include <stdlib.h>

#include "trainer.h"
#include "wasm_export.h"

WASM_EXPORT("trainer_create")
Trainer *trainer_create(const int *sizes, int num_layers, unsigned seed)
{
    Trainer *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    rng_seed(&t->rng, seed);
    t->net = network_create(sizes, num_layers, &t->rng);
    if (!t->net)
        return free(t), NULL;
    return t;
}

WASM_EXPORT("trainer_free")
void trainer_free(Trainer *t)
{
    if (!t)
        return;
    network_free(t->net);
    free(t->train.x);
    free(t->test.x);
    free(t);
}

WASM_EXPORT("trainer_data")
unsigned char *trainer_data(Trainer *t, int which, size_t n)
{
    if (which != 0 && which != 1)
        return NULL;
    Dataset *ds = which ? &t->test : &t->train;
    unsigned char *block = malloc(n * (784 + 1));
    if (!block)
        return NULL;
    free(ds->x);
    *ds = (Dataset){.n = n, .rows = 28, .cols = 28, .dim = 784, .x = block,
                    .y = block + n * 784, .owns = 0};
    return block;
}

__attribute__((import_module("nndl"), import_name("epoch_done")))
int epoch_done(int epoch, int correct, int total);

static int on_epoch(int epoch, const Network *net, void *ctx)
{
    Trainer *t = ctx;
    (void)net;
    return epoch_done(epoch, (int)trainer_evaluate(t), (int)t->test.n);
}

WASM_EXPORT("trainer_sgd")
int trainer_sgd(Trainer *t, int epochs, int mini_batch_size, float eta)
{
    if (mini_batch_size < 1 || t->train.n == 0)
        return 0;
    return network_sgd(t->net, &t->train, epochs, (size_t)mini_batch_size,
                       eta, &t->rng, on_epoch, t);
}

WASM_EXPORT("trainer_evaluate")
size_t trainer_evaluate(Trainer *t)
{
    return network_evaluate(t->net, &t->test);
}

/* Where JavaScript finds the network and its layers (see network.h). */
WASM_EXPORT("trainer_network")
Network *trainer_network(Trainer *t) { return t->net; }
WASM_EXPORT("network_layer_a")
const float *network_layer_a(const Network *net, int l) { return net->a[l]; }
WASM_EXPORT("network_layer_z")
const float *network_layer_z(const Network *net, int l) { return net->z[l]; }
WASM_EXPORT("network_layer_w")
const float *network_layer_w(const Network *net, int l) { return net->w[l]; }
WASM_EXPORT("network_layer_b")
const float *network_layer_b(const Network *net, int l) { return net->b[l]; }
WASM_EXPORT("network_params")
const float *network_params(const Network *net) { return net->params; }
