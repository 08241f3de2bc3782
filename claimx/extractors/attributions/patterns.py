"""Patterns a news reader meets daily, applied to every attribution after combining: relative
pronouns resolved to their antecedent (``antecedent``), raising predicates without a source, contents that
never hold their own source and cue nor end in a dangling "and", credit lines and headline
verbs that report nothing, speakers quoted inside another's words. Word lists: ``models/cues.json``."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimx.extractors.attributions.base import _ANON_MARKERS, _CUE_CLASS, _CUES, Raw
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text

_CREDITS = tuple(_CUES["credit_lines"])
_RAISING = frozenset(_CUES["raising"])
_DANGLING = frozenset(_CUES["dangling"])
_RELATIVE = frozenset(_CUES["relative_pronouns"])
_SELF_QUOTED = frozenset(_CUES["self_quoted"])


def _tokens(doc: Doc, se: tuple[int, int]) -> Span | None:
    span = doc.char_span(*se, alignment_mode="expand")
    return None if span is None or not len(span) else span


def antecedent(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """The antecedent of a source that is a lone relative pronoun ("Three sources, who
    ...", "the council, which said ..."): the noun phrase its relative clause hangs on. The
    annotators mark the pronoun as the source span; its actor is the antecedent's."""
    src = _tokens(doc, span)
    if src is None or len(src) != 1 or src[0].lower_ not in _RELATIVE:
        return None
    clause = src[0].head
    while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i >= src[0].i:
        return None
    return syntax.speaker_span(clause.head)


def raising_source(raw: Raw, doc: Doc) -> Raw:
    """ "The talks are expected to resume", "He appeared to concede": a raising predicate has
    no source (its subject belongs to the lower verb)."""
    if raw.source is None:
        return raw
    cue = _tokens(doc, raw.cue)
    if cue is None:
        return raw
    verb = cue.root
    lemma = verb.lemma_.lower()
    if lemma not in _RAISING or not any(c.dep_ == "xcomp" for c in verb.children):
        return raw
    if lemma == "expect" and not any(c.dep_ == "auxpass" for c in verb.children):
        return raw  # "Analysts expect prices to rise": the analysts expect
    if _agent_of(verb) is not None:
        return raw
    return replace(raw, source=None)


def _agent_of(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return None if agent is None else next((g for g in agent.children if g.dep_ == "pobj"), None)


def own_words(raw: Raw, doc: Doc) -> Raw:
    """ "..., which officials said killed 1,200 people": the content starts after its own
    source and cue when only a relative pronoun stands before them."""
    if raw.content is None or not (raw.content[0] <= raw.cue[0] < raw.content[1]):
        return raw
    text = clean_text(doc)
    first = min(raw.cue[0], raw.source[0] if raw.source else raw.cue[0])
    before = text[raw.content[0] : first].split()
    if len(before) != 1 or before[0].lower().strip(",") not in _RELATIVE:
        return raw
    word = _tokens(doc, (raw.content[0], raw.content[0] + 1))
    if word is None or word[0].tag_ not in syntax.RELATIVE_TAGS:
        return raw  # "That, he said, is wrong": a demonstrative, not a relative pronoun
    start = raw.cue[1]
    while start < raw.content[1] and text[start] in " ,":
        start += 1
    return replace(raw, content=(start, raw.content[1])) if start < raw.content[1] else raw


def dangling(raw: Raw, doc: Doc) -> Raw:
    """A content never ends in "and" (nor a comma before it)."""
    if raw.content is None:
        return raw
    text = clean_text(doc)
    s, e = raw.content
    while True:
        body = text[s:e].rstrip(" ,;")
        words = body.rsplit(None, 1)
        if len(words) < 2 or words[-1].lower() not in _DANGLING:
            break
        e = s + len(body) - len(words[-1])
    e = s + len(text[s:e].rstrip(" ,;"))
    return replace(raw, content=(s, e)) if e != raw.content[1] and e > s else raw


def reports_nothing(raw: Raw, doc: Doc) -> bool:
    """Credit lines ("AP writers X and Y contributed to this report"), headline verbs that
    are not speech ("Senate passes bill") and the verbs of an anonymity clause ("who declined
    to be named because they were not authorised to speak")."""
    cue = _tokens(doc, raw.cue)
    if cue is None:
        return False
    sent = cue.root.sent.text.lower()
    if any(c in sent for c in _CREDITS):
        return True
    headline = doc._.headline
    lemma = cue.root.lemma_.lower()
    # doc._.headline: plain data shaped like schema.Span
    if headline is not None and headline["start"] <= raw.cue[0] < headline["end"] and lemma not in _CUE_CLASS:
        # "Senate passes bill"; the annotators keep "Judge rejects Times request to unseal ..."
        content = "" if raw.content is None else clean_text(doc)[raw.content[0] : raw.content[1]]
        if len(content.split()) <= 2:
            return True
    if lemma in _CUE_CLASS:
        return False
    clause = cue.root
    while clause.dep_ not in ("relcl", "advcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("relcl", "advcl"):
        return False
    words = clean_text(doc)[clause.left_edge.idx : clause.right_edge.idx + len(clause.right_edge)].lower()
    return any(m in words for m in _ANON_MARKERS)


def source_edges(raw: Raw, doc: Doc) -> Raw:
    """ "ACME Corp. today announced", "said Carly Fiorina during the debate": words at the end
    of the source that hang on the cue's verb are not part of the source."""
    if raw.source is None:
        return raw
    src = _tokens(doc, raw.source)
    if src is None:
        return raw
    cue = _tokens(doc, raw.cue)
    verb = None if cue is None else cue.root
    toks = list(src)
    while len(toks) > 1 and verb is not None and _on_verb(toks[-1], src, verb):
        toks.pop()
        while len(toks) > 1 and toks[-1].is_punct:
            toks.pop()
    if len(toks) == len(src):
        return raw
    return replace(raw, source=(toks[0].idx, toks[-1].idx + len(toks[-1])))


def _on_verb(tok: Token, src: Span, verb: Token) -> bool:
    """``tok`` belongs to a phrase of ``verb`` that starts inside ``src``."""
    top = tok
    while top.head.i != top.i and src.start <= top.head.i < src.end:
        top = top.head
    return top.head.i == verb.i and top.i != src.root.i and top.dep_ != "nsubj"


def daily(raws: list[Raw], doc: Doc) -> list[Raw]:
    return [
        dangling(own_words(raising_source(source_edges(raw, doc), doc), doc), doc)
        for raw in raws
        if not reports_nothing(raw, doc)
    ]


def quoted_within(raws: list[Raw], doc: Doc, quotes: list[tuple[int, int]] | None = None) -> list[Raw]:
    """ "'I have always said that I expect to be vetted,' he said", "'The FBI director said she
    was careless,' Trump told the rally": a cue inside another attribution's content is part
    of what that speaker says, not an attribution of its own (the annotators do not mark it),
    when it stands in a quotation (``quotes``) or its source is "I", "you", "we" or "it"."""
    text = clean_text(doc)
    quotes = quotes or []

    def inner(n: int, raw: Raw) -> bool:
        # another attribution's content, even one equal to this one's (both given the quotation)
        others = (r.content for m, r in enumerate(raws) if m != n and r.content is not None)
        if not any(c[0] <= raw.cue[0] < c[1] for c in others):
            return False
        if raw.source is not None and text[raw.source[0] : raw.source[1]].lower() in _SELF_QUOTED:
            return True
        return any(q[0] <= raw.cue[0] < q[1] for q in quotes)

    return [raw for n, raw in enumerate(raws) if not inner(n, raw)]
