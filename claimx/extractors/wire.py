"""Wire-story structure: re-flowing hard-wrapped text, headline, dateline, sentences.

Cleaning never changes the text's length: every substitution is one character for one
character, so an offset into the cleaned text is the same offset into the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Any

from spacy.tokens import Doc

from claimx import data as lexicons
from claimx.nlp.spans import clean_text, make_span, source_text
from claimx.schema import Dateline

# Control characters other than tab and newline read as spaces; so do CR, NBSP and the
# Unicode line and paragraph separators (which the tokenizer would otherwise keep).
_BLANKS = {c: " " for c in [*range(0, 9), 11, 12, 13, *range(14, 32), 127, 0xA0, 0x2028, 0x2029]}
_BLANKS_TABLE = str.maketrans({chr(c): v for c, v in _BLANKS.items()})


def is_hard_wrapped(text: str) -> bool:
    """True for text broken into lines of roughly equal length (wire copy at ~70 columns),
    where a single line break is not a paragraph break."""
    lengths = [len(line.rstrip()) for line in text.split("\n") if line.strip()]
    if len(lengths) < 4:
        return False
    wrapped = [n for n in lengths if 35 <= n <= 100]
    return len(wrapped) >= 0.6 * len(lengths) and median(lengths) <= 95


def soft_breaks(text: str) -> list[int]:
    """Offsets of line breaks inside a paragraph of hard-wrapped text: a break between two
    non-blank lines where the next line is not indented."""
    if "\n" not in text or not is_hard_wrapped(text):
        return []
    out = []
    for m in re.finditer(r"(?<=\S)[ \t]*\n(?=[^\s])", text):
        out.append(m.end() - 1)
    return out


#: "LONDON--(BUSINESS WIRE)--Northwind": a press-release wire's dateline, glued to the words
#: around it; read as "LONDON  (BUSINESS WIRE) \u2014Northwind" (same length)
_PRESS_WIRE = re.compile(r"(?<=[A-Z])--(\([A-Z][A-Za-z ]{2,30}\))--(?=\S)")


def normalize(text: str) -> str:
    """The text the parser reads: soft line breaks, control characters and odd spaces become
    plain spaces. Same length as ``text``, so offsets carry over unchanged."""
    clean = text.translate(_BLANKS_TABLE)
    breaks = soft_breaks(clean)
    if breaks:
        chars = list(clean)
        for i in breaks:
            chars[i] = " "
        clean = "".join(chars)
    clean = _PRESS_WIRE.sub(lambda m: "  " + m.group(1) + " \u2014", clean)
    assert len(clean) == len(text)
    return clean


@dataclass(frozen=True)
class Structure:
    headline: tuple[int, int] | None
    dateline: tuple[int, int] | None
    location: str | None
    agency: str | None
    date: str | None
    body_start: int
    byline: tuple[int, int] | None = None
    locations: tuple[str, ...] = ()


_WIRE = lexicons.load("wire")
_MONTHS = _WIRE["months"]
_CITY = r"[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]*){0,3}"
_DATELINE = re.compile(
    r"""
    (?P<loc>{city}(?:[ ]?/[ ]?{city}){0,3}
      (?:,[ ](?!(?:{months})\b)[A-Z][A-Za-z'’.\-]*(?:[ ][A-Z][A-Za-z'’.\-]*){0,2})?)
    (?:,[ ](?P<date>(?:{months})\.?[ ]\d{1,2}(?:,[ ]\d{4})?))?
    [ ]*(?:\((?P<agency>[^()\n]{1,40})\)|/(?P<wire>[A-Za-z][^/\n]{1,40})/)?
    [ ]*(?P<dash>--|—|–|-(?=[ ])|:(?=[ ]))[ ]*
    """.replace("{months}", "|".join(_MONTHS)).replace("{city}", _CITY),
    re.VERBOSE,
)
#: "Paris (AFP) - ", "Hong Kong (AFP) - ": AFP writes the place in title case; the agency in
#: brackets is then what makes it a dateline
_TITLE_DATELINE = re.compile(
    r"(?!The )(?P<loc>[A-Z][a-z'’.\-]+(?:[ ][A-Z][a-z'’.\-]+){0,2})(?P<date>(?!))?(?P<wire>(?!))?"
    r"[ ]*\((?P<agency>" + "|".join(map(re.escape, _WIRE["agencies"])) + r")\)[ ]*(?P<dash>--|—|–|-(?=[ ]))[ ]*"
)
_BYLINE = re.compile(_WIRE["byline"], re.MULTILINE)
_LEADING = [re.compile(p, re.MULTILINE) for p in _WIRE["leading_furniture"]]
_TRAILING = [re.compile(p, re.MULTILINE) for p in _WIRE["trailing_furniture"]]
_ABOUT = re.compile(_WIRE["about_heading"], re.MULTILINE)
_TERMINAL = tuple(".!?\"'”’")


def _looks_like_headline(block: str) -> bool:
    stripped = block.strip()
    if not stripped or len(stripped) > 220 or stripped.count("\n") > 2:
        return False
    if not stripped.endswith(_TERMINAL):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", stripped) if len(w) > 3]
    if words and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return True
    return len(stripped) <= 110


def _location_names(raw: str) -> tuple[str, ...]:
    places = raw.split(",")[0].split("/")
    return tuple(" ".join(w if len(w) <= 2 else w.capitalize() for w in p.split()) for p in places if p.strip())


def _skip_blank(text: str, i: int) -> int:
    return i + len(text[i:]) - len(text[i:].lstrip())


def _leading_furniture_end(text: str, start: int) -> int:
    """Past "FOR IMMEDIATE RELEASE" and the like at the top of a story."""
    while True:
        m = next((m for rx in _LEADING if (m := rx.match(text, start))), None)
        if m is None:
            return start
        start = _skip_blank(text, m.end())


def _byline_at(text: str, start: int) -> tuple[int, int] | None:
    m = _BYLINE.match(text, start)
    return (m.start() + len(m.group()) - len(m.group().lstrip()), m.start() + len(m.group().rstrip())) if m else None


def find_structure(text: str) -> Structure:
    """Headline, byline and dateline of a wire story (``text`` as cleaned by :func:`normalize`)."""
    start = _leading_furniture_end(text, len(text) - len(text.lstrip()))
    byline = _byline_at(text, start)
    if byline is not None:
        start = _skip_blank(text, byline[1])
    headline = None
    body = start
    m = re.search(r"\n[ \t]*\n", text[start:])
    if m is not None:
        block_end = start + m.start()
        block = text[start:block_end]
        rest = text[start + m.end() :]
        if rest.strip() and not _DATELINE.match(block) and not _BYLINE.match(block) and _looks_like_headline(block):
            end = start + len(block.rstrip())
            headline = (start, end)
            body = _skip_blank(text, start + m.end())
    if byline is None and (byline := _byline_at(text, body)) is not None:
        body = _skip_blank(text, byline[1])
    dm = _DATELINE.match(text, body) or _TITLE_DATELINE.match(text, body)
    # "PITTSBURGH, March 12 - Allegheny ...": a plain hyphen after a date is a dateline's too
    if dm is not None and (
        dm.group("agency") or dm.group("wire") or dm.group("date") or dm.group("dash") in ("--", "—", "–")
    ):
        loc_words = dm.group("loc").split(",")[0].replace("/", " ").split()
        # a dateline place is in capitals; a sentence starting "IBM - ..." has no agency
        # and a one-letter or very long place is no place
        if any(len(w.strip(".")) >= 2 for w in loc_words) and len(loc_words) <= 8:
            end = dm.start("dash") + len(dm.group("dash"))
            places = _location_names(dm.group("loc"))
            return Structure(
                headline,
                (dm.start(), end),
                "/".join(places),
                dm.group("agency") or dm.group("wire"),
                dm.group("date"),
                dm.end(),
                byline,
                places,
            )
    return Structure(headline, None, None, None, None, body, byline)


def find_furniture(text: str) -> list[tuple[int, int]]:
    """Credit, trailer and boilerplate lines ("(Reporting by ...)", "... contributed to this
    report.", a closing "REUTER", "###", "About Acme Inc." and its section, "FOR IMMEDIATE
    RELEASE"), as (start, end) spans of ``text`` in order. ``text`` is the input as decoded
    (its line breaks matter: they are not re-flowed)."""
    spans = []
    for rx in _LEADING:
        m = rx.match(text, len(text) - len(text.lstrip()))
        if m:
            spans.append((m.start(), m.end()))
    for rx in _TRAILING:
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    for m in _ABOUT.finditer(text):
        later = [s for s, _ in spans if s > m.end()]
        end = min(later) if later else len(text)
        spans.append((m.start(), m.start() + len(text[m.start() : end].rstrip())))
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        s = _skip_blank(text, s)
        e = s + len(text[s:e].rstrip())
        if e > s and not (out and s < out[-1][1]):
            out.append((s, e))
    return out


def hard_break_tokens(doc: Doc) -> list[int]:
    """Indices of tokens that open a paragraph (they follow a line break)."""
    out = []
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = tok.i + 1
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt < len(doc):
                out.append(nxt)
    return out


def _token_at(doc: Doc, char: int) -> int | None:
    for tok in doc:
        if tok.idx >= char and not tok.is_space:
            return tok.i
    return None


def set_structure(doc: Doc) -> Doc:
    """Record headline and dateline on the doc and preset the sentence starts they imply;
    runs before the parser, which respects preset boundaries."""
    doc._.byline = None
    doc._.credits = []
    if not len(doc):
        doc._.headline = None
        doc._.dateline = None
        return doc
    struct = find_structure(clean_text(doc))
    starts = set(hard_break_tokens(doc))
    _set_furniture(doc, struct, starts)
    first = _token_at(doc, 0)
    if first is not None:
        starts.add(first)
    if struct.headline is not None:
        doc._.headline = make_span(doc, *struct.headline).model_dump()
        body_tok = _token_at(doc, struct.body_start)
        if body_tok is not None:
            starts.add(body_tok)
        for tok in doc:
            if struct.headline[0] < tok.idx < struct.headline[1] and not tok.is_space:
                tok.is_sent_start = False
    else:
        doc._.headline = None
    if struct.dateline is not None:
        d = struct.dateline
        doc._.dateline = Dateline(
            **make_span(doc, *d).model_dump(),
            location=struct.location,
            agency=struct.agency,
            date=struct.date,
            locations=list(struct.locations),
        ).model_dump()
        after = _token_at(doc, struct.body_start)
        if after is not None:
            starts.add(after)
    else:
        doc._.dateline = None
    for i in starts:
        doc[i].is_sent_start = True
    return doc


def _set_furniture(doc: Doc, struct: Structure, starts: set[int]) -> None:
    """Byline and credit lines: recorded, and each made a sentence of its own so that no
    body sentence runs into them."""
    credits = find_furniture(source_text(doc))
    doc._.credits = [make_span(doc, s, e).model_dump() for s, e in credits]
    if struct.byline is not None:
        doc._.byline = make_span(doc, *struct.byline).model_dump()
    for s, e in [*credits, *([struct.byline] if struct.byline else [])]:
        for char in (s, e):
            tok = _token_at(doc, char)
            if tok is not None:
                starts.add(tok)


def sentence_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """Output sentences: spaCy's, with the dateline cut away, white space trimmed, the
    headline as one sentence of its own."""
    text = clean_text(doc)
    head: dict[str, Any] | None = doc._.headline
    date: dict[str, Any] | None = doc._.dateline
    out: list[tuple[int, int, bool]] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if date is not None and s < date["end"] and e > date["start"]:
            s = max(s, date["end"])
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        is_head = head is not None and head["start"] <= s and e <= head["end"]
        out.append((s, e, is_head))
    return out
