"""Learned SOURCE / CUE / CONTENT span tagger and the rules that pair its spans.

The tagger is a spaCy ``ner`` with its own tok2vec (see training/attribution.cfg). It reads the
TAG and DEP labels of a doc that claimx's main pipeline (en_core_web_sm family) has tagged and
parsed. It never touches the caller's doc: it runs on a private copy of the tokens in its own
vocab, so ``doc.ents`` and the caller's vocab are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import spacy
from spacy.attrs import DEP, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab
from thinc.types import Ints2d

from claimx import data
from claimx.nlp.spans import clean_text

Span3 = tuple[str, int, int]  # (label, start_char, end_char)
Offsets = tuple[int, int]

LABELS = ("SOURCE", "CUE", "CONTENT")


def packaged_model_path() -> Path:
    return data.model_path("attribution")


def labelled_copy(doc: Doc, vocab: Vocab) -> Doc:
    """``doc``'s tokens in ``vocab`` with their TAG and DEP labels only: no entities, and no
    heads, since the tagger treats parse sentence boundaries as hard limits and CONTENT
    spans cross them. What the tagger predicts on, in training and at prediction time."""
    strings = doc.vocab.strings
    copy = Doc(
        vocab,
        words=[strings[h] for h in doc.to_array(ORTH).tolist()],
        spaces=[bool(s) for s in doc.to_array(SPACY).tolist()],
    )
    attrs = [a for a, key in ((TAG, "TAG"), (DEP, "DEP")) if doc.has_annotation(key)]
    if attrs:
        copy.from_array(attrs, cast(Ints2d, doc.to_array(attrs)))
    return copy


@dataclass(frozen=True)
class RawAttribution:
    cue: Offsets
    source: Offsets | None
    content: Offsets | None


class AttributionTagger:
    """Predicts (label, start_char, end_char) spans with label in SOURCE / CUE / CONTENT."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def from_disk(cls, path: str | Path) -> AttributionTagger:
        return cls(spacy.load(path))

    @classmethod
    def load(cls, path: str | Path | None = None) -> AttributionTagger:
        return cls.from_disk(packaged_model_path() if path is None else path)

    def _private_copy(self, doc: Doc) -> Doc:
        return labelled_copy(doc, self.nlp.vocab)

    @staticmethod
    def _spans(doc: Doc) -> list[Span3]:
        return [(e.label_, e.start_char, e.end_char) for e in doc.ents]

    def predict(self, doc: Doc) -> list[Span3]:
        """Spans for one doc already processed (tagged + parsed) by the main pipeline."""
        return self._spans(self.nlp(self._private_copy(doc)))

    def predict_many(self, docs: Iterable[Doc], batch_size: int = 16) -> list[list[Span3]]:
        copies = (self._private_copy(d) for d in docs)
        return [self._spans(d) for d in self.nlp.pipe(copies, batch_size=batch_size)]


# --- pairing -------------------------------------------------------------------------------


def _gap(a: Offsets, b: Offsets) -> int:
    """Characters between two spans (0 if they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _block_ids(doc: Doc) -> tuple[list[int], list[int]]:
    """Per-char sentence and paragraph index (paragraphs break at blank lines / newlines)."""
    n = len(clean_text(doc))
    sent = [0] * (n + 1)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for i, s in enumerate(doc.sents):
            for c in range(s.start_char, min(n + 1, s.end_char + 1)):
                sent[c] = i
    para = [0] * (n + 1)
    p = 0
    for c, ch in enumerate(clean_text(doc)):
        para[c] = p
        if ch == "\n":
            p += 1
    para[n] = p
    return sent, para


def _subject_source(cue: Offsets, sources: Sequence[Offsets], doc: Doc) -> Offsets | None:
    """A SOURCE holding the subject (or agent) of the cue's verb, if the parse shows one."""
    if not doc.has_annotation("DEP"):
        return None
    cue_span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if cue_span is None:
        return None
    verbs = [cue_span.root]  # ordered: the cue's own verb first
    head = cue_span.root
    # "X is quoted as saying", "X went on to say": climb a few verb heads
    for _ in range(2):
        if head.dep_ in ("xcomp", "advcl", "conj", "ccomp") and head.head.i != head.i:
            head = head.head
            verbs.append(head)
    for verb in verbs:
        for child in verb.children:
            target = None
            if child.dep_ in ("nsubj", "nsubjpass"):
                target = child
            elif child.dep_ == "agent":
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is None:
                continue
            for src in sources:
                if src[0] <= target.idx < src[1]:
                    return src
    return None


_RELATIVE = {"who", "that", "which", "whom"}


def _cue_verb(cue: Offsets, doc: Doc) -> Token | None:
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return None if span is None else span.root


def _parse_source(cue: Offsets, doc: Doc) -> Offsets | None:
    """The subject of the cue's verb as a span, for when the tagger found no SOURCE."""
    verb = _cue_verb(cue, doc)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ in ("DET",) or subj.lower_ in ("it", "there"):
        return None
    if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subj = verb.head
    left = min(t.idx for t in subj.subtree if t.i <= subj.i or t.dep_ in ("appos", "punct"))
    toks = [t for t in subj.subtree if t.idx >= left and t.dep_ != "relcl"]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    if start < cue[1] and end > cue[0]:
        return None
    return (start, end)


def _parse_content(cue: Offsets, doc: Doc) -> Offsets | None:
    """The clausal complement of the cue's verb, for when the tagger found no CONTENT."""
    verb = _cue_verb(cue, doc)
    if verb is None:
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is None:
        return None
    toks = list(comp.subtree)
    return (toks[0].idx, toks[-1].idx + len(toks[-1]))


def _parse_cues(contents: Sequence[Offsets], cues: Sequence[Offsets], doc: Doc) -> list[Offsets]:
    """Cues the tagger missed: the verb governing a CONTENT span with no CUE in its sentence."""
    if not doc.has_annotation("DEP"):
        return []
    out: list[Offsets] = []
    for c in contents:
        span = doc.char_span(c[0], c[1], alignment_mode="expand")
        if span is None or span.root.dep_ != "ccomp":
            continue
        verb = span.root.head
        sent = verb.sent
        if any(sent.start_char <= q[0] < sent.end_char for q in cues):
            continue
        if verb.pos_ in ("VERB", "AUX") and not (c[0] <= verb.idx < c[1]):
            out.append((verb.idx, verb.idx + len(verb)))
    return out


def pair(
    spans: Sequence[Span3], doc: Doc, *, reuse_content: bool = True, orphan_cues: bool = True
) -> list[RawAttribution]:
    """Pair each CUE with a SOURCE and a CONTENT (offsets are character offsets into doc.text).

    Source: a SOURCE span holding the subject of the cue's verb, else that subject itself from
    the parse (the tagger misses more sources than the parse does), else the nearest SOURCE in
    the same sentence, else none.
    Content: one-to-one greedy assignment by distance within the paragraph, either side of the
    cue, or in the next paragraph after "X said:"; a cue left over takes the nearest content
    anyway (reuse_content), else the clausal complement of its verb. The two pieces of a quote
    split by its cue ('"A," X said, "B."') are joined.
    With orphan_cues, a CONTENT that is the clausal complement of a verb in a sentence without
    any CUE gets that verb as an extra cue (so returned cues may not be tagger spans).
    Returned in cue order.
    """
    cues = sorted((s, e) for lab, s, e in spans if lab == "CUE")
    sources = sorted((s, e) for lab, s, e in spans if lab == "SOURCE")
    contents = sorted((s, e) for lab, s, e in spans if lab == "CONTENT")
    if orphan_cues:
        cues = sorted(set(cues) | set(_parse_cues(contents, cues, doc)))
    if not cues:
        return []
    sent, para = _block_ids(doc)

    def same(ids: list[int], a: Offsets, b: Offsets) -> bool:
        return ids[a[0]] == ids[b[0]] or ids[a[0]] == ids[max(b[0], b[1] - 1)]

    src_of: dict[Offsets, Offsets | None] = {}
    for cue in cues:
        src = _subject_source(cue, sources, doc) or _parse_source(cue, doc)
        if src is None:
            near = [x for x in sources if same(sent, cue, x)]
            if near:
                src = min(near, key=lambda x: (_gap(cue, x), x[0] > cue[0]))
        src_of[cue] = src

    cont_of: dict[Offsets, Offsets | None] = {}

    def introduces(cue: Offsets, c: Offsets) -> bool:
        """'X said:' closing a paragraph introduces the quote in the next one."""
        if c[0] < cue[1] or para[c[0]] > para[cue[1]] + 2:
            return False
        return not _has_words(clean_text(doc), cue[1], c[0], sources)

    cand = sorted(
        (_gap(cue, c), cue, c)
        for cue in cues
        for c in contents
        if same(para, cue, c) or same(para, c, cue) or introduces(cue, c)
    )
    used: set[Offsets] = set()
    for _, cue, c in cand:
        if cue not in cont_of and c not in used:
            cont_of[cue] = c
            used.add(c)
    nearest: dict[Offsets, Offsets] = {}  # each cue's nearest content, taken or not
    for _, cue, c in cand:
        nearest.setdefault(cue, c)
    for cue in cues:
        if cue not in cont_of:
            closest = nearest.get(cue) if reuse_content else None
            cont_of[cue] = closest if closest is not None else _parse_content(cue, doc)
    owner = {c: q for q, c in cont_of.items() if c is not None}
    for cue in cues:
        cont_of[cue] = _join_split_quote(cue, src_of[cue], cont_of[cue], contents, owner, clean_text(doc))
    return [RawAttribution(cue=c, source=src_of[c], content=cont_of[c]) for c in cues]


def _has_words(text: str, lo: int, hi: int, skip: Sequence[Offsets]) -> bool:
    """Whether text[lo:hi], outside the `skip` spans, has any letter or digit."""
    return any(ch.isalnum() and not any(a <= i < b for a, b in skip) for i, ch in enumerate(text[lo:hi], lo))


def _join_split_quote(
    cue: Offsets,
    source: Offsets | None,
    content: Offsets | None,
    contents: Sequence[Offsets],
    owner: dict[Offsets, Offsets],
    text: str,
) -> Offsets | None:
    """'"A," X said, "B."': join the CONTENT pieces on both sides of the cue into one span."""
    if content is None:
        return None
    before = content[1] <= cue[0]
    others = [c for c in contents if (c[0] >= cue[1] if before else c[1] <= cue[0])]
    if not others:
        return content
    other = min(others) if before else max(others)
    if owner.get(other, cue) != cue:
        return content
    lo, hi = (content[1], other[0]) if before else (other[1], content[0])
    if _has_words(text, lo, hi, [cue] + ([source] if source else [])):
        return content
    first = content if before else other
    if not keeps_going(text, first, lo, hi):
        return content
    return (min(content[0], other[0]), max(content[1], other[1]))


_CLOSERS = "\"'”’»“‘«) \t"


def keeps_going(text: str, first: Offsets, lo: int, hi: int) -> bool:
    """Whether the first piece of a quote split by its cue goes on after the cue: not when a
    paragraph break lies between the pieces, nor when the first piece ends its sentence
    ('"We won." he said. "Now we govern."' are two contents)."""
    if "\n" in text[lo:hi]:
        return False
    return not text[first[0] : first[1]].rstrip(_CLOSERS).endswith((".", "!", "?"))
