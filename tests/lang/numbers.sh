#!/bin/bash
# The numbers a text carries, one per line, in order: integers, decimals
# and exponents, with timings (a number followed by "s" or "秒") left out
# because they differ from run to run.
#
#   tests/lang/numbers.sh FILE
set -u
sed -E 's/[0-9]+([.][0-9]+)? ?(s([^[:alpha:]]|$)|秒)/\3/g' "$1" |
    grep -oE '[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?'
