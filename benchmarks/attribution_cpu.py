"""CPU time of the attribution stage alone (tagger spans given), over stories parsed once.

    python benchmarks/attribution_cpu.py prep ../shared/corpora/reuters --limit 200
    python benchmarks/attribution_cpu.py run [--passes 3] [--out attributions.json]

``prep`` parses and tags the first ``--limit`` .txt files of a folder (sorted by name) and
keeps the docs in a DocBin under ``--cache`` (default /tmp/claimx-attribution-cpu); ``run``
loads them, runs the actor component, and times ``find_attributions`` over every doc with
``time.process_time`` (user + system CPU of this process, so a busy shared machine moves it
less than wall time), once per pass, reloading the docs each time. It prints each pass and
the smallest; ``--out`` writes the attributions, to check that two versions agree. To time
another checkout, run it with that checkout on ``PYTHONPATH`` from outside both checkouts.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

LATER = ["claimx_actors", "claimx_attributions", "claimx_figures", "claimx_stances", "claimx_claims"]


def prep(folder: Path, limit: int, cache: Path) -> None:
    from spacy.tokens import DocBin

    from claimx.api import make_doc
    from claimx.extractors.attributions import tag_many
    from claimx.nlp import pipeline

    nlp = pipeline.load()
    files = sorted(folder.glob("*.txt"))[:limit]
    texts = (make_doc(nlp, f.read_text(encoding="utf-8", errors="replace")) for f in files)
    docs = list(nlp.pipe(texts, disable=LATER))
    tags = tag_many(docs)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(cache / "docs.spacy")
    extra = [(d._.source_text, d._.headline, d._.dateline) for d in docs]
    (cache / "extra.pkl").write_bytes(pickle.dumps((extra, tags)))
    print(f"{len(docs)} docs parsed and tagged into {cache}")


def one_pass(cache: Path) -> tuple[float, list[Any]]:
    from spacy.tokens import DocBin

    from claimx.extractors.attributions import find_attributions
    from claimx.nlp import pipeline
    from claimx.nlp.components import ActorFinder

    nlp = pipeline.load()
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    extra, tags = pickle.loads((cache / "extra.pkl").read_bytes())
    for doc, (source, headline, dateline) in zip(docs, extra, strict=True):
        doc._.source_text, doc._.headline, doc._.dateline = source, headline, dateline
        ActorFinder()(doc)
    out = []
    start = time.process_time()
    for doc, tagged in zip(docs, tags, strict=True):
        atts = find_attributions(doc, tagged=[tuple(t) for t in tagged])
        out.append([a.model_dump(mode="json") for a in atts])
    return time.process_time() - start, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("prep", "run"))
    ap.add_argument("folder", nargs="?", type=Path, help="prep: a folder of .txt stories")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimx-attribution-cpu"))
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if args.step == "prep":
        if args.folder is None:
            ap.error("prep needs a folder")
        prep(args.folder, args.limit, args.cache)
        return 0
    times = []
    for _ in range(args.passes):
        spent, out = one_pass(args.cache)
        times.append(spent)
    if args.out is not None:
        args.out.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print("CPU s per pass: " + " ".join(f"{t:.2f}" for t in times) + f"; smallest {min(times):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
