/* Exercise 8 (section 1.4, the chapter's third exercise): an extra layer
 * that turns the 10 outputs of a digit network into the digit's 4 bits.
 *
 * Take the old output layer's 10 activations as the input of a new layer
 * of 4 sigmoid neurons.  Assume the neuron of the right digit outputs at
 * least 0.99 and every other one at most 0.01.  Choose weights w[i][d]
 * (from old output d to new neuron i) and biases b[i] so that new neuron
 * i outputs bit i of the digit (bit 0 the least significant: 6 = 0110
 * gives outputs 0,1,1,0 for neurons 0,1,2,3).  The test asks each new
 * neuron for more than 0.9 when its bit is 1 and less than 0.1 when 0.
 * Check your work: make exercise N=8
 */
#include "exercises.h"

void ex_bit_layer(double w[4][10], double b[4])
{
    for (int i = 0; i < 4; i++) {
        for (int d = 0; d < 10; d++)
            w[i][d] = 0.0;   /* TODO: what should digit d say to bit i? */
        b[i] = 0.0;          /* TODO: a bias so that only a clear "yes" fires */
    }
}
