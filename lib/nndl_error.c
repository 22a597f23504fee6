/* nndl_error.c - formatting of library error messages. */
#include <stdarg.h>
#include <stdio.h>

#include "nndl_error.h"

NndlStatus nndl_fail(char *err, NndlStatus status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, NNDL_ERRLEN, fmt, ap);
        va_end(ap);
    }
    return status;
}
