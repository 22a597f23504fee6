#!/bin/bash
# bundle.sh OUT MODULE SUBSET N_TRAIN N_TEST glue.js widgets.js worker.js widgets.css
# Writes the HTML fragment that book/filters/widgets.lua puts at the end of
# each edition: the wasm module and the MNIST subset as base64 (inert
# <script> blocks, read by the glue), the worker's source (glue + worker)
# as text for a Blob, the page's glue and widgets, their style.
set -euo pipefail
[ $# -eq 9 ] || { echo "usage: $0 OUT MODULE SUBSET N_TRAIN N_TEST glue widgets worker css" >&2; exit 2; }
out=$1 module=$2 subset=$3 train=$4 test=$5 glue=$6 widgets=$7 worker=$8 css=$9
for f in "$glue" "$widgets" "$worker"; do
    if grep -qi '</script' "$f"; then echo "$0: $f contains </script" >&2; exit 1; fi
done
{
    printf '<style>\n'; cat "$css"; printf '</style>\n'
    printf '<script type="application/wasm" id="nndl-wasm">'
    base64 -w0 "$module"
    printf '</script>\n<script type="application/gzip" id="nndl-mnist" data-train="%s" data-test="%s">' "$train" "$test"
    base64 -w0 "$subset"
    printf '</script>\n<script type="text/plain" id="nndl-worker">\n'
    cat "$glue" "$worker"
    printf '</script>\n<script>\n'
    cat "$glue" "$widgets"
    printf '</script>\n'
} >"$out.tmp"
mv "$out.tmp" "$out"
