"""Long texts in pieces: cut below the pipeline's limit at paragraph or sentence ends, and
put the pieces' articles back together with offsets into the whole text."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from claimx.schema import Actor, Article

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


def _shift(model: BaseModel, offset: int, sent_offset: int, ids: dict[str, str], seen: set[int]) -> None:
    """Shift ``model``'s offsets into the whole text and rename its ids, in place, and the same
    in the models it holds (each once)."""
    if id(model) in seen:
        return
    seen.add(id(model))
    for key in type(model).model_fields:
        value = getattr(model, key)
        if key in ("start", "end") and isinstance(value, int):
            setattr(model, key, value + offset)
        elif key in ("sentence", "index") and isinstance(value, int):
            setattr(model, key, value + sent_offset)
        elif key in ("id", "actor", "parent", "attribution") and isinstance(value, str):
            setattr(model, key, ids.get(value, value))
        elif (
            key in ("actors", "figures", "stances")
            and isinstance(value, list)
            and all(isinstance(v, str) for v in value)
        ):
            setattr(model, key, [ids.get(v, v) for v in value])
        elif isinstance(value, BaseModel):
            _shift(value, offset, sent_offset, ids, seen)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _shift(item, offset, sent_offset, ids, seen)


_LISTS = ("actors", "attributions", "figures", "stances", "claims")


def merge(parts: list[tuple[int, Article]], whole: Article) -> Article:
    """One article from the articles of its pieces (``(offset, article)`` in text order):
    offsets shifted into the whole text, ids renumbered, same-named actors joined. The pieces'
    records are moved, not copied (a long text's records are many): the pieces are spent."""
    merged: dict[str, Any] = {k: [] for k in (*_LISTS, "sentences")}
    counters = {k: 0 for k in _LISTS}
    by_name: dict[tuple[str, str], Actor] = {}
    sent_offset = 0
    for n, (offset, art) in enumerate(parts):
        ids: dict[str, str] = {}
        for key in _LISTS:
            for rec in getattr(art, key):
                counters[key] += 1
                ids[rec.id] = f"{rec.id[0]}{counters[key]}"
        for actor in art.actors:
            same = by_name.get((actor.name, actor.kind))
            if same is not None:
                ids[actor.id] = same.id
        seen: set[int] = set()
        for key in ("headline", "dateline", "sentences", *_LISTS):
            value = getattr(art, key)
            for model in value if isinstance(value, list) else [value]:
                if model is not None:
                    _shift(model, offset, sent_offset, ids, seen)
        for actor in art.actors:
            same = by_name.get((actor.name, actor.kind))
            if same is not None and same.id == actor.id:
                same.mentions.extend(actor.mentions)
                continue
            by_name[(actor.name, actor.kind)] = actor
            merged["actors"].append(actor)
        for key in ("attributions", "figures", "stances", "claims", "sentences"):
            merged[key].extend(getattr(art, key))
        if n == 0:
            merged["headline"] = art.headline
            merged["dateline"] = art.dateline
        sent_offset += len(art.sentences)
    article = whole.model_copy(update=merged)
    for piece_sent, sentence in enumerate(article.sentences):
        sentence.index = piece_sent
    return article
