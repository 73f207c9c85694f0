#!/usr/bin/env python3
"""Context-free top-1 accuracy of spelling suggestions on a scorer set's
(misspelling, correction) pairs: textmend --suggest beside the first
suggestion of `hunspell -a` and `aspell -a`, on the same pairs.

  bench/spelling_accuracy.py [--set ../shared/eval/sets/dev] [--bin build/textmend]

Pairs are the set's typo artifacts of one word (merged words such as
"ofthe" -> "of the" are included: a suggestion must give both words).
Lower-cased, so capitalization is not scored.
"""
import argparse
import glob
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def word_at(text, start, end):
    """The whole word(s) around text[start:end] (letters and apostrophes)."""
    is_word = lambda c: c.isalpha() or c in "'\u2019"
    while start > 0 and is_word(text[start - 1]):
        start -= 1
    while end < len(text) and is_word(text[end]):
        end += 1
    return text[start:end]


def pairs(set_dir):
    out = []
    for path in sorted(glob.glob(os.path.join(set_dir, "*.artifacts.json"))):
        stem = path[: -len(".artifacts.json")]
        clean = open(stem + ".clean.txt", encoding="utf-8").read()
        noisy = open(stem + ".noisy.txt", encoding="utf-8").read()
        for a in json.load(open(path, encoding="utf-8")):
            if a["class"] != "typo":
                continue
            wrong = word_at(noisy, a["noisy_start"], a["noisy_end"]).lower()
            right = word_at(clean, a["clean_start"], a["clean_end"]).lower()
            if wrong and " " not in wrong and wrong.isascii():
                out.append((wrong, right))
    return out


def textmend_first(binary, words):
    p = subprocess.run([binary, "--suggest"], input="\n".join(words) + "\n", capture_output=True, text=True, check=True)
    firsts = []
    for line in p.stdout.splitlines():
        # "word 0.5 (keep) 0.3 ...", best first; a split prints as two words
        firsts.append(best_candidate(line.split(":", 1)[1].split()))
    return firsts


def best_candidate(tokens):
    # tokens: name [name] prob name [name] prob ...; names end at a number
    current = []
    for t in tokens:
        try:
            float(t)
        except ValueError:
            current.append(t)
            continue
        name = " ".join(current)
        current = []
        if name != "(keep)":
            return name
    return ""


def ispell_first(cmd, words):
    p = subprocess.run(cmd, input="\n".join(words) + "\n", capture_output=True, text=True)
    firsts = []
    for line in p.stdout.splitlines()[1:]:
        if not line:
            continue
        if line.startswith("&"):
            firsts.append(line.split(":", 1)[1].split(",")[0].strip())
        else:
            firsts.append("")  # '*' known, '#' no suggestion
    return firsts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=os.path.join(ROOT, "..", "shared", "eval", "sets", "dev"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "textmend"))
    args = ap.parse_args()
    ps = pairs(args.set)
    words = [w for w, _ in ps]
    dic = os.path.join(ROOT, "dictionaries", "en_US")
    results = {
        "textmend --suggest": textmend_first(args.bin, words),
        "hunspell -a": ispell_first(["hunspell", "-a", "-d", dic], words),
        "aspell -a": ispell_first(["aspell", "-a", "--lang=en_US"], words),
    }
    print(f"{len(ps)} (misspelling, correction) pairs from {os.path.basename(os.path.normpath(args.set))}")
    print("| tool | top-1 correct | accuracy |")
    print("| --- | --- | --- |")
    for name, firsts in results.items():
        n = sum(1 for (w, r), f in zip(ps, firsts) if f.lower() == r)
        print(f"| {name} | {n} / {len(ps)} | {100 * n / len(ps):.1f}% |")


if __name__ == "__main__":
    main()
