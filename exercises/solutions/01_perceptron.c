/* Exercise 1 (section 1.1): the perceptron rule - reference solution. */
#include "exercises.h"

int ex_perceptron(const double *w, const double *x, double b, size_t n)
{
    double z = b;                       /* z = w . x + b */
    for (size_t j = 0; j < n; j++)
        z += w[j] * x[j];
    return z > 0.0 ? 1 : 0;             /* exactly 0 counts as "no" */
}
