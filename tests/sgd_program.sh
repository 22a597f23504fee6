#!/bin/bash
# Checks bin/1.6-mnist-sgd as a learner uses it: the epoch lines, the same
# output for the same seed, the log file, --save, and one clear line with
# exit status 2 for each bad flag.  Prints "N passed, N failed".
set -u
prog=${1:-bin/1.6-mnist-sgd}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/testlib.sh"

small=(--train 5000 --test 500 --epochs 3 --seed 5)
"$prog" "${small[@]}" --log "$tmp/log.tsv" --save "$tmp/net.nndl" >"$tmp/a" 2>"$tmp/err" || bad "small run exited $?"
"$prog" "${small[@]}" >"$tmp/b" 2>/dev/null
cmp -s "$tmp/a" "$tmp/b" && ok || bad "same seed gave different output"
"$prog" --train 5000 --test 500 --epochs 3 --seed 6 >"$tmp/c" 2>/dev/null
cmp -s "$tmp/a" "$tmp/c" && bad "different seeds gave identical output" || ok
[ "$(grep -Ec '^Epoch [0-9]+: [0-9]+ / 500$' "$tmp/a")" = 3 ] && ok || bad "expected 3 lines 'Epoch k: n / 500'"
# Learning happened: the last epoch beats chance by far on 5,000 images.
last=$(grep "^Epoch 2:" "$tmp/a" | awk '{print $3}')
[ "${last:-0}" -gt 300 ] && ok || bad "epoch 2 got ${last:-?}/500 (expected > 300)"
[ "$(head -1 "$tmp/log.tsv")" = "$(printf 'epoch\tcorrect\ttotal\taccuracy\tseconds')" ] && ok || bad "log header"
[ "$(wc -l <"$tmp/log.tsv")" = 4 ] && ok || bad "log has $(wc -l <"$tmp/log.tsv") lines, expected 4"
[ "$(awk -F'\t' 'NR==4{print $2}' "$tmp/log.tsv")" = "$last" ] && ok || bad "log disagrees with stdout"
[ -s "$tmp/net.nndl" ] && [ "$(head -c4 "$tmp/net.nndl")" = NNDL ] && ok || bad "--save wrote no model"
ls "$tmp" | grep -q tmp && bad "temporary files left behind" || ok
grep -q 'per epoch' "$tmp/err" && ok || bad "no timing on stderr"
"$prog" --help >/dev/null 2>&1 && ok || bad "--help should exit 0"

# On a terminal (script(1) gives it one) a progress bar is drawn on stderr
# between the epoch lines, and erased before each one: an epoch line never
# starts after the bar's "k/N".
if command -v script >/dev/null 2>&1; then
    script -qec "$(printf '%q ' "$prog" "${small[@]}")" /dev/null >"$tmp/tty" 2>&1 </dev/null
    grep -q 'epochs \[' "$tmp/tty" && ok || bad "no progress bar on a terminal"
    grep -Eq '[0-9]/[0-9]+Epoch' "$tmp/tty" && bad "an epoch line was printed after the progress bar" || ok
    [ "$(tr '\r' '\n' <"$tmp/tty" | sed 's/\x1b\[K//g' | grep -Ec '^Epoch [0-9]+: [0-9]+ / 500$')" = 3 ] && ok \
        || bad "expected 3 clean epoch lines on a terminal"
fi

# Bad flags: exit 2, one line on stderr naming the flag.
expect_error() {
    local want=$1; shift
    "$prog" "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
    if [ $rc -ne 2 ]; then bad "$* exited $rc (expected 2)"; return; fi
    if [ "$(wc -l <"$tmp/err")" != 1 ] || ! grep -q -- "$want" "$tmp/err"; then
        bad "$*: stderr was '$(cat "$tmp/err")' (expected one line with '$want')"; return
    fi
    [ -s "$tmp/out" ] && { bad "$*: printed to stdout"; return; }
    ok
}
expect_error "unknown flag '--frobnicate'" --frobnicate
expect_error "--eta needs a value" --eta
expect_error "'3.0x' is not a number" --eta 3.0x
expect_error "--eta: 'nan'" --eta nan
expect_error "--eta: -1 is out of range" --eta -1
expect_error "--epochs: 0 is out of range" --epochs 0
expect_error "--batch: 0 is out of range" --batch 0
expect_error "layer size 0" --sizes 784,0,10
expect_error "fewer than 2 layers" --sizes 784
expect_error "the first layer has 100 neurons" --sizes 100,30,10
expect_error "the last layer has 9 neurons" --sizes 784,30,9
expect_error "--test: 20000 is more than" --test 20000
expect_error "--seed given twice" --seed 1 --seed 2
expect_error "--dataset: 'cifar'" --dataset cifar
"$prog" --data "$tmp/nowhere" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "nowhere/train-images-idx3-ubyte: cannot open" "$tmp/err" && grep -q "make data" "$tmp/err" && ok || bad "missing data: rc $rc, '$(cat "$tmp/err")'"

finish "1.6-mnist-sgd"
