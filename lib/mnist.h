/* mnist.h - the MNIST digits (section 1.4) read from IDX files.
 *
 * IDX format (big-endian): a magic number 0x00000803 (images: unsigned
 * bytes, 3 dimensions) or 0x00000801 (labels: 1 dimension), then each
 * dimension as a 32-bit count, then the data.  Files may be raw or gzip;
 * both are read through zlib's gzread.  Every header field, the data
 * length and trailing bytes are checked, and memory grows only as data
 * actually arrives, so a lying header cannot make us allocate gigabytes.
 *
 * The images land in a Dataset (lib/dataset.h), labels 0..9.
 */
#ifndef NNDL_MNIST_H
#define NNDL_MNIST_H

#include <stddef.h>
#include "dataset.h"
#include "nndl_error.h"

#define MNIST_CLASSES 10

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

/* Frees both owned blocks of a split.  Accepts NULL. */
void mnist_split_free(MnistSplit *split);

/* The directory of the MNIST files: the MNIST_DIR environment variable
 * when set, else "data/mnist". */
const char *mnist_default_dir(void);

#endif
