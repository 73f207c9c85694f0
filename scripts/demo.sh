#!/usr/bin/env bash
# Sets everything up, builds, and runs textmend on a damaged sample,
# showing the repaired text and then the difference it made.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build >/dev/null
sample=samples/news-article.txt
echo "== textmend < $sample"
build/textmend < "$sample"
echo
echo "== what changed (diff -u original repaired)"
diff -u --label "$sample" --label "repaired" "$sample" <(build/textmend < "$sample") || true
