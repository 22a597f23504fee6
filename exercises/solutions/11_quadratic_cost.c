/* Exercise 11 (section 1.5): the quadratic cost and its derivative -
 * reference solution. */
#include "exercises.h"

double ex_quadratic_cost(const double *a, const double *y, size_t n,
                         size_t n_out)
{
    double total = 0.0;
    for (size_t i = 0; i < n * n_out; i++)     /* sum over x and over j */
        total += (y[i] - a[i]) * (y[i] - a[i]);
    return n ? total / (2.0 * (double)n) : 0.0;
}

void ex_cost_derivative(double *out, const double *a, const double *y,
                        size_t n_out)
{
    for (size_t j = 0; j < n_out; j++)
        out[j] = a[j] - y[j];                   /* d/da_j of |y - a|^2 / 2 */
}
