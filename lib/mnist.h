/* mnist.h - the MNIST digits (section 1.4) read from IDX files.
 *
 * IDX format (big-endian): a magic number 0x00000803 (images: unsigned
 * bytes, 3 dimensions) or 0x00000801 (labels: 1 dimension), then each
 * dimension as a 32-bit count, then the data.  Files may be raw or gzip;
 * both are read through zlib's gzread.  Every header field, the data
 * length and trailing bytes are checked, and memory grows only as data
 * actually arrives, so a lying header cannot make us allocate gigabytes.
 *
 * The pixels of a Dataset are one contiguous block of bytes, n x dim,
 * example i at x[i * dim]; mnist_x() turns one into floats in [0, 1].
 */
#ifndef NNDL_MNIST_H
#define NNDL_MNIST_H

#include <stddef.h>
#include "nndl_error.h"

#define MNIST_CLASSES 10

typedef struct {
    size_t n;              /* number of examples */
    int rows, cols;        /* image size, 28 x 28 for MNIST */
    size_t dim;            /* rows * cols, 784 for MNIST */
    unsigned char *x;      /* n x dim pixels, 0..255, row-major */
    unsigned char *y;      /* n labels, 0..9 */
    int owns;              /* 1 if x and y are freed with the dataset */
} Dataset;

/* The chapter's split: training = first 50,000 training images,
 * validation = the other 10,000, test = the 10,000 t10k images.
 * train and validation are views into one owned block. */
typedef struct {
    Dataset all_train;     /* owns the 60,000 training examples */
    Dataset training;      /* view: first n_train of all_train */
    Dataset validation;    /* view: the rest of all_train */
    Dataset test;          /* owns the test examples */
} MnistSplit;

/* Reads an IDX image file and its label file into ds (which then owns its
 * memory).  Checks magic numbers, dimensions, lengths, trailing bytes,
 * labels <= 9 and that the two files hold the same number of examples. */
NndlStatus mnist_load(Dataset *ds, const char *images_path,
                      const char *labels_path, char *err);

/* Loads dir/train-images-idx3-ubyte, ... (each name also tried with .gz)
 * and splits it as described above, with n_train training examples
 * (50000 for the chapter; the rest is validation). */
NndlStatus mnist_load_split(MnistSplit *split, const char *dir,
                            size_t n_train, char *err);

/* Frees what ds owns and zeroes it.  Accepts NULL and views. */
void dataset_free(Dataset *ds);

/* Frees both owned blocks of a split.  Accepts NULL. */
void mnist_split_free(MnistSplit *split);

/* A view of examples [start, start + n) of ds (no copy, not owned). */
Dataset dataset_view(const Dataset *ds, size_t start, size_t n);

/* Writes example i's pixels scaled to [0, 1] into x (ds->dim floats). */
void mnist_x(float *x, const Dataset *ds, size_t i);

/* Writes the one-hot target for label into y (MNIST_CLASSES floats):
 * 1.0 at index label, 0.0 elsewhere (the vector y(x) of the cost, eq. 1.6). */
void mnist_one_hot(float *y, int label);

/* The directory of the MNIST files: the MNIST_DIR environment variable
 * when set, else "data/mnist". */
const char *mnist_default_dir(void);

#endif
