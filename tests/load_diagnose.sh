#!/bin/bash
# Checks bin/1.6-mnist-sgd's --load and --diagnose on small subsets: a
# saved network loads back to the accuracy it was saved with, trains on
# deterministically, and a file whose sizes disagree with --sizes is one
# clear line (exit 1); --diagnose prints two lines per epoch that agree
# with its TSV (10 rows per epoch, predicted counts summing to the test
# images, the neurons it names saturated on over 95% of them, with a small
# mean sigma').  Prints "N passed, N failed".
set -u
prog=${1:-bin/1.6-mnist-sgd}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/testlib.sh"

small=(--train 5000 --test 1000)
"$prog" "${small[@]}" --epochs 2 --seed 1 --save "$tmp/a.nndl" >"$tmp/train" 2>/dev/null || bad "training run exited $?"
saved=$(grep '^Epoch 1:' "$tmp/train" | cut -d' ' -f3)

# Loaded back, tested only: the accuracy it was saved with.
"$prog" "${small[@]}" --load "$tmp/a.nndl" --epochs 0 >"$tmp/load0" 2>"$tmp/err" || bad "--epochs 0 exited $?: $(cat "$tmp/err")"
[ "$(grep -c '^As loaded: ' "$tmp/load0")" = 1 ] && [ "$(grep '^As loaded:' "$tmp/load0" | cut -d' ' -f3)" = "$saved" ] && ok \
    || bad "loaded network tests $(grep '^As loaded:' "$tmp/load0"), saved at $saved / 1000"
grep -q '^Epoch' "$tmp/load0" && bad "--epochs 0 trained" || ok
grep -q 'from .*a.nndl: tested only' "$tmp/load0" && ok || bad "--epochs 0 does not say it only tests"
# The same with --sizes given and agreeing.
"$prog" "${small[@]}" --load "$tmp/a.nndl" --sizes 784,30,10 --epochs 0 >/dev/null 2>&1 && ok || bad "agreeing --sizes refused"

# Trained on: the same seed twice gives the same numbers, and saving and
# loading again gives the continued network's accuracy.
"$prog" "${small[@]}" --load "$tmp/a.nndl" --epochs 2 --seed 3 --save "$tmp/b.nndl" >"$tmp/cont1" 2>/dev/null
"$prog" "${small[@]}" --load "$tmp/a.nndl" --epochs 2 --seed 3 >"$tmp/cont2" 2>/dev/null
cmp -s "$tmp/cont1" "$tmp/cont2" && ok || bad "continuing a loaded network is not deterministic"
[ "$(grep -c '^Epoch [01]: ' "$tmp/cont1")" = 2 ] && ok || bad "continuing: expected 2 epoch lines"
cont=$(grep '^Epoch 1:' "$tmp/cont1" | cut -d' ' -f3)
"$prog" "${small[@]}" --load "$tmp/b.nndl" --epochs 0 >"$tmp/load1" 2>/dev/null
[ "$(grep '^As loaded:' "$tmp/load1" | cut -d' ' -f3)" = "$cont" ] && ok || bad "the continued network did not load back at $cont"
# Training on from the file starts where it ended, not from scratch:
# after one more epoch it beats a fresh network's first epoch.
"$prog" "${small[@]}" --epochs 1 --seed 3 >"$tmp/fresh" 2>/dev/null
fresh=$(grep '^Epoch 0:' "$tmp/fresh" | cut -d' ' -f3); first=$(grep '^Epoch 0:' "$tmp/cont1" | cut -d' ' -f3)
[ "$first" -gt "$fresh" ] && ok || bad "one epoch on the loaded network ($first) is no better than on a fresh one ($fresh)"

# Bad: sizes that disagree, a file that is not a network, a missing one,
# --epochs 0 without --load.
expect() {
    local rc_want=$1 want=$2; shift 2
    "$prog" "${small[@]}" "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
    if [ $rc != "$rc_want" ] || [ "$(wc -l <"$tmp/err")" != 1 ] || ! grep -qF -- "$want" "$tmp/err"; then
        bad "$*: exit $rc, stderr '$(cat "$tmp/err")' (expected $rc_want and one line with '$want')"; return
    fi
    grep -q '^Epoch' "$tmp/out" && bad "$*: trained anyway" || ok
}
expect 1 "a.nndl: layer 1 of the network has 30 neurons but --sizes asks for 100" --load "$tmp/a.nndl" --sizes 784,100,10
expect 1 "a.nndl: the network has 3 layers but --sizes gives 4" --load "$tmp/a.nndl" --sizes 784,30,30,10
echo "not a network" >"$tmp/junk.nndl"
expect 1 "junk.nndl" --load "$tmp/junk.nndl"
expect 1 "missing.nndl" --load "$tmp/missing.nndl"
expect 2 "--epochs: 0 is out of range without --load" --epochs 0

# --diagnose: after each epoch line, a predicted line and a saturated line.
"$prog" "${small[@]}" --epochs 3 --seed 1 --diagnose "$tmp/d.tsv" >"$tmp/diag" 2>/dev/null || bad "--diagnose run exited $?"
[ "$(grep -A2 '^Epoch' "$tmp/diag" | grep -c '^  predicted:')" = 3 ] && [ "$(grep -c '^  saturated:' "$tmp/diag")" = 3 ] && ok \
    || bad "expected 3 predicted and 3 saturated lines after the epoch lines"
[ "$(head -1 "$tmp/d.tsv")" = "$(printf 'epoch\tneuron\tpredicted\tsaturated\tmean_z\tmean_sigma_prime')" ] && ok || bad "diagnose TSV header"
[ "$(wc -l <"$tmp/d.tsv")" = 31 ] && ok || bad "diagnose TSV: expected 30 rows"
sums=$(awk -F'\t' 'NR > 1 { s[$1] += $3 } END { for (e in s) print s[e] }' "$tmp/d.tsv" | sort -u)
[ "$sums" = 1000 ] && ok || bad "predicted counts per epoch sum to '$sums', not 1000"
# The printed predicted counts are the TSV's.
for e in 0 1 2; do
    printed=$(grep -A1 "^Epoch $e:" "$tmp/diag" | sed -n 's/^  predicted: //p')
    fromtsv=$(awk -F'\t' -v e=$e '$1 == e { printf "%s%s:%s", (n++ ? " " : ""), $2, $3 }' "$tmp/d.tsv")
    [ "$printed" = "$fromtsv" ] && ok || bad "epoch $e: printed '$printed', TSV '$fromtsv'"
done
# The neurons named saturated are those over 95% in the TSV, and their
# mean sigma' is at most 0.95 sigma'(5) + 0.05 sigma'(0) = 0.019.
named=$(sed -n 's/^  saturated: //p' "$tmp/diag" | grep -o 'output [0-9]' | tr -d 'output ' | tr '\n' ' ')
flagged=$(awk -F'\t' 'NR > 1 && $4 > 0.95 { printf "%s ", $2 }' "$tmp/d.tsv")
[ "$named" = "$flagged" ] && ok || bad "printed saturated '$named', TSV over 95%: '$flagged'"
[ -n "$flagged" ] && ok || bad "seed 1 on 5,000 images should have a saturated output neuron"
awk -F'\t' 'NR > 1 && $4 > 0.95 && $6 > 0.019 { bad = 1 } END { exit bad }' "$tmp/d.tsv" && ok \
    || bad "a saturated neuron with mean sigma' above 0.019"
# With --load the loaded network is diagnosed first, as epoch -1.
"$prog" "${small[@]}" --load "$tmp/a.nndl" --epochs 0 --diagnose "$tmp/d0.tsv" >"$tmp/diag0" 2>/dev/null
[ "$(awk -F'\t' '$1 == -1' "$tmp/d0.tsv" | wc -l)" = 10 ] && [ "$(wc -l <"$tmp/d0.tsv")" = 11 ] && ok \
    || bad "--load --epochs 0 --diagnose: expected the 10 rows of epoch -1"
# A --diagnose file that cannot be written fails before training.
expect 1 "nodir/d.tsv" --epochs 1 --diagnose "$tmp/nodir/d.tsv"
ls "$tmp" | grep -q '\.tmp' && bad "temporary files left behind" || ok

finish "load/diagnose"
