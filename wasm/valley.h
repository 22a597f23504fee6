/* valley.h - the valley of section 1.5 for the book's live figure. */
#ifndef NNDL_WASM_VALLEY_H
#define NNDL_WASM_VALLEY_H

#include <stddef.h>

#define VALLEY_EXAMPLES 100     /* examples of the stochastic valley */

/* Gradient descent on C = (a v1^2 + b v2^2) / 2 from (v1, v2): gd_run's
 * path (rows v1 v2 C, steps + 1 at most) and its return value. */
size_t valley_descent(double *path, double a, double b, double v1, double v2,
                      double eta, size_t steps);

/* SGD on the same valley, each step's gradient estimated from m examples
 * (1 <= m <= VALLEY_EXAMPLES, drawn with replacement) whose offsets have
 * standard deviation `spread`; seeded.  Rows v1 v2 C (the true C) as in
 * valley_descent; returns the steps taken (fewer if C overflowed). */
size_t valley_sgd(double *path, double a, double b, double v1, double v2,
                  double eta, size_t steps, size_t m, double spread,
                  unsigned seed);

#endif
