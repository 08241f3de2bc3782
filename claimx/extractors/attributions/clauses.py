"""Candidate contents from clause structure, for the content selector: where a content may
end (after each complement or adjunct of its head, so ", though she noted ..." or "during a
rally" can be left out), where it may start (each complement of the cue's verb, so "him" in
"called him a genius" or a leading "However," can be left out), the whole sentence around a
mid-sentence "X said", a quote split by its speaker and cue taken as one, and a content run
on to the end of the next sentence of its paragraph. Which of them is right is the
selector's learned choice; these only propose."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from claimx.nlp.spans import clean_text, expand_span

Offsets = tuple[int, int]

#: at most this many complements of one head are combined into start/end pairs
_MAX_CHILDREN = 6
#: an addressee, never a content: "told Xinhua", "told him"
_ADDRESSEE_POS = frozenset({"PROPN", "PRON"})
#: a leading word the content can do without: "However, ...", "But ..."
_LEAD_DEPS = frozenset({"cc", "advmod", "intj", "discourse"})


def _end(tok: Token) -> int:
    return tok.idx + len(tok)


def _right(head: Token, after: int, sent: Span) -> list[Token]:
    """The complements and adjuncts of ``head`` after token index ``after``, within the sentence."""
    return [c for c in head.children if c.i > after and c.dep_ != "punct" and c.i < sent.end][:_MAX_CHILDREN]


def clause_ends(head: Token, start: int, sent: Span) -> Iterator[Offsets]:
    """A content from ``start`` to the end of ``head`` itself or of each of its complements
    and adjuncts after it: one candidate per place the clause could be cut."""
    yield (start, _end(head))
    for child in _right(head, head.i, sent):
        yield (start, _end(child.right_edge))


def verb_objects(verb: Token, cue: Span, speech: bool) -> Iterator[Offsets]:
    """Runs of the cue verb's complements after the cue: "chastised [Clinton] [for use of the
    server]" gives "Clinton for use of the server", "Clinton", "for use of the server". A
    speech verb's proper-noun or pronoun object alone is its addressee ("told Xinhua"), no
    content ("described Clinton as a disgrace" keeps it with what follows)."""
    last = cue[-1].i
    kids = sorted((c for tok in cue for c in _right(tok, last, tok.sent)), key=lambda t: t.i)
    for i, first in enumerate(kids):
        for later in kids[i:]:
            addressee = (
                speech and later.i == first.i and first.dep_ in ("dobj", "dative") and first.pos_ in _ADDRESSEE_POS
            )
            if later.right_edge.i >= first.left_edge.i and not addressee:
                yield (first.left_edge.idx, _end(later.right_edge))


def lead_trimmed(doc: Doc, span: Offsets) -> Offsets | None:
    """``span`` without a leading dateline ("WASHINGTON -") or connective ("However,", "But"),
    or None when it has neither."""
    s, e = span
    dateline = doc._.dateline
    if dateline is not None and s <= dateline["start"] < e:
        s = max(s, dateline["end"])
    if s >= e:
        return None
    toks = expand_span(doc, s, e)
    if toks is None or len(toks) < 3:
        return None
    first = toks[0]
    if first.dep_ in _LEAD_DEPS and first.n_lefts == 0 and first.n_rights == 0 and first.i + 1 < toks.end:
        s = doc[first.i + 1].idx
    text = clean_text(doc)
    while s < e and not text[s].isalnum() and text[s] not in "\"“'‘":
        s += 1
    return (s, e) if (s, e) != span and s < e else None


def split_quote(quotes: list[Offsets], first: int, last: int, text: str) -> tuple[Offsets, str] | None:
    """'"A," X said, "B."': the quote closing just before the speaker and the next one after
    the cue, as one span: kind "pair" when only punctuation lies between cue and second
    piece (in its paragraph or, after a colon, the next), "pair_far" when more of the speaker's sentence does
    ('"A," said X, now a consultant. "B."'), within the paragraph."""
    before = [q for q in quotes if q[1] <= first and not text[q[1] : first].strip(" ,;:-–—\t")]
    after = [q for q in quotes if q[0] >= last]
    if not before or not after:
        return None
    nxt = min(after)
    gap = text[last : nxt[0]]
    if "\n" in gap and gap.strip()[-1:] in (".", "!", "?"):
        return None  # '"A," X said.\n\n"B."': the sentence and the paragraph end, B is new
    if len(gap) <= 60 and gap.count("\n") <= 2 and not any(ch.isalnum() for ch in gap):
        return (before[-1][0], nxt[1]), "pair"
    if len(gap) <= 300 and "\n" not in gap:
        return (before[-1][0], nxt[1]), "pair_far"
    return None


def cue_clause(verb: Token) -> Offsets:
    """The clause the cue's verb heads, its subject included ("peacekeepers have been blamed
    for ...", "which is its only ally and considered ...")."""
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    return (head.left_edge.idx, _end(head.right_edge))


def prev_sentence(doc: Doc, span: Offsets) -> Offsets | None:
    """``span``, starting where its sentence starts, taken back to the start of the sentence
    before it in the same paragraph."""
    toks = expand_span(doc, span[0], span[1])
    if toks is None or not len(toks):
        return None
    sent = toks[0].sent
    if sent.start == 0 or toks[0].i > sent.start + 1:
        return None
    prev = doc[sent.start - 1].sent
    if "\n" in clean_text(doc)[prev.end_char - 1 : sent.start_char]:
        return None
    return (prev.start_char, span[1])


def next_sentence(doc: Doc, span: Offsets) -> Offsets | None:
    """``span`` run on to the end of the sentence after the one it ends in, when that sentence
    is in the same paragraph ("... in 1984. But by the second debate, he had bounced back.")."""
    toks = expand_span(doc, span[0], span[1])
    if toks is None or not len(toks):
        return None
    sent = toks[-1].sent
    if sent.end >= len(doc) or _end(toks[-1]) < _end(sent[-1]) - 3:
        return None
    nxt = doc[sent.end].sent
    if "\n" in clean_text(doc)[sent.end_char : nxt.start_char + 1]:
        return None
    return (span[0], nxt.end_char)
