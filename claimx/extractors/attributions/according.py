"""Rules that do not hang on a speech verb: "according to X", direct quotations around a
content, and noun cues ("X's statement that ...")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from claimx.extractors.actors import ActorTable
from claimx.extractors.attributions.base import _ACCORDING, _CUE_NOUNS, Raw, _edge_span
from claimx.extractors.attributions.tagger import keeps_going
from claimx.extractors.attributions.verbs import _rule_verbs
from claimx.extractors.quotes import find_quotations
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text
from claimx.nlp.tokens import positions


def _rule_according_to(doc: Doc) -> list[Raw]:
    out: list[Raw] = []
    for i in positions(doc, lowers=_ACCORDING):
        tok = doc[i]
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        source = syntax.speaker_span(pobj)
        head = tok.head if tok.dep_ == "prep" else tok
        phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i}
        sent = tok.sent
        toks = [t for t in sent if t.i not in phrase]
        if head.i != tok.i and head.sent == sent:
            toks = [t for t in head.subtree if t.i not in phrase] if head.dep_ != "ROOT" else toks
        content = _edge_span(toks)
        out.append(
            Raw(
                cue=(tok.idx, to.idx + len(to)),
                source=source,
                content=content,
                lemma="according to",
                cue_type="report",
            )
        )
    return out


def _quote_content(raw: Raw, quotes: list[tuple[int, int]], text: str) -> Raw:
    """Stretch a content that lies in a quotation to the whole quotation (across sentences);
    a quote split by its cue ('"This," he said, "is wrong."') becomes one content."""
    if raw.content is None:
        # "X said: "..."" with the quote parsed apart: the quote right after the cue
        after = [q for q in quotes if 0 <= q[0] - raw.cue[1] <= 3]
        if not after:
            return raw
        raw = replace(raw, content=after[0])
    assert raw.content is not None
    s, e = raw.content
    hit = [q for q in quotes if q[0] < e and s < q[1]]
    if not hit:
        return raw
    s2, e2 = min(s, *(q[0] for q in hit)), max(e, *(q[1] for q in hit))
    # a second fragment right after the cue: '"This," he said, "is wrong."'
    nxt = [q for q in quotes if q[0] >= raw.cue[1] and q[0] - raw.cue[1] <= 40 and q[0] > e2]
    if nxt and e2 <= raw.cue[0] and keeps_going(text, (s2, e2), e2, nxt[0][0]):
        e2 = nxt[0][1]
    # ... and the fragment right before the speaker: the same quote, split
    first = min(raw.cue[0], raw.source[0] if raw.source else raw.cue[0])
    prev = [q for q in quotes if q[1] <= first and first - q[1] <= 3 and s2 >= raw.cue[1]]
    if prev and keeps_going(text, prev[-1], prev[-1][1], s2):
        s2 = prev[-1][0]
    return replace(raw, content=(s2, e2), direct=True)


def _nominal(raw: Raw, doc: Doc) -> Raw:
    """ "X's statement that ...": a noun cue's content is its own clause, its source the owner
    without the possessive."""
    span = doc.char_span(*raw.cue, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ != "NOUN" or span[0].lower_ not in _CUE_NOUNS:
        return raw
    noun = span[0]
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    content = _edge_span(list(clause.subtree)) if clause is not None else raw.content
    source = raw.source
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        source = syntax.speaker_span(owner)
    return replace(raw, content=content, source=source, lemma=raw.lemma or noun.lemma_.lower(), cue_type="speech")


def rule_attributions(doc: Doc, table: ActorTable) -> list[Raw]:
    quotes = find_quotations(clean_text(doc))
    raws = _rule_verbs(doc, table) + _rule_according_to(doc)
    return [_quote_content(r, quotes, clean_text(doc)) for r in raws]
