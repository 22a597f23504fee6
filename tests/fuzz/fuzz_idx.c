/* fuzz_idx.c - the IDX reader (mnist_load, mnist_load_split) on files made
 * from the fuzzer's bytes.
 *
 * Input layout:
 *   byte 0       mode: bit 0 gzip the image file, bit 1 gzip the label
 *                file, bit 2 load through mnist_load_split (the same pair
 *                as training and test set), bits 3..7 n_train for it
 *   bytes 1..4   little-endian length of the image file's bytes
 *   then         the image file's bytes, then the label file's bytes
 * Without the gzip bits the bytes are written as they are, so a corrupt
 * gzip stream (seeded by the .gz files in the corpus) is read as well.
 *
 * Properties: no crash, leak or read past the end (ASan); on success the
 * dataset's fields agree with each other and every byte is readable; on
 * failure nothing is owned and err holds one line. */
#include "fuzz.h"
#include "mnist.h"

static void check_dataset(const Dataset *ds)
{
    FUZZ_ASSERT(ds->n >= 1 && ds->rows >= 1 && ds->cols >= 1);
    FUZZ_ASSERT(ds->dim == (size_t)ds->rows * (size_t)ds->cols);
    unsigned sum = 0;
    for (size_t i = 0; i < ds->n * ds->dim; i++)    /* ASan checks bounds */
        sum += ds->x[i];
    for (size_t i = 0; i < ds->n; i++)
        FUZZ_ASSERT(ds->y[i] < MNIST_CLASSES);
    (void)sum;
}

static void check_error(NndlStatus st, const char *err)
{
    FUZZ_ASSERT(st != NNDL_OK);
    size_t len = strnlen(err, NNDL_ERRLEN);
    FUZZ_ASSERT(len > 0 && len < NNDL_ERRLEN && !strchr(err, '\n'));
}

static void load_pair(const char *images, const char *labels)
{
    Dataset ds;
    char err[NNDL_ERRLEN] = "";
    NndlStatus st = mnist_load(&ds, images, labels, err);
    fuzz_say(st == NNDL_OK ? "ok" : err);
    if (st == NNDL_OK) {
        check_dataset(&ds);
        dataset_free(&ds);
    } else {
        check_error(st, err);
        FUZZ_ASSERT(ds.x == NULL && ds.y == NULL);
    }
}

static void load_split(size_t n_train)
{
    MnistSplit s;
    char err[NNDL_ERRLEN] = "";
    NndlStatus st = mnist_load_split(&s, fuzz_dir(), n_train, err);
    fuzz_say(st == NNDL_OK ? "ok" : err);
    if (st != NNDL_OK) {
        check_error(st, err);
        return;
    }
    check_dataset(&s.all_train);
    check_dataset(&s.test);
    FUZZ_ASSERT(s.training.n == n_train);
    FUZZ_ASSERT(s.training.n + s.validation.n == s.all_train.n);
    FUZZ_ASSERT(s.validation.x == s.all_train.x + n_train * s.all_train.dim);
    mnist_split_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    unsigned mode = data[0];
    size_t split = (size_t)data[1] | (size_t)data[2] << 8 |
                   (size_t)data[3] << 16 | (size_t)data[4] << 24;
    data += 5, size -= 5;
    if (split > size)
        split = size;
    int split_mode = (mode & 4) != 0;
    const char *images = fuzz_path(0, split_mode ? "train-images-idx3-ubyte"
                                                 : "images");
    const char *labels = fuzz_path(1, split_mode ? "train-labels-idx1-ubyte"
                                                 : "labels");
    fuzz_write(images, data, split, mode & 1);
    fuzz_write(labels, data + split, size - split, (mode & 2) != 0);
    if (!split_mode) {
        load_pair(images, labels);
        return 0;
    }
    fuzz_write(fuzz_path(2, "t10k-images-idx3-ubyte"), data, split, mode & 1);
    fuzz_write(fuzz_path(3, "t10k-labels-idx1-ubyte"), data + split,
               size - split, (mode & 2) != 0);
    load_split(mode >> 3);
    return 0;
}
