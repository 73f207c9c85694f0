#!/usr/bin/env bash
# bench/run.sh [SIZE_MB] [--clean | --jsonl | --lines]
# Builds Release, writes a reproducible input of SIZE_MB megabytes (default
# 200: damaged prose; --clean: the same prose undamaged; --jsonl: damaged
# prose as JSON Lines records with a "text" field; --lines: damaged prose
# one paragraph a line, no blank lines), and times on that same
# file: cat, wc -w, and textmend with one and two threads, reading the file
# on stdin, and again reading stdin through a pipe (no prescan then: each
# paragraph is analysed as it comes).
# Prints time, MB/s, peak RSS, the ratio to cat, and the two-thread speedup.
# The figures for this machine are in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
kind=damaged
extra=()
tool=(build/textmend)
case "${2:-}" in
  --clean)
    kind=clean
    extra=(--clean)
    ;;
  --jsonl)
    kind=jsonl
    extra=(--jsonl)
    tool=(build/textmend --jsonl text --quiet)
    ;;
  --lines)
    kind=lines
    extra=(--lines)
    ;;
  "") ;;
  *)
    echo "usage: bench/run.sh [SIZE_MB] [--clean | --jsonl | --lines]" >&2
    exit 2
    ;;
esac
scripts/setup.sh codespell  # bench/make_input.py damages the prose with the shared generator, which reads codespell's misspellings
scripts/build.sh build >/dev/null
input=bench/data/input-$kind-$size.txt
[ -f "$input" ] || python3 bench/make_input.py --mb "$size" --out "$input" "${extra[@]}"
bytes=$(stat -c %s "$input")

measure() {  # measure LABEL pipe|file COMMAND...
  local label=$1 how=$2
  shift 2
  local best="" rss=""
  for _ in $(seq "${RUNS:-5}"); do
    local out
    # Output goes through a pipe for every command alike: writing straight
    # to /dev/null lets cat skip the copy altogether. "pipe" feeds stdin
    # through cat as well, so the input cannot be read ahead of time.
    if [ "$how" = pipe ]; then
      out=$( { cat "$input" | /usr/bin/time -f '%e %M' "$@" | cat > /dev/null; } 2>&1 | tail -1)
    else
      out=$( { /usr/bin/time -f '%e %M' "$@" < "$input" | cat > /dev/null; } 2>&1 | tail -1)
    fi
    local secs=${out% *}
    rss=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
  done
  awk -v l="$label" -v s="$best" -v b="$bytes" -v r="$rss" -v c="${cat_secs:-$best}" 'BEGIN {
    if (s < 0.001) s = 0.001;
    printf "%-30s %8.2f s %9.1f MB/s %8.1f MB peak RSS %8.1fx cat\n", l, s, b / 1e6 / s, r / 1024, s / c }'
  last=$best
}

echo "input: $input ($((bytes / 1000000)) MB, $kind); $(nproc) cores; best of ${RUNS:-5} runs"
measure "cat" file cat
cat_secs=$last
measure "wc -w" file wc -w
measure "textmend -j 1" file "${tool[@]}" -j 1
one=$last
measure "textmend -j 2" file "${tool[@]}" -j 2
two=$last
measure "textmend -j 1, stdin a pipe" pipe "${tool[@]}" -j 1
pipe_one=$last
measure "textmend -j 2, stdin a pipe" pipe "${tool[@]}" -j 2
pipe_two=$last
awk -v a="$one" -v b="$two" -v c="$pipe_one" -v d="$pipe_two" \
  'BEGIN { printf "speedup of -j 2 over -j 1: %.2fx (stdin a file), %.2fx (stdin a pipe)\n", a / b, c / d }'
