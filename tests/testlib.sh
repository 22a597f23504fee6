# tests/testlib.sh - what the shell checks share: ok and bad count the
# checks (bad says what failed), finish NAME prints the closing
# "NAME: N passed, N failed" and is the script's exit status.  Sourced.
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() { echo "$1: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
