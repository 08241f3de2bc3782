"""What the attribution rules share: the cue lexicon, the raw attribution record, and the
span helpers on the parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimx import data as lexicons

_CUES = lexicons.load("cues")
_CUE_CLASS: dict[str, str] = {}
for _cls, _verbs in _CUES["verbs"].items():
    for _v in _verbs:
        _CUE_CLASS.setdefault(_v, _cls)
_CUE_LEMMAS = frozenset(_CUE_CLASS)
_VERB_POS = frozenset({"VERB", "AUX"})
_ACCORDING = frozenset({"according"})
_NEEDS_CLAUSE = frozenset(_CUES["needs_clause"])
_OBJECT_CONTENT = frozenset(_CUES["object_content"])
_PASSIVE = frozenset(_CUES["quote_verbs_passive"])
_CONTENT_FIRST = frozenset(_CUES["content_first"])
_RULES_NESTED = frozenset(_CUES["rules_nested"])
_RULES_ANYWHERE = frozenset(_CUES["rules_anywhere"])
_CUE_NOUNS = frozenset(_CUES["nouns"])
_ANON_MARKERS: list[str] = lexicons.load("actors")["anonymity_markers"]
_PRONOUNS = frozenset(lexicons.load("actors")["pronouns"])


@dataclass(frozen=True)
class Raw:
    """An attribution as character offsets, before actors and ids are attached."""

    cue: tuple[int, int]
    source: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    lemma: str | None = None
    cue_type: str | None = None
    outlet: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    direct: bool = False
    learned: bool = False


def _edge_span(tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and ((toks[0].is_punct and toks[0].text not in "“\"'‘«(") or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"'’»)":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _subtree(tok: Token, *, exclude: set[int] | None = None) -> list[Token]:
    exclude = exclude or set()
    return [t for t in tok.subtree if t.i not in exclude]


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]
