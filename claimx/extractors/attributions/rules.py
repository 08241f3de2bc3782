"""Attributions: who said, believed or reported what.

Two sources of candidates are combined:

* a learned tagger (``claimx/models/attribution``, trained on PolNeAR) that marks SOURCE,
  CUE and CONTENT spans, paired into attributions — see ``claimx.extractors.attributions.tagger``;
* rules on the dependency parse for what the tagger cannot represent or was not taught:
  nested attributions, "told X" outlets and addressees, "according to", participles that
  share the main clause's subject, direct quotes running over sentences.

Rules then resolve every source to an actor and link nested attributions to their parent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from claimx import data as lexicons
from claimx.errors import AttributionModelError
from claimx.extractors.actors import ActorTable, entity_kind, is_outlet_name, resolve_pronoun
from claimx.extractors.attributions.tagger import AttributionTagger, packaged_model_path, pair
from claimx.extractors.quotes import find_quotes
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text, make_span, sentence_index
from claimx.nlp.tokens import positions
from claimx.schema import ActorKind, ActorSpan, Attribution, Cue, Span

_CUES = lexicons.load("cues")
_CUE_CLASS: dict[str, str] = {}
for _cls, _verbs in _CUES["verbs"].items():
    for _v in _verbs:
        _CUE_CLASS.setdefault(_v, _cls)
_CUE_LEMMAS = frozenset(_CUE_CLASS)
_VERB_POS = frozenset({"VERB", "AUX"})
_ACCORDING = frozenset({"according"})
_NEEDS_CLAUSE = frozenset(_CUES["needs_clause"])
_OBJECT_CONTENT = frozenset(_CUES["object_content"])
_PASSIVE = frozenset(_CUES["quote_verbs_passive"])
_CONTENT_FIRST = frozenset(_CUES["content_first"])
_RULES_ALONE = frozenset(_CUES["rules_where_tagger_silent"])
_RULES_NESTED = frozenset(_CUES["rules_nested"])
_RULES_ANYWHERE = frozenset(_CUES["rules_anywhere"])
_CUE_NOUNS = frozenset(_CUES["nouns"])
_ANON_MARKERS: list[str] = lexicons.load("actors")["anonymity_markers"]
_PRONOUNS = frozenset(lexicons.load("actors")["pronouns"])
#: a source the actor table does not know becomes a person or an organization, else "other"
#: (a state or group named by the NER stays "other" here, unlike in the actor table)
_SOURCE_LABELS = ("PERSON", "ORG")


@dataclass(frozen=True)
class Raw:
    """An attribution as character offsets, before actors and ids are attached."""

    cue: tuple[int, int]
    source: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    lemma: str | None = None
    cue_type: str | None = None
    outlet: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    direct: bool = False
    learned: bool = False


# -- rules ---------------------------------------------------------------------------------


def _edge_span(tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and ((toks[0].is_punct and toks[0].text not in "“\"'‘«(") or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"'’»)":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _subtree(tok: Token, *, exclude: set[int] | None = None) -> list[Token]:
    exclude = exclude or set()
    return [t for t in tok.subtree if t.i not in exclude]


def _content_clause(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("ccomp",):
            return child
    for child in verb.children:
        if child.dep_ in ("xcomp",) and child.lemma_ not in ("be",) and child.i > verb.i:
            return child
    return None


def _outlet_or_addressee(verb: Token, table: ActorTable) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            span = syntax.speaker_span(child)
            text = clean_text(verb.doc)[span[0] : span[1]]
            aid = table.at(*span)
            if is_outlet_name(text) or (aid is not None and table.get(aid).kind == "outlet"):
                return span, None
            return None, span
    return None, None


def _rule_verbs(doc: Doc, table: ActorTable) -> list[Raw]:
    out: list[Raw] = []
    for i in positions(doc, lemmas=_CUE_LEMMAS, pos=_VERB_POS):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        subj = syntax.speaker(tok, cues=_CUE_CLASS)
        clause = _content_clause(tok)
        content: tuple[int, int] | None = None
        if clause is not None:
            toks = [t for t in clause.subtree]
            marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
            content = _edge_span(toks if not marks else [*toks])
        elif (
            tok.dep_ in ("parataxis", "advcl", "conj")
            and tok.head.i < tok.i
            and tok.tag_ != "VBG"
            and lemma in _CONTENT_FIRST
        ):
            # "The talks will go on, the source said": the content is the head clause
            drop = {x.i for x in tok.subtree}
            if subj is not None:
                drop |= {x.i for x in subj.subtree}
            content = _edge_span([t for t in tok.head.subtree if t.i not in drop])
        elif lemma in _OBJECT_CONTENT:
            for child in tok.children:
                if child.dep_ == "dobj":
                    content = _edge_span(_subtree(child))
        if content is None and subj is not None and lemma in _CONTENT_FIRST:
            content = _rest_of_sentence(tok, subj)
        if content is not None and _is_anonymity_phrase(clean_text(doc)[content[0] : content[1]]):
            continue  # "who asked not to be named" reports nothing
        if content is None and lemma in _NEEDS_CLAUSE:
            continue
        if content is None and lemma not in ("say", "tell"):
            continue
        source: tuple[int, int] | None = None
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            agent = syntax.agent(tok)
            source = syntax.speaker_span(agent) if agent is not None else None
            if lemma not in _PASSIVE and agent is None:
                continue
        elif subj is not None:
            source = syntax.speaker_span(subj)
        if source is None and content is None:
            continue
        outlet, addressee = (None, None)
        if lemma == "tell":
            outlet, addressee = _outlet_or_addressee(tok, table)
        if (
            content is not None
            and source is not None
            and content[0] <= source[0] < content[1]
            and not (content[0] <= tok.idx < content[1])
            and source[1] <= content[1]
        ):
            source = None
        out.append(
            Raw(
                cue=(tok.idx, tok.idx + len(tok)),
                source=source,
                content=content,
                lemma=lemma,
                cue_type=_CUE_CLASS[lemma],
                outlet=outlet,
                addressee=addressee,
            )
        )
    return out


def _is_anonymity_phrase(text: str) -> bool:
    low = text.lower()
    return len(low) < 60 and any(m in low for m in _ANON_MARKERS)


def _rest_of_sentence(verb: Token, subj: Token) -> tuple[int, int] | None:
    """ "<content>, a source told Xinhua." and "A source said: <content>" where the parser
    hung the content elsewhere: what the sentence says besides the speaker and the cue."""
    sent = verb.sent
    speaker = {t.i for t in subj.subtree} | {verb.i}
    attached = ("dobj", "dative", "prep", "npadvmod", "advmod", "aux", "neg")
    speaker |= {t.i for c in verb.children if c.dep_ in attached for t in c.subtree}
    first = min(speaker)
    last = max(speaker)
    before = [t for t in sent if t.i < first]
    after = [t for t in sent if t.i > last]
    if len([t for t in before if not t.is_punct]) >= 3 and all(t.is_punct or t.is_space for t in after):
        return _edge_span(before)
    if len([t for t in after if not t.is_punct]) >= 3 and all(t.is_punct or t.is_space for t in before):
        return _edge_span(after)
    return None


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
    if nxt and e2 <= raw.cue[0] and "\n" not in text[e2 : nxt[0][0]]:
        e2 = nxt[0][1]
    # ... and the fragment right before the speaker: the same quote, split
    first = min(raw.cue[0], raw.source[0] if raw.source else raw.cue[0])
    prev = [q for q in quotes if q[1] <= first and first - q[1] <= 3 and s2 >= raw.cue[1]]
    if prev and "\n" not in text[prev[-1][1] : s2]:
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
    quotes = find_quotes(clean_text(doc))
    raws = _rule_verbs(doc, table) + _rule_according_to(doc)
    return [_quote_content(r, quotes, clean_text(doc)) for r in raws]


# -- learned tagger ------------------------------------------------------------------------


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


# -- combining -----------------------------------------------------------------------------


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


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


def _paragraph(text: str, i: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, len(text) if end < 0 else end


def combine(learned: list[Raw], rules: list[Raw], text: str, *, tagger: bool = True) -> list[Raw]:
    """The learned attributions, completed by the rules where their cues meet; then, of the
    rule attributions the tagger did not find: common cues in paragraphs where the tagger
    found nothing, "X said" nested in a learned content (the tagger cannot mark spans inside
    spans), and say / report / according to wherever they stand outside the learned spans.
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
        para = _paragraph(text, rule.cue[0])
        alone = not any(para[0] <= r.cue[0] < para[1] for r in learned)
        nested = any(r.content and r.content[0] <= rule.cue[0] < r.content[1] for r in learned)
        in_source = any(r.source and _overlaps(r.source, rule.cue) for r in learned)
        complete = rule.source is not None and rule.content is not None
        if (
            (alone and rule.lemma in _RULES_ALONE)
            or (nested and complete and rule.lemma in _RULES_NESTED)
            or (not nested and not in_source and complete and rule.lemma in _RULES_ANYWHERE)
        ):
            out.append(rule)
    return out


def _resolve_source(doc: Doc, table: ActorTable, span: tuple[int, int]) -> tuple[str | None, str | None]:
    aid = table.at(*span)
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


def _span(doc: Doc, se: tuple[int, int] | None) -> Span | None:
    return make_span(doc, *se) if se is not None else None


def find_attributions(
    doc: Doc, *, tagged: list[tuple[str, int, int]] | None = None, learned: bool = True
) -> list[Attribution]:
    """Attributions of ``doc``; ``tagged``: the tagger's spans when already predicted;
    ``learned=False``: the parse rules alone (faster, less accurate). Reads the actor table
    the actor component left on the doc and saves the sources it adds to it."""
    table = ActorTable.from_doc(doc)
    text = clean_text(doc)
    raws = combine(
        learned_attributions(doc, tagged) if learned else [],
        rule_attributions(doc, table),
        text,
        tagger=learned,
    )
    # a learned content inside a quotation stretches to the whole quotation (measured: +0.4 F1)
    quotes = find_quotes(text)
    raws = [_nominal(_quote_content(r, quotes, text) if r.learned else r, doc) for r in raws]
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
