/* sigmoid.c - step, sigmoid and its derivative (section 1.2). */
#include <math.h>

#include "sigmoid.h"

double step(double z)
{
    return z > 0.0 ? 1.0 : 0.0;
}

/* book: sigmoid */
double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

double sigmoid_prime(double z)
{
    double s = sigmoid(z);
    return s * (1.0 - s);
}
/* end book: sigmoid */

float sigmoidf(float z)
{
    return 1.0f / (1.0f + expf(-z));
}

float sigmoid_primef(float z)
{
    float s = sigmoidf(z);
    return s * (1.0f - s);
}

double neuron_z(const double *w, const double *x, double b, size_t n)
{
    double z = b;
    for (size_t j = 0; j < n; j++)
        z += w[j] * x[j];
    return z;
}

/* book: sigmoid_neuron */
double sigmoid_neuron(const double *w, const double *x, double b, size_t n)
{
    return sigmoid(neuron_z(w, x, b, n));
}
/* end book: sigmoid_neuron */
