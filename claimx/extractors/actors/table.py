"""The actors of one doc and lookups from mention offsets; private to a run."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimx import data as lexicons
from claimx.errors import PipelineError
from claimx.extractors.actors.names import (
    _COUNTRIES,
    _NOMINAL_STRICT,
    _ORG_SUFFIXES,
    _PRONOUNS,
    _TEAM_WORDS,
    _display,
    _initials,
    _key,
    _name_key,
    alias_of,
    another_full_name,
    canonical,
    gender_of_name,
    inside_name,
    maker_stem,
    workplace_only,
)
from claimx.nlp.spans import clean_text, make_span
from claimx.schema import Actor, ActorKind

_NOMINAL_KIN: dict[str, list[str]] = {
    k: v for k, v in lexicons.load("actors")["nominal_kin"].items() if not k.startswith("_")
}
_BUSINESS = lexicons.word_set("actors", "business_nouns")
_NOT_BUSINESS = lexicons.word_set("actors", "not_business")
_BUSINESS_MARKS = _BUSINESS | (_ORG_SUFFIXES - lexicons.word_set("actors", "generic_org_suffixes"))
_ACRONYM_KINDS = frozenset({"organization", "official", "state", "place"})
_LOCATIVE = frozenset({"in", "near", "outside", "across", "around", "inside"})


def _other_gender(entry: _Entry, gender: str | None) -> bool:
    """An actor named with the other gender's honorific or first name ("Mrs Smith" is not "John
    Smith", whose wife "Mary Smith" may share the surname)."""
    if gender is None:
        return False
    genders = entry.genders | {g for s in entry.surfaces if (g := gender_of_name(s)) is not None}
    return len(genders) == 1 and gender not in genders


def _has_org_suffix(name: str) -> bool:
    return any(w.strip("(),.").lower() in _ORG_SUFFIXES for w in name.split()[1:])


def _person_named(entry: _Entry, key: str, gender: str | None) -> bool:
    if entry.actor.kind != "person" or another_full_name(key, entry.keys) or _other_gender(entry, gender):
        return False
    for k in entry.keys:
        parts = k.split()
        if len(parts) > 1 and (key == parts[-1] or (key in parts[:-1] and len(key) > 3)):
            return True
        if len(parts) in (2, 3) and key == parts[0]:
            return True  # "Li" after "Li Qiang", "Kim" after "Kim Jong Un": a family name written first
        if len(key.split()) > 1 and len(parts) == 1 and key.split()[-1] == k:
            return True
        if 1 < len(key.split()) < len(parts) and parts[-len(key.split()) :] == key.split():
            return True  # "De Meo" after "Luca de Meo"
    return False


def _two_people(entries: list[_Entry]) -> bool:
    """Two actors, each with a full name of two words or more ("Martin Kessler", "Paul Kessler")."""
    return all(any(len(k.split()) > 1 for k in e.keys) for e in entries)


@dataclass
class _Entry:
    actor: Actor
    keys: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)
    genders: set[str] = field(default_factory=set)


def _heads(noun: Token, root: Token) -> bool:
    """A noun next to a name is the head of the name's phrase ("the UAW union", "the rail union
    ACOD"), not a word inside a longer one ("Tesla union organisers")."""
    return noun.dep_ not in ("compound", "amod", "nmod") or noun.head.i == root.i


class ActorTable:
    """Actors of one doc, with lookups from mention offsets and by kind/recency."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._entries: list[_Entry] = []
        self._made = 0  # ids are never reused, even after a merge removes an actor
        self.mention_actor: dict[tuple[int, int], str] = {}
        self._sent_starts: list[int] | None = None
        self._descriptors: dict[str, tuple[int, set[str]]] = {}
        self._described: dict[str, set[str]] = {}

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
            keys = set(index["keys"].get(actor.id, ())) | {_key(s) for s in surfaces}
            table._entries.append(_Entry(actor, keys, surfaces))
        table.mention_actor = {(s, e): aid for s, e, aid in index["mentions"]}
        return table

    def save(self, doc: Doc) -> None:
        """Write the actors and the table's bookkeeping to ``doc`` as plain data."""
        doc._.actors = [a.model_dump(mode="json") for a in self.actors()]
        doc._.actor_index = {
            "made": self._made,
            "mentions": [[s, e, aid] for (s, e), aid in self.mention_actor.items()],
            "surfaces": {e.actor.id: dict(e.surfaces) for e in self._entries},
            "keys": {e.actor.id: sorted(e.keys) for e in self._entries},
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
        gender: str | None = None,
    ) -> str:
        """Add a mention, merging it into an actor of the same name when there is one (of the same
        ``gender``, when known: "Mrs Smith" is not "John Smith")."""
        key = _name_key(name, kind)
        gender = (gender or gender_of_name(name)) if kind == "person" else None
        entry = self._find_same(key, kind, gender, located=self._located(start)) if merge else None
        if entry is None and merge and kind in ("person", "organization"):
            entry = self._short_form_before(key, kind)
        if entry is None:
            entry = self._new(_display(name), kind, label)
        elif kind == "organization" and entry.actor.kind in ("place", "other") and _has_org_suffix(name):
            # "Cheung Kong" (tagged a place) is "Cheung Kong (Holdings) Ltd": a company
            entry.actor.kind = ActorKind.organization
        elif kind == "outlet" and entry.actor.kind in ("organization", "other"):
            entry.actor.kind = ActorKind.outlet  # "WSJ" (a headline's short form), then "The Wall Street Journal"
        self._add_mention(entry, start, end, _display(name))
        entry.keys.add(key)
        if gender is not None:
            entry.genders.add(gender)
        return entry.actor.id

    def _located(self, start: int) -> bool:
        """ "in Bolton", "near Leeds": a place named as where something is, not a body named after it."""
        before = clean_text(self.doc)[max(0, start - 8) : start].split()
        return bool(before) and before[-1].lower() in _LOCATIVE

    def _find_same(self, key: str, kind: str, gender: str | None = None, located: bool = False) -> _Entry | None:
        if not key:
            return None
        other = alias_of(key)
        full = canonical(key)
        for entry in reversed(self._entries):
            if _other_gender(entry, gender):
                continue
            if key in entry.keys or (other is not None and other in entry.keys):
                return entry
            if full != key and any(canonical(k) == full for k in entry.keys):
                return entry  # "Tory" after "the Tories": two short forms of one name
        if kind in _ACRONYM_KINDS and 2 <= len(key) <= 6 and " " not in key:
            # "UN" after "the United Nations", "GB" after "Great Britain": an acronym of an earlier name
            for entry in reversed(self._entries):
                if entry.actor.kind in _ACRONYM_KINDS and any(_initials(k) == key for k in entry.keys):
                    return entry
        if kind in ("organization", "official", "state") and (initials := _initials(key)):
            # ... and "the United States" after "US"
            for entry in reversed(self._entries):
                if entry.actor.kind in ("organization", "official", "state") and initials in entry.keys:
                    return entry
        if kind in ("organization", "other", "state", "place", "group") and " " not in key and key not in _COUNTRIES:
            # the NER often calls a lone surname an organisation or a place: "Trump" after
            # "Donald Trump"
            for entry in reversed(self._entries):
                if entry.actor.kind == "person" and any(
                    len(k.split()) > 1 and k.split()[-1] == key for k in entry.keys
                ):
                    return entry
            # "Wang" after "Wang Yi": a family name written first
            for entry in reversed(self._entries):
                if (
                    entry.actor.kind == "person"
                    and len(key) > 1
                    and any(len(k.split()) == 2 and k.split()[0] == key for k in entry.keys)
                ):
                    return entry
        found = None if located else self._same_body(key, kind)  # "in Bolton" is no "Bolton NHS Trust"
        if found is not None and not self._headline_only(found):
            return found  # a shouted headline's run of words is no company name to shorten
        if kind == "person":
            # "Trump" after "Donald Trump": a surname (or first name) of an earlier person; but
            # "Kessler" after "Martin Kessler" and "Paul Kessler" is either: neither
            hits = [e for e in reversed(self._entries) if _person_named(e, key, gender)]
            if len(hits) > 1 and " " not in key and _two_people(hits[:2]):
                return None
            if hits:
                return hits[0]
            if " " not in key and len(key) > 3 and not located:
                # "supply Halvorsen" (tagged a person) after "Halvorsen Steel AS": the company
                for entry in reversed(self._entries):
                    if entry.actor.kind == "organization" and any(
                        len(k.split()) > 1 and k.split()[0] == key for k in entry.keys
                    ):
                        return entry
        return None

    def _headline_only(self, entry: _Entry) -> bool:
        headline = self.doc._.headline
        return headline is not None and all(m.start < headline["end"] for m in entry.actor.mentions)

    def _same_body(self, key: str, kind: str) -> _Entry | None:
        """An organisation or outlet this name is a short form of."""
        if kind in ("organization", "other", "state", "place", "group") and len(key) > 3 and key not in _COUNTRIES:
            # "Acme" after "Acme Robotics", "Cheung Kong" after "Cheung Kong (Holdings) Ltd"
            words = key.split()
            for entry in reversed(self._entries):
                if entry.actor.kind in ("organization", "outlet") and any(
                    k.split()[: len(words)] == words and len(k.split()) > len(words) for k in entry.keys
                ):
                    return entry
            if kind == "organization" and len(words) > 1:
                # "The Three Gorges Corporation" after "The China Three Gorges Project Corp"
                for entry in reversed(self._entries):
                    if entry.actor.kind == "organization" and any(inside_name(words, k.split()) for k in entry.keys):
                        return entry
        if kind in ("organization", "outlet", "other") and " " not in key and len(key) > 3:
            # "the Journal" after "The Wall Street Journal", "the Times" after "The New York Times"
            for entry in reversed(self._entries):
                if entry.actor.kind == "outlet" and any(
                    len(k.split()) > 1 and k.split()[-1] == key for k in entry.keys
                ):
                    return entry
        if kind == "organization" and (key in _TEAM_WORDS or (alias_of(key) is not None and key.endswith("s"))):
            # "United" after "Manchester United"; "the Saints" after "the New Orleans Saints",
            # not the club the nickname names in models/aliases.json
            for entry in reversed(self._entries):
                if entry.actor.kind == "organization" and any(k.split()[-1] == key for k in entry.keys):
                    return entry
        return None

    def person_by_name(self, name: str) -> str | None:
        """The person named before whose full name ends or opens with ``name`` ("Washington"
        after "George Washington", "Paris" after "Paris Jackson")."""
        key = _key(name)
        for entry in reversed(self._entries):
            if entry.actor.kind == "person" and any(
                len(k.split()) > 1 and key in (k.split()[-1], k.split()[0]) for k in entry.keys
            ):
                return entry.actor.id
        return None

    def named(self, name: str) -> str | None:
        """The actor one of whose names is ``name`` ("Kestrel Motors" in "Kestrel Motors
        spokesman"), if any."""
        key = _key(name)
        entry = next((e for e in reversed(self._entries) if key in e.keys), None) if key else None
        return entry.actor.id if entry is not None else None

    def _short_form_before(self, key: str, kind: str = "person") -> _Entry | None:
        """ "Campbell" (in a headline, tagged an organisation) before "Sol Campbell": the
        earlier lone surname is this person; "United" before "Manchester United", this club."""
        words = key.split()
        if len(words) < 2 or words[-1] in _COUNTRIES:
            return None
        if kind == "organization":
            # "Toyota" (a headline) before "Toyota Motor Corp": the opening words of the name
            prefixes = {" ".join(words[:n]) for n in range(1, len(words)) if len(" ".join(words[:n])) > 3}
            if words[-1] in _TEAM_WORDS:
                prefixes.add(words[-1])
            return next(
                (
                    e
                    for e in reversed(self._entries)
                    if e.actor.kind == "organization" and e.keys and e.keys <= prefixes
                ),
                None,
            )
        for entry in reversed(self._entries):
            if entry.actor.kind in ("person", "organization", "other", "place") and entry.keys == {words[-1]}:
                entry.actor.kind = ActorKind.person
                entry.actor.label = "PERSON"
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
        """The actor with a mention overlapping [start, end): the one on the phrase's head word
        ("Celtic boss Gordon Strachan" is Strachan), else one that opens the span first ("Lena
        Brandt, an economist at Kiel University" is Lena Brandt, not the university in her
        apposition), else the longest overlap."""
        best: tuple[bool, int, str] | None = None
        hits: list[tuple[int, int, str]] = []
        for (s, e), aid in self.mention_actor.items():
            ov = min(e, end) - max(s, start)
            if ov > 0:
                hits.append((s, e, aid))
                cand = (s <= start < e, ov, aid)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        if len({aid for _, _, aid in hits}) > 1:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                root = span.root
                on_root = [aid for s, e, aid in hits if s <= root.idx < e]
                # "Britain's biggest union Unite": the name in apposition with the head
                named = [aid for a in root.children if a.dep_ == "appos" for s, e, aid in hits if s <= a.idx < e]
                if on_root or named:
                    return (on_root or named)[0]
        return best[2] if best else None

    def last_of(
        self, kinds: list[str], before: int, *, head: str | None = None, described: str | None = None
    ) -> str | None:
        """The actor of one of ``kinds`` (in order of preference) mentioned last before offset
        ``before``: the nearest sentence first, and in it one that was the subject of its
        clause. With ``described`` ("union"), an actor described by that word ("the port union,
        FNV") goes first; for a word in ``nominal_strict`` only such an actor will do."""
        for kind in kinds:
            found = [
                (s, e, aid)
                for (s, e), aid in self.mention_actor.items()
                if s < before
                and self._entry(aid).actor.kind == kind
                and (head is None or head in self._entry(aid).actor.name.lower())
            ]
            if described in _BUSINESS:
                found = [f for f in found if not self.descriptors(f[2]) & _NOT_BUSINESS]
            elif described in _NOT_BUSINESS:  # nor is "the union" a company ("British Airways Plc")
                found = [f for f in found if not self.descriptors(f[2]) & _BUSINESS_MARKS]
            if described is not None:
                # "the board" (a body nobody named) is no "club" or "bank" later: only its own word
                found = [
                    f
                    for f in found
                    if kind != "organization" or not self.unnamed(f[2]) or described in self.descriptors(f[2])
                ]
            if described is not None:
                words = {described, maker_stem(described), *_NOMINAL_KIN.get(described, ())}
                fitting = [f for f in found if words & self.descriptors(f[2])]
                if fitting or described in _NOMINAL_STRICT:
                    found = fitting
            if found:
                # "Akio Mori, an analyst at Nomura Securities": a body named only as somebody's
                # workplace is no antecedent while another will do
                found = [f for f in found if not self._affiliation(f[2])] or found
                here = self._sentence(before)
                best = max(found, key=lambda f: (-(here - self._sentence(f[0])), self._is_subject(f[0], f[1]), f[0]))
                return best[2]
        return None

    def _affiliation(self, actor_id: str) -> bool:
        return workplace_only(self.doc, [(m.start, m.end) for m in self._entry(actor_id).actor.mentions])

    def unnamed(self, actor_id: str) -> bool:
        """An actor known only by a description ("the board", "a committee")."""
        return not any(
            w[:1].isupper() and w.lower() not in ("the", "a", "an", "this")
            for m in self._entry(actor_id).actor.mentions
            for w in m.text.split()
        )

    def _sentence(self, char: int) -> int:
        if self._sent_starts is None:
            self._sent_starts = [s.start_char for s in self.doc.sents] if self.doc.has_annotation("SENT_START") else [0]
        return bisect_right(self._sent_starts, char) - 1

    def describe(self, actor_id: str, word: str) -> None:
        """Record ``word`` as describing an actor ("committee" for "a committee")."""
        self._described.setdefault(actor_id, set()).add(word)

    def descriptors(self, actor_id: str) -> set[str]:
        """Words that describe an actor: those of its names and mentions, the noun a name
        modifies ("the United Automobile Workers union") and the noun it is in apposition
        with ("the port union, FNV")."""
        entry = self._entry(actor_id)
        cached = self._descriptors.get(actor_id)
        if cached is not None and cached[0] == len(entry.actor.mentions):
            return cached[1]
        words = set(entry.actor.name.lower().split()) | self._described.get(actor_id, set())
        for m in entry.actor.mentions:
            words.update(m.text.lower().split())
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ in ("compound", "appos") and root.head.pos_ in ("NOUN", "PROPN"):
                words.add(root.head.lower_)
            words.update(c.lower_ for c in root.children if c.dep_ == "appos")
            # "the Belgian rail union ACOD", "the UAW union": a common noun right next to the name
            doc = self.doc
            for i in (span.start - 1, span.end):
                if 0 <= i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN") and doc[i].is_lower and _heads(doc[i], root):
                    words.add(doc[i].lower_)
        self._descriptors[actor_id] = (len(entry.actor.mentions), words)
        return words

    def _is_subject(self, start: int, end: int) -> int:
        """2 for the subject of a sentence's main verb, 1 for another subject, else 0."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return 0
        return 2 if span.root.head.dep_ == "ROOT" else 1

    def actors_so_far(self) -> list[Actor]:
        """The actors found so far, in the order they were made (names not yet settled)."""
        return [entry.actor for entry in self._entries]

    def drop(self, actor_id: str) -> None:
        """Forget an actor and its mentions."""
        entry = self._entry(actor_id)
        for m in entry.actor.mentions:
            self.mention_actor.pop((m.start, m.end), None)
        self._entries.remove(entry)

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
