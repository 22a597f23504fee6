/* atomic_file.c - see atomic_file.h. */
#define _GNU_SOURCE             /* O_TMPFILE, AT_EMPTY_PATH (Linux) */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- The table of temporary names -------------------------------------
 * A slot is free (0), being filled (1) or names a file that may exist (2).
 * atomic_file_cleanup, perhaps in a signal handler, reads only slots in
 * state 2, whose name is complete.  A name is entered before its file is
 * made and left after it is gone, so no moment has a file and no entry. */
enum { SLOTS = 16, FREE = 0, FILLING = 1, NAMED = 2 };
static char names[SLOTS][PATH_MAX];
static atomic_int state[SLOTS];

static int remember(const char *name)
{
    if (strlen(name) >= PATH_MAX)
        return -1;
    for (int k = 0; k < SLOTS; k++) {
        int expected = FREE;
        if (atomic_compare_exchange_strong(&state[k], &expected, FILLING)) {
            strcpy(names[k], name);
            atomic_store(&state[k], NAMED);
            return k;
        }
    }
    return -1;                  /* more than SLOTS at once: not covered */
}

static void forget(int *slot)
{
    if (*slot >= 0)
        atomic_store(&state[*slot], FREE);
    *slot = -1;
}

void atomic_file_cleanup(void)
{
    for (int k = 0; k < SLOTS; k++)
        if (atomic_load(&state[k]) == NAMED)
            unlink(names[k]);
}

/* ---- Helpers ----------------------------------------------------------- */

/* The folder of path: "." for a bare name, "/" for "/name". */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *dir = malloc(n + 1);
    if (dir)
        memcpy(dir, path, n), dir[n] = '\0';
    return dir;
}

/* NNDL_OK if path is missing (*mode = 0666 minus umask) or a regular file
 * (*mode = its permission bits). */
static NndlStatus check_target(const char *path, int *mode, char *err)
{
    struct stat st;
    size_t len = strlen(path);
    if (len == 0 || path[len - 1] == '/')
        return nndl_fail(err, NNDL_ERR_ARG, "%s: is a folder name (expected "
                         "a file name)", path);
    if (lstat(path, &st) != 0) {
        if (errno != ENOENT)
            return nndl_fail(err, NNDL_ERR_IO, "%s: cannot write: %s", path,
                             strerror(errno));
        mode_t mask = umask(0);
        umask(mask);
        *mode = 0666 & ~(int)mask;
        return NNDL_OK;
    }
    if (S_ISLNK(st.st_mode))
        return nndl_fail(err, NNDL_ERR_ARG, "%s: is a symbolic link (not "
                         "replaced; give the file it points to)", path);
    if (S_ISDIR(st.st_mode))
        return nndl_fail(err, NNDL_ERR_ARG, "%s: is a folder (expected a file "
                         "name)", path);
    if (!S_ISREG(st.st_mode))
        return nndl_fail(err, NNDL_ERR_ARG, "%s: is not a regular file (a "
                         "device, FIFO or socket is never replaced)", path);
    *mode = (int)(st.st_mode & 07777);
    return NNDL_OK;
}

/* af->tmp = "DIR/.nndl-" plus a suffix that differs on every call. */
static int temp_name(AtomicFile *af, const char *dir)
{
    static atomic_uint counter;
    size_t n = strlen(dir) + 32;
    free(af->tmp);
    af->tmp = malloc(n);
    if (!af->tmp)
        return 0;
    snprintf(af->tmp, n, "%s/.nndl-%x-%x", dir, (unsigned)getpid(),
             atomic_fetch_add(&counter, 1));
    return 1;
}

/* A named temporary file in dir, entered in the table with every signal
 * blocked so that none can come between. */
static int open_named(AtomicFile *af, const char *dir)
{
    sigset_t all, old;
    int fd = -1;
    sigfillset(&all);
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        if (!temp_name(af, dir))
            return -1;
        pthread_sigmask(SIG_BLOCK, &all, &old);
        af->slot = remember(af->tmp);
        fd = open(af->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        int saved = errno;
        if (fd < 0)
            forget(&af->slot);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        errno = saved;
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0)
        free(af->tmp), af->tmp = NULL;
    return fd;
}

/* A file without a name in dir where the filesystem can (then af->tmp is
 * NULL until commit), a named one otherwise. */
static int open_temp(AtomicFile *af, const char *dir)
{
    int fd = -1;
#ifdef O_TMPFILE
    const char *use = getenv("NNDL_TMPFILE");   /* "0": test the fallback */
    if (!(use && !strcmp(use, "0")) && access("/proc/self/fd", X_OK) == 0) {
        fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
        if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR &&
                        errno != EINVAL))
            return fd;
    }
#endif
    return open_named(af, dir);
}

/* ---- The interface ------------------------------------------------------ */

static void release(AtomicFile *af)
{
    if (af->f)
        fclose(af->f);
    if (af->tmp)
        unlink(af->tmp);
    forget(&af->slot);
    free(af->path);
    free(af->tmp);
    af->f = NULL, af->path = af->tmp = NULL;
}

NndlStatus atomic_file_open(AtomicFile *af, const char *path, char *err)
{
    *af = (AtomicFile){NULL, NULL, NULL, 0, -1};
    NndlStatus st = check_target(path, &af->mode, err);
    if (st != NNDL_OK)
        return st;
    char *dir = folder_of(path);
    af->path = strdup(path);
    if (!dir || !af->path)
        return free(dir), release(af),
               nndl_fail(err, NNDL_ERR_NOMEM, "%s: out of memory", path);
    int fd = open_temp(af, dir);
    int saved = errno;
    free(dir);
    if (fd >= 0 && (fchmod(fd, (mode_t)af->mode) != 0 ||
                    !(af->f = fdopen(fd, "wb")))) {
        saved = errno;
        close(fd);
        fd = -1;
    }
    if (fd < 0)
        return release(af), nndl_fail(err, NNDL_ERR_IO, "%s: cannot create: "
                                      "%s", path, strerror(saved));
    return NNDL_OK;
}

/* Gives a file opened with O_TMPFILE a temporary name in its folder. */
static int link_temp(AtomicFile *af, int fd)
{
    char proc[64], *dir = folder_of(af->path);
    int ok = 0;
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    for (int attempt = 0; dir && attempt < 100 && !ok; attempt++) {
        if (!temp_name(af, dir))
            break;
        af->slot = remember(af->tmp);           /* before the name exists */
        ok = linkat(AT_FDCWD, proc, AT_FDCWD, af->tmp, AT_SYMLINK_FOLLOW) == 0;
        if (!ok) {
            int saved = errno;
            forget(&af->slot);
            free(af->tmp), af->tmp = NULL;
            errno = saved;
            if (saved != EEXIST)
                break;
        }
    }
    free(dir);
    return ok;
}

NndlStatus atomic_file_commit(AtomicFile *af, char *err)
{
    int mode;
    int ok = !ferror(af->f);    /* errno: what the failed write said */
    int saved = errno ? errno : EIO;
    if (ok)
        ok = fflush(af->f) == 0 && fsync(fileno(af->f)) == 0, saved = errno;
    if (ok && !af->tmp)
        ok = link_temp(af, fileno(af->f)), saved = errno;
    if (fclose(af->f) != 0 && ok)
        ok = 0, saved = errno;
    af->f = NULL;
    if (ok) {                   /* the target may have changed since open */
        NndlStatus st = check_target(af->path, &mode, err);
        if (st != NNDL_OK)
            return release(af), st;
        ok = rename(af->tmp, af->path) == 0;
        saved = errno;
    }
    if (!ok)
        return nndl_fail(err, NNDL_ERR_IO, "%s: cannot write: %s", af->path,
                         strerror(saved)), release(af), NNDL_ERR_IO;
    forget(&af->slot);          /* renamed: the name is the target's now */
    free(af->tmp), af->tmp = NULL;
    release(af);
    return NNDL_OK;
}

void atomic_file_abort(AtomicFile *af)
{
    release(af);
}

NndlStatus atomic_file_check(const char *path, char *err)
{
    AtomicFile af;
    NndlStatus st = atomic_file_open(&af, path, err);
    if (st == NNDL_OK)
        atomic_file_abort(&af);
    return st;
}
