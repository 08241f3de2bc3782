"""Finding actor mentions: outlets, officials and anonymous sources, groups, named entities."""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimx import data as lexicons
from claimx.extractors.actors.names import (
    _ANON_MARKERS,
    _COUNTRIES,
    _MODIFIER_DEPS,
    _NOMINAL_STRICT,
    _NOT_ACTOR,
    _OFFICIAL_ORG_RE,
    _ORG_SUFFIXES,
    _OUTLETS,
    _PARTIES,
    _PARTY_HYPHEN,
    _TEAM_WORDS,
    _TITLE_LINKS,
    _TITLE_WORDS,
    _TITLES,
    ENTITY_KINDS,
    _key,
    alias_of,
    canonical,
    is_outlet_name,
)
from claimx.extractors.actors.nations import country_of_word
from claimx.nlp import syntax
from claimx.schema import Actor

# -- finding mentions --------------------------------------------------------------------

_matchers: dict[int, PhraseMatcher] = {}
_HONORIFICS = lexicons.word_set("actors", "honorifics")
_PERSON_TITLES = frozenset(lexicons.load("actors")["person_roles"]["titled"])
_HONORIFIC_WORDS = frozenset(w.rstrip(".") for w in _HONORIFICS)
_NOT_ACRONYMS = lexicons.word_set("actors", "not_actor_acronyms")
_ROAD = re.compile(r"[AMB]\d{1,4}")
_COMPANY_WORDS = lexicons.word_set("actors", "company_name_words")
_PAPER_NAME_WORDS = lexicons.word_set("outlets", "newspaper_name_words")
_OUTLET_NOUNS = lexicons.word_set("outlets", "name_outlet_nouns")
_BODY_BEFORE_NAME = _NOMINAL_STRICT | lexicons.word_set("actors", "body_nouns_before_name")
#: party names the NER files as a nationality or people ("Tory", "Labour", "Democrat")
_PARTY_NAMES = lexicons.word_set("actors", "party_words") - {"independent", "green", "reform", "liberal", "democratic"}


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
            or (tok.is_title and tok.dep_ == "compound" and tok.i < tok.head.i < span.end)
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


def _not_an_actor(ent: SpacySpan) -> bool:
    """Units and currencies ("H.K. Dlrs", "mln"), ticker markup ("<CKGH.HK>"), a state
    abbreviation after a party letter ("R-Calif."), and nationality adjectives modifying a
    noun ("an Egyptian source": the nationality of that source, not an actor)."""
    if ent[-1].lower_ in _NOT_ACTOR or "<" in ent.text or ">" in ent.text:
        return True
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text == "-" and doc[ent.start - 2].lower_ in _PARTY_HYPHEN:
        return True
    if ent.start >= 1 and doc[ent.start - 1].text.lower()[-2:] in ("r-", "d-", "i-"):
        return True
    root = ent.root
    return ent.label_ == "NORP" and root.dep_ in _MODIFIER_DEPS and root.head.i >= ent.end and not _party_word(ent)


def _party_word(ent: SpacySpan) -> bool:
    """ "a Tory frontbencher", "Labour MPs": a party's name on a noun is a mention of the party."""
    key = _key(ent.text)
    return key in _PARTY_NAMES or canonical(key).endswith(" party")


def _kind_of_entity(ent: SpacySpan) -> str | None:
    if is_outlet_name(ent.text) or (ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in _PAPER_NAME_WORDS):
        return "outlet"  # "The Wall Street Journal", "the Morning Chronicle"
    if _not_an_actor(ent):
        return None
    if len(ent) == 1 and ent.text.isupper() and (ent.text.lower() in _NOT_ACRONYMS or _ROAD.fullmatch(ent.text)):
        return None  # "ETF flows", "COVID", "the A14", a wire slug ("UPDATE 2-")
    kind = ENTITY_KINDS.get(ent.label_)
    if ent.label_ in ("NORP", "PERSON") and ent[0].is_title and _party_word(ent):
        return "organization"  # "Tory", "the Tories", "Labour": a party
    if kind == "person" and ent.text.islower() and not all(t.pos_ == "PROPN" for t in ent):
        return None  # "the lorry" tagged a person (lower-case wire copy keeps "jorge marcano")
    if kind is not None and len(ent) > 1 and ent[0].lower_ in _HONORIFICS:
        return "person"  # "Mr Blair" tagged an organisation
    if kind is not None and kind != "organization" and _suffix_follows(ent):
        return "organization"  # "Cheung Kong (Holdings) Ltd" with only "Cheung Kong" tagged
    if kind == "organization" and _titled_name(ent):
        return "person"  # "Chancellor Olaf Scholz" with the name tagged an organisation
    if kind is not None and ent[-1].lower_ in _TEAM_WORDS:
        return "organization"  # "Manchester United" tagged a person
    if kind == "person" and len(ent) > 1 and ent[-1].lower_ in _COMPANY_WORDS and ent[0].lower_ not in _HONORIFICS:
        return "organization"  # "Altair Engineering", "Helix Bio" tagged a person
    if kind == "person" and _key(ent.text) in _COUNTRIES:
        return "state"  # "Malawi" tagged a person
    if kind in ("person", "group") and ent.start > 0 and ent.doc[ent.start - 1].text in _BODY_BEFORE_NAME:
        # "the Swedish union Unionen", "state oil company Petrobras"; not "Record producer Mark
        # Ronson", "Software developer Tom Hale"
        return "organization"
    if kind == "person" and len(ent) == 1 and ent.root.dep_ == "appos" and ent.root.head.lower_ in _BODY_BEFORE_NAME:
        return "organization"  # "the oil workers' union, Fup"
    if kind == "person" and len(ent) == 1 and ent.text.isupper() and len(ent.text) <= 5:
        return "organization"  # "GB captain Jeremy Bates": an all-caps short form names no person
    if kind == "person" and ent[-1].tag_ == "NNPS" and not _family_name(ent):
        return "organization"  # "the Gunners": a team's name, no person's
    if kind == "organization" and _OFFICIAL_ORG_RE.search(ent.text.lower()):
        return "official"
    if kind == "state" and _key(ent.text) not in _COUNTRIES:
        return "place"
    return kind


def _titled_name(ent: SpacySpan) -> bool:
    """A name of two or three capitalised words right after a person's title word."""
    doc = ent.doc
    if ent.start == 0 or not 2 <= len(ent) <= 3 or doc[ent.start - 1].lower_ not in _PERSON_TITLES:
        return False
    return all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in _ORG_SUFFIXES for t in ent)


def _family_name(ent: SpacySpan) -> bool:
    """ "The Obamas": a family, when the name without its "s" is a person's elsewhere."""
    stem = ent[-1].text[:-1]
    return any(e.label_ == "PERSON" and e[-1].text == stem for e in ent.doc.ents)


def _suffix_follows(ent: SpacySpan) -> bool:
    """A company suffix right after the name, maybe past a bracketed word: "(Holdings) Ltd"."""
    after = [t.lower_ for t in ent.doc[ent.end : ent.end + 4] if t.text not in ("(", ")", ",")]
    return bool(after) and (after[0] in _ORG_SUFFIXES or (len(after) > 1 and after[1] in _ORG_SUFFIXES))


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


#: words that make a place's name of a place ("East Jerusalem"), not a club's or company's
_PLACE_PREFIXES = frozenset(
    {"north", "south", "east", "west", "central", "greater", "upper", "lower", "new", "old", "inner", "outer"}
    | {"northern", "southern", "eastern", "western", "downtown", "metropolitan", "city", "st", "st.", "san"}
)


def with_first_word(ent: SpacySpan, taken: set[int]) -> SpacySpan:
    """ "Hitomi Noda" with only "Noda" tagged, "Northwind Energy plc" with only "Energy plc": a
    capitalised proper noun the NER left out, compounded on the name, is its first word (not a
    title, an honorific, a party or a nationality)."""
    if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE") or ent.start == 0:
        return ent
    prev = ent.doc[ent.start - 1]
    if ent.label_ == "GPE" and (len(ent) > 1 or prev.lower_ in _PLACE_PREFIXES):
        return ent  # "East Jerusalem", "Greater London" are places
    party = ent.label_ == "NORP" and prev.pos_ == "ADJ" and prev.dep_ == "amod"  # "Liberal Democrat"
    if (
        prev.i in taken
        or prev.ent_type_
        or (prev.pos_ != "PROPN" and not party)
        or not prev.is_title
        or (prev.dep_ != "compound" and not party)
        or not ent.start <= prev.head.i < ent.end
    ):
        return ent
    low = prev.lower_.rstrip(".")
    if (low in _TITLE_WORDS or low in _PARTIES or low in _HONORIFIC_WORDS) and not party:
        return ent
    # "Real Madrid", "Hertha Berlin" with only the town tagged: a club or company named on it
    label = "ORG" if ent.label_ == "GPE" else ent.label_
    longer = SpacySpan(ent.doc, ent.start - 1, ent.end, label=label)
    if ent.label_ == "NORP" and canonical(_key(longer.text)) == _key(longer.text):
        return ent  # only a party's name: "Liberal Democrat" with only "Democrat" tagged
    return longer


def owned_lower(tok: Token) -> bool:
    """ "France's foreign ministry", the tagger's proper noun: a lower-case word with an owner."""
    return tok.is_lower and any(c.dep_ == "poss" for c in tok.children)


def title_before_name(ent: SpacySpan) -> bool:
    """ "Cpl." tagged an organisation right before "Jamie Lee": a title, no actor."""
    doc = ent.doc
    nxt = ent.end + (ent.end < len(doc) and doc[ent.end].text == ".")
    return (
        ent.label_ != "PERSON"
        and nxt < len(doc)
        and doc[nxt].ent_iob_ == "B"
        and doc[nxt].ent_type_ == "PERSON"
        and all(t.lower_.rstrip(".") in _TITLE_WORDS for t in ent)
    )


def titles_a_name(tok: Token) -> bool:
    """ "the King's Speech", "the President's Cup", "the Governor's Ball": a capitalised title
    owning a capitalised name is part of that name, no holder of the title."""
    doc = tok.doc
    if (
        not tok.is_title
        or tok.ent_type_
        or tok.lower_ not in _TITLE_WORDS
        or tok.i + 2 >= len(doc)
        or doc[tok.i + 1].tag_ != "POS"
    ):
        return False  # "Germany's Commerzbank" is the bank
    name = doc[tok.i + 2]
    return (
        name.is_title
        and name.pos_ == "PROPN"
        and name.ent_type_ not in ("NORP", "GPE")
        and name.lower_.rstrip(".") not in _TITLE_WORDS
        and _key(name.text) not in _PARTIES
    )


def is_predicate(tok: Token) -> bool:
    """ "Okafor is a retired judge", "will join Acme as chief technology officer": a predicate
    nominal says what somebody is; it is no mention of its own."""
    return tok.dep_ == "attr" or (tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.dep_ == "prep")


def names_a_body(tok: Token) -> bool:
    """An organisation's name or short form modifying a people noun ("Zenco", "WHO"), or a
    person's or country's name as its possessor ("Scholz's spokesman", "Fooland's minister")."""
    if tok.ent_type_ == "ORG":
        return True
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.ent_type_ in ("PERSON", "GPE") and after is not None and after.tag_ == "POS":
        return True
    return tok.is_upper and len(tok) >= 2 and tok.is_alpha and alias_of(_key(tok.text)) is not None


#: "the world's biggest miner", "the country's second-largest lender": a ranking within these
_RANKED_IN = frozenset({"world", "country", "nation", "region", "continent", "industry", "sector"})


def is_ranked_description(doc: Doc, left: int, head: Token) -> bool:
    """ "The world's biggest miner", "the country's second-largest lender": a definite
    description that ranks one body, a reference to a body named before it."""
    words = doc[left + 1 : head.i]
    return (
        any(t.lower_ in _RANKED_IN for t in words)
        and any(t.tag_ in ("JJS", "RBS") or t.lower_.endswith(("est", "largest")) for t in words)
        and all(t.lower_ in _RANKED_IN or t.tag_ == "POS" or t.pos_ in ("ADJ", "ADV", "NUM", "PUNCT") for t in words)
    )


def is_compound_description(doc: Doc, left: int, head: Token) -> bool:
    """ "The consumer goods group", "the state oil company": a definite description whose head is
    modified by at most three lower-case nouns and adjectives, a reference to a body named before."""
    words = doc[left + 1 : head.i]
    return 0 < len(words) <= 3 and all(
        t.is_lower and (t.pos_ == "ADJ" or (t.pos_ == "NOUN" and t.dep_ == "compound")) for t in words
    )


#: company suffixes that close a name the NER may miss ("Allegheny International Inc")
_CLOSING_SUFFIXES = frozenset({"inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "llc", "ag", "nv", "n.v.", "gmbh"})


def suffixed_names(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """ "Allegheny International Inc" the NER left out: capitalised words closed by a company
    suffix are a company's name (start, end, text)."""
    out = []
    for tok in doc:
        if tok.lower_ not in _CLOSING_SUFFIXES or tok.i in taken or tok.ent_type_ or not tok.text[:1].isupper():
            continue
        left = tok.i
        while left > 0 and doc[left - 1].is_title and doc[left - 1].pos_ == "PROPN":
            if doc[left - 1].i in taken or doc[left - 1].ent_type_:
                break
            left -= 1
        if left < tok.i:
            out.append((doc[left].idx, tok.idx + len(tok), doc[left : tok.i + 1].text))
            taken.update(range(left, tok.i + 1))
    return out


def named_outlets(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Names the NER leaves out that an outlet noun marks as an outlet: "the Evening Standard
    newspaper", "the Desert Ledger, a family-owned newspaper" (offsets and text, with "the")."""
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ or tok.i in taken:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
            continue  # not the name's last word
        marked = (tok.dep_ == "compound" and tok.head.lower_ in _OUTLET_NOUNS and tok.head.i == tok.i + 1) or any(
            c.dep_ == "appos" and c.lower_ in _OUTLET_NOUNS for c in tok.children
        )
        if not marked:
            continue
        left = tok.i
        while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].is_title and not doc[left - 1].ent_type_:
            left -= 1
        if left > 0 and doc[left - 1].lower_ == "the":
            left -= 1
        if any(i in taken for i in range(left, tok.i + 1)):
            continue
        out.append((doc[left].idx, tok.idx + len(tok), doc[left : tok.i + 1].text))
        taken.update(range(left, tok.i + 1))
    return out


def set_name(doc: Doc, phrase: SpacySpan | None, head: Token | None, text: str, actors: list[Actor]) -> str:
    """The name of a group: its head word ("nurses"), but the whole phrase for a counted or
    kind-marked indefinite set ("15,000 nurses", "replacement nurses") after a group of that
    word, which is another set."""
    if (
        all(a.name.lower() != text for a in actors)
        or phrase is None
        or head is None
        or doc[phrase.start].lower_ in ("the", "these", "those")
    ):
        return text
    if any(c.dep_ == "nummod" or (c.dep_ == "compound" and c.pos_ == "NOUN") for c in head.children):
        return phrase.text
    return text


#: capitalised title words right before a name ("President", "Minister")
_TITLES_CAPITALISED = frozenset(w.capitalize() for w in _TITLE_WORDS)


def person_after_title(ent: SpacySpan) -> SpacySpan | None:
    """ "Kazakh President Kassym-Jomart Tokayev" tagged an organisation: a nationality and a title
    before (or just outside) a capitalised name of two words or more; the name is a person's."""
    doc, i = ent.doc, ent.start
    while i < ent.end and country_of_word(doc[i]) is not None:
        i += 1
    j = i
    while j < ent.end and doc[j].lower_.rstrip(".") in _TITLE_WORDS:
        j += 1
    rest = doc[j : ent.end]
    if j == i == ent.start and ent.start > 0 and doc[ent.start - 1].text.rstrip(".") in _TITLES_CAPITALISED:
        j = -1  # "President [Kassym-Jomart Tokayev]": the title is just before the entity
    if j == i or len(rest) < 2 or not all((t.pos_ == "PROPN" and t.text[:1].isupper()) or t.text in "-." for t in rest):
        return None
    return None if any(t.lower_ in _ORG_SUFFIXES for t in rest) else rest


_HONORIFIC_GENDER: dict[str, str] = {
    k: v for k, v in lexicons.load("actors")["honorific_gender"].items() if not k.startswith("_")
}


def honorific_gender(doc: Doc, phrase: SpacySpan | None) -> str | None:
    """ "Mr Smith", "Mrs Smith": the gender the word right before a name tells."""
    if phrase is None or phrase.start == 0:
        return None
    return _HONORIFIC_GENDER.get(doc[phrase.start - 1].lower_)


def without_score(ent: SpacySpan) -> SpacySpan:
    """ "Chelsea 2-1" as one entity: the name is "Chelsea"."""
    end = ent.end
    while end - ent.start > 1 and (
        ent.doc[end - 1].pos_ in ("NUM", "SYM", "PUNCT", "SPACE") or ent.doc[end - 1].tag_ == "POS"
    ):
        end -= 1
    return ent if end == ent.end else SpacySpan(ent.doc, ent.start, end, label=ent.label_)


def without_titles(ent: SpacySpan) -> SpacySpan:
    """ "Republican Sen. Rand Paul" as one PERSON entity: the name is "Rand Paul"; the words
    before it are read as its title and party."""
    start = ent.start
    while start < ent.end - 1 and (
        ent.doc[start].lower_.rstrip(".") in _TITLE_WORDS or ent.doc[start].lower_ in _PARTIES
    ):
        start += 1
    return ent if start == ent.start else ent.doc[start : ent.end]
