/* fuzz_cli.c - the flag parser: chapters/cli.c and the real parse() of
 * bin/1.6-mnist-sgd, included here so their static state can be reset.
 *
 * The parser is getopt_long's (cli_parse resets it with optind = 0 on
 * every call).  cli_die ends the program with exit(); here `exit` is
 * renamed to fuzz_exit, which records the status and jumps back to the
 * harness, so one process can try millions of command lines.  cli.c
 * itself is not changed.
 *
 * Input: the arguments, separated by NUL bytes (argv[0] is the program's
 * name).  When the first byte is 0x01 the rest is one value string, given
 * to each of cli_long, cli_double, cli_seed and cli_sizes directly.
 *
 * Properties: no crash or UB; the only exit statuses are 0 (--help) and 2
 * (a bad flag), and a 2 comes with exactly one line on stderr starting
 * with the program's name; when parsing succeeds every value is in the
 * range the program promises. */
#define _XOPEN_SOURCE 700       /* cli.c's realpath, before any header */
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static jmp_buf fuzz_back;
static int fuzz_status;

_Noreturn void fuzz_exit(int status);
_Noreturn void fuzz_exit(int status)
{
    fuzz_status = status;
    longjmp(fuzz_back, 1);
}

#define exit fuzz_exit
#define main program_main
#include "cli.c"
#include "lang.c"
#include "epochs.c"
#include "1.6-mnist-sgd.c"
#undef main
#undef exit

#define MAX_ARGS 64

/* What the program had on stdout and stderr during one parse. */
static char *out_text, *err_text;
static size_t out_len, err_len;
static FILE *real_out, *real_err;

static void capture(void)
{
    real_out = stdout, real_err = stderr;
    stdout = open_memstream(&out_text, &out_len);
    stderr = open_memstream(&err_text, &err_len);
    FUZZ_ASSERT(stdout && stderr);
}

static void release(void)
{
    fclose(stdout), fclose(stderr);
    stdout = real_out, stderr = real_err;
    free(out_text), free(err_text);
    out_text = err_text = NULL;
}

/* After an exit: 0 only for help (text on stdout, none on stderr), 2 with
 * one line "1.6-mnist-sgd: ..." (when no argument holds a newline). */
static void check_exit(int newline_in_args)
{
    fflush(stdout), fflush(stderr);
    if (fuzz_status == 0) {
        FUZZ_ASSERT(out_len > 0 && err_len == 0);
        return;
    }
    FUZZ_ASSERT(fuzz_status == 2);
    FUZZ_ASSERT(strncmp(err_text, "1.6-mnist-sgd: ", 15) == 0);
    FUZZ_ASSERT(err_len > 16 && err_text[err_len - 1] == '\n');
    if (!newline_in_args)
        FUZZ_ASSERT(memchr(err_text, '\n', err_len - 1) == NULL);
}

/* After a successful parse: every value the program will use is legal. */
static void check_options(const Options *o)
{
    FUZZ_ASSERT(o->sizes.n >= 2 && o->sizes.n <= NETWORK_MAX_LAYERS);
    for (int l = 0; l < o->sizes.n; l++)
        FUZZ_ASSERT(o->sizes.size[l] >= 1 &&
                    o->sizes.size[l] <= NETWORK_MAX_LAYER_SIZE);
    /* --epochs 0 only tests a --load'ed network */
    FUZZ_ASSERT(o->epochs >= (o->load ? 0 : 1) && o->epochs <= CLI_MAX_EPOCHS);
    FUZZ_ASSERT(!o->load || *o->load);
    FUZZ_ASSERT(o->batch >= 1 && o->batch <= CLI_MAX_EXAMPLES);
    FUZZ_ASSERT(o->threads >= 1 && o->threads <= CLI_MAX_THREADS);
    FUZZ_ASSERT(isfinite(o->eta) && o->eta > 0);
    FUZZ_ASSERT(o->n_train >= 0 && o->n_train <= CLI_MAX_EXAMPLES);
    FUZZ_ASSERT(o->n_test >= 0 && o->n_test <= CLI_MAX_EXAMPLES);
    FUZZ_ASSERT(o->textbook == 0 || o->textbook == 1);
    FUZZ_ASSERT(!o->log || *o->log);
    FUZZ_ASSERT(!o->save || *o->save);
    FUZZ_ASSERT(!o->data || *o->data);
    FUZZ_ASSERT(!strcmp(o->dataset, "mnist") || !strcmp(o->dataset, "fashion"));
}

static void parse_command_line(char **argv, int argc, int newline_in_args)
{
    Options o = defaults;       /* main()'s */
    if (setjmp(fuzz_back) == 0) {
        parse(&o, argc, argv);
        check_options(&o);
    } else {
        check_exit(newline_in_args);
    }
}

/* One value through each parser; each either returns a legal value or
 * exits with status 2. */
static void parse_value(const char *s)
{
    static volatile int step;
    int sizes[NETWORK_MAX_LAYERS];
    for (step = 0; step < 4; step++) {
        if (setjmp(fuzz_back) != 0) {
            FUZZ_ASSERT(fuzz_status == 2);
            continue;
        }
        if (step == 0) {
            long v = cli_long("--n", s, -5, 100000);
            FUZZ_ASSERT(v >= -5 && v <= 100000);
        } else if (step == 1) {
            double v = cli_double("--x", s, 1e-12, 1e6);
            FUZZ_ASSERT(isfinite(v) && v >= 1e-12 && v <= 1e6);
        } else if (step == 2) {
            (void)cli_seed("--seed", s);
            FUZZ_ASSERT(!strchr(s, '-'));      /* no negative seed wraps */
        } else {
            int n = cli_sizes("--sizes", s, sizes, NETWORK_MAX_LAYERS,
                              "784,30,10");
            FUZZ_ASSERT(n >= 2 && n <= NETWORK_MAX_LAYERS);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1), *argv[MAX_ARGS + 2];
    int argc = 0, newline = memchr(data, '\n', size) != NULL;
    FUZZ_ASSERT(buf != NULL);
    memcpy(buf, data, size);
    buf[size] = '\0';
    cli_init("bin/1.6-mnist-sgd");
    capture();
    if (size > 0 && data[0] == 0x01) {
        parse_value(buf + 1);
    } else {
        argv[argc++] = "bin/1.6-mnist-sgd";
        for (char *p = buf; p < buf + size && argc <= MAX_ARGS;
             p += strlen(p) + 1)
            argv[argc++] = p;
        argv[argc] = NULL;
        parse_command_line(argv, argc, newline);
    }
    release();
    free(buf);
    return 0;
}
