/* Exercise 21 (section 1.6): evaluate - reference solution. */
#include "exercises.h"

int ex_argmax(const float *a, int n)
{
    int best = 0;
    for (int j = 1; j < n; j++)
        if (a[j] > a[best])             /* strictly: the first maximum wins */
            best = j;
    return best;
}

size_t ex_evaluate(Network *net, const Dataset *data)
{
    size_t correct = 0;
    int n_out = net->sizes[net->num_layers - 1];
    for (size_t i = 0; i < data->n; i++) {
        dataset_x(net->x, data, i);
        const float *a = network_feedforward(net, net->x);
        correct += ex_argmax(a, n_out) == data->y[i];
    }
    return correct;
}
