/* Exercise 3 (section 1.1): adding two bits with NAND perceptrons.
 *
 * Adding the bits x1 and x2 gives a sum bit (x1 XOR x2) and a carry bit
 * (x1 AND x2).  NAND is universal, so NAND perceptrons alone can do it:
 * wire ex_nand_gate(a, b) calls (one call = one perceptron) into an adder.
 * Use no arithmetic or logic of your own on the bits: only gates.  It
 * takes five gates, as in the chapter's figure, and the test counts them.
 * Check your work: make exercise N=3
 */
#include "exercises.h"

void ex_adder(int x1, int x2, int *sum, int *carry)
{
    /* TODO: the first gate, NAND(x1, x2), feeds everything else. */
    (void)x1, (void)x2;   /* TODO: delete once you use them */

    /* TODO: three more gates give the sum bit, x1 XOR x2. */
    *sum = 0;

    /* TODO: one more gate gives the carry bit, x1 AND x2. */
    *carry = 0;
}
