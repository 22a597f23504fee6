/* Exercise 16 (section 1.6): BP1, the output error - reference. */
#include "exercises.h"

void ex_output_error(Network *net, const float *y)
{
    int out = net->num_layers - 2;          /* delta[out]: the last layer */
    for (int j = 0; j < net->sizes[out + 1]; j++)
        net->delta[out][j] = (net->a[out + 1][j] - y[j])   /* dC_x/da_j */
                             * sigmoid_primef(net->z[out][j]);
}
