"""Stances stated as predicates: an adjective ("reluctant to lift the embargo", "open to
talks", "opposed to any extension") or a preposition ("is against the plan") said of the
subject of a copula or of a verb like "remain" or "appear"."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import (
    _ADJECTIVES,
    _AGENT_NOUNS,
    _COPULAR_PREPS,
    _IGNORED_XCOMP,
    _PREDICATE_HEADS,
    _PREDICATE_PHRASES,
    _VERBS,
)
from claimx.extractors.stances.parse import _children, _modality, _np_span, _Raw, _subject, _subtree_span


def _predicate_head(tok: Token) -> Token | None:
    """The copula or linking verb ``tok`` is predicated by ("remains reluctant")."""
    head = tok.head
    if head.i == tok.i or tok.dep_ not in ("acomp", "oprd", "prep", "attr", "xcomp"):
        return None
    if head.lemma_.lower() not in _PREDICATE_HEADS:
        return None
    return head


def _negated_predicate(tok: Token, head: Token) -> bool:
    return any(c.dep_ == "neg" for c in (*tok.children, *head.children))


def _complement(adj: Token, entry: dict[str, Any]) -> tuple[int, int] | None:
    frames, defer = entry["frames"], bool(entry.get("defer"))
    barred = entry.get("non_stance_objects", [])  # "open to traffic", not "open to talks"
    for frame in frames:
        if frame == "xcomp":
            for xc in _children(adj, "xcomp"):
                lemma = xc.lemma_.lower()
                if xc.i < adj.i or xc.pos_ not in ("VERB", "AUX") or lemma in _IGNORED_XCOMP:
                    continue
                if defer and lemma in _VERBS:
                    return None  # "ready to accept X": the verb carries the stance
                return _subtree_span(xc)
        elif frame.startswith("prep:"):
            for prep in _children(adj, "prep"):
                pobj = next(iter(_children(prep, "pobj", "pcomp")), None)
                if prep.lower_ == frame[5:] and pobj is not None and pobj.lemma_.lower() not in barred:
                    return _np_span(pobj)
    return None


def _conjoined(adj: Token) -> list[Token]:
    """ "ready and willing to negotiate", "ready and prepared to represent": the predicates
    coordinated after ``adj`` (on it, or on its copula with no subject of their own)."""
    sibs = [c for c in adj.children if c.dep_ == "conj" and c.pos_ in ("ADJ", "VERB")]
    head = adj.head
    sibs += [
        c
        for c in head.children
        if c.dep_ == "conj" and c.i > adj.i and c.lower_ in _ADJECTIVES and not _children(c, "nsubj", "nsubjpass")
    ]
    return sibs


def adjective_stance(adj: Token, entry: dict[str, Any]) -> _Raw | None:
    head = _predicate_head(adj)
    if head is None:
        return None
    obj = _complement(adj, entry)
    if obj is None and not _children(adj, "xcomp", "prep"):
        # the complement the coordinated predicates share ("willing and able to resume talks")
        obj = next((o for o in (_complement(s, entry) for s in _conjoined(adj)) if o is not None), None)
    if obj is None:
        return None
    return _predicate_raw(adj, head, entry["stance"], obj)


def preposition_stance(prep: Token) -> _Raw | None:
    """ "China is firmly against any form of sanctions"."""
    stance = _COPULAR_PREPS.get(prep.lower_)
    head = _predicate_head(prep) if stance is not None else None
    pobj = next(iter(_children(prep, "pobj", "pcomp")), None)  # "is against raising the age"
    if stance is None or head is None or pobj is None:
        return None
    obj = _np_span(pobj)
    return _predicate_raw(prep, head, stance, obj) if obj is not None else None


def phrase_stance(noun: Token) -> _Raw | None:
    """ "he was in favour of a referendum": a prepositional phrase said of the subject; the
    cue is the phrase, the object the last preposition's object."""
    words, stance = _PREDICATE_PHRASES[noun.lower_]
    first = noun.head
    if noun.dep_ != "pobj" or first.lower_ != words[0] or len(words) != 3:
        return None
    head = _predicate_head(first)
    last = next((c for c in _children(noun, "prep") if c.lower_ == words[2]), None)
    pobj = next(iter(_children(last, "pobj", "pcomp")), None) if last is not None else None
    if head is None or last is None or pobj is None:
        return None
    obj = _np_span(pobj)
    raw = _predicate_raw(first, head, stance, obj) if obj is not None else None
    if raw is not None:
        raw.cue = (first.idx, last.idx + len(last))
        raw.lemma = " ".join(words)
    return raw


def agent_noun_stance(noun: Token) -> _Raw | None:
    """ "Hodgson is a fierce advocate of the winter break", "I am a supporter of the break":
    a noun for one who holds a position, said of the subject; the cue runs to its "of"."""
    stance = _AGENT_NOUNS.get(noun.lemma_.lower())
    head = _predicate_head(noun) if stance is not None and noun.dep_ == "attr" else None
    of = next((c for c in _children(noun, "prep") if c.lower_ == "of"), None)
    pobj = next(iter(_children(of, "pobj", "pcomp")), None) if of is not None else None
    # "a supporter of Manchester United": a fan of a club or a person, no position on a plan
    named = pobj is not None and pobj.pos_ == "PROPN"
    obj = _np_span(pobj) if pobj is not None and not named else None
    if stance is None or head is None or of is None or obj is None:
        return None
    raw = _predicate_raw(noun, head, stance, obj)
    if raw is not None:
        raw.cue = (noun.idx, of.idx + len(of))
        raw.lemma = f"{noun.lemma_.lower()} of"
    return raw


def _predicate_raw(tok: Token, head: Token, stance: str, obj: tuple[int, int]) -> _Raw | None:
    actor_tok = _subject(head)
    if actor_tok is None or not _plausible_actor(actor_tok):
        return None
    modality, _ = _modality(head)
    raw = _Raw(
        cue=(tok.idx, tok.idx + len(tok)),
        lemma=tok.lemma_.lower(),
        stance=stance,
        cue_type="predicate",
        actor_tok=actor_tok,
        obj=obj,
        negated=_negated_predicate(tok, head),
        modality=modality,
        anchor=head,
    )
    if raw.stance == "accept" and raw.negated:  # "is not open to talks"
        raw.stance, raw.negated, raw.lemma = "reject", False, f"not {raw.lemma}"
    return raw


def is_predicate_candidate(tok: Token) -> bool:
    low = tok.lemma_.lower()
    return (
        (low in _ADJECTIVES and tok.pos_ in ("ADJ", "VERB"))
        or (tok.lower_ in _COPULAR_PREPS and tok.pos_ == "ADP")
        or (tok.lower_ in _PREDICATE_PHRASES and tok.dep_ == "pobj")
    )
