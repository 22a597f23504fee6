/* dataset.h - labelled examples: what a network is trained and tested on.
 *
 * The pixels (or any inputs) of a Dataset are one contiguous block of
 * bytes, n x dim, example i at x[i * dim]; dataset_x turns one into floats
 * in [0, 1].  The labels are class numbers 0, 1, ...; dataset_one_hot turns
 * one into the desired output y(x).  lib/mnist.h reads MNIST into one.
 */
#ifndef NNDL_DATASET_H
#define NNDL_DATASET_H

#include <stddef.h>

typedef struct {
    size_t n;              /* number of examples */
    int rows, cols;        /* image size, 28 x 28 for MNIST */
    size_t dim;            /* rows * cols, 784 for MNIST */
    unsigned char *x;      /* n x dim inputs, 0..255, row-major */
    unsigned char *y;      /* n labels */
    int owns;              /* 1 if x and y are freed with the dataset */
} Dataset;

/* Frees what ds owns and zeroes it.  Accepts NULL and views. */
void dataset_free(Dataset *ds);

/* A view of examples [start, start + n) of ds (no copy, not owned). */
Dataset dataset_view(const Dataset *ds, size_t start, size_t n);

/* Writes example i's inputs scaled to [0, 1] into x (ds->dim floats). */
void dataset_x(float *x, const Dataset *ds, size_t i);

/* Writes the one-hot target for label into y (n floats): 1.0 at index
 * label, 0.0 elsewhere (the vector y(x) of the cost, eq. 1.6). */
void dataset_one_hot(float *y, int label, int n);

#endif
