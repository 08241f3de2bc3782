"""Stances the speaker of a quotation takes: "'You have to lower these tariffs,' the
commissioner told the delegates" is the commissioner's demand; in "'We will not accept a
deal that hurts farmers,' the secretary said" the stance is the secretary's, not "We"'s."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimx.extractors.stances.lexicon import (
    _FIRST_PERSON,
    _IMPERATIVE_IGNORED,
    _QUOTE_DEMAND_HEADS,
    _QUOTE_DEMAND_MODALS,
)
from claimx.extractors.stances.parse import _children, _contiguous, _edges, _Raw, _subtree_span
from claimx.schema import ActorSpan, Attribution

_OPENERS = frozenset({'"', "'", "“", "‘", "«", "please", "just", "now", ","})


def _quotes(attributions: Sequence[Attribution]) -> list[tuple[int, int, ActorSpan]]:
    """(start, end, speaker) of each direct quotation with a stated source."""
    return [
        (a.content.start, a.content.end, a.source)
        for a in attributions
        if a.direct and a.content is not None and a.source is not None
    ]


def _speaker_at(quotes: list[tuple[int, int, ActorSpan]], char: int) -> ActorSpan | None:
    for start, end, source in quotes:
        if start <= char < end:
            return source
    return None


def _opens_clause(tok: Token, first: int) -> bool:
    """Nothing but quote marks, "please" or "now" between the clause's start (or the quote's
    first token ``first``) and ``tok``: the verb comes first, as an order's does."""
    left = max(tok.left_edge.i, first)
    return all(t.lower_ in _OPENERS or t.is_space for t in tok.doc[left : tok.i])


def _imperative(tok: Token, first: int) -> tuple[int, int] | None:
    if tok.tag_ != "VB" or tok.lemma_.lower() in _IMPERATIVE_IGNORED:
        return None
    if _children(tok, "nsubj", "nsubjpass", "aux", "auxpass") or not _opens_clause(tok, first):
        return None
    if tok.dep_ == "conj" and tok.head.i != tok.i and _imperative(tok.head, first) is None:
        return None  # "should be new and different, and enable operators to ...": no order
    return _edges(_contiguous(tok.doc, tok.i, tok.right_edge.i))


def _you_must(tok: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "You have to / need to / must / should VERB ...": (cue, object)."""
    subj = _children(tok, "nsubj")
    if not subj or subj[0].lower_ != "you":
        return None
    lemma = tok.lemma_.lower()
    if lemma in _QUOTE_DEMAND_HEADS:
        for xc in _children(tok, "xcomp"):
            to = [c for c in xc.children if c.lower_ == _QUOTE_DEMAND_HEADS[lemma] and c.i < xc.i]
            if to:
                obj = _subtree_span(xc)
                return ((tok.idx, to[0].idx + len(to[0])), obj) if obj else None
    for aux in _children(tok, "aux"):
        if aux.lower_ in _QUOTE_DEMAND_MODALS:
            obj = _edges(_contiguous(tok.doc, tok.i, tok.right_edge.i))
            return ((aux.idx, aux.idx + len(aux)), obj) if obj else None
    return None


def quote_demands(doc: Doc, attributions: Sequence[Attribution]) -> list[_Raw]:
    """Orders inside direct quotations, held by the quotation's speaker."""
    out: list[_Raw] = []
    for start, end, source in _quotes(attributions):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        for tok in span:
            if tok.pos_ not in ("VERB", "AUX") or (
                tok.head.i != tok.i and tok.head.i in range(span.start, span.end) and tok.dep_ != "conj"
            ):
                continue
            found = _you_must(tok)
            if found is not None:
                cue, obj = found
            else:
                imp = _imperative(tok, span.start)
                if imp is None:
                    continue
                cue, obj = (tok.idx, tok.idx + len(tok)), imp
            out.append(
                _Raw(
                    cue=cue,
                    lemma=tok.lemma_.lower(),
                    stance="demand",
                    cue_type="quote",
                    actor_tok=None,
                    obj=obj,
                    holder=source,
                )
            )
    return out


def speakers_hold(raws: list[_Raw], attributions: Sequence[Attribution]) -> None:
    """A first-person holder inside a quotation is its speaker ("We reject it," X said)."""
    quotes = _quotes(attributions)
    for raw in raws:
        tok = raw.actor_tok
        # "the US" is no "us": a pronoun only
        if raw.holder is None and tok is not None and tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":
            raw.holder = _speaker_at(quotes, tok.idx)
