"""One document as the figure rules see it: pieces of text, a character -> token map, and
the number being built (``Num``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from claimx.extractors.figures.lexicon import PIECE_RE, Phrases, lexicon
from claimx.extractors.figures.numbers import close_gap
from claimx.nlp.spans import sentence_spans, source_text
from claimx.schema import Span

#: digit groups joined by hyphens that name rather than count: "1-800-273-8255", "2024-03-01",
#: seasons and fiscal years "2022-23", "1998/99"
CODE_RE = re.compile(r"(?<![\w.,])\d+(?:-\d+){2,}(?![\w])|(?<![\w.,])(?:1[89]|20)\d\d[-–/]\d\d(?![\w%])")
URL_RE = re.compile(r"(?:https?://|www\.)\S+")
PHONE_RE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w])"
    r"|(?<![\w.])\+\d{1,3}(?:[\s-]\d{2,4}){2,4}(?![\w])"
)
_DATE_LABELS = {"DATE", "TIME"}


class Piece(NamedTuple):
    start: int
    end: int
    text: str
    low: str


@dataclass
class Num:
    i0: int  # first piece (currency prefix included)
    i1: int  # piece after the expression
    start: int
    end: int
    value: float
    core: tuple[int, int]  # characters of the digits / number words
    last_char: int  # a character inside the last token of the number expression
    currency: str | None = None
    cur_span: tuple[int, int] | None = None
    unit: str | None = None
    unit_kind: str | None = None  # percent / quantity
    unit_span: tuple[int, int] | None = None
    scaled: bool = False
    scale: float = 1.0
    ordinal: bool = False
    is_int_literal: bool = False  # digits only, no separators / decimals
    has_sep: bool = False
    low: float | None = None
    high: float | None = None
    is_range: bool = False
    approximate: bool = False
    qualifier: str | None = None
    q_start: int | None = None
    change: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Ctx:
    """One document: the pieces, a character -> token map and the entity labels."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # the input as decoded: offsets are the same as doc.text's
        self.source = source_text(doc)
        self.text = self.source
        self.lex = lexicon()
        self.pieces = [
            Piece(m.start(), m.end(), w, w.lower()) for m in PIECE_RE.finditer(self.text) for w in (m.group(0),)
        ]
        self.tok_starts = [int(x) for x in doc.to_array([IDX]).ravel()] if len(doc) else []
        self.phones = [(m.start(), m.end()) for m in PHONE_RE.finditer(self.text)]
        self.phones += [(m.start(), m.end()) for m in CODE_RE.finditer(self.text)]
        self.phones += [(m.start(), m.end()) for m in URL_RE.finditer(self.text)]
        # spans.make_span / spans.sentence_index, with the source text and the sentence
        # starts fetched once per document (both are rebuilt on every access otherwise)
        self.sent_starts = [start for start, _, _ in sentence_spans(doc)]

    def span(self, start: int, end: int) -> Span:
        return Span(text=self.source[start:end], start=start, end=end)

    def sentence(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def token_at(self, char: int) -> Token | None:
        if not len(self.doc):
            return None
        i = bisect_right(self.tok_starts, char) - 1
        if i < 0:
            return None
        return self.doc[i]

    def low(self, i: int) -> str:
        return self.pieces[i].low if 0 <= i < len(self.pieces) else ""

    def attached(self, i: int, j: int) -> bool:
        """Piece ``j`` starts exactly where piece ``i`` ends."""
        n = len(self.pieces)
        return 0 <= i < n and 0 <= j < n and self.pieces[i].end == self.pieces[j].start

    def gap(self, i: int, j: int) -> str:
        """The text between piece ``i`` and piece ``j`` (j > i)."""
        return self.text[self.pieces[i].end : self.pieces[j].start]

    def close(self, i: int, j: int) -> bool:
        """Pieces ``i`` and ``j`` are neighbours separated by at most a little white space."""
        n = len(self.pieces)
        if not (0 <= i < n and 0 <= j < n):
            return False
        return close_gap(self.gap(i, j))

    def match_forward(self, i: int, phrases: Phrases) -> int:
        """Length of the longest phrase starting at piece ``i`` (0 when none)."""
        return self.match_map_forward(i, phrases)[0]

    def match_map_forward(self, i: int, phrases: Phrases) -> tuple[int, str]:
        """Length and value of the longest phrase starting at piece ``i`` ((0, "") when none)."""
        if not 0 <= i < len(self.pieces):
            return 0, ""
        for ph, val in phrases.by_first.get(self.pieces[i].low, ()):
            n = len(ph)
            if i + n > len(self.pieces):
                continue
            if all(self.pieces[i + k].low == ph[k] for k in range(n)) and all(
                self.close(i + k - 1, i + k) for k in range(1, n)
            ):
                return n, val
        return 0, ""

    def match_backward(self, i: int, phrases: Phrases) -> int:
        """Length of the longest phrase ending at piece ``i - 1`` (0 when none)."""
        if not 1 <= i <= len(self.pieces):
            return 0
        for ph, _ in phrases.by_last.get(self.pieces[i - 1].low, ()):
            n = len(ph)
            s = i - n
            if s < 0:
                continue
            if all(self.pieces[s + k].low == ph[k] for k in range(n)) and all(
                self.close(s + k, s + k + 1) for k in range(n)
            ):
                return n
        return 0


class PieceWords(Sequence[tuple[str, str]]):
    """The pieces from ``i`` on as (lower-cased text, text before it) pairs, read lazily."""

    def __init__(self, ctx: Ctx, i: int) -> None:
        self.ctx = ctx
        self.i = i

    def __len__(self) -> int:
        return max(0, len(self.ctx.pieces) - self.i)

    @overload
    def __getitem__(self, k: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, k: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        if isinstance(k, slice):
            return [self[m] for m in range(*k.indices(len(self)))]
        j = self.i + k
        glue = self.ctx.gap(j - 1, j) if k > 0 else ""
        return self.ctx.pieces[j].low, glue
