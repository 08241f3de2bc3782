"""Actors: named entities, officials, anonymous sources and groups merged across their mentions.

The :class:`ActorTable` is kept for the run so that later components (attributions, stances)
can resolve the spans they find — a pronoun, "the group", "a senior official" — to actors.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimx import data as lexicons
from claimx.extractors.actors.links import (
    last_anonymous,
    link_defined_terms,
    link_head_nouns,
    link_headline_roles,
    link_parenthetical_aliases,
    link_person_appositions,
)
from claimx.extractors.actors.mentions import (
    _anonymity_marked,
    _is_indefinite,
    _kind_of_entity,
    _noun_phrase,
    _outlet_matcher,
    _title_before,
    honorific_gender,
    is_compound_description,
    is_predicate,
    is_ranked_description,
    named_outlets,
    names_a_body,
    owned_lower,
    person_after_title,
    set_name,
    suffixed_names,
    title_before_name,
    titles_a_name,
    with_first_word,
    without_score,
    without_titles,
)
from claimx.extractors.actors.names import (
    _ANON_ALWAYS,
    _ANON_NOUNS,
    _COMMON_NOUN_WORDS,
    _GROUP_NOUNS,
    _NOMINAL,
    _NOMINAL_STRICT,
    _NOUN_POS,
    _OFFICIAL_NOUNS,
    _PARTIES,
    ENTITY_KINDS,
    _key,
    entity_kind,
    is_outlet_name,
)
from claimx.extractors.actors.nations import (
    add_capital,
    is_national_description,
    national_reference,
)
from claimx.extractors.actors.roles import (
    PERSON_ROLES,
    TITLED_ROLES,
    Candidate,
    acronyms,
    age_roles,
    echo_names,
    link_named_heads,
    name_index,
    named_by_noun,
    role_candidate,
    role_holder,
    shadowed,
)
from claimx.extractors.actors.table import ActorTable, _merge, resolve_pronoun
from claimx.extractors.actors.titled import name_titled_officials, role_of_body
from claimx.nlp.spans import clean_text
from claimx.nlp.tokens import positions
from claimx.schema import ActorKind

__all__ = ["ENTITY_KINDS", "ActorTable", "entity_kind", "find_actors", "is_outlet_name", "resolve_pronoun"]


_NOUN_WORDS = _COMMON_NOUN_WORDS | PERSON_ROLES
_TEAM_NOUNS = lexicons.word_set("actors", "team_nouns")
_BUSINESS_NOUNS = lexicons.word_set("actors", "business_nouns")


def _outlets(doc: Doc, taken: set[int]) -> list[Candidate]:
    out = []
    for _, s, e in _outlet_matcher(doc)(doc):
        span = doc[s:e]
        if not any(i in taken for i in range(s, e)):
            out.append(Candidate(span.start_char, span.end_char, span.text, "outlet", "ORG", None))
            taken.update(range(s, e))
    return out


def _noun_candidate(doc: Doc, tok: Token, left: int, right: int) -> Candidate | None:
    low, first = tok.lower_, doc[left].lower_
    start, end = doc[left].idx, tok.idx + len(tok)
    if low in _ANON_ALWAYS or ((low in _ANON_NOUNS or low in _OFFICIAL_NOUNS) and _anonymity_marked(tok)):
        if first in ("the", "this", "that") and low in _NOMINAL and right - left <= 3:
            return Candidate(start, end, "", "ref", low, tok)
        return Candidate(start, end, doc[left:right].text, "anonymous", None, tok)
    if is_national_description(doc, left, tok, right):
        return Candidate(start, end, "", "ref", low, tok)  # "the German lender", "The German government"
    if low in PERSON_ROLES and low not in _OFFICIAL_NOUNS:
        role = role_candidate(tok, left, right)
        if role is not None:
            return role
    if low in _OFFICIAL_NOUNS and (tok.pos_ == "NOUN" or owned_lower(tok)):
        if first == "the" and low in _NOMINAL and right - left <= 2:
            return Candidate(start, end, "", "ref", low, tok)
        if not any(c.ent_type_ == "PERSON" for c in tok.children if c.dep_ == "appos"):
            return Candidate(start, end, doc[left:right].text, "official", None, tok)
        return None
    if (
        low in _NOMINAL
        and first == "the"
        and (right - left <= 3 or is_ranked_description(doc, left, tok) or is_compound_description(doc, left, tok))
    ):
        return Candidate(start, end, "", "ref", low, tok)  # "the union", "the world's biggest miner"
    if low in _GROUP_NOUNS and tok.tag_ in ("NNS", "NNPS") and not (tok.dep_ == "compound" and tok.head.pos_ == "NOUN"):
        # "workers", "the banks", "creditor banks": one group per head word
        return Candidate(start, end, low, "group", None, tok)
    if tok.tag_ == "NN" and "organization" in _NOMINAL.get(low, ()) and _introduces(doc, left, tok):
        # "a committee", "Venezuela's 13-bank advisory committee", "a Chinese dam firm": an
        # organisation described, not named; "the committee" later is this one
        return Candidate(start, end, doc[left:right].text, "described", low, tok)
    return None


def _introduces(doc: Doc, left: int, head: Token) -> bool:
    """A description that brings in an organisation: indefinite, or after a possessor name,
    as a subject or object (not "a company that makes chips" in a predicate)."""
    first = doc[left]
    opener = first.lower_ in ("a", "an") or (left > 0 and doc[left - 1].tag_ == "POS") or first.ent_type_ == "NORP"
    return opener and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")


def _common_nouns(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Officials, anonymous sources, groups and nominal references are common nouns, which
    may carry a nationality or place ("an Egyptian source", "Gaza health authorities")."""
    out = []
    for i in positions(doc, lowers=_NOUN_WORDS, pos=_NOUN_POS):
        tok = doc[i]
        if tok.i in taken or (tok.ent_type_ and tok.lower_ not in PERSON_ROLES) or is_predicate(tok):
            continue  # a name; but "the Englishman" (tagged a nationality) is a person's role
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i == tok.i + 1 and tok.head.is_title:
            continue  # "The union Unite": the noun describes the name after it
        if titles_a_name(tok):
            continue  # "the King's Speech", "the President's Cup"
        left, right = _noun_phrase(tok)
        if doc[left].lower_ == "no":
            continue  # "had no authority to sign": nobody
        if any(i in taken for i in range(left, tok.i + 1)):
            left = max(i for i in range(left, tok.i + 1) if i in taken) + 1
            while left < tok.i and (doc[left].tag_ == "POS" or doc[left].pos_ in ("CCONJ", "PUNCT")):
                left += 1  # "The bloc's foreign ministers", "The RMT and Aslef unions"
            if left > tok.i:
                continue
        named = [i for i in range(left, tok.i) if names_a_body(doc[i])]
        if named:
            left = named[-1] + 1  # "a Zenco spokesman", "WHO officials": the body is a mention of its own
            left += doc[left].tag_ == "POS"
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PRON", "NOUN")), None)
        if poss is not None and poss.i >= left and not (poss.pos_ == "NOUN" and is_ranked_description(doc, left, tok)):
            # "her three deputies", "the foundation's former president": the possessor is its own mention
            left = poss.right_edge.i + 1
            left += left < tok.i and doc[left].tag_ == "POS"
        cand = _noun_candidate(doc, tok, left, right)
        if cand is not None:
            out.append(cand)
            taken.update(range(left, right))
    return out


def _add_role(doc: Doc, table: ActorTable, cand: Candidate) -> None:
    """ "the defender", "the chancellor", "the health secretary": the person who holds the role."""
    start, end, _, _, label, head_tok = cand
    assert label is not None
    holder = _titled_person(doc, table, start, end) if _role_modifiers(head_tok) else None
    holder = holder or role_holder(doc, table, label, start, _role_modifiers(head_tok))
    if holder is not None:
        table.refer(holder, start, end)
    elif head_tok is not None and label in _OFFICIAL_NOUNS | PERSON_ROLES and label != "year-old":
        # "the minister" nobody was named as is an official; "the teenager", "the defender" a person
        kind = "official" if label in _OFFICIAL_NOUNS | TITLED_ROLES else "person"
        table.add(start, end, name=clean_text(doc)[start:end], kind=kind, merge=kind == "official")


def _role_modifiers(head: Token | None) -> frozenset[str]:
    """ "the health secretary": the words that say which secretary."""
    if head is None:
        return frozenset()
    return frozenset(c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i)


def _entities(doc: Doc, taken: set[int], dateline: set[int]) -> list[Candidate]:
    out = []
    for ent in doc.ents:
        start = ent.start
        while start < ent.end and (start in dateline or doc[start].is_punct or doc[start].is_space):
            start += 1  # "March 12 - Allegheny International Inc": the dateline is no part of it
        if start > ent.start and start < ent.end and doc[start - 1].i in dateline:
            ent = SpacySpan(doc, start, ent.end, label=ent.label_)
        if ent.label_ not in ENTITY_KINDS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        if title_before_name(ent):
            continue  # "Cpl." tagged an organisation before "Jamie Lee"
        if ent.start > 1 and titles_a_name(doc[ent.start - 2]):
            continue  # "Speech" in "the King's Speech", tagged a person
        ent = with_first_word(without_score(ent), taken)
        kind = _kind_of_entity(ent)
        if kind in ("organization", "other") and (named := person_after_title(ent)) is not None:
            ent, kind = named, "person"  # "Kazakh President Kassym-Jomart Tokayev" tagged an organisation
        if kind is None:
            continue
        if kind == "person":
            ent = without_titles(ent)
        out.append(Candidate(ent.start_char, ent.end_char, ent.text, kind, ent.label_, None))
        taken.update(range(ent.start, ent.end))
    return out


def find_actors(doc: Doc) -> ActorTable:
    """Find and merge the actors of ``doc`` (tagged, parsed, with entities)."""
    table = ActorTable(doc)
    taken: set[int] = set()
    date = doc._.dateline
    if date is not None:
        starts = doc.to_array(IDX)
        taken.update(int(i) for i in numpy.flatnonzero((starts >= date["start"]) & (starts < date["end"])))
    taken_dateline = set(taken)
    candidates = _outlets(doc, taken) + [
        Candidate(s, e, t, "outlet", "ORG", None) for s, e, t in named_outlets(doc, taken)
    ]
    candidates += age_roles(doc, taken) + _common_nouns(doc, taken)
    candidates += acronyms(doc, taken) + named_by_noun(doc, taken) + _entities(doc, taken, taken_dateline)
    candidates += [Candidate(s, e, t, "organization", "ORG", None) for s, e, t in suffixed_names(doc, taken)]
    candidates.sort(key=lambda c: (c.start, -c.end))
    last_anon: dict[str, str] = {}
    appositive: list[Candidate] = []
    for cand in candidates:
        while appositive and _name_after(doc, appositive[0]).idx < cand.start:  # type: ignore[union-attr]
            _add_appositive(doc, table, appositive.pop(0), last_anon)
        if _name_after(doc, cand) is not None:
            appositive.append(cand)  # "the port union, FNV", "the party's leader, Ed Davey": the name comes after
        else:
            _add(doc, table, cand, last_anon)
    for cand in appositive:
        _add_appositive(doc, table, cand, last_anon)
    link_parenthetical_aliases(doc, table)
    link_defined_terms(doc, table)
    link_named_heads(doc, table)
    echo_names(doc, table, taken_dateline)
    name_titled_officials(doc, table)
    link_person_appositions(doc, table)
    link_head_nouns(doc, table)
    _drop_headline_guesses(doc, table)
    link_headline_roles(doc, table)
    return table


def _add_appositive(doc: Doc, table: ActorTable, cand: Candidate, last_anon: dict[str, str]) -> None:
    """A description linked to the name after it, once that name is in the table."""
    name = _name_after(doc, cand)
    aid = table.at(name.idx, name.idx + len(name)) if name is not None else None
    kind = str(getattr(table.get(aid).kind, "value", table.get(aid).kind)) if aid is not None else None
    if aid is None or (cand.kind == "ref" and kind not in _NOMINAL.get(str(cand.label), ())):
        _add(doc, table, cand, last_anon)  # "The company, Japan's second-largest automaker": not Japan
        return
    if cand.kind != "ref" and table.get(aid).kind in ("organization", "other", "place"):
        table.get(aid).kind = ActorKind.person  # "The finance minister, Sitharaman": a person
    table.refer(aid, cand.start, cand.end)


def _name_after(doc: Doc, cand: Candidate) -> Token | None:
    """The name a definite description is in apposition with: an organisation's for a nominal
    reference ("the port union, FNV"), a person's for a role ("The chief executive of Shell,
    Wael Sawan", "The prime minister, Jones")."""
    head = cand.head
    if head is None or cand.kind not in ("ref", "role", "official"):
        return None
    if cand.kind == "ref":
        return _named_apposition(head)
    if doc[head.left_edge.i].lower_ not in ("the", "this") and not any(c.dep_ == "poss" for c in head.children):
        return None  # "a senior official, John Smith" is somebody new all the same; kept as before
    name = _named_apposition(head)
    if name is None:
        # "The chief executive of Shell, Wael Sawan": the parse hangs the name on "Shell"
        objs = [o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        name = next((c for o in objs for c in o.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if name is None or name.ent_type_ in ("GPE", "NORP", "LOC", "DATE", "CARDINAL"):
        return None
    if name.ent_type_ != "PERSON" and (head.lower_ not in PERSON_ROLES or _entity_words(name) > 1):
        return None  # "the regulator, Ofcom"; a one-word name after a person's role is a surname
    return name


def _entity_words(tok: Token) -> int:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return len(ent) if ent is not None else 1


def _named_apposition(head: Token) -> Token | None:
    """The proper name a description is in apposition with ("the port union, FNV")."""
    for tok in [*(c for c in head.children if c.dep_ == "appos"), *([head.head] if head.dep_ == "appos" else [])]:
        if tok.pos_ == "PROPN":
            return tok
    doc = head.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].pos_ == "PROPN":
        return doc[head.i + 2]  # the same, when the parse hangs the name elsewhere
    return None


def _add(doc: Doc, table: ActorTable, cand: Candidate, last_anon: dict[str, str]) -> None:
    start, end, text, kind, label, head_tok = cand
    if kind == "described":
        assert label is not None
        named = _apposed_name(table, head_tok)
        if named is not None:
            table.refer(named, start, end)  # "Northwind Energy plc, a developer of wind farms,"
            return
        table.describe(table.add(start, end, name=text, kind="organization", merge=False), label)
        return
    if kind == "role":
        _add_role(doc, table, cand)
        return
    if kind == "ref":
        assert label is not None
        if national_reference(doc, table, label, start, end):
            return
        head = "source" if label in ("source", "sources") else None
        aid = last_anon.get(label)  # "an official familiar with the case" ... "the official"
        if aid is None and head is not None and last_anon:
            aid = last_anon.get(label) or last_anon.get("source") or last_anon.get("sources")
        if aid is None:
            aid = last_anonymous(doc, table, last_anon, label, start)  # "a diplomat ..." ... "the source"
        if aid is None:
            aid = table.last_of(_NOMINAL[label], start, head=head, described=label)
        if aid is None and label in _NOMINAL_STRICT and "organization" in _NOMINAL[label]:
            # "the ministry" with no ministry named: a body of its own, which "The business
            # ministry" later takes up
            aid = table.add(start, end, name=clean_text(doc)[start:end], kind="organization", merge=False)
            table.describe(aid, label)
            return
        if aid is None and label in _TEAM_NOUNS:
            # "Great Britain ... the squad": a national team; "Manchester City ... the club" (the
            # NER's place): a club named after its town
            aid = table.last_of(["state", "place"] if label == "club" else ["state"], start)
            if aid is not None and table.get(aid).kind == "place":
                table.get(aid).kind = ActorKind.organization
        if aid is not None:
            table.refer(aid, start, end)
        return
    if kind in ("official", "anonymous") and head_tok is not None and text.lower().startswith(("the ", "that ")):
        earlier = last_anon.get(head_tok.lower_)
        if earlier is not None:
            table.refer(earlier, start, end)  # "a diplomat familiar with the talks" ... "the diplomat"
            return
    if kind == "official" and head_tok is not None and not role_of_body(head_tok):
        named = _titled_person(doc, table, start, end)
        if named is not None:
            table.refer(named, start, end)  # "the chancellor" once the chancellor is named
            return
    phrase = doc.char_span(start, end, alignment_mode="expand")
    if add_capital(doc, table, kind, phrase, start, end):
        return
    if kind == "anonymous" or (
        kind == "official"
        and head_tok is not None
        and phrase is not None
        and _is_indefinite(doc, phrase.start, head_tok)
    ):
        # every indefinite "an Egyptian source" or "a senior official" is somebody new; "the
        # source", "the official" is the last one
        aid = table.add(start, end, name=text, kind=kind, merge=False)
        if head_tok is not None:
            last_anon[head_tok.lower_] = aid
    else:
        text = set_name(doc, phrase, head_tok, text, table.actors()) if kind == "group" else text
        aid = table.add(start, end, name=text, kind=kind, label=label, gender=honorific_gender(doc, phrase))
    actor = table.get(aid)
    if kind == "organization" and label not in (None, "ORG") and actor.kind in ("place", "other", "person"):
        # the name read as an organisation against its NER label (a company suffix after it,
        # a team's name): an earlier mention the NER called a place is that organisation too
        actor.kind = ActorKind.organization
    if phrase is not None and actor.nationality is None:
        actor.nationality = next((t.text for t in phrase if t.ent_type_ == "NORP"), None)
    if kind == "person" and phrase is not None and not actor.title:
        actor.title, actor.party = _title_and_party(_title_before(phrase))


def _apposed_name(table: ActorTable, head: Token | None) -> str | None:
    """The organisation an indefinite description is in apposition with, named before it."""
    if head is None or head.dep_ != "appos" or head.head.i >= head.i:
        return None
    name = head.head
    aid = table.at(name.idx, name.idx + len(name))
    if aid is not None and table.get(aid).kind in ("place", "other", "person") and head.lower_ in _BUSINESS_NOUNS:
        table.get(aid).kind = ActorKind.organization  # "KazMunayGas" (the NER's place), "the national oil company"
    return aid if aid is not None and table.get(aid).kind == "organization" else None


def _title_and_party(title: str | None) -> tuple[str | None, str | None]:
    """ "Republican Sen." -> ("Sen.", "Republican")."""
    if not title:
        return None, None
    words = title.split()
    party = [w for w in words if w.lower() in _PARTIES]
    rest = " ".join(w for w in words if w.lower() not in _PARTIES)
    return rest or None, " ".join(party) or None


def _titled_person(doc: Doc, table: ActorTable, start: int, end: int) -> str | None:
    """The person named earlier whose title this definite description repeats ("the Prime
    Minister" after "Prime Minister Ana Lima")."""
    words = clean_text(doc)[start:end].lower().split()
    if not words or words[0] != "the" or len(words) < 2:
        return None
    role = " ".join(words[1:])
    for actor in reversed(table.actors_so_far()):
        if (
            actor.kind == "person"
            and actor.title
            and actor.title.lower().endswith(role)
            and not shadowed(doc, table, actor.id)
        ):
            return actor.id
    if len(words) == 2 and words[1] in PERSON_ROLES:
        return role_holder(doc, table, words[1], start)  # "the minister" after "Social Affairs minister Louw de Graaf"
    return None


def _drop_headline_guesses(doc: Doc, table: ActorTable) -> None:
    """A title-case headline makes every word look like a name ("Aquino Announces Land
    Reform Plans"): an actor seen only there is dropped."""
    headline = doc._.headline
    if headline is None:
        return
    h_start, h_end = headline["start"], headline["end"]
    text = clean_text(doc)[h_start:h_end]
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return
    guesses = [a for a in table.actors_so_far() if all(h_start <= m.start and m.end <= h_end for m in a.mentions)]
    index = name_index(table, skip={a.id for a in guesses})
    for actor in guesses:
        # a headline name the story names again ("Amc" for AMC, "Aquino" for Corazon Aquino)
        known = next((index[k] for m in actor.mentions if (k := _key(m.text)) in index), None)
        if known is not None:
            _merge(table, keep=known, drop=actor.id)
            continue
        table.drop(actor.id)
        for m in actor.mentions:
            # "Venezuela Seeks" tagged as one name: the story's "Venezuela" is in it
            part = _known_part(doc, index, m.start, m.end)
            if part is not None:
                table.alias(part[2], part[0], part[1], clean_text(doc)[part[0] : part[1]])


def _known_part(doc: Doc, index: dict[str, str], start: int, end: int) -> tuple[int, int, str] | None:
    """The longest run of words in a headline guess that names an actor of the story."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    for n in range(len(span) - 1, 0, -1):
        for i in range(len(span) - n + 1):
            part = span[i : i + n]
            if (aid := index.get(_key(part.text))) is not None:
                return part.start_char, part.end_char, aid
    return None
