/* rng.h - a small seeded random number generator (section 1.6 needs
 * Gaussian initial weights and a shuffle per epoch).
 *
 * xoshiro256** seeded through splitmix64.  No global state: every caller
 * owns an Rng and passes it explicitly, so the same seed always gives the
 * same numbers on every machine.
 */
#ifndef NNDL_RNG_H
#define NNDL_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t s[4];
} Rng;

/* Seed the generator.  Any 64-bit value is fine, including 0. */
void rng_seed(Rng *rng, uint64_t seed);

/* Next raw 64-bit output. */
uint64_t rng_next(Rng *rng);

/* Uniform double in [0, 1), 53 random bits. */
double rng_uniform(Rng *rng);

/* Uniform integer in [0, n), without modulo bias.  n must be > 0. */
uint64_t rng_below(Rng *rng, uint64_t n);

/* Standard normal N(0, 1) by the Box-Muller transform (one value per call;
 * the second value of each pair is discarded so the state stays one
 * plain struct). */
double rng_gaussian(Rng *rng);

/* Fisher-Yates shuffle of idx[0..n-1] in place. */
void rng_shuffle(Rng *rng, size_t *idx, size_t n);

#endif
