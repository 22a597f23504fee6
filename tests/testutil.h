/* testutil.h - helpers shared by the Check suites. */
#ifndef NNDL_TESTUTIL_H
#define NNDL_TESTUTIL_H

#include <check.h>
#include <stddef.h>
#include "nndl.h"

/* Runs one suite and returns the process exit status (non-zero when any
 * test failed or errored). */
int run_suite(Suite *s);

/* A fresh temporary directory (mkdtemp under $TMPDIR or /tmp); the
 * returned string is static and valid until the next call. */
const char *temp_dir(void);

/* Writes len bytes to path; 0 on success. */
int write_file(const char *path, const void *data, size_t len);

/* Writes len bytes to path gzip-compressed; 0 on success. */
int write_gz(const char *path, const void *data, size_t len);

/* A small random dataset of n examples of dim pixels and labels 0..9,
 * owned by the returned struct (free with dataset_free). */
Dataset random_dataset(size_t n, size_t dim, Rng *rng);

#endif
