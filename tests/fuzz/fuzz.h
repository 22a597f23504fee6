/* fuzz.h - what the fuzz targets share: a private scratch folder and
 * writing the fuzzer's bytes into files there (raw or gzip), since the
 * readers under test take file names.
 *
 * Each target defines LLVMFuzzerTestOneInput.  It is linked either with
 * libFuzzer (clang -fsanitize=fuzzer, `make fuzz`) or with replay.c, a
 * plain main() that feeds it the committed corpus (`make check`). */
#ifndef NNDL_FUZZ_H
#define NNDL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A scratch folder made once per process, removed by fuzz_cleanup at exit
 * (files in it are overwritten by every input). */
static char fuzz_dir_path[64];

static inline void fuzz_cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir_path);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir_path);
}

static inline const char *fuzz_dir(void)
{
    if (!fuzz_dir_path[0]) {
        /* Memory-backed /dev/shm when there is one: every input is
         * written to disk (and network_save fsyncs), so this is speed. */
        const char *base = getenv("TMPDIR");
        if (!base || strlen(base) >= 40)
            base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/nndl-fuzz.XXXXXX",
                 base);
        if (!mkdtemp(fuzz_dir_path)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_cleanup);
    }
    return fuzz_dir_path;
}

/* fuzz_dir()/name in a static buffer per slot (0..3). */
static inline const char *fuzz_path(int slot, const char *name)
{
    static char paths[4][128];
    snprintf(paths[slot], sizeof paths[slot], "%s/%s", fuzz_dir(), name);
    return paths[slot];
}

/* Writes data to path as it is, or gzip-compressed when gz is 1.  A write
 * failure is the harness's fault, so it aborts loudly. */
static inline void fuzz_write(const char *path, const uint8_t *data, size_t n, int gz)
{
    int ok;
    if (gz) {
        gzFile g = gzopen(path, "wb");
        ok = g && (n == 0 || gzwrite(g, data, (unsigned)n) == (int)n);
        ok = g && gzclose(g) == Z_OK && ok;
    } else {
        FILE *f = fopen(path, "wb");
        ok = f && fwrite(data, 1, n, f) == n;
        ok = f && fclose(f) == 0 && ok;
    }
    if (!ok) {
        fprintf(stderr, "fuzz: cannot write %s\n", path);
        abort();
    }
}

/* With FUZZ_VERBOSE set in the environment (replaying by hand), says what
 * the reader made of an input: "ok" or its error message. */
static inline void fuzz_say(const char *what)
{
    static int verbose = -1;
    if (verbose < 0)
        verbose = getenv("FUZZ_VERBOSE") != NULL;
    if (verbose)
        fprintf(stderr, "  -> %s\n", what);
}

/* Dies (a crash the fuzzer records) when a property does not hold.  Writes
 * to fd 2 itself: fuzz_cli swaps the stderr FILE for a memory stream. */
#define FUZZ_ASSERT(cond)                                                  \
    do {                                                                   \
        if (!(cond)) {                                                     \
            dprintf(2, "%s:%d: property failed: %s\n", __FILE__,           \
                    __LINE__, #cond);                                      \
            abort();                                                       \
        }                                                                  \
    } while (0)

#endif
