/* network.h - a feedforward network of sigmoid neurons trained by
 * mini-batch stochastic gradient descent (sections 1.3 to 1.6).
 *
 * It mirrors the chapter's network.py function by function:
 *   Network(sizes)          network_create
 *   feedforward(a)          network_feedforward
 *   SGD(...)                network_sgd
 *   update_mini_batch(...)  network_update_mini_batch
 *   backprop(x, y)          network_backprop
 *   evaluate(test_data)     network_evaluate
 *   cost_derivative(a, y)   network_cost_derivative
 *
 * Notation (the book's symbol -> this struct; L = num_layers):
 *   layers are numbered from the input, layer 0 .. L-1, as in `sizes`;
 *   w[l]  weights from layer l into layer l+1, a sizes[l+1] x sizes[l]
 *         row-major matrix: the book's w^{l+2}_{jk} is w[l][j*sizes[l] + k],
 *         the weight from neuron k of layer l to neuron j of layer l+1;
 *   b[l]  biases of layer l+1, sizes[l+1] floats (the input layer has none);
 *   z[l]  weighted inputs of layer l+1:  z = w a + b           (inside eq. 1.22)
 *   a[l]  activations of layer l: a[0] is the input x, a[l+1] = sigma(z[l]);
 *   delta[l]         error dC/dz of layer l+1 (BP1, BP2);
 *   nabla_w, nabla_b gradient dC/dw, dC/db with the shapes of w, b.
 *
 * Memory: all parameters sit in one block `params` (every w[l], then every
 * b[l]); the gradient sits in a second block of the same layout, so a
 * gradient always has the shape of its parameter.  Scratch for one
 * example (z, a, delta) lives in a third block.  network_free frees all.
 *
 * Numbers are float32: plenty for this chapter (the images are 8-bit),
 * half the memory and twice the SIMD width of double.  Sums that decide a
 * printed number (the cost) are accumulated in double.
 */
#ifndef NNDL_NETWORK_H
#define NNDL_NETWORK_H

#include <stddef.h>
#include <stdint.h>
#include "dataset.h"
#include "nndl_error.h"
#include "rng.h"

#define NETWORK_MAX_LAYERS 16
/* The most neurons in one layer (network_create, network_load and the
 * programs' --sizes all use this bound). */
#define NETWORK_MAX_LAYER_SIZE 100000

typedef struct {
    int num_layers;             /* L */
    int sizes[NETWORK_MAX_LAYERS];
    float *w[NETWORK_MAX_LAYERS - 1], *b[NETWORK_MAX_LAYERS - 1];
    float *nabla_w[NETWORK_MAX_LAYERS - 1], *nabla_b[NETWORK_MAX_LAYERS - 1];
    float *z[NETWORK_MAX_LAYERS - 1], *a[NETWORK_MAX_LAYERS];
    float *delta[NETWORK_MAX_LAYERS - 1];
    size_t num_params;          /* floats in params (and in nabla) */
    float *params;              /* one block: w[0..L-2] then b[0..L-2] */
    float *nabla;               /* same layout as params */
    float *scratch;             /* z, a, delta for one example */
    float *x;                   /* one input converted to float */
    float *y;                   /* one one-hot target */
} Network;

/* Called by network_sgd after each epoch (epoch counts from 0).  Return
 * non-zero to stop training early. */
typedef int (*EpochCallback)(int epoch, const Network *net, void *ctx);

/* Creates a network with layer sizes sizes[0..num_layers-1] (at least 2
 * layers, at most NETWORK_MAX_LAYERS, every size 1..NETWORK_MAX_LAYER_SIZE) and every weight and
 * bias drawn from N(0, 1) with rng (Network.__init__).  When rng is NULL all
 * parameters are zero.  Returns NULL on bad sizes or out of memory.
 * The caller owns the result: free it with network_free. */
Network *network_create(const int *sizes, int num_layers, Rng *rng);

/* Frees a network.  Accepts NULL. */
void network_free(Network *net);

/* A new network with the same sizes and parameters. NULL if out of memory. */
Network *network_clone(const Network *net);

/* Forward pass (eq. 1.22 / feedforward): a' = sigma(w a + b) layer by
 * layer, from x (sizes[0] floats).  Returns the output activations
 * (sizes[L-1] floats), owned by net and valid until the next call. */
const float *network_feedforward(Network *net, const float *x);

/* dC_x/da for the quadratic cost: out[j] = a[j] - y[j] over n outputs. */
void network_cost_derivative(float *out, const float *a, const float *y,
                             int n);

/* Backpropagation for one example x with target y: ADDS the gradient of
 * C_x = |y - a|^2 / 2 to net->nabla_w and net->nabla_b (BP1..BP4). */
void network_backprop(Network *net, const float *x, const float *y);

/* Sets the gradient (nabla) to zero. */
void network_zero_grad(Network *net);

/* One gradient descent step on a mini-batch (eq. 1.20, 1.21): the
 * examples idx[0..m-1] of data; w -= eta/m * sum nabla_w, same for b.
 * The textbook path: one backprop per example. */
void network_update_mini_batch(Network *net, const Dataset *data,
                               const size_t *idx, size_t m, float eta);

/* Mini-batch SGD (SGD): for each epoch, shuffle the training examples
 * with rng, split them into mini-batches of mini_batch_size (the last may
 * be smaller) and call network_update_mini_batch on each; then call
 * on_epoch (if not NULL).  Returns the number of epochs run, or -1 (net
 * untouched) if out of memory or mini_batch_size is 0, as
 * network_fast_sgd does. */
int network_sgd(Network *net, const Dataset *training, int epochs,
                size_t mini_batch_size, float eta, Rng *rng,
                EpochCallback on_epoch, void *ctx);

/* Index of the largest output for example x (the network's digit). */
int network_predict(Network *net, const float *x);

/* How many examples of data the network classifies correctly
 * (argmax of the output == label), as in evaluate. */
size_t network_evaluate(Network *net, const Dataset *data);

/* Mean quadratic cost over data, C = 1/(2n) sum_x |y(x) - a|^2 (eq. 1.6). */
double network_total_cost(Network *net, const Dataset *data);

/* Number of weights and biases (the same as net->num_params). */
size_t network_num_params(const Network *net);

/* 1 if every parameter is finite, 0 if some weight or bias is NaN or inf. */
int network_is_finite(const Network *net);

/* Saves to a small versioned binary file ("NNDL" magic, version, layer
 * sizes, parameters as little-endian float32, a checksum).  Written to a
 * temporary file next to path and renamed, so path is never left half
 * written. */
NndlStatus network_save(const Network *net, const char *path, char *err);

/* Loads a network saved by network_save.  On success *out owns a new
 * network; on any error (wrong magic or version, bad sizes, truncated,
 * checksum, NaN) *out is NULL and err says what was wrong. */
NndlStatus network_load(Network **out, const char *path, char *err);

/* ==== The fast path (lib/network_fast.c) ==================================
 *
 * The same SGD as above, computed a whole mini-batch at a time: 8 neurons
 * per vector operation (4 on CPUs without 256-bit vectors), zero pixels
 * skipped, optionally on several threads.
 * Every sum adds the same terms in the same order as the textbook path, so
 * the results are identical to it bit for bit, whatever the number of
 * threads.  The textbook functions stay the ones to read; these are the
 * ones the programs run.
 *
 * A NetworkFast is a workspace: a copy of a network's parameters in a
 * transposed layout (one block), the buffers of a mini-batch and a pool of
 * threads.  It owns all of them; network_fast_free releases them.
 */
typedef struct NetworkFast NetworkFast;

/* A workspace for mini-batches of up to max_batch examples on `threads`
 * threads, holding a copy of net's parameters.  Evaluation uses them all;
 * training splits the first hidden layer over at most one thread per 24 of
 * its neurons (rounded; more would be slower, not faster), so [784,30,10]
 * trains on one.  NULL on out of memory, max_batch == 0 or threads < 1, or
 * when a thread cannot be started. */
NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads);

/* Stops the threads and frees everything.  Accepts NULL. */
void network_fast_free(NetworkFast *fast);

/* Copies the workspace's parameters back into net (same sizes). */
void network_fast_store(const NetworkFast *fast, Network *net);

/* One gradient descent step on the examples idx[0..m-1] of data
 * (1 <= m <= max_batch), exactly as network_update_mini_batch, on the
 * workspace's copy: call network_fast_store to see it in a Network.
 * NNDL_ERR_NOMEM (nothing changed) if out of memory. */
NndlStatus network_fast_update_mini_batch(NetworkFast *fast,
                                          const Dataset *data,
                                          const size_t *idx, size_t m,
                                          float eta);

/* network_evaluate on the workspace's copy of the parameters. */
size_t network_fast_evaluate_with(NetworkFast *fast, const Dataset *data);

/* network_evaluate, fast: how many examples of data net classifies
 * correctly, on `threads` threads.  SIZE_MAX if out of memory. */
size_t network_fast_evaluate(const Network *net, const Dataset *data,
                             int threads);

/* network_fast_evaluate in the background, on a thread of its own, of a
 * copy of net's parameters taken now (so net may go on training):
 * network_fast_evaluate_wait returns the count when it is done (SIZE_MAX
 * for NULL) and frees it.  data must stay valid until then.  NULL if out
 * of memory; without a thread to be had it counts before returning. */
typedef struct FastEvaluation FastEvaluation;
FastEvaluation *network_fast_evaluate_start(const Network *net,
                                            const Dataset *data);
size_t network_fast_evaluate_wait(FastEvaluation *eval);

/* network_sgd, fast: the same shuffles (rng), mini-batches and updates,
 * hence the same network after every epoch.  net is updated before each
 * call of on_epoch.  Returns the number of epochs run, or -1 (net
 * untouched) if out of memory, a thread could not be started or
 * mini_batch_size is 0. */
int network_fast_sgd(Network *net, const Dataset *training, int epochs,
                     size_t mini_batch_size, float eta, Rng *rng, int threads,
                     EpochCallback on_epoch, void *ctx);

/* Floats per vector operation of the fast path on this machine: 8 where
 * the CPU has 256-bit vectors (x86-64 with AVX), else 4.  The results are
 * the same either way. */
int network_fast_lanes(void);

/* ==== end of the fast path ================================================ */

#endif
