/* Exercise 13 (section 1.5): gradient descent in one dimension - reference.
 * Each step moves against the slope: downhill, by eta times the slope. */
#include "exercises.h"

void ex_gd_1d(double *path, double v0, double eta, size_t steps,
              double (*c_prime)(double v))
{
    path[0] = v0;
    for (size_t k = 0; k < steps; k++)
        path[k + 1] = path[k] - eta * c_prime(path[k]);
}
