#!/bin/bash
# tests/check_deps.sh - scripts/check-deps is complete and honest (issue 19).
#
# Each dependency is hidden in turn, the way the build would miss it (a tool
# left out of PATH, a library's .pc file left out of PKG_CONFIG_LIBDIR, no
# font for fontconfig, no libFuzzer runtime for clang), and check-deps must
# name its Debian package; with nothing hidden it must name none.  Then the
# entry points: help, clean and distclean never call it, and a goal asks
# only for its own groups.  Nothing is ever installed (--missing, or
# NNDL_DEPS_NO_INSTALL=1 for the Makefile).
set -u
cd "$(dirname "$0")/.."
deps=scripts/check-deps
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-deps-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
. tests/testlib.sh

# A PATH holding every command of today's PATH but the ones named: one
# folder of links made once (the earlier PATH folders win, as in a lookup),
# copied for each tool hidden.
base="$tmp/path-all"
mkdir -p "$base"
IFS=: read -ra path_dirs <<<"$PATH"
for ((i = ${#path_dirs[@]} - 1; i >= 0; i--)); do
    d=${path_dirs[i]}
    [ -d "$d" ] && ln -sf "$d"/* "$base"/ 2>/dev/null
done
shadow_path() {
    local dir="$tmp/path-$1"
    [ -d "$dir" ] || { cp -a "$base" "$dir" && (cd "$dir" && rm -f "$@"); }
    echo "$dir"
}
# A pkg-config search path with every .pc file but the one named.
shadow_pc() {
    local dir="$tmp/pc-$1" d f
    mkdir -p "$dir"
    for d in $(pkg-config --variable pc_path pkg-config | tr : ' '); do
        for f in "$d"/*.pc; do
            [ -e "$f" ] && [ "${f##*/}" != "$1.pc" ] && [ ! -e "$dir/${f##*/}" ] &&
                ln -s "$f" "$dir/${f##*/}"
        done
    done
    echo "$dir"
}
# expect_missing GROUP PACKAGE [env assignments...]
expect_missing() {
    local group=$1 pkg=$2; shift 2
    local out
    out=$(env -u MAKE "$@" "$deps" --missing $group 2>&1)
    local rc=$?
    if [ $rc -eq 1 ] && [ "$out" = "$pkg" ]; then ok
    else bad "hiding it ($*): check-deps --missing $group printed '$out' (exit $rc), expected $pkg"; fi
}

all="lib data build check ci exercise"
out=$(env -u MAKE "$deps" --missing $all 2>&1) && [ -z "$out" ] && ok ||
    bad "nothing hidden: check-deps --missing $all printed '$out'"

# Tools, each hidden from PATH: tool|group|exactly the packages reported
# (without a compiler or pkg-config, zlib cannot be tested either; without
# clang, nor can its libFuzzer runtime).
while IFS='|' read -r tool group pkgs; do
    expect_missing "$group" "$pkgs" PATH="$(shadow_path "$tool")"
done <<'TABLE'
cc|lib|gcc zlib1g-dev
make|lib|make
pkg-config|lib|pkg-config zlib1g-dev
npm|data|nodejs
npm|build|nodejs
gnuplot|build|gnuplot-nox
pandoc|build|pandoc
chromium|check|chromium
clang|ci|clang libclang-rt-14-dev
valgrind|ci|valgrind
msgfmt|build|gettext
clang-14|build|clang-14
wasm-ld-14|build|lld-14
TABLE
# Libraries, each hidden from pkg-config (and so from the build's flags).
expect_missing build zlib1g-dev PKG_CONFIG_LIBDIR="$(shadow_pc zlib)"
expect_missing check check PKG_CONFIG_LIBDIR="$(shadow_pc check)"
expect_missing build libpng-dev PKG_CONFIG_LIBDIR="$(shadow_pc libpng)"
expect_missing exercise check PKG_CONFIG_LIBDIR="$(shadow_pc check)"
# No font with Chinese glyphs: a fontconfig setup that knows no fonts.
mkdir -p "$tmp/nofonts"
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
    "$tmp/nofonts" "$tmp/nofonts" >"$tmp/fonts.conf"
expect_missing check fonts-droid-fallback FONTCONFIG_FILE="$tmp/fonts.conf"
# The WebAssembly build without wasi-libc (a sysroot with nothing in it),
# and without clang's wasm32 runtime.
# (a resource folder with clang's own headers and no runtime libraries).
mkdir -p "$tmp/empty-sysroot" "$tmp/wasm-rd"
ln -s "$(clang-14 -print-resource-dir)/include" "$tmp/wasm-rd/include"
expect_missing build wasi-libc WASM_SYSROOT="$tmp/empty-sysroot"
expect_missing build libclang-rt-14-dev-wasm32 WASM_CC="clang-14 -resource-dir=$tmp/wasm-rd"
# Both missing, as on a new machine: one install must bring both.
expect_missing build "libclang-rt-14-dev-wasm32 wasi-libc" WASM_SYSROOT="$tmp/empty-sysroot" \
    WASM_CC="clang-14 -resource-dir=$tmp/wasm-rd"
# clang without its libFuzzer runtime.
mkdir -p "$tmp/no-resource-dir"
expect_missing ci libclang-rt-14-dev FUZZ_CC="clang -resource-dir=$tmp/no-resource-dir"

# A group asks for its own packages only.
out=$(env -u MAKE PATH="$(shadow_path chromium)" "$deps" --missing build 2>&1) && ok ||
    bad "build does not need chromium, yet check-deps --missing build printed '$out'"
out=$(env -u MAKE PATH="$(shadow_path gnuplot)" "$deps" --missing exercise lib data 2>&1) && ok ||
    bad "the exercise runner, the programs and the data do not need gnuplot, yet check-deps printed '$out'"

# Entry points, through the Makefile itself (never installing anything).
nogp=$(shadow_path gnuplot)
for goal in help clean distclean programs data; do
    out=$(env -u MAKEFLAGS -u MAKELEVEL PATH="$nogp" NNDL_DEPS_NO_INSTALL=1 make -n -s $goal 2>&1)
    if [ $? -eq 0 ] && [[ "$out" != *check-deps:* ]]; then ok
    else bad "make $goal without gnuplot: '$out'"; fi
done
out=$(env -u MAKEFLAGS -u MAKELEVEL PATH="$nogp" NNDL_DEPS_NO_INSTALL=1 make -n all 2>&1)
if [ $? -ne 0 ] && [[ "$out" == *"apt-get install -y --no-install-recommends gnuplot-nox"* ]]; then ok
else bad "make without gnuplot: expected the apt-get line and a failure, got '$out'"; fi
nochk=$(shadow_pc check)
out=$(env -u MAKEFLAGS -u MAKELEVEL PKG_CONFIG_LIBDIR="$nochk" NNDL_DEPS_NO_INSTALL=1 make -n all 2>&1)
[ $? -eq 0 ] && ok || bad "make (no Check needed) without Check failed: '$out'"
out=$(env -u MAKEFLAGS -u MAKELEVEL PKG_CONFIG_LIBDIR="$nochk" NNDL_DEPS_NO_INSTALL=1 make -n check 2>&1)
[ $? -ne 0 ] && [[ "$out" == *" check"* ]] && ok || bad "make check without Check: '$out'"

# OpenBLAS is optional: bench never links it (it loads it at run time when
# it is there) and says so when it is not.
nob=${BENCH:-build/bench/bench}
if [ -x "$nob" ] && ! ldd "$nob" | grep -q openblas && grep -q 'not measured' "$nob"; then ok
else bad "$nob: missing, linked with OpenBLAS, or never says the peak was not measured"; fi

finish "check-deps"
