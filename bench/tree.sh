#!/usr/bin/env bash
# bench/tree.sh [FILES] [SIZE_MB]
# Batch mode: a generated tree of FILES files (default 10,000) holding
# SIZE_MB (default 200) of damaged prose in all, repaired with --diff (the
# whole tree's unified diff on stdout), once with one thread and once with
# all cores; prints both times, the speed-up and peak RSS, and checks the
# two outputs are identical. (-i and -o fsync every file they write, which
# on many small files measures the disk rather than textmend.)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-10000}
size=${2:-200}
scripts/setup.sh
scripts/build.sh build >/dev/null
input=bench/data/input-damaged-$size.txt
[ -f "$input" ] || python3 bench/make_input.py --mb "$size" --out "$input"
tree=bench/data/tree-$files
if [ ! -d "$tree" ]; then
  # Cut the input at paragraph ends into FILES pieces, 100 to a folder.
  python3 - "$input" "$tree" "$files" <<'PY'
import os, sys
data = open(sys.argv[1], "rb").read()
root, n = sys.argv[2], int(sys.argv[3])
step = len(data) // n
pos = 0
for i in range(n):
    end = len(data) if i == n - 1 else data.find(b"\n\n", pos + step) + 2
    if end < 2: end = len(data)
    d = os.path.join(root, f"d{i // 100:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{i:05d}.txt"), "wb") as f:
        f.write(data[pos:end])
    pos = end
PY
fi
mkdir -p bench/out
run() {  # run JOBS OUTFILE
  /usr/bin/time -f '%e %M' build/textmend -q -j "$1" --diff "$tree" 2>&1 >"$2" | tail -1
}
one=$(run 1 bench/out/tree-j1.diff)
two=$(run "$(nproc)" bench/out/tree-jn.diff)
cmp -s bench/out/tree-j1.diff bench/out/tree-jn.diff && same=identical || same=DIFFERENT
awk -v a="$one" -v b="$two" -v n="$(nproc)" -v f="$files" -v s="$same" 'BEGIN {
  split(a, x, " "); split(b, y, " ");
  printf "%d files, %s\n", f, s;
  printf "-j 1: %.2f s, peak RSS %.1f MB\n", x[1], x[2] / 1024;
  printf "-j %d: %.2f s, peak RSS %.1f MB\n", n, y[1], y[2] / 1024;
  printf "speed-up: %.2fx\n", x[1] / y[1] }'
