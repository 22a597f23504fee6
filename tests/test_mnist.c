/* test_mnist.c - IDX reading on fixture files the tests write themselves,
 * raw and gzip, and every malformed case rejected with its own message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "testutil.h"

static const char *dir;
static char images[300], labels[300], err[NNDL_ERRLEN];

static void put_be32(unsigned char *p, unsigned v)
{
    p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = v;
}

/* An IDX image file of n images of rows x cols whose pixel k of image i is
 * (i * 7 + k) % 256, built in buf; returns its length. */
static size_t make_images(unsigned char *buf, unsigned magic, unsigned n,
                          unsigned rows, unsigned cols)
{
    put_be32(buf, magic), put_be32(buf + 4, n);
    put_be32(buf + 8, rows), put_be32(buf + 12, cols);
    for (size_t i = 0; i < (size_t)n * rows * cols; i++)
        buf[16 + i] = (unsigned char)((i / (rows * cols)) * 7 + i % (rows * cols));
    return 16 + (size_t)n * rows * cols;
}

static size_t make_labels(unsigned char *buf, unsigned n)
{
    put_be32(buf, 0x801), put_be32(buf + 4, n);
    for (unsigned i = 0; i < n; i++)
        buf[8 + i] = (unsigned char)(i % 10);
    return 8 + n;
}

static unsigned char ibuf[4096], lbuf[256];
static size_t ilen, llen;

static void setup(void)
{
    dir = temp_dir();
    snprintf(images, sizeof images, "%s/images", dir);
    snprintf(labels, sizeof labels, "%s/labels", dir);
    ilen = make_images(ibuf, 0x803, 5, 3, 4);
    llen = make_labels(lbuf, 5);
}

static NndlStatus load_raw(void)
{
    Dataset ds;
    ck_assert_int_eq(write_file(images, ibuf, ilen), 0);
    ck_assert_int_eq(write_file(labels, lbuf, llen), 0);
    NndlStatus st = mnist_load(&ds, images, labels, err);
    if (st == NNDL_OK)
        dataset_free(&ds);
    else
        ck_assert_ptr_null(ds.x);
    return st;
}

START_TEST(test_reads_a_raw_idx_pair)
{
    Dataset ds;
    write_file(images, ibuf, ilen), write_file(labels, lbuf, llen);
    ck_assert_int_eq(mnist_load(&ds, images, labels, err), NNDL_OK);
    ck_assert_uint_eq(ds.n, 5);
    ck_assert_int_eq(ds.rows, 3);
    ck_assert_int_eq(ds.cols, 4);
    ck_assert_uint_eq(ds.dim, 12);
    ck_assert_uint_eq(ds.x[2 * 12 + 5], 2 * 7 + 5);
    ck_assert_uint_eq(ds.y[4], 4);
    dataset_free(&ds);
}
END_TEST

START_TEST(test_reads_a_gzip_idx_pair_the_same)
{
    Dataset ds;
    write_gz(images, ibuf, ilen), write_gz(labels, lbuf, llen);
    ck_assert_int_eq(mnist_load(&ds, images, labels, err), NNDL_OK);
    ck_assert_uint_eq(ds.n, 5);
    ck_assert_mem_eq(ds.x, ibuf + 16, 5 * 12);
    ck_assert_mem_eq(ds.y, lbuf + 8, 5);
    dataset_free(&ds);
}
END_TEST

START_TEST(test_rejects_a_bad_magic_number)
{
    ibuf[0] = 0x12;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "bad magic"));
    ck_assert_ptr_nonnull(strstr(err, images));
}
END_TEST

START_TEST(test_rejects_a_label_file_given_as_images)
{
    memcpy(ibuf, lbuf, llen), ilen = llen;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "1 dimensions, expected 3"));
}
END_TEST

START_TEST(test_rejects_zero_or_absurd_dimensions)
{
    ilen = make_images(ibuf, 0x803, 5, 0, 4);
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "image size 0x4"));
    ilen = make_images(ibuf, 0x803, 0, 3, 4);
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "image count 0"));
}
END_TEST

START_TEST(test_rejects_truncated_pixels)
{
    ilen -= 7;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "truncated"));
}
END_TEST

START_TEST(test_rejects_a_truncated_header)
{
    ilen = 10;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "truncated header"));
}
END_TEST

START_TEST(test_a_huge_count_in_the_header_allocates_nothing_big)
{
    /* The header claims 9,000,000 images of 28x28 (7 GB); the file holds
     * 60 bytes.  The reader must stop at "truncated" without trying to
     * allocate the promised size: under a 2 GiB address-space limit a
     * reader that allocated it up front fails with "out of memory". */
#if !defined(__SANITIZE_ADDRESS__)
    struct rlimit lim = {(rlim_t)2 << 30, (rlim_t)2 << 30};
    ck_assert_int_eq(setrlimit(RLIMIT_AS, &lim), 0);
#endif
    make_images(ibuf, 0x803, 1, 28, 28);     /* header and 784 pixels */
    put_be32(ibuf + 4, 9000000);
    ilen = 16 + 60;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "truncated"));
}
END_TEST

START_TEST(test_rejects_trailing_bytes)
{
    ibuf[ilen++] = 0;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "unexpected bytes after"));
}
END_TEST

START_TEST(test_rejects_image_and_label_counts_that_differ)
{
    llen = make_labels(lbuf, 4);
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "4 labels but the image file has 5"));
}
END_TEST

START_TEST(test_rejects_a_label_above_nine)
{
    lbuf[8 + 3] = 12;
    ck_assert_int_eq(load_raw(), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "label 12 at index 3"));
}
END_TEST

START_TEST(test_rejects_an_empty_file_a_directory_and_a_missing_file)
{
    Dataset ds;
    write_file(images, "", 0), write_file(labels, lbuf, llen);
    ck_assert_int_eq(mnist_load(&ds, images, labels, err), NNDL_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "empty file"));
    ck_assert_int_eq(mnist_load(&ds, dir, labels, err), NNDL_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err, "is a directory"));
    ck_assert_int_eq(mnist_load(&ds, "/no/such/file", labels, err), NNDL_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err, "/no/such/file: cannot open"));
}
END_TEST

/* Writes the images gzip-compressed, then keeps only the first half of the
 * compressed file (cut) or garbles 40 bytes in its middle (garble). */
static NndlStatus load_damaged_gz(int cut, int garble)
{
    Dataset ds;
    unsigned char gz[8192];
    ilen = make_images(ibuf, 0x803, 100, 6, 6);
    for (size_t i = 16; i < ilen; i++)       /* incompressible-ish pixels */
        ibuf[i] = (unsigned char)(i * 2654435761u >> 13);
    write_gz(images, ibuf, ilen);
    FILE *f = fopen(images, "rb");
    size_t n = fread(gz, 1, sizeof gz, f);
    fclose(f);
    if (garble)
        for (size_t i = n / 3; i < n / 3 + 40; i++)
            gz[i] ^= 0x5a;
    ck_assert_uint_gt(n, 200);
    write_file(images, gz, cut ? n / 2 : n);
    llen = make_labels(lbuf, 100);
    write_file(labels, lbuf, llen);
    NndlStatus st = mnist_load(&ds, images, labels, err);
    if (st == NNDL_OK)
        dataset_free(&ds);
    return st;
}

START_TEST(test_rejects_a_gzip_file_cut_in_the_middle)
{
    ck_assert_int_eq(load_damaged_gz(1, 0), NNDL_ERR_FORMAT);
    ck_assert_msg(strstr(err, "truncated") || strstr(err, "corrupt gzip"), "%s", err);
    ck_assert_ptr_nonnull(strstr(err, images));
}
END_TEST

START_TEST(test_rejects_corrupt_gzip_data)
{
    ck_assert_int_eq(load_damaged_gz(0, 1), NNDL_ERR_FORMAT);
    ck_assert_msg(strstr(err, "corrupt gzip") || strstr(err, "truncated"), "%s", err);
}
END_TEST

START_TEST(test_split_makes_views_of_one_block)
{
    /* A folder laid out like data/mnist with 5 training and 5 test images. */
    char path[400];
    MnistSplit split;
    const char *names[] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                           "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte"};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        const unsigned char *b = i % 2 ? lbuf : ibuf;
        ck_assert_int_eq(i == 2 ? write_gz(path, b, ilen)
                                : write_file(path, b, i % 2 ? llen : ilen), 0);
    }
    ck_assert_int_eq(mnist_load_split(&split, dir, 3, err), NNDL_OK);
    ck_assert_uint_eq(split.training.n, 3);
    ck_assert_uint_eq(split.validation.n, 2);
    ck_assert_uint_eq(split.test.n, 5);
    ck_assert_ptr_eq(split.validation.x, split.training.x + 3 * 12);
    ck_assert_uint_eq(split.validation.y[0], 3);
    mnist_split_free(&split);
    ck_assert_int_eq(mnist_load_split(&split, dir, 6, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "6 training examples"));
}
END_TEST

START_TEST(test_pixels_scale_to_the_unit_interval)
{
    unsigned char px[3] = {0, 51, 255}, y = 0;
    Dataset ds = {1, 1, 3, 3, px, &y, 0};
    float x[3];
    dataset_x(x, &ds, 0);
    ck_assert_float_eq(x[0], 0.0f);
    ck_assert_float_eq_tol(x[1], 0.2f, 1e-7f);
    ck_assert_float_eq(x[2], 1.0f);
}
END_TEST

START_TEST(test_one_hot_has_a_single_one_at_the_label)
{
    float y[MNIST_CLASSES];
    for (int label = 0; label < MNIST_CLASSES; label++) {
        dataset_one_hot(y, label, MNIST_CLASSES);
        float sum = 0;
        for (int j = 0; j < MNIST_CLASSES; j++)
            sum += y[j];
        ck_assert_float_eq(sum, 1.0f);
        ck_assert_float_eq(y[label], 1.0f);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("mnist");
    TCase *tc = tcase_create("idx");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_reads_a_raw_idx_pair);
    tcase_add_test(tc, test_reads_a_gzip_idx_pair_the_same);
    tcase_add_test(tc, test_rejects_a_bad_magic_number);
    tcase_add_test(tc, test_rejects_a_label_file_given_as_images);
    tcase_add_test(tc, test_rejects_zero_or_absurd_dimensions);
    tcase_add_test(tc, test_rejects_truncated_pixels);
    tcase_add_test(tc, test_rejects_a_truncated_header);
    tcase_add_test(tc, test_a_huge_count_in_the_header_allocates_nothing_big);
    tcase_add_test(tc, test_rejects_trailing_bytes);
    tcase_add_test(tc, test_rejects_image_and_label_counts_that_differ);
    tcase_add_test(tc, test_rejects_a_label_above_nine);
    tcase_add_test(tc, test_rejects_an_empty_file_a_directory_and_a_missing_file);
    tcase_add_test(tc, test_rejects_a_gzip_file_cut_in_the_middle);
    tcase_add_test(tc, test_rejects_corrupt_gzip_data);
    tcase_add_test(tc, test_split_makes_views_of_one_block);
    tcase_add_test(tc, test_pixels_scale_to_the_unit_interval);
    tcase_add_test(tc, test_one_hot_has_a_single_one_at_the_label);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
