/* Exercise 13 (section 1.5, the chapter's exercise on one dimension):
 * gradient descent when C is a function of just one variable v.
 *
 * The gradient is then the slope C'(v), and the update rule becomes
 * v -> v - eta C'(v).  ex_gd_1d records the path of the ball: path[0] is
 * the start v0, and path[k+1] = path[k] - eta * c_prime(path[k]) for
 * k = 0 .. steps-1 (so path holds steps + 1 values).
 * Before you run the test, predict: on C(v) = (v - 3)^2, which way does a
 * step go when v < 3?  What happens with eta = 0.1, and with eta = 1.5?
 * Check your work: make exercise N=13
 */
#include "exercises.h"

void ex_gd_1d(double *path, double v0, double eta, size_t steps,
              double (*c_prime)(double v))
{
    path[0] = v0;

    /* TODO: fill path[1] .. path[steps] with the update rule. */
    (void)eta, (void)c_prime;   /* TODO: delete once you use them */
    for (size_t k = 0; k < steps; k++)
        path[k + 1] = path[k];
}
