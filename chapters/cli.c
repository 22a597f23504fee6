/* cli.c - flag parsing, messages, atomic files and progress for the
 * section programs (see cli.h). */
#include <errno.h>
#include <math.h>
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
    unsigned long long v = strtoull(s, &end, 10);
    if (*s == '\0' || *s == '-' || *end != '\0' || errno == ERANGE)
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

FILE *cli_create(AtomicFile *af, const char *path)
{
    size_t len = strlen(path) + 16;
    af->path = strdup(path);
    af->tmp = malloc(len);
    if (!af->path || !af->tmp)
        cli_die(1, "%s: out of memory", path);
    snprintf(af->tmp, len, "%s.tmpXXXXXX", path);
    int fd = mkstemp(af->tmp);
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
    free(af->path);
    free(af->tmp);
    af->f = NULL;
}

void cli_abort(AtomicFile *af)
{
    if (af->f)
        fclose(af->f);
    unlink(af->tmp);
    free(af->path);
    free(af->tmp);
    af->f = NULL;
}

int cli_stderr_is_tty(void)
{
    return isatty(STDERR_FILENO);
}

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
    if (done >= total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}
