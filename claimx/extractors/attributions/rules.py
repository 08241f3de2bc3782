"""Attributions: who said, believed or reported what.

Two sources of candidates are combined:

* a learned tagger (``claimx/models/attribution``, trained on PolNeAR) that marks SOURCE,
  CUE and CONTENT spans, paired into attributions — see ``claimx.extractors.attributions.tagger``;
* rules on the dependency parse for what the tagger cannot represent or was not taught:
  nested attributions, "told X" outlets and addressees, "according to", participles that
  share the main clause's subject, direct quotes running over sentences.

Rules then resolve every source to an actor and link nested attributions to their parent
(this module). The parts: ``base`` (cue lexicon, the raw record, span helpers), ``verbs``
(speech-verb rules), ``according`` ("according to", quotations, noun cues), ``combine``
(the tagger's attributions and how they meet the rules').
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from claimx.extractors.actors import ActorTable, entity_kind, resolve_pronoun
from claimx.extractors.attributions import selector
from claimx.extractors.attributions.according import _nominal, _quote_content, rule_attributions
from claimx.extractors.attributions.base import _PRONOUNS, Raw
from claimx.extractors.attributions.boundaries import parenthetical, parsed_source, passive_source
from claimx.extractors.attributions.combine import _cue_lemma, combine, learned_attributions, tag_many
from claimx.extractors.attributions.patterns import antecedent, daily, own_words, quoted_within
from claimx.extractors.quotes import find_quotations
from claimx.nlp.spans import clean_text, make_span, sentence_index
from claimx.schema import ActorKind, ActorSpan, Attribution, Cue, Span

__all__ = ["find_attributions", "rule_attributions", "tag_many"]

#: a source the actor table does not know becomes a person or an organization, else "other"
#: (a state or group named by the NER stays "other" here, unlike in the actor table)
_SOURCE_LABELS = ("PERSON", "ORG")


def _resolve_source(doc: Doc, table: ActorTable, span: tuple[int, int]) -> tuple[str | None, str | None]:
    aid = table.at(*span)
    if aid is None and (ante := antecedent(doc, span)) is not None:
        aid, kind = _resolve_source(doc, table, ante)
        if aid is not None:
            table.refer(aid, *span)
        return aid, kind
    if aid is None:
        toks = doc.char_span(*span, alignment_mode="expand")
        if toks is not None and len(toks) == 1 and toks[0].lower_ in _PRONOUNS:
            aid = resolve_pronoun(table, toks[0])
            if aid is not None:
                table.refer(aid, *span)
        elif toks is not None and len(toks):
            root = toks.root
            kind = entity_kind(root.ent_type_, labels=_SOURCE_LABELS)
            if root.pos_ == "PRON":
                return None, None
            aid = table.add(span[0], span[1], name=toks.text, kind=kind, label=root.ent_type_ or None)
    if aid is None:
        return None, None
    return aid, str(table.get(aid).kind)


def _selected(
    raws: list[Raw], doc: Doc, contents: list[tuple[int, int]], quotes: list[tuple[int, int]], text: str
) -> list[Raw]:
    chosen = selector.select_all(doc, [(r.cue, r.source, r.content) for r in raws], contents, quotes)
    return [
        raw if raw.content is not None and pick == selector.trim(text, raw.content) else replace(raw, content=pick)
        for raw, pick in zip(raws, chosen, strict=True)
    ]


def _span(doc: Doc, se: tuple[int, int] | None) -> Span | None:
    return make_span(doc, *se) if se is not None else None


def find_attributions(
    doc: Doc, *, tagged: list[tuple[str, int, int]] | None = None, learned: bool = True, select: bool = True
) -> list[Attribution]:
    """Attributions of ``doc``; ``tagged``: the tagger's spans when already predicted;
    ``learned=False``: the parse rules alone (faster, less accurate); ``select=False``: the
    contents as the tagger and rules give them, without the learned content selector. Reads
    the actor table the actor component left on the doc and saves the sources it adds to it."""
    table = ActorTable.from_doc(doc)
    text = clean_text(doc)
    use_tagger = learned
    if use_tagger and tagged is None:
        tagged = tag_many([doc])[0]
    raws = combine(
        learned_attributions(doc, tagged) if use_tagger else [],
        rule_attributions(doc, table),
        text,
        tagger=use_tagger,
    )
    # a learned content inside a quotation stretches to the whole quotation (measured: +0.4 F1)
    quotes = find_quotations(text)
    raws = [_nominal(_quote_content(r, quotes, text) if r.learned else r, doc) for r in raws]
    raws = daily([parenthetical(passive_source(parsed_source(r, doc), doc), doc) for r in raws], doc)
    if use_tagger and select and tagged is not None:
        contents = [(s, e) for label, s, e in tagged if label == "CONTENT"]
        # the selector may take the whole clause back: ", which officials said killed ..."
        # the selector may take the whole clause back: ", which officials said killed ..."
        raws = [own_words(r, doc) if r.source else r for r in _selected(raws, doc, contents, quotes, text)]
    raws = quoted_within(raws, doc, quotes)
    raws.sort(key=lambda r: r.cue)
    atts: list[Attribution] = []
    for n, raw in enumerate(raws, 1):
        lemma, cue_type = (raw.lemma, raw.cue_type) if raw.lemma else _cue_lemma(doc, raw.cue)
        source = None
        if raw.source is not None:
            aid, kind = _resolve_source(doc, table, raw.source)
            source = ActorSpan(
                **make_span(doc, *raw.source).model_dump(), actor=aid, kind=ActorKind(kind) if kind else None
            )
        addressee = None
        if raw.addressee is not None:
            aid = table.at(*raw.addressee)
            addressee = ActorSpan(
                **make_span(doc, *raw.addressee).model_dump(),
                actor=aid,
                kind=ActorKind(table.get(aid).kind) if aid else None,
            )
        atts.append(
            Attribution(
                id=f"t{n}",
                sentence=sentence_index(doc, raw.cue[0]),
                source=source,
                cue=Cue(**make_span(doc, *raw.cue).model_dump(), lemma=lemma, cue_type=cue_type),
                content=_span(doc, raw.content),
                outlet=_span(doc, raw.outlet),
                addressee=addressee,
                direct=raw.direct,
            )
        )
    _link_parents(atts)
    table.save(doc)
    return atts


def _link_parents(atts: list[Attribution]) -> None:
    """An attribution whose cue lies inside another's content is nested in it (the
    innermost such)."""
    for att in atts:
        best: Attribution | None = None
        for other in atts:
            if other is att or other.content is None:
                continue
            c = other.content
            inside = c.start <= att.cue.start and att.cue.end <= c.end
            if inside and (best is None or (c.end - c.start) < (best.content.end - best.content.start)):  # type: ignore[union-attr]
                best = other
        att.parent = best.id if best else None
