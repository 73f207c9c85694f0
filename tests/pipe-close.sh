#!/bin/sh
# pipe-close.sh BINARY
# `textmend big.txt | head -1` must end quietly: no message, no crash,
# whatever the number of threads.
set -u
bin=$1
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
i=0
while [ $i -lt 20000 ]; do
  echo "Paragraph $i has some text in it, and a second clause."
  echo
  i=$((i + 1))
done > "$tmp/big.txt"
for jobs in 1 2 4; do
  "$bin" -j "$jobs" "$tmp/big.txt" 2> "$tmp/err" | head -1 > /dev/null
  if [ -s "$tmp/err" ]; then
    echo "-j $jobs: stderr after the reader closed the pipe:"
    cat "$tmp/err"
    exit 1
  fi
done
exit 0
