#!/usr/bin/env python3
"""Re-run the seeded story pick behind stances_dev2.jsonl and stances_fresh2.jsonl.

    python3 benchmarks/data/pick_stance_stories.py [--shared ../shared]

Prints the picked stories per set (see STANCES_DEV2.md for the procedure). Reads only the
corpus files and the story lists of the earlier gold files; runs no NLP.
"""

import argparse
import json
import random
import re
from pathlib import Path

SEED = 20261203
CUE = re.compile(
    r"\b(demand\w*|call(?:s|ed)? for|urg\w+|reject\w*|refus\w+|oppos\w+|accept\w*|agree\w*|welcom\w+|threat\w*|"
    r"warn\w*|propos\w+|insist\w*|unless|only if|ready to|reluctant|open to|back(?:s|ed)|support\w*)\b",
    re.I,
)
THREATEN = re.compile(r"\bthreaten(?:s|ed|ing)?\b", re.I)
WANT = {"bbc_business": 6, "bbc_entertainment": 3, "bbc_politics": 7, "bbc_sport": 5, "bbc_tech": 5, "reuters": 14}
EARLIER = ["stances_real", "stances_fresh", "actors_real"]


def _norm(t):
    return " ".join(t.lower().split())


def _shingles(t):
    w = re.findall(r"\w+", t.lower())
    return {tuple(w[i : i + 8]) for i in range(len(w) - 7)}


def pick(shared):
    here = Path(__file__).resolve().parent
    used = set()
    for name in EARLIER:
        for line in open(here / f"{name}.jsonl", encoding="utf-8"):
            r = json.loads(line)
            used.add((r["corpus"], r["file"]))
    texts = {}
    for c in ["bbc", "reuters"]:
        for p in sorted((shared / "corpora" / c).glob("*.txt")):
            texts[(c, p.name)] = p.read_text(encoding="utf-8")
    taken = [_shingles(texts[k]) for k in used]
    seen = {_norm(texts[k]) for k in used}
    pools = {k: [] for k in WANT}
    for k in sorted(texts):
        n = _norm(texts[k])
        if k in used or n in seen:
            seen.add(n)
            continue
        seen.add(n)
        cat = "reuters" if k[0] == "reuters" else "_".join(k[1].split("_")[:2])
        if len(CUE.findall(texts[k])) >= 3:
            pools[cat].append(k)

    def near(s):
        return any(s and len(s & o) / len(s) >= 0.25 for o in taken)

    rng = random.Random(SEED)
    picked = {"dev2": [], "fresh2": []}
    for cat, want in WANT.items():
        pool = pools[cat][:]
        rng.shuffle(pool)
        it = iter(pool)
        for half in picked:
            got = 0
            while got < want:
                k = next(it)
                s = _shingles(texts[k])
                if near(s):
                    continue
                picked[half].append(k)
                taken.append(s)
                got += 1
    rest = sorted(k for c in pools for k in pools[c] if k not in picked["dev2"] and k not in picked["fresh2"])
    random.Random(SEED + 1).shuffle(rest)
    it = iter(rest)
    for half in picked:
        extra = 0
        while extra < 3:
            k = next(it)
            if not THREATEN.search(texts[k]):
                continue
            s = _shingles(texts[k])
            if near(s):
                continue
            picked[half].append(k)
            taken.append(s)
            extra += 1
    return picked


def main():
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=here.parents[2].parent / "shared")
    args = ap.parse_args()
    for half, keys in pick(args.shared).items():
        print(f"{half} ({len(keys)}): " + " ".join(f for _, f in sorted(keys)))


if __name__ == "__main__":
    main()
