/* cli.h - what every section program shares: strict flag parsing, one-line
 * error messages, files written atomically, progress on a terminal.
 *
 * Errors in flags print `program: what is wrong (what was expected)` on
 * stderr and exit with status 2; other failures exit with status 1.
 * This is program code, not library code: it is allowed to print and exit.
 */
#ifndef NNDL_CLI_H
#define NNDL_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "mnist.h"

/* Set the program name used in messages (call first in main). */
void cli_init(const char *argv0);

/* The program name given to cli_init, without directories. */
const char *cli_prog(void);

/* Prints `program: message` on stderr and exits with status. */
void cli_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

/* Flag parsing.  cli_value returns the value after argv[*i] (advancing *i)
 * or dies with "flag needs a value".  The parsers reject empty strings,
 * trailing junk ("3.0x"), NaN, infinities and values out of [min, max].
 * cli_once dies if the same flag is given twice. */
const char *cli_value(int argc, char **argv, int *i);
void cli_once(const char *flag);
long cli_long(const char *flag, const char *s, long min, long max);
uint64_t cli_seed(const char *flag, const char *s);
double cli_double(const char *flag, const char *s, double min, double max);
/* Parses "784,30,10" into sizes (at most max entries, each 1..100000);
 * returns the count (at least 2). */
int cli_sizes(const char *flag, const char *s, int *sizes, int max);
/* Dies with "unknown flag" naming it and suggesting --help. */
void cli_unknown(const char *flag) __attribute__((noreturn));

/* Loads the MNIST split (or Fashion-MNIST when dataset is "fashion") from
 * dir (NULL: $MNIST_DIR or data/mnist; data/fashion or the Debian
 * dataset-fashion-mnist folder for fashion).  Dies with a one-line message
 * that names the file and says how to get the data. */
void cli_load_data(MnistSplit *split, const char *dir, const char *dataset);

/* A file written to `path.tmpXXXXXX` in the same folder and renamed into
 * place by cli_commit, so `path` is never left half written. */
typedef struct {
    FILE *f;
    char *path;
    char *tmp;
} AtomicFile;
/* Opens; dies with a clear message on failure. */
FILE *cli_create(AtomicFile *af, const char *path);
/* Flushes, fsyncs, closes and renames; dies on any failure (and removes
 * the temporary file). */
void cli_commit(AtomicFile *af);
/* Removes the temporary file without touching path. */
void cli_abort(AtomicFile *af);

/* 1 when stderr is a terminal (progress indicators only then). */
int cli_stderr_is_tty(void);

/* Draws `label [=====>     ] done/total` on stderr when it is a terminal;
 * call with done == total to finish the line. */
void cli_progress(const char *label, size_t done, size_t total);

/* Erases the bar, if one is drawn, so that a line printed next starts at
 * the left margin (the bar is drawn again by the next cli_progress). */
void cli_progress_clear(void);

/* Wall-clock seconds from a monotonic clock. */
double cli_now(void);

#endif
