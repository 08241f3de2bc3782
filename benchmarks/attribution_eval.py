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
import pickle
import sys
from pathlib import Path

LATER = ["claimx_actors", "claimx_attributions", "claimx_figures", "claimx_stances", "claimx_claims"]


def prep(gold: Path, cache: Path) -> None:
    from spacy.tokens import DocBin

    from claimx.api import make_doc
    from claimx.extractors.attributions import tag_many
    from claimx.nlp import pipeline

    nlp = pipeline.load()
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    docs = list(nlp.pipe((make_doc(nlp, r["text"]) for r in records), disable=LATER, batch_size=16))
    tags = tag_many(docs)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(cache / "docs.spacy")
    extra = [(d._.source_text, d._.headline, d._.dateline) for d in docs]
    (cache / "extra.pkl").write_bytes(pickle.dumps((extra, tags)))
    print(f"{len(docs)} articles parsed and tagged into {cache}")


def run(gold: Path, cache: Path, out: Path) -> None:
    from spacy.tokens import DocBin

    from claimx.extractors.attributions import find_attributions
    from claimx.nlp import pipeline
    from claimx.nlp.components import ActorFinder

    nlp = pipeline.load()
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    extra, tags = pickle.loads((cache / "extra.pkl").read_bytes())
    if len(docs) != len(records):
        raise SystemExit(f"{cache} holds {len(docs)} articles, {gold} {len(records)}: prep again")
    with out.open("w", encoding="utf-8") as f:
        for rec, doc, (source, headline, dateline), tagged in zip(records, docs, extra, tags, strict=True):
            doc._.source_text, doc._.headline, doc._.dateline = source, headline, dateline
            ActorFinder()(doc)
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
