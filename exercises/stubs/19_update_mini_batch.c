/* Exercise 19 (section 1.6): update_mini_batch, one step of gradient
 * descent on a mini-batch.
 *
 * For a mini-batch of m training examples, stochastic gradient descent
 * moves every weight and bias against the AVERAGE gradient of the
 * examples' costs:   w -> w - (eta/m) sum_x dC_x/dw, and the same for b.
 * The mini-batch is examples idx[0..m-1] of data.  The library gives you
 * the pieces (lib/network.h, lib/dataset.h):
 *   network_zero_grad(net)              nabla = 0
 *   dataset_x(net->x, data, i)          example i's pixels as floats
 *   dataset_one_hot(net->y, data->y[i], MNIST_CLASSES)
 *                                       its desired output y(x)
 *   network_backprop(net, x, y)         ADDS dC_x/dw, dC_x/db to nabla
 * All parameters sit in one array net->params (net->num_params floats)
 * and the gradient in net->nabla with the same layout, so the update is
 * one loop.  The test checks your step against the gradient measured by
 * nudging every parameter.
 * Check your work: make exercise N=19
 */
#include "exercises.h"

void ex_update_mini_batch(Network *net, const Dataset *data,
                          const size_t *idx, size_t m, float eta)
{
    /* TODO: clear the gradient, then add the gradient of each example
     * idx[0..m-1]. */

    /* TODO: move each parameter against the average gradient. */

    (void)net, (void)data, (void)idx, (void)m, (void)eta;   /* TODO: delete */
}
