#!/usr/bin/env python3
"""Validate benchmarks/data/stances_real.jsonl against the shared corpus files.

Checks: schema (corpus/file/start/end/half/stances; stance/negated/actor/cue/object;
no text), sentence offsets inside the file, every span inside its sentence, non-empty
spans without leading/trailing whitespace, no duplicate or overlapping sentences,
every story in exactly one half, stance types from the closed list.
Prints counts of sentences, stories and stances per half, per type and per corpus.
Exit status 1 on any error.
"""

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

TYPES = ["demand", "reject", "accept", "threaten", "warn", "propose", "condition"]
CORPORA = {"reuters", "bbc"}
HALVES = {"dev", "test", "fresh", "dev2", "fresh2", "fresh3", "fresh4"}
ROW_KEYS = {"corpus", "file", "start", "end", "half", "stances"}
STANCE_KEYS = {"stance", "negated", "actor", "cue", "object"}


def main():
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=here.parent / "stances_real.jsonl")
    ap.add_argument(
        "--shared", type=Path, default=here.parents[2].parent / "shared", help="folder holding corpora/<corpus>/<file>"
    )
    args = ap.parse_args()

    errors = []
    rows = []
    with open(args.data, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append((ln, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"line {ln}: bad JSON: {e}")

    texts = {}
    story_half = {}
    sents = defaultdict(list)
    n_sent = Counter()
    n_pos = Counter()
    n_stance = Counter()
    by_type = defaultdict(Counter)
    by_corpus = Counter()
    negated = Counter()
    null_actor = Counter()
    null_object = Counter()

    def is_span(v):
        return isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)

    for ln, r in rows:
        where = f"line {ln}"
        if set(r) != ROW_KEYS:
            errors.append(f"{where}: unexpected keys {sorted(r)}")
            continue
        if r["corpus"] not in CORPORA:
            errors.append(f"{where}: bad corpus {r['corpus']!r}")
            continue
        if r["half"] not in HALVES:
            errors.append(f"{where}: bad half {r['half']!r}")
            continue
        key = (r["corpus"], r["file"])
        if story_half.setdefault(key, r["half"]) != r["half"]:
            errors.append(f"{where}: story {key} is in both halves")
        if key not in texts:
            path = args.shared / "corpora" / r["corpus"] / r["file"]
            try:
                texts[key] = open(path, encoding="utf-8", newline="").read()
            except OSError as e:
                errors.append(f"{where}: cannot read {path}: {e}")
                texts[key] = None
        text = texts[key]
        if text is None:
            continue
        s, e = r["start"], r["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            errors.append(f"{where}: bad sentence offsets {s},{e} (file length {len(text)})")
            continue
        sent = text[s:e]
        if sent != sent.strip():
            errors.append(f"{where}: sentence has leading/trailing whitespace")
        sents[key].append((s, e, ln))
        h = r["half"]
        n_sent[h] += 1
        by_corpus[(h, r["corpus"])] += 1
        if not isinstance(r["stances"], list):
            errors.append(f"{where}: stances is not a list")
            continue
        if r["stances"]:
            n_pos[h] += 1
        for i, st in enumerate(r["stances"]):
            w = f"{where} stance {i}"
            if not isinstance(st, dict) or set(st) != STANCE_KEYS:
                errors.append(f"{w}: unexpected keys {sorted(st) if isinstance(st, dict) else st!r}")
                continue
            if st["stance"] not in TYPES:
                errors.append(f"{w}: bad stance type {st['stance']!r}")
            if not isinstance(st["negated"], bool):
                errors.append(f"{w}: negated is not a bool")
            for k in ("actor", "cue", "object"):
                v = st[k]
                if v is None:
                    if k == "cue":
                        errors.append(f"{w}: cue is null")
                    continue
                if not is_span(v):
                    errors.append(f"{w}: {k} is not [start, end]: {v!r}")
                    continue
                a, b = v
                if not (s <= a < b <= e):
                    errors.append(f"{w}: {k} span {a},{b} outside sentence {s},{e}")
                    continue
                frag = text[a:b]
                if frag != frag.strip():
                    errors.append(f"{w}: {k} span has leading/trailing whitespace")
            n_stance[h] += 1
            by_type[h][(st["stance"], bool(st["negated"]))] += 1
            negated[h] += bool(st["negated"])
            null_actor[h] += st["actor"] is None
            null_object[h] += st["object"] is None

    for key, lst in sents.items():
        lst.sort()
        for (_s1, e1, l1), (s2, _e2, l2) in itertools.pairwise(lst):
            if s2 < e1:
                errors.append(f"lines {l1}/{l2}: sentences overlap in {key}")

    stories = Counter(story_half.values())
    print(
        f"{'half':6} {'sents':>6} {'stories':>8} {'positive':>9} {'negative':>9} {'stances':>8} {'negated':>8} {'actor=null':>11} {'object=null':>12}"
    )
    for h in sorted(HALVES):
        print(
            f"{h:6} {n_sent[h]:6} {stories[h]:8} {n_pos[h]:9} {n_sent[h] - n_pos[h]:9} {n_stance[h]:8} "
            f"{negated[h]:8} {null_actor[h]:11} {null_object[h]:12}"
        )
    tot_s = sum(n_sent.values())
    print(
        f"{'total':6} {tot_s:6} {len(story_half):8} {sum(n_pos.values()):9} {tot_s - sum(n_pos.values()):9} "
        f"{sum(n_stance.values()):8} {sum(negated.values()):8} {sum(null_actor.values()):11} {sum(null_object.values()):12}"
    )
    print()
    print(f"{'stance':10} " + " ".join(f"{h:>6}" for h in sorted(HALVES)) + f" {'total':>6}   (of which negated)")
    for t in TYPES:
        c = [sum(v for (tt, _), v in by_type[h].items() if tt == t) for h in sorted(HALVES)]
        n = [by_type[h][(t, True)] for h in sorted(HALVES)]
        print(f"{t:10} " + " ".join(f"{x:6}" for x in c) + f" {sum(c):6}   ({sum(n)})")
    print()
    for h in sorted(HALVES):
        print(f"{h}: " + ", ".join(f"{c} {n} sentences" for (hh, c), n in sorted(by_corpus.items()) if hh == h))

    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors[:50]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("\nOK: all offsets valid")


if __name__ == "__main__":
    main()
