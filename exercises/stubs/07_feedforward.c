/* Exercise 7 (section 1.3): feedforward - each layer's output is the next
 * layer's input.
 *
 * Work on the library's Network (lib/network.h explains its layout):
 *   net->sizes[0..n_layers-1]     neurons per layer, n_layers = net->num_layers;
 *   net->w[l][j*sizes[l] + k]  weight from neuron k of layer l to neuron j
 *                          of layer l+1;  net->b[l][j] bias of that neuron;
 *   net->a[l]   activations of layer l (a[0] is the input);
 *   net->z[l]   weighted inputs of layer l+1.
 * ex_feedforward copies the input x into net->a[0]; then for each layer
 * l = 0 .. n_layers-2 and each neuron j of layer l+1 it stores
 *   z = sum_k w[l][j*sizes[l] + k] * a[l][k] + b[l][j]   in net->z[l][j]
 *   sigma(z)                                             in net->a[l+1][j]
 * and finally returns net->a[n_layers-1].  (sigmoidf from lib/sigmoid.h is the
 * float sigmoid.)  Later exercises rely on z and a being stored.
 * Check your work: make exercise N=7
 */
#include <string.h>

#include "exercises.h"

const float *ex_feedforward(Network *net, const float *x)
{
    int n_layers = net->num_layers;

    /* TODO: copy the sizes[0] inputs x into net->a[0]. */
    (void)x;   /* TODO: delete once you use x */

    /* TODO: layer by layer, fill net->z[l] and net->a[l + 1]. */

    return net->a[n_layers - 1];
}
