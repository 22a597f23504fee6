/* Exercise 7 (section 1.3): feedforward - reference solution. */
#include <string.h>

#include "exercises.h"

const float *ex_feedforward(Network *net, const float *x)
{
    int n_layers = net->num_layers;
    memcpy(net->a[0], x, (size_t)net->sizes[0] * sizeof *x);
    for (int l = 0; l < n_layers - 1; l++) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        for (int j = 0; j < n_out; j++) {
            float z = net->b[l][j];
            for (int k = 0; k < n_in; k++)
                z += net->w[l][j * n_in + k] * net->a[l][k];
            net->z[l][j] = z;
            net->a[l + 1][j] = sigmoidf(z);
        }
    }
    return net->a[n_layers - 1];
}
