/* cli.c - flag parsing, messages, atomic files and progress for the
 * section programs (see cli.h). */
#define _XOPEN_SOURCE 700       /* realpath */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lang.h"

static const char *prog = "nndl";

/* The signals whose default action ends the program: on any of them the
 * temporary files of atomic_file.c are removed first, then the program
 * dies of the same signal (so the shell sees 130 for Ctrl-C, 141 for a
 * closed pipe, 143 for kill).  SIGXFSZ (a file larger than `ulimit -f`)
 * is ignored instead, so that the write fails with EFBIG and the program
 * names the file. */
static const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT,
                            SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                            SIGXCPU};

static char made_dir[4096];     /* a folder cli_out_dir created */

static void on_signal(int sig)
{
    atomic_file_cleanup();
    if (made_dir[0])
        rmdir(made_dir);
    raise(sig);                 /* SA_RESETHAND: the default action now */
}

/* Installs on_signal where the action is the default one (a signal the
 * program was started ignoring, as `cmd &` in a script does, stays
 * ignored; so does a sanitizer's handler). */
static void install_handlers(void)
{
    struct sigaction sa, was;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t k = 0; k < sizeof fatal / sizeof *fatal; k++)
        if (sigaction(fatal[k], NULL, &was) == 0 && was.sa_handler == SIG_DFL)
            sigaction(fatal[k], &sa, NULL);
    signal(SIGXFSZ, SIG_IGN);
}

static int dying;               /* in cli_die: its line is the one */

/* At exit: whatever stdout could not take (a full disk, /dev/full) is an
 * error too, reported in one line with exit status 1. */
static void check_stdout(void)
{
    int e = ferror(stdout) ? EIO : 0;   /* an earlier write failed */
    if (fflush(stdout) != 0)
        e = errno;
    if (fclose(stdout) != 0 && !e)
        e = errno;
    atomic_file_cleanup();
    if (e && !dying) {
        fprintf(stderr, _("%s: standard output: cannot write: %s\n"), prog,
                strerror(e));
        _exit(1);
    }
}

/* A closed stdin, stdout or stderr gets /dev/null, so that no file the
 * program opens takes its number (printf would write into it); a closed
 * stdout is an error before any work. */
static void check_std_fds(void)
{
    int stdout_closed = 0;
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            stdout_closed |= fd == STDOUT_FILENO;
            if (open("/dev/null", fd ? O_WRONLY : O_RDONLY) != fd)
                _exit(1);
        }
    if (stdout_closed)
        cli_die(1, _("standard output is closed (expected a terminal, a file "
                "or a pipe)"));
}

void cli_init(const char *argv0)
{
    lang_init();
    const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
    prog = slash ? slash + 1 : (argv0 && *argv0 ? argv0 : prog);
    static int done;            /* once (the fuzzer calls this often) */
    if (done++)
        return;
    check_std_fds();
    install_handlers();
    atexit(check_stdout);
}

void cli_flush_stdout(void)
{
    if (fflush(stdout) != 0)
        cli_die(1, _("standard output: cannot write: %s"), strerror(errno));
}

const char *cli_prog(void)
{
    return prog;
}

void cli_die(int status, const char *fmt, ...)
{
    va_list ap;
    dying = 1;
    fflush(stdout);
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    atomic_file_cleanup();
    if (made_dir[0])
        rmdir(made_dir);        /* only if still empty */
    exit(status);
}

/* ---- Flags ------------------------------------------------------------ */

/* Rejects what strto* would skip or accept silently: an empty value and
 * leading white space (trailing white space is junk, rejected by the
 * callers, so " 3" and "3 " are treated alike). */
static int bare(const char *s)
{
    return *s != '\0' && !isspace((unsigned char)*s);
}

long cli_long(const char *flag, const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!bare(s) || *end != '\0' || errno == ERANGE)
        cli_die(2, _("%s: '%s' is not a whole number (expected %ld..%ld)"), flag,
                s, min, max);
    if (v < min || v > max)
        cli_die(2, _("%s: %ld is out of range (expected %ld..%ld)"), flag, v, min,
                max);
    return v;
}

uint64_t cli_seed(const char *flag, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);     /* "-1" wraps: no '-' */
    if (!bare(s) || strchr(s, '-') || *end != '\0' || errno == ERANGE)
        cli_die(2, _("%s: '%s' is not a seed (expected a whole number "
                "0..18446744073709551615)"), flag, s);
    return (uint64_t)v;
}

/* A number strtod reads but that overflows is "too large"; one that
 * underflows (1e-320) is finite but too close to 0: out of range. */
double cli_double(const char *flag, const char *s, double min, double max)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!bare(s) || *end != '\0' || isnan(v))
        cli_die(2, _("%s: '%s' is not a number (expected %g..%g)"), flag, s, min,
                max);
    if (isinf(v) || (errno == ERANGE && fabs(v) > 1))
        cli_die(2, _("%s: '%s' is too large (expected %g..%g)"), flag, s, min,
                max);
    if (errno == ERANGE)
        cli_die(2, _("%s: '%s' is too close to 0 (expected %g..%g)"), flag, s,
                min, max);
    if (v < min || v > max)
        cli_die(2, _("%s: %s is out of range (expected %g..%g)"), flag, s, min,
                max);
    return v;
}

int cli_sizes(const char *flag, const char *s, int *sizes, int max,
              const char *example)
{
    int n = 0;
    const char *p = s;
    for (;;) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (!bare(p) || end == p || (*end != ',' && *end != '\0') ||
            errno == ERANGE)
            cli_die(2, _("%s: '%s' is not a list of layer sizes (expected e.g. "
                    "%s)"), flag, s, example);
        if (v < 1 || v > NETWORK_MAX_LAYER_SIZE)
            cli_die(2, _("%s: layer size %ld is out of range (expected "
                    "1..%d)"), flag, v, NETWORK_MAX_LAYER_SIZE);
        if (n == max)
            cli_die(2, _("%s: more than %d layers"), flag, max);
        sizes[n++] = (int)v;
        if (*end == '\0')
            break;
        p = end + 1;
    }
    if (n < 2)
        cli_die(2, _("%s: '%s' has fewer than 2 layers (expected e.g. %s)"),
                flag, s, example);
    return n;
}

void cli_check_count(const char *flag, long n, size_t available,
                     const char *what)
{
    if (n > 0 && (size_t)n > available)
        cli_die(2, _("%s: %ld is more than the %zu %s"), flag, n, available, what);
}

/* The default shown after a flag's help: its value before parsing. */
static void default_text(char *buf, size_t len, const CliFlag *f)
{
    buf[0] = '\0';
    switch (f->type) {
    case CLI_INT:
        snprintf(buf, len, "%d", *(int *)f->value);
        break;
    case CLI_LONG:
        if (*(long *)f->value)          /* 0: "all", said by the help */
            snprintf(buf, len, "%ld", *(long *)f->value);
        break;
    case CLI_DOUBLE:
        snprintf(buf, len, "%g", *(double *)f->value);
        break;
    case CLI_SEED:
        snprintf(buf, len, "%llu", (unsigned long long)*(uint64_t *)f->value);
        break;
    case CLI_SIZES: {
        const CliSizes *z = f->value;
        size_t used = 0;
        for (int l = 0; l < z->n && used < len; l++)
            used += (size_t)snprintf(buf + used, len - used, "%s%d",
                                     l ? "," : "", z->size[l]);
        break;
    }
    case CLI_TEXT:
    case CLI_CHOICE:
        if (*(const char **)f->value)
            snprintf(buf, len, "%s", *(const char **)f->value);
        break;
    case CLI_SWITCH:
        break;
    }
}

void cli_check_inputs(const CliSizes *sizes, const Dataset *d,
                      const char *dir)
{
    if ((size_t)sizes->size[0] == d->dim)
        return;
    if (!sizes->given)
        cli_die(1, _("%s/train-images-idx3-ubyte: images of %d x %d pixels "
                "(expected %d pixels, one per input neuron, as in MNIST)"), dir,
                d->rows, d->cols, sizes->size[0]);
    cli_die(2, _("--sizes: the first layer has %d neurons but the images have "
            "%zu pixels (expected %zu)"), sizes->size[0], d->dim, d->dim);
}

/* Stores the value s of flag f (named "--name" in messages). */
static void set_value(const CliFlag *f, const char *s)
{
    char flag[64];
    snprintf(flag, sizeof flag, "--%s", f->name);
    switch (f->type) {
    case CLI_SWITCH:
        *(int *)f->value = 1;
        break;
    case CLI_INT:
        *(int *)f->value = (int)cli_long(flag, s, (long)f->min, (long)f->max);
        break;
    case CLI_LONG:
        *(long *)f->value = cli_long(flag, s, (long)f->min, (long)f->max);
        break;
    case CLI_DOUBLE:
        *(double *)f->value = cli_double(flag, s, f->min, f->max);
        break;
    case CLI_SEED:
        *(uint64_t *)f->value = cli_seed(flag, s);
        break;
    case CLI_SIZES: {           /* the default is the example */
        char example[128];
        CliSizes *z = f->value;
        default_text(example, sizeof example, f);
        z->n = cli_sizes(flag, s, z->size, NETWORK_MAX_LAYERS,
                         example[0] ? example : "784,30,10");
        z->given = 1;
        break;
    }
    case CLI_TEXT:
        if (*s == '\0')
            cli_die(2, f->meta && !strcmp(f->meta, "DIR") ?
                    _("%s: the value is empty (expected a folder)") :
                    _("%s: the value is empty (expected a name)"), flag);
        *(const char **)f->value = s;
        break;
    case CLI_CHOICE: {
        char list[256] = "";
        for (const char *const *c = f->choices; *c; c++) {
            if (!strcmp(s, *c)) {
                *(const char **)f->value = *c;
                return;
            }
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                     c == f->choices ? "" : c[1] ? ", " : " or ", *c);
        }
        cli_die(2, _("%s: '%s' is not a choice here (expected %s)"), flag, s,
                list);
    }
    }
}

/* The flag of an argument, for a message: "--eta" of "--eta=x". */
static void flag_text(char *buf, size_t len, const char *arg)
{
    size_t n = strcspn(arg, "=");
    snprintf(buf, len, "%.*s", (int)(n < len ? n : len - 1), arg);
}

enum { CLI_MAX_FLAGS = 32, CLI_VAL = 256 };   /* getopt val = CLI_VAL + index */

/* --lang, which every program takes (see lang.h). */
static const char *const languages[] = {"zh", "en", NULL};
static const char *lang_value;
static const CliFlag lang_flag = {"lang", CLI_CHOICE, &lang_value, "zh|en", 0, 0,
    N_("the language of the messages\n(default: from LANGUAGE, LC_ALL or LANG)"),
    languages};

/* The language is chosen before any flag is read, so that every message,
 * --help and the errors about flags given before --lang, is in it: a
 * first, silent getopt_long pass over the same options looks for --lang. */
static void choose_language(int argc, char **argv, const struct option *opts)
{
    optind = 0;
    for (int c; (c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1;)
        if (c == 'L' && optarg && lang_select(optarg) != 0)
            break;              /* the real pass says what is wrong */
    optind = 0;
}

/* Dies with the one line that getopt_long's answer c calls for. */
static void flag_error(const CliProgram *p, int c, const char *arg)
{
    char text[64];
    flag_text(text, sizeof text, arg && arg[0] ? arg : "?");
    if (c == ':')
        cli_die(2, _("%s needs a value (see %s --help)"), text, prog);
    if (optopt >= CLI_VAL || (optopt == 'h' && arg[1] == '-'))
        cli_die(2, _("--%s takes no value (got '%s')"), optopt == 'h' ? "help" :
                p->flags[optopt - CLI_VAL].name, arg);
    if (optopt)
        cli_die(2, _("unknown flag '-%c' (see %s --help)"), optopt, prog);
    int matches = 0;            /* getopt_long takes a prefix if unique */
    for (int k = 0; k < p->n_flags && !strncmp(text, "--", 2); k++)
        matches += !strncmp(p->flags[k].name, text + 2, strlen(text + 2));
    cli_die(2, matches > 1 ? _("ambiguous flag '%s' (see %s --help)") :
            _("unknown flag '%s' (see %s --help)"), text, prog);
}

/* Words after the flags, named in the usage line (cli_parse_operands). */
static const char *operands_text;

/* Reads the flags of argv with p's table; returns the index of the first
 * word that is not a flag (argc when none). */
static int parse_flags(const CliProgram *p, int argc, char **argv)
{
    struct option opts[CLI_MAX_FLAGS + 3];
    int given[CLI_MAX_FLAGS] = {0};
    int n = p->n_flags < CLI_MAX_FLAGS ? p->n_flags : CLI_MAX_FLAGS;
    for (int k = 0; k < n; k++)
        opts[k] = (struct option){p->flags[k].name, p->flags[k].type ==
                                  CLI_SWITCH ? no_argument : required_argument,
                                  NULL, CLI_VAL + k};
    opts[n] = (struct option){"help", no_argument, NULL, 'h'};
    opts[n + 1] = (struct option){"lang", required_argument, NULL, 'L'};
    opts[n + 2] = (struct option){NULL, 0, NULL, 0};
    opterr = 0;                 /* our messages, not getopt's */
    lang_init();
    choose_language(argc, argv, opts);  /* optind = 0: glibc starts afresh */
    int lang_given = 0;
    for (;;) {                  /* "+": stop at the first non-flag */
        int c = getopt_long(argc, argv, "+:h", opts, NULL);
        if (c == -1)
            break;
        if (c == 'h')
            cli_usage(p), exit(0);
        if (c == ':' || c == '?')
            flag_error(p, c, argv[optind - 1]);
        if (c == 'L') {
            if (lang_given++)
                cli_die(2, _("--%s given twice (expected it once)"), "lang");
            set_value(&lang_flag, optarg);
            lang_select(lang_value);
            continue;
        }
        int k = c - CLI_VAL;
        if (given[k]++)
            cli_die(2, _("--%s given twice (expected it once)"), p->flags[k].name);
        set_value(&p->flags[k], optarg);
    }
    return optind;
}

void cli_parse(const CliProgram *p, int argc, char **argv)
{
    int first = parse_flags(p, argc, argv);
    if (first < argc)
        cli_die(2, _("unexpected argument '%s' (flags start with --; see %s "
                "--help)"), argv[first], prog);
}

int cli_parse_operands(const CliProgram *p, const char *operands, int argc,
                       char **argv)
{
    operands_text = operands;
    return parse_flags(p, argc, argv);
}

/* One flag's lines: "  --name META" padded to width, then the help, its
 * default appended to the last line. */
static void usage_flag(const CliFlag *f, int width)
{
    char head[64], def[128];
    snprintf(head, sizeof head, "  --%s%s%s", f->name, f->meta ? " " : "",
             f->meta ? f->meta : "");
    default_text(def, sizeof def, f);
    int col = printf("%-*s", width, head);
    for (const char *h = _(f->help); *h;) {
        size_t n = strcspn(h, "\n");
        col += printf("%.*s", (int)n, h);
        h += n;
        if (*h == '\n')
            col = printf("\n%*s", width, "") - 1, h++;
    }
    if (def[0] && col + 11 + (int)strlen(def) > 79)    /* " (default X)" */
        printf(_("\n%*s(default %s)\n"), width, "", def);
    else
        printf(def[0] ? _(" (default %s)\n") : "\n", def);
}

void cli_usage(const CliProgram *p)
{
    int width = 17;                     /* "  --help" and its gap, at least */
    for (int k = 0; k <= p->n_flags; k++) {
        const CliFlag *f = k < p->n_flags ? &p->flags[k] : &lang_flag;
        int w = 4 + (int)strlen(f->name) +
                (f->meta ? 1 + (int)strlen(f->meta) : 0) + 2;
        width = w > width ? w : width;
    }
    printf(_("usage: %s [flags]%s%s\n%s\n\n"), prog, operands_text ? " " : "",
           operands_text ? _(operands_text) : "", _(p->about));
    for (int k = 0; k < p->n_flags; k++)
        usage_flag(&p->flags[k], width);
    usage_flag(&lang_flag, width);
    printf(_("%-*sshow this help\n"), width, "  --help");
    if (p->epilog)
        printf("\n%s\n", _(p->epilog));
}

const char *cli_load_data(MnistSplit *split, const char *dir,
                          const char *dataset)
{
    char err[NNDL_ERRLEN];
    int fashion = dataset && strcmp(dataset, "fashion") == 0;
    if (!dir)
        dir = fashion ? "data/fashion" : mnist_default_dir();
    if (fashion && access(dir, F_OK) != 0)
        dir = "/usr/share/datasets/fashion-mnist";
    if (mnist_load_split(split, dir, 50000, err) != NNDL_OK)
        cli_die(1, /* TRANSLATORS: the library's message, then the advice */
                _("%s (%s)"), err, fashion ?
                _("run 'make data-fashion' to install Fashion-MNIST") :
                _("run 'make data' to download MNIST, or pass --data DIR"));
    return dir;
}

/* ---- Output files ----------------------------------------------------- */

/* "folder/name" with the folder resolved (realpath), so that two spellings
 * of one file compare equal; NULL if the folder does not exist. */
static char *canonical(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 1,
             slash ? path : ".");
    char *real = realpath(dir, NULL);
    const char *base = slash ? slash + 1 : path;
    char *out = real ? malloc(strlen(real) + strlen(base) + 2) : NULL;
    if (out)
        sprintf(out, "%s/%s", real, base);
    free(real);
    return out;
}

/* Dies unless the folder holding path has some free space left. */
static void check_space(const char *path)
{
    struct statvfs fs;
    const char *slash = strrchr(path, '/');
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 1,
             slash ? path : ".");
    if (statvfs(dir, &fs) == 0 && fs.f_bavail == 0)
        cli_die(1, _("%s: cannot write: no space left on the disk"), path);
}

void cli_output(const char *flag, const char *path)
{
    static struct { char *name; const char *flag; } seen[16];
    static int n_seen;
    char err[NNDL_ERRLEN];
    if (atomic_file_check(path, err) != NNDL_OK)
        cli_die(1, "%s", err);
    check_space(path);
    char *name = canonical(path);
    for (int k = 0; name && k < n_seen; k++)
        if (!strcmp(seen[k].name, name))
            cli_die(2, _("%s and %s name the same file %s (expected two "
                    "different files)"), seen[k].flag, flag, path);
    if (name && n_seen < 16)
        seen[n_seen].name = name, seen[n_seen++].flag = flag;
    else
        free(name);
}

void cli_out_dir(const char *dir)
{
    char probe[4096];
    if (mkdir(dir, 0777) == 0)
        snprintf(made_dir, sizeof made_dir, "%s", dir);
    else if (errno != EEXIST)
        cli_die(1, _("%s: cannot create the folder: %s"), dir, strerror(errno));
    snprintf(probe, sizeof probe, "%s/.nndl-probe", dir);
    char err[NNDL_ERRLEN];
    if (atomic_file_check(probe, err) != NNDL_OK)
        cli_die(1, _("%s: cannot write in this folder: %s"), dir,
                strchr(err, ':') ? strchr(err, ':') + 2 : err);
    check_space(probe);
}

const char *cli_path_in(const char *dir, const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

FILE *cli_create_in(AtomicFile *af, const char *dir, const char *name)
{
    return cli_create(af, cli_path_in(dir, name));
}

FILE *cli_create(AtomicFile *af, const char *path)
{
    char err[NNDL_ERRLEN];
    if (atomic_file_open(af, path, err) != NNDL_OK)
        cli_die(1, "%s", err);
    return af->f;
}

void cli_commit(AtomicFile *af)
{
    char err[NNDL_ERRLEN];
    if (atomic_file_commit(af, err) != NNDL_OK)
        cli_die(1, "%s", err);
}

void cli_abort(AtomicFile *af)
{
    atomic_file_abort(af);
}

int cli_stderr_is_tty(void)
{
    return isatty(STDERR_FILENO);
}

static int bar_shown;           /* a progress bar is on the last line */

void cli_progress(const char *label, size_t done, size_t total)
{
    enum { WIDTH = 30 };
    if (!cli_stderr_is_tty() || total == 0)
        return;
    int fill = (int)(WIDTH * done / total);
    fprintf(stderr, "\r%s [", label);
    for (int i = 0; i < WIDTH; i++)
        fputc(i < fill ? '=' : (i == fill ? '>' : ' '), stderr);
    fprintf(stderr, "] %zu/%zu", done, total);
    bar_shown = 1;
    if (done >= total)
        cli_progress_clear();
    fflush(stderr);
}

void cli_progress_clear(void)
{
    if (!bar_shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    bar_shown = 0;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}
