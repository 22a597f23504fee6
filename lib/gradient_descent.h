/* gradient_descent.h - the ball rolling down the valley (section 1.5).
 *
 * To minimise C(v) over v in R^n, repeat the update rule
 *   v  ->  v' = v - eta * grad C(v)                   (eq. 1.11)
 * which, for small eta, changes C by about -eta |grad C|^2 <= 0 (eq. 1.9
 * with the choice of eq. 1.10).
 */
#ifndef NNDL_GRADIENT_DESCENT_H
#define NNDL_GRADIENT_DESCENT_H

#include <stddef.h>

/* A function to minimise: returns C(v) and writes grad C(v) to grad
 * (both of dimension n).  ctx is passed through untouched. */
typedef double (*GdFunction)(double *grad, const double *v, size_t n,
                             void *ctx);

/* One step of eq. 1.11 in place: v -= eta * grad C(v).  Returns C at the
 * old v.  grad is scratch of dimension n (left holding grad C(old v)). */
double gd_step(double *v, double *grad, size_t n, double eta, GdFunction f,
               void *ctx);

/* Runs `steps` steps from v (updated in place).  When path is not NULL it
 * receives (steps + 1) rows of n + 1 doubles: v_1..v_n then C(v), starting
 * with the initial point.  grad is scratch of dimension n.  Returns the
 * number of steps taken k (path then holds k + 1 rows): `steps`, or fewer
 * when C became NaN or infinite (the ball flew off), the last row holding
 * the first non-finite C. */
size_t gd_run(double *v, double *grad, double *path, size_t n, double eta,
              size_t steps, GdFunction f, void *ctx);

#endif
