"""Docs parsed and tagged once, kept on disk, for the benchmarks that re-run only the
attribution step (attribution_cpu.py, attribution_eval.py): a DocBin of the parses and a
pickle of what the DocBin does not keep (source text, headline, dateline) and the tagger's
spans. Only the parse and the tagger are cached, so a change to either needs a new ``prep``."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: the components left to run after the cache: actors (cheap) and what the benchmarks time
LATER = ["claimx_actors", "claimx_attributions", "claimx_figures", "claimx_stances", "claimx_claims"]


def save(texts: Iterable[str], cache: Path, batch_size: int = 1000) -> int:
    """Parse and tag ``texts`` with claimx's pipeline up to the actors into ``cache``; the count."""
    from spacy.tokens import DocBin

    from claimx.api import make_doc
    from claimx.extractors.attributions import tag_many
    from claimx.nlp import pipeline

    nlp = pipeline.load()
    docs = list(nlp.pipe((make_doc(nlp, t) for t in texts), disable=LATER, batch_size=batch_size))
    tags = tag_many(docs)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(cache / "docs.spacy")
    extra = [(d._.source_text, d._.headline, d._.dateline) for d in docs]
    (cache / "extra.pkl").write_bytes(pickle.dumps((extra, tags)))
    return len(docs)


def load(cache: Path) -> list[tuple[Any, Any]]:
    """(doc, tagger spans) for every doc in ``cache``, with its source text, headline and
    dateline restored and the actor component run, ready for ``find_attributions``."""
    from spacy.tokens import DocBin

    from claimx.nlp import pipeline
    from claimx.nlp.components import ActorFinder

    nlp = pipeline.load()
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    extra, tags = pickle.loads((cache / "extra.pkl").read_bytes())
    for doc, (source, headline, dateline) in zip(docs, extra, strict=True):
        doc._.source_text, doc._.headline, doc._.dateline = source, headline, dateline
        ActorFinder()(doc)
    return list(zip(docs, tags, strict=True))
