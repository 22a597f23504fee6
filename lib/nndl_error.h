/* nndl_error.h - how the library reports errors.
 *
 * The library never prints and never exits.  A function that can fail
 * returns an NndlStatus and, when given a non-NULL err buffer of
 * NNDL_ERRLEN bytes, writes one line (no newline) that names the file
 * and what was wrong, ready for a program to print.
 */
#ifndef NNDL_ERROR_H
#define NNDL_ERROR_H

#define NNDL_ERRLEN 512

typedef enum {
    NNDL_OK = 0,
    NNDL_ERR_IO,        /* cannot open or read or write a file */
    NNDL_ERR_FORMAT,    /* the file is not what it claims to be */
    NNDL_ERR_ARG,       /* a bad argument (sizes, counts, ...) */
    NNDL_ERR_NOMEM      /* out of memory */
} NndlStatus;

/* printf-style: writes the message into err (if err is not NULL) and
 * returns status, so callers can write `return nndl_fail(err, ...)`. */
NndlStatus nndl_fail(char *err, NndlStatus status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
