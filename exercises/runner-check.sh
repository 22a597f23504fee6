#!/usr/bin/env bash
# exercises/runner-check.sh - the exercise runner as a learner meets it,
# through make, on scratch copies of the exercise files (the learner's own
# exercises/ and .progress are never touched).  Run from the top of the
# repository; make exercises-runner-check runs it in make check.
#
# Each check says what it expects; a failure prints what came out instead.
set -u
unset MAKEFLAGS MFLAGS MAKELEVEL LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8

scratch=$(mktemp -d "${TMPDIR:-/tmp}/nndl-ex-check.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
export EX_WORK_DIR=$scratch/work EX_WORK_BUILD=$scratch/build
fails=0 n=0

fresh() { rm -rf "$EX_WORK_DIR" && mkdir -p "$EX_WORK_DIR"; }
put() { cat > "$EX_WORK_DIR/$1"; }                       # put FILE < text
solution() { cp "exercises/solutions/$1" "$EX_WORK_DIR/$1"; }
# run CMD...: sets RC and OUT (stdout and stderr together).
run() { OUT=$("$@" 2>&1); RC=$?; }
ex() { run make -s --no-print-directory "$@"; }
check() {       # check "what" CONDITION...
    local what=$1; shift
    n=$((n + 1))
    if "$@"; then printf '  ok   %s\n' "$what"
    else
        printf '  FAIL %s\n       (exit %s) output:\n%s\n' "$what" "$RC" "$(sed 's/^/       | /' <<<"$OUT")"
        fails=$((fails + 1))
    fi
}
rc_is() { [[ $RC == "$1" ]]; }
has() { grep -qF -- "$1" <<<"$OUT"; }
hasnt() { ! grep -qF -- "$1" <<<"$OUT"; }
no_make_error() { hasnt 'make: ***' && hasnt 'Error 1'; }
chinese() { grep -qP '[\x{4e00}-\x{9fff}]' <<<"$OUT"; }
# No line with an English word (3 letters or more) and no Chinese at all.
no_english_line() { ! grep -E '[A-Za-z]{3}' <<<"$OUT" | grep -qvP '[\x{4e00}-\x{9fff}]'; }
numbers() { grep -oE '[0-9]+([.][0-9]+)?' <<<"$1"; }

echo "exercises: the runner as a learner meets it"

# ---- 1. exit status ---------------------------------------------------------
fresh
ex exercise N=3
check "an untouched stub: exit 1, the report last, no make Error line" eval 'rc_is 1 && has "not yet" && no_make_error'
solution 03_adder.c
ex exercise N=3
check "the reference solution: exit 0 and 'all tests pass'" eval 'rc_is 0 && has "all tests pass"'
ex exercise N=99
check "an exercise that does not exist: exit 2" eval 'rc_is 2 && has "no exercise 99"'
put 01_perceptron.c <<'EOF'
#include "exercises.h"
int ex_perceptron(const double *w, const double *x, double b, size_t n) { return w[0] * x[0] + b + n > 0 }
EOF
ex exercise N=1
check "a compile error: exit 1 and the compiler's words" eval 'rc_is 1 && has "does not compile" && has "error:" && no_make_error'
put 01_perceptron.c <<'EOF'
#include "exercises.h"
int ex_perceptron(const double *w, const double *x, double b, size_t n) { (void)b; (void)n; return *(volatile int *)0 + w[0] + x[0] > 0; }
EOF
ex exercise N=1
check "a crash: exit 1 and 'your code crashed'" eval 'rc_is 1 && has "crashed"'
LANG=zh_CN.UTF-8 ex exercise N=1
check "a crash with LANG=zh_CN.UTF-8: '你的代码崩溃了', the signal named, no '???'" eval 'rc_is 1 && has "你的代码崩溃了（Received signal 11 (" && hasnt "???"'
ex next
check "make next on a failing exercise: exit 1" rc_is 1

# ---- 2. no false pass, no hang ------------------------------------------------
put 02_nand.c <<'EOF'
#include <stdlib.h>
#include "exercises.h"
double ex_nand_z(int x1, int x2) { return -2.0 * x1 - 2.0 * x2 + 3.0; }
int ex_nand(int x1, int x2) { (void)x1, (void)x2; exit(0); }
EOF
ex exercise N=2
check "exit(0) inside the function does not pass" eval 'rc_is 1 && hasnt "all tests pass" && has "never reached its end"'
put 02_nand.c <<'EOF'
#include <stdio.h>
#include <unistd.h>
#include "exercises.h"
__attribute__((constructor)) static void early(void)
{
    printf("100%%: Checks: 4, Failures: 0, Errors: 0\n");
    fflush(stdout);
    _exit(0);
}
double ex_nand_z(int x1, int x2) { return -2.0 * x1 - 2.0 * x2 + 3.0; }
int ex_nand(int x1, int x2) { return !(x1 && x2); }
EOF
ex exercise N=2
check "a constructor that prints a Check summary and _exit(0) does not pass" eval 'rc_is 1 && hasnt "all tests pass" && has "stopped before it had checked everything"'
ex solution N=2
check "... and the solution stays locked" eval 'rc_is 1 && hasnt "reference solution" && hasnt "-2.0 * x1"'
put 02_nand.c <<'EOF'
#include "exercises.h"
__attribute__((constructor)) static void forever(void) { for (volatile int i = 0;; i++) {} }
double ex_nand_z(int x1, int x2) { return -2.0 * x1 - 2.0 * x2 + 3.0; }
int ex_nand(int x1, int x2) { return !(x1 && x2); }
EOF
SECONDS=0
EX_TIME_LIMIT=3 ex exercise N=2
check "an endless loop in a constructor: 'took too long' within the time limit" eval 'rc_is 1 && has "took too long" && ((SECONDS < 15))'

put 01_perceptron.c <<'EOF'
#include <stdio.h>
#include "exercises.h"
int ex_perceptron(const double *w, const double *x, double b, size_t n)
{
    (void)w, (void)x, (void)b, (void)n;
    for (;;) printf("debugging output that never stops\n");
}
EOF
ex exercise N=1
check "endless printing: stopped at 8 MB, 64 kB shown, exit 1" eval 'rc_is 1 && has "more than 8 MB" && ((${#OUT} < 70000))'

# ---- 3. injection ------------------------------------------------------------------
ex exercise "N=1'; echo PWNED; '"
check "N=\"1'; echo PWNED; '\" is refused as data (exit 2, no PWNED line)" eval 'rc_is 2 && ! grep -qx PWNED <<<"$OUT"'
ex hint "N=\$(shell touch $scratch/pwned1)"
check "N=\$(shell ...) is not expanded" eval 'rc_is 2 && [[ ! -e $scratch/pwned1 ]]'
printf 'hint nand NUM[$(touch %s/pwned2)]\nhint nand abc\ndone adder $(touch %s/pwned3)\n' "$scratch" "$scratch" > "$EX_WORK_DIR/.progress"
ex hint N=2
check "crafted .progress lines are ignored, never evaluated" eval 'rc_is 0 && [[ ! -e $scratch/pwned2 && ! -e $scratch/pwned3 ]] && hasnt "unbound" && has "not understood"'

# ---- 4. hint ladders -----------------------------------------------------------------
fresh
rung1=$(awk '/^---$/ { exit } { print }' exercises/hints/en/16_output_error.txt | cut -c1-40)
rung2=$(awk '/^---$/ { n++; next } n == 1' exercises/hints/en/16_output_error.txt | cut -c1-40)
ex exercise N=16
check "a first failure shows no hint rung, only how to ask" eval 'rc_is 1 && hasnt "$rung1" && has "make hint N=16"'
ex hint N=16
check "make hint shows rung 1 only" eval 'rc_is 0 && has "$rung1" && hasnt "$rung2"'
ex exercise N=16
check "the next failure shows the rung asked for, not the next one" eval 'rc_is 1 && has "$rung1" && hasnt "$rung2"'

# ---- 5. failure messages that point at the bug -----------------------------------
sed -e 's/net->delta\[out\]\[j\] = 0.0f;/net->delta[out][j] = net->a[out + 1][j] - y[j];/' -e 's/(void)y;.*//' \
    exercises/stubs/16_output_error.c > "$EX_WORK_DIR/16_output_error.c"
ex exercise N=16
check "exercise 16 without sigma': no nudge before rung 2" eval 'rc_is 1 && hasnt "equals a - y"'
ex hint N=16
ex exercise N=16
check "exercise 16 without sigma': a nudge once rung 2 was asked for" eval 'rc_is 1 && has "equals a - y"'
ex exercise N=7
check "exercise 7 shows its hand-made network" eval 'rc_is 1 && has "w^0 = " && has "x = "'
sed -e 's/return 0;/return x1 + x2 < 3;/' exercises/stubs/02_nand.c > "$EX_WORK_DIR/02_nand.c"
ex exercise N=2
check "exercise 2 shows the learner's own w.x+b" eval 'rc_is 1 && has "your w.x+b"'

# ---- 6. progress, skip, run-all ---------------------------------------------------------
fresh
solution 01_perceptron.c
ex exercise N=1
sed -i 's/z > 0.0/z >= 0.0/' "$EX_WORK_DIR/01_perceptron.c"
ex progress
check "passed, then edited to fail: progress shows it failing" eval 'rc_is 0 && grep -q "\[✗\]  1 .*does not pass yet" <<<"$OUT"'
ex skip N=2
ex progress
check "make skip: progress shows it skipped, the next is 3" eval 'grep -q "\[»\]  2 .*skipped" <<<"$OUT" && has "Next: exercise 1"'
solution 01_perceptron.c
ex progress
check "... and after the fix the next one is 3" eval 'has "Next: exercise 3"'
ex exercises-all
check "make exercises-all: a table, exit 1 while some fail" eval 'rc_is 1 && grep -q "^   1  perceptron .*pass" <<<"$OUT" && grep -q "^   3  adder .*not started" <<<"$OUT"'

# ---- 7. in Chinese ---------------------------------------------------------------------
fresh
LANG=zh_CN.UTF-8 ex exercise N=3
check "LANG=zh_CN.UTF-8 (locale not generated): the report in Chinese" eval 'rc_is 1 && has "还没通过" && has "用与非感知器"'
LANGUAGE=zh_CN ex hint N=3
check "LANGUAGE=zh_CN: the Chinese hint ladder" eval 'rc_is 0 && has "提示 1 / 3" && has "与非是通用的"'

# The tests' own messages (exercises/tests, ex_check.h): exercise 1's stub
# answers 0 everywhere.
fresh
ex exercise N=1
en_out=$OUT
check "in English the test says what it expected and got, as before, and no Chinese" eval 'rc_is 1 && has "      weights (6,2,2), bias -5, inputs (1,0,0): w.x+b = 1 > 0 so expected 1, got 0" && has "  ✗ good weather alone is enough to go" && has "40%: Checks: 5, Failures: 3, Errors: 0" && ! chinese'
LANG=zh_CN.UTF-8 ex exercise N=1
check "LANG=zh_CN.UTF-8: the test's expected/got line in Chinese, no English sentence" eval 'rc_is 1 && has "      权重 (6,2,2)，偏置 -5，输入 (1,0,0)：w.x+b = 1 > 0，所以应为 1，得到 0" && has "  ✗ 天气好就足以去" && no_english_line'
check "... with the same numbers in the same order as in English" eval '[[ $(numbers "$OUT") == "$(numbers "$en_out")" ]]'
LANGUAGE=zh_CN LC_ALL=C.UTF-8 ex exercise N=1
check "LANGUAGE=zh_CN: the test's messages in Chinese too" eval 'rc_is 1 && has "所以应为 1，得到 0" && no_english_line'

# make next shows an untouched exercise's task: the stub's text, or its
# translation in exercises/tasks/zh/.
fresh
zh_task=$(head -n 1 exercises/tasks/zh/01_perceptron.txt)
ex next
check "make next in English: the stub's task" eval 'rc_is 1 && has "    A perceptron weighs its inputs" && ! chinese'
LANG=zh_CN.UTF-8 ex next
check "make next with LANG=zh_CN.UTF-8: the Chinese task, no English sentence" eval 'rc_is 1 && has "    $zh_task" && hasnt "A perceptron weighs" && no_english_line'

# ---- 8. watch mode, on a pseudo-terminal ------------------------------------------
fresh
if command -v python3 >/dev/null; then
    n=$((n + 1))
    python3 exercises/watch-check.py || fails=$((fails + 1))
else echo "  skip make watch (no python3 to drive a terminal)"; fi

echo "exercises: runner check: $((n - fails)) of $n as expected"
((fails == 0))
