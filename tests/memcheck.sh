#!/bin/bash
# tests/memcheck.sh BIN_DIR - every program in BIN_DIR under valgrind on a
# small input, plus one bad-flag run and (for programs reading MNIST) one
# missing-data run, so the error paths are checked too.  Any invalid read
# or write, use of an uninitialised value, or leak (definitely or
# indirectly lost) fails.  Prints "N passed, N failed".
set -u
bin=${1:-bin}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nndl-memcheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || { echo "memcheck: valgrind not found (apt-get install valgrind)"; exit 1; }
VG=(valgrind -q --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect)
pass=0 fail=0

# small NAME: the arguments that make program NAME quick (a few seconds
# under valgrind) while going through all of its work.
small() {
    case $1 in
    1.1-perceptrons)      echo "--samples 200" ;;
    1.2-sigmoid-neurons)  echo "--out-dir $tmp/out" ;;
    1.3-architecture)     echo "" ;;
    1.4-digit-network)    echo "--count 2 --out-dir $tmp/out" ;;
    1.5-gradient-descent) echo "--out-dir $tmp/out" ;;
    1.6-mnist-sgd)        echo "--train 200 --test 100 --epochs 2 --log $tmp/out/log.tsv --save $tmp/out/net.nndl" ;;
    1.7-deep)             echo "--sizes 784,10 --train 200 --test 100 --epochs 1 --out-dir $tmp/out" ;;
    *)                    return 1 ;;
    esac
}

# run WANT NAME ARGS...: valgrind on one command; exit WANT expected.
run() {
    local want=$1 name=$2; shift 2
    local start=$SECONDS
    "${VG[@]}" "$bin/$name" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt" </dev/null; local rc=$?
    if [ $rc -eq "$want" ]; then
        pass=$((pass + 1))
        echo "ok   $name $* ($((SECONDS - start)) s)"
    else
        fail=$((fail + 1))
        echo "FAIL $name $*: exit $rc (expected $want; 99 = valgrind found errors)"
        grep -E '^==[0-9]+==' "$tmp/err.txt" | head -40
    fi
}

mkdir -p "$tmp/out"
for p in "$bin"/1.*; do
    [ -x "$p" ] || continue
    name=${p##*/}
    if args=$(small "$name"); then
        # shellcheck disable=SC2086  # the recipe is split into words on purpose
        run 0 "$name" $args
    else
        echo "note $name: no small-input recipe in tests/memcheck.sh; --help only"
        run 0 "$name" --help
    fi
    run 2 "$name" --no-such-flag
    if "$p" --help | grep -q -- '--data DIR'; then
        run 1 "$name" --data "$tmp/no-data"
    fi
done
echo "memcheck: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
