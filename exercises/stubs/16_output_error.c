/* Exercise 16 (section 1.6): BP1, the error of the output layer.
 *
 * Backpropagation (the backprop method of network.py) starts at the
 * output.  The error delta_j of output neuron j is how fast the cost of
 * one example, C_x = |y - a|^2 / 2, changes with that neuron's weighted
 * input z_j:
 *
 *     delta_j = dC_x/dz_j = (a_j - y_j) * sigma'(z_j)          (BP1)
 *
 * The network has just run feedforward, so net->a[n_layers-1] holds the outputs
 * and net->z[n_layers-2] their weighted inputs (n_layers = net->num_layers).  Write the
 * errors into net->delta[n_layers-2] (sizes[n_layers-1] of them).  sigmoid_primef is
 * in lib/sigmoid.h.  The test compares with dC_x/dz_j measured by
 * nudging each z_j.
 * Check your work: make exercise N=16
 */
#include "exercises.h"

void ex_output_error(Network *net, const float *y)
{
    int out = net->num_layers - 2;   /* index of the output layer's z, delta */
    for (int j = 0; j < net->sizes[out + 1]; j++) {
        /* TODO: (a_j - y_j) * sigma'(z_j) with a = net->a[out + 1]. */
        net->delta[out][j] = 0.0f;
    }
    (void)y;   /* TODO: delete once you use y */
}
