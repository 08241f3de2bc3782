"""A learned, cue-conditioned content selector: for each cue, candidate contents from the
parse (the cue verb's clausal complement), quotations, the sentence's head and tail around
the speaker, the tagger's CONTENT spans and the rules' own choice; a linear model trained on
PolNeAR train (``models/training/content_selector.py``) scores them and the best one wins.
The weights and feature names are ``models/content_selector.json``."""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, POS, SENT_START
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from claimx import data
from claimx.extractors.attributions import clauses, trees
from claimx.extractors.attributions.base import _CUE_CLASS
from claimx.nlp.spans import clean_text, expand_span, token_range

Offsets = tuple[int, int]
KINDS = (
    "current",
    "tagger",
    "ccomp",
    "quote",
    "pair",
    "pair_far",
    "tail",
    "head",
    "sent",
    "clause",
    "object",
    "cut",
    "lead",
    "more",
    "none",
)
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
    span = expand_span(doc, *cue)
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
    first = min(cue[0], source[0] if source else cue[0])
    last = max(cue[1], source[1] if source and source[0] > cue[0] else cue[1])
    if (pair := clauses.split_quote(quotes, first, last, text)) is not None:
        add(*pair)
    cue_span = expand_span(doc, *cue)
    if cue_span is not None and len(cue_span):
        _parse_candidates(doc, cue_span, source, first, last, add)
    for span in [c for c, kinds in out.items() if c is not None and kinds & _SEEDS]:
        _variants(doc, span, cue, add)
    return out


#: the candidates whose clause ends, leading words and next sentence are tried too
_SEEDS = frozenset({"current", "tagger", "ccomp", "tail", "head", "sent", "clause"})


def _parse_candidates(
    doc: Doc, cue_span: Span, source: Offsets | None, first: int, last: int, add: Callable[[Offsets | None, str], None]
) -> None:
    verb = cue_span.root
    sent = verb.sent
    # "appeared to think that ...", "is expected to say": the complement of the lowest verb
    low = verb
    while (nxt := next((c for c in low.children if c.dep_ == "xcomp" and c.i > low.i), None)) is not None:
        if any(c.dep_ == "ccomp" for c in nxt.children) or low.i == verb.i:
            low = nxt
        else:
            break
    for head in (verb, low):
        comp = next(
            (c for c in head.children if c.dep_ in ("ccomp", "xcomp") and (head.i == verb.i or c.i > head.i)), None
        )
        if comp is not None:
            add((comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)), "ccomp")
    # "told Xinhua", "said on Sunday": the outlet, addressee and adverbials are no content
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "agent"):
            edge = child.right_edge
            last = max(last, edge.idx + len(edge))
    add((last, sent.end_char), "tail")
    add((sent.start_char, first), "head")
    add((sent.start_char, sent.end_char), "sent")
    add(clauses.cue_clause(verb), "clause")
    speech = _CUE_CLASS.get(verb.lemma_.lower()) == "speech"
    for span in clauses.verb_objects(verb, cue_span, speech):
        add(span, "object")


def _variants(doc: Doc, span: Offsets, cue: Offsets, add: Callable[[Offsets | None, str], None]) -> None:
    """Where the candidate could end instead (its head's clause ends), without its leading
    word, and run on over the next sentence."""
    toks = expand_span(doc, *span)
    if toks is None or not len(toks):
        return
    root = toks.root
    if root.sent == toks[-1].sent and not (span[0] <= cue[0] < span[1]):
        for cut in clauses.clause_ends(root, span[0], root.sent):
            if span[0] < cut[1] <= span[1] + 400 and not (cut[0] <= cue[0] < cut[1]):
                add(cut, "cut")
    add(clauses.lead_trimmed(doc, span), "lead")
    add(clauses.next_sentence(doc, span), "more")
    add(clauses.prev_sentence(doc, span), "more")


def featurize(
    doc: Doc,
    cue: Offsets,
    source: Offsets | None,
    cands: dict[Offsets | None, set[str]],
    tagged: list[Offsets],
    cue_starts: Sequence[int] = (),
) -> list[dict[str, float]]:
    """The features of each candidate, in the order of ``cands``; ``cue_starts``: where each
    cue of the document starts, this one's included, sorted (a candidate that runs on over
    another's cue, "..., sources told POLITICO", takes in another's words)."""
    text = clean_text(doc)
    verb = _cue_verb(doc, cue)
    lemma = verb.lemma_.lower() if verb is not None else ""
    cls = _CUE_CLASS.get(lemma, "other") if _CUE_CLASS.get(lemma) in CLASSES else "other"
    lo, hi = cue[0] - NEAR, cue[1] + NEAR
    near = np.array([t for t in tagged if lo <= t[0] < hi] or [(0, 0)], dtype=np.int64)
    exact = _trimmed(text, tuple(tagged))
    arrays = _arrays(doc)
    quoted = [c for c, k in cands.items() if c is not None and "quote" in k]
    spans = np.array([c for c in cands if c is not None] or [(0, 0)], dtype=np.int64)
    # each candidate's largest overlap with a near tagger span, all at once
    overs = iter((np.minimum(spans[:, 1:], near[:, 1]) - np.maximum(spans[:, :1], near[:, 0])).max(axis=1).tolist())
    out = []
    for cand, kinds in cands.items():
        f: dict[str, float] = {f"kind={k}": 1.0 for k in kinds}
        f[f"class={cls}"] = 1.0
        if cand is None:
            f["none"] = 1.0
        else:
            _span_features(text, cue, source, cand, f)
            f["tagger_cover"] = max(0, next(overs)) / max(1, cand[1] - cand[0])
            f["tagger_exact"] = float(cand in exact)
            # a piece of a quotation that goes on (into the next paragraph, past the speaker)
            f["in_quote"] = float(any(q[0] <= cand[0] and cand[1] <= q[1] and cand != q for q in quoted))
            _other_cues(cue_starts, cue[0], cand, f)
            toks = token_range(doc, *cand)
            if toks is not None and toks[1] > toks[0]:
                _syntax_features(doc, arrays, toks, verb, f)
        out.append(f)
    _relative_features(cands, out)
    return out


def _other_cues(starts: Sequence[int], own: int, cand: Offsets, f: dict[str, float]) -> None:
    """How many other cues start inside the candidate, and whether one starts in its second
    half (a bisection: a paragraph of thousands of cues costs no more per candidate)."""
    lo, hi = bisect_left(starts, cand[0]), bisect_left(starts, cand[1])
    inside = hi - lo - (cand[0] <= own < cand[1])
    f["other_cues"] = float(min(3, inside))
    last = hi - 1
    if last >= lo and starts[last] == own and cand[0] <= own < cand[1]:
        # skip this cue's own start (once: another cue may start at the same character)
        last = last - 1 if bisect_left(starts, own, lo, hi) == last else last
    late = last >= lo and inside > 0 and starts[last] - cand[0] > (cand[1] - cand[0]) // 2
    f["other_cue_late"] = float(late)


#: the kinds whose start and end other candidates are compared with
_ANCHORS = frozenset({"current", "tagger", "ccomp", "quote", "sent", "clause", "tail", "head"})


def _relative_features(cands: dict[Offsets | None, set[str]], out: list[dict[str, float]]) -> None:
    """Where each candidate stands among the cue's others: how many with its start end
    sooner or later, how many with its end start sooner or later, and which kinds of
    candidate (the tagger's, the complement, the quotation, ...) start or end where it does."""
    ends: dict[int, list[int]] = {}
    starts: dict[int, list[int]] = {}
    start_kinds: dict[int, set[str]] = {}
    end_kinds: dict[int, set[str]] = {}
    for cand, kinds in cands.items():
        if cand is None:
            continue
        s, e = cand
        ends.setdefault(s, []).append(e)
        starts.setdefault(e, []).append(s)
        start_kinds.setdefault(s, set()).update(kinds & _ANCHORS)
        end_kinds.setdefault(e, set()).update(kinds & _ANCHORS)
    for cand, f in zip(cands, out, strict=True):
        if cand is None:
            continue
        s, e = cand
        for k in start_kinds[s]:
            f[f"start_as={k}"] = 1.0
        for k in end_kinds[e]:
            f[f"end_as={k}"] = 1.0
        f["shorter_same_start"] = float(min(4, sum(x < e for x in ends[s])))
        f["longer_same_start"] = float(min(4, sum(x > e for x in ends[s])))
        f["later_same_end"] = float(min(4, sum(x > s for x in starts[e])))
        f["earlier_same_end"] = float(min(4, sum(x < s for x in starts[e])))


def _span_features(text: str, cue: Offsets, source: Offsets | None, cand: Offsets, f: dict[str, float]) -> None:
    s, e = cand
    f["bias"] = 1.0
    f["after"] = float(s >= cue[1])
    f["before"] = float(e <= cue[0])
    f["log_gap"] = math.log1p(max(0, s - cue[1], cue[0] - e))
    f["log_len"] = math.log1p(text.count(" ", s, e) + 1)
    f["para_cross"] = float(text.find("\n", s, e) >= 0)
    f["quote_left"] = float(s > 0 and text[s - 1] in _QUOTES)
    f["quote_right"] = float(e < len(text) and text[e] in _QUOTES)
    f["ends_sentence"] = float(text[e : e + 2].lstrip(_QUOTES)[:1] in (".", "!", "?"))
    f["comma_after"] = float(text[e : e + 2].lstrip(_QUOTES)[:1] == ",")
    f["starts_that"] = float(text[s : s + 5].lower() == "that ")
    f["has_source"] = float(source is not None and s <= source[0] < e)
    f["has_cue"] = float(s <= cue[0] < e)
    inner = text[s : e + 1]
    f["quote_unbalanced"] = float(inner.count("“") != inner.count("”") or text[max(0, s - 1) : e + 1].count('"') % 2)


@lru_cache(maxsize=4)
def _trimmed(text: str, tagged: tuple[Offsets, ...]) -> frozenset[Offsets]:
    return frozenset(trim(text, t) for t in tagged)


@dataclass
class _Parse:
    """A doc's parse as plain arrays and lists (built once per doc): the features below read
    these instead of building spaCy Token objects for every candidate."""

    heads: Any  # each token's head index (numpy)
    sents: Any  # each token's sentence number (numpy)
    head: list[int]
    sent: list[int]
    dep: list[str]
    pos: list[str]
    skip: list[bool]  # punctuation or white space
    doc: Doc
    left: dict[int, int] = field(default_factory=dict)
    right: dict[int, int] = field(default_factory=dict)

    def left_edge(self, i: int) -> int:
        if (j := self.left.get(i)) is None:
            j = self.left[i] = self.doc[i].left_edge.i
        return j

    def right_edge(self, i: int) -> int:
        if (j := self.right.get(i)) is None:
            j = self.right[i] = self.doc[i].right_edge.i
        return j


_ARRAYS: list[tuple[Doc, _Parse]] = []


def _arrays(doc: Doc) -> _Parse:
    """The doc's ``_Parse`` (the last two docs' are kept)."""
    for d, arr in _ARRAYS:
        if d is doc:
            return arr
    cols = doc.to_array([HEAD, SENT_START, DEP, POS, IS_PUNCT, IS_SPACE])
    n = len(doc)
    heads = np.arange(n, dtype=np.int64) + cols[:, 0].astype(np.int64)  # HEAD is relative, unsigned
    sents = np.cumsum((cols[:, 1].astype(np.int64) == 1) & (np.arange(n) > 0))
    strings = doc.vocab.strings
    deps = {int(d): strings[int(d)] for d in set(cols[:, 2].tolist())}
    parse = _Parse(
        heads=heads,
        sents=sents,
        head=heads.tolist(),
        sent=sents.tolist(),
        dep=[deps[d] for d in cols[:, 2].tolist()],
        pos=[POS_NAMES[p] for p in cols[:, 3].tolist()],
        skip=((cols[:, 4] != 0) | (cols[:, 5] != 0)).tolist(),
        doc=doc,
    )
    _ARRAYS[:] = [*_ARRAYS[-1:], (doc, parse)]
    return parse


def _syntax_features(doc: Doc, parse: _Parse, toks: tuple[int, int], verb: Token | None, f: dict[str, float]) -> None:
    """What the candidate starts with, what it leaves off after its end, and whether it is
    one constituent: where a clause is cut ("..., though she noted" is an adverbial clause left
    out; "... (Vt" a phrase cut in two)."""
    head, sent, dep = parse.head, parse.sent, parse.dep
    v = verb.i if verb is not None else -1
    a, b = toks
    h = parse.heads[a:b]
    outside = (h < a) | (h >= b) | (h == np.arange(a, b))
    f["sents"] = float(min(3, 1 + sent[b - 1] - sent[a]))
    f["roots"] = float(min(3, int(outside.sum())))
    first, last = a, b - 1
    root = a + int(np.argmax(outside))
    f["last_cc"] = float(dep[last] == "cc")
    f["first_cc"] = float(dep[first] == "cc")
    f["ends_verb_dep"] = float(head[last] == v)
    f[f"first_dep={dep[first]}"] = 1.0
    f[f"first_pos={parse.pos[first]}"] = 1.0
    f[f"root_dep={dep[root]}"] = 1.0
    f["root_on_cue"] = float(head[root] == v)
    # root.rights: the children between the root and its right edge, as spaCy walks them
    for child in range(root + 1, min(b, parse.right_edge(root) + 1)):
        if head[child] == root and dep[child] != "punct":
            f[f"incl={dep[child]}"] = 1.0
    edge = parse.right_edge(last)
    f["cuts_phrase"] = float(edge >= b and sent[edge] == sent[b - 1])
    nxt, n = b, len(head)
    while nxt < n and sent[nxt] == sent[b - 1] and parse.skip[nxt]:
        nxt += 1
    if nxt >= n or sent[nxt] != sent[b - 1]:
        f["at_sent_end"] = 1.0
        return
    if nxt > b:
        f[f"next_punct={_PUNCT_CLASS.get(doc[b].text, 'other')}"] = 1.0
    top = nxt
    while head[top] != top and parse.left_edge(head[top]) >= nxt and sent[head[top]] == sent[nxt]:
        top = head[top]
    f[f"cut_dep={dep[top]}"] = 1.0
    f[f"cut_pos={parse.pos[nxt]}"] = 1.0
    f["cut_on_cue"] = float(head[top] == v)


_PUNCT_CLASS = {
    ",": "comma",
    "-": "dash",
    "--": "dash",
    "–": "dash",
    "—": "dash",
    "―": "dash",
    ";": "semi",
    ":": "colon",
    "(": "paren",
}


@cache
def _model() -> tuple[list[str], Callable[[Any], Any]]:
    """The feature names and the ranker: gradient-boosted trees (``"trees"``) or, from older
    models, linear weights (``"weights"``)."""
    model = data.load("content_selector")
    if "trees" in model:
        return list(model["features"]), trees.Forest(model["trees"])
    weights = np.asarray(model["weights"], dtype=float)
    return list(model["features"]), lambda x: x @ weights


@cache
def _index() -> dict[str, int]:
    return {n: i for i, n in enumerate(_model()[0])}


def score(feats: list[dict[str, float]]) -> Any:
    names, ranker = _model()
    index = _index()
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for row, f in enumerate(feats):
        for k, v in f.items():
            if (col := index.get(k)) is not None:
                rows.append(row)
                cols.append(col)
                vals.append(v)
    x = np.zeros((len(feats), len(names)))
    x[rows, cols] = vals
    return ranker(x)


Cue = tuple[Offsets, Offsets | None, Offsets | None]

#: Candidates are scored in batches of about this many rows: one batch for an ordinary story,
#: several for a long paragraph, whose cues each have a hundred candidates or more (a 100,000-
#: character paragraph of cues once made 126,000 rows and a peak of 3.5 GB in the trees).
SCORE_ROWS = 4096


def select_all(doc: Doc, cues: list[Cue], tagged: list[Offsets], quotes: list[Offsets]) -> list[Offsets | None]:
    """The best-scoring candidate content for each (cue, source, current content), all of a
    document's cues scored in one batch."""
    out: list[Offsets | None] = []
    spans: list[list[Offsets | None]] = []
    feats: list[dict[str, float]] = []

    def flush() -> None:
        scores = score(feats)
        start = 0
        for group in spans:
            out.append(group[int(np.argmax(scores[start : start + len(group)]))])
            start += len(group)
        spans.clear()
        feats.clear()

    starts = sorted(c[0][0] for c in cues)
    for cue, source, content in cues:
        cands = candidates(doc, cue, source, content, tagged, quotes)
        spans.append(list(cands))
        feats.extend(featurize(doc, cue, source, cands, tagged, starts))
        if len(feats) >= SCORE_ROWS:
            flush()
    if feats:
        flush()
    return out


def select(
    doc: Doc,
    cue: Offsets,
    source: Offsets | None,
    content: Offsets | None,
    tagged: list[Offsets],
    quotes: list[Offsets],
) -> Offsets | None:
    """The best-scoring candidate content for the cue."""
    return select_all(doc, [(cue, source, content)], tagged, quotes)[0]
