#!/usr/bin/env bash
# modes.sh BINARY SOURCE_DIR CASE
# Whole-program tests of the preview and batch modes, one CASE per ctest.
set -uo pipefail
bin=$(readlink -f "$1")
src=$(readlink -f "$2")
case_name=$3
tmp=$(mktemp -d) || exit 2
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2

fail() {
  echo "FAIL: $*"
  exit 1
}

# The same .txt files in a/ and b/: a/'s --diff applied with patch -p1
# must give exactly the bytes -i writes in b/.
patch_matches_in_place() {
  (cd a && "$bin" -q --diff ./*.txt > ../fixes.patch)
  [ -s fixes.patch ] || fail "empty diff"
  (cd a && patch -p1 --quiet --batch < ../fixes.patch) || fail "patch rejected the diff"
  (cd b && "$bin" -q -i ./*.txt) || fail "-i failed"
  for f in a/*.txt; do
    cmp -s "$f" "b/$(basename "$f")" || fail "$(basename "$f"): patch and -i disagree"
  done
}

# --diff | patch -p1 gives exactly the bytes -i writes, for every sample.
round_trip() {
  mkdir -p a b
  cp "$src"/samples/*.txt a/
  cp "$src"/samples/*.txt b/
  patch_matches_in_place
  if command -v git >/dev/null; then
    mkdir g && cp "$src"/samples/quotes.txt g/ && (cd g && git init -q && "$bin" --diff quotes.txt | git apply) ||
      fail "git apply rejected the diff"
    cmp -s g/quotes.txt b/quotes.txt || fail "git apply and -i disagree"
  fi
}

# File names with a space, a tab or a quote: the diff's ---/+++ lines must
# read back as the same names (patch took "a/with" for the name).
odd_names() {
  mkdir -p a b
  for name in "with space.txt" $'tab\tname.txt' 'say "hi".txt'; do
    cp "$src"/samples/repeated-words.txt "a/$name"
    cp "$src"/samples/repeated-words.txt "b/$name"
  done
  patch_matches_in_place
  if command -v git >/dev/null; then
    mkdir g
    for name in "with space.txt" $'tab\tname.txt' 'say "hi".txt'; do
      cp "$src"/samples/repeated-words.txt "g/$name"
    done
    (cd g && git init -q && git apply ../fixes.patch) || fail "git apply rejected the diff"
    for f in g/*.txt; do
      cmp -s "$f" "b/$(basename "$f")" || fail "$(basename "$f"): git apply and -i disagree"
    done
  fi
}

check_mode() {
  cp "$src"/samples/quotes.txt dirty.txt
  cp "$src"/samples/quotes.expected.txt clean.txt
  out=$("$bin" --check -q dirty.txt clean.txt)
  [ $? -eq 1 ] || fail "--check with a dirty file should exit 1"
  [ "$out" = "dirty.txt" ] || fail "--check printed '$out'"
  "$bin" --check clean.txt > out.txt
  [ $? -eq 0 ] || fail "--check on clean text should exit 0"
  [ ! -s out.txt ] || fail "--check on clean text printed something"
}

in_place() {
  cp "$src"/samples/quotes.expected.txt same.txt
  touch -d '2001-02-03 04:05:06' same.txt
  cp "$src"/samples/spacing.txt changed.txt
  chmod 640 changed.txt
  "$bin" -q -i --backup=.orig same.txt changed.txt || fail "-i failed"
  [ "$(stat -c %Y same.txt)" = "$(date -d '2001-02-03 04:05:06' +%s)" ] || fail "an unchanged file was rewritten"
  [ ! -e same.txt.orig ] || fail "an unchanged file got a backup"
  cmp -s changed.txt "$src"/samples/spacing.expected.txt || fail "-i wrote the wrong text"
  [ "$(stat -c %a changed.txt)" = 640 ] || fail "-i lost the file mode"
  cmp -s changed.txt.orig "$src"/samples/spacing.txt || fail "--backup did not keep the original"
  ls -A | grep -q textmend && fail "a temporary file was left behind"
  # A bare --backup takes no argument: the next word is a file to repair.
  cp "$src"/samples/spacing.txt next.txt
  "$bin" -q -i --backup next.txt || fail "-i --backup FILE failed"
  cmp -s next.txt "$src"/samples/spacing.expected.txt || fail "-i --backup FILE took the file for a suffix"
  cmp -s next.txt~ "$src"/samples/spacing.txt || fail "a bare --backup did not keep FILE~"
  return 0
}

# A file that cannot be written is reported, left intact, and the batch goes on.
in_place_faults() {
  cp "$src"/samples/quotes.txt locked.txt
  chmod 444 locked.txt
  cp "$src"/samples/spacing.txt open.txt
  "$bin" -q -i locked.txt open.txt 2> err.txt
  [ $? -eq 2 ] || fail "a file that cannot be written should make the exit code 2"
  grep -q "locked.txt: .*read-only" err.txt || fail "no one-line error naming the locked file: $(cat err.txt)"
  cmp -s locked.txt "$src"/samples/quotes.txt || fail "the locked file changed"
  cmp -s open.txt "$src"/samples/spacing.expected.txt || fail "the batch did not go on to the next file"
  # File-size limit (as on a full disk): the write fails, the original stays.
  cp "$src"/samples/news-article.txt big.txt
  (ulimit -f 1 && trap '' XFSZ && "$bin" -q -i big.txt 2> err2.txt)
  cmp -s big.txt "$src"/samples/news-article.txt || fail "a failed write damaged the original"
  ls -A | grep -q textmend && fail "a temporary file was left behind"
  return 0
}

out_dir() {
  mkdir -p tree/sub && cp "$src"/samples/quotes.txt tree/ && cp "$src"/samples/spacing.txt tree/sub/
  "$bin" -q -o copies tree || fail "-o failed"
  cmp -s copies/tree/quotes.txt "$src"/samples/quotes.expected.txt || fail "-o copy wrong"
  cmp -s copies/tree/sub/spacing.txt "$src"/samples/spacing.expected.txt || fail "-o did not mirror the tree"
  cmp -s tree/quotes.txt "$src"/samples/quotes.txt || fail "-o touched the input"
}

json_report() {
  cp "$src"/samples/quotes.txt q.txt
  "$bin" --report=json q.txt > report.jsonl || fail "--report=json failed"
  python3 - report.jsonl <<'PY' || fail "bad JSON report"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
kinds = [l["type"] for l in lines]
assert kinds[-2:] == ["file", "run"], kinds[-2:]
found = [l for l in lines if l["type"] == "finding"]
assert found and all(l["file"] == "q.txt" for l in found)
assert any(l["applied"] for l in found)
for l in found:
    for key in ("line", "column", "offset", "length", "original", "replacement", "rule", "kind",
                "confidence", "applied", "status", "message", "suggestions"):
        assert key in l, key
text = open("q.txt", "rb").read()
for l in found:  # offsets and lengths are bytes of the input
    assert text[l["offset"]:l["offset"] + l["length"]].decode("utf-8") == l["original"], l
assert lines[-1]["applied"] == sum(1 for l in found if l["applied"])
PY
}

explain() {
  printf 'The the end.\n' > e.txt
  out=$("$bin" --explain e.txt)
  echo "$out" | grep -q '^e.txt:1:5 repeated-word: ' || fail "explain line: $out"
}

word_diff() {
  printf 'The the end  here.\n' > w.txt
  out=$("$bin" --word-diff --color=never w.txt)
  echo "$out" | grep -qF '[-the -]' || fail "word diff: $out"
  out=$("$bin" --word-diff --color=always w.txt)
  echo "$out" | grep -q $'\x1b\[31m' || fail "no colour with --color=always"
}

interactive() {
  printf 'The the cat sat  on the mat.\n\nA dog dog barked , loudly.\n' > r.txt
  # First fix yes, second no, then "d" (skip the rest of the file).
  printf 'y\nn\nd\n' | "$bin" --interactive r.txt 2> prompts.txt || fail "--interactive failed"
  grep -q 'Apply this fix' prompts.txt || fail "no prompt"
  [ "$(cat r.txt)" = "$(printf 'The cat sat  on the mat.\n\nA dog dog barked , loudly.')" ] || fail "review result: $(cat r.txt)"
  printf 'a\n' | "$bin" --interactive r.txt 2> /dev/null || fail "--interactive a failed"
  [ "$(cat r.txt)" = "$(printf 'The cat sat on the mat.\n\nA dog barked, loudly.')" ] || fail "accept-all result: $(cat r.txt)"
}

encodings() {
  printf 'It was \x93quoted\x94 and the the caf\xe9 was open.\r\n' > cp.txt
  "$bin" -q -i --encoding windows-1252 cp.txt || fail "--encoding windows-1252 failed"
  [ "$(od -An -tx1 cp.txt | tr -d ' \n')" = "$(printf 'It was \x93quoted\x94 and the caf\xe9 was open.\r\n' | od -An -tx1 | tr -d ' \n')" ] ||
    fail "windows-1252 file not written back in its encoding: $(od -c cp.txt | head -3)"
  printf 'The the end.\n' | iconv -f UTF-8 -t UTF-16LE > body && { printf '\xff\xfe'; cat body; } > u16.txt
  "$bin" -q -i u16.txt || fail "UTF-16 failed"
  printf 'The end.\n' | iconv -f UTF-8 -t UTF-16LE > want && { printf '\xff\xfe'; cat want; } > want16
  cmp -s u16.txt want16 || fail "UTF-16 file not written back with its byte-order mark"
}

parallel_order() {
  mkdir -p t
  for i in $(seq 1 40); do cp "$src"/samples/news-article.txt "t/f$i.txt"; done
  cp "$src"/samples/quotes.txt t/zz.txt
  "$bin" -q -j 1 --diff t > one.diff
  "$bin" -q -j 3 --diff t > three.diff
  cmp -s one.diff three.diff || fail "-j changes the diff"
  "$bin" -q -j 3 --report=json t | grep -c '"type":"file"' | grep -qx 41 || fail "not every file reported"
}

# A NUL byte in a later paragraph: the file is not text, and every mode
# says the same of it (the prescan sees the NUL before any output). Only a
# pipe, which cannot be read ahead, has its earlier paragraphs repaired,
# and the note says so.
late_nul() {
  printf 'Hello  world.\n\nSecond para\0graph.\n' > bin.txt
  cp bin.txt keep.txt
  "$bin" bin.txt > out.txt 2> err.txt
  [ $? -eq 3 ] || fail "stdout: a NUL byte should make the exit code 3"
  cmp -s out.txt bin.txt || fail "stdout: the text before the NUL was changed"
  grep -q "bin.txt: not text (NUL byte at offset 26); passed through unchanged" err.txt || fail "stdout note: $(cat err.txt)"
  "$bin" --diff bin.txt > out.txt 2> /dev/null
  [ $? -eq 3 ] || fail "--diff: exit code"
  [ ! -s out.txt ] || fail "--diff shows a change -i would not make: $(cat out.txt)"
  "$bin" --check bin.txt > out.txt 2> /dev/null
  [ $? -eq 3 ] || fail "--check: exit code"
  "$bin" -i keep.txt 2> err.txt
  [ $? -eq 3 ] || fail "-i: exit code"
  cmp -s keep.txt bin.txt || fail "-i changed a file that is not text"
  grep -q "left unchanged" err.txt || fail "-i note: $(cat err.txt)"
  cat bin.txt | "$bin" > out.txt 2> err.txt
  [ $? -eq 3 ] || fail "pipe: exit code"
  printf 'Hello world.\n\nSecond para\0graph.\n' | cmp -s - out.txt || fail "pipe: the first paragraph was not repaired"
  grep -q "repaired up to the paragraph holding it" err.txt || fail "pipe note: $(cat err.txt)"
}

tree_walk() {
  mkdir -p w/.git w/keep w/skip
  printf 'the the\n' > w/.git/config
  printf 'the the\n' > w/.hidden.txt
  printf 'the the\n' > w/keep/a.txt
  printf 'the the\n' > w/keep/b.md
  printf 'the the\n' > w/skip/c.txt
  printf 'the the\n' > target.txt
  ln -s ../../target.txt w/keep/link.txt
  out=$("$bin" -q --check --include '*.txt' --exclude skip w)
  [ "$out" = "w/keep/a.txt" ] || fail "walk found: $out"
  out=$("$bin" -q --check --follow --include '*.txt' --exclude skip w | tr '\n' ' ')
  [ "$out" = "w/keep/a.txt w/keep/link.txt " ] || fail "--follow found: $out"
  out=$("$bin" -q --check --hidden w | tr '\n' ' ')
  echo "$out" | grep -q "w/.git/config" || fail "--hidden did not walk .git: $out"
}

"$case_name"
