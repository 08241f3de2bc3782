"""The learned tagger's attributions, and how they are combined with the rules' ones."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from claimx.errors import AttributionModelError
from claimx.extractors.attributions.base import (
    _CUE_CLASS,
    _PRONOUNS,
    _RULES_ANYWHERE,
    _RULES_NESTED,
    Raw,
    _overlaps,
)
from claimx.extractors.attributions.tagger import AttributionTagger, packaged_model_path, pair
from claimx.nlp.spans import clean_text


@cache
def _tagger() -> AttributionTagger:
    """The trained attribution pipeline, loaded once; missing or unreadable, an error (the
    rules alone, ``learned=False``, do without it)."""
    path = packaged_model_path()
    try:
        return AttributionTagger.load(path)
    except (OSError, ValueError) as exc:
        raise AttributionModelError(
            f"the attribution model at {path} is missing or unreadable ({exc}); reinstall claimx, "
            "or extract without it (--fast, learned=False)"
        ) from exc


def tag_many(docs: list[Doc]) -> list[list[tuple[str, int, int]] | None]:
    """The tagger's spans for a batch of docs (one batched pass is faster than one a doc)."""
    return list(_tagger().predict_many(docs, batch_size=max(1, len(docs))))


def learned_attributions(doc: Doc, spans: list[tuple[str, int, int]] | None = None) -> list[Raw]:
    out = []
    for r in pair(spans if spans is not None else _tagger().predict(doc), doc):
        out.append(Raw(cue=tuple(r.cue), source=r.source, content=r.content, learned=True))  # type: ignore[arg-type]
    return out


def _cue_lemma(doc: Doc, cue: tuple[int, int]) -> tuple[str, str | None]:
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None or not len(span):
        return clean_text(doc)[cue[0] : cue[1]].lower(), None
    if span.text.lower().startswith("according"):
        return "according to", "report"
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _CUE_CLASS]
    verbs = verbs or [t for t in span if t.pos_ in ("VERB",)] or [span.root]
    lemma = verbs[-1].lemma_.lower()
    return lemma, _CUE_CLASS.get(lemma)


def combine(learned: list[Raw], rules: list[Raw], text: str, *, tagger: bool = True) -> list[Raw]:
    """The learned attributions, completed by the rules where their cues meet; then, of the
    rule attributions the tagger did not find: "X said" nested in a learned content (the
    tagger cannot mark spans inside spans), and say / report / according to wherever they
    stand outside the learned spans. Not, any more, common cues in paragraphs where the tagger
    found nothing: dropping those raised joint-exact F1 on PolNeAR dev and on a held-out
    slice of train alike.
    Without a tagger, all rule attributions. The lemma lists are in ``models/cues.json``;
    each choice was measured on PolNeAR dev (see the README)."""
    if not tagger:
        return list(rules)
    matched: list[tuple[Raw, Raw | None]] = []
    used: set[int] = set()
    for raw in learned:
        match = next((i for i, r in enumerate(rules) if i not in used and _overlaps(r.cue, raw.cue)), None)
        if match is None:
            matched.append((raw, None))
            continue
        used.add(match)
        rule = rules[match]
        content = raw.content
        if content is None or (rule.content and text[content[0] : content[1]].lower() in _PRONOUNS):
            # "It was announced that ...": a lone pronoun is no content when the clause is there
            content = rule.content
        completed = replace(
            raw,
            source=raw.source or rule.source,
            content=content,
            lemma=rule.lemma,
            cue_type=rule.cue_type,
            outlet=rule.outlet,
            addressee=rule.addressee,
            direct=rule.direct,
        )
        matched.append((completed, rule))
    # a content the pairing gave to two cues goes, for each, to the clause its own verb governs
    shared = Counter(raw.content for raw, _ in matched if raw.content is not None)
    out = [
        replace(raw, content=rule.content)
        if raw.content is not None and shared[raw.content] > 1 and rule is not None and rule.content
        else raw
        for raw, rule in matched
    ]
    for i, rule in enumerate(rules):
        if i in used or any(_overlaps(rule.cue, r.cue) for r in out):
            continue
        nested = any(r.content and r.content[0] <= rule.cue[0] < r.content[1] for r in learned)
        in_source = any(r.source and _overlaps(r.source, rule.cue) for r in learned)
        complete = rule.source is not None and rule.content is not None
        if (nested and complete and rule.lemma in _RULES_NESTED) or (
            not nested and not in_source and complete and rule.lemma in _RULES_ANYWHERE
        ):
            out.append(rule)
    return out
