"""A learned, cue-conditioned content selector: for each cue, candidate contents from the
parse (the cue verb's clausal complement), quotations, the sentence's head and tail around
the speaker, the tagger's CONTENT spans and the rules' own choice; a linear model trained on
PolNeAR train (``models/training/content_selector.py``) scores them and the best one wins.
The weights and feature names are ``models/content_selector.json``."""

from __future__ import annotations

import math
import unicodedata
from functools import cache
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from claimx import data
from claimx.extractors.attributions.base import _CUE_CLASS
from claimx.nlp.spans import clean_text

Offsets = tuple[int, int]
KINDS = ("current", "tagger", "ccomp", "quote", "tail", "head", "none")
CLASSES = ("speech", "belief", "report", "other")
_QUOTES = "\"“”‘’«»'"
#: The tagger's CONTENT spans are candidates when they start within the cue's paragraph (give or
#: take 400 characters) and within this many characters of the cue: a news paragraph is shorter,
#: and a text of one endless paragraph must not make every cue weigh every span in it.
NEAR = 3_000


def _is_trim(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P") or ch in "`'\""


def trim(text: str, span: Offsets) -> Offsets:
    """A span without white space and punctuation at its ends (as PolNeAR is scored)."""
    s, e = span
    while s < e and _is_trim(text[s]):
        s += 1
    while e > s and _is_trim(text[e - 1]):
        e -= 1
    return (s, e)


def _cue_verb(doc: Doc, cue: Offsets) -> Token | None:
    span = doc.char_span(*cue, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def candidates(
    doc: Doc,
    cue: Offsets,
    source: Offsets | None,
    content: Offsets | None,
    tagged: list[Offsets],
    quotes: list[Offsets],
) -> dict[Offsets | None, set[str]]:
    """Candidate contents (trimmed spans, or None for no content), each with the kinds that
    proposed it."""
    text = clean_text(doc)
    out: dict[Offsets | None, set[str]] = {None: {"none"}}

    def add(span: Offsets | None, kind: str) -> None:
        if span is None:
            return
        t = trim(text, span)
        if t[1] > t[0] and not (t[0] <= cue[0] < t[1] and t[0] >= cue[0]):
            out.setdefault(t, set()).add(kind)

    add(content, "current")
    para = (text.rfind("\n", 0, cue[0]) + 1, len(text) if text.find("\n", cue[1]) < 0 else text.find("\n", cue[1]))
    for c in tagged:
        if para[0] - 400 <= c[0] < para[1] + 400 and cue[0] - NEAR <= c[0] <= cue[1] + NEAR:
            add(c, "tagger")
    for q in quotes:
        if q[0] - 200 <= cue[0] <= q[1] + 200:
            add(q, "quote")
    verb = _cue_verb(doc, cue)
    if verb is not None:
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None:
            toks = list(comp.subtree)
            add((toks[0].idx, toks[-1].idx + len(toks[-1])), "ccomp")
        sent = verb.sent
        first = min(cue[0], source[0] if source else cue[0])
        last = max(cue[1], source[1] if source and source[0] > cue[0] else cue[1])
        # "told Xinhua", "said on Sunday": the outlet, addressee and adverbials are no content
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "agent"):
                edge = child.right_edge
                last = max(last, edge.idx + len(edge))
        add((last, sent.end_char), "tail")
        add((sent.start_char, first), "head")
    return out


def features(
    doc: Doc, cue: Offsets, source: Offsets | None, cand: Offsets | None, kinds: set[str], tagged: list[Offsets]
) -> dict[str, float]:
    text = clean_text(doc)
    f: dict[str, float] = {f"kind={k}": 1.0 for k in kinds}
    verb = _cue_verb(doc, cue)
    lemma = verb.lemma_.lower() if verb is not None else ""
    f[f"class={_CUE_CLASS.get(lemma, 'other') if _CUE_CLASS.get(lemma) in CLASSES else 'other'}"] = 1.0
    if cand is None:
        f["none"] = 1.0
        return f
    s, e = cand
    f["bias"] = 1.0
    f["after"] = float(s >= cue[1])
    f["before"] = float(e <= cue[0])
    f["log_gap"] = math.log1p(max(0, s - cue[1], cue[0] - e))
    f["log_len"] = math.log1p(len(text[s:e].split()))
    f["para_cross"] = float("\n" in text[s:e])
    f["quote_left"] = float(s > 0 and text[s - 1] in _QUOTES)
    f["quote_right"] = float(e < len(text) and text[e] in _QUOTES)
    f["ends_sentence"] = float(text[e : e + 2].lstrip(_QUOTES)[:1] in (".", "!", "?"))
    f["comma_after"] = float(text[e : e + 2].lstrip(_QUOTES)[:1] == ",")
    f["starts_that"] = float(text[s : s + 5].lower() == "that ")
    f["has_source"] = float(source is not None and s <= source[0] < e)
    f["has_cue"] = float(s <= cue[0] < e)
    f["tagger_exact"] = float(any(trim(text, t) == cand for t in tagged))
    over = max((min(e, t[1]) - max(s, t[0]) for t in tagged), default=0)
    f["tagger_cover"] = max(0, over) / max(1, e - s)
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is not None and len(span):
        f["sents"] = float(_sentences(span))
        f["last_cc"] = float(span[-1].dep_ == "cc")
        f["first_cc"] = float(span[0].dep_ == "cc")
        f["ends_verb_dep"] = float(verb is not None and span[-1].head.i == verb.i)
    return f


def _sentences(span: Any) -> int:
    """How many sentences the span touches, counted up to 3."""
    n = 1
    for t in span[1:]:
        if t.is_sent_start:
            n += 1
            if n == 3:
                break
    return n


@cache
def _model() -> tuple[list[str], Any]:
    model = data.load("content_selector")
    return list(model["features"]), np.asarray(model["weights"], dtype=float)


def score(feats: list[dict[str, float]]) -> Any:
    names, weights = _model()
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for row, f in enumerate(feats):
        for k, v in f.items():
            if k in index:
                x[row, index[k]] = v
    return x @ weights


def select(
    doc: Doc,
    cue: Offsets,
    source: Offsets | None,
    content: Offsets | None,
    tagged: list[Offsets],
    quotes: list[Offsets],
) -> Offsets | None:
    """The best-scoring candidate content for the cue."""
    cands = candidates(doc, cue, source, content, tagged, quotes)
    spans = list(cands)
    # only the tagger's spans that overlap some candidate can change a feature
    lo = min((c[0] for c in spans if c is not None), default=0)
    hi = max((c[1] for c in spans if c is not None), default=0)
    near = [t for t in tagged if t[1] >= lo and t[0] <= hi]
    scores = score([features(doc, cue, source, c, cands[c], near) for c in spans])
    return spans[int(np.argmax(scores))]
