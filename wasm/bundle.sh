#!/bin/bash
# bundle.sh OUT MODULE SUBSET NET N_TRAIN N_TEST glue.js widgets.js worker.js widgets.css
# Writes the HTML fragment that book/filters/widgets.lua puts at the end of
# each edition: the wasm module, the MNIST subset and the trained network
# (a network_save file) as base64 (inert
# <script> blocks, read by the glue), the worker's source (glue + worker)
# as text for a Blob, the page's glue and widgets, their style.
set -euo pipefail
[ $# -eq 10 ] || { echo "usage: $0 OUT MODULE SUBSET NET N_TRAIN N_TEST glue widgets worker css" >&2; exit 2; }
out=$1 module=$2 subset=$3 net=$4 train=$5 test=$6 glue=$7 widgets=$8 worker=$9 css=${10}
for f in "$glue" "$widgets" "$worker"; do
    if grep -qi '</script' "$f"; then echo "$0: $f contains </script" >&2; exit 1; fi
done
{
    printf '<style>\n'; cat "$css"; printf '</style>\n'
    printf '<script type="application/wasm" id="nndl-wasm">'
    base64 -w0 "$module"
    printf '</script>\n<script type="application/gzip" id="nndl-mnist" data-train="%s" data-test="%s">' "$train" "$test"
    base64 -w0 "$subset"
    printf '</script>\n<script type="application/octet-stream" id="nndl-net">'
    base64 -w0 "$net"
    printf '</script>\n<script type="text/plain" id="nndl-worker">\n'
    cat "$glue" "$worker"
    printf '</script>\n<script>\n'
    cat "$glue" "$widgets"
    printf '</script>\n'
} >"$out.tmp"
mv "$out.tmp" "$out"
