#!/bin/sh
# golden.sh BINARY STEM [IN_SUFFIX OUT_SUFFIX]
# Runs BINARY (with the arguments in STEM.args, if any) on STEM.in and
# compares the output byte for byte with STEM.out; then runs it on STEM.out,
# which must come back unchanged (idempotence).
set -u
bin=$1 stem=$2 in_suffix=${3:-.in} out_suffix=${4:-.out}
args=""
[ -f "$stem.args" ] && args=$(cat "$stem.args")
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
"$bin" $args < "$stem$in_suffix" > "$tmp/out" 2> "$tmp/err"
if ! cmp -s "$tmp/out" "$stem$out_suffix"; then
  echo "output differs from $stem$out_suffix:"
  diff "$stem$out_suffix" "$tmp/out" | head -40
  cat "$tmp/err"
  exit 1
fi
# shellcheck disable=SC2086
"$bin" $args < "$stem$out_suffix" > "$tmp/again" 2>> "$tmp/err"
if ! cmp -s "$tmp/again" "$stem$out_suffix"; then
  echo "not idempotent: a second run changes $stem$out_suffix:"
  diff "$stem$out_suffix" "$tmp/again" | head -40
  exit 1
fi
exit 0
