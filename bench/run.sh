#!/usr/bin/env bash
# bench/run.sh [SIZE_MB] [--clean]
# Builds Release, writes a reproducible input of SIZE_MB megabytes (default
# 200; damaged prose unless --clean), and times on that same file: cat,
# wc -w and textmend (one thread, and all cores), printing MB/s, peak RSS
# and the ratio to cat. The figures for this machine are in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
kind=damaged
extra=()
if [ "${2:-}" = "--clean" ]; then
  kind=clean
  extra=(--clean)
fi
scripts/setup.sh
scripts/build.sh build >/dev/null
input=bench/data/input-$kind-$size.txt
[ -f "$input" ] || python3 bench/make_input.py --mb "$size" --out "$input" "${extra[@]}"
bytes=$(stat -c %s "$input")

measure() {  # measure LABEL COMMAND...
  local label=$1
  shift
  local best="" rss=""
  for _ in $(seq "${RUNS:-3}"); do
    local out
    # Output goes through a pipe for every command alike: writing straight
    # to /dev/null lets cat skip the copy altogether.
    out=$( { /usr/bin/time -f '%e %M' "$@" < "$input" | cat > /dev/null; } 2>&1 | tail -1)
    local secs=${out% *}
    rss=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
  done
  awk -v l="$label" -v s="$best" -v b="$bytes" -v r="$rss" -v c="${cat_secs:-$best}" 'BEGIN {
    if (s < 0.001) s = 0.001;
    printf "%-24s %8.2f s %9.1f MB/s %8.1f MB peak RSS %8.1fx cat\n", l, s, b / 1e6 / s, r / 1024, s / c }'
  last=$best
}

echo "input: $input ($((bytes / 1000000)) MB, $kind prose); $(nproc) cores; best of ${RUNS:-3} runs"
measure "cat" cat
cat_secs=$last
measure "wc -w" wc -w
measure "textmend -j 1" build/textmend -j 1
measure "textmend (all cores)" build/textmend
