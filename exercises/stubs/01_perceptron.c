/* Exercise 1 (section 1.1): the perceptron rule.
 *
 * A perceptron weighs its inputs x_1..x_n with weights w_1..w_n, adds its
 * bias b (minus the threshold) and answers 1 ("yes") when the total is
 * positive, 0 otherwise:
 *
 *     output = 1 if w . x + b > 0, else 0
 *
 * Write ex_perceptron so it returns that output for n inputs.
 * Check your work: make exercise N=1
 */
#include "exercises.h"

int ex_perceptron(const double *w, const double *x, double b, size_t n)
{
    /* TODO: compute z = w[0]*x[0] + ... + w[n-1]*x[n-1] + b. */
    (void)w, (void)x, (void)b, (void)n;   /* TODO: delete once you use them */

    /* TODO: return 1 when z > 0, and 0 otherwise. */
    return 0;
}
