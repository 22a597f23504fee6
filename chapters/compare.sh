#!/bin/bash
# The helper of `make compare` (chapters/compare.mk).
#
#   compare.sh check ETA HIDDEN BATCH SIZES SEEDS EPOCHS TRAIN TEST SIZES_GIVEN
#       Prints nothing when the settings are good, else one line saying
#       which value is wrong and what was expected (make stops on it before
#       any run starts).  Each list is one argument, values separated by
#       spaces; exactly one of ETA, HIDDEN, BATCH, SIZES has two or more.
#   compare.sh summary DIM OUT_PREFIX VALUE=LOG...
#       From the per-epoch logs of bin/1.6-mnist-sgd (one per run, labelled
#       with the varied value) writes
#         OUT_PREFIX-epochs.tsv  value epoch median min max (accuracy in %,
#                                over the seeds; one block per value)
#         OUT_PREFIX-final.tsv   value final_median final_min final_max
#                                best_median seeds (header line)
#         OUT_PREFIX.txt         the table the terminal shows
set -u
LC_ALL=C

die() { echo "$*"; exit 0; }

# $(1) flag, $(2) value list, $(3) regex of one value, $(4) example, $(5) lo, $(6) hi
check_list() {
    local name=$1 list=$2 re=$3 example=$4 lo=$5 hi=$6 v seen=" "
    for v in $list; do
        [[ $v =~ ^($re)$ ]] || die "make compare: $name: '$v' is not a valid value (expected e.g. $name=\"$example\")"
        awk -v v="$v" -v lo="$lo" -v hi="$hi" 'BEGIN { exit !(v + 0 >= lo && v + 0 <= hi) }' \
            || die "make compare: $name: $v is out of range (expected $lo to $hi)"
        [[ $seen == *" $v "* ]] && die "make compare: $name: $v is given twice"
        seen="$seen$v "
    done
}

check() {
    local eta=$1 hidden=$2 batch=$3 sizes=$4 seeds=$5 epochs=$6 train=$7 test=$8 sizes_given=$9
    local num='[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?' int='[0-9]+'
    [ -n "$hidden" ] && [ "$sizes_given" = 1 ] && die "make compare: give HIDDEN or SIZES, not both (HIDDEN=\"30 100\" means SIZES=784,30,10 and 784,100,10)"
    [ -z "${eta// }" ] && die "make compare: ETA is empty (expected e.g. ETA=3)"
    [ -z "${batch// }" ] && die "make compare: BATCH is empty (expected e.g. BATCH=10)"
    [ -z "${seeds// }" ] && die "make compare: SEEDS is empty (expected e.g. SEEDS=\"1 2 3\")"
    [ -z "${epochs// }" ] && die "make compare: EPOCHS is empty (expected e.g. EPOCHS=10)"
    [ -z "$hidden" ] && [ -z "${sizes// }" ] && die "make compare: SIZES is empty (expected e.g. SIZES=784,30,10)"
    check_list ETA "$eta" "$num" "0.5 2 8" 1e-12 1e6
    check_list HIDDEN "$hidden" "$int" "10 30 100" 1 100000
    check_list BATCH "$batch" "$int" "1 10 100" 1 50000
    check_list SEEDS "$seeds" "$int" "1 2 3" 0 18446744073709551615
    check_list EPOCHS "$epochs" "$int" "10" 1 1000
    check_list TRAIN "$train" "$int" "5000" 1 50000
    check_list TEST "$test" "$int" "1000" 1 10000
    local s l
    for s in $sizes; do
        [[ $s =~ ^784(,[0-9]+)*,10$ ]] || die "make compare: SIZES: '$s' is not a list of layer sizes from 784 to 10 (expected e.g. SIZES=784,60,10)"
        for l in ${s//,/ }; do
            [ "$l" -ge 1 ] && [ "$l" -le 100000 ] || die "make compare: SIZES: layer size $l in '$s' is out of range (expected 1 to 100000)"
        done
    done
    [ "$(wc -w <<<"$sizes")" -gt 1 ] && [ -n "$hidden" ] && die "make compare: give HIDDEN or SIZES, not both"
    [ "$(wc -w <<<"$epochs")" = 1 ] || die "make compare: EPOCHS: give one number (expected e.g. EPOCHS=10)"
    [ "$(wc -w <<<"$train")" -le 1 ] && [ "$(wc -w <<<"$test")" -le 1 ] || die "make compare: TRAIN and TEST take one number each"
    local varied=0 n
    for n in "$eta" "$hidden" "$batch" "$sizes"; do
        [ "$(wc -w <<<"$n")" -gt 1 ] && varied=$((varied + 1))
    done
    [ $varied = 0 ] && die "make compare: nothing varies (give two or more values to one of ETA, HIDDEN, BATCH, SIZES, e.g. ETA=\"0.5 2 8\")"
    [ $varied -gt 1 ] && die "make compare: vary one of ETA, HIDDEN, BATCH, SIZES at a time (the others take one value)"
    if [ -n "$train" ] && [ -n "$batch" ]; then
        for v in $batch; do
            [ "$v" -le "$train" ] || die "make compare: BATCH: $v is larger than TRAIN=$train"
        done
    fi
}

# Accuracy in % per epoch: median, min and max over the seeds of each value;
# final and best accuracy per value; and the table.
summary() {
    local dim=$1 out=$2; shift 2
    local arg value log
    for arg in "$@"; do
        value=${arg%%=*} log=${arg#*=}
        awk -F'\t' -v value="$value" 'NR > 1 { print value "\t" $1 "\t" 100 * $4 }' "$log"
    done >"$out.long.tmp"
    # Per value and epoch: the seeds' accuracies, sorted, in one line.
    local order; order=$(printf '%s\n' "$@" | sed 's/=.*//' | awk '!seen[$0]++')
    : >"$out-epochs.tsv.tmp"
    printf 'value\tfinal_median\tfinal_min\tfinal_max\tbest_median\tseeds\n' >"$out-final.tsv.tmp"
    for value in $order; do
        awk -F'\t' -v v="$value" '$1 == v' "$out.long.tmp" | sort -t$'\t' -k2,2n -k3,3g | awk -F'\t' '
            function flush() { if (n) { m = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
                                         printf "%s\t%d\t%.2f\t%.2f\t%.2f\n", v, e, m, a[1], a[n] } }
            $2 != e { flush(); n = 0; e = $2 } { v = $1; a[++n] = $3 } END { flush() }' >"$out.block.tmp"
        cat "$out.block.tmp" >>"$out-epochs.tsv.tmp"
        printf '\n\n' >>"$out-epochs.tsv.tmp"
        # Final: the last epoch's line; best: the best median over epochs.
        awk -F'\t' -v seeds="$(awk -F'\t' -v v="$value" '$1 == v && $2 == 0' "$out.long.tmp" | wc -l)" '
            { last = $0; if ($3 > best) best = $3 }
            END { split(last, f, "\t"); printf "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%d\n", f[1], f[3], f[4], f[5], best, seeds }' \
            "$out.block.tmp" >>"$out-final.tsv.tmp"
    done
    {
        header "$dim"
        awk -F'\t' 'NR > 1 { printf "%-18s %11.2f%% %9.2f%% %9.2f%% %11.2f%%\n", $1, $2, $3, $4, $5 }' "$out-final.tsv.tmp"
    } >"$out.txt.tmp"
    rm -f "$out.long.tmp" "$out.block.tmp"
    mv "$out-epochs.tsv.tmp" "$out-epochs.tsv" && mv "$out-final.tsv.tmp" "$out-final.tsv" && mv "$out.txt.tmp" "$out.txt"
}

# The table's header line, in English or (CMP_LANG=zh) Chinese, its
# columns as wide on a terminal as the rows' (a Chinese character takes two
# columns, and printf counts bytes).
header() {
    local dim=$1
    if [ "${CMP_LANG:-en}" != zh ]; then
        printf '%-18s %12s %10s %10s %12s\n' "$dim" "final median" "min" "max" "best median"
        return
    fi
    local name=$dim cols=${#dim}
    case $dim in
        hidden) name=隐藏神经元 cols=10 ;;
        batch)  name=小批量 cols=6 ;;
        sizes)  name=各层大小 cols=8 ;;
    esac
    printf '%s%*s   最终中位数       最小       最大   最佳中位数\n' "$name" $((18 - cols)) ""
}

cmd=${1:-}; shift || true
case $cmd in
    check) check "$@" ;;
    summary) summary "$@" ;;
    *) echo "usage: $0 check|summary ..." >&2; exit 2 ;;
esac
