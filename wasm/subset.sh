#!/bin/bash
# subset.sh DIR N_TRAIN N_TEST OUT - the MNIST subset the book trains on in
# the page: the first N_TRAIN training images, their labels, the first
# N_TEST test images, their labels (bytes as in the IDX files, headers
# dropped), gzip-compressed into OUT.  The same images as
# bin/1.6-mnist-sgd --train N_TRAIN --test N_TEST.  Files may be raw or .gz.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 DIR N_TRAIN N_TEST OUT" >&2; exit 2; }
dir=$1 train=$2 test=$3 out=$4
part() {   # part FILE HEADER_BYTES COUNT_BYTES
    local f=$dir/$1
    [ -e "$f" ] || f=$f.gz
    [ -e "$f" ] || { echo "$0: $dir/$1: no such file (run make data)" >&2; exit 1; }
    # gzip is cut off by dd once COUNT_BYTES have passed (SIGPIPE): the
    # length check below is what tells a short file.
    { gzip -dcf "$f" 2>/dev/null || true; } | dd iflag=fullblock,skip_bytes,count_bytes skip="$2" \
        count="$3" bs=1M status=none
}
{
    part train-images-idx3-ubyte 16 $((train * 784))
    part train-labels-idx1-ubyte 8 "$train"
    part t10k-images-idx3-ubyte 16 $((test * 784))
    part t10k-labels-idx1-ubyte 8 "$test"
} | gzip -9n >"$out.tmp"
want=$(((train + test) * 785))
got=$(gzip -dc "$out.tmp" | wc -c)
[ "$got" -eq "$want" ] || { rm -f "$out.tmp"; echo "$0: $dir holds fewer images than asked" >&2; exit 1; }
mv "$out.tmp" "$out"
