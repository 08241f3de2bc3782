"""Direct quotations: spans between quote marks, across sentences and paragraphs.

Works on the text alone, so an odd number of quote marks is handled: an opening mark never
closed ends its quote at the paragraph's end (or the next paragraph that does not open with
a quote mark, as wire copy continues quotes that way).
"""

from __future__ import annotations

import re

from claimx import data as lexicons

_ALL_PAIRS: list[tuple[str, str]] = [(p[0], p[1]) for p in lexicons.load("cues")["quote_pairs"]]
#: the straight single mark is also the apostrophe: its quotes are found in a pass of their own
_SINGLE = "'"
_PAIRS = [p for p in _ALL_PAIRS if p != (_SINGLE, _SINGLE)]
_SINGLES = (_SINGLE, _SINGLE) in _ALL_PAIRS
_OPENERS = sorted({o for o, _ in _PAIRS}, key=len, reverse=True)
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


_SINGLE_QUOTE = re.compile(r"(?<![\w'])'(?=[A-Za-z])([^'\n]|'(?=\w))*?[^\s']'(?!\w)")


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """UK style 'quotes' in straight single marks, within a paragraph: the opening mark
    before a letter and after no word ('90s, rock 'n' roll and voters' are no quotes), the
    closing one after no space and before no word; apostrophes inside (isn't) are skipped."""
    out = []
    for m in _SINGLE_QUOTE.finditer(text):
        if m.end() - m.start() > 3:
            out.append((m.start(), m.end()))
    return out


def _find_paired(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _TOKEN.finditer(text):
        mark, i = m.group(), m.start()
        if _is_apostrophe(text, i, mark):
            continue
        if open_at is None:
            if mark in _OPENERS and mark not in ("’",):
                # an opener must not be glued to the word before it ('"' after a letter closes)
                if mark == '"' and i > 0 and text[i - 1].isalnum():
                    continue
                open_at = i
                closer = dict(_PAIRS)[mark] if mark != '"' else '"'
            continue
        if mark in _OPENERS and text[:i].rstrip(" \t").endswith("\n") and "\n" in text[open_at:i]:
            continue  # a quote mark opening a paragraph continues the open quote
        if mark == closer or (closer in ("”", '"') and mark in ("”", '"')) or (closer == "’" and mark == "’"):
            gap = text[open_at:i]
            if "\n" in gap and not _continues(text, open_at, i):
                open_at = i if mark in _OPENERS else None
                continue
            out.append((open_at, m.end()))
            open_at = None
        elif mark == closer == "''":
            out.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        end = text.find("\n", open_at)
        end = len(text.rstrip()) if end == -1 else end
        if end - open_at > 1:
            out.append((open_at, end))
    return out


def _continues(text: str, start: int, end: int) -> bool:
    """A quote may run over paragraphs only where each new paragraph opens with a quote
    mark (the wire convention for continued quotes)."""
    for para in re.finditer(r"\n\s*", text[start:end]):
        nxt = start + para.end()
        if not any(text.startswith(o, nxt) for o in _OPENERS):
            return False
    return True
