/* Exercise 23 (section 1.7): breaking a question into sub-questions,
 * layer by layer - XOR from a hidden layer.
 *
 * "Is exactly one of x1, x2 on?" (XOR) cannot be answered by one sigmoid
 * neuron: no single line separates (0,1), (1,0) from (0,0), (1,1).  Split
 * it, as section 1.7 splits "is it a face?": a hidden layer of two
 * neurons answers two simpler questions, and the output neuron combines
 * their answers.  Fill net as a [2, 2, 1] network of sigmoid neurons
 * (SmallNet layout, exercises.h: w[l][j * sizes[l] + k]) whose output is
 * above 0.99 for XOR = 1 and below 0.01 for XOR = 0.
 * Which two questions make XOR easy to answer?
 * Check your work: make exercise N=23
 */
#include "exercises.h"

void ex_xor_net(SmallNet *net)
{
    *net = (SmallNet){.num_layers = 3, .sizes = {2, 2, 1}};   /* all zero */

    /* TODO: hidden neuron 0: weights net->w[0][0], net->w[0][1], bias
     * net->b[0][0].  Hidden neuron 1: net->w[0][2], net->w[0][3],
     * net->b[0][1]. */

    /* TODO: the output neuron: net->w[1][0], net->w[1][1], net->b[1][0]. */
}
