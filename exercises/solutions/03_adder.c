/* Exercise 3 (section 1.1): adding two bits with NAND perceptrons -
 * reference solution, the arrangement of the chapter's adder figure. */
#include "exercises.h"

void ex_adder(int x1, int x2, int *sum, int *carry)
{
    int n1 = ex_nand_gate(x1, x2);      /* shared by both outputs */
    int n2 = ex_nand_gate(x1, n1);
    int n3 = ex_nand_gate(x2, n1);
    *sum = ex_nand_gate(n2, n3);        /* x1 XOR x2 */
    *carry = ex_nand_gate(n1, n1);      /* NOT n1 = x1 AND x2 */
}
