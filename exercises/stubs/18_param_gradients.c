/* Exercise 18 (section 1.6): BP3 and BP4, the gradient for every bias and
 * every weight.
 *
 * With the errors delta known in every layer, the gradient is one step
 * away:
 *     dC_x/db_j  = delta_j                                       (BP3)
 *     dC_x/dw_jk = a_k * delta_j   (a_k: the input the weight carries) (BP4)
 * In the library: for each l = 0 .. n_layers-2, neuron j of layer l+1 has error
 * net->delta[l][j]; its bias gradient goes to net->nabla_b[l][j] and the
 * gradient of its weight from neuron k of layer l (activation
 * net->a[l][k]) to net->nabla_w[l][j * sizes[l] + k].
 * ADD to nabla (+=), do not overwrite: update_mini_batch sums the
 * gradients of many examples there.  The test compares with dC_x/dw and
 * dC_x/db measured by nudging each weight and bias.
 * Check your work: make exercise N=18
 */
#include "exercises.h"

void ex_param_gradients(Network *net)
{
    for (int l = 0; l < net->num_layers - 1; l++) {
        /* TODO: for each neuron j of layer l+1: add delta_j to nabla_b
         * (BP3), and a_k * delta_j to the gradient of each weight w_jk
         * (BP4). */
    }
}
