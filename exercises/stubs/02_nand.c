/* Exercise 2 (section 1.1): a NAND gate from one perceptron.
 *
 * NAND(x1, x2) is 0 only when both bits are 1.  The chapter builds it from
 * a single perceptron with two weights of -2 and a bias of 3.  Make
 * ex_nand_z return that perceptron's weighted input w . x + b for the
 * bits x1 and x2 (each 0 or 1), and ex_nand its output.  Work the rule by
 * hand on the four inputs first: it is the whole point of the exercise
 * that a weighted sum gives NAND.
 * Check your work: make exercise N=2
 */
#include "exercises.h"

double ex_nand_z(int x1, int x2)
{
    /* TODO: w1*x1 + w2*x2 + b with the NAND perceptron's w1, w2, b. */
    (void)x1, (void)x2;   /* TODO: delete once you use them */
    return 0.0;
}

int ex_nand(int x1, int x2)
{
    /* TODO: the perceptron's output: 1 if its z > 0, else 0. */
    (void)x1, (void)x2;   /* TODO: delete once you use them */
    return 0;
}
