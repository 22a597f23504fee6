/* network_fast.h - the fast path (lib/fast/): network.h's SGD a whole
 * mini-batch at a time, 8 or 4 neurons per vector operation, blank pixels
 * skipped, on one or more threads.  Every sum adds the textbook's terms in
 * the textbook's order, so the results are network.c's bit for bit, for
 * any number of threads.  network.c is the one to read; this one runs.
 *
 * Training uses one thread per 24 neurons of the first hidden layer at
 * most (more would be slower: [784,30,10] trains on one), evaluation every
 * thread it is given.
 */
#ifndef NNDL_NETWORK_FAST_H
#define NNDL_NETWORK_FAST_H

#include "network.h"

/* network_evaluate on `threads` threads (at most 64).  SIZE_MAX if out of
 * memory or network_fast_kernels fails. */
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

/* network_sgd on `threads` threads (at most 64): the same shuffles (rng),
 * mini-batches and updates, so the same network after every epoch; net is
 * updated before each on_epoch.  Returns the epochs run, or -1 (net
 * untouched) if out of memory, a thread could not be started,
 * network_fast_kernels fails or mini_batch_size is 0. */
int network_fast_sgd(Network *net, const Dataset *training, int epochs,
                     size_t mini_batch_size, float eta, Rng *rng, int threads,
                     EpochCallback on_epoch, void *ctx);

/* The kernels, chosen once per process: "avx2" where the CPU runs them
 * right, else "generic" (4-float vectors); the results are the same.
 * Returns the name, with the floats per vector in *lanes (if not NULL).
 * NNDL_FAST_LANES=4 or 8 asks for that width (for tests); any other value,
 * or a width missing here, gives NULL and a message in err (if not NULL):
 * programs call this first, to report that before any work. */
const char *network_fast_kernels(int *lanes, char *err);

#endif
