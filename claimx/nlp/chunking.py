"""Long texts in pieces: cut below the pipeline's limit at paragraph or sentence ends, and
put the pieces' articles back together with offsets into the whole text."""

from __future__ import annotations

import re
from typing import Any

from claimx.schema import Article

#: Pieces are kept well below spaCy's max_length (1,000,000) so the parser's memory stays low.
CHUNK_CHARS = 100_000

_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))


def split_points(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces covering ``text``, each at most ``limit`` characters, cut at the
    last paragraph break before the limit, else a line break, a sentence end, a space."""
    pieces: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window_end = start + limit
        cut = None
        for pattern in _BREAKS:
            last = None
            for m in pattern.finditer(text, start + limit // 2, window_end):
                last = m
            if last is not None:
                cut = last.end()
                break
        if cut is None or cut <= start:
            cut = window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, n))
    return pieces


def _shift(node: Any, offset: int, sent_offset: int, ids: dict[str, str]) -> Any:
    if isinstance(node, list):
        return [_shift(x, offset, sent_offset, ids) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("start", "end") and isinstance(value, int):
            out[key] = value + offset
        elif key in ("sentence", "index") and isinstance(value, int):
            out[key] = value + sent_offset
        elif key in ("id", "actor", "parent", "attribution") and isinstance(value, str):
            out[key] = ids.get(value, value)
        elif (
            key in ("actors", "figures", "stances")
            and isinstance(value, list)
            and all(isinstance(v, str) for v in value)
        ):
            out[key] = [ids.get(v, v) for v in value]
        else:
            out[key] = _shift(value, offset, sent_offset, ids)
    return out


_LISTS = ("actors", "attributions", "figures", "stances", "claims")


def merge(parts: list[tuple[int, Article]], whole: Article) -> Article:
    """One article from the articles of its pieces (``(offset, article)`` in text order):
    offsets shifted into the whole text, ids renumbered, same-named actors joined."""
    merged: dict[str, Any] = {k: [] for k in (*_LISTS, "sentences")}
    counters = {k: 0 for k in _LISTS}
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    sent_offset = 0
    for n, (offset, art) in enumerate(parts):
        data = art.model_dump(mode="json")
        ids: dict[str, str] = {}
        for key in _LISTS:
            for rec in data[key]:
                counters[key] += 1
                ids[rec["id"]] = f"{rec['id'][0]}{counters[key]}"
        for actor in data["actors"]:
            same = by_name.get((actor["name"], actor["kind"]))
            if same is not None:
                ids[actor["id"]] = same["id"]
        shifted = _shift(data, offset, sent_offset, ids)
        for actor in shifted["actors"]:
            same = by_name.get((actor["name"], actor["kind"]))
            if same is not None and same["id"] == actor["id"]:
                same["mentions"].extend(actor["mentions"])
                continue
            by_name[(actor["name"], actor["kind"])] = actor
            merged["actors"].append(actor)
        for key in ("attributions", "figures", "stances", "claims", "sentences"):
            merged[key].extend(shifted[key])
        if n == 0:
            merged["headline"] = shifted["headline"]
            merged["dateline"] = shifted["dateline"]
        sent_offset += len(data["sentences"])
    base = whole.model_dump(mode="json")
    base.update(merged)
    article = Article.model_validate(base)
    for piece_sent, sentence in enumerate(article.sentences):
        sentence.index = piece_sent
    return article
