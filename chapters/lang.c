/* lang.c - English or Simplified Chinese for the section programs (see
 * lang.h). */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"

#define DOMAIN "nndl"

/* The catalogs' folder: share/locale beside the executable's bin/ folder,
 * so bin/1.1-perceptrons finds them from any working directory. */
static void locale_dir(char *dir, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", dir, size - 1);
    char *slash = n > 0 ? (dir[n] = '\0', strrchr(dir, '/')) : NULL;
    size_t at = slash ? (size_t)(slash - dir) : 0;
    if (!slash || at + sizeof "/../share/locale" > size)
        snprintf(dir, size, "share/locale");
    else
        snprintf(dir + at, size - at, "/../share/locale");
}

/* The first of LC_ALL, LC_MESSAGES, LANG that is set, as POSIX orders
 * them; NULL when none is. */
static const char *asked_locale(void)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        const char *v = getenv(names[k]);
        if (v && *v)
            return v;
    }
    return NULL;
}

/* gettext ignores LANGUAGE when the messages locale is "C" or "POSIX"
 * (so an explicit LC_ALL=C still means English); C.UTF-8 is not "C" to
 * it and gives UTF-8 output. */
static void ensure_messages_locale(void)
{
    const char *m = setlocale(LC_MESSAGES, NULL);
    if (m && strcmp(m, "C") != 0 && strcmp(m, "POSIX") != 0)
        return;
    if (!setlocale(LC_ALL, "C.UTF-8"))
        setlocale(LC_ALL, "C");
    setlocale(LC_NUMERIC, "C");
}

/* A locale the machine lacks (zh_CN.UTF-8 where only C.UTF-8 is
 * generated) makes setlocale fail and gettext stay in English: its
 * language is then handed to gettext through LANGUAGE instead. */
void lang_init(void)
{
    static int done;
    if (done++)
        return;
    if (!setlocale(LC_ALL, "")) {
        const char *asked = asked_locale();
        const char *language = getenv("LANGUAGE");
        if (asked && (!language || !*language)) {
            char lang[64];
            snprintf(lang, sizeof lang, "%s", asked);
            lang[strcspn(lang, ".@")] = '\0';           /* zh_CN.UTF-8 -> zh_CN */
            setenv("LANGUAGE", lang, 1);
        }
        ensure_messages_locale();
    } else if (!asked_locale()) {
        ensure_messages_locale();       /* LANGUAGE alone, LANG unset */
    }
    setlocale(LC_NUMERIC, "C");
    char dir[PATH_MAX];
    locale_dir(dir, sizeof dir);
    bindtextdomain(DOMAIN, dir);
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    textdomain(DOMAIN);
}

int lang_select(const char *code)
{
    if (strcmp(code, "zh") != 0 && strcmp(code, "en") != 0)
        return -1;
    setenv("LANGUAGE", strcmp(code, "zh") == 0 ? "zh_CN" : "en", 1);
    ensure_messages_locale();
    textdomain(DOMAIN);             /* forgets the translations looked up */
    return 0;
}

/* Counts East Asian wide characters (U+2E80 and above in the 3-byte range:
 * CJK, kana, full-width punctuation) as 2 columns, others as 1. */
int lang_width(const char *s, int columns)
{
    const unsigned char *p = (const unsigned char *)s;
    int bytes = 0, cols = 0;
    while (p[bytes]) {
        unsigned c = p[bytes];
        int n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        int wide = n == 4 || (n == 3 && ((c & 0x0Fu) << 12 |
                                         (p[bytes + 1] & 0x3Fu) << 6) >= 0x2E80);
        for (int k = 0; k < n && p[bytes]; k++)
            bytes++;
        cols += wide ? 2 : 1;
    }
    return columns + bytes - cols;
}
