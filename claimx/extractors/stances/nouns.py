"""Noun stances ("Hamas's demand for X") and conditions ("only if X")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import (
    _COMMITTING,
    _COND_ALWAYS,
    _COND_FOCUS,
    _COND_MARKS,
    _DEONTIC_EVENTS,
    _LIGHT_VERBS,
    _NOUN_ACTOR_PREPS,
    _REPORTING,
    _UNDERGOING,
    _VERBS,
)
from claimx.extractors.stances.parse import (
    _bare_participle,
    _children,
    _edges,
    _is_relative,
    _modality,
    _negated,
    _negator,
    _np_span,
    _Raw,
    _subject,
    _subtree_span,
    fold_negated_accept,
)

# -- nouns ---------------------------------------------------------------------------------


def _noun_actor(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for prep in _children(noun, "prep"):
        if prep.lower_ in _NOUN_ACTOR_PREPS:
            pobj = next(iter(_children(prep, "pobj")), None)
            if pobj is not None:
                return pobj
    for c in noun.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and (
            c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or c.pos_ == "PROPN"
        ):
            # the last word of the name is the head of its own little phrase
            return c
    return None


def _light_verb(noun: Token, entry: dict[str, Any]) -> Token | None:
    """The verb that carries a stance noun as its predicate: "renewed demands for X", "has no
    objection to X", "lent their backing to X", "presented the board with a plan"."""
    verbs = {*(entry.get("light_verbs") or _LIGHT_VERBS), *entry.get("more_light_verbs", [])}
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.i != head.i:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.i != noun.i and head.lemma_.lower() in verbs and head.i < noun.i else None


def _with_to_clause(noun: Token, pobj: Token, obj: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "the EU demand for Turkey to recognise Cyprus": the to-clause the parser hung on the
    noun belongs to the prepositional object ("Turkey to recognise Cyprus")."""
    if obj is None:
        return None
    nxt = pobj.right_edge.i + 1
    for c in noun.children:
        if c.dep_ in ("relcl", "acl", "xcomp") and c.left_edge.i == nxt and c.left_edge.tag_ == "TO":
            end = c.right_edge
            while end.i > c.i and end.is_punct:
                end = end.doc[end.i - 1]
            return obj[0], end.idx + len(end)
    return obj


def _argument_of_stance_verb(noun: Token) -> bool:
    """ "the union rejected its final proposal": a stance noun that is what another stance
    verb takes is that verb's object, not a position of its own; so is one that another verb
    acts on ("agreed to suspend their requests for arbitration") or a preposition's object
    ("a complaint over US support for Boeing"), STANCES_GUIDELINES.md "Nominal stances"."""
    head = noun.head
    if head.i == noun.i:
        return False
    if noun.dep_ in ("dobj", "pobj"):
        return True
    return noun.dep_ == "nsubjpass" and head.lemma_.lower() in _VERBS


def _undergone(noun: Token, preps: list[str]) -> tuple[Token, tuple[int, int]] | None:
    """ "The plans faced strong opposition from local residents", "won the backing of 40
    countries": the holder is in the noun's "from"/"of"/"by" phrase and the object is the
    subject of the verb (what meets the stance)."""
    verb = noun.head
    with_ = noun.dep_ == "pobj" and verb.lower_ == "with" and verb.head.i != verb.i  # "was met with protests"
    if with_:
        verb = verb.head
    if (noun.dep_ != "dobj" and not with_) or verb.i == noun.i or verb.lemma_.lower() not in _UNDERGOING:
        return None
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    own: Token | None = None  # "faced objections from MPs over the timing": the noun's own object
    for prep in _children(noun, "prep"):
        if holder is None and prep.lower_ in ("from", "of", "by"):
            holder = next(iter(_children(prep, "pobj")), None)
        elif own is None and prep.lower_ in preps:
            own = next(iter(_children(prep, "pobj")), None)
    if holder is None:  # "drew protests from civil liberties groups" with "from" hung on the verb
        after = [p for p in _children(verb, "prep") if p.lower_ in ("from", "by") and p.i == noun.right_edge.i + 1]
        holder = next(iter(_children(after[0], "pobj")), None) if after else None
    subj = own or _subject(verb) or next(iter(_children(verb, "nsubjpass")), None)
    obj = _np_span(subj) if subj is not None else None
    return (holder, obj) if holder is not None and obj is not None and _plausible_actor(holder) else None


def _held(noun: Token, entry: dict[str, Any]) -> bool:
    """ "the union's demand for X", "union demands for X", "renewed their demand": a stance
    noun somebody holds is plural, has a determiner or owner, or is carried by a light verb;
    a bare singular ("World demand for metals", "to meet demand from investors") is the
    economic sense (lexicon ``held_only``)."""
    if noun.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss") for c in noun.children):
        return True
    return _light_verb(noun, entry) is not None


def _modified(noun: Token, entry: dict[str, Any]) -> bool:
    """ "gave the green light to X", "the go-ahead for X": a noun that is a stance only with
    one of its entry's ``modifiers`` before it."""
    words = entry.get("modifiers")
    return not words or any(c.lower_ in words and c.dep_ in ("amod", "compound") for c in noun.lefts)


def _noun_stance(doc: Doc, noun: Token, entry: dict[str, Any]) -> _Raw | None:
    if not _modified(noun, entry):
        return None
    if entry.get("held_only") and not _held(noun, entry):
        return None
    undergone = _undergone(noun, entry["preps"])
    if undergone is not None:
        holder, span = undergone
        cue = (noun.idx, noun.idx + len(noun))
        return _Raw(cue, noun.lemma_.lower(), entry["stance"], "noun", holder, span, anchor=noun)
    light = _light_verb(noun, entry)
    if light is None and (entry.get("only_light") or _argument_of_stance_verb(noun)):
        return None
    obj: tuple[int, int] | None = None
    preps = _children(noun, "prep") + (_children(light, "prep", "dative") if light is not None else [])
    for prep in preps:
        if prep.lower_ in entry["preps"]:
            pobj = next(iter(_children(prep, "pobj", "pcomp")), None)
            if pobj is not None:
                obj = _np_span(pobj)
                obj = _with_to_clause(noun, pobj, obj)
                break
    if obj is None and light is not None and entry["stance"] in ("accept", "reject"):
        # "gave the plan its full backing": the light verb's other object (for a warning or
        # a demand that is the one addressed: "gave the pupils a warning")
        other = next((c for c in light.children if c.dep_ in ("dative", "dobj") and c.i < noun.i), None)
        obj = _np_span(other) if other is not None and other.pos_ in ("NOUN", "PROPN") else None
    if obj is None and entry.get("clause"):
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i:
                marks = [m for m in c.children if m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to")]
                if marks and not any(_is_relative(x) for x in c.children):
                    obj = _subtree_span(c)
                    break
    if obj is None:
        return None
    actor_tok = _noun_actor(noun) if light is None else (_subject(light) or _noun_actor(noun))
    if actor_tok is None or (light is not None and not _plausible_actor(actor_tok)):
        return None
    if light is None:
        cue = (noun.idx, noun.idx + len(noun))
    elif noun.i - light.i <= 4:  # "has no objection", "lent their backing"
        cue = (light.idx, noun.idx + len(noun))
    else:  # "presented the Commission with a plan": the verb states it
        cue = (light.idx, light.idx + len(light))
    raw = _Raw(
        cue=cue,
        lemma=noun.lemma_.lower() if light is None else f"{light.lemma_.lower()} {noun.lemma_.lower()}",
        stance=entry["stance"],
        cue_type="noun",
        actor_tok=actor_tok,
        obj=obj,
        negated=_negator(noun) is not None or (light is not None and _negated(light)),
        anchor=light or noun,
    )
    fold_negated_accept(raw, noun)
    return raw


def _reporter(verb: Token) -> Token | None:
    """The subject of the reporting verb whose complement clause ``verb`` heads."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or node.head.i == node.i or node.head.lemma_.lower() not in _REPORTING:
        return None
    return _subject(node.head)


# -- conditions ----------------------------------------------------------------------------


def _condition(doc: Doc, clause: Token) -> _Raw | None:
    """ "Hamas would only release them once the offensive ends": a condition the actor sets."""
    if clause.dep_ != "advcl" or clause.head.i == clause.i:
        return None
    marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
    if not marks:
        return None
    mark = marks[0]
    before = doc[max(0, mark.i - 2) : mark.i].text.lower()
    if mark.i > 0 and doc[mark.i - 1].lower_ in ("even", "as", "than", "what"):
        return None  # "even if X": concessive, no condition set
    word = mark.lower_
    if word == "as" and before.endswith("as long"):
        word = "as long as"
    if word not in _COND_MARKS or _bare_participle(clause):
        return None  # "will expire on Friday unless extended": no party sets that
    head = clause.head
    chain = [head]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    head = chain[-1]
    focus = mark.i > 0 and doc[mark.i - 1].lower_ in _COND_FOCUS
    focus = focus or any(c.lower_ in _COND_FOCUS for h in chain for c in h.children if c.dep_ == "advmod")
    modality, _ = _modality(head)
    if not (focus or (word in _COND_ALWAYS and (modality in _COMMITTING or _negated(head)))):
        return None
    if modality is None and not focus:
        return None
    actor_tok = _subject(head)
    if actor_tok is not None and actor_tok.lower_ in _DEONTIC_EVENTS:
        # "Gill said talks would not resume unless X": the one who reports the event sets it
        actor_tok = _reporter(head)
    if actor_tok is None or not _plausible_actor(actor_tok):
        return None
    obj = _edges([t for t in clause.subtree if t.i != mark.i])
    if obj is None:
        return None
    prev = doc[mark.i - 1] if mark.i > 0 else mark
    start = prev.idx if focus and prev.lower_ in _COND_FOCUS else mark.idx
    return _Raw(
        cue=(start, mark.idx + len(mark)),
        lemma=("only " if focus else "") + word,
        stance="condition",
        cue_type="condition",
        actor_tok=actor_tok,
        obj=obj,
        negated=False,
        modality=modality,
    )
