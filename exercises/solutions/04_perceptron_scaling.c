/* Exercise 4 (section 1.1): scaling a perceptron network by c - reference.
 * Every z of the scaled network is c times the original z, and for c > 0
 * the sign of c z is the sign of z, so every output is unchanged. */
#include "exercises.h"

void ex_perceptron_net(int *out, const SmallNet *net, const double *x,
                       double c)
{
    double a[EX_MAX_UNITS], next[EX_MAX_UNITS];
    int n_layers = net->num_layers;
    for (int k = 0; k < net->sizes[0]; k++)
        a[k] = x[k];
    for (int l = 0; l < n_layers - 1; l++) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        for (int j = 0; j < n_out; j++) {
            double z = c * net->b[l][j];
            for (int k = 0; k < n_in; k++)
                z += c * net->w[l][j * n_in + k] * a[k];
            next[j] = z > 0.0 ? 1.0 : 0.0;
        }
        for (int j = 0; j < n_out; j++)
            a[j] = next[j];
    }
    for (int j = 0; j < net->sizes[n_layers - 1]; j++)
        out[j] = (int)a[j];
}
