/* Exercise 6 (section 1.2, the chapter's second exercise): take a
 * perceptron network, replace every perceptron by a sigmoid neuron and
 * multiply every weight and bias by c > 0.  As c grows, the sigmoid
 * network behaves exactly like the perceptron network - except when some
 * neuron has w . x + b = 0.
 *
 * Compute it: ex_sigmoid_net runs the network of sigmoid neurons with
 * every weight and bias multiplied by c, on the inputs x, and writes the
 * last layer's outputs to out.  The test then watches what happens for
 * c = 1, 10, 100, 1000: outputs approach the perceptron's 0s and 1s -
 * but a neuron whose w . x + b is exactly 0 outputs 1/2 for every c,
 * where the perceptron says 0.  (See why before you run the test.)
 * Check your work: make exercise N=6
 */
#include <math.h>

#include "exercises.h"

void ex_sigmoid_net(double *out, const SmallNet *net, const double *x,
                    double c)
{
    double a[EX_MAX_UNITS];             /* the current layer's outputs */
    int n_layers = net->num_layers;
    for (int k = 0; k < net->sizes[0]; k++)
        a[k] = x[k];

    /* TODO: for each layer, each neuron j outputs
     * sigma(sum_k c w[l][j*sizes[l] + k] a[k] + c b[l][j]);
     * compute the whole layer before replacing a. */
    (void)c;   /* TODO: delete once you use c */

    for (int j = 0; j < net->sizes[n_layers - 1]; j++)
        out[j] = a[j];   /* TODO: right once a holds the last layer */
}
