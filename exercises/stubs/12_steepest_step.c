/* Exercise 12 (section 1.5, the chapter's exercise on gradient descent):
 * among all steps dv of a fixed small length eps, the one that lowers C
 * the most is dv = -eps grad C / |grad C|.
 *
 * The proof uses the Cauchy-Schwarz inequality on the change
 * Delta C ~ grad C . dv.  Here you write the step itself:
 * ex_steepest_step fills dv[0..n-1] with the step of length eps straight
 * down the gradient, given grad[0..n-1] = grad C at the current point.
 * (If the gradient is zero, no direction is better: return the zero step.)
 * The test then checks your step against a thousand random directions of
 * the same length on several functions: none should do better.
 * Check your work: make exercise N=12
 */
#include <math.h>

#include "exercises.h"

void ex_steepest_step(double *dv, const double *grad, size_t n, double eps)
{
    /* TODO: the length |grad| = sqrt(sum of grad[i]^2). */
    (void)grad, (void)eps;   /* TODO: delete once you use them */

    /* TODO: dv[i] = -eps * grad[i] / |grad| (zero step if |grad| is 0). */
    for (size_t i = 0; i < n; i++)
        dv[i] = 0.0;
}
