/* Exercise 14 (section 1.5): online learning against mini-batches -
 * reference solution. */
#include <math.h>

#include "exercises.h"

void ex_neuron_gradient(double grad_w[2], double *grad_b, const Neuron2 *nrn,
                        const double x[2], double y)
{
    double z = nrn->w[0] * x[0] + nrn->w[1] * x[1] + nrn->b;
    double a = 1.0 / (1.0 + exp(-z));
    double delta = (a - y) * a * (1.0 - a);     /* dC_x/dz by the chain rule */
    grad_w[0] = delta * x[0];
    grad_w[1] = delta * x[1];
    *grad_b = delta;
}

size_t ex_neuron_epoch(Neuron2 *nrn, const double *x, const double *y,
                       size_t n, size_t m, double eta)
{
    size_t updates = 0;
    for (size_t start = 0; start < n; start += m) {
        size_t size = n - start < m ? n - start : m;
        double sum_w[2] = {0, 0}, sum_b = 0, gw[2], gb;
        for (size_t i = start; i < start + size; i++) {
            ex_neuron_gradient(gw, &gb, nrn, x + 2 * i, y[i]);
            sum_w[0] += gw[0], sum_w[1] += gw[1], sum_b += gb;
        }
        nrn->w[0] -= eta / (double)size * sum_w[0];   /* the average */
        nrn->w[1] -= eta / (double)size * sum_w[1];
        nrn->b -= eta / (double)size * sum_b;
        updates++;
    }
    return updates;
}
