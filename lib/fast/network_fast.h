/* network_fast.h - the fast path (lib/fast/): network.h's SGD a whole
 * mini-batch at a time, 8 or 4 neurons per vector operation, blank pixels
 * skipped, on one or more threads.  Every sum adds the textbook's terms in
 * the textbook's order, so the results are network.c's bit for bit, for
 * any number of threads.  network.c is the one to read; this one runs.
 *
 * A NetworkFast is a workspace: a copy of a network's parameters in a
 * transposed layout, the buffers of a mini-batch and a pool of threads,
 * all owned by it and released by network_fast_free.
 */
#ifndef NNDL_NETWORK_FAST_H
#define NNDL_NETWORK_FAST_H

#include "network.h"

typedef struct NetworkFast NetworkFast;

/* A workspace for mini-batches of up to max_batch examples on `threads`
 * threads (at most 64), with a copy of net's parameters.  Evaluation uses
 * every thread; training one per 24 neurons of the first hidden layer at
 * most (more would be slower), so [784,30,10] trains on one.  NULL if out
 * of memory, max_batch == 0, threads < 1, a thread cannot be started, or
 * network_fast_choose fails. */
NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads);
void network_fast_free(NetworkFast *fast);     /* accepts NULL */

/* Copies the workspace's parameters back into net (same sizes). */
void network_fast_store(const NetworkFast *fast, Network *net);

/* network_update_mini_batch on the examples idx[0..m-1] of data
 * (m <= max_batch), on the workspace's copy.  NNDL_ERR_NOMEM (nothing
 * changed) if out of memory. */
NndlStatus network_fast_update_mini_batch(NetworkFast *fast,
                                          const Dataset *data,
                                          const size_t *idx, size_t m,
                                          float eta);

/* network_evaluate on `threads` threads.  SIZE_MAX if out of memory. */
size_t network_fast_evaluate(const Network *net, const Dataset *data,
                             int threads);

/* network_fast_evaluate on a thread of its own, of a copy of net taken now
 * (net may go on training); _wait returns the count (SIZE_MAX for NULL)
 * and frees it.  data must stay valid until then.  NULL if out of memory;
 * without a thread to be had it counts before returning. */
typedef struct FastEvaluation FastEvaluation;
FastEvaluation *network_fast_evaluate_start(const Network *net,
                                            const Dataset *data);
size_t network_fast_evaluate_wait(FastEvaluation *eval);

/* network_sgd: the same shuffles (rng), mini-batches and updates, so the
 * same network after every epoch; net is updated before each on_epoch.
 * Returns the epochs run, or -1 (net untouched) if out of memory, a thread
 * could not be started, network_fast_choose fails or mini_batch_size is 0. */
int network_fast_sgd(Network *net, const Dataset *training, int epochs,
                     size_t mini_batch_size, float eta, Rng *rng, int threads,
                     EpochCallback on_epoch, void *ctx);

/* Picks the kernels once per process: "avx2" where the CPU runs them
 * right, else "generic" (4-float vectors); NNDL_FAST_LANES=4 or 8 asks for
 * a width (for tests).  Any other value, or a width missing here, is
 * NNDL_ERR_ARG with a message in err: programs call this first. */
NndlStatus network_fast_choose(char *err);

/* The chosen kernels' name and floats per vector (*lanes, if not NULL);
 * NULL if network_fast_choose fails.  The results are the same. */
const char *network_fast_kernels(int *lanes);

#endif
