/* Exercise 12 (section 1.5): the step of length eps that lowers C most -
 * reference.  By Cauchy-Schwarz, grad C . dv >= -|grad C| |dv|, with
 * equality exactly when dv points along -grad C. */
#include <math.h>

#include "exercises.h"

void ex_steepest_step(double *dv, const double *grad, size_t n, double eps)
{
    double norm = 0.0;
    for (size_t i = 0; i < n; i++)
        norm += grad[i] * grad[i];
    norm = sqrt(norm);
    for (size_t i = 0; i < n; i++)
        dv[i] = norm > 0.0 ? -eps * grad[i] / norm : 0.0;
}
