"""The Doc extension attributes claimx's components read and write.

Every value is plain data (dicts and lists of str, int, float, bool and None), so a Doc with
claimx's annotations survives ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=2)``. Records have the shape of the JSON contract (``claimx.schema``);
``claimx.to_article(doc)`` reads them into an :class:`~claimx.schema.Article`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

#: name -> default. Lists are created per Doc by the component that owns them.
DOC_EXTENSIONS: dict[str, Any] = {
    "source_text": None,  # the input exactly as decoded; doc.text may differ only same-length
    "sentence_spans": None,  # list[(start, end, is_headline)]
    "headline": None,  # a schema.Span as a dict, or None
    "dateline": None,  # a schema.Dateline as a dict, or None
    "actors": None,  # list of schema.Actor dicts
    # the actor table's own bookkeeping, so a later family can rebuild it exactly:
    # {"made": ids made so far, "mentions": [[start, end, actor id], ...] in the order they
    # were recorded, "surfaces": {actor id: {name as written: count}}}
    "actor_index": None,
    "attributions": None,  # list of schema.Attribution dicts
    "figures": None,  # list of schema.Figure dicts
    "stances": None,  # list of schema.Stance dicts
    "claims": None,  # list of schema.Claim dicts
}


def _mention_actor(doc: Doc) -> dict[tuple[int, int], str] | None:
    index = doc._.actor_index
    if index is None:
        return None
    return {(s, e): aid for s, e, aid in index["mentions"]}


#: name -> getter over the data above
DOC_GETTERS: dict[str, Any] = {
    "mention_actor": _mention_actor,  # (start, end) of each actor mention -> actor id
}


def register() -> None:
    """Register the claimx Doc extensions (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, getter in DOC_GETTERS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


register()
