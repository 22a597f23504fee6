/* Exercise 15 (section 1.6, the chapter's exercise on eq. 22): write
 * a' = sigma(w a + b) out in components, and see that it is the rule of
 * section 1.2 for one sigmoid neuron, applied to each neuron of a layer.
 *
 * w is the layer's weight matrix, n_out rows by n_in columns, stored row
 * by row: w_jk (from input k to neuron j) is w[j * n_in + k].  b has
 * n_out biases, a_in has n_in activations.  Fill a_out[0..n_out-1].
 * The test compares each a'_j with sigmoid_neuron(...) from lib/sigmoid.h
 * (the single-neuron rule) given row j of w and b_j.
 * Check your work: make exercise N=15
 */
#include <math.h>

#include "exercises.h"

void ex_layer(double *a_out, const double *w, const double *b,
              const double *a_in, size_t n_out, size_t n_in)
{
    for (size_t j = 0; j < n_out; j++) {
        /* TODO: a'_j = sigma(sum over k of w_jk a_k + b_j). */
        a_out[j] = 0.0;
    }
    (void)w, (void)b, (void)a_in, (void)n_in;   /* TODO: delete once used */
}
