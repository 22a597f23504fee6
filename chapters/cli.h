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
#include "atomic_file.h"
#include "lang.h"
#include "nndl.h"

/* Sets the program name used in messages (call first in main).  Also: a
 * closed stdout is an error now; at exit, a write that stdout could not
 * take is one (exit 1); the signals that end a program remove its
 * temporary files first. */
void cli_init(const char *argv0);

/* The program name given to cli_init, without directories. */
const char *cli_prog(void);

/* Prints `program: message` on stderr and exits with status. */
void cli_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

/* ---- Flags --------------------------------------------------------------
 * Each program declares its flags once, in a table of CliFlag; cli_parse
 * reads the command line with getopt_long (so `--eta 3`, `--eta=3` and an
 * unambiguous prefix such as `--ep 3` all work) and cli_usage prints the
 * help generated from the same table.  Every error is one line and exit 2:
 * an unknown flag, a missing value, a value on a switch, a flag given
 * twice, a stray argument, or a value the flag's type and bounds reject.
 * --help and -h print the usage and exit 0. */
typedef enum {
    CLI_SWITCH,   /* no value; sets the int to 1 */
    CLI_INT,      /* an int in [min, max] */
    CLI_LONG,     /* a long in [min, max] */
    CLI_DOUBLE,   /* a finite double in [min, max] */
    CLI_SEED,     /* a uint64_t, 0..2^64-1 */
    CLI_SIZES,    /* layer sizes "784,30,10" into a CliSizes */
    CLI_TEXT,     /* a non-empty string (a file or folder name) */
    CLI_CHOICE    /* one of the strings in `choices` (NULL-terminated) */
} CliType;

typedef struct {
    const char *name;           /* "eta" for --eta */
    CliType type;
    void *value;                /* int, long, double, uint64_t, CliSizes or
                                   const char * to fill in; its value before
                                   parsing is the default shown in --help */
    const char *meta;           /* the value's name in --help ("X") */
    double min, max;            /* bounds for CLI_INT, CLI_LONG, CLI_DOUBLE */
    const char *help;           /* lines separated by '\n' */
    const char *const *choices; /* for CLI_CHOICE */
} CliFlag;

typedef struct {
    int n;                      /* layers */
    int size[NETWORK_MAX_LAYERS];
    int given;                  /* 1 once read from the command line */
} CliSizes;

typedef struct {
    const char *about;          /* what the program does, after "usage:" */
    const CliFlag *flags;
    int n_flags;
    const char *epilog;         /* printed after the flags, or NULL */
} CliProgram;

/* Parses argv with p's table (or exits: 0 after --help, 2 on an error). */
void cli_parse(const CliProgram *p, int argc, char **argv);

/* cli_parse for a program that takes words after its flags (bin/classify's
 * images): the usage line names them as `operands` ("IMAGE.png..."), and
 * the index in argv of the first is returned (argc when there is none). */
int cli_parse_operands(const CliProgram *p, const char *operands, int argc,
                       char **argv);

/* Prints the usage generated from p's table on stdout. */
void cli_usage(const CliProgram *p);

/* The limits that more than one program uses, in one place.  A count is
 * first checked against these (before the data is read), then against the
 * data actually loaded (cli_check_count). */
#define CLI_MAX_EXAMPLES 10000000L   /* --train, --test, --batch; as the IDX reader */
#define CLI_MAX_EPOCHS 100000
#define CLI_MAX_THREADS 64

/* The flags that several programs share, so that each is declared once. */
#define CLI_FLAG_SEED(v, what) \
    {"seed", CLI_SEED, (v), "N", 0, 0, what, NULL}
#define CLI_FLAG_EPOCHS(v) {"epochs", CLI_INT, (v), "N", 1, CLI_MAX_EPOCHS, \
    N_("passes over the training data"), NULL}
#define CLI_FLAG_BATCH(v) {"batch", CLI_LONG, (v), "N", 1, CLI_MAX_EXAMPLES, \
    N_("mini-batch size"), NULL}
#define CLI_FLAG_ETA(v) {"eta", CLI_DOUBLE, (v), "X", 1e-12, 1e6, \
    N_("learning rate"), NULL}
#define CLI_FLAG_TRAIN(v) {"train", CLI_LONG, (v), "N", 1, CLI_MAX_EXAMPLES, \
    N_("train on the first N of the 50,000 training images"), NULL}
#define CLI_FLAG_TEST(v) {"test", CLI_LONG, (v), "N", 1, CLI_MAX_EXAMPLES, \
    N_("evaluate on the first N of the 10,000 test images"), NULL}
#define CLI_FLAG_THREADS(v) {"threads", CLI_INT, (v), "N", 1, CLI_MAX_THREADS, \
    N_("threads for the fast path (same results)"), NULL}
#define CLI_FLAG_DATA(v) {"data", CLI_TEXT, (v), "DIR", 0, 0, \
    N_("folder with the MNIST IDX files, raw or .gz\n" \
    "(default $MNIST_DIR or data/mnist)"), NULL}
#define CLI_FLAG_OUT_DIR(v, what) {"out-dir", CLI_TEXT, (v), "DIR", 0, 0, \
    what, NULL}

/* The value parsers behind the table (flag is "--eta", for messages).  They
 * reject empty strings, white space, trailing junk ("3.0x"), NaN,
 * infinities and values out of [min, max]. */
long cli_long(const char *flag, const char *s, long min, long max);
uint64_t cli_seed(const char *flag, const char *s);
double cli_double(const char *flag, const char *s, double min, double max);
/* Parses "784,30,10" into sizes (at most max entries, each
 * 1..NETWORK_MAX_LAYER_SIZE); returns the count (at least 2).  A bad list
 * is answered with "expected e.g. <example>". */
int cli_sizes(const char *flag, const char *s, int *sizes, int max,
              const char *example);

/* Dies unless the images of the data loaded from dir fit a first layer
 * of `inputs` neurons: exit 2 naming --sizes when given, else exit 1
 * naming the file (the data is not MNIST-shaped). */
void cli_check_inputs(const CliSizes *sizes, const Dataset *d,
                      const char *dir);

/* Dies with exit 2 (the flag asks for more than there is) unless
 * n <= available; what names the data ("test images in DIR"). */
void cli_check_count(const char *flag, long n, size_t available,
                     const char *what);

/* Loads the MNIST split (or Fashion-MNIST when dataset is "fashion") from
 * dir (NULL: $MNIST_DIR or data/mnist; data/fashion or the Debian
 * dataset-fashion-mnist folder for fashion).  Dies with a one-line message
 * that names the file and says how to get the data.  Returns the folder
 * it read. */
const char *cli_load_data(MnistSplit *split, const char *dir,
                          const char *dataset);

/* Files written through lib/atomic_file.h (never seen half written, only
 * a regular file replaced, no temporary file left): cli_create opens,
 * cli_commit renames into place, cli_abort throws away; the first two die
 * with a one-line message naming the file (exit 1). */
FILE *cli_create(AtomicFile *af, const char *path);
void cli_commit(AtomicFile *af);
void cli_abort(AtomicFile *af);
/* cli_create of dir/name. */
FILE *cli_create_in(AtomicFile *af, const char *dir, const char *name);
/* "dir/name" in a static buffer (valid until the next call). */
const char *cli_path_in(const char *dir, const char *name);

/* Outputs are checked before any work.  cli_output dies unless path can
 * be written (the rules above; a folder with free space) and differs from
 * every output checked before (flag names it in the message: exit 2 for
 * `--save F --log F`).  cli_out_dir creates the folder dir if it is
 * missing (removed again if the program dies before writing into it) and
 * dies unless a file can be written in it. */
void cli_output(const char *flag, const char *path);
void cli_out_dir(const char *dir);

/* Flushes stdout; dies (exit 1) if it cannot take the lines.  At exit the
 * same check runs by itself (cli_init arranges it). */
void cli_flush_stdout(void);

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
