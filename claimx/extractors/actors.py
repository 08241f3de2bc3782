"""Actors: named entities, officials and anonymous sources merged across their mentions.

The :class:`ActorTable` lives for one family's run: the actor component saves it on the doc
as plain data (``doc._.actors``, ``doc._.actor_index``), and a later family (attributions,
stances) rebuilds it with :meth:`ActorTable.from_doc` to resolve the spans it finds — a
pronoun, "the group", "a senior official" — to actors, and saves what it added.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimx import data as lexicons
from claimx.errors import PipelineError
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text, make_span
from claimx.nlp.tokens import positions
from claimx.schema import Actor, ActorKind

_LEX = lexicons.load("actors")
#: the one map from an NER label to an actor kind
ENTITY_KINDS: dict[str, str] = _LEX["entity_kinds"]
_OFFICIAL_ORG = lexicons.word_set("actors", "official_org_words")
_OFFICIAL_ORG_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_OFFICIAL_ORG))) + r")\b")
_OFFICIAL_NOUNS = lexicons.word_set("actors", "official_nouns")
_ANON_NOUNS = lexicons.word_set("actors", "anonymous_nouns")
_ANON_ALWAYS = lexicons.word_set("actors", "anonymous_heads_always")
_ANON_MARKERS: list[str] = _LEX["anonymity_markers"]
_NOMINAL: dict[str, list[str]] = _LEX["nominal_references"]
#: the head nouns an official, anonymous source or nominal reference can have
_COMMON_NOUN_WORDS = _OFFICIAL_NOUNS | _ANON_NOUNS | _ANON_ALWAYS | frozenset(_NOMINAL)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PRONOUNS: dict[str, list[str]] = _LEX["pronouns"]
_TITLES = lexicons.word_set("titles", "titles")
_TITLE_LINKS = lexicons.word_set("titles", "connectors")
_OUTLETS: list[str] = lexicons.load("outlets")["outlets"]
_OUTLET_KEYS = frozenset(o.lower().removeprefix("the ") for o in _OUTLETS)
_DETERMINERS = ("the ", "a ", "an ")


def _key(name: str) -> str:
    """Normalised form for matching names across mentions."""
    name = name.strip().replace("’", "'")
    name = re.sub(r"'s$", "", name)
    low = name.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            low = low[len(det) :]
    return re.sub(r"\s+", " ", low).strip(" .,;:")


def _display(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip()).replace("’s", "").rstrip(" .,;:")
    name = re.sub(r"'s$", "", name)
    for det in ("The ", "the "):
        if name.startswith(det):
            name = name[len(det) :]
    return name


def _initials(key: str) -> str:
    words = [w for w in re.split(r"[\s-]+", key) if w and w not in _TITLE_LINKS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def entity_kind(label: str, *, labels: Collection[str] | None = None, default: str = "other") -> str:
    """The actor kind of an NER label (:data:`ENTITY_KINDS`); ``default`` for a label not in
    the map, or not among ``labels`` when those are given."""
    if labels is not None and label not in labels:
        return default
    return ENTITY_KINDS.get(label, default)


def is_outlet_name(name: str) -> bool:
    return _key(name) in _OUTLET_KEYS


@dataclass
class _Entry:
    actor: Actor
    keys: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)


class ActorTable:
    """Actors of one doc, with lookups from mention offsets and by kind/recency."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._entries: list[_Entry] = []
        self._made = 0  # ids are never reused, even after a merge removes an actor
        self.mention_actor: dict[tuple[int, int], str] = {}

    # -- plain data on the doc ---------------------------------------------------------
    @classmethod
    def from_doc(cls, doc: Doc) -> ActorTable:
        """The table the actor component (and the families after it) saved on ``doc``."""
        index = doc._.actor_index
        if doc._.actors is None or index is None:
            raise PipelineError(
                "no actors on this doc: the claimx_actors component must run before attributions "
                "and stances (use claimx.add_to(nlp) to add claimx's components in order)"
            )
        table = cls(doc)
        table._made = index["made"]
        for data in doc._.actors:
            actor = Actor.model_validate(data)
            surfaces: Counter[str] = Counter(index["surfaces"].get(actor.id, {}))
            table._entries.append(_Entry(actor, {_key(s) for s in surfaces}, surfaces))
        table.mention_actor = {(s, e): aid for s, e, aid in index["mentions"]}
        return table

    def save(self, doc: Doc) -> None:
        """Write the actors and the table's bookkeeping to ``doc`` as plain data."""
        doc._.actors = [a.model_dump(mode="json") for a in self.actors()]
        doc._.actor_index = {
            "made": self._made,
            "mentions": [[s, e, aid] for (s, e), aid in self.mention_actor.items()],
            "surfaces": {e.actor.id: dict(e.surfaces) for e in self._entries},
        }

    # -- building ---------------------------------------------------------------------
    def _new(self, name: str, kind: str, label: str | None) -> _Entry:
        self._made += 1
        actor = Actor(id=f"a{self._made}", name=name, kind=ActorKind(kind), label=label)
        entry = _Entry(actor)
        self._entries.append(entry)
        return entry

    def _add_mention(self, entry: _Entry, start: int, end: int, surface: str | None) -> None:
        if (start, end) in self.mention_actor:
            return
        entry.actor.mentions.append(make_span(self.doc, start, end))
        self.mention_actor[(start, end)] = entry.actor.id
        if surface is not None:
            entry.surfaces[surface] += 1
            entry.keys.add(_key(surface))

    def add(
        self,
        start: int,
        end: int,
        *,
        name: str,
        kind: str,
        label: str | None = None,
        merge: bool = True,
    ) -> str:
        """Add a mention, merging it into an actor of the same name when there is one."""
        key = _key(name)
        entry = self._find_same(key, kind) if merge else None
        if entry is None:
            entry = self._new(_display(name), kind, label)
        self._add_mention(entry, start, end, _display(name))
        return entry.actor.id

    def _find_same(self, key: str, kind: str) -> _Entry | None:
        if not key:
            return None
        for entry in reversed(self._entries):
            if key in entry.keys:
                return entry
        if kind in ("organization", "official", "state") and 2 <= len(key) <= 6 and " " not in key:
            # "UN" after "the United Nations": an acronym of an earlier name
            for entry in reversed(self._entries):
                if entry.actor.kind in ("organization", "official", "state") and any(
                    _initials(k) == key for k in entry.keys
                ):
                    return entry
        if kind in ("organization", "official", "state") and (initials := _initials(key)):
            # ... and "the United States" after "US"
            for entry in reversed(self._entries):
                if entry.actor.kind in ("organization", "official", "state") and initials in entry.keys:
                    return entry
        if kind in ("organization", "other") and " " not in key:
            # the NER often calls a lone surname an organisation: "Trump" after "Donald Trump"
            for entry in reversed(self._entries):
                if entry.actor.kind == "person" and any(
                    len(k.split()) > 1 and k.split()[-1] == key for k in entry.keys
                ):
                    return entry
        if kind == "person":
            # "Trump" after "Donald Trump": a surname (or first name) of an earlier person
            for entry in reversed(self._entries):
                if entry.actor.kind != "person":
                    continue
                for k in entry.keys:
                    parts = k.split()
                    if len(parts) > 1 and (key == parts[-1] or (key in parts[:-1] and len(key) > 3)):
                        return entry
                    if len(key.split()) > 1 and len(parts) == 1 and key.split()[-1] == k:
                        return entry
        return None

    def alias(self, actor_id: str, start: int, end: int, surface: str) -> None:
        """Record ``surface`` at [start, end) as another name of ``actor_id``."""
        entry = self._entry(actor_id)
        self._add_mention(entry, start, end, _display(surface))

    def refer(self, actor_id: str, start: int, end: int) -> None:
        """Record a resolved reference ("the group", "he") to ``actor_id``."""
        self._add_mention(self._entry(actor_id), start, end, None)

    def _entry(self, actor_id: str) -> _Entry:
        return next(e for e in self._entries if e.actor.id == actor_id)

    # -- lookups ----------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor:
        return self._entry(actor_id).actor

    def at(self, start: int, end: int) -> str | None:
        """The actor with a mention overlapping [start, end) — the longest overlap,
        preferring mentions inside the span."""
        best: tuple[int, str] | None = None
        for (s, e), aid in self.mention_actor.items():
            ov = min(e, end) - max(s, start)
            if ov > 0 and (best is None or ov > best[0]):
                best = (ov, aid)
        return best[1] if best else None

    def last_of(self, kinds: list[str], before: int, *, head: str | None = None) -> str | None:
        """The actor of one of ``kinds`` (in order of preference) mentioned last before offset
        ``before``, preferring one that was the subject of its clause."""
        for kind in kinds:
            best: tuple[bool, int, str] | None = None
            for (s, e), aid in self.mention_actor.items():
                if s >= before:
                    continue
                actor = self._entry(aid).actor
                if actor.kind != kind:
                    continue
                if head is not None and head not in actor.name.lower():
                    continue
                cand = (self._is_subject(s, e), s, aid)
                if best is None or cand > best:
                    best = cand
            if best is not None:
                return best[2]
        return None

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def actors(self) -> list[Actor]:
        out = []
        for entry in self._entries:
            actor = entry.actor
            actor.mentions.sort(key=lambda m: m.start)
            if entry.surfaces:
                if actor.kind == "person":
                    actor.name = max(entry.surfaces, key=lambda s: (len(s.split()), len(s)))
                else:
                    actor.name = max(entry.surfaces, key=lambda s: (entry.surfaces[s], len(s)))
            out.append(actor)
        return out


# -- finding mentions --------------------------------------------------------------------

_matchers: dict[int, PhraseMatcher] = {}


def _outlet_matcher(doc: Doc) -> PhraseMatcher:
    key = id(doc.vocab)
    if key not in _matchers:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        tokenizer_docs = [Doc(doc.vocab, words=o.split()) for o in _OUTLETS]
        matcher.add("OUTLET", tokenizer_docs)
        _matchers[key] = matcher
    return _matchers[key]


def _title_before(span: SpacySpan) -> str | None:
    """Title words right before a person's name ("US President" Donald Trump)."""
    doc = span.doc
    i = span.start - 1
    first = None
    seen_title = False
    while i >= 0:
        tok = doc[i]
        low = tok.lower_
        if low in _TITLES:
            seen_title = True
        elif (
            tok.ent_type_ in ("NORP", "GPE")
            or (low in _TITLE_LINKS and first is not None)
            or (tok.is_title and tok.dep_ == "compound" and tok.head.i >= span.start)
        ):
            pass
        else:
            break
        first = i
        i -= 1
    if first is None or not seen_title:
        return None
    while first < span.start and doc[first].lower_ in _TITLE_LINKS:
        first += 1
    title = doc[first : span.start].text.strip()
    return title or None


def _kind_of_entity(ent: SpacySpan) -> str | None:
    if is_outlet_name(ent.text):
        return "outlet"
    kind = ENTITY_KINDS.get(ent.label_)
    if kind == "organization" and _OFFICIAL_ORG_RE.search(ent.text.lower()):
        return "official"
    return kind


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``: its left modifiers."""
    first, last = syntax.phrase_tokens(tok, **syntax.MENTION)
    return first, last + 1


def _anonymity_marked(tok: Token) -> bool:
    sent = tok.sent
    # look at the phrase right after the noun: "who asked not to be named", "familiar with"
    tail = tok.doc[tok.i : min(sent.end, tok.i + 12)].text.lower()
    return any(m in tail for m in _ANON_MARKERS)


def _is_indefinite(doc: Doc, left: int, head: Token) -> bool:
    first = doc[left].lower_
    return first in ("a", "an", "another", "one", "two", "three", "several", "some") or (
        head.tag_ in ("NNS",) and first not in ("the", "these", "those")
    )


def find_actors(doc: Doc) -> ActorTable:
    """Find and merge the actors of ``doc`` (tagged, parsed, with entities)."""
    table = ActorTable(doc)
    candidates: list[tuple[int, int, str, str, str | None, Token | None]] = []
    taken: set[int] = set()

    date = doc._.dateline
    if date is not None:
        starts = doc.to_array(IDX)
        taken.update(int(i) for i in numpy.flatnonzero((starts >= date["start"]) & (starts < date["end"])))
    for _, s, e in _outlet_matcher(doc)(doc):
        span = doc[s:e]
        if any(i in taken for i in range(s, e)):
            continue
        candidates.append((span.start_char, span.end_char, span.text, "outlet", "ORG", None))
        taken.update(range(s, e))

    # officials, anonymous sources and nominal references are common nouns, which may
    # carry a nationality or place ("an Egyptian source", "Gaza health authorities")
    for i in positions(doc, lowers=_COMMON_NOUN_WORDS, pos=_NOUN_POS):
        tok = doc[i]
        if tok.i in taken or tok.ent_type_:
            continue
        low = tok.lower_
        left, right = _noun_phrase(tok)
        if any(i in taken for i in range(left, right)):
            left = tok.i
        first = doc[left].lower_
        if low in _ANON_ALWAYS or ((low in _ANON_NOUNS or low in _OFFICIAL_NOUNS) and _anonymity_marked(tok)):
            if first in ("the", "this", "that") and low in _NOMINAL and right - left <= 3:
                candidates.append((doc[left].idx, tok.idx + len(tok), "", "ref", low, tok))
            else:
                text = doc[left:right].text
                candidates.append((doc[left].idx, tok.idx + len(tok), text, "anonymous", None, tok))
        elif low in _OFFICIAL_NOUNS and tok.pos_ == "NOUN":
            if first in ("the",) and low in _NOMINAL and right - left <= 2:
                candidates.append((doc[left].idx, tok.idx + len(tok), "", "ref", low, tok))
            elif not any(c.ent_type_ == "PERSON" for c in tok.children if c.dep_ == "appos"):
                text = doc[left:right].text
                candidates.append((doc[left].idx, tok.idx + len(tok), text, "official", None, tok))
        elif low in _NOMINAL and first == "the" and right - left <= 3:
            candidates.append((doc[left].idx, tok.idx + len(tok), "", "ref", low, tok))
        else:
            continue
        taken.update(range(left, right))

    for ent in doc.ents:
        if ent.label_ not in ENTITY_KINDS:
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        kind = _kind_of_entity(ent)
        if kind is None:
            continue
        candidates.append((ent.start_char, ent.end_char, ent.text, kind, ent.label_, None))
        taken.update(range(ent.start, ent.end))

    candidates.sort(key=lambda c: (c[0], -c[1]))
    last_anon: dict[str, str] = {}
    for start, end, text, kind, label, head_tok in candidates:
        if kind == "ref":
            assert label is not None
            kinds = _NOMINAL[label]
            head = "source" if label in ("source", "sources") else None
            aid = None
            if head is not None and last_anon:
                aid = last_anon.get(label) or last_anon.get("source") or last_anon.get("sources")
            if aid is None:
                aid = table.last_of(kinds, start, head=head)
            if aid is not None:
                table.refer(aid, start, end)
            continue
        if kind == "anonymous":
            # every indefinite "an Egyptian source" is somebody new; "the source" is the last one
            aid = table.add(start, end, name=text, kind=kind, merge=False)
            if head_tok is not None:
                last_anon[head_tok.lower_] = aid
            continue
        if kind == "official" and head_tok is not None:
            phrase = doc.char_span(start, end, alignment_mode="expand")
            if phrase is not None and _is_indefinite(doc, phrase.start, head_tok):
                table.add(start, end, name=text, kind=kind, merge=False)
                continue
        aid = table.add(start, end, name=text, kind=kind, label=label)
        if kind == "person":
            name_span = doc.char_span(start, end, alignment_mode="expand")
            if name_span is not None:
                title = _title_before(name_span)
                actor = table.get(aid)
                if title and not actor.title:
                    actor.title = title
    _link_parenthetical_aliases(doc, table)
    return table


def _link_parenthetical_aliases(doc: Doc, table: ActorTable) -> None:
    """ "the Palestinian Islamic Resistance Movement (Hamas)": one actor, two names."""
    text = clean_text(doc)
    spans = sorted(table.mention_actor.items())
    for (s1, e1), _ in spans:
        m = re.match(r"\s*\(\s*", text[e1 : e1 + 4])
        if not m:
            continue
        inner_start = e1 + m.end()
        for (s2, e2), _ in spans:
            # ids are read afresh: an earlier merge may have folded either actor away
            a1, a2 = table.mention_actor[(s1, e1)], table.mention_actor[(s2, e2)]
            if s2 == inner_start and text[e2 : e2 + 1] == ")" and a1 != a2:
                _merge(table, keep=a2, drop=a1)
                break


def _merge(table: ActorTable, *, keep: str, drop: str) -> None:
    keep_e, drop_e = table._entry(keep), table._entry(drop)
    for m in drop_e.actor.mentions:
        table.mention_actor[(m.start, m.end)] = keep
        keep_e.actor.mentions.append(m)
    keep_e.keys |= drop_e.keys
    keep_e.surfaces.update(drop_e.surfaces)
    if keep_e.actor.kind != drop_e.actor.kind and drop_e.actor.kind == "organization":
        keep_e.actor.kind = ActorKind.organization
    table._entries.remove(drop_e)


def resolve_pronoun(table: ActorTable, tok: Token) -> str | None:
    """The actor a pronoun refers to: the last one mentioned of a fitting kind."""
    kinds = _PRONOUNS.get(tok.lower_)
    if kinds is None:
        return None
    return table.last_of(kinds, tok.idx)
