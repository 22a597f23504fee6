/* Exercise 2 (section 1.1): a NAND gate from one perceptron - reference. */
#include "exercises.h"

int ex_nand(int x1, int x2)
{
    double z = -2.0 * x1 - 2.0 * x2 + 3.0;   /* w = (-2, -2), b = 3 */
    return z > 0.0 ? 1 : 0;
}
