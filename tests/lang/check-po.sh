#!/bin/bash
# Every message marked in the sources has a Simplified Chinese translation:
# the sources' messages (xgettext, as `make pot` runs it) merged into
# po/zh_CN.po show 0 untranslated and 0 fuzzy in msgfmt --statistics, and
# the catalog passes msgfmt --check (format strings match their msgid).
#
#   XGETTEXT_FLAGS=... tests/lang/check-po.sh PO_FILE SOURCES...
set -u
po=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
xgettext ${XGETTEXT_FLAGS:?set by chapters/lang.mk} --output="$tmp/nndl.pot" "$@" || exit 1
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$tmp/nndl.pot" || exit 1
n=$(grep -c '^msgid ' "$tmp/nndl.pot")
if [ "$n" -le 1 ]; then echo "check-po: no message is marked for translation in $*"; exit 1; fi
stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/merged.po" 2>&1) ||
    { echo "check-po: $po: msgfmt --check failed:"; echo "$stats"; exit 1; }
echo "check-po: $po: $stats"
case $stats in
    *untranslated*|*fuzzy*)
        echo "check-po: translate them in $po (run 'make pot' first to merge the new messages)"
        { msgattrib --untranslated "$tmp/merged.po"; msgattrib --only-fuzzy "$tmp/merged.po"; } |
            grep '^msgid "[^"]' | head -5
        exit 1 ;;
esac
