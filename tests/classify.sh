#!/bin/bash
# Checks bin/classify on PNGs of MNIST test digits (tests/png_fixture.c
# writes them): drawn 3x and 4x larger, shifted, as dark ink on white, white
# on black, grey RGB and strokes on a transparent canvas, each comes back
# to exactly the 28x28 that --mnist-test shows for the original digit, with
# the same verdict.  A blank image, a file that is not a PNG, a cut PNG and
# a missing file each give one line naming the file and exit 1; bad flags
# exit 2.  Prints "N passed, N failed".
set -u
classify=${1:-bin/classify} sgd=${2:-bin/1.6-mnist-sgd} fixture=${3:-build/tests/png_fixture}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/testlib.sh"

# A network trained for one epoch on 5,000 images is enough to compare.
"$sgd" --train 5000 --test 100 --epochs 1 --seed 1 --save "$tmp/net.nndl" >/dev/null 2>&1 \
    || { echo "FAIL: could not train a network"; exit 1; }

# The frame of the 28x28 drawing and the verdict, without the file name.
seen() { sed -n '/^+--/,/^+--/p' "$1"; grep -o 'the network reads a [0-9]' "$1"; }

# Test images whose darkest pixel is 255 (so no contrast stretch applies):
# digits 7 2 1 0 4 9 5 6 3.
for i in 0 1 2 3 4 7 8 11 18; do
    "$classify" --net "$tmp/net.nndl" --mnist-test $i >"$tmp/want" 2>"$tmp/err" \
        || { bad "--mnist-test $i exited $?: $(cat "$tmp/err")"; continue; }
    grep -q "MNIST test image $i (a [0-9])" "$tmp/want" || bad "--mnist-test $i: no title"
    for m in "dark 3 5 17" "light 4 30 2" "rgb 3 0 0" "alpha 3 9 9"; do
        set -- $m
        "$fixture" "$tmp/d$i-$1.png" $1 $i $2 $3 $4 || { bad "fixture $m"; continue; }
        "$classify" --net "$tmp/net.nndl" "$tmp/d$i-$1.png" >"$tmp/got" 2>"$tmp/err" \
            || { bad "digit $i as $1: exited $?: $(cat "$tmp/err")"; continue; }
        if [ "$(seen "$tmp/got")" = "$(seen "$tmp/want")" ]; then ok; else
            bad "digit $i drawn as '$m' did not come back to its 28x28:"; diff <(seen "$tmp/want") <(seen "$tmp/got") | head -20
        fi
    done
    # A photo of grey paper with grain: the grain is taken for paper and
    # the grey ink stretched to full ink.  The faintest edges go with the
    # grain, so the digit may come back a pixel smaller or shifted (and a
    # weak network may then read it otherwise).  Tolerance: pixels inked in
    # one drawing and not in the other, at most 25% of those inked in the
    # original (measured: 3% to 10%; grain taken for ink makes it far more).
    "$fixture" "$tmp/d$i-photo.png" photo $i 3 4 8 || bad "fixture photo"
    "$classify" --net "$tmp/net.nndl" "$tmp/d$i-photo.png" >"$tmp/got" 2>"$tmp/err" \
        || { bad "digit $i as photo: exited $?: $(cat "$tmp/err")"; continue; }
    shape=$(paste -d'\n' <(seen "$tmp/want") <(seen "$tmp/got") | awk '
        NR % 2 { w = $0; next }
        w ~ /^\|/ { for (k = 2; k < length(w); k++) {
            a = substr(w, k, 1) != " "; b = substr($0, k, 1) != " "
            ink += a; differ += a != b } }
        END { print (differ <= 0.25 * ink) ? "close" : differ " of " ink }')
    [ "$shape" = close ] && ok || bad "digit $i as a photo: $shape inked positions differ"
done
# The drawing is the digit: 28 rows, ink in the middle, none in the corners.
[ "$(sed -n '/^+--/,/^+--/p' "$tmp/want" | grep -c '^|')" = 28 ] && ok || bad "the drawing is not 28 rows"
# Ten outputs, the largest one marked.
[ "$(grep -Ec '^  [0-9]  [01]\.[0-9]{3}  ' "$tmp/want")" = 10 ] && ok || bad "expected 10 output lines"
[ "$(grep -c '<-$' "$tmp/want")" = 1 ] && ok || bad "expected one marked output"

# Several images in one call: each is shown in turn.
"$classify" --net "$tmp/net.nndl" "$tmp/d0-dark.png" "$tmp/d1-light.png" >"$tmp/two" 2>&1 && \
    [ "$(grep -c 'the network reads a' "$tmp/two")" = 2 ] && ok || bad "two images: two verdicts expected"

# Bad images: exit 1, one line on stderr naming the file and the problem;
# the good image given with them is still classified.
expect_file_error() {
    local file=$1 want=$2
    "$classify" --net "$tmp/net.nndl" "$file" "$tmp/d0-dark.png" >"$tmp/out" 2>"$tmp/err"; local rc=$?
    if [ $rc -ne 1 ]; then bad "$file: exited $rc (expected 1)"; return; fi
    if [ "$(wc -l <"$tmp/err")" != 1 ] || ! grep -qF -- "$file" "$tmp/err" || ! grep -q -- "$want" "$tmp/err"; then
        bad "$file: stderr was '$(cat "$tmp/err")' (expected one line naming it with '$want')"; return
    fi
    grep -q 'the network reads a' "$tmp/out" && ok || bad "$file: the good image was not classified"
}
"$fixture" "$tmp/blank.png" blank 64 48
expect_file_error "$tmp/blank.png" "no digit found: the image is blank"
echo "not an image" >"$tmp/text.png"
expect_file_error "$tmp/text.png" "not a PNG image"
head -c 300 "$tmp/d0-dark.png" >"$tmp/cut.png"
expect_file_error "$tmp/cut.png" "a broken PNG"
expect_file_error "$tmp/missing.png" "cannot open"
expect_file_error "$tmp" "not a PNG image\|cannot open"

# A network file that is not one, or missing: exit 1, naming it.
"$classify" --net "$tmp/text.png" "$tmp/d0-dark.png" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -qF "$tmp/text.png" "$tmp/err" && [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "bad --net: $(cat "$tmp/err")"

# Without --net it reads results/network.nndl, and says how to make it.
abs=$(cd "$(dirname "$classify")" && pwd)/$(basename "$classify")
(cd "$tmp" && "$abs" "$tmp/d0-dark.png") >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q "results/network.nndl.*run 'make'" "$tmp/err" && ok || bad "no default network: $(cat "$tmp/err")"
mkdir -p "$tmp/results" && cp "$tmp/net.nndl" "$tmp/results/network.nndl"
(cd "$tmp" && "$abs" "$tmp/d0-dark.png") >"$tmp/out" 2>&1 && grep -q 'the network reads a' "$tmp/out" && ok \
    || bad "the default network was not used: $(head -2 "$tmp/out")"

# Bad flags: exit 2, one line.
for args in "--frobnicate" "--net" "--mnist-test 10000" "--mnist-test x" ""; do
    "$classify" $args >/dev/null 2>"$tmp/err"; rc=$?
    [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "'$args': exit $rc, stderr '$(cat "$tmp/err")'"
done
"$classify" --help >/dev/null && ok || bad "--help should exit 0"

finish "classify"
