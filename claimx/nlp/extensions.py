"""The Doc extension attributes claimx's components read and write."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

#: name -> default. Lists are created per Doc by the component that owns them.
DOC_EXTENSIONS: dict[str, Any] = {
    "source_text": None,  # the input exactly as decoded; doc.text may differ only same-length
    "sentence_spans": None,  # list[tuple[int, int, bool]]: (start, end, is_headline)
    "headline": None,  # schema.Span | None
    "dateline": None,  # schema.Dateline | None
    "byline": None,  # schema.Span | None
    "credits": None,  # list[schema.Span]: credit, trailer and boilerplate lines
    "actors": None,  # list[schema.Actor]
    "actor_table": None,  # claimx.extractors.actors.ActorTable, for resolving spans to actors
    "mention_actor": None,  # dict[tuple[int, int], str]: mention (start, end) -> actor id
    "attributions": None,  # list[schema.Attribution]
    "figures": None,  # list[schema.Figure]
    "stances": None,  # list[schema.Stance]
    "claims": None,  # list[schema.Claim]
}


def register() -> None:
    """Register the claimx Doc extensions (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
