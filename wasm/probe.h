/* probe.h - the same C compiled natively and to WebAssembly, so the
 * exactness test (tests/wasm/exact.js) can compare the two builds'
 * numbers where the C library, not our code, computes them: wasi-libc's
 * expf and exp (musl's) against glibc's. */
#ifndef NNDL_WASM_PROBE_H
#define NNDL_WASM_PROBE_H

#include <stddef.h>
#include <stdint.h>

/* For the k-th float x whose bit pattern is k * stride (k = 0, 1, ...,
 * every sign and exponent): e[k] = expf(x), s[k] = sigmoidf(x).  e and s
 * hold probe_count(stride) floats.  Returns that count. */
size_t probe_expf(float *e, float *s, uint32_t stride);

/* The same for doubles: the k-th has bit pattern k * stride * 2^32 + k;
 * e[k] = exp(x), s[k] = sigmoid(x). */
size_t probe_exp(double *e, double *s, uint32_t stride);

/* The bits of expf(x) for the float x with bit pattern x_bits. */
uint32_t probe_expf_of(uint32_t x_bits);

/* How many inputs the two functions above try for this stride. */
size_t probe_count(uint32_t stride);

#endif
