#!/bin/bash
# The section programs in Chinese, against the same programs in English.
#
#   tests/lang/check-lang.sh [BIN_DIR]
#
# - Each program (and its --help) printed with LANGUAGE=zh_CN carries
#   Chinese text, and exactly the same numbers in the same order as the
#   English output (tests/lang/numbers.sh extracts them).
# - Every documented way of asking for Chinese gives the same output:
#   LANGUAGE=zh_CN, LANG=zh_CN.UTF-8 and LC_ALL=zh_CN.UTF-8 (whether or not
#   that locale is generated here) and --lang zh; --lang en wins over a
#   Chinese environment; a bad --lang is one line and exit status 2.
# - bin/classify (on a PNG that PNG_FIXTURE, tests/png_fixture.c, draws) and
#   1.6 with --load and --diagnose likewise, and no line of their Chinese
#   output that has an English word is left as the English line; the
#   --diagnose TSV is the same file in both languages.
# Prints one line per failure and "N passed, N failed"; exits 1 on failure.
#
#   tests/lang/check-lang.sh [BIN_DIR [PNG_FIXTURE]]
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-bin}" && pwd)
fixture=$(realpath "${2:-build/tests/png_fixture}")
export MNIST_DIR=${MNIST_DIR:-$(pwd)/data/mnist}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
. "$here/../testlib.sh"

en() { env -u LANGUAGE -u LANG -u LC_MESSAGES LC_ALL=C "$@"; }
zh() { env -u LANG -u LC_MESSAGES LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$@"; }
has_chinese() { grep -qP '[\x{4e00}-\x{9fff}]' "$1"; }

# same_numbers NAME PROGRAM ARGS...: English and Chinese stdout compared
# (an @L@ in ARGS becomes en or zh, for output files of each run).
same_numbers() {
    local name=$1 prog=$2; shift 2
    en "$bin/$prog" "${@//@L@/en}" >"$name.en" 2>/dev/null || { bad "$name: English run failed"; return; }
    zh "$bin/$prog" "${@//@L@/zh}" >"$name.zh" 2>/dev/null || { bad "$name: Chinese run failed"; return; }
    if ! has_chinese "$name.zh"; then bad "$name: no Chinese in the LANGUAGE=zh_CN output"; return; fi
    "$here/numbers.sh" "$name.en" >"$name.en.num"
    "$here/numbers.sh" "$name.zh" >"$name.zh.num"
    if [ ! -s "$name.en.num" ]; then bad "$name: no numbers found in the English output"
    elif cmp -s "$name.en.num" "$name.zh.num"; then ok
    else
        bad "$name: the Chinese output's numbers differ from the English ($(wc -l <"$name.en.num") vs $(wc -l <"$name.zh.num")):"
        diff "$name.en.num" "$name.zh.num" | head -6
    fi
}

quick_1_6="--train 1000 --test 500 --epochs 2"
quick_1_7="--train 1000 --test 500 --epochs 1"
for p in "$bin"/1.*; do
    prog=$(basename "$p")
    case $prog in
        1.6*) args=$quick_1_6 ;;
        1.7*) args=$quick_1_7 ;;
        *)    args="" ;;
    esac
    case $prog in 1.2*|1.4*|1.5*|1.7*) out="--out-dir out-$prog"; mkdir -p "out-$prog" ;; *) out="" ;; esac
    # shellcheck disable=SC2086
    same_numbers "$prog" "$prog" $args $out
    same_numbers "$prog --help" "$prog" --help
done

# all_translated NAME: no line of the Chinese output of NAME that has an
# English word (3 letters or more) is one of the English output's lines.
all_translated() {
    local left
    left=$(grep -E '[A-Za-z]{3}' "$1.zh" | grep -Fxf "$1.en" | head -3)
    if [ -z "$left" ]; then ok; else bad "$1: English lines left in the Chinese output:"; echo "$left"; fi
}

# bin/classify on a PNG of MNIST test digit 0 (a 7) and on test image 1,
# with a network trained here; 1.6 with --diagnose (a [784, 100, 10] on
# seed 3 has saturated outputs after its first epoch) and with --load.
"$bin/1.6-mnist-sgd" --train 500 --test 100 --epochs 1 --save net.nndl >/dev/null 2>&1 ||
    bad "1.6-mnist-sgd --save: could not train a network"
"$fixture" seven.png dark 0 3 5 17 || bad "$fixture: could not draw seven.png"
same_numbers "classify" classify --net net.nndl --mnist-test 1 seven.png
same_numbers "classify --help" classify --help
same_numbers "1.6 --diagnose" 1.6-mnist-sgd --train 500 --test 200 --epochs 1 --sizes 784,100,10 --seed 3 --diagnose diag-@L@.tsv
same_numbers "1.6 --load" 1.6-mnist-sgd --load net.nndl --epochs 0 --test 200 --diagnose load-@L@.tsv
for name in "classify" "classify --help" "1.6 --diagnose" "1.6 --load" "1.6-mnist-sgd --help"; do
    all_translated "$name"
done
if grep -q '饱和：输出' "1.6 --diagnose.zh"; then ok; else bad "1.6 --diagnose: no saturated output named in Chinese"; fi
for t in diag load; do
    if [ -s "$t-en.tsv" ] && cmp -s "$t-en.tsv" "$t-zh.tsv"; then ok
    else bad "1.6 --diagnose: $t-zh.tsv is not the same file as $t-en.tsv"; fi
done
# Its errors are Chinese too, and still name the file.
echo "not a picture" >notes.png
zh "$bin/classify" --net net.nndl notes.png >/dev/null 2>classify.err
if has_chinese classify.err && grep -qF notes.png classify.err; then ok
else bad "classify on a file that is not a PNG, in Chinese: '$(cat classify.err)'"; fi
zh "$bin/1.6-mnist-sgd" --epochs 0 >/dev/null 2>epochs.err
if has_chinese epochs.err && grep -qF -- --load epochs.err; then ok
else bad "1.6-mnist-sgd --epochs 0 in Chinese: '$(cat epochs.err)'"; fi

# Every way of asking for Chinese gives the same text (1.3 is quick).
p=1.3-architecture
zh "$bin/$p" >ref.zh 2>&1
has_chinese ref.zh || bad "$p: LANGUAGE=zh_CN gave no Chinese"
asks=("LANG=zh_CN.UTF-8" "LC_ALL=zh_CN.UTF-8" "LC_MESSAGES=zh_CN.UTF-8" "LANG=C.UTF-8 LANGUAGE=zh_CN" "LANGUAGE=zh_CN")
for ask in "${asks[@]}"; do
    # shellcheck disable=SC2086
    env -u LANGUAGE -u LANG -u LC_ALL -u LC_MESSAGES $ask "$bin/$p" >ask.out 2>&1
    if cmp -s ask.out ref.zh; then ok; else bad "$p with $ask: not the Chinese output"; fi
done
en "$bin/$p" --lang zh >flag.out 2>&1
if cmp -s flag.out ref.zh; then ok; else bad "$p --lang zh: not the Chinese output"; fi
en "$bin/$p" >ref.en 2>&1
env -u LANGUAGE LANG=zh_CN.UTF-8 "$bin/$p" --lang en >flag.out 2>&1
if cmp -s flag.out ref.en; then ok; else bad "$p --lang en under LANG=zh_CN.UTF-8: not the English output"; fi
en "$bin/$p" --lang fr >flag.out 2>flag.err; rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <flag.err)" = 1 ] && grep -q -- '--lang' flag.err && [ ! -s flag.out ]; then ok
else bad "$p --lang fr: exit $rc, stderr '$(cat flag.err)' (expected one line naming --lang, exit 2)"; fi
# An error message is Chinese too, and still names the flag.
zh "$bin/$p" --frobnicate >/dev/null 2>flag.err
if has_chinese flag.err && grep -qF -- '--frobnicate' flag.err; then ok
else bad "$p --frobnicate in Chinese: '$(cat flag.err)'"; fi

finish "check-lang"
