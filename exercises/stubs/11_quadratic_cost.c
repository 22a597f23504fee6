/* Exercise 11 (section 1.5): the quadratic cost and its derivative.
 *
 * How badly does the network do?  Over n training inputs x, with the
 * network's output a(x) and the desired output y(x), the chapter uses
 *
 *     C = 1/(2n) sum_x |y(x) - a(x)|^2
 *
 * where |v|^2 is the sum of the squares of v's entries.  Here a and y
 * hold n examples of n_out values each, one example after the other
 * (example i's entry j is at [i * n_out + j]).  ex_quadratic_cost returns
 * C (0 when n is 0).  ex_cost_derivative gives, for ONE example, the
 * partial derivatives of C_x = |y - a|^2 / 2 with respect to each a_j.
 * Check your work: make exercise N=11
 */
#include "exercises.h"

double ex_quadratic_cost(const double *a, const double *y, size_t n,
                         size_t n_out)
{
    /* TODO: add up (y - a)^2 over every example and every output, then
     * divide by 2n. */
    (void)a, (void)y, (void)n, (void)n_out;   /* TODO: delete once used */
    return 0.0;
}

void ex_cost_derivative(double *out, const double *a, const double *y,
                        size_t n_out)
{
    /* TODO: out[j] = d C_x / d a_j for j = 0 .. n_out-1. */
    for (size_t j = 0; j < n_out; j++)
        out[j] = 0.0;
    (void)a, (void)y;   /* TODO: delete once you use them */
}
