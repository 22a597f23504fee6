/* Exercise 6 (section 1.2): sigmoid neurons turn into perceptrons as c
 * grows - reference solution.  sigma(c z) -> 1 for z > 0 and -> 0 for
 * z < 0 as c -> infinity, but stays at 1/2 when z = 0. */
#include <math.h>

#include "exercises.h"

void ex_sigmoid_net(double *out, const SmallNet *net, const double *x,
                    double c)
{
    double a[EX_MAX_UNITS], next[EX_MAX_UNITS];
    int n_layers = net->num_layers;
    for (int k = 0; k < net->sizes[0]; k++)
        a[k] = x[k];
    for (int l = 0; l < n_layers - 1; l++) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        for (int j = 0; j < n_out; j++) {
            double z = net->b[l][j];
            for (int k = 0; k < n_in; k++)
                z += net->w[l][j * n_in + k] * a[k];
            next[j] = 1.0 / (1.0 + exp(-c * z));   /* scaled: c w, c b */
        }
        for (int j = 0; j < n_out; j++)
            a[j] = next[j];
    }
    for (int j = 0; j < net->sizes[n_layers - 1]; j++)
        out[j] = a[j];
}
