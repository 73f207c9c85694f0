#!/bin/sh
# cli.sh BINARY CASE_DIR
# A whole-program case. CASE_DIR holds:
#   args      the arguments, one per line (optional); "@DIR@" becomes CASE_DIR
#   stdin     what is fed on stdin (optional; empty otherwise)
#   stdout    the expected stdout, byte for byte (optional: not checked)
#   exit      the expected exit code (optional: 0)
#   stderr    an extended regular expression stderr must match (optional;
#             without it stderr must be empty)
set -u
bin=$(readlink -f "$1") dir=$(cd "$2" && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
set --
if [ -f "$dir/args" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    set -- "$@" "$(printf '%s' "$line" | sed "s|@DIR@|$dir|g")"
  done < "$dir/args"
fi
input=/dev/null
[ -f "$dir/stdin" ] && input="$dir/stdin"
(cd "$dir" && "$bin" "$@" < "$input" > "$tmp/out" 2> "$tmp/err")
code=$?
want=0
[ -f "$dir/exit" ] && want=$(cat "$dir/exit")
fail=0
if [ "$code" != "$want" ]; then
  echo "exit code $code, expected $want"
  fail=1
fi
if [ -f "$dir/stdout" ] && ! cmp -s "$tmp/out" "$dir/stdout"; then
  echo "stdout differs:"
  diff "$dir/stdout" "$tmp/out" | head -40
  fail=1
fi
if [ -f "$dir/stderr" ]; then
  if ! grep -Eq "$(cat "$dir/stderr")" "$tmp/err"; then
    echo "stderr does not match /$(cat "$dir/stderr")/:"
    cat "$tmp/err"
    fail=1
  fi
elif [ -s "$tmp/err" ]; then
  echo "unexpected stderr:"
  cat "$tmp/err"
  fail=1
fi
exit $fail
