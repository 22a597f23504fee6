/* Exercise 20 (section 1.6): one epoch of SGD with a fair shuffle -
 * reference solution. */
#include "exercises.h"

void ex_shuffle(Rng *rng, size_t *idx, size_t n)
{
    /* Fisher-Yates: position i-1 takes a uniform pick among the i entries
     * not placed yet. */
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rng_below(rng, i);
        size_t t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}

void ex_sgd_epoch(Network *net, const Dataset *training, size_t *order,
                  size_t m, float eta, Rng *rng)
{
    size_t n = training->n;
    ex_shuffle(rng, order, n);
    for (size_t k = 0; k < n; k += m) {
        size_t size = n - k < m ? n - k : m;    /* the last may be shorter */
        network_update_mini_batch(net, training, order + k, size, eta);
    }
}
