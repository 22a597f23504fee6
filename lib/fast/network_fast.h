/* network_fast.h - the fast path (lib/fast/): the same SGD as network.h,
 * computed a whole mini-batch at a time, 8 or 4 neurons per vector
 * operation, zero pixels skipped, optionally on several threads.
 * Every sum adds the same terms in the same order as the textbook path, so
 * the results are identical to it bit for bit, whatever the number of
 * threads.  The textbook functions stay the ones to read; these are the
 * ones the programs run.
 *
 * A NetworkFast is a workspace: a copy of a network's parameters in a
 * transposed layout (one block), the buffers of a mini-batch and a pool of
 * threads.  It owns all of them; network_fast_free releases them.
 */
#ifndef NNDL_NETWORK_FAST_H
#define NNDL_NETWORK_FAST_H

#include "network.h"

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

/* Picks the kernels for this CPU, once per process (the best it runs
 * right: "avx2", "avx", or "generic" with 4-float vectors).  The
 * environment variable NNDL_FAST_LANES=4 or 8 asks for that vector width
 * (for tests); any other value, or a width this CPU lacks, is
 * NNDL_ERR_ARG with a message in err, and then every fast function fails
 * as if out of memory.  Programs call it first to report that. */
NndlStatus network_fast_choose(char *err);

/* The chosen kernels' name, and their floats per vector operation in
 * *lanes (if not NULL); NULL if network_fast_choose failed.  The results
 * are the same whichever they are. */
const char *network_fast_kernels(int *lanes);

/* The floats per vector operation alone (0 if the choice failed). */
int network_fast_lanes(void);

#endif
