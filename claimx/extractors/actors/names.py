"""The actor lexicon and the keys names are matched on across mentions."""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc

from claimx import data as lexicons

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
_GROUP_NOUNS = lexicons.word_set("actors", "group_nouns")
_COMMON_NOUN_WORDS = _OFFICIAL_NOUNS | _ANON_NOUNS | _ANON_ALWAYS | frozenset(_NOMINAL) | _GROUP_NOUNS
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PRONOUNS: dict[str, list[str]] = _LEX["pronouns"]
_TITLES = lexicons.word_set("titles", "titles")
_TITLE_LINKS = lexicons.word_set("titles", "connectors")
_TITLE_WORDS = frozenset(t.rstrip(".") for t in _TITLES)
_OUTLETS: list[str] = lexicons.load("outlets")["outlets"]
_OUTLET_KEYS = frozenset(o.lower().removeprefix("the ") for o in _OUTLETS)
_DETERMINERS = ("the ", "a ", "an ")
_NOT_ACTOR = lexicons.word_set("actors", "not_actor_words")
_ORG_SUFFIXES = lexicons.word_set("actors", "org_suffixes")
_PARTIES = lexicons.word_set("actors", "party_words")
_TEAM_WORDS = lexicons.word_set("actors", "team_words")
_NOMINAL_STRICT = lexicons.word_set("actors", "nominal_strict")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
_PARTY_HYPHEN = frozenset({"r", "d", "i"})  # "R-Calif.": a party and a state abbreviation


def _key(name: str) -> str:
    """Normalised form for matching names across mentions."""
    name = name.strip().replace("’", "'")
    name = re.sub(r"'s?$", "", name)  # "Acme's", "OZ Minerals'"
    low = name.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            low = low[len(det) :]
    return re.sub(r"\s+", " ", low).strip(" .,;:")


_COUNTRIES = frozenset(_key(c) for c in lexicons.load("places")["countries"])


def _display(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip()).replace("’s", "").rstrip(" .,;:")
    name = re.sub(r"'s$", "", name)
    for det in ("The ", "the "):
        if name.startswith(det):
            name = name[len(det) :]
    return name


def _name_key(name: str, kind: str) -> str:
    """The key names are merged on: without a company suffix ("Acme Robotics, Inc.") for an
    organisation, without leading titles ("Prince Abdulaziz") for a person."""
    key = _key(name)
    words = key.replace(",", " ").split()
    if kind in ("organization", "outlet", "official"):
        while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
            words.pop()
    elif kind == "person":
        while len(words) > 1 and words[0].rstrip(".") in _TITLE_WORDS:
            words.pop(0)
    return " ".join(words)


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


#: short form key <-> full name key ("wsj" <-> "wall street journal"), both ways
_SHORT_FORMS: dict[str, str] = {k: v for k, v in lexicons.load("aliases").items() if not k.startswith("_")}
_ALIASES = dict(_SHORT_FORMS)
_ALIASES.update({v: k for k, v in list(_ALIASES.items())})


def canonical(key: str) -> str:
    """The full name's key of a known short form ("tory", "tories" -> "conservative party")."""
    return _SHORT_FORMS.get(key, key)


def alias_of(key: str) -> str | None:
    return _ALIASES.get(key)


#: "mr", "mrs", "king", ...: a word before a name that tells its gender (shared with coref)
GENDERED_WORDS: dict[str, str] = {k: v for k, v in _LEX["gendered_words"].items() if not k.startswith("_")}
#: first name -> "m" / "f" (names given to both sexes left out; shared with coref)
FIRST_NAME_GENDER: dict[str, str] = {n: g for g in ("m", "f") for n in lexicons.load("first_names")[g]}


def gender_of_name(name: str) -> str | None:
    """ "Mrs Smith", "Mary Smith": f; "Mr Smith", "John Smith": m; "Smith": unknown."""
    words = name.lower().split()
    if words and words[0] in GENDERED_WORDS:
        return GENDERED_WORDS[words[0]]
    return FIRST_NAME_GENDER.get(words[0]) if len(words) > 1 else None


def workplace_only(doc: Doc, mentions: list[tuple[int, int]]) -> bool:
    """Every mention is the workplace in a person's apposition ("an economist at Kiel University",
    "Jenna Morales, an analyst at Leerink Partners"): a body in the background."""
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in ("at", "of", "with", "for", "from"):
            return False
        if prep.head.dep_ != "appos" or prep.head.pos_ != "NOUN":
            return False
    return True


def inside_name(words: list[str], longer: list[str]) -> bool:
    """``words`` (two or more) a run of a longer name's words."""
    n = len(words)
    return len(longer) > n and any(longer[i : i + n] == words for i in range(len(longer) - n + 1))


_MAKER_SUFFIXES = tuple(lexicons.load("actors")["maker_suffixes"])


def maker_stem(word: str) -> str:
    """ "steelmaker" -> "steel": what a maker of something is named after ("Halvorsen Steel")."""
    for suffix in _MAKER_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)].rstrip("-")
    return word


def same_first(a: str, b: str) -> bool:
    """First names that may be one person's: equal, or an initial of the other ("J." and "John")."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (min(len(a), len(b)) == 1 and a[:1] == b[:1])


def another_full_name(key: str, keys: set[str]) -> bool:
    """ "Hitomi Noda" after "Yoshihiko Noda": a full name whose first name differs from a full
    name the actor already has is somebody else with the same surname (a wife, a brother)."""
    words = key.split()
    if len(words) < 2:
        return False
    return any(
        len(k.split()) > 1
        and k.split()[-1] == words[-1]
        and not same_first(k.split()[0], words[0])
        and k.split()[-len(words) :] != words  # "de meo" is the end of "luca de meo"
        for k in keys
    )
