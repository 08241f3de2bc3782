"""Clauses that state no position: questions ("Will the government accept the report?"),
stances reported as speculation or doubt ("Analysts speculated that the bank might reject
the request", "denied that the government had agreed to the deal", "speculation that X
would accept"), and guesses by a third party ("Analysts said the bank might reject it")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Token

from claimx.extractors.quotes import find_quotes
from claimx.extractors.stances.clauses import _opens_question
from claimx.extractors.stances.lexicon import (
    _ABILITY_MODALS,
    _ASKING,
    _DEONTIC,
    _DEONTIC_HEADS,
    _GENERIC,
    _NECESSITY_FORECAST,
    _NON_ASSERTIVE_NOUNS,
    _NON_ASSERTIVE_VERBS,
    _TENTATIVE_MODALS,
    _VERBS,
)
from claimx.extractors.stances.parse import _Raw, lifted_conj
from claimx.extractors.stances.verbs import _hypothetical
from claimx.schema import Attribution

_SUBJECTS = ("nsubj", "nsubjpass", "expl")

#: heads that make a stance in their to-complement the reporter's forecast
_FORESEEING = frozenset(["expect", "expected", "likely", "unlikely"])


def _clause_top(tok: Token) -> Token:
    while tok.dep_ in ("conj", "xcomp", "acomp", "prep", "pobj", "dobj") and tok.head.i != tok.i:
        if tok.dep_ in ("pobj", "dobj", "prep") and tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
    return tok


def is_question(anchor: Token) -> bool:
    """The clause of ``anchor`` asks: the sentence ends with "?" and an auxiliary comes
    before the subject ("Will the government accept ...?", "Why would Hamas accept ...?"),
    or the clause opens with a question word."""
    sent = anchor.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "'", "\u201d", "\u2019")), None)
    if last is None or last.text != "?":
        return False
    top = _clause_top(anchor)
    subj = next((c for c in top.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.i < subj.i for c in top.children) or (
        top.lemma_ == "be" and top.i < subj.i
    )


def unasserted(anchor: Token) -> bool:
    """``anchor`` sits in a clause that somebody speculates about, doubts or denies
    ("speculated that X might reject", "denied that X had agreed to", "speculation that X
    would accept"), not in one reported as a position."""
    node = lifted_conj(anchor) or anchor  # "denied X - but refused to rule out Y"
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        # "What the union wants is a rise": a pseudo-cleft states the position
        first = node.doc[node.left_edge.i]
        cleft = first.lower_ == "what" and first.head.dep_ == "csubj" and first.head.head.lemma_ == "be"
        if node.dep_ in ("ccomp", "pcomp", "csubj") and _opens_question(node) and not cleft:
            return True  # "looked at how independent labels can embrace digital music"
        if node.dep_ in ("ccomp", "acl") and node.i > head.i:
            lemma = head.lemma_.lower()
            if head.pos_ in ("VERB", "AUX") and lemma in _NON_ASSERTIVE_VERBS:
                return True
            if head.pos_ == "NOUN" and lemma in _NON_ASSERTIVE_NOUNS:
                return True
        node = head
    return False


def third_party_guess(raw: _Raw, anchor: Token) -> bool:
    """ "Analysts said the central bank might reject the request": a "might"/"may" stance
    in a clause reported by somebody other than its holder is a guess about it, and a
    "should"/"must" one is the reporter's demand ("Hodgson believes the Premiership should
    embrace the idea": the Premiership embraces nothing). "The firm said it might accept"
    (a pronoun holder) is the holder's own position."""
    guessed = _TENTATIVE_MODALS | _DEONTIC
    if raw.modality not in guessed or raw.actor_tok is None or raw.actor_tok.pos_ == "PRON":
        return False
    node = _clause_top(anchor)
    if node.dep_ != "ccomp" or node.head.i == node.i:
        return False
    reporter = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
    return reporter is not None and reporter.i != raw.actor_tok.i


def forced(anchor: Token) -> bool:
    """ "Turkey may have to accept restrictions", "will need to approve": a necessity
    foreseen for the holder, not a position it takes."""
    head = anchor.head
    if anchor.dep_ != "xcomp" or head.i == anchor.i or head.lemma_.lower() not in _DEONTIC_HEADS:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _NECESSITY_FORECAST for c in head.children)


def _quoted(text: str, char: int) -> bool:
    """``char`` lies inside a quotation of any style ("...", “...”, ‘...’, '...'), one
    left open to its paragraph's end included (claimx.extractors.quotes)."""
    return any(start < char < end for start, end in _quotes_in(text))


@lru_cache(maxsize=8)
def _quotes_in(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(find_quotes(text))


def reader_comment(raw: _Raw, text: str, attributions: Sequence[Attribution] = ()) -> bool:
    """ "I think the council should scrap the scheme. John, Leeds": a first-person stance
    outside any quotation and with no speaker is a reader's comment (or the writer's), not
    a position the story reports ("We would like to see X, the union said" has one)."""
    at = raw.holder.start if raw.holder is not None else (raw.actor_tok.idx if raw.actor_tok is not None else -1)
    for a in attributions:
        source = a.source.text.lower() if a.source is not None else "i"
        if source not in ("i", "we") and a.content is not None and a.content.start <= at < a.content.end:
            return False
    if raw.holder is not None:  # the source of an attribution ("I think ...")
        first = raw.holder.text.lower() in ("i", "we")
        return first and not _quoted(text, raw.holder.start)
    tok = raw.actor_tok
    if tok is None or tok.pos_ != "PRON" or tok.lower_ not in ("i", "we"):
        return False
    return not (_quoted(text, tok.idx) or _opens_with_quote(tok))


def _opens_with_quote(tok: Token) -> bool:
    """ "...comes with. "I would like to see it resolved.": a sentence that opens with a
    quotation mark is quoted speech, also where a paragraph of several quoted sentences
    leaves the earlier ones open (BBC style) and the marks pair up wrongly."""
    first = next((t for t in tok.sent if not t.is_space), None)
    return first is not None and first.text in ('"', "\u201c", "``") and first.i < tok.i


def ability(raw: _Raw) -> bool:
    """ "administrators can seek to recover money", "cannot demand pay-outs": what somebody
    is able to do is no position; "can accept" and a refused acceptance ("cannot accept",
    folded to a rejection) are."""
    if raw.modality not in _ABILITY_MODALS or raw.stance == "accept":
        return False
    return not (raw.stance == "reject" and raw.lemma.startswith("not "))


def failed_agreement(raw: _Raw, anchor: Token) -> bool:
    """ "All the countries could not agree on the way forward": no agreement was reached,
    which nobody rejected (an outcome, as "unable to reach agreement")."""
    preps = [c.lower_ for c in anchor.children if c.dep_ == "prep"]
    return anchor.lemma_.lower() == "agree" and raw.lemma.startswith("not ") and ("on" in preps or "over" in preps)


def asked_to(anchor: Token) -> bool:
    """ "Shareholders will be asked to approve the deal", "Police have been urged to crack
    down": what the subject is asked to do, not a position it holds."""
    head = anchor.head
    if anchor.dep_ != "xcomp" or head.i == anchor.i or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    lemma = head.lemma_.lower()
    return _VERBS.get(lemma, {}).get("stance") == "demand" or lemma in _ASKING


def foreseen(anchor: Token) -> bool:
    """ "The opposition is expected to vote against the measure", "the syndicate is likely to
    accept": the reporter's forecast of a stance, not one taken (STANCES_FRESH.md 17)."""
    head = anchor.head
    if anchor.dep_ != "xcomp" or head.i == anchor.i:
        return False
    lemma = head.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in head.children) or head.dep_ == "acomp"
    return lemma in _FORESEEING and (passive or head.pos_ == "ADJ")


def supposed(anchor: Token) -> bool:
    """A predicate or noun stance inside an "if"/"unless" clause ("If the governments were as
    ready to devote ..."): a supposition (verbs are checked where they are read)."""
    return anchor.pos_ != "VERB" and _hypothetical(anchor)


def generic(anchor: Token) -> bool:
    """ "any voter who refuses to be inked will not receive the ballot", "anyone who rejects
    the terms": a relative clause on a noun any party could be, no position anybody holds."""
    node = anchor
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl" or node.head.i == node.i:
        return False
    noun = node.head
    return noun.lower_ in _GENERIC or any(c.dep_ == "det" and c.lower_ in _GENERIC for c in noun.children)


def no_position(raw: _Raw) -> bool:
    """A rule's stance that the sentence does not state as anybody's position."""
    anchor = raw.anchor
    if anchor is None or raw.stance == "condition":
        return False
    if raw.cue_type == "modal":
        return is_question(anchor) or unasserted(anchor)
    if ability(raw) or failed_agreement(raw, anchor) or asked_to(anchor) or supposed(anchor) or foreseen(anchor):
        return True
    if generic(anchor):
        return True
    return is_question(anchor) or unasserted(anchor) or third_party_guess(raw, anchor) or forced(anchor)
