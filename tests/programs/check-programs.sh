#!/bin/bash
# Checks the section programs bin/1.1 ... bin/1.7 as a learner runs them.
#
#   tests/programs/check-programs.sh [BIN_DIR]
#
# - Deterministic output (1.1, 1.2, 1.3, 1.5, the 4-bit layer of 1.4, the
#   valley paths) is compared with the expected files in tests/programs/.
#   Those files were reviewed by hand; when a program's text is changed on
#   purpose, regenerate them with BLESS=1 and review the diff.
# - Independently of those files, the printed tables are checked against
#   the maths they show (NAND, the adder, binary codes, v' = v - eta grad C).
# - Training programs run on small subsets and are checked against ranges.
# - Every program: --help exits 0, the same seed gives the same output,
#   a bad flag gives one line on stderr and exit status 2.
# Prints one line per failure and "N passed, N failed"; exits 1 on failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-bin}" && pwd)
export MNIST_DIR=${MNIST_DIR:-$(pwd)/data/mnist}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
. "$here/../testlib.sh"
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# Compares file $1 with the expected file $2 (or rewrites it under BLESS=1).
expect_same() {
    if [ -n "${BLESS:-}" ]; then mkdir -p "$(dirname "$2")"; cp "$1" "$2"; ok; return; fi
    if cmp -s "$1" "$2"; then ok; else
        bad "$1 differs from ${2#$here/}:"; diff "$2" "$1" | head -10
    fi
}

# ---- Every program: help, determinism, bad flags ------------------------
expect_error() {   # expect_error PROGRAM WANTED-TEXT ARGS...
    local prog=$1 want=$2; shift 2
    "$bin/$prog" "$@" >e.out 2>e.err; local rc=$?
    if [ $rc -ne 2 ]; then bad "$prog $* exited $rc (expected 2)"
    elif [ "$(wc -l <e.err)" != 1 ] || ! grep -qF -- "$want" e.err; then
        bad "$prog $*: stderr '$(cat e.err)' (expected one line with '$want')"
    elif [ -s e.out ]; then bad "$prog $*: printed to stdout"
    else ok; fi
}
common() {   # common PROGRAM ARGS-FOR-A-QUICK-RUN...
    local prog=$1; shift
    check "$prog --help exits 0 with a usage line" \
        bash -c "'$bin/$prog' --help | grep -q '^usage: $prog'"
    "$bin/$prog" "$@" --seed 7 >same1 2>/dev/null
    "$bin/$prog" "$@" --seed 7 >same2 2>/dev/null
    check "$prog: the same seed gives the same output" cmp -s same1 same2
    "$bin/$prog" "$@" --seed 8 >other 2>/dev/null
    check "$prog: another seed gives another output" \
        bash -c '! cmp -s same1 other'
    expect_error "$prog" "unknown flag '--frobnicate'" --frobnicate
    expect_error "$prog" "--seed needs a value" --seed
    expect_error "$prog" "is not a seed" --seed -3
    expect_error "$prog" "--seed given twice" --seed 1 --seed 2
    ls | grep -q 'tmp' && bad "$prog left temporary files: $(ls | grep tmp)"
}

common 1.1-perceptrons --samples 2000
common 1.2-sigmoid-neurons --out-dir out
common 1.3-architecture
expect_error 1.3-architecture "layer 1 has 13 neurons" --sizes 2,13,1
common 1.4-digit-network --out-dir out --count 1
common 1.5-gradient-descent --out-dir out
common 1.7-deep --out-dir out --sizes 784,10 --train 100 --test 100 --epochs 1
expect_error 1.7-deep "--sizes: the last layer has 9 neurons (expected 10, one per digit)" --sizes 784,30,9
expect_error 1.7-deep "--train: 60000 is more than the 50000 training images" --train 60000

# ---- 1.1: perceptrons ----------------------------------------------------
"$bin/1.1-perceptrons" >1.1.out
expect_same 1.1.out "$here/1.1-perceptrons.out"
# NAND rows: "x1 x2 | w.x + b | output | NAND" with output = NOT(x1 AND x2).
check "1.1: the NAND table is NAND" awk '
    /^2\. The NAND/ { on = 1 } /^3\. / { on = 0 }
    on && /^ +[01]  [01] \|/ { n++; x1 = $1; x2 = $2; out = $6
        if (out != !(x1 && x2)) exit 1 }
    END { exit n != 4 }' 1.1.out
# Adder rows: sum + 2 carry = x1 + x2.
check "1.1: the adder adds" awk '
    /^3\. Adding/ { on = 1 } /^4\. / { on = 0 }
    on && /^ +[01]  [01] \|/ { n++; gsub(/\|/, " ")
        if ($6 + 2 * $7 != $1 + $2 || $8 != $1 + $2) exit 1 }
    END { exit n != 4 }' 1.1.out
check "1.1: no perceptron computes XOR or XNOR" \
    bash -c "'$bin/1.1-perceptrons' --seed 99 | grep -Eq '\| XOR +\| 0\$' &&
             '$bin/1.1-perceptrons' --seed 99 | grep -Eq '\| XNOR +\| 0\$'"

# ---- 1.2: sigmoid neurons ------------------------------------------------
"$bin/1.2-sigmoid-neurons" --out-dir out >1.2.out
expect_same 1.2.out "$here/1.2-sigmoid-neurons.out"
check "1.2: sigmoid.tsv has a header and 321 rows" \
    bash -c '[ "$(head -1 out/sigmoid.tsv)" = "$(printf "z\tstep\tsigmoid\tsigmoid_prime")" ] &&
             [ "$(wc -l <out/sigmoid.tsv)" = 322 ]'
# sigmoid(0) = 1/2, sigmoid(-z) = 1 - sigmoid(z), step jumps at 0.
check "1.2: sigmoid.tsv holds the sigmoid" awk -F'\t' '
    NR > 1 { s[$1] = $3; st[$1] = $2 }
    END { if (s["0.00"] != 0.5 || st["0.00"] != 0 || st["0.05"] != 1) exit 1
          for (z in s) { m = sprintf("%.2f", -z); if (m == "-0.00") m = "0.00"
              d = s[z] + s[m] - 1; if (d > 2e-6 || d < -2e-6) exit 1 } }' out/sigmoid.tsv

# ---- 1.3: architecture ---------------------------------------------------
"$bin/1.3-architecture" >1.3.out
expect_same 1.3.out "$here/1.3-architecture.out"
check "1.3: [6,4,3,1] has 6*4+4 + 4*3+3 + 3*1+1 = 47 parameters" \
    grep -q "Total: 47 weights and biases (the library counts 47)" 1.3.out
check "1.3: --sizes 3,2 works and counts 3*2+2 = 8" \
    bash -c "'$bin/1.3-architecture' --sizes 3,2 | grep -q 'Total: 8 weights'"

# ---- 1.4: the digit network and the 4-bit layer --------------------------
"$bin/1.4-digit-network" --out-dir out >1.4.out
sed -n '/^3\. Turning/,$p' 1.4.out >1.4-four-bits.out
expect_same 1.4-four-bits.out "$here/1.4-four-bits.out"
check "1.4: every digit's 4 bits spell it in binary" awk '
    /^ +[0-9]   \|/ { n++; gsub(/\|/, " "); code = $6; v = 0
        for (i = 1; i <= 4; i++) v = 2 * v + substr(code, i, 1)
        if (v != $1 || $7 != "ok") exit 1 }
    END { exit n != 10 }' 1.4-four-bits.out
check "1.4: the first training image is labelled 5" \
    grep -q "outputs for the first image (a 5)" 1.4.out
check "1.4: [784,15,10] has 11935 parameters" grep -q "= 11935\." 1.4.out
check "1.4: the digit grid is 280 x 280 pixels" \
    awk -F'\t' 'NF != 280 || $0 ~ /[^0-9\t]/ { exit 1 } END { exit NR != 280 }' \
        out/digits-grid.tsv
check "1.4: 100 labels, the first ones 5 0 4 1 9" bash -c \
    '[ "$(wc -l <out/digits-labels.tsv)" = 101 ] &&
     [ "$(cut -f3 out/digits-labels.tsv | sed -n 2,6p | tr -d "\n")" = 50419 ]'

# ---- 1.5: gradient descent -----------------------------------------------
"$bin/1.5-gradient-descent" --out-dir out >1.5.out
expect_same 1.5.out "$here/1.5-gradient-descent.out"
for f in out/valley-*-eta*.tsv; do
    expect_same "$f" "$here/valley/$(basename "$f")"
    # Each step is v' = v - eta grad C with grad C = (a v1, b v2).
    eta=$(basename "$f" .tsv | sed 's/.*-eta//')
    case $f in *round*) b=1 ;; *) b=5 ;; esac
    check "$f: every step is v - eta grad C" awk -F'\t' -v eta="$eta" -v b="$b" '
        function off(x, y) { d = x - y; if (d < 0) d = -d; return d > 1e-5 * (1 + (y < 0 ? -y : y)) }
        NR > 2 { if (off($2, p1 * (1 - eta)) || off($3, p2 * (1 - eta * b))) exit 1 }
        NR > 1 { p1 = $2; p2 = $3; n++ }
        END { exit n != 31 }' "$f"
done
[ "$(ls out/valley-*-eta*.tsv | wc -l)" = 7 ] && ok || bad "1.5 wrote $(ls out/valley-*-eta*.tsv | wc -l) valley paths (expected 7)"

# ---- 1.7: baselines and deeper networks (small subset) -------------------
"$bin/1.7-deep" --out-dir out --sizes 784,30,30,10 --train 3000 --test 1000 \
    --epochs 2 >1.7.out 2>1.7.err || bad "1.7-deep exited $?: $(cat 1.7.err)"
check "1.7: average darkness gets the chapter's 2225 / 10000" \
    grep -q "^   2225 / 10000 test images right" 1.7.out
check "1.7: baselines.tsv says 2225 too" \
    grep -qx $'darkness\t2225\t10000\t0.2225' out/baselines.tsv
random=$(awk -F'\t' '$1 == "random" { print $2 }' out/baselines.tsv)
check "1.7: random guessing is near 1 in 10 (got ${random:-?})" \
    test "${random:-0}" -ge 900 -a "${random:-0}" -le 1100
last=$(awk -F'\t' 'NR == 3 { print $2 }' out/deep-784-30-30-10.tsv)
check "1.7: [784,30,30,10] learns: epoch 1 gets ${last:-?} / 1000 (expected > 450)" \
    test "${last:-0}" -gt 450
check "1.7: the log has a header and 2 epochs" \
    bash -c '[ "$(head -1 out/deep-784-30-30-10.tsv)" = "$(printf "epoch\tcorrect\ttotal\taccuracy\tseconds")" ] &&
             [ "$(wc -l <out/deep-784-30-30-10.tsv)" = 3 ]'
# [784,30,10] in 1.7 is trained exactly like 1.6's with the same seed: the
# logs agree in every column but the time.
"$bin/1.7-deep" --out-dir out --sizes 784,30,10 --train 1000 --test 500 \
    --epochs 2 --seed 3 >/dev/null && cut -f1-4 out/deep-784-30-10.tsv >deep.epochs
"$bin/1.6-mnist-sgd" --train 1000 --test 500 --epochs 2 --seed 3 --log sgd.tsv \
    >/dev/null 2>&1 && cut -f1-4 sgd.tsv >sgd.epochs
check "1.7: [784,30,10] matches 1.6-mnist-sgd with the same seed" \
    bash -c '[ "$(wc -l <deep.epochs)" = 3 ] && cmp -s deep.epochs sgd.epochs'
ls -A out | grep -qE 'tmp|^\.nndl-' && bad "temporary files left in out/: $(ls -A out | grep -E 'tmp|^\.nndl-')"

finish "section programs"
