"""Boundary rules applied to every attribution after the tagger's and the rules' spans are
combined; each was measured on PolNeAR dev and on a held-out slice of train (README)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from claimx.extractors.attributions.base import _CUE_CLASS, _CUE_LEMMAS, Raw
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text

_PASSIVE_SPEAKERS = frozenset({"quote"})  # "X was quoted as saying": X is the speaker


def _cue_token(doc: Doc, cue: tuple[int, int]) -> Token | None:
    span = doc.char_span(*cue, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def passive_source(raw: Raw, doc: Doc) -> Raw:
    """ "The deal was announced on Sunday": the subject of a passive cue is what is
    announced, never who announced it."""
    if raw.source is None:
        return raw
    verb = _cue_token(doc, raw.cue)
    if verb is None or verb.tag_ != "VBN" or verb.lemma_.lower() in _PASSIVE_SPEAKERS:
        return raw
    # a speech or thought verb, not a state ("Republicans were incensed")
    if verb.lemma_.lower() not in _CUE_CLASS or not any(c.dep_ == "auxpass" for c in verb.children):
        return raw
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or not (raw.source[0] <= subj.idx < raw.source[1]):
        return raw
    return replace(raw, source=None)


def parenthetical(raw: Raw, doc: Doc) -> Raw:
    """ "The economy, the minister said, will grow": a speaker set off by commas in mid-sentence
    reports the whole sentence, so the content starts where the sentence starts."""
    if raw.content is None or raw.content[0] < raw.cue[1]:
        return raw
    text = clean_text(doc)
    verb = _cue_token(doc, raw.cue)
    if verb is None:
        return raw
    sent = verb.sent
    first = min(raw.cue[0], raw.source[0] if raw.source else raw.cue[0])
    head = text[sent.start_char : first].rstrip()
    if not head.endswith(",") or raw.content[0] >= sent.end_char:
        return raw
    between = text[raw.cue[1] : raw.content[0]]
    if not between.lstrip().startswith(","):
        return raw
    start = sent.start_char + len(head) - len(head.lstrip())
    if len(head[:-1].split()) < 2 or start >= first:
        return raw
    return replace(raw, content=(start, raw.content[1]))


def _inside(span: tuple[int, int], other: tuple[int, int] | None) -> bool:
    return other is not None and span[0] < other[1] and other[0] < span[1]


def parsed_source(raw: Raw, doc: Doc) -> Raw:
    """A cue the tagger gave no source: the speaker its verb's parse names ("Clinton paused,
    then revealed ...", "Texas, leading a coalition of 13 states, asked ..."), when that is
    neither a relative pronoun, an expletive nor part of the cue or content."""
    if raw.source is not None or not raw.learned:
        return raw
    verb = _cue_token(doc, raw.cue)
    if verb is None or verb.pos_ != "VERB":
        return raw
    found = syntax.speaker(verb, cues=_CUE_LEMMAS)
    if found is None or found.tag_ in syntax.RELATIVE_TAGS or found.tag_ == "EX" or found.lower_ == "it":
        return raw
    span = syntax.speaker_span(found)
    if _inside(span, raw.cue) or _inside(span, raw.content):
        return raw
    return replace(raw, source=span)
