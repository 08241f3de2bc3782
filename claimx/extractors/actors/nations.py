"""Nationality words on descriptions and capitals standing for their country: "the German
lender" is the lender of Germany named earlier (not the Italian one), "The German government"
and "the Chinese side" are Germany and China, "Berlin would not sell" is Germany. Word lists:
``models/places.json`` (``demonyms``, ``capitals``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimx import data as lexicons
from claimx.extractors.actors.names import _COUNTRIES, _NOMINAL, _key
from claimx.extractors.actors.table import ActorTable
from claimx.nlp.spans import clean_text

_PLACES = lexicons.load("places")
_DEMONYMS: dict[str, str] = {k: _key(v) for k, v in _PLACES["demonyms"].items()}
_CAPITALS: dict[str, str] = {k: _key(v) for k, v in _PLACES["capitals"].items()}
#: heads of a description that, with a nationality, stand for the country itself
_STATE_HEADS = frozenset(_PLACES["national_heads"])
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_LOOK_BACK = 4
#: prepositions after which a capital is a party dealt with ("talks with Moscow"), not a place
_DEALING = frozenset({"with", "against", "by", "between"})
_TRAVEL = frozenset(_PLACES["travel_verbs"])
_FROM_NOUNS = frozenset(_PLACES["from_nouns"])
#: what a city has ("London's mayor"): a capital owning it is the city
_CITY_NOUNS = frozenset(_PLACES["city_nouns"])


def country_of_word(tok: Token) -> str | None:
    """The country key a nationality word or a country name names ("German", "Germany")."""
    low = tok.lower_
    if low in _DEMONYMS and tok.pos_ in ("ADJ", "PROPN", "NOUN"):
        return _DEMONYMS[low]
    if tok.ent_type_ == "GPE" and _key(tok.text) in _COUNTRIES:
        return _key(tok.text)
    return None


def country_of_name(word: str) -> str | None:
    """The country key of a nationality or country word in a title ("Israeli", "UK")."""
    key = _key(word)
    return _DEMONYMS.get(key) or (key if key in _COUNTRIES else None)


def nationality_in(doc: Doc, left: int, head: Token) -> str | None:
    """The country of a nationality word between a description's article and its head ("the
    German lender")."""
    for tok in doc[left : head.i]:
        if tok.lower_ in _DEMONYMS:
            return _DEMONYMS[tok.lower_]
    return None


def is_national_description(doc: Doc, left: int, head: Token, right: int) -> bool:
    """ "the German lender", "The German government": a definite description with a nationality
    word, short enough to be a reference."""
    return (
        doc[left].lower_ == "the"
        and head.lower_ in _NOMINAL
        and right - left <= 4
        and nationality_in(doc, left, head) is not None
    )


def _countries(doc: Doc, table: ActorTable, aid: str) -> set[str]:
    """Countries an actor is said to be of: its nationality, and a nationality word or a
    country's possessive right before one of its names ("Italian lender UniCredit", "Germany's
    Commerzbank")."""
    actor = table.get(aid)
    out = set()
    if actor.nationality and actor.nationality.lower() in _DEMONYMS:
        out.add(_DEMONYMS[actor.nationality.lower()])
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not any(c.isupper() for c in m.text[1:] + m.text[:1]) or span[0].lower_ == "the":
            continue
        for tok in reversed(doc[max(0, span.start - _LOOK_BACK) : span.start]):
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "DET"):
                break
            country = country_of_word(tok)
            if country is not None:
                out.add(country)
                break
    return out


def _state_named(table: ActorTable, country: str) -> str | None:
    for actor in reversed(table.actors_so_far()):
        if actor.kind == "state" and any(_key(m.text) == country for m in actor.mentions):
            return actor.id
    return table.named(country)


def national_reference(doc: Doc, table: ActorTable, label: str, start: int, end: int) -> bool:
    """Link "the German lender" (an actor of that country named before) or "The German
    government" (the country); False when the nationality settles nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    country = nationality_in(doc, span.start, span.root)
    if country is None:
        return False
    if label in _STATE_HEADS:
        aid = _state_named(table, country)
        if aid is None:
            aid = table.add(start, end, name=display_country(country), kind="state")
        else:
            table.refer(aid, start, end)
        return True
    kinds = _NOMINAL[label]
    found = sorted(
        (s, aid)
        for (s, e), aid in table.mention_actor.items()
        if s < start
        and str(getattr(table.get(aid).kind, "value", table.get(aid).kind)) in kinds
        and country in _countries(doc, table, aid)
    )
    if not found:
        return _other_country_only(doc, table, label, start, end, country)
    table.refer(found[-1][1], start, end)
    return True


def _other_country_only(doc: Doc, table: ActorTable, label: str, start: int, end: int, country: str) -> bool:
    """ "Italian lender UniCredit ... The Spanish bank": when the last actor the description
    would fall back to is of another country, the description is a body of its own."""
    aid = table.last_of(_NOMINAL[label], start, described=label)
    if aid is None or not (countries := _countries(doc, table, aid)) or country in countries:
        return False
    table.describe(table.add(start, end, name=clean_text(doc)[start:end], kind="organization", merge=False), label)
    return True


def display_country(country: str) -> str:
    return " ".join(w.capitalize() for w in country.split())


def capital_as_state(doc: Doc, span: SpacySpan) -> str | None:
    """ "Berlin would not sell", "Beijing's plans", "talks with Moscow": a capital that acts, owns
    or is dealt with is its country (not "in Berlin", "flew to Beijing", "London's mayor",
    "Real Madrid")."""
    if _key(span.text) not in _CAPITALS:
        return None
    root = span.root
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title and c.i == span.start - 1 for c in root.lefts):
        return None  # "Real Madrid", "Hertha Berlin": a club or company named on its town
    acting = root.dep_ in _SUBJECTS and root.head.pos_ in ("VERB", "AUX")
    owning = root.dep_ == "poss" and root.head.lower_ not in _CITY_NOUNS and root.head.lemma_ not in _CITY_NOUNS
    dealt = (
        (root.dep_ == "pobj" and root.head.lower_ in _DEALING)
        or _from_body(root)
        or (
            root.dep_ == "dobj" and root.head.lemma_ not in _TRAVEL  # "defies Beijing", not "visited Beijing"
        )
    )
    return _CAPITALS[_key(span.text)] if acting or owning or dealt else None


def _from_body(root: Token) -> bool:
    """ "pressure from Washington", "a request from Beijing": the capital is its government."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lower_ in _FROM_NOUNS


def add_capital(doc: Doc, table: ActorTable, kind: str, phrase: SpacySpan | None, start: int, end: int) -> bool:
    """ "Berlin would not sell": Germany; "warned Kyiv" (the NER's person): Ukraine; not
    "Washington" after "George Washington"."""
    if (
        phrase is None
        or not (kind in ("place", "state") or (kind == "person" and len(phrase) == 1))
        or not (country := capital_as_state(doc, phrase))
        or table.person_by_name(phrase.text) is not None
    ):
        return False
    state = _state_named(table, country)
    if state is not None:
        table.refer(state, start, end)
    else:
        # named as its country, so that the country's name later joins it
        table.add(start, end, name=display_country(country), kind="state")
    return True


def state_for_capital(table: ActorTable, country: str) -> str | None:
    return _state_named(table, country)


def link_own_countries(doc: Doc, table: ActorTable) -> None:
    """ "Tokayev said his country welcomes ...": "country" owned by a pronoun that stands for a
    person of one known country (a nationality or a country's possessive on one of the person's
    names: "Kazakh President Kassym-Jomart Tokayev", "Egypt's foreign minister") is that state."""
    known: dict[str, set[str]] = {}  # an actor's countries, gathered once however often it says "my country"
    for tok in doc:
        if tok.lower_ not in ("country", "nation") or tok.tag_ != "NN":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        aid = table.at(owner.idx, owner.idx + len(owner)) if owner is not None else None
        if aid is None or table.get(aid).kind != "person" or table.at(tok.idx, tok.idx + len(tok)) is not None:
            continue
        if aid not in known:
            known[aid] = _countries(doc, table, aid) | _possessor_countries(doc, table, aid)
        countries = set(known[aid])
        state = _state_named(table, countries.pop()) if len(countries) == 1 else None
        if state is not None and table.get(state).kind == "state":
            table.refer(state, tok.idx, tok.idx + len(tok))


def _possessor_countries(doc: Doc, table: ActorTable, aid: str) -> set[str]:
    """Countries of the states owning one of an actor's mentions ("Egypt's foreign minister")."""
    out = set()
    for m in table.get(aid).mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        owner = next((c for c in span.root.children if c.dep_ == "poss"), None) if span is not None else None
        if owner is None or owner.pos_ != "PROPN":
            continue  # "his deputy": no country's possessive (and no scan of every mention for it)
        state = table.at(owner.idx, owner.idx + len(owner))
        if state is not None and table.get(state).kind == "state":
            out.add(_key(owner.text))
    return out
