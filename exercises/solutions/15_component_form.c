/* Exercise 15 (section 1.6): a' = sigma(w a + b) in components -
 * reference.  Component j is sigma(sum_k w_jk a_k + b_j): exactly the
 * output of one sigmoid neuron with weights row j of w and bias b_j. */
#include <math.h>

#include "exercises.h"

void ex_layer(double *a_out, const double *w, const double *b,
              const double *a_in, size_t n_out, size_t n_in)
{
    for (size_t j = 0; j < n_out; j++) {
        double z = b[j];
        for (size_t k = 0; k < n_in; k++)
            z += w[j * n_in + k] * a_in[k];    /* w_jk: row j, column k */
        a_out[j] = 1.0 / (1.0 + exp(-z));
    }
}
