"""Demands stated as what must or should happen, by a named holder: "She said the Philippines
should copy Brazil's action" (her demand), "'They need to move quickly,' he added" (his), "X
said there should be a strike" (X's). The holder is the source of the attribution the clause
is reported in, or the subject of the reporting verb the clause is the complement of; the
cue is the modal ("should", "must") or the head ("need" of "need to")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import (
    _DEONTIC,
    _DEONTIC_EVENTS,
    _DEONTIC_HEADS,
    _FORECAST,
    _FORECAST_SUBJECTS,
    _FORECASTING_HOLDERS,
    _INFERRED_STATES,
    _NECESSITY_FORECAST,
    _QUANTITY_FORECAST,
    _REPORTING,
    _SUFFICIENCY,
)
from claimx.extractors.stances.parse import (
    _agent,
    _children,
    _contiguous,
    _edges,
    _negated,
    _Raw,
    _subject,
    _subtree_span,
)
from claimx.extractors.stances.verbs import _hypothetical
from claimx.schema import ActorSpan, Attribution

#: words of a date that put it in the past ("two years ago", "last year")
_PAST_MARKS = frozenset(["ago", "last", "yesterday", "earlier", "previously"])
#: a reported clause's subject that is, most often, the reporter itself
_SELF_PRONOUNS = frozenset(["he", "she", "it"])


def _deontic_cue(verb: Token) -> Token | None:
    """ "should"/"must" on ``verb``, or ``verb`` itself when it is "need"/"have" with a
    to-complement."""
    for c in _children(verb, "aux"):
        if c.lower_ in _DEONTIC and c.i < verb.i:
            # "should have volunteered a statement", "must have known": a reproach or an
            # inference about the past, no demand
            perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.i > c.i for a in _children(verb, "aux"))
            # "must be wondering": an inference about what is going on
            going_on = c.lower_ == "must" and verb.tag_ == "VBG"
            return None if perfect or going_on else c
    want = _DEONTIC_HEADS.get(verb.lemma_.lower())
    # "they had to pay in more", "having to pay off staff": what was or is necessary, no demand
    # "will need to raise taxes", "would have to shed jobs": a necessity foreseen, no demand
    foreseen = any(c.lower_ in _NECESSITY_FORECAST for c in _children(verb, "aux"))
    # "is thought to have about £2bn to spare": a possession, no "have to"
    owned = bool(_children(verb, "dobj"))
    finite = verb.pos_ in ("VERB", "AUX") and (verb.tag_ in ("VB", "VBP", "VBZ") or _backshifted(verb))
    if want is not None and not (foreseen or owned) and finite:
        for xc in _children(verb, "xcomp"):
            if any(c.lower_ == want and c.i < xc.i for c in xc.children):
                return verb
    return None


def _backshifted(verb: Token) -> bool:
    """ "Leigh said Britain had to set an example", "It said member states needed to be more
    accountable": a past "had to"/"needed to" reported by a past reporting verb is the
    speaker's "has to"/"needs to", not a past necessity ("they had to pay in more")."""
    head = verb.head
    reported = verb.tag_ == "VBD" and verb.dep_ == "ccomp" and head.i != verb.i and head.tag_ == "VBD"
    return reported and head.lemma_.lower() in _REPORTING and not _dated_past(verb)


def _dated_past(verb: Token) -> bool:
    """ "the city had to borrow heavily in the 1990s", "two years ago": a past date in the
    clause makes it what was necessary then."""
    for tok in verb.subtree:
        if tok.ent_type_ != "DATE":
            continue
        if tok.lower_ in _PAST_MARKS or (tok.text[:4].isdigit() and len(tok.text) in (4, 5)):
            return True
    return False


def _demanded(verb: Token, cue: Token) -> tuple[int, int] | None:
    """What must happen: the act after the modal, or what "there should be"."""
    if cue.i == verb.i:  # "need to move quickly": the complement
        xc = next(iter(_children(verb, "xcomp")), None)
        return _subtree_span(xc) if xc is not None else None
    if verb.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in verb.children):
        attr = next(iter(_children(verb, "attr")), None)
        return _subtree_span(attr) if attr is not None else None
    # "the ban should end and flights should resume": two demands, the second on its own
    end = verb.right_edge.i
    for c in _children(verb, "conj"):
        if c.i > verb.i and _children(c, "nsubj", "nsubjpass"):
            end = min(end, c.left_edge.i - 1)
    while end > verb.i and verb.doc[end].dep_ in ("cc", "punct"):
        end -= 1
    return _edges(_contiguous(verb.doc, verb.i, end))


def _forecast(verb: Token, cue: Token) -> bool:
    """ "profits should rise", "he must be pleased", "there should be adequate supplies": a
    forecast or an inference."""
    if cue.i == verb.i:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _FORECAST:
        # "the United States should increase its reserve": a named party made to act on
        # something is a demand; "sales should increase" is a forecast
        subj = _subject(verb)
        named = subj is not None and subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        return not (named and _children(verb, "dobj"))
    if lemma in _QUANTITY_FORECAST:
        # "sales should top $1bn", "the rise should not affect wages": a forecast about a
        # quantity; "talks should resume", "the plant must close": what a party wants done
        subj = _subject(verb)
        return subj is not None and (subj.lemma_.lower() in _FORECAST_SUBJECTS or subj.lower_ in _FORECAST_SUBJECTS)
    if lemma in _INFERRED_STATES and _children(verb, "auxpass") and _agent(verb) is None:
        return True  # "the players must be exhausted": a state inferred, not a demand
    if lemma == "have":  # "should have little effect on the agreement"
        return any(o.lemma_.lower() in _SUFFICIENCY for o in _children(verb, "dobj"))
    if lemma == "be" and _children(verb, "expl"):
        attr = next(iter(_children(verb, "attr")), None)
        words = [attr, *attr.children] if attr is not None else []
        return any(w.lower_ in _SUFFICIENCY or w.lemma_.lower() in _SUFFICIENCY for w in words)
    return lemma == "be" and bool(_children(verb, "acomp")) and not _children(verb, "expl")


def _commentator(holder: ActorSpan | None, reporter: Token | None) -> bool:
    """The clause is reported from market commentators ("analysts", "traders", "dealers"),
    whose "should" and "must" forecast rather than demand."""
    if reporter is not None:
        # "BBC correspondent Patrick Bartlett": the title before the name counts
        titles = [c.lower_ for c in reporter.children if c.dep_ in ("compound", "appos") and c.i < reporter.i]
        return reporter.lower_ in _FORECASTING_HOLDERS or any(t in _FORECASTING_HOLDERS for t in titles)
    words = holder.text.lower().split() if holder is not None else []
    return any(w in _FORECASTING_HOLDERS for w in words[-4:])


def _reported_by(verb: Token) -> Token | None:
    """The subject of the reporting verb whose complement clause ``verb`` heads."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or node.head.i == node.i or node.head.lemma_.lower() not in _REPORTING:
        return None
    return _subject(node.head)


def _source_at(attributions: Sequence[Attribution], char: int) -> ActorSpan | None:
    for a in attributions:
        if a.content is not None and a.source is not None and a.content.start <= char < a.content.end:
            return a.source
    return None


def deontic_demands(doc: Doc, attributions: Sequence[Attribution]) -> list[_Raw]:
    out: list[_Raw] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ccomp", "conj", "ROOT", "xcomp"):
            continue
        cue = _deontic_cue(verb)
        if cue is None or _forecast(verb, cue) or _hypothetical(verb):
            continue
        if cue.i == verb.i and _negated(verb):
            continue  # "do not have to fear any sanctions": no necessity, so no demand
        subj = _subject(verb)
        if subj is not None and subj.i > cue.i and cue.i != verb.i:
            continue  # "should the government be spending money ...?": a question
        if subj is not None and subj.lower_ in ("i", "you"):
            continue  # "I must say", and "you must" is an order (quotes.py)
        passive = bool(_children(verb, "auxpass", "nsubjpass"))
        if (
            subj is not None
            and subj.dep_ != "expl"
            and subj.lower_ != "there"
            and not passive
            and not _plausible_actor(subj)
            and subj.lower_ not in _DEONTIC_EVENTS
        ):
            continue  # "the deal should close in May": a forecast about a thing ("talks should
            # resume" is what a party wants done)
        holder = _source_at(attributions, cue.idx)
        said_by = _reported_by(verb)
        # a common-noun phrase ("an annual economic survey"), not a name the lexicon shares
        document = said_by is not None and any(c.dep_ == "det" for c in said_by.children)
        if said_by is not None and document and not _plausible_actor(said_by):
            continue  # "An annual economic survey said India needed to ease X": a document's view
        reporter = said_by if holder is None else None
        if holder is None and (reporter is None or not _plausible_actor(reporter)):
            continue
        own = cue.i == verb.i and subj is not None and subj.lower_ in _SELF_PRONOUNS
        if own and (reporter is not None or holder is not None):
            continue  # "He said he had to leave early": the holder's own necessity, asked of nobody
            # ("Pound said she should be stripped of her medals" asks it of another)
        if _commentator(holder, reporter):
            continue  # "Traders said prices should firm": market talk, a forecast
        obj = _demanded(verb, cue)
        if obj is None:
            continue
        out.append(
            _Raw(
                cue=(cue.idx, cue.idx + len(cue)),
                lemma=cue.lower_,
                stance="demand",
                cue_type="modal",
                actor_tok=reporter,
                obj=obj,
                negated=_negated(verb),
                holder=holder,
                anchor=verb,
            )
        )
    return out
