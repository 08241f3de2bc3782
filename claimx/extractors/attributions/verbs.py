"""Rules on the dependency parse for speech and thought verbs: "X said (that) ...", "..., the
source told Xinhua", passives with an agent, "told X" outlets and addressees."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimx.extractors.actors import ActorTable, is_outlet_name
from claimx.extractors.attributions.base import (
    _ANON_MARKERS,
    _CONTENT_FIRST,
    _CUE_CLASS,
    _CUE_LEMMAS,
    _NEEDS_CLAUSE,
    _OBJECT_CONTENT,
    _PASSIVE,
    _VERB_POS,
    Raw,
    _edge_span,
    _subtree,
)
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text
from claimx.nlp.tokens import positions


def _content_clause(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("ccomp",):
            return child
    for child in verb.children:
        if child.dep_ in ("xcomp",) and child.lemma_ not in ("be",) and child.i > verb.i:
            return child
    return None


def _outlet_or_addressee(verb: Token, table: ActorTable) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            span = syntax.speaker_span(child)
            text = clean_text(verb.doc)[span[0] : span[1]]
            aid = table.at(*span)
            if is_outlet_name(text) or (aid is not None and table.get(aid).kind == "outlet"):
                return span, None
            return None, span
    return None, None


def _rule_verbs(doc: Doc, table: ActorTable) -> list[Raw]:
    out: list[Raw] = []
    for i in positions(doc, lemmas=_CUE_LEMMAS, pos=_VERB_POS):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        subj = syntax.speaker(tok, cues=_CUE_CLASS)
        clause = _content_clause(tok)
        content: tuple[int, int] | None = None
        if clause is not None:
            toks = [t for t in clause.subtree]
            marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
            content = _edge_span(toks if not marks else [*toks])
        elif (
            tok.dep_ in ("parataxis", "advcl", "conj")
            and tok.head.i < tok.i
            and tok.tag_ != "VBG"
            and lemma in _CONTENT_FIRST
        ):
            # "The talks will go on, the source said": the content is the head clause
            drop = {x.i for x in tok.subtree}
            if subj is not None:
                drop |= {x.i for x in subj.subtree}
            content = _edge_span([t for t in tok.head.subtree if t.i not in drop])
        elif lemma in _OBJECT_CONTENT:
            for child in tok.children:
                if child.dep_ == "dobj":
                    content = _edge_span(_subtree(child))
        if content is None and subj is not None and lemma in _CONTENT_FIRST:
            content = _rest_of_sentence(tok, subj)
        if content is not None and _is_anonymity_phrase(clean_text(doc)[content[0] : content[1]]):
            continue  # "who asked not to be named" reports nothing
        if content is None and lemma in _NEEDS_CLAUSE:
            continue
        if content is None and lemma not in ("say", "tell"):
            continue
        source: tuple[int, int] | None = None
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            agent = syntax.agent(tok)
            source = syntax.speaker_span(agent) if agent is not None else None
            if lemma not in _PASSIVE and agent is None:
                continue
        elif subj is not None:
            source = syntax.speaker_span(subj)
        if source is None and content is None:
            continue
        outlet, addressee = (None, None)
        if lemma == "tell":
            outlet, addressee = _outlet_or_addressee(tok, table)
        if (
            content is not None
            and source is not None
            and content[0] <= source[0] < content[1]
            and not (content[0] <= tok.idx < content[1])
            and source[1] <= content[1]
        ):
            source = None
        out.append(
            Raw(
                cue=(tok.idx, tok.idx + len(tok)),
                source=source,
                content=content,
                lemma=lemma,
                cue_type=_CUE_CLASS[lemma],
                outlet=outlet,
                addressee=addressee,
            )
        )
    return out


def _is_anonymity_phrase(text: str) -> bool:
    low = text.lower()
    return len(low) < 60 and any(m in low for m in _ANON_MARKERS)


def _rest_of_sentence(verb: Token, subj: Token) -> tuple[int, int] | None:
    """ "<content>, a source told Xinhua." and "A source said: <content>" where the parser
    hung the content elsewhere: what the sentence says besides the speaker and the cue."""
    sent = verb.sent
    speaker = {t.i for t in subj.subtree} | {verb.i}
    attached = ("dobj", "dative", "prep", "npadvmod", "advmod", "aux", "neg")
    speaker |= {t.i for c in verb.children if c.dep_ in attached for t in c.subtree}
    first = min(speaker)
    last = max(speaker)
    before = [t for t in sent if t.i < first]
    after = [t for t in sent if t.i > last]
    if len([t for t in before if not t.is_punct]) >= 3 and all(t.is_punct or t.is_space for t in after):
        return _edge_span(before)
    if len([t for t in after if not t.is_punct]) >= 3 and all(t.is_punct or t.is_space for t in before):
        return _edge_span(after)
    return None
