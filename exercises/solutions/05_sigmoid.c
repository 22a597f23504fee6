/* Exercise 5 (section 1.2): the sigmoid and its derivative - reference. */
#include <math.h>

#include "exercises.h"

double ex_sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));     /* exp(1000) = inf gives 0, not NaN */
}

double ex_sigmoid_prime(double z)
{
    double s = ex_sigmoid(z);
    return s * (1.0 - s);             /* d/dz 1/(1+e^-z) = e^-z/(1+e^-z)^2 */
}
