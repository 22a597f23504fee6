#!/bin/bash
# Checks `make compare` on a tiny comparison (eta 1 and 3, three seeds, two
# epochs on 2,000 images, tested on 300): one labelled progress line per
# epoch of each run; the table's median, min and max equal those computed
# here from the runs' own logs; the figures are drawn; a repeated comparison
# reruns nothing; changing a fixed setting redoes the summary; in Chinese
# (LANGUAGE=zh_CN) the table, labels and figure are Chinese and nothing
# reruns; bad values stop make with one line before any run.  Prints "N passed, N failed".
set -u
make_cmd=${1:-make}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/testlib.sh"

cmp_make() { $make_cmd --no-print-directory -s -j2 compare COMPARE_DIR="$tmp/r" COMPARE_PLOTS="$tmp/p" "$@"; }
tiny=(ETA="1 3" SEEDS="1 2 3" EPOCHS=2 TRAIN=2000 TEST=300)
cmp_make "${tiny[@]}" >"$tmp/out" 2>"$tmp/err" || bad "make compare exited $?: $(head -3 "$tmp/err")"
name=compare-eta-1-3

[ "$(grep -c '^compare: \[eta [13], seed [123]\] ' "$tmp/out")" = 6 ] && ok || bad "expected 6 runs started"
[ "$(grep -Ec '^  \[eta [13], seed [123]\] epoch [01]: [0-9]+ / 300$' "$tmp/out")" = 12 ] && ok \
    || bad "expected 12 progress lines '[eta E, seed S] epoch K: n / 300'"
logs=$(ls "$tmp"/r/sgd-784-30-10-eta*-batch10-epochs2-train2000-test300-seed*.tsv 2>/dev/null | wc -l)
[ "$logs" = 6 ] && ok || bad "expected 6 run logs, found $logs"

# The table against the logs: final accuracy (%) of each seed, sorted.
for eta in 1 3; do
    finals=$(for s in 1 2 3; do tail -1 "$tmp/r/sgd-784-30-10-eta$eta-batch10-epochs2-train2000-test300-seed$s.tsv" \
             | awk -F'\t' '{ printf "%.2f\n", 100 * $4 }'; done | sort -g | tr '\n' ' ')
    set -- $finals
    row=$(grep -E "^$eta +" "$tmp/out" | tr -s ' %' ' ' | sed 's/ $//')
    [ "$row" = "$eta $2 $1 $3 $(echo "$row" | cut -d' ' -f5)" ] && ok \
        || bad "eta $eta: table row '$row', expected median $2, min $1, max $3 from the logs"
done
# The epochs file: one block per value, the median of epoch 0 as the logs say.
[ "$(grep -c '^1	' "$tmp/r/$name-epochs.tsv")" = 2 ] && [ "$(grep -c '^3	' "$tmp/r/$name-epochs.tsv")" = 2 ] && ok \
    || bad "epochs file: expected 2 epochs for each eta"
m0=$(for s in 1 2 3; do awk -F'\t' 'NR == 2 { printf "%.2f\n", 100 * $4 }' \
     "$tmp/r/sgd-784-30-10-eta3-batch10-epochs2-train2000-test300-seed$s.tsv"; done | sort -g | sed -n 2p)
[ "$(awk -F'\t' '$1 == 3 && $2 == 0 { print $3 }' "$tmp/r/$name-epochs.tsv")" = "$m0" ] && ok \
    || bad "epoch 0 median of eta 3 is not $m0"
grep -q 'median test accuracy' "$tmp/out" && ok || bad "no dumb-terminal plot"
for f in svg png; do [ -s "$tmp/p/$name.$f" ] && ok || bad "no $name.$f"; done
grep -q 'eta 3' "$tmp/p/$name.svg" && grep -q 'after the last epoch' "$tmp/p/$name.svg" && ok || bad "the SVG lacks its legend or panel"
[ -z "$(find "$tmp/r" "$tmp/p" -name '*.tmp*' -o -name '*.err')" ] && ok || bad "temporary files left behind"

# Again: nothing reruns, nothing is rewritten, the table is shown again.
touch "$tmp/marker"
cmp_make "${tiny[@]}" >"$tmp/again" 2>&1
grep -q '^compare: \[' "$tmp/again" && bad "a repeated comparison reran something" || ok
grep -qE '^3 +[0-9.]+%' "$tmp/again" && ok || bad "a repeated comparison did not show the table"
[ -z "$(find "$tmp/r" "$tmp/p" -newer "$tmp/marker")" ] && ok || bad "a repeated comparison rewrote $(find "$tmp/r" "$tmp/p" -newer "$tmp/marker")"

# A fixed setting changed: the same name, new runs, a new table.
cmp_make "${tiny[@]}" BATCH=20 >"$tmp/b20" 2>&1
[ "$(grep -c '^compare: \[' "$tmp/b20")" = 6 ] && ok || bad "BATCH=20 should start 6 new runs"
grep -q 'mini-batch 20' "$tmp/b20" && ! cmp -s "$tmp/r/$name.txt" <(grep -E '^(eta|[13]) ' "$tmp/out") && ok \
    || bad "BATCH=20 did not redo the summary"

# Back to BATCH=10: nothing reruns, but the table is the first one again.
cmp_make "${tiny[@]}" >"$tmp/back" 2>&1
grep -q '^compare: \[' "$tmp/back" && bad "going back to BATCH=10 reran something" || ok
diff -q <(grep -E '^(eta|[13]) ' "$tmp/back") <(grep -E '^(eta|[13]) ' "$tmp/out") >/dev/null && ok \
    || bad "going back to BATCH=10 showed the BATCH=20 table"

# In Chinese: nothing reruns (a run's log is the same in every language),
# the table has the same rows under a Chinese header, the progress labels
# and the figure are Chinese.
LANGUAGE=zh_CN LC_ALL=C.UTF-8 cmp_make "${tiny[@]}" >"$tmp/zh" 2>&1
grep -q '^compare: \[' "$tmp/zh" && bad "the comparison in Chinese reran something" || ok
grep -q '最终中位数' "$tmp/zh" && diff -q <(grep -E '^[13] ' "$tmp/zh") <(grep -E '^[13] ' "$tmp/out") >/dev/null && ok \
    || bad "the Chinese table: '$(grep -A2 '中位数' "$tmp/zh")' (expected a Chinese header over the English rows)"
grep -q '最后一轮之后' "$tmp/p/$name.svg" && ok || bad "the figure was not redrawn in Chinese"
LANGUAGE=zh_CN LC_ALL=C.UTF-8 cmp_make "${tiny[@]}" SEEDS="1 2 4" >"$tmp/zh4" 2>&1
grep -Eq '^  \[eta 3，种子 4\] 第 1 轮：[0-9]+ / 300$' "$tmp/zh4" && ok \
    || bad "a run in Chinese: no progress line '[eta 3，种子 4] 第 1 轮：n / 300'"

# Bad values: exit 2, one line, no run started, nothing written.
expect_error() {
    local want=$1; shift
    $make_cmd --no-print-directory -s compare COMPARE_DIR="$tmp/bad" COMPARE_PLOTS="$tmp/bad" "$@" >"$tmp/o" 2>&1; local rc=$?
    if [ $rc != 2 ] || [ "$(wc -l <"$tmp/o")" != 1 ] || ! grep -qF -- "$want" "$tmp/o"; then
        bad "$*: exit $rc, output '$(cat "$tmp/o")' (expected one line with '$want')"; return
    fi
    [ -e "$tmp/bad" ] && bad "$*: wrote $tmp/bad" || ok
}
expect_error "ETA: '1 x' is not a list of numbers" ETA="1 x"
expect_error "ETA: '1'' is not a list of numbers" ETA="1'"
expect_error "ETA: 0 is out of range" ETA="0 1"
expect_error "nothing varies" ETA=3
expect_error "vary one of ETA, HIDDEN, BATCH, SIZES at a time" ETA="1 3" BATCH="10 20"
expect_error "give HIDDEN or SIZES, not both" HIDDEN="10 30" SIZES=784,20,10
expect_error "SIZES: '784,30' is not a list of layer sizes" SIZES="784,30,10 784,30"
expect_error "BATCH: 3000 is larger than TRAIN=2000" BATCH="10 3000" TRAIN=2000
expect_error "EPOCHS: 0 is out of range" ETA="1 3" EPOCHS=0
expect_error "SEEDS is empty" ETA="1 3" SEEDS=

finish "compare"
