#!/usr/bin/env bash
# filter-errors.sh - the book's Lua filter stops the build, with a message
# that says what to do, whenever an input is missing or unused.
#
#   tests/book/filter-errors.sh
#
# Each case builds a one-page book in a scratch folder (its own lib/,
# results/, exercises/ and plots/) and checks pandoc's exit status and the
# filter's message.  The first case must build, so a filter that fails on
# everything does not pass either.
set -u
FILTER=${BOOK_FILTER:-$(cd "$(dirname "$0")/../../book/filters" && pwd)/book.lua}
BOOK_JS=$(cd "$(dirname "$0")/../../book" && pwd)/book.js
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 cases=0

setup() {
    rm -rf "$work"/* && mkdir -p "$work"/{lib,results,exercises,plots/out,book/zh}
    printf 'int f(void)\n{\n/* book: f */\n    return 1;\n/* end book: f */\n}\n' >"$work/lib/a.c"
    printf 'epoch\tcorrect\ttotal\taccuracy\tseconds\n0\t9000\t10000\t0.9000\t1.0\n1\t9500\t10000\t0.9500\t1.0\n' \
        >"$work/results/run.tsv"
    printf '# comment\n1\tone\t1.1\tThe first\t01_one.c\tex_one\n' >"$work/exercises/manifest.tsv"
    printf 'one\t第一题\n' >"$work/book/zh/exercises.tsv"
    printf 'one\tpage\n' >"$work/book/exercises.tsv"
    cp "$BOOK_JS" "$work/book/book.js"
    mkdir -p "$work"/exercises/{stubs,tests,hints}
    printf '/* Exercise 1 */\n#include "exercises.h"\n\nint ex_one(const double *w,\n           size_t n)\n{\n    return 0;\n}\n' \
        >"$work/exercises/stubs/01_one.c"
    printf 'START_TEST(test_one_is_one)\n{\n}\nEND_TEST\n' >"$work/exercises/tests/test_01_one.c"
    printf 'OLD RUNG ONE, NEARLY THE ANSWER\n---\nOld rung two: read section 1.1.\n' >"$work/exercises/hints/01_one.txt"
    # the exercise runner's catalog: each test's words as a msgid (exercises.mk)
    mkdir -p "$work/exercises/po"
    cat >"$work/exercises/po/zh_CN.po" <<'EOF'
# Chinese of the exercise runner (domain nndl-ex).
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#, c-format
msgid "ex: cannot write %s"
msgstr "ex：无法写入 %s"

msgid "one is one"
msgstr "一就是一"
EOF
    printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n' >"$work/plots/out/p.svg"
    cat >"$work/page.md" <<'EOF'
# Page {#page}

[$$x = 1$$]{#eq:one tag="1.1"} See [](#eq:one); best []{.num file="run.tsv" agg="max"}%.

```{.listing tag=f}
```

![a figure](plots/out/p.svg)

::: {.exercises section="1.1"}
:::
EOF
}

# expect NAME STATUS PATTERN [LANG]: build page.md; STATUS ok or fail.
expect() {
    local name=$1 want=$2 pattern=$3 lang=${4:-en} extra=${5:-} out status found
    cases=$((cases + 1))
    out=$(cd "$work" && pandoc --to html5 --mathml $extra -M lang="$lang" -M book-sources="lib/a.c" \
        --lua-filter "$FILTER" -o page.html page.md 2>&1)
    status=$?
    # a pattern !TEXT must be absent from the page and the messages
    if [[ $pattern == !* ]]; then
        ! grep -q -- "${pattern#!}" <<<"$out$(cat "$work/page.html" 2>/dev/null)"; found=$?
        [[ -s $work/page.html ]] || found=1
    else
        grep -q -- "$pattern" <<<"$out$(cat "$work/page.html" 2>/dev/null)"; found=$?
    fi
    if [[ $want == ok && $status -ne 0 ]] || [[ $want == fail && $status -eq 0 ]] || ((found != 0)); then
        echo "FAIL book filter: $name (status $status, expected $want and '$pattern'):"
        sed 's/^/    /' <<<"$out" | head -5
        failures=$((failures + 1))
    fi
    rm -f "$work/page.html"
}

setup; expect "a complete page builds" ok 'data-tag="f"'
setup; expect "a number is computed from results/" ok '>95.00<'
setup; expect "the equation is numbered and referenced" ok '(1.1)</a>'
setup; expect "the Chinese edition takes titles from book/zh/exercises.tsv" ok '第一题' zh-Hans
setup; sed -i 's/tag=f}/tag=g}/' "$work/page.md"
expect "a listing of an undefined tag stops the build" fail 'listing tag g is not defined'
setup; printf '/* book: h */\nint h;\n/* end book: h */\n' >>"$work/lib/a.c"
expect "a tag never shown in the book stops the build" fail 'never shown in the book.*h (lib/a.c)'
setup; printf '/* book: k */\nint k;\n' >>"$work/lib/a.c"
expect "an unclosed tag stops the build" fail 'tag k is never closed'
setup; rm "$work/results/run.tsv"
expect "a missing results file stops the build" fail 'results/run.tsv is missing: run `make experiments`'
setup; rm "$work/plots/out/p.svg"
expect "a missing figure stops the build" fail 'figure plots/out/p.svg is missing: run `make plots`'
setup; rm "$work/exercises/manifest.tsv"
expect "a missing exercise manifest stops the build" fail 'exercises/manifest.tsv is missing'
setup; printf '2\ttwo\t1.2\tThe second\t02_two.c\tex_two\n' >>"$work/exercises/manifest.tsv"
expect "an exercise no section lists stops the build" fail 'exercises missing from the book.*2 two'
setup; : >"$work/book/zh/exercises.tsv"
expect "an exercise without a Chinese title stops the Chinese build" fail 'no Chinese title for exercise one' zh-Hans
setup; expect "an exercise shows the stub's signature on one line" ok 'signature.*int ex_one(const double \*w, size_t n)' en --no-highlight
setup; expect "an exercise shows what its test checks" ok 'one is one'
setup; expect "an exercise links to its text" ok 'href="#page"'
setup; expect "the Chinese edition shows what the test checks from exercises/po/zh_CN.po" ok '<li>一就是一</li>' zh-Hans
setup; expect "the Chinese edition shows no English test sentence" ok '!one is one' zh-Hans
setup; expect "the English edition shows the test names as sentences" ok '<li>one is one</li>'
setup; rm "$work/exercises/po/zh_CN.po"
expect "the English edition does not read the Chinese catalog" ok '<li>one is one</li>'
setup; sed -i 's/^msgid "one is one"/msgid ""\n"one is "\n"one"/; s/^msgstr "一就是一"/msgstr ""\n"一就"\n"是一"/' "$work/exercises/po/zh_CN.po"
expect "a msgid and msgstr split over lines (as gettext writes them) are joined" ok '<li>一就是一</li>' zh-Hans
setup; sed -i 's/^msgstr "一就是一"/msgstr "“一”\\"就\\"是\\\\一"/' "$work/exercises/po/zh_CN.po"
expect "a msgstr's escapes are read as gettext reads them" ok '<li>“一”"就"是\\一</li>' zh-Hans
setup; sed -i '/^msgid "one is one"/,$d' "$work/exercises/po/zh_CN.po"
expect "a test without a Chinese sentence stops the Chinese build" fail \
    'exercises/po/zh_CN.po has no Chinese for "one is one" (test test_one_is_one of exercise 1 one)' zh-Hans
setup; sed -i 's/^msgstr "一就是一"/msgstr ""/' "$work/exercises/po/zh_CN.po"
expect "an empty msgstr is no translation either" fail 'has no Chinese for "one is one"' zh-Hans
setup; sed -i 's/^msgid "one is one"/#, fuzzy\n&/' "$work/exercises/po/zh_CN.po"
expect "nor is a fuzzy one (msgfmt leaves it out too)" fail 'has no Chinese for "one is one"' zh-Hans
setup; sed -i 's/^msgstr "一就是一"/msgstr "one is one"/' "$work/exercises/po/zh_CN.po"
expect "nor is the English words copied" fail 'has no Chinese for "one is one"' zh-Hans
setup; rm "$work/exercises/po/zh_CN.po"
expect "a missing catalog stops the Chinese build" fail 'exercises/po/zh_CN.po is missing' zh-Hans
setup; expect "with only the old hint file, the book shows its last rung, never the first" ok 'Old rung two'
setup; expect "the old hint file's first rung (near the answer) is not shown" ok '!NEARLY THE ANSWER'
setup; mkdir -p "$work/exercises/hints/en" && printf 'New rung one.\n---\nNew rung two.\n---\nThree.\n' >"$work/exercises/hints/en/01_one.txt"
expect "a per-language hint ladder gives rung 1" ok 'New rung one'
setup; rm "$work/exercises/stubs/01_one.c"
expect "a missing stub stops the build" fail 'exercises/stubs/01_one.c is missing'
setup; sed -i 's/ex_one(const/ex_uno(const/' "$work/exercises/stubs/01_one.c"
expect "a stub without the manifest's function stops the build" fail 'no definition of ex_one'
setup; : >"$work/book/exercises.tsv"
expect "an exercise without a place in the text stops the build" fail 'no anchor.*for exercise one'
setup; expect "a listing header links to its file" ok 'href="lib/a.c"'
setup; expect "an exercise's attributes come in one order, so a rebuild is the same page" ok \
    'data-n="1" data-id="one" data-file="01_one.c"' en --wrap=none
setup; expect "so do a listing's" ok 'data-tag="f" data-file="lib/a.c"' en --wrap=none
setup; expect "and a computed number's" ok \
    'data-file="results/run.tsv" data-col="accuracy" data-agg="max" data-fmt=' en --wrap=none
setup; printf 'en\tzh\tnote\nepoch\t轮\t1.5\n' >"$work/book/glossary.tsv"; printf '\n::: {.glossary}\n:::\n' >>"$work/page.md"
expect "the glossary is a table of book/glossary.tsv" ok '<td[^>]*>轮</td>' zh-Hans
setup; printf 'english\tchinese\n' >"$work/book/glossary.tsv"; printf '\n::: {.glossary}\n:::\n' >>"$work/page.md"
expect "a glossary without its header stops the build" fail 'the header must be en<TAB>zh<TAB>note'
setup; sed -i 's/(#eq:one)/(#eq:two)/' "$work/page.md"
expect "a reference to an unknown equation stops the build" fail 'unknown equation eq:two'

# The repository's own exercises, every section's on one page, in both
# editions: the English blocks show each test's words as exercises.mk makes
# them from the START_TEST lines; the Chinese blocks, in the same places,
# what gettext gives for those words from exercises/po/zh_CN.po (what
# `make exercise` prints), never the English.
real_exercises() {
    local root=$(cd "$(dirname "$0")/../.." && pwd) lang en zh want i
    rm -rf "$work"/* && mkdir -p "$work/locale/zh_CN/LC_MESSAGES"
    msgfmt -o "$work/locale/zh_CN/LC_MESSAGES/nndl-ex.mo" "$root/exercises/po/zh_CN.po" || return 1
    {   echo '# Exercises {#exercises}'
        grep -v '^#' "$root/book/exercises.tsv" | cut -f2 | sort -u | sed 's/.*/\n## & {#&}/'
        grep -v '^#' "$root/exercises/manifest.tsv" | cut -f3 | sort -u | sed 's/.*/\n::: {.exercises section="&"}\n:::/'
    } >"$work/real.md"
    for lang in en zh-Hans; do  # book-sources: a file without tags
        (cd "$root" && pandoc --to html5 -M lang=$lang -M book-sources=exercises/manifest.tsv \
            --lua-filter "$FILTER" -o "$work/$lang.html" "$work/real.md") || return 1
    done
    mapfile -t en < <(grep -o '<li>[^<]*</li>' "$work/en.html" | sed 's/<[^>]*>//g')
    mapfile -t zh < <(grep -o '<li>[^<]*</li>' "$work/zh-Hans.html" | sed 's/<[^>]*>//g')
    want=$(grep -v '^#' "$root/exercises/manifest.tsv" | cut -f5 | while read -r f; do
        sed -n 's/^START_TEST(test_\([a-z0-9_]*\)).*/\1/p' "$root/exercises/tests/test_$f"; done | tr _ ' ' | sort)
    [[ ${#en[@]} -gt 0 && $(printf '%s\n' "${en[@]}" | sort) == "$want" ]] ||
        { echo "FAIL the English blocks do not show exactly the tests' words (${#en[@]} items)"; return 1; }
    ((${#zh[@]} == ${#en[@]})) || { echo "FAIL ${#zh[@]} Chinese test lines, ${#en[@]} English"; return 1; }
    for i in "${!en[@]}"; do
        [[ ${zh[i]} == "$(LC_ALL=C.UTF-8 LANGUAGE=zh_CN TEXTDOMAINDIR=$work/locale gettext -d nndl-ex "${en[i]}")" &&
            ${zh[i]} != "${en[i]}" ]] || { echo "FAIL the Chinese book says '${zh[i]}' for '${en[i]}'"; return 1; }
    done
}
cases=$((cases + 1))
real_exercises || { echo "FAIL book filter: the real exercises' test lines (above)"; failures=$((failures + 1)); }

if ((failures)); then
    echo "book filter: $failures of $cases cases failed"
    exit 1
fi
echo "book filter: all $cases cases behave (missing and unused inputs stop the build)"
