/* Exercise 17 (section 1.6): BP2, moving the error back one layer.
 *
 * Once the error of a layer is known, the error of the layer before it
 * follows (the loop in network.py's backprop):
 *
 *     delta^l = ((w^{l+1})^T delta^{l+1}) * sigma'(z^l)          (BP2)
 *
 * In the library's indices: net->delta[l] is the error of layer l+1 (a
 * hidden layer, 0 <= l < n_layers-2), and it comes from net->delta[l+1] through
 * the weights net->w[l+1] (a sizes[l+2] x sizes[l+1] matrix: w_jk at
 * [j * sizes[l+1] + k]) and net->z[l].  Transposed means: for neuron k,
 * sum over the neurons j it feeds, w_jk * delta_j.  Fill net->delta[l].
 * The test checks each delta against dC_x/dz measured by nudging z.
 * Check your work: make exercise N=17
 */
#include "exercises.h"

void ex_hidden_error(Network *net, int l)
{
    int n_in = net->sizes[l + 1];      /* neurons of this layer */
    for (int k = 0; k < n_in; k++) {
        /* TODO: BP2 for neuron k of this layer, from the errors
         * net->delta[l + 1] of the next one (make hint N=17 walks you
         * through the indexing). */
        net->delta[l][k] = 0.0f;
    }
}
