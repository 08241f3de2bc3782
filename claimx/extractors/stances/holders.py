"""Who holds a stance: the actor phrase of a rule's token, resolved to an actor."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimx.extractors.actors import ActorTable, entity_kind
from claimx.extractors.stances.lexicon import (
    _INANIMATE,
    _POSS_PRONOUNS,
    _PRONOUN_KINDS,
)
from claimx.extractors.stances.parse import (
    _actor_np,
    _children,
    _is_relative,
)
from claimx.nlp.spans import clean_text, make_span
from claimx.schema import ActorKind, ActorSpan

#: entity labels of amounts, which hold no position
_QUANTITIES = frozenset(["MONEY", "PERCENT"])

# -- actors --------------------------------------------------------------------------------


def _fits(pron: str, noun: Token) -> bool:
    if noun.pos_ == "PRON" or _is_relative(noun):
        return False
    person = noun.ent_type_ == "PERSON"
    if pron == "it":
        return not person and noun.tag_ in ("NN", "NNP")
    if pron == "they":
        return not person and (noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ in ("ORG", "GPE", "NORP"))
    if pron in ("he", "she"):
        return person or (noun.pos_ == "NOUN" and noun.tag_ == "NN")
    return False


def _clause_antecedent(pron: Token) -> Token | None:
    """ "The White House said it would ...", "the party reiterated its support": the
    subject of a clause above the pronoun, when it fits the pronoun."""
    key = _POSS_PRONOUNS.get(pron.lower_, pron.lower_)
    node = pron
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        for sub in _children(node, "nsubj"):
            if sub.i < pron.i and _fits(key, sub):
                return sub
    return None


def _kind_for(tok: Token) -> str:
    return entity_kind(tok.ent_type_)


def _actor_id(table: ActorTable, head: Token, np: tuple[int, int]) -> str | None:
    """The actor of a phrase: the mention on its head word ("Nigeria's president" is not
    Nigeria); the whole phrase only when its head is part of no mention and it holds no
    possessor."""
    aid = table.at(head.idx, head.idx + len(head))
    if aid is not None:
        return aid
    if any(c.dep_ == "poss" for c in head.children) or head.pos_ == "NOUN":
        return None
    return table.at(*np)


def _resolve(doc: Doc, table: ActorTable, tok: Token | None) -> ActorSpan | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" or tok.lower_ in _POSS_PRONOUNS:
        span = (tok.idx, tok.idx + len(tok))
        key = _POSS_PRONOUNS.get(tok.lower_, tok.lower_)
        kinds = _PRONOUN_KINDS.get(key)
        aid = table.at(*span)
        if aid is None:
            ante = _clause_antecedent(tok)
            np = _actor_np(ante) if ante is not None else None
            if ante is not None and np is not None:
                aid = _actor_id(table, ante, np)
                if aid is None:
                    aid = table.add(
                        np[0],
                        np[1],
                        name=clean_text(doc)[np[0] : np[1]],
                        kind=_kind_for(ante),
                        label=ante.ent_type_ or None,
                    )
            elif kinds is not None:
                aid = table.last_of(kinds, tok.idx)
            if aid is not None:
                table.refer(aid, *span)
    else:
        se = _actor_np(tok)
        if se is None:
            return None
        span = se
        aid = _actor_id(table, tok, span)
    kind = ActorKind(table.get(aid).kind) if aid is not None else None
    return ActorSpan(**make_span(doc, *span).model_dump(), actor=aid, kind=kind)


def _named_person(tok: Token) -> bool:
    """ "David Frost", "Senator Mary Law": a surname that is also a common word is a person
    when it closes a name of several words (a bare "Frost threatens the vines" stays the
    weather)."""
    if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON":
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i for c in tok.children)


def _plausible_actor(tok: Token | None) -> bool:
    if tok is None:
        return True
    if (tok.lemma_.lower() in _INANIMATE or tok.lower_ in _INANIMATE) and not _named_person(tok):
        return False
    # "12 of the members", "the three": a group of people, not an amount
    group = any((c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "det" for c in tok.children)
    if (tok.like_num or tok.ent_type_ in _QUANTITIES) and not group:
        return False  # "the price demanded by $2": an amount, nobody
    if tok.tag_ == "VBZ" and tok.dep_ in ("nsubj", "nsubjpass"):
        return True  # a plural noun the tagger took for a verb ("Local authorites ... had refused")
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "X") or bool(tok.ent_type_)
