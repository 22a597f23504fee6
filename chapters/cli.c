/* cli.c - flag parsing, messages, atomic files and progress for the
 * section programs (see cli.h). */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lang.h"

static const char *prog = "nndl";

/* Temporary files made by cli_create and not yet committed.  If SIGINT,
 * SIGTERM or SIGHUP ends the program, or it dies through cli_die, they are
 * removed, so no `path.tmpXXXXXX` is left behind.  The signal handler only
 * calls unlink and raise (both async-signal-safe) on this static table;
 * the table is changed with those signals blocked. */
#define MAX_PENDING 8
static char pending[MAX_PENDING][4096];
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

static void remove_pending(void)
{
    for (int k = 0; k < MAX_PENDING; k++)
        if (pending[k][0])
            unlink(pending[k]);
}

/* Removes the temporary files, then dies of the same signal (SA_RESETHAND
 * restored the default action), so the shell sees 130 for Ctrl-C and 143
 * for kill. */
static void on_signal(int sig)
{
    remove_pending();
    raise(sig);
}

/* Blocks (block = 1) or restores the caught signals. */
static void block_signals(int block, sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t k = 0; k < sizeof caught / sizeof *caught; k++)
        sigaddset(&set, caught[k]);
    sigprocmask(block ? SIG_BLOCK : SIG_SETMASK, block ? &set : old,
                block ? old : NULL);
}

/* Records tmp in the table (add = 1) or forgets it; call with the caught
 * signals blocked.  The handlers are installed on first use (not for a
 * signal the program was started ignoring, as `cmd &` in a script does). */
static void track_tmp(const char *tmp, int add)
{
    static int installed;
    if (add && !installed) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_RESETHAND;
        for (size_t k = 0; k < sizeof caught / sizeof *caught; k++) {
            struct sigaction was;      /* an ignored signal stays ignored */
            if (sigaction(caught[k], NULL, &was) == 0 &&
                was.sa_handler != SIG_IGN)
                sigaction(caught[k], &sa, NULL);
        }
        installed = 1;
    }
    for (int k = 0; k < MAX_PENDING; k++)
        if (add ? pending[k][0] == '\0' : strcmp(pending[k], tmp) == 0) {
            if (add && strlen(tmp) < sizeof pending[k])
                strcpy(pending[k], tmp);
            else
                pending[k][0] = '\0';
            return;
        }
}

void cli_init(const char *argv0)
{
    lang_init();
    const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
    prog = slash ? slash + 1 : (argv0 && *argv0 ? argv0 : prog);
}

const char *cli_prog(void)
{
    return prog;
}

void cli_die(int status, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    remove_pending();
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

void cli_parse(const CliProgram *p, int argc, char **argv)
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
    if (optind < argc)
        cli_die(2, _("unexpected argument '%s' (flags start with --; see %s "
                "--help)"), argv[optind], prog);
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
    printf(_("usage: %s [flags]\n%s\n\n"), prog, _(p->about));
    for (int k = 0; k < p->n_flags; k++)
        usage_flag(&p->flags[k], width);
    usage_flag(&lang_flag, width);
    printf(_("%-*sshow this help\n"), width, "  --help");
    if (p->epilog)
        printf("\n%s\n", _(p->epilog));
}

void cli_load_data(MnistSplit *split, const char *dir, const char *dataset)
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
}

/* Forgets tmp once it is renamed or removed (a signal in between only
 * unlinks a name that no longer exists). */
static void forget_tmp(const char *tmp)
{
    sigset_t old;
    block_signals(1, &old);
    track_tmp(tmp, 0);
    block_signals(0, &old);
}

FILE *cli_create(AtomicFile *af, const char *path)
{
    size_t len = strlen(path) + 16;
    af->path = strdup(path);
    af->tmp = malloc(len);
    if (!af->path || !af->tmp)
        cli_die(1, _("%s: out of memory"), path);
    snprintf(af->tmp, len, "%s.tmpXXXXXX", path);
    struct stat st;     /* found now, not by rename() after a long run */
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        cli_die(1, _("%s: is a directory (expected a file name)"), path);
    sigset_t old;
    block_signals(1, &old);
    int fd = mkstemp(af->tmp);
    if (fd >= 0)
        fchmod(fd, 0644);              /* mkstemp makes 0600 */
    if (fd >= 0)
        track_tmp(af->tmp, 1);
    block_signals(0, &old);
    if (fd < 0)
        cli_die(1, _("%s: cannot create: %s"), path, strerror(errno));
    af->f = fdopen(fd, "w");
    if (!af->f) {
        unlink(af->tmp);
        cli_die(1, _("%s: cannot create: %s"), path, strerror(errno));
    }
    return af->f;
}

void cli_commit(AtomicFile *af)
{
    int ok = !ferror(af->f) && fflush(af->f) == 0 && fsync(fileno(af->f)) == 0;
    int saved = errno;
    ok = fclose(af->f) == 0 && ok;
    if (!ok || rename(af->tmp, af->path) != 0) {
        saved = errno ? errno : saved;
        unlink(af->tmp);
        cli_die(1, _("%s: cannot write: %s"), af->path, strerror(saved));
    }
    forget_tmp(af->tmp);
    free(af->path);
    free(af->tmp);
    af->f = NULL;
}

void cli_abort(AtomicFile *af)
{
    if (af->f)
        fclose(af->f);
    unlink(af->tmp);
    forget_tmp(af->tmp);
    free(af->path);
    free(af->tmp);
    af->f = NULL;
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
