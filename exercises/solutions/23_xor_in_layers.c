/* Exercise 23 (section 1.7): XOR from sub-questions - reference.
 * Hidden neuron 0 asks "at least one?" (OR), hidden neuron 1 asks "not
 * both?" (NAND); the output asks "both of those?" (AND). */
#include "exercises.h"

void ex_xor_net(SmallNet *net)
{
    *net = (SmallNet){.num_layers = 3, .sizes = {2, 2, 1}};
    net->w[0][0] = 20, net->w[0][1] = 20, net->b[0][0] = -10;    /* OR */
    net->w[0][2] = -20, net->w[0][3] = -20, net->b[0][1] = 30;   /* NAND */
    net->w[1][0] = 20, net->w[1][1] = 20, net->b[1][0] = -30;    /* AND */
}
