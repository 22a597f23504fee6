/* Exercise 4 (section 1.1, the chapter's first exercise): multiply every
 * weight and bias of a perceptron network by a constant c > 0, and the
 * network behaves exactly as before.
 *
 * Show it by computing it.  ex_perceptron_net runs the perceptron network
 * `net` on the inputs x (net->sizes[0] of them) as if every weight and
 * every bias were multiplied by c, and writes the outputs of the last
 * layer (0 or 1 each) to out.  Layer by layer, neuron j of layer l+1
 * outputs 1 if  sum_k (c w[l][j*sizes[l] + k]) a_k + c b[l][j] > 0,
 * else 0, where a is the previous layer's output (x for the first layer).
 * Do not modify net.  The test runs your network with c = 1, 0.001, 1000
 * (same outputs), c = 0 and c = -1 (different: why?).
 * Check your work: make exercise N=4
 */
#include "exercises.h"

void ex_perceptron_net(int *out, const SmallNet *net, const double *x,
                       double c)
{
    double a[EX_MAX_UNITS];             /* the current layer's outputs */
    int n_layers = net->num_layers;
    for (int k = 0; k < net->sizes[0]; k++)
        a[k] = x[k];

    /* TODO: for each layer l = 0 .. n_layers-2, compute the outputs of layer l+1
     * from a with the scaled weights and biases, then make them the new a
     * (careful: do not overwrite a while you still need it). */
    (void)c;   /* TODO: delete once you use c */

    for (int j = 0; j < net->sizes[n_layers - 1]; j++)
        out[j] = (int)a[j];   /* TODO: right once a holds the last layer */
}
