/* perceptron.h - the perceptron of section 1.1.
 *
 * A perceptron with weights w_j and bias b = -threshold outputs
 *   1 if w . x + b > 0, else 0                       (eq. 1.2)
 * A NAND gate is the perceptron w = (-2, -2), b = 3, and since NAND is
 * universal, NAND perceptrons alone compute any logical function: the
 * two-bit adder below is built from five of them.
 */
#ifndef NNDL_PERCEPTRON_H
#define NNDL_PERCEPTRON_H

#include <stddef.h>

/* Output of a perceptron on n inputs: 1 if w . x + b > 0, else 0. */
int perceptron(const double *w, const double *x, double b, size_t n);

/* The NAND gate as a perceptron with weights -2, -2 and bias 3. */
int perceptron_nand(int x1, int x2);

/* Adds the bits x1 and x2 using only perceptron_nand (five gates, in the
 * arrangement of the chapter's adder figure).  Writes the sum bit
 * (x1 XOR x2) to *sum and the carry bit (x1 AND x2) to *carry. */
void perceptron_adder(int x1, int x2, int *sum, int *carry);

#endif
