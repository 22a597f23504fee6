/* Exercise 8 (section 1.4): the layer that writes the digit in binary -
 * reference.  Neuron i listens with weight +20 to the digits whose bit i
 * is 1 and -20 to the others; the bias -10 needs the winner's +20 to fire. */
#include "exercises.h"

void ex_bit_layer(double w[4][10], double b[4])
{
    for (int i = 0; i < 4; i++) {
        for (int d = 0; d < 10; d++)
            w[i][d] = (d >> i & 1) ? 20.0 : -20.0;
        b[i] = -10.0;
    }
}
