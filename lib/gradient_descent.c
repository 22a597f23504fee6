/* gradient_descent.c - the update rule v -> v - eta grad C (section 1.5). */
#include <math.h>
#include <string.h>

#include "gradient_descent.h"

/* book: gd_step */
double gd_step(double *v, double *grad, size_t n, double eta, GdFunction f,
               void *ctx)
{
    double c = f(grad, v, n, ctx);
    for (size_t i = 0; i < n; i++)
        v[i] -= eta * grad[i];           /* eq. 1.11 */
    return c;
}
/* end book: gd_step */

static void record(double *row, const double *v, size_t n, double c)
{
    memcpy(row, v, n * sizeof *v);
    row[n] = c;
}

size_t gd_run(double *v, double *grad, double *path, size_t n, double eta,
              size_t steps, GdFunction f, void *ctx)
{
    for (size_t k = 0; k < steps; k++) {
        double c = f(grad, v, n, ctx);
        if (path)
            record(path + k * (n + 1), v, n, c);
        if (!isfinite(c))
            return k;
        for (size_t i = 0; i < n; i++)
            v[i] -= eta * grad[i];
    }
    if (path)
        record(path + steps * (n + 1), v, n, f(grad, v, n, ctx));
    return steps;
}
