/* valley.c - the ball in the valley of section 1.5, for the book's live
 * figure: gradient descent (lib/gradient_descent.c, unchanged) on
 *   C(v1, v2) = (a v1^2 + b v2^2) / 2,
 * the valley of bin/1.5-gradient-descent, and a stochastic version whose
 * gradient is estimated from a mini-batch of "examples".
 *
 * The stochastic valley: n examples with offsets (u_i, w_i), drawn from
 * N(0, spread^2) and centred so they average to exactly zero; example i's
 * cost is C_i(v) = (a (v1 - u_i)^2 + b (v2 - w_i)^2) / 2.  Their average
 * is the valley above plus a constant, so the full gradient is the true
 * one, and a mini-batch of m examples gives a noisy estimate of it
 * (eq. 1.18), which is what makes SGD's path wander. */
#include <stdlib.h>

#include "valley.h"
#include "gradient_descent.h"
#include "rng.h"
#include "wasm_export.h"

typedef struct {
    double a, b;
} Valley;

static double valley_cost(double *grad, const double *v, size_t n, void *ctx)
{
    const Valley *valley = ctx;
    (void)n;
    grad[0] = valley->a * v[0];
    grad[1] = valley->b * v[1];
    return 0.5 * (valley->a * v[0] * v[0] + valley->b * v[1] * v[1]);
}

WASM_EXPORT("valley_descent")
size_t valley_descent(double *path, double a, double b, double v1, double v2,
                      double eta, size_t steps)
{
    Valley valley = {a, b};
    double v[2] = {v1, v2}, grad[2];
    return gd_run(v, grad, path, 2, eta, steps, valley_cost, &valley);
}

typedef struct {
    double a, b;
    const double *u, *w;        /* the examples' offsets */
    size_t *batch, m;           /* the current mini-batch */
} NoisyValley;

/* The mini-batch's cost and its gradient at v (the average over it). */
static double batch_cost(double *grad, const double *v, size_t n, void *ctx)
{
    const NoisyValley *nv = ctx;
    double c = 0.0;
    (void)n;
    grad[0] = grad[1] = 0.0;
    for (size_t i = 0; i < nv->m; i++) {
        double d1 = v[0] - nv->u[nv->batch[i]], d2 = v[1] - nv->w[nv->batch[i]];
        grad[0] += nv->a * d1 / nv->m;
        grad[1] += nv->b * d2 / nv->m;
        c += 0.5 * (nv->a * d1 * d1 + nv->b * d2 * d2) / nv->m;
    }
    return c;
}

/* n offsets from N(0, spread^2), shifted to average exactly zero. */
static void centred_offsets(double *u, size_t n, double spread, Rng *rng)
{
    double mean = 0.0;
    for (size_t i = 0; i < n; i++)
        u[i] = spread * rng_gaussian(rng), mean += u[i] / n;
    for (size_t i = 0; i < n; i++)
        u[i] -= mean;
}

WASM_EXPORT("valley_sgd")
size_t valley_sgd(double *path, double a, double b, double v1, double v2,
                  double eta, size_t steps, size_t m, double spread,
                  unsigned seed)
{
    enum { N = VALLEY_EXAMPLES };
    double u[N], w[N], v[2] = {v1, v2}, grad[2], c = 0.0;
    size_t batch[N], k;
    Rng rng;
    if (m < 1 || m > N)
        return 0;
    rng_seed(&rng, seed);
    centred_offsets(u, N, spread, &rng);
    centred_offsets(w, N, spread, &rng);
    NoisyValley nv = {a, b, u, w, batch, m};
    for (k = 0; k <= steps; k++) {
        /* Row k: where the ball is and the true valley's C there. */
        c = valley_cost(grad, v, 2, &(Valley){a, b});
        path[3 * k] = v[0], path[3 * k + 1] = v[1], path[3 * k + 2] = c;
        if (k == steps || !(c < 1e300))
            break;
        for (size_t i = 0; i < m; i++)
            batch[i] = (size_t)rng_below(&rng, N);
        gd_step(v, grad, 2, eta, batch_cost, &nv);
    }
    return k;
}
