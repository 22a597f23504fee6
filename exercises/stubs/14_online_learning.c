/* Exercise 14 (section 1.5, the chapter's exercise on online learning):
 * mini-batches of size 1 ("online" or "incremental" learning) against
 * larger mini-batches.
 *
 * The learner here is one sigmoid neuron with two inputs,
 * a = sigma(w[0] x[0] + w[1] x[1] + b), and the cost of one example is
 * C_x = (a - y)^2 / 2.  Write two functions:
 *  - ex_neuron_gradient: dC_x/dw[0], dC_x/dw[1] and dC_x/db for one
 *    example (chain rule through a = sigma(z));
 *  - ex_neuron_epoch: one pass over the n examples IN ORDER (example i is
 *    x[2i], x[2i+1] with target y[i]), cut into mini-batches of m
 *    consecutive examples (the last one may be shorter).  For each
 *    mini-batch, average the gradients of its examples and move
 *    w -> w - eta * average (the same for b).  Return how many updates
 *    you made.  m = 1 is online learning; m = n is plain gradient descent.
 * The test then measures both on the same data: which gets further in
 * one pass over the data, and why?
 * Check your work: make exercise N=14
 */
#include <math.h>

#include "exercises.h"

void ex_neuron_gradient(double grad_w[2], double *grad_b, const Neuron2 *nrn,
                        const double x[2], double y)
{
    /* TODO: z, a = sigma(z), then dC_x/dz = (a - y) * sigma'(z). */
    (void)nrn, (void)x, (void)y;   /* TODO: delete once you use them */

    /* TODO: the three partial derivatives. */
    grad_w[0] = grad_w[1] = 0.0;
    *grad_b = 0.0;
}

size_t ex_neuron_epoch(Neuron2 *nrn, const double *x, const double *y,
                       size_t n, size_t m, double eta)
{
    size_t updates = 0;
    /* TODO: for each mini-batch of (up to) m examples: sum the gradients
     * (ex_neuron_gradient), then update w and b with eta times the
     * average, and count the update. */
    (void)nrn, (void)x, (void)y, (void)n, (void)m, (void)eta;   /* TODO */
    return updates;
}
