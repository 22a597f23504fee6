/* trainer.h - a network, its generator and its data inside the
 * WebAssembly module: what the book's live figures of sections 1.3 to 1.6
 * hold on to between calls from JavaScript.  Every function calls the
 * teaching library's public API (lib/network.h) and nothing else. */
#ifndef NNDL_WASM_TRAINER_H
#define NNDL_WASM_TRAINER_H

#include <stddef.h>
#include "network.h"

typedef struct {
    Rng rng;                    /* seeded once: the weights, then shuffles */
    Network *net;
    Dataset train, test;        /* filled by JavaScript through trainer_data */
} Trainer;

/* network_create(sizes, num_layers) with a generator seeded with seed, as
 * bin/1.6-mnist-sgd does.  NULL on bad sizes or out of memory. */
Trainer *trainer_create(const int *sizes, int num_layers, unsigned seed);

/* Frees the network and both data sets.  Accepts NULL. */
void trainer_free(Trainer *t);

/* Room for n examples of 784 pixels in the training (which = 0) or test
 * (which = 1) set: returns n * 784 bytes of pixels followed by n labels,
 * for the caller to fill.  NULL if out of memory or which is not 0 or 1. */
unsigned char *trainer_data(Trainer *t, int which, size_t n);

/* network_sgd on the training set, calling the page's
 * nndl.epoch_done(epoch, correct, total) after each epoch with the test
 * set's score (network_evaluate); a non-zero return stops training.
 * Returns the number of epochs run. */
int trainer_sgd(Trainer *t, int epochs, int mini_batch_size, float eta);

/* network_evaluate on the test set. */
size_t trainer_evaluate(Trainer *t);

#endif
