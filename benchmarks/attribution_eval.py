"""PolNeAR attributions over articles parsed and tagged once: to measure a change to the
attribution rules or the content selector in half a minute instead of a full extraction.

    python benchmarks/attribution_eval.py prep ../shared/eval/polnear.dev.jsonl --cache /tmp/claimx-dev
    python benchmarks/attribution_eval.py run ../shared/eval/polnear.dev.jsonl --cache /tmp/claimx-dev -o pred.jsonl
    python ../shared/eval/score_attributions.py ../shared/eval/polnear.dev.jsonl pred.jsonl

``prep`` parses the articles of a PolNeAR JSONL file with claimx's pipeline up to the actors,
tags them with the attribution tagger, and keeps the docs in a DocBin under ``--cache`` (a
few minutes for dev on a busy 2-core machine); ``run`` loads them, runs the actor component
and ``find_attributions`` with the code and models as they are now, and writes one line per
article as ``claimx extract --format jsonl`` does for the scorer: the same attributions (checked
on PolNeAR dev and the train slice: scored figures equal to the command's). Only the parse and
the tagger are cached, so a change to either needs a new ``prep``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import _attribution_cache


def prep(gold: Path, cache: Path) -> None:
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    n = _attribution_cache.save((r["text"] for r in records), cache, batch_size=16)
    print(f"{n} articles parsed and tagged into {cache}")


def run(gold: Path, cache: Path, out: Path) -> None:
    from claimx.extractors.attributions import find_attributions

    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    loaded = _attribution_cache.load(cache)
    if len(loaded) != len(records):
        raise SystemExit(f"{cache} holds {len(loaded)} articles, {gold} {len(records)}: prep again")
    with out.open("w", encoding="utf-8") as f:
        for rec, (doc, tagged) in zip(records, loaded, strict=True):
            atts = find_attributions(doc, tagged=tagged)
            f.write(json.dumps({"id": rec["id"], "attributions": [a.model_dump(mode="json") for a in atts]}) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("prep", "run"))
    ap.add_argument("gold", type=Path, help="a PolNeAR JSONL file (polnear.dev.jsonl, a slice of train)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimx-attribution-eval"))
    ap.add_argument("-o", "--out", type=Path, default=Path("pred.jsonl"))
    args = ap.parse_args(argv)
    if args.step == "prep":
        prep(args.gold, args.cache)
    else:
        run(args.gold, args.cache, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
