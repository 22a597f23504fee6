/* perceptron.c - perceptrons, the NAND gate and the adder (section 1.1). */
#include "perceptron.h"
#include "sigmoid.h"

/* book: perceptron */
int perceptron(const double *w, const double *x, double b, size_t n)
{
    return neuron_z(w, x, b, n) > 0.0 ? 1 : 0;
}
/* end book: perceptron */

/* book: perceptron_nand */
int perceptron_nand(int x1, int x2)
{
    const double w[2] = {-2.0, -2.0};
    const double x[2] = {x1, x2};
    return perceptron(w, x, 3.0, 2);
}
/* end book: perceptron_nand */

/* book: perceptron_adder */
void perceptron_adder(int x1, int x2, int *sum, int *carry)
{
    int n1 = perceptron_nand(x1, x2);   /* the gate both paths share */
    int n2 = perceptron_nand(x1, n1);
    int n3 = perceptron_nand(x2, n1);
    *sum = perceptron_nand(n2, n3);     /* x1 XOR x2 */
    *carry = perceptron_nand(n1, n1);   /* NOT n1 = x1 AND x2 */
}
/* end book: perceptron_adder */
