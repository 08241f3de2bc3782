"""Figures: numbers in the text with their qualifiers, units, changes and what they count.

``find_figures(doc)`` scans the text with a small lexer of its own (numbers attached to
symbols and units, number words, scale words), then uses spaCy's parse and entity labels
for the context: what a number counts, whether it is a rise or fall, and whether it is a
date, a time or part of a name. All word lists live in ``claimx/models/figures.json``.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from claimx.data import load
from claimx.nlp import syntax
from claimx.nlp.spans import sentence_spans, source_text
from claimx.schema import Figure, Span

__all__ = ["find_figures"]

_PIECE_RE = re.compile(r"[0-9](?:[0-9,.]*[0-9])?|[^\W\d_]+|\S")
_COMMA_NUM = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_PLAIN_NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_PHONE_RE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w])"
    r"|(?<![\w.])\+\d{1,3}(?:[\s-]\d{2,4}){2,4}(?![\w])"
)
_MAX_DIGITS = 40
_DATE_LABELS = {"DATE", "TIME"}


class _Piece(NamedTuple):
    start: int
    end: int
    text: str
    low: str


@dataclass
class _Num:
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


class _Lex:
    """The figures lexicon, prepared for lookups."""

    def __init__(self, data: dict[str, Any]) -> None:
        low = _lower_keys
        self.number_words: dict[str, float] = low(data["number_words"])
        self.word_scales: dict[str, float] = low(data["word_scales"])
        self.suffix_scales: dict[str, float] = low(data["suffix_scales"])
        self.vague: dict[str, float] = low(data["vague_plurals"])
        self.fractions: dict[str, float] = low(data["fractions"])
        self.fraction_numerators = {w.lower() for w in data["fraction_numerators"]}
        self.denominators = {int(d) for d in data["fraction_denominators"]}
        self.ordinal_words: dict[str, float] = low(data["ordinal_words"])
        self.ordinal_suffixes = {w.lower() for w in data["ordinal_suffixes"]}
        self.approx = _phrases(data["approximate"])
        self.lower = _phrases(data["lower_bound"])
        self.upper = _phrases(data["upper_bound"])
        self.after_lower = _phrases(data["after_lower_bound"])
        self.after_upper = _phrases(data["after_upper_bound"])
        self.after_approx = _phrases(data["after_approximate"])
        self.cur_symbols: dict[str, str] = low(data["currency_symbols"])
        self.cur_codes = {c.upper() for c in data["currency_codes"]}
        self.cur_aliases: dict[str, str] = low(data["currency_code_aliases"])
        self.cur_words = _phrase_map(data["currency_words"])
        self.money_trailers = _phrases(data["money_trailers"])
        self.percent_words = _phrase_map(data["percent_words"])
        self.units = _phrase_map(data["units"])
        self.attached_units = {u.lower() for u in data["attached_units"]}
        self.attached_single: dict[str, str] = dict(data["attached_single_units"])
        self.unit_canon: dict[str, str] = low(data["units"])
        self.durations = {w.lower() for w in data["duration_units"]}
        self.months = {w.lower() for w in data["months"]}
        self.weekdays = {w.lower() for w in data["weekdays"]}
        self.time_words = _phrases(data["time_words"])
        self.year_preps = {w.lower() for w in data["year_prepositions"]}
        self.name_ok = {w.lower() for w in data["name_number_ok_before"]}
        self.up_verbs = {w.lower() for w in data["change_up_verbs"]}
        self.down_verbs = {w.lower() for w in data["change_down_verbs"]}
        self.up_nouns = {w.lower() for w in data["change_up_nouns"]}
        self.down_nouns = {w.lower() for w in data["change_down_nouns"]}
        self.up_adverbs = {w.lower() for w in data["change_up_adverbs"]}
        self.down_adverbs = {w.lower() for w in data["change_down_adverbs"]}
        self.neutral_verbs = {w.lower() for w in data["change_neutral_verbs"]}
        self.rel_pronouns = {w.lower() for w in data["relative_pronouns"]}
        self.plain_before = {w.lower() for w in data["plain_before"]}


def _lower_keys(d: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in d.items()}


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in _PIECE_RE.finditer(phrase))


class _Phrases:
    """Lexicon phrases as lower-cased word tuples (with a value each, "" for plain lists),
    longest first, grouped by their first and by their last word."""

    def __init__(self, items: dict[tuple[str, ...], str]) -> None:
        ordered = sorted(items.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for ph, val in ordered:
            self.by_first.setdefault(ph[0], []).append((ph, val))
            self.by_last.setdefault(ph[-1], []).append((ph, val))


def _phrases(words: list[str]) -> _Phrases:
    return _Phrases({_split(w): "" for w in words if _split(w)})


def _phrase_map(d: dict[str, str]) -> _Phrases:
    return _Phrases({_split(k): v for k, v in d.items() if _split(k)})


@cache
def _lex() -> _Lex:
    return _Lex(load("figures"))


# --------------------------------------------------------------------------- helpers


class _Ctx:
    """One document: the pieces, a character -> token map and the entity labels."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # the input as decoded: offsets are the same as doc.text's
        self.source = source_text(doc)
        self.text = self.source
        self.lex = _lex()
        self.pieces = [
            _Piece(m.start(), m.end(), w, w.lower()) for m in _PIECE_RE.finditer(self.text) for w in (m.group(0),)
        ]
        self.tok_starts = [int(x) for x in doc.to_array([IDX]).ravel()] if len(doc) else []
        self.phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(self.text)]
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
        g = self.gap(i, j)
        return len(g) <= 2 and "\n" not in g and not g.strip()

    def match_forward(self, i: int, phrases: _Phrases) -> int:
        """Length of the longest phrase starting at piece ``i`` (0 when none)."""
        return self.match_map_forward(i, phrases)[0]

    def match_map_forward(self, i: int, phrases: _Phrases) -> tuple[int, str]:
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

    def match_backward(self, i: int, phrases: _Phrases) -> int:
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


def _num_value(text: str) -> float | None:
    """The value of a digit string ("1,200", "3.5"), or None when it is not a plain number."""
    if len(text) > _MAX_DIGITS:
        return None
    if "," in text:
        if not _COMMA_NUM.fullmatch(text):
            return None
        text = text.replace(",", "")
    elif not _PLAIN_NUM.fullmatch(text):
        return None
    try:
        v = float(text)
    except (ValueError, OverflowError):
        return None
    return v if math.isfinite(v) else None


def _as_number(v: float | None) -> float | int | None:
    if v is None or not math.isfinite(v):
        return None
    r = round(v)
    if abs(v - r) < 1e-9 * max(1.0, abs(v)) and abs(v) < 1e15:
        return int(r)
    return float(v)


# --------------------------------------------------------------------------- lexing


class _Scanner:
    def __init__(self, ctx: _Ctx) -> None:
        self.c = ctx
        self.lx = ctx.lex
        self.p = ctx.pieces

    # ---- digits -----------------------------------------------------------------
    def _prefix(self, i: int) -> tuple[int, str | None, bool, bool]:
        """Look left of digit piece ``i``: (first piece, currency, negative, ok)."""
        c, p, lx = self.c, self.p, self.lx
        if i == 0:
            return i, None, False, True
        prev = p[i - 1]
        att = c.attached(i - 1, i)
        # "$", "£", "US$", "C$", "$US", "Y=", "EUR", "RM", "Rs"
        best: tuple[int, str] | None = None
        for k in (3, 2, 1):
            s = i - k
            if s < 0:
                continue
            if not all(c.attached(s + m, s + m + 1) for m in range(k - 1)):
                continue
            last_ok = att or (c.close(i - 1, i) and p[i - 1].text not in ("-", "−"))
            if not last_ok:
                continue
            key = "".join(p[s + m].low for m in range(k))
            cur = self._currency_key(key, p[s + m].text if (m := k - 1) >= 0 else "", att)
            if cur:
                best = (s, cur)
                break
        if best is not None:
            s, cur = best
            # "US $1.1 million", "U.S. $5"
            if s >= 1 and p[s].text == "$":
                n = c.match_backward(s, lx.money_trailers)
                if n and c.close(s - 1, s):
                    s -= n
            return s, cur, False, True
        if att and prev.text in ("-", "−", "–"):
            if i >= 2 and c.attached(i - 2, i - 1):
                before = p[i - 2]
                if before.low in ("minus",):
                    return i - 2, None, True, True
                if before.low == "sub":
                    return i, None, False, True
                if before.text[0].isdigit():
                    return i, None, False, True
                if before.text.isalpha() or before.text in ("#",):
                    return i, None, False, False
                return i, None, prev.text != "–", True
            return i - 1, None, True, True
        if att and prev.low == "minus":
            return i - 1, None, True, True
        if att and (prev.text.isalpha() or prev.text in ("#", "№", "_", "/", "\\", "@")):
            return i, None, False, False
        if not att and prev.low == "minus" and c.close(i - 1, i):
            return i - 1, None, True, True
        return i, None, False, True

    def _currency_key(self, key: str, last_text: str, attached: bool) -> str | None:
        lx = self.lx
        if key.startswith("$") and len(key) > 1 and key[1:].isalpha():
            key = key[1:] + "$"
        if key in lx.cur_symbols:
            if key in ("ps", "r", "rm", "rs") and not attached:
                return None
            if key == "r" and last_text != "R":
                return None
            return lx.cur_symbols[key]
        if key.upper() in lx.cur_codes:
            return "CNY" if key.upper() == "RMB" else key.upper()
        if key in lx.cur_aliases and attached:
            return lx.cur_aliases[key]
        return None

    def scan_digits(self, i: int) -> tuple[_Num | None, int]:
        c, p, lx = self.c, self.p, self.lx
        piece = p[i]
        i0, currency, negative, ok = self._prefix(i)
        if not ok:
            return None, i + 1
        val = _num_value(piece.text)
        if val is None:
            return None, i + 1
        nxt = i + 1
        core_end = piece.end
        has_sep = "," in piece.text
        is_int_literal = piece.text.isdigit()
        # times "4:39", fractions "1/16", dates "3/4/2020", ratios
        if c.attached(i, nxt) and c.low(nxt) in (":", "/", "⁄") and c.attached(nxt, nxt + 1):
            sep = c.low(nxt)
            if nxt + 1 < len(p) and p[nxt + 1].text[0].isdigit():
                if sep == ":":
                    return None, nxt + 2
                den = _num_value(p[nxt + 1].text)
                if c.attached(nxt + 1, nxt + 2) and c.low(nxt + 2) in ("/", "⁄", "-"):
                    return None, nxt + 3
                if den is None or den == 0 or val >= den or int(den) not in lx.denominators:
                    return None, nxt + 2
                frac = val / den
                # "2 1/2"
                if i0 == i and i >= 1 and p[i - 1].text.isdigit() and c.close(i - 1, i):
                    whole = _num_value(p[i - 1].text)
                    if whole is not None:
                        frac += whole
                        i0 = i - 1
                val = frac
                core_end = p[nxt + 1].end
                nxt += 2
                is_int_literal = False
        num = _Num(
            i0=i0,
            i1=nxt,
            start=p[i0].start,
            end=core_end,
            value=-val if negative else val,
            core=(piece.start, core_end),
            last_char=core_end - 1,
            currency=currency,
            cur_span=(p[i0].start, piece.start) if currency else None,
            has_sep=has_sep,
            is_int_literal=is_int_literal and not negative and not currency,
        )
        # attached suffix
        if c.attached(nxt - 1, nxt) and nxt < len(p):
            suf = p[nxt]
            if suf.text == "%":
                self._set_percent(num, nxt, 1, "percent")
                nxt += 1
            elif suf.text.isalpha() or suf.text in ("″", "°", "μ"):
                s = suf.low
                letters_follow = c.attached(nxt, nxt + 1) and c.low(nxt + 1).isalpha()
                if s in lx.ordinal_suffixes and is_int_literal and not letters_follow:
                    num.ordinal = True
                    num.end = suf.end
                    num.last_char = suf.end - 1
                    nxt += 1
                elif s in lx.suffix_scales and (s not in ("m", "b") or currency or self._noun_after(nxt)):
                    num.value *= lx.suffix_scales[s]
                    num.scaled = True
                    num.scale = lx.suffix_scales[s]
                    num.end = suf.end
                    num.last_char = suf.end - 1
                    nxt += 1
                elif s in ("am", "pm"):
                    return None, nxt + 1
                elif suf.text == "°" and c.attached(nxt, nxt + 1) and c.low(nxt + 1) in ("c", "f"):
                    self._set_unit(num, nxt, 2, lx.unit_canon.get("°" + c.low(nxt + 1), "degree"))
                    nxt += 2
                elif (s in lx.attached_units if len(s) > 1 else suf.text in lx.attached_single) and not letters_follow:
                    if s == "p" and p[nxt].text != "p":
                        return None, nxt + 1
                    if s == "p":
                        num.currency = "pence"
                        num.cur_span = (suf.start, suf.end)
                        num.end = suf.end
                    else:
                        canon = lx.attached_single.get(suf.text) or lx.unit_canon.get(s, suf.text)
                        self._set_unit(num, nxt, 1, canon)
                    nxt += 1
                else:
                    return None, nxt + 1
            elif suf.text == "+":
                num.low = num.value
                num.qualifier = "+"
                num.end = suf.end
                nxt += 1
            elif suf.text in ("'", "’") and c.low(nxt + 1) == "s":
                return None, nxt + 2
            elif suf.text == "=" and c.low(nxt - 1).isdigit():
                pass
        num.i1 = nxt
        self._after_number(num)
        return num, num.i1

    def _noun_after(self, j: int) -> bool:
        """The piece after ``j`` is a (plural) noun or unit: "12.3m tonnes", "1.5m people"."""
        c = self.c
        k = j + 1
        if k >= len(self.p) or not c.close(j, k):
            return False
        if c.match_map_forward(k, self.lx.units)[0] or c.match_map_forward(k, self.lx.cur_words)[0]:
            return True
        tok = c.token_at(self.p[k].start)
        return tok is not None and tok.tag_ in ("NNS", "NNPS") and self.p[k].text.islower()

    def _set_percent(self, num: _Num, j: int, n: int, unit: str) -> None:
        self._set_unit(num, j, n, unit, kind="percent")

    def _set_unit(self, num: _Num, j: int, n: int, unit: str, kind: str = "quantity") -> None:
        end = self.p[j + n - 1].end
        num.unit = unit
        num.unit_kind = kind
        num.unit_span = (self.p[j].start, end)
        num.end = max(num.end, end)

    # ---- after the number: scale words, "and a half", units ------------------------
    def _after_number(self, num: _Num) -> None:
        c, p, lx = self.c, self.p, self.lx
        j = num.i1
        if num.ordinal:
            return
        if not num.unit and not num.scaled:
            while j < len(p) and c.close(j - 1, j) and p[j].low in lx.word_scales:
                if p[j].low == "dozen":
                    break
                num.value *= lx.word_scales[p[j].low]
                num.scale *= lx.word_scales[p[j].low]
                num.scaled = True
                num.end = p[j].end
                num.last_char = p[j].end - 1
                j += 1
        # "two and a half"
        if (
            not num.unit
            and j + 2 < len(p)
            and [p[j].low, p[j + 1].low, p[j + 2].low] == ["and", "a", "half"]
            and c.close(j - 1, j)
        ):
            num.value += 0.5 * num.scale
            num.end = p[j + 2].end
            num.last_char = p[j + 2].end - 1
            j += 3
        num.i1 = j
        if num.unit or (num.currency and num.currency != "pence"):
            self._money_trailer(num)
            self._per_unit(num)
            return
        if j >= len(p) or not c.close(j - 1, j):
            return
        hyphen = p[j].text in ("-", "–") and c.attached(j - 1, j) and c.attached(j, j + 1)
        k = j + 1 if hyphen else j
        if k < len(p) and p[k].text[0].isdigit():
            return
        n, val = c.match_map_forward(k, lx.percent_words)
        if (n and not hyphen) or (n and hyphen and val == "percent"):
            self._set_percent(num, k, n, val)
            num.i1 = k + n
            return
        n, val = c.match_map_forward(k, lx.cur_words)
        if n and not hyphen and val != "pence":
            if p[k].low == "won" and not num.scaled and not num.has_sep:
                return
            if p[k].low in ("rand", "real") and not num.scaled:
                return
            num.currency = val
            num.cur_span = (p[k].start, p[k + n - 1].end)
            num.end = p[k + n - 1].end
            num.i1 = k + n
            self._money_trailer(num)
            return
        n, val = c.match_map_forward(k, lx.units)
        if n:
            word = p[k].low
            if word in ("m", "t", "l", "g", "v", "w", "ha", "in", "mi", "cc", "db") and not (
                c.attached(k - 1, k) or hyphen
            ):
                return
            if word in lx.durations and not hyphen and self._time_unit_is_name(k):
                return
            self._set_unit(num, k, n, val)
            # "15 year-old", "2,900 year-old"
            if c.attached(k + n - 1, k + n) and c.low(k + n) == "-" and c.low(k + n + 1) == "old":
                num.unit_span = (p[k].start, p[k + n + 1].end)
                num.end = p[k + n + 1].end
                n += 2
            num.i1 = k + n
            self._per_unit(num)

    def _time_unit_is_name(self, k: int) -> bool:
        return False

    def _money_trailer(self, num: _Num) -> None:
        c, p = self.c, self.p
        j = num.i1
        if num.currency and j < len(p) and c.close(j - 1, j):
            n = c.match_forward(j, self.lx.money_trailers)
            if n and p[j].text[0].isupper():
                num.end = p[j + n - 1].end
                num.i1 = j + n

    def _per_unit(self, num: _Num) -> None:
        """Nothing to extend for now: "per gram", "a day" stay outside the figure text."""
        return

    # ---- number words ----------------------------------------------------------------
    def scan_words(self, i: int) -> tuple[_Num | None, int]:
        c, p, lx = self.c, self.p, self.lx
        w = p[i].low
        n = len(p)
        # "a dozen", "a million", "a third of", "half a million", "a half"
        if w in ("a", "an", "one") and i + 1 < n and c.close(i, i + 1):
            nw = p[i + 1].low
            if nw in lx.word_scales or nw == "dozen":
                mult = 12.0 if nw == "dozen" else lx.word_scales[nw]
                num = self._mk_word(i, i + 2, mult)
                num.scaled = nw != "dozen"
                num.scale = mult if nw != "dozen" else 1.0
                self._after_number(num)
                return num, num.i1
            if nw in lx.fractions and nw not in ("half", "halves") and c.low(i + 2) == "of":
                num = self._mk_word(i, i + 2, lx.fractions[nw])
                return num, num.i1
        if w in ("a", "an") and i + 2 < n and p[i + 1].low == "half" and c.close(i, i + 1) and c.low(i + 2) != "-":
            num = self._mk_word(i, i + 2, 0.5)
            self._after_number(num)
            return num, num.i1
        if w in ("half", "halves"):
            if i >= 1 and (
                p[i - 1].low in lx.ordinal_words
                or p[i - 1].low in ("and", "other", "the", "first", "second", "a", "1st", "2nd")
                or (p[i - 1].low.isalpha() and p[i - 1].low.endswith("nd") is False and False)
            ):
                return None, i + 1
            if c.low(i + 1) == "-" and c.attached(i, i + 1):
                return None, i + 1
            if i + 2 < n and p[i + 1].low in ("a", "an") and p[i + 2].low in lx.word_scales:
                num = self._mk_word(i, i + 3, 0.5 * lx.word_scales[p[i + 2].low])
                num.scaled = True
                self._after_number(num)
                return num, num.i1
            tok = c.token_at(p[i].start)
            if tok is not None and tok.pos_ in (
                "NOUN",
                "ADJ",
                "ADV",
                "DET",
                "PRON",
                "NUM",
                "PREDET",
            ):
                num = self._mk_word(i, i + 1, 0.5)
                return num, num.i1
            return None, i + 1
        # "tens of millions", "hundreds of miles"
        if w in lx.vague and c.low(i + 1) == "of" and w != "dozens":
            base = lx.vague[w]
            lo, hi = base, base * 10
            j = i + 1
            end = p[i].end
            while j + 1 < n and p[j].low == "of" and p[j + 1].low in lx.vague and lx.vague[p[j + 1].low] > base:
                lo *= lx.vague[p[j + 1].low]
                hi *= lx.vague[p[j + 1].low]
                end = p[j + 1].end
                j += 2
            num = self._mk_word(i, j, lo)
            num.end = end
            num.last_char = end - 1
            num.is_range = True
            num.low, num.high = lo, hi
            if c.low(j) == "of" and j + 1 < n:
                k = j + 1
                m, val = c.match_map_forward(k, lx.cur_words)
                if m and val not in ("pence",):
                    num.currency = val
                    num.cur_span = (p[k].start, p[k + m - 1].end)
                    num.end = p[k + m - 1].end
                    num.i1 = k + m
                else:
                    m, val = c.match_map_forward(k, lx.units)
                    if m and p[k].low not in ("m", "t", "l", "g", "v", "w", "in"):
                        self._set_unit(num, k, m, val)
                        num.i1 = k + m
            return num, num.i1
        if w in lx.ordinal_words:
            return self._word_ordinal(i)
        if w not in lx.number_words or w == "dozen":
            return None, i + 1
        if w == "one":
            tok = c.token_at(p[i].start)
            if tok is None or (tok.tag_ != "CD" and tok.ent_type_ != "CARDINAL"):
                return None, i + 1
            if (
                i >= 1
                and p[i - 1].low
                in (
                    "no",
                    "any",
                    "every",
                    "some",
                    "each",
                    "the",
                    "this",
                    "that",
                    "which",
                )
                and not (c.low(i + 1) == "of" or (p[i - 1].low in ("the",) and c.low(i + 1) in lx.word_scales))
            ):
                return None, i + 1
        # number word sequence
        total = 0.0
        current: float | None = None
        j = i
        last_end = p[i].end
        last = i
        scaled = False
        while j < n:
            lw = p[j].low
            if j > i and not c.close(j - 1, j):
                break
            if lw in lx.number_words and lw != "dozen":
                v = lx.number_words[lw]
                if current is None:
                    current = v
                elif (20 <= current < 100 and current % 10 == 0 and v < 10) or (
                    current >= 100 and current % 100 == 0 and v < 100
                ):
                    current += v
                else:
                    break
                last_end, last = p[j].end, j
                j += 1
            elif lw == "dozen":
                current = (current or 1) * 12
                last_end, last = p[j].end, j
                j += 1
            elif lw in lx.word_scales and current is not None:
                s = lx.word_scales[lw]
                if s == 100:
                    current *= 100
                else:
                    total += current * s
                    current = None
                    scaled = True
                last_end, last = p[j].end, j
                j += 1
            elif (
                lw == "-"
                and j > i
                and c.attached(j - 1, j)
                and c.attached(j, j + 1)
                and c.low(j + 1) in lx.number_words
            ) or (lw == "and" and j > i and c.low(j + 1) in lx.number_words and (current or 0) >= 100):
                j += 1
            else:
                break
        value = total + (current or 0)
        j = last + 1
        # "two-thirds", "three quarters"
        if not scaled and value < 10 and j < n and (c.close(j - 1, j) or (c.low(j) == "-" and c.attached(j - 1, j))):
            k = j + 1 if c.low(j) == "-" else j
            fw = c.low(k)
            if (
                fw in lx.fractions
                and fw not in ("half",)
                and ((value > 1 and fw.endswith("s")) or (value == 1 and not fw.endswith("s")))
            ) and (w in lx.fraction_numerators or value < 10):
                num = self._mk_word(i, k + 1, value * lx.fractions[fw])
                return num, num.i1
        num = self._mk_word(i, j, value)
        num.end = last_end
        num.last_char = last_end - 1
        num.scaled = scaled
        self._after_number(num)
        return num, num.i1

    def _word_ordinal(self, i: int) -> tuple[_Num | None, int]:
        c, p, lx = self.c, self.p, self.lx
        w = p[i].low
        tok = c.token_at(p[i].start)
        if tok is None:
            return None, i + 1
        if w == "second" and (
            tok.pos_ in ("NOUN", "VERB") or c.low(i - 1) in ("a", "per", "every", "one", "split", "nano", "milli")
        ):
            return None, i + 1
        if (tok.tag_ not in ("JJ", "JJS", "CD") and tok.ent_type_ != "ORDINAL") or tok.tag_ == "RB":
            return None, i + 1
        # "third-party", "first-quarter": a compound word, not a rank in a list
        if c.low(i + 1) == "-" and c.attached(i, i + 1):
            return None, i + 1
        num = self._mk_word(i, i + 1, lx.ordinal_words[w])
        num.ordinal = True
        return num, num.i1

    def _mk_word(self, i: int, j: int, value: float) -> _Num:
        p = self.p
        return _Num(
            i0=i,
            i1=j,
            start=p[i].start,
            end=p[j - 1].end,
            value=value,
            core=(p[i].start, p[j - 1].end),
            last_char=p[j - 1].end - 1,
        )


# --------------------------------------------------------------------------- filters


def _excluded(ctx: _Ctx, num: _Num) -> bool:
    """Dates, times, years, phone numbers, list numbering, numbers inside names."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    s, e = num.core
    for ps, pe in ctx.phones:
        if ps <= s < pe:
            return True
    i0, i1 = num.i0, num.i1
    prev = i0 - 1
    # skip a "." after an abbreviated month: "Oct. 31"
    prev_word = prev - 1 if c.low(prev) == "." else prev
    money_or_unit = bool(num.currency or num.unit)
    tok = ctx.token_at(num.last_char)

    # months next to the number: "Oct 7", "7 October", "July 4, 2016", "4th of July"
    def is_month(k: int) -> bool:
        return 0 <= k < len(p) and p[k].low in lx.months and p[k].text[:1].isupper()

    if not money_or_unit and not num.is_range:
        if is_month(prev_word) or is_month(i1) or (c.low(i1) == "of" and is_month(i1 + 1)):
            return True
        if c.low(i1) == "," and is_month(prev_word - 1) is False and is_month(prev_word):
            return True
    # clock times: "11 a.m.", "2 p.m.", "9 GMT"
    if not money_or_unit and i1 < len(p) and c.close(i1 - 1, i1):
        if (c.match_forward(i1, lx.time_words) and p[i1].low not in ("am",)) or (
            p[i1].low == "am" and c.attached(i1 - 1, i1)
        ):
            return True
        if p[i1].low in ("a", "p") and c.low(i1 + 1) == "." and c.low(i1 + 2) == "m":
            return True
    # years: "in 2016", "the 2003 Iron Bowl", "since 2011"
    if (
        num.is_int_literal
        and not num.scaled
        and not money_or_unit
        and not num.ordinal
        and 1000 <= num.value <= 2100
        and e - s == 4
    ):
        nxt = ctx.token_at(p[i1].start) if i1 < len(p) and c.close(i1 - 1, i1) else None
        plural_noun_next = nxt is not None and nxt.tag_ == "NNS" and nxt.text.islower()
        if not plural_noun_next or c.low(prev) in lx.year_preps:
            return True
    # decades written "the 1990s" come through as an unknown suffix; "mid-2020" etc.
    # list numbering: "1." / "2)" at the start of a line
    line_start = ctx.text.rfind("\n", 0, num.start) + 1
    if (not ctx.text[line_start : num.start].strip() and c.low(i1) in (".", ")") and c.attached(i1 - 1, i1)) and (
        i1 + 1 >= len(p) or not p[i1 + 1].text[0].isdigit()
    ):
        return True
    # bare "(4)" after a name
    if (
        c.low(prev) == "("
        and c.low(i1) == ")"
        and not money_or_unit
        and num.is_int_literal
        and prev >= 1
        and p[prev - 1].text[:1].isupper()
    ):
        return True
    # dates from the entity recogniser: only when the entity names a month or a weekday
    if tok is not None and tok.ent_type_ in _DATE_LABELS and not money_or_unit:
        ent = next((en for en in ctx.doc.ents if en.start <= tok.i < en.end), None)
        if ent is not None and any(
            (t.lower_.rstrip(".") in lx.months and t.text[:1].isupper()) or t.lower_ in lx.weekdays for t in ent
        ):
            return True
    # numbers that are part of a name: "Game 7", "Big 12", "S&P 500", "Planet 9", "No. 1"
    if not money_or_unit and not num.scaled and not num.has_sep and not num.ordinal and prev >= 0:
        pw = p[prev_word] if prev_word >= 0 else None
        if (pw is not None and c.close(prev, i0)) or (pw is not None and c.low(prev) == "." and pw.low == "no"):
            assert pw is not None
            if (
                pw.text[:1].isalpha()
                and any(ch.isupper() for ch in pw.text)
                and pw.low not in lx.name_ok
                and pw.low not in lx.months
            ):
                ptok = ctx.token_at(pw.start)
                if ptok is not None and not ptok.is_sent_start:
                    return True
                if pw.low == "no":
                    return True
            if pw.text in ("&", "#", "No", "no"):
                return True
        # "category 4 hurricane", "sp 500 is": a label after a bare singular noun
        if pw is not None and c.close(prev_word, i0) and num.is_int_literal:
            ptok = ctx.token_at(pw.start)
            ntok = ctx.token_at(p[i1].start) if i1 < len(p) else None
            if (
                ptok is not None
                and ptok.tag_ in ("NN", "NNP")
                and pw.low not in lx.name_ok
                and pw.low not in lx.unit_canon
                and not (ntok is not None and ntok.tag_ in ("NNS", "NNPS"))
                and (ntok is None or ntok.lower_ not in ("of", "%"))
            ):
                return True
    return False


# --------------------------------------------------------------------------- context


def _qualify(ctx: _Ctx, num: _Num) -> None:
    """Qualifiers before ("more than", "about", "up to") and after ("or more")."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    i0 = num.i0
    if num.qualifier == "+":
        pass
    # "sub-300"
    if c.low(i0 - 1) == "-" and c.low(i0 - 2) == "sub" and c.attached(i0 - 2, i0 - 1):
        num.high, num.qualifier, num.q_start = num.value, "sub", p[i0 - 2].start
        return
    found: list[tuple[int, str]] = []
    for phrases, what in ((lx.approx, "approx"), (lx.lower, "low"), (lx.upper, "high")):
        n = c.match_backward(i0, phrases)
        if n:
            found.append((n, what))
    found.sort(key=lambda nw: -nw[0])
    for n, what in found:
        # "up to" after a change verb is a target, not a bound ("rose up to 5%")
        words = " ".join(p[k].text for k in range(i0 - n, i0))
        if what == "high" and p[i0 - n].low == "up" and _change_word(ctx, i0 - n - 1):
            continue
        num.qualifier = words
        num.q_start = p[i0 - n].start
        if what == "approx":
            num.approximate = True
        elif what == "low":
            num.low = num.value
        else:
            num.high = num.value
        break
    j = num.i1
    if j < len(p) and c.close(j - 1, j) and num.qualifier is None:
        for phrases, what in (
            (lx.after_lower, "low"),
            (lx.after_upper, "high"),
            (lx.after_approx, "approx"),
        ):
            n = c.match_forward(j, phrases)
            if n:
                num.qualifier = " ".join(p[k].text for k in range(j, j + n))
                num.end = max(num.end, p[j + n - 1].end)
                if what == "low":
                    num.low = num.value
                elif what == "high":
                    num.high = num.value
                else:
                    num.approximate = True
                break


def _change_word(ctx: _Ctx, k: int) -> str | None:
    """ "up" / "down" when piece ``k`` is a change verb ("rose", "fell") or adverb ("up")."""
    if k < 0 or k >= len(ctx.pieces):
        return None
    lx = ctx.lex
    piece = ctx.pieces[k]
    tok = ctx.token_at(piece.start)
    if tok is None:
        return None
    if piece.low in ("up", "down"):
        if tok.dep_ == "prt" and tok.head.lemma_.lower() not in lx.neutral_verbs | lx.up_verbs | lx.down_verbs:
            return None  # "gave up 517 yards"
        return piece.low
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        lem = tok.lemma_.lower()
        if lem in lx.up_verbs or piece.low in lx.up_verbs:
            return "up"
        if lem in lx.down_verbs or piece.low in lx.down_verbs:
            if lem == "give" or lem == "wipe":
                return None
            return "down"
    return None


def _verb_change(ctx: _Ctx, tok: Token) -> str | None:
    lx = ctx.lex
    lem = tok.lemma_.lower()
    word = tok.lower_
    if lem in ("give", "wipe", "top"):
        return None
    if lem in lx.up_verbs or word in lx.up_verbs:
        return "up"
    if lem in lx.down_verbs or word in lx.down_verbs:
        return "down"
    for ch in tok.children:
        if ch.dep_ == "prt" or (ch.dep_ == "advmod" and ch.i < tok.i + 2 and ch.i > tok.i):
            if ch.lower_ in ("up", "higher"):
                return "up"
            if ch.lower_ in ("down", "lower"):
                return "down"
    return None


def _find_change(ctx: _Ctx, num: _Num) -> None:
    c, p, lx = ctx, ctx.pieces, ctx.lex
    if num.ordinal:
        return
    start_piece = num.i0
    if num.q_start is not None:
        while start_piece > 0 and p[start_piece].start > num.q_start:
            start_piece -= 1
    before = c.low(start_piece - 1)
    if before in ("to", "from", "at", "between", "versus", "vs"):
        return  # "rose 6.5% to 164p": a level, not the change
    # "up 5%", "down 1%", "rose 60%", "fell by 3 percent"
    w = _change_word(ctx, start_piece - 1)
    if w is None and before == "by":
        w = _change_word(ctx, start_piece - 2)
        bw = c.low(start_piece - 2)
        if w is None and (bw in lx.up_verbs or bw in lx.up_nouns):
            w = "up"
        elif w is None and (bw in lx.down_verbs or bw in lx.down_nouns):
            w = "down"
        if w is None:
            btok = ctx.token_at(p[start_piece - 1].start)
            if btok is not None and btok.head.pos_ in ("VERB", "AUX"):
                w = _verb_change(ctx, btok.head)
    if w is None and before in ("by",) and c.low(start_piece - 2) in ("up", "down"):
        w = c.low(start_piece - 2)
    if w is not None:
        num.change = w
        return
    # parse: the figure's noun is the object of a change verb, or modifies a change noun
    anchor = None
    if num.unit_span is not None:
        anchor = ctx.token_at(num.unit_span[0])
    elif num.cur_span is not None and num.cur_span[0] >= num.core[1]:
        anchor = ctx.token_at(num.cur_span[0])
    if anchor is None:
        anchor = ctx.token_at(num.last_char)
    if anchor is None:
        return
    head = anchor.head
    if anchor.dep_ in ("dobj", "npadvmod", "obj", "advmod") and head.pos_ in ("VERB", "AUX") and head.i < anchor.i:
        ch = _verb_change(ctx, head)
        if ch:
            num.change = ch
            return
    if head.i > anchor.i and anchor.dep_ in ("compound", "nummod", "amod", "nmod", "quantmod"):
        h = head
        if h.lemma_.lower() in lx.up_nouns:
            num.change = "up"
            return
        if h.lemma_.lower() in lx.down_nouns:
            num.change = "down"
            return


def _find_counts(ctx: _Ctx, num: _Num) -> Span | None:
    doc = ctx.doc
    text = ctx.text
    if num.cur_span is not None:
        return ctx.span(*num.cur_span)
    if num.unit_span is not None:
        return ctx.span(*num.unit_span)
    tok = ctx.token_at(num.last_char)
    if tok is None:
        return None
    end_char = num.end
    # the noun the number modifies: "48 hostages", "67,000 Palestinian deaths", "20-point"
    head = tok.head
    if (
        tok.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod", "nmod", "advmod")
        and head.i > tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - tok.i <= 6
    ):
        # start at the first word after the number
        k = tok.i + 1
        while k < head.i and (doc[k].is_punct or doc[k].idx < end_char):
            k += 1
        between = doc[k : head.i]
        if all(
            (t.dep_ in ("amod", "compound", "nmod", "nummod", "advmod", "punct", "npadvmod") and not t.is_punct)
            or t.text == "-"
            for t in between
        ):
            s = doc[k].idx
        else:
            s = head.idx
        e = head.idx + len(head)
        # "year-old"
        if head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and doc[head.i + 2].lower_ == "old":
            e = doc[head.i + 2].idx + len(doc[head.i + 2])
        if s < e and text[s:e].strip():
            return ctx.span(s, e)
    # "20 of whom are alive", "one of the students", "a third of those screened"
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i > tok.i:
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if pobj.lower_ in ctx.lex.rel_pronouns:
                ante = syntax.counted_antecedent(tok)
                if ante is not None:
                    return ctx.span(*syntax.modified_noun_span(ante))
                return None
            if pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return ctx.span(*syntax.modified_noun_span(pobj))
    # the next word, when the parser missed the link: "9 liter", "26 saves"
    nxt = ctx.token_at(end_char) if end_char < len(text) else None
    if nxt is not None and nxt.idx < end_char:
        nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if nxt is not None and nxt.i > tok.i and nxt.i == tok.i + 1 and nxt.tag_ in ("NNS",) and nxt.text.isalpha():
        return ctx.span(nxt.idx, nxt.idx + len(nxt))
    return None


# --------------------------------------------------------------------------- ranges


def _compatible(a: _Num, b: _Num) -> bool:
    ua = a.currency or a.unit
    ub = b.currency or b.unit
    return ua is None or ub is None or ua == ub


def _merge_ranges(ctx: _Ctx, nums: list[_Num]) -> list[_Num]:
    c, p = ctx, ctx.pieces
    out: list[_Num] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        b = nums[k + 1] if k + 1 < len(nums) else None
        if b is None or a.ordinal or b.ordinal or a.is_range or b.is_range:
            out.append(a)
            k += 1
            continue
        joiner = [p[j].low for j in range(a.i1, b.i0)]
        before = c.low(a.i0 - 1)
        kind: str | None = None
        if before == "between" and joiner == ["and"] and a.qualifier is None:
            kind = "between"
        elif (
            before == "from"
            and joiner
            and joiner[-1] == "to"
            and len(joiner) <= 7
            and "." not in joiner[:-1]
            and ";" not in joiner
        ):
            kind = "from"
        elif joiner in (["to"], ["-"], ["–"], ["—"]) and _compatible(a, b):
            if joiner == ["to"]:
                prev_change = _change_word(ctx, a.i0 - 1) is not None or c.low(a.i0 - 1) == "by"
                if (prev_change and (a.unit or a.currency)) or b.qualifier is not None:
                    kind = None
                elif a.value < _scaled_b(a, b):
                    kind = "to"
            else:
                gap_ok = (c.attached(a.i1 - 1, a.i1) and c.attached(a.i1, b.i0)) or joiner != ["-"]
                if gap_ok:
                    if a.value < _scaled_b(a, b):
                        kind = "-"
                    elif a.is_int_literal and b.is_int_literal and not (a.unit or b.unit):
                        # a score ("2-2", "24-17"), not a figure
                        k += 2
                        continue
        if kind is None:
            out.append(a)
            k += 1
            continue
        lo = a.value
        if b.scaled and not a.scaled and a.value < b.value / b.scale:
            lo = a.value * b.scale
        hi = b.value
        r = _Num(
            i0=a.i0,
            i1=b.i1,
            start=a.start,
            end=b.end,
            value=lo,
            core=(a.core[0], b.core[1]),
            last_char=b.last_char,
            currency=b.currency or a.currency,
            cur_span=b.cur_span or a.cur_span,
            unit=b.unit or a.unit,
            unit_kind=b.unit_kind or a.unit_kind,
            unit_span=b.unit_span or a.unit_span,
            low=lo,
            high=hi,
            is_range=True,
            approximate=a.approximate,
        )
        if kind in ("between", "from"):
            r.q_start = p[a.i0 - 1].start
            r.qualifier = {"between": "between … and", "from": "from … to"}[kind]
            r.start = r.q_start
        else:
            r.qualifier = a.qualifier
            r.q_start = a.q_start
        out.append(r)
        k += 2
    return out


def _scaled_b(a: _Num, b: _Num) -> float:
    if b.scaled and not a.scaled and a.value < b.value / b.scale:
        return b.value / b.scale
    return b.value


# --------------------------------------------------------------------------- main


def _inherit(ctx: _Ctx, nums: list[_Num]) -> None:
    """ "lost 190 points, or 0.6%" and "7.5 million crowns (US $1.1 million)" share the
    change and bounds of the figure they restate."""
    p = ctx.pieces
    for a, b in itertools.pairwise(nums):
        joiner = [p[j].low for j in range(a.i1, b.i0)]
        if b.q_start is not None:
            continue
        tail = joiner
        while tail and tail[0].isalpha() and tail[0] not in ("or", "and") and len(joiner) - len(tail) < 2:
            tail = tail[1:]
        if tail in (["("], [",", "or"], ["or"], ["(", "or"], ["/"]) or (
            joiner[:1] == ["("] and len(joiner) <= 3 and all(not w[0].isdigit() for w in joiner)
        ):
            if b.change is None:
                b.change = a.change
            if not b.approximate and b.low is None and b.high is None and not b.is_range:
                b.approximate = a.approximate
                if a.low is not None and a.high is None:
                    b.low = b.value
                if a.high is not None and a.low is None:
                    b.high = b.value


def _borrow_counts(ctx: _Ctx, nums: list[_Num], counts: list[Span | None]) -> None:
    """A bare number next to a figure of the same size that counts something counts the
    same thing: "6 million homes nationwide including 1.5 million in Los Angeles"."""
    sents = [ctx.sentence(n.start) for n in nums]
    own = [c is not None and n.unit_span is None and n.cur_span is None for n, c in zip(nums, counts, strict=True)]
    for k, num in enumerate(nums):
        if counts[k] is not None or num.unit or num.currency or num.ordinal or num.is_range:
            continue
        for j in (k - 1, k + 1, k - 2, k + 2):
            if not (0 <= j < len(nums)) or not own[j] or sents[j] != sents[k]:
                continue
            other = nums[j]
            a, b = abs(num.value), abs(other.value)
            if a and b and max(a, b) / min(a, b) <= 100 and (num.value >= 1) == (other.value >= 1):
                counts[k] = counts[j]
                break


def _kind(num: _Num) -> str:
    if num.ordinal:
        return "ordinal"
    if num.currency:
        return "money"
    if num.unit_kind == "percent":
        return "percent"
    if num.unit_kind == "quantity":
        return "quantity"
    return "count"


def _scan(ctx: _Ctx) -> list[_Num]:
    sc = _Scanner(ctx)
    nums: list[_Num] = []
    i = 0
    n = len(ctx.pieces)
    while i < n:
        piece = ctx.pieces[i]
        ch = piece.text[0]
        num: _Num | None
        if ch.isascii() and ch.isdigit():
            num, nxt = sc.scan_digits(i)
        elif piece.text.isalpha():
            num, nxt = sc.scan_words(i)
        else:
            num, nxt = None, i + 1
        if num is not None and not _excluded(ctx, num):
            nums.append(num)
        i = max(nxt, i + 1)
    return nums


def _figures(doc: Doc) -> list[Figure]:
    ctx = _Ctx(doc)
    nums = _scan(ctx)
    for num in nums:
        if not num.is_range:
            _qualify(ctx, num)
    nums = _merge_ranges(ctx, nums)
    for num in nums:
        _find_change(ctx, num)
    _inherit(ctx, nums)
    counts = [_find_counts(ctx, num) for num in nums]
    _borrow_counts(ctx, nums, counts)
    out: list[Figure] = []
    for num, cnt in zip(nums, counts, strict=True):
        value = None if num.is_range else _as_number(num.value)
        if not num.is_range and value is None:
            continue
        start = min(num.start, num.q_start) if num.q_start is not None else num.start
        end = max(num.end, start)
        if num.unit_span is not None:
            end = max(end, num.unit_span[1])
        if num.cur_span is not None:
            end = max(end, num.cur_span[1])
        unit = num.currency if num.currency else num.unit
        fig = Figure(
            id=f"f{len(out) + 1}",
            sentence=ctx.sentence(start),
            text=ctx.source[start:end],
            start=start,
            end=end,
            value=value,
            low=_as_number(num.low),
            high=_as_number(num.high),
            approximate=num.approximate,
            qualifier=num.qualifier,
            change=num.change,
            unit=unit,
            counts=cnt,
            kind=_kind(num),
        )
        out.append(fig)
    return out


def find_figures(doc: Doc) -> list[Figure]:
    """The figures of a parsed document, in text order, with ids "f1", "f2", ...

    Never raises: a document the lexer cannot handle yields no figures.
    """
    try:
        return _figures(doc)
    except Exception:
        return []
