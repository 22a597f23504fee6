#!/bin/bash
# The Chinese book shows the Chinese figures: every figure drawn by
# plots/*.gp that book/html/zh/index.html embeds is byte for byte a file of
# the zh plots folder (never one of the English folder), and each such SVG
# has Chinese characters in its <text> elements.  At least one of each
# kind (SVG, PNG) must be found, so an empty book cannot pass.
#
#   tests/lang/check-zh-figures.sh ZH_HTML ZH_PLOTS_DIR EN_PLOTS_DIR
set -u
html=$1 zh_dir=$2 en_dir=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 svgs=0 pngs=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Which plots file (if any) has exactly these bytes.
which_plot() {
    local f
    for f in "$zh_dir"/*.svg "$zh_dir"/*.png "$en_dir"/*.svg "$en_dir"/*.png; do
        [ -f "$f" ] && cmp -s "$1" "$f" && { echo "$f"; return; }
    done
}

n=0
while read -r uri; do
    n=$((n + 1))
    kind=${uri#data:image/}; kind=${kind%%;*}
    img="$tmp/img$n"
    printf '%s' "${uri#*base64,}" | base64 -d >"$img" 2>/dev/null || { bad "image $n: bad base64"; continue; }
    if [ "$kind" = "svg+xml" ] && ! grep -q 'GNUPLOT' "$img"; then continue; fi   # not a plot
    from=$(which_plot "$img")
    case $from in
        "$zh_dir"/*) pass=$((pass + 1)) ;;
        "") if [ "$kind" = png ]; then continue; fi   # a PNG from elsewhere
            bad "image $n: a gnuplot SVG that is no file of $zh_dir"; continue ;;
        *)  bad "image $n: the English figure $from in the Chinese book"; continue ;;
    esac
    if [ "$kind" = png ]; then pngs=$((pngs + 1)); continue; fi
    svgs=$((svgs + 1))
    if tr '\n' ' ' <"$img" | grep -oP '<text.*?</text>' | grep -qP '[\x{4e00}-\x{9fff}]'; then pass=$((pass + 1))
    else bad "$from: no Chinese text in the SVG"; fi
done < <(grep -oE 'data:image/(svg\+xml|png);base64,[A-Za-z0-9+/=]+' "$html")

[ "$svgs" -gt 0 ] || bad "$html embeds no SVG figure from $zh_dir"
[ "$pngs" -gt 0 ] || bad "$html embeds no PNG figure from $zh_dir"
echo "check-zh-figures: $svgs SVG and $pngs PNG figures, $pass passed, $fail failed"
[ "$fail" -eq 0 ]
