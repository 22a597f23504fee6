#!/bin/bash
# Checks that every figure was drawn: for each plots/NAME.gp there must be a
# non-empty plots/out/NAME.svg (a complete SVG document) and NAME.png (a
# PNG of a sensible size).  Usage: tests/programs/check-figures.sh [OUT_DIR]
set -u
out=${1:-plots/out}
pass=0 fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
scripts=(plots/*.gp)
[ -e "${scripts[0]}" ] || { echo "FAIL: no plots/*.gp found"; exit 1; }
for gp in "${scripts[@]}"; do
    name=$(basename "$gp" .gp)
    svg=$out/$name.svg png=$out/$name.png
    if [ ! -s "$svg" ]; then bad "$svg is missing or empty"
    elif ! grep -q '<svg' "$svg" || ! tail -c 200 "$svg" | grep -q '</svg>'; then
        bad "$svg is not a complete SVG document"
    elif [ "$(grep -c '<path\|<polyline\|<image\|<rect' "$svg")" -lt 5 ]; then
        bad "$svg draws almost nothing"
    else pass=$((pass + 1)); fi
    if [ ! -s "$png" ]; then bad "$png is missing or empty"
    elif [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
        bad "$png is not a PNG file"
    elif [ "$(stat -c %s "$png")" -lt 10000 ]; then
        bad "$png is suspiciously small ($(stat -c %s "$png") bytes)"
    else pass=$((pass + 1)); fi
done
echo "figures: $pass passed, $fail failed (${#scripts[@]} figures, SVG and PNG)"
[ "$fail" = 0 ]
