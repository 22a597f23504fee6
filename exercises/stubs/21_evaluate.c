/* Exercise 21 (section 1.6): evaluate, counting the digits the network
 * gets right.
 *
 * The network's answer is the output neuron with the highest activation.
 *  - ex_argmax returns the index of the largest of a[0..n-1]; on a tie,
 *    the first one (as numpy's argmax).
 *  - ex_evaluate runs the network on every example of data and returns
 *    how many answers equal the label data->y[i].  The library helps:
 *    dataset_x(net->x, data, i) gives example i's pixels as floats, and
 *    network_feedforward(net, x) returns the network's 10 outputs.
 * Check your work: make exercise N=21
 */
#include "exercises.h"

int ex_argmax(const float *a, int n)
{
    /* TODO: the index of the largest a[j] (the first one on a tie). */
    (void)a, (void)n;   /* TODO: delete once you use them */
    return 0;
}

size_t ex_evaluate(Network *net, const Dataset *data)
{
    size_t correct = 0;
    /* TODO: for each example i: feedforward, argmax, compare with the
     * label, count. */
    (void)net, (void)data;   /* TODO: delete once you use them */
    return correct;
}
