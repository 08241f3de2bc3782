"""Direct quotations: spans between quote marks, across sentences and paragraphs.

Works on the text alone, so an odd number of quote marks is handled: an opening mark never
closed ends its quote at the paragraph's end. A quotation that goes on into the next paragraph
(wire and BBC copy: no closing mark at the paragraph's end, a fresh opening mark at the next
paragraph's start) gives one quoted piece per paragraph, each from its opening mark to its
paragraph's end or its closing mark.
"""

from __future__ import annotations

import bisect
import itertools
import re

from claimx import data as lexicons

_ALL_PAIRS: list[tuple[str, str]] = [(p[0], p[1]) for p in lexicons.load("cues")["quote_pairs"]]
#: the straight single mark is also the apostrophe: its quotes are found in a pass of their own
_SINGLE = "'"
_PAIRS = [p for p in _ALL_PAIRS if p != (_SINGLE, _SINGLE)]
_SINGLES = (_SINGLE, _SINGLE) in _ALL_PAIRS
_OPENERS = sorted({o for o, _ in _PAIRS}, key=len, reverse=True)
#: the last character of every closing mark: a piece ending in one was closed, not left open
_CLOSING_CHARS = frozenset(c[-1] for _, c in _ALL_PAIRS)
_TOKEN = re.compile("|".join(re.escape(m) for m in sorted({m for p in _PAIRS for m in p}, key=len, reverse=True)))


def _is_apostrophe(text: str, i: int, mark: str) -> bool:
    """A ’ or ' between letters (don’t, Gaza’s) or after an s (voters’) is no quote mark."""
    if mark not in ("’", "'", "‘"):
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return mark != "‘" and before in "sS" and not after.isalnum()


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, quote marks included."""
    out = _find_paired(text)
    if _SINGLES:
        out = sorted(out + [q for q in _single_quotes(text) if not any(a < q[1] and q[0] < b for a, b in out)])
    return out


def find_quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each whole quotation: the pieces of :func:`find_quotes`, with a quotation
    continued over paragraphs (each piece left open at its paragraph's end, the next one opening
    the next paragraph) joined into one span."""
    out: list[tuple[int, int]] = []
    for start, end in find_quotes(text):
        if out and _continued(text, out[-1][1], start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _continued(text: str, end: int, start: int) -> bool:
    """The piece ending at ``end`` is left open at its paragraph's end and the piece at
    ``start`` opens the next paragraph."""
    gap = text[end:start]
    return bool(gap) and not gap.strip() and gap.count("\n") in (1, 2) and text[end - 1] not in _CLOSING_CHARS


_SINGLE_QUOTE = re.compile(r"(?<![\w'])'(?=[A-Za-z])([^'\n]|'(?=\w))*?[^\s']'(?!\w)")


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """UK style 'quotes' in straight single marks, within a paragraph: the opening mark
    before a letter and after no word ('90s, rock 'n' roll and voters' are no quotes), the
    closing one after no space and before no word; apostrophes inside (isn't) are skipped.
    Also the open pieces of a quotation continued over paragraphs (:func:`_open_single_paragraphs`)."""
    out = []
    for m in _SINGLE_QUOTE.finditer(text):
        if m.end() - m.start() > 3:
            out.append((m.start(), m.end()))
    return sorted(out + _open_single_paragraphs(text, out))


_SINGLE_OPENER = re.compile(r"(?<![\w'])'(?=[A-Za-z])")
_SINGLE_CLOSER = re.compile(r"[^\s']'(?!\w)")


def _open_single_paragraphs(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The wire/BBC continued quotation in single marks: a paragraph with a mark it never
    closes, followed by a paragraph that opens with a mark, gives one quoted piece from that
    mark to its paragraph's end (the single mark is also the apostrophe, so a mark with a
    closing-like mark after it in its paragraph is left alone)."""
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    starts = [a for a, _ in found]  # ``found`` is in text order and its pieces do not overlap
    out: list[tuple[int, int]] = []
    for (start, end), (after, after_end) in itertools.pairwise(paragraphs):
        line = text[after:after_end]
        if text[end:after].count("\n") > 2 or not _SINGLE_OPENER.match(text, after + len(line) - len(line.lstrip())):
            continue
        for m in _SINGLE_OPENER.finditer(text, start, end):
            k = bisect.bisect_right(starts, m.start()) - 1  # the closed quote it may sit in
            inside = k >= 0 and m.start() < found[k][1]
            if not inside and not _SINGLE_CLOSER.search(text, m.start() + 1, end):
                out += _to_paragraph_end(text, m.start())
                break
    return out


def _find_paired(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _TOKEN.finditer(text):
        mark, i = m.group(), m.start()
        if _is_apostrophe(text, i, mark):
            continue
        if open_at is not None and "\n" in text[open_at:i]:
            # a paragraph break inside an open quotation: its piece ends with its paragraph; a
            # mark opening a later paragraph opens the next piece (the wire's continued quote)
            out += _to_paragraph_end(text, open_at)
            open_at = None
        if open_at is None:
            if mark in _OPENERS and mark not in ("’",):
                # an opener must not be glued to the word before it ('"' after a letter closes)
                if mark == '"' and i > 0 and text[i - 1].isalnum():
                    continue
                open_at = i
                closer = dict(_PAIRS)[mark] if mark != '"' else '"'
            continue
        if mark == closer or (closer in ("”", '"') and mark in ("”", '"')) or (closer == "’" and mark == "’"):
            out.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        out += _to_paragraph_end(text, open_at)
    return out


def _to_paragraph_end(text: str, start: int) -> list[tuple[int, int]]:
    """The piece of an unclosed quotation: from its mark to its paragraph's end."""
    end = text.find("\n", start)
    end = len(text.rstrip()) if end == -1 else len(text[:end].rstrip())
    return [(start, end)] if end - start > 1 else []
