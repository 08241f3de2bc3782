"""Claims: each sentence's propositions, tied to their attribution, actors, figures, stances.

An attributed proposition is an attribution's content, claimed by that attribution (nested
ones by the innermost). What a sentence says outside any attribution — a whole sentence
with no cue, or a stretch of one before or after an attribution — is claimed by the article
itself (``attribution`` null).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from claimx.nlp.spans import sentence_spans, source_text, trim
from claimx.schema import Attribution, Claim

_MIN_WORDS = 4


def _covered(atts: list[Attribution], start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    for att in atts:
        for span in (att.source, att.cue, att.content, att.outlet):
            if span is not None and span.start < end and start < span.end:
                parts.append((max(start, span.start), min(end, span.end)))
    parts.sort()
    merged: list[tuple[int, int]] = []
    for s, e in parts:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _is_proposition(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    return len(words) >= _MIN_WORDS and any(t.pos_ in ("VERB", "AUX") for t in span)


def build_claims(doc: Doc) -> list[Claim]:
    """The claims of ``doc``, from the attributions, figures, stances and actor mentions the
    other components left on it."""
    text = source_text(doc)
    atts = [Attribution.model_validate(a) for a in doc._.attributions or []]
    figures: list[dict[str, Any]] = doc._.figures or []
    stances: list[dict[str, Any]] = doc._.stances or []
    mentions: dict[tuple[int, int], str] = doc._.mention_actor or {}

    spans: list[tuple[int, int, str | None, int]] = []  # start, end, attribution, sentence
    for att in atts:
        if att.content is not None:
            spans.append((att.content.start, att.content.end, att.id, att.sentence))
    for index, (s_start, s_end, _) in enumerate(sentence_spans(doc)):
        covered = _covered(atts, s_start, s_end)
        if not covered:
            spans.append((s_start, s_end, None, index))
            continue
        # the stretches of the sentence outside every attribution
        gaps, pos = [], s_start
        for c_start, c_end in covered:
            gaps.append((pos, c_start))
            pos = max(pos, c_end)
        gaps.append((pos, s_end))
        for g_start, g_end in gaps:
            g_start, g_end = trim(doc, g_start, g_end, chars=" \t\r\n,;:-—–")
            if g_end > g_start and _is_proposition(doc, g_start, g_end):
                spans.append((g_start, g_end, None, index))

    # text order; where contents nest, the innermost (shortest) first
    spans.sort(key=lambda x: (x[0], x[1] - x[0]))
    by_id = {a.id: a for a in atts}
    claims: list[Claim] = []
    for n, (start, end, att_id, sentence) in enumerate(spans, 1):
        actor_ids: list[str] = []
        claimed_by = by_id.get(att_id) if att_id else None
        if claimed_by is not None and claimed_by.source is not None and claimed_by.source.actor:
            actor_ids.append(claimed_by.source.actor)
        for (m_start, m_end), aid in sorted(mentions.items()):
            if start <= m_start and m_end <= end and aid not in actor_ids:
                actor_ids.append(aid)
        claims.append(
            Claim(
                id=f"c{n}",
                sentence=sentence,
                text=text[start:end],
                start=start,
                end=end,
                attribution=att_id,
                actors=actor_ids,
                figures=[f["id"] for f in figures if start <= f["start"] and f["end"] <= end],
                stances=[s["id"] for s in stances if start <= s["cue"]["start"] and s["cue"]["end"] <= end],
            )
        )
    return claims
