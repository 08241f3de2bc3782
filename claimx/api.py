"""The library API: ``extract`` one text, ``extract_many`` a stream of them; ``add_to`` a
pipeline of your own and ``to_article`` for what its docs carry."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimx.document import Document
from claimx.nlp import pipeline
from claimx.nlp.spans import sentence_spans
from claimx.schema import Article, Sentence


def make_doc(nlp: Language, text: str) -> Doc:
    """A tokenized Doc over the cleaned text, remembering the text as decoded."""
    from claimx.extractors.wire import normalize

    doc = nlp.make_doc(normalize(text))
    doc._.source_text = text
    return doc


def add_to(nlp: Language, *, fast: bool = False) -> Language:
    """Add claimx's components, in order, to a loaded spaCy pipeline ``nlp`` (English, with
    a parser and an entity recognizer); ``fast``: attributions from the parse rules alone,
    without the learned tagger. Returns ``nlp``. Then ``claimx.to_article(nlp(text))``
    gives what :func:`extract` gives (exactly so with ``nlp(make_doc(nlp, text))``, which
    reads hard-wrapped lines and odd spaces as :func:`extract` does)::

        nlp = spacy.load("en_core_web_sm")
        claimx.add_to(nlp)
        article = claimx.to_article(nlp(claimx.make_doc(nlp, text)))
    """
    return pipeline.add_components(nlp, learned=not fast)


def to_article(doc: Doc, document: Document | None = None) -> Article:
    """Collect what claimx's components left on ``doc`` into an :class:`Article`; id, meta,
    encoding and warnings come from ``document`` (by default: id "article", as
    :func:`extract`)."""
    if document is None:
        text = doc._.source_text
        document = Document(id="article", text=text if text is not None else doc.text)
    sents = [Sentence(index=i, start=s, end=e, headline=h) for i, (s, e, h) in enumerate(sentence_spans(doc))]
    return Article(
        id=document.id,
        text=document.text,
        headline=doc._.headline,
        dateline=doc._.dateline,
        sentences=sents,
        actors=doc._.actors or [],
        attributions=doc._.attributions or [],
        figures=doc._.figures or [],
        stances=doc._.stances or [],
        claims=doc._.claims or [],
        meta=document.meta,
        encoding=document.encoding,
        warnings=document.warnings,
    )


def _as_document(item: str | Document | Mapping[str, Any], n: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=str(n), text=item)
    rec = dict(item)
    text = rec.pop("text", None)
    if not isinstance(text, str):
        raise TypeError(f"record {n} has no text")
    ident = rec.pop("id", None)
    return Document(id=str(ident) if ident is not None else str(n), text=text, meta=rec)


def extract(text: str, *, model: str | None = None, id: str = "article", fast: bool = False) -> Article:
    """Extract headline, dateline, actors, attributions, figures, stances and claims.
    ``fast``: attributions from the parse rules alone, without the learned tagger."""
    return next(extract_many([Document(id=id, text=text)], model=model, fast=fast))


def extract_many(
    items: Iterable[str | Document | Mapping[str, Any]],
    *,
    model: str | None = None,
    batch_size: int = 16,
    fast: bool = False,
) -> Iterator[Article]:
    """Stream articles for texts (ids "1", "2", ...), ``{"id", "text", ...}`` records (other
    fields go to ``meta``) or :class:`Document` objects, in input order."""
    nlp = pipeline.load(model, learned=not fast)
    docs = (_as_document(item, n) for n, item in enumerate(items, 1))
    yield from process(nlp, docs, batch_size=batch_size)


def process(nlp: Language, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Article]:
    """Run ``nlp`` over documents, in order, streaming. A text longer than a piece
    (:data:`claimx.nlp.chunking.CHUNK_CHARS`) is processed in pieces and put back together."""
    from claimx.nlp import chunking

    # per document: how many docs it became and where each piece starts
    pending: deque[tuple[Document, list[int]]] = deque()

    def gen() -> Iterator[Doc]:
        for document in documents:
            limit = min(chunking.CHUNK_CHARS, nlp.max_length)
            if len(document.text) <= limit:
                pending.append((document, [0]))
                yield make_doc(nlp, document.text)
                continue
            pieces = chunking.split_points(document.text, limit)
            pending.append((document, [s for s, _ in pieces]))
            for start, end in pieces:
                yield make_doc(nlp, document.text[start:end])

    parts: list[tuple[int, Article]] = []
    for doc in nlp.pipe(gen(), batch_size=batch_size):
        document, offsets = pending[0]
        if len(offsets) == 1:
            pending.popleft()
            yield to_article(doc, document)
            continue
        piece = Document(id=document.id, text=doc._.source_text)
        parts.append((offsets[len(parts)], to_article(doc, piece)))
        if len(parts) == len(offsets):
            pending.popleft()
            whole = Article(
                id=document.id,
                text=document.text,
                meta=document.meta,
                encoding=document.encoding,
                warnings=[*document.warnings, f"long text processed in {len(parts)} pieces"],
            )
            yield chunking.merge(parts, whole)
            parts = []
