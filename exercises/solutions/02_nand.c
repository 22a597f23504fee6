/* Exercise 2 (section 1.1): a NAND gate from one perceptron - reference. */
#include "exercises.h"

double ex_nand_z(int x1, int x2)
{
    return -2.0 * x1 - 2.0 * x2 + 3.0;      /* w = (-2, -2), b = 3 */
}

int ex_nand(int x1, int x2)
{
    return ex_nand_z(x1, x2) > 0.0 ? 1 : 0;
}
