"""claimx's spaCy components: each matches on the doc and sets its ``doc._`` attributes, as
plain data (see :mod:`claimx.nlp.extensions`).

Registered as factories (and through the ``spacy_factories`` entry point) with the attributes
they need and set, so ``nlp.analyze_pipes()`` checks their order; ``claimx.add_to(nlp)`` adds
them all, in order, to any English pipeline with a parser and NER.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from claimx.nlp import extensions

_ACTORS = ["doc._.actors", "doc._.actor_index"]


def _plain(records: Iterable[BaseModel]) -> list[dict[str, Any]]:
    return [r.model_dump(mode="json") for r in records]


class WireStructure:
    """Headline, dateline and paragraph-level sentence starts; goes before the parser."""

    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.wire import set_structure

        return set_structure(doc)


class ActorFinder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.actors import find_actors
        from claimx.extractors.wire import sentence_spans

        doc._.sentence_spans = sentence_spans(doc)
        find_actors(doc).save(doc)
        return doc


class AttributionFinder:
    """``learned=False`` leaves the tagger out: parse rules alone, faster, less accurate."""

    def __init__(self, learned: bool = True) -> None:
        self.learned = learned

    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.attributions import find_attributions

        doc._.attributions = _plain(find_attributions(doc, learned=self.learned))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Batches go through the learned tagger together."""
        from claimx.extractors.attributions import find_attributions, tag_many

        for batch in minibatch(docs, size=batch_size):
            tags = tag_many(batch) if self.learned else [None] * len(batch)
            for doc, tagged in zip(batch, tags, strict=True):
                doc._.attributions = _plain(find_attributions(doc, tagged=tagged, learned=self.learned))
                yield doc


class FigureFinder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.figures import find_figures

        doc._.figures = _plain(find_figures(doc))
        return doc


class StanceFinder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.stances import find_stances

        doc._.stances = _plain(find_stances(doc))
        return doc


class ClaimBuilder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.claims import build_claims

        doc._.claims = _plain(build_claims(doc))
        return doc


def _ensure_extensions() -> None:
    extensions.register()


@Language.factory(
    "claimx_wire",
    assigns=["doc._.headline", "doc._.dateline", "token.is_sent_start"],
)
def make_wire(nlp: Language, name: str) -> WireStructure:
    _ensure_extensions()
    return WireStructure()


@Language.factory(
    "claimx_actors",
    requires=["token.tag", "token.dep", "doc.ents"],
    assigns=["doc._.sentence_spans", *_ACTORS],
)
def make_actors(nlp: Language, name: str) -> ActorFinder:
    _ensure_extensions()
    return ActorFinder()


@Language.factory(
    "claimx_attributions",
    default_config={"learned": True},
    requires=["token.dep", *_ACTORS],
    assigns=["doc._.attributions", *_ACTORS],
)
def make_attributions(nlp: Language, name: str, learned: bool) -> AttributionFinder:
    _ensure_extensions()
    return AttributionFinder(learned)


@Language.factory("claimx_figures", requires=["token.dep"], assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FigureFinder:
    _ensure_extensions()
    return FigureFinder()


@Language.factory(
    "claimx_stances",
    requires=["token.dep", *_ACTORS],
    assigns=["doc._.stances", *_ACTORS],
)
def make_stances(nlp: Language, name: str) -> StanceFinder:
    _ensure_extensions()
    return StanceFinder()


@Language.factory(
    "claimx_claims",
    requires=["doc._.attributions", "doc._.figures", "doc._.stances", *_ACTORS],
    assigns=["doc._.claims"],
)
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    _ensure_extensions()
    return ClaimBuilder()
