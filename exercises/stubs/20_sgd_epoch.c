/* Exercise 20 (section 1.6): one epoch of stochastic gradient descent,
 * with a fair shuffle.
 *
 * network.py's SGD shuffles the training data at the start of every
 * epoch, cuts it into mini-batches of mini_batch_size and calls
 * update_mini_batch on each.  Two functions:
 *  - ex_shuffle puts idx[0..n-1] in a uniformly random order, in place,
 *    drawing numbers from rng with rng_below(rng, k) (uniform in 0..k-1,
 *    lib/rng.h).  Every one of the n! orders must be equally likely: the
 *    test counts them, and the tempting "swap each entry with any random
 *    entry" is NOT fair.
 *  - ex_sgd_epoch shuffles order[0..training->n-1] with ex_shuffle (it
 *    already holds a permutation: keep shuffling it epoch after epoch, as
 *    network.py does with its list), then calls
 *    network_update_mini_batch(net, training, order + k, size, eta) for
 *    k = 0, m, 2m, ... (the last mini-batch may be shorter than m).
 * Check your work: make exercise N=20
 */
#include "exercises.h"

void ex_shuffle(Rng *rng, size_t *idx, size_t n)
{
    /* TODO: a fair shuffle of idx[0..n-1] (make hint N=20 leads you to
     * the classic one). */
    (void)rng, (void)idx, (void)n;   /* TODO: delete once you use them */
}

void ex_sgd_epoch(Network *net, const Dataset *training, size_t *order,
                  size_t m, float eta, Rng *rng)
{
    /* TODO: shuffle order, then one update per mini-batch. */
    (void)net, (void)training, (void)order, (void)m, (void)eta, (void)rng;   /* TODO */
}
