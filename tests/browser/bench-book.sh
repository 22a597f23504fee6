#!/bin/bash
# bench-book.sh BIN OUT ROUNDS N_TRAIN N_TEST REF NET HTML... - make bench-book:
# one epoch of [784, 30, 10] on the book's embedded MNIST subset, trained in
# headless Chromium (the textbook code compiled to wasm, in a Web Worker),
# against bin/1.6-mnist-sgd on the same images, alternating, ROUNDS times;
# then each edition's HTML size.
set -euo pipefail
bin=$1 out=$2 rounds=$3 train=$4 test=$5 ref=$6 net=$7
shift 7
mkdir -p "$out"
secs() {   # the seconds bin/1.6 reports on stderr for its epoch
    "$bin/1.6-mnist-sgd" "$@" --train "$train" --test "$test" --epochs 1 --seed 1 2>&1 >/dev/null |
        sed -n 's/.*(\([0-9.]*\) s per epoch.*/\1/p'
}
page=() book=() fast=()
for r in $(seq "$rounds"); do
    node tests/browser/widgets.js "$bin" data/mnist "$out" "$ref" "$net" --bench >"$out/page.log"
    page+=("$(awk 'NR == 1 { printf "%.3f", $1 }' "$out/bench-page.txt")")
    book+=("$(secs --textbook)")
    fast+=("$(secs)")
    echo "round $r: page ${page[-1]} s, native textbook ${book[-1]} s, native fast path ${fast[-1]} s"
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
p=$(median "${page[@]}") b=$(median "${book[@]}") f=$(median "${fast[@]}")
echo "one epoch on $train images (+ testing $test), medians of $rounds rounds:"
awk -v p="$p" -v b="$b" -v f="$f" 'BEGIN {
    printf "  in the page (wasm, textbook code)  %7.3f s\n", p
    printf "  native textbook (--textbook)       %7.3f s   page / native = %.2fx\n", b, p / b
    printf "  native fast path (1 thread)        %7.3f s   page / fast   = %.2fx\n", f, p / f }'
for f in "$@"; do
    wc -c <"$f" | awk -v f="$f" '{ printf "  %-28s %9d bytes (%.2f MB)\n", f, $1, $1 / 1e6 }'
done
