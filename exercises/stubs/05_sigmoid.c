/* Exercise 5 (section 1.2): the sigmoid function and its derivative.
 *
 * A sigmoid neuron outputs sigma(z) for its weighted input z, where
 *
 *     sigma(z) = 1 / (1 + e^(-z))
 *
 * smoothly going from 0 (z very negative) through 1/2 (z = 0) to 1
 * (z very positive).  Learning needs its slope too: write ex_sigmoid and
 * ex_sigmoid_prime (the derivative d sigma / dz).  Work the derivative
 * out on paper; you can write it with sigma itself.  Both must give
 * numbers (never NaN) even for z = -1000 or 1000.
 * Check your work: make exercise N=5
 */
#include <math.h>

#include "exercises.h"

double ex_sigmoid(double z)
{
    /* TODO: return 1 / (1 + e^(-z)); exp() is in math.h. */
    (void)z;   /* TODO: delete once you use z */
    return 0.0;
}

double ex_sigmoid_prime(double z)
{
    /* TODO: return the derivative of the sigmoid at z. */
    (void)z;   /* TODO: delete once you use z */
    return 0.0;
}
