#!/bin/bash
# filter.sh - book/filters/widgets.lua stops the build on a live figure it
# does not know, one that appears twice, or a missing bundle, and puts the
# bundle in exactly once otherwise (scratch documents, a second).
set -uo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fails=0
run() {   # run NAME EXPECT(ok|fail) BUNDLE MARKDOWN
    printf '%s\n' "$4" >"$scratch/$1.md"
    pandoc --from markdown --to html5 --metadata title=t --metadata widgets-bundle="$3" \
        --lua-filter book/filters/widgets.lua -o "$scratch/$1.html" "$scratch/$1.md" 2>"$scratch/$1.err"
    local rc=$?
    local good=0
    if [ "$2" = ok ]; then [ $rc -eq 0 ] && good=1
    elif [ $rc -ne 0 ] && grep -q '^widgets: ' "$scratch/$1.err"; then good=1; fi
    if [ $good = 1 ]; then
        echo "ok   widgets.lua: $1"
    else
        echo "FAIL widgets.lua: $1 (exit $rc: $(head -c 200 "$scratch/$1.err"))"; fails=$((fails + 1))
    fi
}
printf '<script id="bundle-marker"></script>\n' >"$scratch/bundle.html"
run "an unknown name stops the build" fail "$scratch/bundle.html" $'::: {.widget name="nope"}\n:::'
run "a figure twice stops the build" fail "$scratch/bundle.html" $'::: {.widget name="valley"}\n:::\n\n::: {.widget name="valley"}\n:::'
run "a missing bundle stops the build" fail "$scratch/missing.html" $'::: {.widget name="valley"}\n:::'
run "two known figures build" ok "$scratch/bundle.html" $'::: {.widget name="valley"}\n![x](x.png)\n:::\n\n::: {.widget name="train"}\n:::'
n=$(grep -c 'bundle-marker' "$scratch/two known figures build.html" 2>/dev/null)
live=$(grep -c 'class="widget-live" hidden' "$scratch/two known figures build.html" 2>/dev/null)
if [ "$n" = 1 ] && [ "$live" = 2 ] && grep -q 'data-widget="valley"' "$scratch/two known figures build.html"; then
    echo "ok   widgets.lua: the bundle once, two hidden live parts"
else
    echo "FAIL widgets.lua: bundle $n times, $live hidden live parts"; fails=$((fails + 1))
fi
run "no figure, no bundle needed" ok "$scratch/missing.html" 'plain text'
exit $((fails > 0))
