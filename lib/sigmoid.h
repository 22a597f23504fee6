/* sigmoid.h - the sigmoid neuron of section 1.2.
 *
 *   step(z)          = 1 if z > 0 else 0              (a perceptron's output)
 *   sigmoid(z)       = 1 / (1 + exp(-z))              (eq. 1.3)
 *   sigmoid_prime(z) = sigmoid(z) (1 - sigmoid(z))    (its derivative)
 *   neuron output    = sigmoid(w . x + b)             (eq. 1.4)
 */
#ifndef NNDL_SIGMOID_H
#define NNDL_SIGMOID_H

#include <stddef.h>

/* The step function of a perceptron: 1 when z > 0, else 0. */
double step(double z);

/* The sigmoid (logistic) function; never NaN, saturates to 0 or 1. */
double sigmoid(double z);

/* Derivative of the sigmoid, sigma(z)(1 - sigma(z)). */
double sigmoid_prime(double z);

/* Float versions used inside the network. */
float sigmoidf(float z);
float sigmoid_primef(float z);

/* w . x + b over n inputs (the weighted input z of one neuron). */
double neuron_z(const double *w, const double *x, double b, size_t n);

/* Output of one sigmoid neuron: sigmoid(w . x + b). */
double sigmoid_neuron(const double *w, const double *x, double b, size_t n);

#endif
