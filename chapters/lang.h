/* lang.h - the language the section programs speak: English, or
 * Simplified Chinese through GNU gettext (text domain "nndl", catalogs in
 * share/locale next to bin/, built by make from po/zh_CN.po).
 *
 * Chinese is asked for in any of the usual ways:
 *   LANGUAGE=zh_CN            (gettext's own list of languages)
 *   LANG=zh_CN.UTF-8 or LC_ALL=zh_CN.UTF-8 or LC_MESSAGES=zh_CN.UTF-8,
 *                             even when that locale is not generated on the
 *                             machine (the codeset then comes from C.UTF-8)
 *   --lang zh                 (and --lang en for English whatever the rest)
 * Numbers print the same in every language: LC_NUMERIC stays "C".
 * This is program code: it may touch the environment (LANGUAGE). */
#ifndef NNDL_LANG_H
#define NNDL_LANG_H

#include <libintl.h>

/* Marks a message for translation (xgettext --keyword=_ --keyword=N_). */
#define _(msgid) gettext(msgid)
/* Marks a string in a static table; translate it with _() where used. */
#define N_(msgid) (msgid)

/* Sets the locale from the environment and binds the "nndl" catalogs
 * (cli_init and cli_parse call it; later calls do nothing). */
void lang_init(void);

/* Switches to "zh" or "en" (the --lang flag); returns 0, or -1 for any
 * other code. */
int lang_select(const char *code);

/* The printf field width ("%-*s") that makes the UTF-8 text s fill
 * `columns` terminal columns: a Chinese character is 3 bytes but 2 columns
 * wide, so "%-22s" would leave a translated label short. */
int lang_width(const char *s, int columns);

#endif
