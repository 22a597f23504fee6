/* Exercise 19 (section 1.6): update_mini_batch - reference solution. */
#include "exercises.h"

void ex_update_mini_batch(Network *net, const Dataset *data,
                          const size_t *idx, size_t m, float eta)
{
    network_zero_grad(net);
    for (size_t i = 0; i < m; i++) {            /* sum of the gradients */
        dataset_x(net->x, data, idx[i]);
        dataset_one_hot(net->y, data->y[idx[i]], MNIST_CLASSES);
        network_backprop(net, net->x, net->y);
    }
    for (size_t p = 0; p < net->num_params; p++)
        net->params[p] -= eta / (float)m * net->nabla[p];
}
