#!/usr/bin/env python3
"""Writes a reproducible benchmark input: the project's own prose
(tests/data/clean-prose.txt and the clean samples) damaged by the shared
corruption generator (../shared/eval/corrupt.py, with its default rates of
realistic damage) under 16 seeds, repeated until the file reaches the
requested size. Same arguments, same bytes.

  make_input.py --mb 200 --out bench/data/input-200.txt [--clean | --jsonl]

--clean writes the undamaged prose instead (typical clean text). --jsonl
writes the damaged prose as JSON Lines, one record of one to five
paragraphs a line ({"id": N, "lang": "en", "text": ...}), the way corpus
pipelines store documents.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORRUPT = os.path.join(ROOT, "..", "shared", "eval", "corrupt.py")


def sources():
    paths = [os.path.join(ROOT, "tests", "data", "clean-prose.txt")]
    paths += sorted(glob.glob(os.path.join(ROOT, "samples", "*.expected.txt")))
    return [open(p, encoding="utf-8").read() for p in paths]


def damaged(text, seed):
    p = subprocess.run([sys.executable, CORRUPT, "--seed", str(seed), "--stdout", "--typo-source", "codespell"],
                       input=text.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    return p.stdout.decode("utf-8")


def records(text):
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    lines = []
    i = 0
    while i < len(paragraphs):
        n = 1 + len(lines) % 5
        body = "\n\n".join(paragraphs[i : i + n])
        lines.append(json.dumps({"id": len(lines), "lang": "en", "text": body}, ensure_ascii=False) + "\n")
        i += n
    return "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--out", required=True)
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--clean", action="store_true")
    kind.add_argument("--jsonl", action="store_true")
    args = ap.parse_args()
    texts = sources()
    if args.clean:
        units = [t.rstrip("\n") + "\n\n" for t in texts]
    else:
        units = [damaged(t, seed).rstrip("\n") + "\n\n" for seed in range(1, 17) for t in texts]
    block = "".join(units)
    if args.jsonl:
        block = records("".join(units))
    block = block.encode("utf-8")
    target = int(args.mb * 1e6)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "wb") as f:
        written = 0
        while written < target:
            chunk = block[: target - written]
            if args.jsonl and len(chunk) < len(block):
                chunk = chunk[: chunk.rfind(b"\n") + 1]  # whole records only
                if not chunk:
                    break
            f.write(chunk)
            written += len(chunk)
    print(f"make_input: {written / 1e6:.1f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
