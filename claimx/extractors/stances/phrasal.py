"""Phrasal stance verbs: a verb with its particle and, often, a preposition ("backed away
from the plan", "signed off on the package", "came out against the takeover", "voted down
the measure", "stood by its decision"), read from ``phrasal_verbs`` in
``models/stances.json``."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import _PHRASAL, _POSITION_OBJECTS, _PREDICATE_PHRASES, _TIME_UNITS
from claimx.extractors.stances.parse import (
    _agent,
    _children,
    _modality,
    _negated,
    _np_span,
    _passive,
    _Raw,
    _subject,
    fold_negated_accept,
)

#: entity labels that make a phrase a time or a count, not a position ("held out for 80
#: minutes"); money and percentages can be what is held out for
_MEASURES = frozenset(["DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"])


def _particle(verb: Token, word: str) -> Token | None:
    """The particle as the parser read it: a particle anywhere in the clause after the verb
    ("knocked the plans back"), or right after the verb as an adverb or a preposition."""
    for c in verb.children:
        if c.lower_ != word or c.i <= verb.i:
            continue
        if c.dep_ == "prt" or (c.i == verb.i + 1 and c.dep_ in ("advmod", "prep", "dep", "intj", "dobj")):
            return c
    return None


def _prep_object(verb: Token, particle: Token, word: str) -> tuple[Token, Token] | None:
    """ "came out against X" (the preposition on the verb) or "backed away from X" (on the
    particle): the preposition and its object."""
    for prep in (*_children(verb, "prep"), *_children(particle, "prep")):
        if prep.lower_ == word and prep.i > particle.i:
            pobj = next(iter(_children(prep, "pobj", "pcomp")), None)
            if pobj is not None:
                return prep, pobj
    return None


def _phrase_object(verb: Token, particle: Token, words: tuple[str, ...]) -> tuple[Token, Token] | None:
    """ "came out in favour of early elections": the predicate phrase after the particle."""
    entry = _PREDICATE_PHRASES.get(words[1]) if len(words) == 3 else None
    if entry is None or entry[0] != words:
        return None
    for prep in (*_children(verb, "prep"), *_children(particle, "prep")):
        noun = next(iter(_children(prep, "pobj")), None)
        if prep.lower_ != words[0] or noun is None or noun.lower_ != words[1]:
            continue
        last = next((c for c in _children(noun, "prep") if c.lower_ == words[2]), None)
        inner = next(iter(_children(last, "pobj", "pcomp")), None) if last is not None else None
        if last is not None and inner is not None:
            return last, inner
    return None


def _direct(verb: Token, particle: Token) -> Token | None:
    """The object of a transitive phrasal verb: the particle's own object when the parser
    took it for a preposition ("voted down the measure", "stood by its decision"), the
    verb's object, or the subject of a passive ("was voted down by members")."""
    if particle.dep_ == "prep":
        return next(iter(_children(particle, "pobj")), None)
    obj = next(iter(_children(verb, "dobj")), None)
    if obj is not None:
        return obj
    if _passive(verb):
        subj = next(iter(_children(verb, "nsubjpass")), None)
        return subj if subj is not None else (verb.head if verb.dep_ == "acl" else None)
    return None


def _object_fits(obj: Token, entry: dict[str, Any]) -> bool:
    """Not an amount or a time; one of the positions when the entry asks for them ("stood by
    its decision", not "stood by the roadside")."""
    word, lemma = obj.lower_, obj.lemma_.lower()
    if obj.ent_type_ in _MEASURES or obj.like_num or lemma in _TIME_UNITS:
        return False
    if word in entry.get("non_stance_objects", []):
        return False
    return entry.get("object_heads") != "positions" or word in _POSITION_OBJECTS or lemma in _POSITION_OBJECTS


def phrasal_stance(verb: Token) -> _Raw | None:
    """The stance of ``verb`` when it carries one of its phrasal entries' particles."""
    for word, tail, entry in _PHRASAL.get(verb.lemma_.lower(), []):
        particle = _particle(verb, word)
        if particle is None:
            continue
        if len(tail) == 1:
            found = _prep_object(verb, particle, tail[0])
        elif tail:
            found = _phrase_object(verb, particle, tail)
        else:
            obj = _direct(verb, particle)
            found = (particle, obj) if obj is not None else None
        if found is None or not _object_fits(found[1], entry):
            continue
        last, obj = found
        span = _np_span(obj, verb) if obj.i < verb.i else _np_span(obj)
        actor_tok = _agent(verb) if _passive(verb) else _subject(verb)
        if span is None or actor_tok is None or not _plausible_actor(actor_tok):
            continue
        modality, _ = _modality(verb)
        end = last if last.i > verb.i else particle
        raw = _Raw(
            cue=(verb.idx, end.idx + len(end)),
            lemma=" ".join((verb.lemma_.lower(), word, *tail)),
            stance=entry["stance"],
            cue_type="verb",
            actor_tok=actor_tok,
            obj=span,
            negated=_negated(verb),
            modality=modality,
            anchor=verb,
        )
        fold_negated_accept(raw, verb)
        return raw
    return None
