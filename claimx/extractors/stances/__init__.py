"""Stances: demands, rejections, acceptances (and threats, warnings, proposals, conditions)
taken by an actor toward something.

Cues are read from the dependency parse; which verbs and nouns count, and which of their
complements carry the object, is data in ``models/stances.json``:

* verbs — "Hamas demands X", "the group insisted on X", "urged Israel to withdraw", passives
  ("X was rejected by Hamas"), relative clauses ("the plan, which Hamas accepted": the object
  is the antecedent), conjoined verbs sharing a subject ("rejected X but accepted Y");
* nouns — "Hamas's demand for X", "Israel's rejection of Y", "Hamas demands for X";
* conditions — "would only ... once X", "unless X".

Negation is recorded, not folded into the type: "did not reject X" gives ``stance
["reject"]`` with ``negated=True`` — read it as "the actor is reported *not* to reject X".
Modality is the modal verb ("would welcome" -> ``"would"``) or a readiness head ("is ready
to accept" -> ``"ready"``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimx.extractors.actors import ActorTable
from claimx.extractors.coref import link_speakers
from claimx.extractors.stances.conditions import phrase_conditions, sanction_threats, stance_conditions
from claimx.extractors.stances.deontic import deontic_demands
from claimx.extractors.stances.holders import _resolve
from claimx.extractors.stances.lexicon import (
    _ADJECTIVES,
    _ADVCL,
    _AGENT_NOUNS,
    _CANDIDATE_WORDS,
    _COND_FIRST,
    _IRREALIS,
    _NAMING,
    _NOUNS,
    _PHRASAL,
    _QUESTION_WORDS,
    _VERBS,
)
from claimx.extractors.stances.mood import no_position, reader_comment
from claimx.extractors.stances.nouns import _condition, _noun_stance
from claimx.extractors.stances.parse import _Raw
from claimx.extractors.stances.phrasal import phrasal_stance
from claimx.extractors.stances.predicates import (
    adjective_stance,
    agent_noun_stance,
    is_predicate_candidate,
    phrase_stance,
    preposition_stance,
)
from claimx.extractors.stances.quotes import quote_demands, speakers_hold
from claimx.extractors.stances.verbs import _is_verb_use, _verb_stance
from claimx.nlp.spans import clean_text, make_span, sentence_index
from claimx.nlp.tokens import positions
from claimx.schema import Attribution, Cue, Span, Stance

__all__ = ["find_stances"]

#: "called", "described", "dubbed": the naming verbs of the lexicon as written after "what it"
_NAMING_FORMS = frozenset(f for w in _NAMING for f in (w, w + "s", w + "d", w + "ed", w + w[-1] + "ed"))


# -- entry point ---------------------------------------------------------------------------


def _candidates(doc: Doc) -> list[_Raw]:
    out: list[_Raw] = []
    for i in positions(doc, lemmas=_CANDIDATE_WORDS, deps=_ADVCL):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        raw: _Raw | None = None
        if lemma in _PHRASAL and _is_verb_use(tok):
            raw = phrasal_stance(tok)
        if raw is None and lemma in _VERBS and _is_verb_use(tok):
            raw = _verb_stance(doc, tok, _VERBS[lemma])
        elif lemma in _AGENT_NOUNS and tok.pos_ == "NOUN":
            raw = agent_noun_stance(tok)
        elif lemma in _NOUNS and (tok.pos_ == "NOUN" or tok.tag_ == "VBZ"):
            raw = _noun_stance(doc, tok, _NOUNS[lemma])
        elif is_predicate_candidate(tok):
            if lemma in _ADJECTIVES:
                raw = adjective_stance(tok, _ADJECTIVES[lemma])
            else:
                raw = phrase_stance(tok) if tok.dep_ == "pobj" else preposition_stance(tok)
        elif tok.dep_ == "advcl":
            raw = _condition(doc, tok)
        if raw is not None:
            out.append(raw)
    out.extend(phrase_conditions(doc, positions(doc, lowers=_COND_FIRST)))
    return out


def _end_before_conditions(text: str, raws: list[_Raw]) -> None:
    """ "would accept the offer provided that regulators approve": the object ends where the
    condition set on it begins."""
    for cond in [r for r in raws if r.stance == "condition"]:
        start = cond.cue[0]
        for raw in raws:
            if raw is not cond and raw.obj is not None and raw.obj[0] < start < raw.obj[1]:
                end = start
                while end > raw.obj[0] and text[end - 1] in " \t\r\n,;:":
                    end -= 1
                raw.obj = (raw.obj[0], end)


def _asks(text: str, raw: _Raw) -> bool:
    """ "asked the lawyers what evidence they had": an object that opens with a question
    word is a question, not something demanded, rejected or accepted."""
    if raw.obj is None or raw.stance == "condition":
        return False
    words = text[raw.obj[0] : raw.obj[1]].split(maxsplit=3)
    if len(words) > 2 and words[0].lower() == "what" and words[2].lower() in _NAMING_FORMS:
        return False  # "what it called an insulting offer": the offer, named
    return bool(words) and words[0].lower() in _QUESTION_WORDS


def _inside_another(raw: _Raw, raws: list[_Raw]) -> bool:
    """A stance whose cue lies in another stance's object and whose holder it only inherits
    is part of what that one is about ("urged Israel to accept the truce": Egypt does not
    accept anything), and so is anything inside a condition ("provided that regulators
    approve"). A stance with its own holder inside the object stays ("accepted the plan
    proposed by Trump": Trump proposed it)."""
    s, e = raw.cue
    holder = raw.actor_tok.idx if raw.actor_tok is not None else None
    for other in raws:
        if other is raw or other.obj is None or not (other.obj[0] <= s and e <= other.obj[1]):
            continue
        inherited = holder is None or not (other.obj[0] <= holder < other.obj[1])
        if inherited and _stated_fact(raw) and other.stance != "condition" and other.stance not in _IRREALIS:
            continue  # "objected to the fact that the idea had been rejected": the reporter states it
        if other.stance == "condition" or inherited:
            return True
        describes = raw.anchor is not None and raw.anchor.dep_ in ("acl", "relcl")
        if other.stance in _IRREALIS and not describes:
            return True  # "insisted on the banks pledging to fund X": nobody pledged
    return False


def _stated_fact(raw: _Raw) -> bool:
    """A position reported with no holder in the that-clause of a noun ("the fact that",
    "reports that"): the clause is told as what happened, not part of what is asked."""
    anchor = raw.anchor
    if raw.actor_tok is not None or raw.holder is not None or anchor is None or anchor.dep_ != "acl":
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in anchor.children)


def _restated(raw: _Raw, raws: list[_Raw]) -> bool:
    """ "unveiled its plans for X": the verb's proposal and the light verb's noun stance are
    one stance; the one with the shorter cue goes when another of the same type and holder
    overlaps it, or when it is the verb that carries the other's stance noun ("offered
    qualified support for X" accepts X, it proposes nothing)."""
    me = raw.actor_tok.i if raw.actor_tok is not None else None
    for other in raws:
        if other is raw or not (other.cue[0] < raw.cue[1] and raw.cue[0] < other.cue[1]):
            continue
        anchors = (raw.anchor.i if raw.anchor is not None else -1, other.anchor.i if other.anchor is not None else -2)
        carried = other.cue_type == "noun" and anchors[0] == anchors[1]
        if other.stance != raw.stance and not carried:
            continue
        them = other.actor_tok.i if other.actor_tok is not None else None
        if them == me and other.cue[1] - other.cue[0] > raw.cue[1] - raw.cue[0]:
            return True
    return False


def find_stances(doc: Doc) -> list[Stance]:
    """Stances in ``doc`` (tagged, parsed, with entities), ids "s1", "s2", ... in text order.
    Reads the actor table the actor component left on the doc and saves what it adds; links
    a direct quotation's "I" to its speaker."""
    table = ActorTable.from_doc(doc)
    if not doc.has_annotation("DEP"):
        return []
    attributions = [Attribution.model_validate(a) for a in doc._.attributions or []]
    link_speakers(doc, table, attributions)
    found = _candidates(doc) + quote_demands(doc, attributions) + deontic_demands(doc, attributions)
    found += sanction_threats(doc, found)
    found = [r for r in found if not no_position(r)]
    speakers_hold(found, attributions)
    found = [r for r in found if not reader_comment(r, clean_text(doc), attributions)]
    found += stance_conditions(doc, found)
    _end_before_conditions(clean_text(doc), found)
    text = clean_text(doc)
    found = [r for r in found if not _asks(text, r)]
    raws = sorted((r for r in found if not _inside_another(r, found)), key=lambda r: r.cue)
    raws = [r for r in raws if not _restated(r, raws)]
    out: list[Stance] = []
    seen: set[tuple[tuple[int, int], str]] = set()
    for raw in raws:
        key = (raw.cue, raw.stance)
        if key in seen:
            continue
        seen.add(key)
        actor = raw.holder or _resolve(doc, table, raw.actor_tok)
        out.append(
            Stance(
                id=f"s{len(out) + 1}",
                sentence=sentence_index(doc, raw.cue[0]),
                actor=actor,
                stance=raw.stance,
                cue=Cue(**make_span(doc, *raw.cue).model_dump(), lemma=raw.lemma, cue_type=raw.cue_type),
                object=Span(**make_span(doc, *raw.obj).model_dump()) if raw.obj else None,
                negated=raw.negated,
                modality=raw.modality,
            )
        )
    table.save(doc)
    return out
