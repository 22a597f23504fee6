/* Exercise 18 (section 1.6): BP3 and BP4 - reference solution. */
#include "exercises.h"

void ex_param_gradients(Network *net)
{
    for (int l = 0; l < net->num_layers - 1; l++) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        for (int j = 0; j < n_out; j++) {
            net->nabla_b[l][j] += net->delta[l][j];             /* BP3 */
            for (int k = 0; k < n_in; k++)                      /* BP4 */
                net->nabla_w[l][j * n_in + k] += net->a[l][k] * net->delta[l][j];
        }
    }
}
