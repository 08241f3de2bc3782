"""Claims: the propositions of an article, each tied to its attribution, actors, figures and
stances.

Each stretch of text belongs to one claim at most, so a table of claims never counts the same
words twice:

- the headline is one claim of its own;
- an attribution's content is claimed by that attribution; where contents nest ("Hamas said
  it would X, arguing that Y"), the inner contents are the inner attributions' claims and the
  outer one keeps only what is left of its content, if that is still a proposition;
- what a sentence says outside every attribution is claimed by the article itself
  (``attribution`` null), when it is a whole proposition: a clause with its subject, not a
  fragment ending in "as", "with", "and", a verb whose object lies elsewhere, or a relative
  clause ("which Hamas accepted").

Every figure and stance sits on the claim that holds it, or, when none holds it whole, on the
claim of its sentence it overlaps most.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimx import data as lexicons
from claimx.nlp.spans import sentence_spans, source_text, trim
from claimx.schema import Attribution, Claim, Figure, Stance

_LEX = lexicons.load("claims")
_MIN_WORDS = int(_LEX["min_words"])
_DANGLING = frozenset(_LEX["dangling_last_words"])
_DANGLING_POS = frozenset(_LEX["dangling_last_pos"])
_COMPLEMENTS = frozenset(_LEX["obligatory_complements"])
_CLAUSE_OPENERS = frozenset(_LEX["clause_opening_tags"])
_GAP_TRIM = " \t\r\n,;:-—–"

Piece = tuple[int, int, str | None, int]  # start, end, attribution id, sentence index


def _covered(atts: list[Attribution], start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    for att in atts:
        for span in (att.source, att.cue, att.content, att.outlet):
            if span is not None and span.start < end and start < span.end:
                parts.append((max(start, span.start), min(end, span.end)))
    return _merged(parts)


def _merged(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(parts):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _gaps(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], start
    for h_start, h_end in holes:
        out.append((pos, h_start))
        pos = max(pos, h_end)
    out.append((pos, end))
    return out


def is_proposition(span: SpacySpan) -> bool:
    """A stretch a reader can quote as a claim: enough words, a verb with its subject inside,
    no dangling last word, no verb whose object lies outside, not a relative or subordinate
    clause on its own."""
    words = [t for t in span if t.is_alpha]
    if len(words) < _MIN_WORDS:
        return False
    last = words[-1]
    if last.lower_ in _DANGLING or (last.pos_ in _DANGLING_POS and last.i == span.end - 1):
        return False
    if span[0].tag_ in _CLAUSE_OPENERS or span[0].dep_ == "mark":
        return False
    inside = range(span.start, span.end)
    if not any(
        t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in inside for c in t.children)
        for t in span
    ):
        return False
    return not any(c.dep_ in _COMPLEMENTS and c.i >= span.end for t in span for c in t.children)


def _proposition(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim(doc, start, end, chars=_GAP_TRIM)
    if end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    return (start, end) if span is not None and len(span) and is_proposition(span) else None


def _content_pieces(doc: Doc, atts: list[Attribution]) -> list[Piece]:
    """Each content, less the contents nested in it (kept only where a proposition remains)."""
    contents = [(a.content.start, a.content.end, a) for a in atts if a.content is not None]
    out: list[Piece] = []
    for start, end, att in contents:
        inner = [
            (s, e)
            for s, e, other in contents
            if other is not att and start <= s and e <= end and (s, e) != (start, end)
        ]
        if not inner:
            out.append((start, end, att.id, att.sentence))
            continue
        for g_start, g_end in _gaps(start, end, _merged(inner)):
            found = _proposition(doc, g_start, g_end)
            if found is not None:
                out.append((*found, att.id, att.sentence))
    return out


def _sentence_pieces(doc: Doc, atts: list[Attribution]) -> list[Piece]:
    out: list[Piece] = []
    for index, (s_start, s_end, headline) in enumerate(sentence_spans(doc)):
        if headline:
            continue
        covered = _covered(atts, s_start, s_end)
        if not covered:
            out.append((s_start, s_end, None, index))
            continue
        for g_start, g_end in _gaps(s_start, s_end, covered):
            found = _proposition(doc, g_start, g_end)
            if found is not None:
                out.append((*found, None, index))
    return out


def _headline_piece(doc: Doc, atts: list[Attribution]) -> tuple[Piece | None, int | None]:
    for index, (start, end, headline) in enumerate(sentence_spans(doc)):
        if headline:
            # attributed only when an attribution makes up most of it ("Hamas says truce holds")
            att_id = None
            for att in atts:
                parts = [s for s in (att.source, att.cue, att.content) if s is not None]
                cover = sum(min(end, s.end) - max(start, s.start) for s in parts if s.start < end and start < s.end)
                if cover >= 0.6 * (end - start):
                    att_id = att.id
                    break
            return (start, end, att_id, index), index
    return None, None


def _home(pieces: list[Piece], start: int, end: int, sentence: int) -> int | None:
    """Index of the piece holding [start, end) whole, else the piece of ``sentence`` it
    overlaps most, else the first piece of that sentence."""
    for i, (p_start, p_end, _, _) in enumerate(pieces):
        if p_start <= start and end <= p_end:
            return i
    same = [(min(end, p[1]) - max(start, p[0]), i) for i, p in enumerate(pieces) if p[3] == sentence]
    if same:
        return max(same)[1]
    # a sentence with no claim of its own: the nearest claim before it, else after it
    before = [i for i, p in enumerate(pieces) if p[0] <= start and p[3] >= 0]
    return max(before, key=lambda i: pieces[i][0]) if before else (0 if pieces else None)


def build_claims(doc: Doc) -> list[Claim]:
    """The claims of ``doc``, from the attributions, figures, stances and actor mentions the
    other components left on it."""
    text = source_text(doc)
    atts = [Attribution.model_validate(a) for a in doc._.attributions or []]
    figures = [Figure.model_validate(f) for f in doc._.figures or []]
    stances = [Stance.model_validate(s) for s in doc._.stances or []]
    mentions: dict[tuple[int, int], str] = doc._.mention_actor or {}

    head, head_index = _headline_piece(doc, atts)
    body = [p for p in _content_pieces(doc, atts) if p[3] != head_index] + _sentence_pieces(doc, atts)
    furniture = [(s["start"], s["end"]) for s in [*(doc._.credits or []), *([doc._.byline] if doc._.byline else [])]]
    body = [p for p in body if not any(s <= p[0] and p[1] <= e for s, e in furniture)]
    pieces = ([head] if head else []) + sorted(body, key=lambda p: (p[0], p[1] - p[0]))
    figs_of: dict[int, list[str]] = {}
    for fig in figures:
        home = _home(pieces, fig.start, fig.end, fig.sentence)
        if home is not None:
            figs_of.setdefault(home, []).append(fig.id)
    stances_of: dict[int, list[str]] = {}
    for st in stances:
        home = _home(pieces, st.cue.start, st.cue.end, st.sentence)
        if home is not None:
            stances_of.setdefault(home, []).append(st.id)
    by_id = {a.id: a for a in atts}
    claims: list[Claim] = []
    for n, (start, end, att_id, sentence) in enumerate(pieces):
        actor_ids: list[str] = []
        claimed_by = by_id.get(att_id) if att_id else None
        if claimed_by is not None and claimed_by.source is not None and claimed_by.source.actor:
            actor_ids.append(claimed_by.source.actor)
        for (m_start, m_end), aid in sorted(mentions.items()):
            if start <= m_start and m_end <= end and aid not in actor_ids:
                actor_ids.append(aid)
        claims.append(
            Claim(
                id=f"c{n + 1}",
                sentence=sentence,
                text=text[start:end],
                start=start,
                end=end,
                attribution=att_id,
                actors=actor_ids,
                figures=figs_of.get(n, []),
                stances=stances_of.get(n, []),
            )
        )
    return claims
