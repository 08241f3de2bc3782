"""claimx's spaCy components: each matches on the doc and sets its ``doc._`` attribute.

Registered as factories (and through the ``spacy_factories`` entry point), so
``nlp.add_pipe("claimx_attributions")`` works in any English pipeline with a parser and NER.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from claimx.nlp import extensions


class WireStructure:
    """Headline, dateline and paragraph-level sentence starts; goes before the parser."""

    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.wire import set_structure

        return set_structure(doc)


class ActorFinder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.actors import find_actors
        from claimx.extractors.coref import resolve_pronouns
        from claimx.extractors.wire import sentence_spans

        doc._.sentence_spans = sentence_spans(doc)
        table = find_actors(doc)
        resolve_pronouns(doc, table)
        doc._.actor_table = table
        doc._.actors = table.actors()
        doc._.mention_actor = table.mention_actor
        return doc


class AttributionFinder:
    """``learned=False`` leaves the tagger out: parse rules alone, faster, less accurate."""

    def __init__(self, learned: bool = True) -> None:
        self.learned = learned

    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.attributions import find_attributions

        doc._.attributions = find_attributions(doc, learned=self.learned)
        _link_speakers(doc)
        _refresh_actors(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Batches go through the learned tagger together."""
        from claimx.extractors.attributions import find_attributions, tag_many

        for batch in minibatch(docs, size=batch_size):
            tags = tag_many(batch) if self.learned else [None] * len(batch)
            for doc, tagged in zip(batch, tags, strict=True):
                doc._.attributions = find_attributions(doc, tagged=tagged, learned=self.learned)
                _link_speakers(doc)
                _refresh_actors(doc)
                yield doc


class FigureFinder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.figures import find_figures

        doc._.figures = find_figures(doc)
        return doc


class StanceFinder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.stances import find_stances

        doc._.stances = find_stances(doc)
        _refresh_actors(doc)
        return doc


class ClaimBuilder:
    def __call__(self, doc: Doc) -> Doc:
        from claimx.extractors.claims import build_claims

        doc._.claims = build_claims(doc)
        return doc


def _link_speakers(doc: Doc) -> None:
    from claimx.extractors.coref import link_speakers

    if doc._.actor_table is not None:
        link_speakers(doc, doc._.actor_table, doc._.attributions)


def _refresh_actors(doc: Doc) -> None:
    table = doc._.actor_table
    if table is not None:
        doc._.actors = table.actors()


def _ensure_extensions() -> None:
    extensions.register()


@Language.factory("claimx_wire")
def make_wire(nlp: Language, name: str) -> WireStructure:
    _ensure_extensions()
    return WireStructure()


@Language.factory("claimx_actors")
def make_actors(nlp: Language, name: str) -> ActorFinder:
    _ensure_extensions()
    return ActorFinder()


@Language.factory("claimx_attributions", default_config={"learned": True})
def make_attributions(nlp: Language, name: str, learned: bool) -> AttributionFinder:
    _ensure_extensions()
    return AttributionFinder(learned)


@Language.factory("claimx_figures")
def make_figures(nlp: Language, name: str) -> FigureFinder:
    _ensure_extensions()
    return FigureFinder()


@Language.factory("claimx_stances")
def make_stances(nlp: Language, name: str) -> StanceFinder:
    _ensure_extensions()
    return StanceFinder()


@Language.factory("claimx_claims")
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    _ensure_extensions()
    return ClaimBuilder()
