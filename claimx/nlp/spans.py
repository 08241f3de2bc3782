"""Building spans that always point into the text as decoded."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from claimx.nlp import extensions as _ext  # noqa: F401  (registers the Doc extensions)
from claimx.schema import Span


def clean_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins the tokens anew on every access)."""
    text = doc.user_data.get("claimx.text")
    if text is None:
        text = doc.user_data["claimx.text"] = doc.text
    return text


def _token_bounds(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Each token's first character, end, and end with its trailing white space (built once
    per doc)."""
    bounds = doc.user_data.get("claimx.token_bounds")
    if bounds is None or len(bounds[0]) != len(doc):
        arr = doc.to_array([IDX, LENGTH, SPACY]).astype("int64")
        ends = arr[:, 0] + arr[:, 1]
        bounds = doc.user_data["claimx.token_bounds"] = (arr[:, 0].tolist(), ends.tolist(), (ends + arr[:, 2]).tolist())
    return bounds


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token indices ``[first, last)`` of ``doc.char_span(start, end,
    alignment_mode="expand")``, or None where it gives None; without the Token objects spaCy
    builds on the way (a bisection over offsets cached on the doc)."""
    starts, ends, ws_ends = _token_bounds(doc)

    def token_at(char: int) -> int:
        i = bisect_right(starts, char) - 1
        return i if i >= 0 and char < ws_ends[i] else -1

    first, last = token_at(start), token_at(end - 1)
    if first < 0 or last < 0:
        return None
    if start == ends[first]:
        first += 1
    if last + 1 < first:  # an empty or reversed range: as spaCy does, whatever it does
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last + 1


def expand_span(doc: Doc, start: int, end: int) -> TokenSpan | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, the same span, found faster
    (``token_range``)."""
    toks = token_range(doc, start, end)
    return None if toks is None else TokenSpan(doc, *toks)


def source_text(doc: Doc) -> str:
    """The text offsets refer to: the input as decoded (``doc.text`` may only differ by
    same-length substitutions such as re-flowed line breaks)."""
    text = doc._.source_text
    return text if text is not None else clean_text(doc)


def make_span(doc: Doc, start: int, end: int) -> Span:
    """A contract span over ``[start, end)`` of the source text."""
    return Span(text=source_text(doc)[start:end], start=start, end=end)


def trim(doc: Doc, start: int, end: int, chars: str = " \t\r\n,;:") -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and the given punctuation at either end."""
    text = clean_text(doc)
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def sentence_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """(start, end, is_headline) of each output sentence; the wire component's when it ran,
    else spaCy's own sentences."""
    spans = doc._.sentence_spans
    if spans is not None:
        return list(spans)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start_char, s.end_char, False) for s in doc.sents if s.text.strip()]
    text = clean_text(doc)
    return [(0, len(text), False)] if text.strip() else []


def sentence_index(doc: Doc, char: int) -> int:
    """Index of the output sentence holding character offset ``char`` (the nearest before
    it when it falls between sentences)."""
    starts = doc.user_data.get("claimx.sentence_starts") if doc._.sentence_spans is not None else None
    if starts is None:
        starts = [s for s, _, _ in sentence_spans(doc)]
        if doc._.sentence_spans is not None:
            doc.user_data["claimx.sentence_starts"] = starts
    return max(0, bisect_right(starts, char) - 1)
