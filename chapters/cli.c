/* cli.c - flag parsing, messages, atomic files and progress for the
 * section programs (see cli.h). */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char *prog = "nndl";
static const char *seen[64];
static int n_seen;

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

void cli_unknown(const char *flag)
{
    cli_die(2, "unknown flag '%s' (see %s --help)", flag, prog);
}

const char *cli_value(int argc, char **argv, int *i)
{
    const char *flag = argv[*i];
    if (*i + 1 >= argc)
        cli_die(2, "%s needs a value (see %s --help)", flag, prog);
    cli_once(flag);
    return argv[++*i];
}

void cli_once(const char *flag)
{
    for (int k = 0; k < n_seen; k++)
        if (strcmp(seen[k], flag) == 0)
            cli_die(2, "%s given twice (expected it once)", flag);
    if (n_seen < 64)
        seen[n_seen++] = flag;
}

long cli_long(const char *flag, const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno == ERANGE)
        cli_die(2, "%s: '%s' is not a whole number (expected %ld..%ld)", flag,
                s, min, max);
    if (v < min || v > max)
        cli_die(2, "%s: %ld is out of range (expected %ld..%ld)", flag, v, min,
                max);
    return v;
}

uint64_t cli_seed(const char *flag, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);     /* " -1" wraps: no '-' */
    if (*s == '\0' || strchr(s, '-') || *end != '\0' || errno == ERANGE)
        cli_die(2, "%s: '%s' is not a seed (expected a whole number "
                "0..18446744073709551615)", flag, s);
    return (uint64_t)v;
}

double cli_double(const char *flag, const char *s, double min, double max)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || errno == ERANGE || !isfinite(v))
        cli_die(2, "%s: '%s' is not a finite number (expected %g..%g)", flag,
                s, min, max);
    if (v < min || v > max)
        cli_die(2, "%s: %g is out of range (expected %g..%g)", flag, v, min,
                max);
    return v;
}

int cli_sizes(const char *flag, const char *s, int *sizes, int max)
{
    int n = 0;
    const char *p = s;
    for (;;) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (end == p || (*end != ',' && *end != '\0') || errno == ERANGE)
            cli_die(2, "%s: '%s' is not a list of layer sizes (expected e.g. "
                    "784,30,10)", flag, s);
        if (v < 1 || v > 100000)
            cli_die(2, "%s: layer size %ld is out of range (expected "
                    "1..100000)", flag, v);
        if (n == max)
            cli_die(2, "%s: more than %d layers", flag, max);
        sizes[n++] = (int)v;
        if (*end == '\0')
            break;
        p = end + 1;
    }
    if (n < 2)
        cli_die(2, "%s: '%s' has fewer than 2 layers (expected e.g. "
                "784,30,10)", flag, s);
    return n;
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
        cli_die(1, "%s (%s)", err, fashion ?
                "run 'make data-fashion' to install Fashion-MNIST" :
                "run 'make data' to download MNIST, or pass --data DIR");
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
        cli_die(1, "%s: out of memory", path);
    snprintf(af->tmp, len, "%s.tmpXXXXXX", path);
    struct stat st;     /* found now, not by rename() after a long run */
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        cli_die(1, "%s: is a directory (expected a file name)", path);
    sigset_t old;
    block_signals(1, &old);
    int fd = mkstemp(af->tmp);
    if (fd >= 0)
        fchmod(fd, 0644);              /* mkstemp makes 0600 */
    if (fd >= 0)
        track_tmp(af->tmp, 1);
    block_signals(0, &old);
    if (fd < 0)
        cli_die(1, "%s: cannot create: %s", path, strerror(errno));
    af->f = fdopen(fd, "w");
    if (!af->f) {
        unlink(af->tmp);
        cli_die(1, "%s: cannot create: %s", path, strerror(errno));
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
        cli_die(1, "%s: cannot write: %s", af->path, strerror(saved));
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
