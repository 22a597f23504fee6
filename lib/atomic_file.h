/* atomic_file.h - writing a file so that no one ever sees it half written.
 *
 * atomic_file_open makes the new contents in the target's folder without
 * a name (Linux O_TMPFILE) or, where the filesystem cannot, under a short
 * hidden name `.nndl-XXXXXX` in that folder; atomic_file_commit flushes,
 * fsyncs and renames it onto the target in one step.  Until then the
 * target is untouched; after a failure, or atomic_file_abort, it is too.
 *
 * What may be replaced:
 *   - a regular file (it keeps its permission bits: a 0600 model stays
 *     0600), or a name that does not exist yet (made 0666 minus umask);
 *   - never a folder, device, FIFO or socket;
 *   - never a symbolic link: it is refused, not followed (renaming onto it
 *     would replace the link itself by a file).  Give the file it points to.
 *
 * The temporary names that exist at any moment are listed in a small
 * table; atomic_file_cleanup() removes them.  It is async-signal-safe, so
 * a program calls it from its signal handlers and at exit, and no
 * temporary file outlives the program whatever ends it (short of SIGKILL
 * on a filesystem without O_TMPFILE).  The library itself installs no
 * handler and never prints.  NNDL_TMPFILE=0 in the environment makes it
 * use named temporary files even where O_TMPFILE works (for tests).
 */
#ifndef NNDL_ATOMIC_FILE_H
#define NNDL_ATOMIC_FILE_H

#include <stdio.h>
#include "nndl_error.h"

typedef struct {
    FILE *f;        /* write the contents here */
    char *path;     /* the target */
    char *tmp;      /* the temporary name, NULL while the file has none */
    int mode;       /* the permission bits the target gets */
    int slot;       /* tmp's place in the table of temporary names, or -1 */
} AtomicFile;

/* NNDL_OK if path could be written: its folder exists and takes a new
 * file, and path is missing or a regular file.  Leaves nothing behind. */
NndlStatus atomic_file_check(const char *path, char *err);

/* Starts writing path (see above for what may be replaced).  On success
 * af->f is open for writing; on failure nothing is left and af owns
 * nothing. */
NndlStatus atomic_file_open(AtomicFile *af, const char *path, char *err);

/* Flushes, fsyncs and renames the contents onto af->path.  On failure
 * (a write error, a full disk, the target turned into something else)
 * the temporary file is removed and the target untouched.  Either way af
 * owns nothing afterwards. */
NndlStatus atomic_file_commit(AtomicFile *af, char *err);

/* Throws the contents away; the target is untouched.  Accepts an af that
 * owns nothing. */
void atomic_file_abort(AtomicFile *af);

/* Removes every temporary file that exists now (async-signal-safe). */
void atomic_file_cleanup(void);

#endif
