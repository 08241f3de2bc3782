#!/usr/bin/env python3
"""Re-run the deterministic story pick behind actors_dev2.jsonl (see ACTORS_DEV2.md).

    python3 benchmarks/data/pick_actor_stories.py [--shared ../shared]

Reads only the corpus files and the "file" fields of actors_real.jsonl and
stances_*.jsonl; runs no NLP. Order: sha256("annot5-dev2:" + file name).
Filter: 200-500 whitespace words, at most a quarter of the non-empty lines with
6+ digits (tables / price lists), at least 4 third-person pronouns, not already
in a gold file, text not identical (whitespace/case normalised) to a gold story
or to an earlier candidate. Picks the first 5 Reuters stories and the first BBC
story of each of politics, business, sport, tech and entertainment.
The result depends on the stances_*.jsonl files present; at the time of the
pick (commit 0c683e9) these were stances_real, stances_fresh, stances_fresh2,
stances_fresh3 and stances_dev2.
"""

import argparse
import hashlib
import json
import re
from pathlib import Path

PRON = re.compile(r"\b(he|she|his|her|him|it|its|they|their|them)\b", re.I)
WANT = [
    ("reuters", "reuters", 5),
    ("bbc", "bbc_politics", 1),
    ("bbc", "bbc_business", 1),
    ("bbc", "bbc_sport", 1),
    ("bbc", "bbc_tech", 1),
    ("bbc", "bbc_entertainment", 1),
]


def _norm(t):
    return " ".join(t.lower().split())


def _ok(t):
    if not 200 <= len(t.split()) <= 500:
        return False
    lines = [ln for ln in t.splitlines() if ln.strip()]
    if sum(1 for ln in lines if len(re.findall(r"\d", ln)) >= 6) > len(lines) * 0.25:
        return False
    return len(PRON.findall(t)) >= 4


def _key(name):
    return hashlib.sha256(("annot5-dev2:" + name).encode()).hexdigest()


def pick(shared):
    here = Path(__file__).resolve().parent
    used = set()
    for f in [here / "actors_real.jsonl", *sorted(here.glob("stances_*.jsonl"))]:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                used.add((r["corpus"], r["file"]))
    used_text = {_norm((shared / "corpora" / c / f).read_text(encoding="utf-8")) for c, f in used}
    out = []
    for corpus, prefix, n in WANT:
        seen = set()
        got = []
        for name in sorted((p.name for p in (shared / "corpora" / corpus).glob(prefix + "*.txt")), key=_key):
            t = (shared / "corpora" / corpus / name).read_text(encoding="utf-8")
            nt = _norm(t)
            if (corpus, name) in used or nt in used_text or nt in seen:
                continue
            seen.add(nt)
            if _ok(t):
                got.append(name)
            if len(got) == n:
                break
        out += [(corpus, g) for g in got]
    return out


def main():
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=here.parents[2].parent / "shared")
    for corpus, name in pick(ap.parse_args().shared):
        print(corpus, name)


if __name__ == "__main__":
    main()
