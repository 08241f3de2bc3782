#!/usr/bin/env python3
"""Validate benchmarks/data/actors_real.jsonl (or another actors file given with --data,
e.g. actors_dev2.jsonl, half "dev2") against the shared corpus files.

Checks: schema (only corpus/file/half/actors; actor id/kind/mentions; no text),
offsets inside the story text, non-empty spans without leading/trailing
whitespace, no duplicate mentions, no overlapping mentions between different
actors (nor within one actor), every actor has >= 1 mention.
Prints counts of stories, actors and mentions per kind and per half.
Exit status 1 on any error.
"""

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

KINDS = {"person", "organization", "state", "place", "group", "official", "anonymous", "outlet"}
CORPORA = {"reuters", "bbc"}
HALVES = {"dev", "test", "dev2"}


def main():
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=here.parent / "actors_real.jsonl")
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

    seen = set()
    actors_kind = Counter()
    mentions_kind = Counter()
    per_half = defaultdict(lambda: Counter())
    per_corpus_half = Counter()
    for ln, r in rows:
        where = f"line {ln}"
        if set(r) != {"corpus", "file", "half", "actors"}:
            errors.append(f"{where}: unexpected keys {sorted(r)}")
            continue
        if r["corpus"] not in CORPORA:
            errors.append(f"{where}: bad corpus {r['corpus']!r}")
            continue
        if r["half"] not in HALVES:
            errors.append(f"{where}: bad half {r['half']!r}")
        key = (r["corpus"], r["file"])
        if key in seen:
            errors.append(f"{where}: duplicate story {key}")
        seen.add(key)
        where = f"{r['corpus']}/{r['file']}"
        path = args.shared / "corpora" / r["corpus"] / r["file"]
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                text = fh.read()
        except OSError as e:
            errors.append(f"{where}: cannot read {path}: {e}")
            continue
        per_corpus_half[(r["corpus"], r["half"])] += 1
        per_half[r["half"]]["stories"] += 1
        ids = set()
        spans = []  # (start, end, actor id)
        for a in r["actors"]:
            if set(a) != {"id", "kind", "mentions"}:
                errors.append(f"{where}: actor keys {sorted(a)}")
                continue
            if a["id"] in ids:
                errors.append(f"{where}: duplicate actor id {a['id']}")
            ids.add(a["id"])
            if a["kind"] not in KINDS:
                errors.append(f"{where}: {a['id']} bad kind {a['kind']!r}")
            if not a["mentions"]:
                errors.append(f"{where}: {a['id']} has no mentions")
            actors_kind[a["kind"]] += 1
            per_half[r["half"]]["actors"] += 1
            for m in a["mentions"]:
                if not (isinstance(m, list) and len(m) == 2 and all(isinstance(x, int) for x in m)):
                    errors.append(f"{where}: {a['id']} bad mention {m!r}")
                    continue
                s, e = m
                if not (0 <= s < e <= len(text)):
                    errors.append(f"{where}: {a['id']} offsets out of range {m}")
                    continue
                span = text[s:e]
                if span != span.strip():
                    errors.append(f"{where}: {a['id']} span {m} has outer whitespace")
                spans.append((s, e, a["id"]))
                mentions_kind[a["kind"]] += 1
                per_half[r["half"]]["mentions"] += 1
        spans.sort()
        for i in range(len(spans)):
            for j in range(i + 1, len(spans)):
                if spans[j][0] >= spans[i][1]:
                    break
                kind = "different actors" if spans[i][2] != spans[j][2] else "same actor"
                errors.append(
                    f"{where}: overlapping mentions ({kind}) "
                    f"{spans[i][2]}{list(spans[i][:2])} / {spans[j][2]}{list(spans[j][:2])}"
                )

    print(f"stories: {len(rows)}")
    for (c, h), n in sorted(per_corpus_half.items()):
        print(f"  {c:8s} {h:5s} {n}")
    print(f"actors: {sum(actors_kind.values())}   mentions: {sum(mentions_kind.values())}")
    print(f"  {'kind':13s} {'actors':>7s} {'mentions':>9s}")
    for k in sorted(KINDS):
        print(f"  {k:13s} {actors_kind[k]:7d} {mentions_kind[k]:9d}")
    for h in sorted(per_half):
        c = per_half[h]
        print(f"half {h}: stories {c['stories']}, actors {c['actors']}, mentions {c['mentions']}")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
