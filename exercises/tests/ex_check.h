/* ex_check.h - what every exercise test shares.
 *
 * Each test gets its own Check test case named after it, so a failure can
 * be printed as a sentence ("nand of one and one is zero") followed by the
 * test's own message (what was expected, what came out).  ex_main runs the
 * suite quietly, prints only failures, then Check's summary line, and
 * returns non-zero if anything failed or if no test ran at all (a
 * CK_RUN_CASE / CK_RUN_SUITE naming nothing would otherwise pass
 * silently).  Set EX_VERBOSE=1 to see the passing tests too.
 */
#ifndef NNDL_EX_CHECK_H
#define NNDL_EX_CHECK_H

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercises.h"

/* Adds test fn (a START_TEST name) in its own test case; timeout in s. */
#define EX_ADD(suite, fn) ex_add((suite), #fn, (fn), 4.0)
#define EX_ADD_SLOW(suite, fn, secs) ex_add((suite), #fn, (fn), (secs))

static void ex_add(Suite *s, const char *name, const TTest *fn, double secs)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, secs);
    _tcase_add_test(tc, fn, 0, 0, 0, 1);
    suite_add_tcase(s, tc);
}

/* "test_nand_of_one_and_one" -> "nand of one and one". */
static void ex_print_name(const char *mark, const char *name)
{
    if (strncmp(name, "test_", 5) == 0)
        name += 5;
    printf("  %s ", mark);
    for (; *name; name++)
        putchar(*name == '_' ? ' ' : *name);
    putchar('\n');
}

/* Turns Check's words for a crash or a timeout into the learner's. */
static void ex_print_problem(TestResult *tr)
{
    const char *msg = tr_msg(tr);
    if (tr_rtype(tr) == CK_ERROR && strstr(msg, "signal"))
        printf("      your code crashed (%s): often a read or write outside"
               " an array, or a NULL pointer\n", msg);
    else if (tr_rtype(tr) == CK_ERROR && strstr(msg, "timeout"))
        printf("      it took too long (%s): a loop that never ends?\n", msg);
    else
        printf("      %s\n", msg);
}

static int ex_main(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_SILENT);
    int run = srunner_ntests_run(sr), failed = srunner_ntests_failed(sr);
    int verbose = getenv("EX_VERBOSE") != NULL;
    TestResult **results = srunner_results(sr);
    for (int i = 0; i < run; i++) {
        if (tr_rtype(results[i]) == CK_PASS) {
            if (verbose)
                ex_print_name("\xe2\x9c\x93", tr_tcname(results[i]));
            continue;
        }
        ex_print_name("\xe2\x9c\x97", tr_tcname(results[i]));
        ex_print_problem(results[i]);
    }
    free(results);
    fflush(stdout);
    srunner_print(sr, CK_MINIMAL);
    srunner_free(sr);
    if (run == 0) {
        printf("  no test ran: CK_RUN_CASE or CK_RUN_SUITE names nothing"
               " in this suite\n");
        return 1;
    }
    return failed ? 1 : 0;
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
