"""A definite official description that stands for a titled person ("India's finance minister
... he ..." before "Finance Minister Palaniappan Chidambaram"), and the role of a body that
stands for nobody named before ("The manager of the rival club")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from claimx import data as lexicons
from claimx.extractors.actors.names import _TITLE_WORDS
from claimx.extractors.actors.nations import country_of_name, country_of_word
from claimx.extractors.actors.table import ActorTable, _merge

#: titles of a country's leader: "the French leader" is its president or prime minister
_LEADERS = lexicons.word_set("actors", "leader_titles")


def name_titled_officials(doc: Doc, table: ActorTable) -> None:
    """ "India's finance minister ... he ..." before "Finance Minister Palaniappan Chidambaram":
    a definite official whose role is the title of exactly one named person is that person."""
    named = [a for a in table.actors_so_far() if a.kind == "person" and any(c.isupper() for c in a.name)]
    people = [a for a in named if a.title]
    for official in [a for a in table.actors_so_far() if a.kind == "official"]:
        texts = {m.text.lower() for m in official.mentions}
        roots = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in official.mentions]
        if any(r is not None and role_of_body(r.root) for r in roots):
            continue  # "The manager of the rival club"
        if not texts or any(t.startswith(("a ", "an ", "one ", "another ")) for t in texts):
            continue
        role = [w for w in official.name.lower().split() if not w.endswith(("'s", "’s"))][-2:]
        if not role or role[-1].endswith("s"):
            continue  # "ministers": several people
        # "Palaniappan Chidambaram, India's finance minister": a person with this very description
        fits = [p for p in named if p.id != official.id and texts & {m.text.lower() for m in p.mentions}]
        if not fits:
            country = _country_in(doc, official.mentions)
            fits = [
                p
                for p in people
                if p.title
                and p.title.lower().split()[-len(role) :] == role
                and _title_country(p.title) in (None, country)  # not "UK finance minister" for India's
            ]
        if not fits and (country := _country_in(doc, official.mentions)) is not None:
            # "the Israeli leader" after "Israeli Prime Minister Benjamin Netanyahu"
            fits = [p for p in people if _title_country(p.title) == country and _holds(role[-1], p.title)]
        if len(fits) == 1:
            _merge(table, keep=fits[0].id, drop=official.id)


def _holds(role: str, title: str | None) -> bool:
    """A title that is this role: the word itself, or for "leader" a head of government's."""
    words = (title or "").lower().split()
    return role in words or (role == "leader" and bool(set(words) & _LEADERS))


def _country_in(doc: Doc, mentions: list[Any]) -> str | None:
    """The country a mention names inside it ("India's finance minister")."""
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.start >= 2 and doc[span.start - 1].tag_ == "POS":
            span = doc[span.start - 2 : span.end]  # "India's finance minister": the possessor too
        for tok in span if span is not None else ():
            if (country := country_of_word(tok)) is not None:
                return country
    return None


def _title_country(title: str | None) -> str | None:
    """The country a title names ("UK finance minister", "Israeli Prime Minister")."""
    words = [w for w in (title or "").split() if w[:1].isupper() and w.lower().rstrip(".") not in _TITLE_WORDS]
    return country_of_name(" ".join(words)) if words else None


def role_of_body(head: Token) -> bool:
    """ "The manager of the rival club": a role in a body named here, not the title of a person
    named earlier."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "at", "for") for c in head.children)
