/* ex_check.h - what every exercise test shares.
 *
 * Each test gets its own Check test case named after it, so a failure can
 * be printed as a sentence ("nand of one and one is zero") followed by the
 * test's own message (what was expected, what came out).  ex_main runs the
 * suite quietly, prints only failures, then Check's summary line.
 *
 * A pass has to be proved, not assumed, because the learner's code runs in
 * this process:
 *   - START_TEST is wrapped so that each test, once its body has run to the
 *     end, writes its name to a scratch file.  A test that Check calls
 *     passed but that never got there (an exit(0) or _exit(0) in the code
 *     under test) counts as an error.
 *   - Only when every test added was run, none failed and every one reached
 *     its end does ex_main write the runner's secret (EX_NONCE, a random
 *     token in the environment) to the file EX_PASS_FILE.  The runner
 *     believes that file, never an exit status alone: a constructor that
 *     prints a summary and exits 0 before main proves nothing.
 *
 * Exit status: 0 all pass, 1 some test failed by its assertions only,
 * 3 a test crashed, timed out or ended early, 4 no test ran.
 * EX_VERBOSE=1 shows the passing tests too; EX_HINT_LEVEL (set by the
 * runner: how many hint rungs the learner has seen) lets a failure message
 * say more once the learner has asked for it (ex_hint_level()).
 *
 * Messages are in Simplified Chinese when the learner's language is, by the
 * runner's rule (exercises/ex, ex_lang): the first of LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG that is set decides, Chinese if it starts with "zh".
 * They are marked _("...") and translated by GNU gettext (domain nndl-ex,
 * exercises/po/zh_CN.po, compiled into EX_LOCALE_DIR, by default
 * build/exercises/locale); a test's name is translated as the words
 * ex_print_name makes of it.  Numbers print the same in both languages.
 */
#ifndef NNDL_EX_CHECK_H
#define NNDL_EX_CHECK_H

#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exercises.h"

#define EX_MAX_TESTS 64

#define EX_DOMAIN "nndl-ex"
/* Marks a message of the tests for translation (xgettext --keyword=_). */
#define _(msgid) dgettext(EX_DOMAIN, msgid)
/* Marks a string for the catalog without translating it. */
#define N_(msgid) (msgid)

static FILE *ex_ends;             /* names of the tests that reached their end */
static int ex_added;              /* tests added to the suite */

static void ex_reached_end(const char *name)
{
    if (ex_ends) {
        fprintf(ex_ends, "%s\n", name);
        fflush(ex_ends);
    }
}

/* START_TEST, with the test's end recorded after its body returns. */
#undef START_TEST
#define START_TEST(name)                                                    \
    static void name##_body(void);                                          \
    static void name##_fn(int _i CK_ATTRIBUTE_UNUSED)                       \
    {                                                                       \
        name##_body();                                                      \
        ex_reached_end(#name);                                              \
    }                                                                       \
    static const TTest name##_ttest = {#name, name##_fn, __FILE__, __LINE__}; \
    static const TTest *name = &name##_ttest;                               \
    static void name##_body(void)

/* Adds test fn (a START_TEST name) in its own test case; timeout in s. */
#define EX_ADD(suite, fn) ex_add((suite), #fn, (fn), 4.0)
#define EX_ADD_SLOW(suite, fn, secs) ex_add((suite), #fn, (fn), (secs))

static void ex_add(Suite *s, const char *name, const TTest *fn, double secs)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, secs);
    _tcase_add_test(tc, fn, 0, 0, 0, 1);
    suite_add_tcase(s, tc);
    ex_added++;
}

/* Is the learner's language Chinese?  The runner's rule (see the top). */
static int ex_chinese(void)
{
    const char *names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        const char *v = getenv(names[k]);
        if (v && *v)
            return strncmp(v, "zh", 2) == 0;
    }
    return 0;
}

/* In Chinese, binds the catalog.  zh_CN.UTF-8 is often not generated, so
 * gettext gets the messages locale C.UTF-8 and LANGUAGE=zh_CN instead (as
 * the runner does); LC_NUMERIC stays "C".  LC_CTYPE is UTF-8 too, or the
 * C library's own translated words (strsignal in Check's "Received signal
 * 11 (...)") would come out as "???".  In English nothing is bound and
 * every message is its msgid. */
static void ex_lang_init(void)
{
    const char *dir = getenv("EX_LOCALE_DIR");
    if (!ex_chinese())
        return;
    setenv("LANGUAGE", "zh_CN", 1);
    if (!setlocale(LC_MESSAGES, "C.UTF-8") || !setlocale(LC_CTYPE, "C.UTF-8"))
        return;
    bindtextdomain(EX_DOMAIN, dir && *dir ? dir : "build/exercises/locale");
    bind_textdomain_codeset(EX_DOMAIN, "UTF-8");
}

/* How many hint rungs the learner has asked for (0 if unknown). */
static inline int ex_hint_level(void)
{
    const char *s = getenv("EX_HINT_LEVEL");
    int level = s ? atoi(s) : 0;
    return level > 0 && level < 100 ? level : 0;
}

/* "test_nand_of_one_and_one" -> "nand of one and one", translated (the
 * catalog learns these words from the START_TEST lines: exercises.mk). */
static void ex_print_name(const char *mark, const char *name)
{
    char words[256];
    if (strncmp(name, "test_", 5) == 0)
        name += 5;
    snprintf(words, sizeof words, "%s", name);
    for (char *c = words; *c; c++)
        if (*c == '_')
            *c = ' ';
    printf("  %s %s\n", mark, _(words));
}

/* Turns Check's words for a crash or a timeout into the learner's. */
static void ex_print_problem(TestResult *tr)
{
    const char *msg = tr_msg(tr);
    if (tr_rtype(tr) == CK_ERROR && strstr(msg, "signal"))
        printf(_("      your code crashed (%s): often a read or write outside"
                 " an array, or a NULL pointer\n"), msg);
    else if (tr_rtype(tr) == CK_ERROR && strstr(msg, "timeout"))
        printf(_("      it took too long (%s): a loop that never ends?\n"), msg);
    else
        printf("      %s\n", msg);
}

/* Did test `name` write its end mark? */
static int ex_ended(const char *name)
{
    char line[256];
    if (!ex_ends)
        return 0;
    rewind(ex_ends);
    while (fgets(line, sizeof line, ex_ends)) {
        line[strcspn(line, "\n")] = '\0';
        if (strcmp(line, name) == 0)
            return 1;
    }
    return 0;
}

/* Writes the runner's secret where it asked for it: the proof of a pass. */
static void ex_prove_pass(const char *nonce, const char *path)
{
    if (!nonce || !path || !*nonce || !*path)
        return;
    FILE *f = fopen(path, "w");
    if (f) {
        fprintf(f, "pass %s\n", nonce);
        fclose(f);
    }
}

/* Check's own summary line (srunner_print, CK_MINIMAL), in the learner's
 * language: the same numbers, Check's percentage rounded down. */
static void ex_print_summary(TestResult **results, int run)
{
    int failures = 0, errors = 0;
    for (int i = 0; i < run; i++) {
        failures += tr_rtype(results[i]) == CK_FAILURE;
        errors += tr_rtype(results[i]) == CK_ERROR;
    }
    int percent = failures + errors == 0 ? 100 : run == 0 ? 0 :
        (int)((float)(run - (failures + errors)) / (float)run * 100);
    printf(_("%d%%: Checks: %d, Failures: %d, Errors: %d\n"), percent, run,
           failures, errors);
}

static int ex_main(Suite *s)
{
    /* Taken out of the environment before any test runs the learner's code. */
    char *nonce = getenv("EX_NONCE"), *path = getenv("EX_PASS_FILE");
    nonce = nonce ? strdup(nonce) : NULL;
    path = path ? strdup(path) : NULL;
    unsetenv("EX_NONCE");
    unsetenv("EX_PASS_FILE");
    ex_ends = tmpfile();
    ex_lang_init();

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_SILENT);
    int run = srunner_ntests_run(sr), failed = 0, errors = 0;
    int verbose = getenv("EX_VERBOSE") != NULL;
    TestResult **results = srunner_results(sr);
    for (int i = 0; i < run; i++) {
        const char *name = tr_tcname(results[i]);
        if (tr_rtype(results[i]) == CK_PASS && ex_ended(name)) {
            if (verbose)
                ex_print_name("\xe2\x9c\x93", name);
            continue;
        }
        ex_print_name("\xe2\x9c\x97", name);
        if (tr_rtype(results[i]) == CK_PASS) {
            printf("%s", _("      the test never reached its end: something it called"
                           " ended the program early (exit()? _exit()?)\n"));
            errors++;
            continue;
        }
        ex_print_problem(results[i]);
        if (tr_rtype(results[i]) == CK_FAILURE)
            failed++;
        else
            errors++;
    }
    ex_print_summary(results, run);
    free(results);
    fflush(stdout);
    srunner_free(sr);
    int status = run == 0 || run != ex_added ? 4 : errors ? 3 : failed ? 1 : 0;
    if (status == 4)
        printf(_("  %d of %d tests ran: CK_RUN_CASE or CK_RUN_SUITE selects"
                 " part of this suite, or none\n"), run, ex_added);
    if (status == 0)
        ex_prove_pass(nonce, path);
    free(nonce);                        /* on every path: LeakSanitizer */
    free(path);
    return status;
}

/* Helpers the tests share. */

static inline double ex_sigma(double z) { return 1.0 / (1.0 + exp(-z)); }

/* A tiny deterministic generator for test data, independent of lib/rng. */
static inline double ex_rand(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * 0x1.0p-53;          /* [0, 1) */
}

#endif
