/* Exercise 17 (section 1.6): BP2, the error one layer back - reference. */
#include "exercises.h"

void ex_hidden_error(Network *net, int l)
{
    int n_in = net->sizes[l + 1], n_out = net->sizes[l + 2];
    const float *w = net->w[l + 1];             /* n_out x n_in */
    for (int k = 0; k < n_in; k++) {
        float sum = 0.0f;                       /* (w^T delta)_k */
        for (int j = 0; j < n_out; j++)
            sum += w[j * n_in + k] * net->delta[l + 1][j];
        net->delta[l][k] = sum * sigmoid_primef(net->z[l][k]);
    }
}
