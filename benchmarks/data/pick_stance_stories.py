#!/usr/bin/env python3
"""Re-run the seeded story pick behind stances_dev2/fresh2.jsonl (round 2), stances_fresh3.jsonl (round 3)
and stances_fresh4.jsonl (round 4).

    python3 benchmarks/data/pick_stance_stories.py [--shared ../shared] [--round 2|3|4]

Prints the picked stories per set (see STANCES_DEV2.md for round 2, the default,
STANCES_FRESH3.md for round 3 and STANCES_FRESH4.md for round 4). Reads only the corpus
files and the story lists of the earlier gold files; runs no NLP.
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
# Round 3 (stances_fresh3.jsonl): one set, new seed, every earlier gold file excluded.
SEED3 = 20261205
WANT3 = {"bbc_business": 7, "bbc_entertainment": 4, "bbc_politics": 9, "bbc_sport": 6, "bbc_tech": 6, "reuters": 18}
EARLIER3 = [*EARLIER, "stances_dev2", "stances_fresh2"]
# Round 4 (stances_fresh4.jsonl): as round 3, with another seed and stances_fresh3 excluded too.
SEED4 = 20261206
WANT4 = WANT3
EARLIER4 = [*EARLIER3, "stances_fresh3"]


def _norm(t):
    return " ".join(t.lower().split())


def _shingles(t):
    w = re.findall(r"\w+", t.lower())
    return {tuple(w[i : i + 8]) for i in range(len(w) - 7)}


def pick(shared, rnd=2):
    here = Path(__file__).resolve().parent
    used = set()
    for name in {2: EARLIER, 3: EARLIER3, 4: EARLIER4}[rnd]:
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

    if rnd in (3, 4):
        half = f"fresh{rnd}"
        rng = random.Random(SEED3 if rnd == 3 else SEED4)
        picked = {half: []}
        for cat, want in (WANT3 if rnd == 3 else WANT4).items():
            pool = pools[cat][:]
            rng.shuffle(pool)
            it = iter(pool)
            got = 0
            while got < want:
                k = next(it)
                s = _shingles(texts[k])
                if near(s):
                    continue
                picked[half].append(k)
                taken.append(s)
                got += 1
        return picked

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
    ap.add_argument(
        "--round", type=int, choices=[2, 3, 4], default=2, help="2: dev2+fresh2 (default); 3: fresh3; 4: fresh4"
    )
    args = ap.parse_args()
    for half, keys in pick(args.shared, args.round).items():
        print(f"{half} ({len(keys)}): " + " ".join(f for _, f in sorted(keys)))


if __name__ == "__main__":
    main()
