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
# Prints one line per failure and "N passed, N failed"; exits 1 on failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-bin}" && pwd)
export MNIST_DIR=${MNIST_DIR:-$(pwd)/data/mnist}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

en() { env -u LANGUAGE -u LANG -u LC_MESSAGES LC_ALL=C "$@"; }
zh() { env -u LANG -u LC_MESSAGES LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$@"; }
has_chinese() { grep -qP '[\x{4e00}-\x{9fff}]' "$1"; }

# same_numbers NAME PROGRAM ARGS...: English and Chinese stdout compared.
same_numbers() {
    local name=$1 prog=$2; shift 2
    mkdir -p "run-en/$name" "run-zh/$name"
    en "$bin/$prog" "$@" >"$name.en" 2>/dev/null || { bad "$name: English run failed"; return; }
    zh "$bin/$prog" "$@" >"$name.zh" 2>/dev/null || { bad "$name: Chinese run failed"; return; }
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

echo "check-lang: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
