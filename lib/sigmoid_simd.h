/* sigmoid_simd.h - the sigmoid of many neurons at once, for the fast path.
 *
 * sigmoid_many gives exactly sigmoidf's numbers (lib/sigmoid.c), eight at
 * a time where it can.  sigmoidf is 1 / (1 + expf(-z)), one call of the C
 * library's expf per neuron.  glibc's expf (2.28 and later) is a fixed
 * sequence of double-precision operations; on x86-64 CPUs with AVX2 and
 * FMA, sigmoid_simd.c repeats it four lanes per instruction.  Before its
 * first use that code is checked against this machine's expf on 32,768
 * inputs; anywhere else, or if one of them differs, sigmoid_many calls
 * sigmoidf.
 */
#ifndef NNDL_SIGMOID_SIMD_H
#define NNDL_SIGMOID_SIMD_H

#include <stddef.h>

/* a[i] = sigmoidf(z[i]) for i < n, bit for bit (a and z may be equal). */
void sigmoid_many(float *a, const float *z, size_t n);

/* 1 when sigmoid_many uses the vector code on this machine, else 0. */
int sigmoid_many_vectorized(void);

#endif
