/* testutil.c - helpers shared by the Check suites. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>
#include <zlib.h>

#include "testutil.h"

int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static char made[256];

/* Removes the last temporary directory and the files in it. */
static void remove_temp_dir(void)
{
    DIR *d = made[0] ? opendir(made) : NULL;
    struct dirent *e;
    char file[600];
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(file, sizeof file, "%s/%s", made, e->d_name);
            unlink(file);
        }
    if (d)
        closedir(d), rmdir(made);
    made[0] = '\0';
}

const char *temp_dir(void)
{
    static int registered;
    const char *base = getenv("TMPDIR");
    remove_temp_dir();
    if (!registered)
        registered = 1, atexit(remove_temp_dir);
    snprintf(made, sizeof made, "%s/nndl-test.XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(made))
        ck_abort_msg("cannot create a temporary directory");
    return made;
}

int write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

int write_gz(const char *path, const void *data, size_t len)
{
    gzFile g = gzopen(path, "wb");
    if (!g)
        return -1;
    int n = len ? gzwrite(g, data, (unsigned)len) : 0;
    return gzclose(g) == Z_OK && (size_t)n == len ? 0 : -1;
}

Dataset random_dataset(size_t n, size_t dim, Rng *rng)
{
    Dataset ds = {n, 1, (int)dim, dim, malloc(n * dim), malloc(n), 1};
    ck_assert(ds.x && ds.y);
    for (size_t i = 0; i < n * dim; i++)
        ds.x[i] = (unsigned char)rng_below(rng, 256);
    for (size_t i = 0; i < n; i++)
        ds.y[i] = (unsigned char)rng_below(rng, 10);
    return ds;
}
