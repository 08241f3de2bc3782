"""Mentions the NER leaves out (an organisation's all-caps short form: "FNV", "G7") and
definite descriptions that stand for a person named earlier ("the chancellor", "the defender",
"the 33-year-old"). Word lists: ``models/actors.json`` (``not_actor_acronyms``,
``person_roles``)."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimx import data as lexicons
from claimx.extractors.actors.names import _COUNTRIES, _TEAM_WORDS, _TITLE_WORDS, _key, alias_of
from claimx.extractors.actors.table import ActorTable


class Candidate(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # an actor kind; "ref" for a nominal reference ("the group"), "role" for a person's role
    label: str | None  # the NER label; for a "ref" or "role", its head word
    head: Token | None


_LEX = lexicons.load("actors")
_NOT_ACRONYMS = lexicons.word_set("actors", "not_actor_acronyms")
TITLED_ROLES = frozenset(_LEX["person_roles"]["titled"])
_IMPLIED_ROLES = frozenset(_LEX["person_roles"]["implied"])
#: nouns anyone may be called ("the driver of the lorry", "the teenager"): only a person named
#: with that role holds one; never the person merely in view
GENERIC_ROLES = frozenset(_LEX["person_roles"]["generic"])
PERSON_ROLES = TITLED_ROLES | _IMPLIED_ROLES | GENERIC_ROLES
AGE_ROLE = "year-old"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
#: entity labels under which the NER files a short form it does not know ("G7" a product)
_LOOSE_LABELS = frozenset({"", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ROLE_OF = frozenset({"of", "at", "for"})
_SHADOW = lexicons.word_set("actors", "not_current_holder")
_ROAD = re.compile(r"[AMB]\d{1,4}")
_ACTOR_PREPS = frozenset({"by", "with", "from", "between", "against", "of", "to", "for", "among"})
_ORG_NOUNS = frozenset(
    w for w, kinds in _LEX["nominal_references"].items() if "organization" in kinds or "group" in kinds
)
_STRICT_NOUNS = lexicons.word_set("actors", "nominal_strict")
_CONTEXT_NOUNS = lexicons.word_set("actors", "actor_context_nouns")
_PEOPLE_NOUNS = frozenset(
    [*_LEX["group_nouns"], *_LEX["official_nouns"], *_LEX["person_roles"]["titled"], *_LEX["anonymous_nouns"]]
)
#: how many sentences back a role with no named holder looks for the person in view
_ROLE_WINDOW = 5
_ECHO_KINDS = frozenset({"person", "organization", "state", "outlet"})


def _shouting(sent: SpacySpan) -> bool:
    letters = [c for c in sent.text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _is_acronym(tok: Token) -> bool:
    text = tok.text
    return (
        _ACRONYM.fullmatch(text) is not None
        and sum(c.isalpha() for c in text) >= 1
        and text.lower() not in _NOT_ACRONYMS
        and _key(text) not in _COUNTRIES
    )


def acronyms(doc: Doc, taken: set[int]) -> list[Candidate]:
    """All-caps short forms the NER misses or mislabels: organisations ("the port union, FNV")."""
    out = []
    for tok in doc:
        if tok.i in taken or tok.ent_type_ not in _LOOSE_LABELS or not _is_acronym(tok):
            continue
        if tok.ent_type_ and _entity_len(tok) > 1:
            continue  # part of a longer name: "Airbus A320"
        stop = tok.is_stop and alias_of(_key(tok.text)) is None  # "WHO" is a known short form
        if tok.pos_ in ("NUM", "PUNCT", "SYM") or _shouting(tok.sent) or stop or _ROAD.fullmatch(tok.text):
            continue  # "We will NOT accept", "the A14"
        if _in_capitals_run(tok) or not _actor_position(tok):
            continue  # "WE WANT FAIR PAY"; "ETF flows", "an API"
        out.append(Candidate(tok.idx, tok.idx + len(tok), tok.text, "organization", "ORG", None))
        taken.add(tok.i)
    return out


def named_by_noun(doc: Doc, taken: set[int]) -> list[Candidate]:
    """ "Britain's biggest union Unite": a capitalised word the NER leaves out, in apposition right
    after an organisation noun that takes only named bodies ("union", "party"), is that body."""
    out = []
    for tok in doc:
        if tok.i in taken or tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if _noun_before_name(tok) is None:
            continue
        out.append(Candidate(tok.idx, tok.idx + len(tok), tok.text, "organization", "ORG", None))
        taken.add(tok.i)
    return out


def _noun_before_name(tok: Token) -> Token | None:
    """The organisation noun right before a name, in apposition with it or compounded on it
    ("Britain's biggest union Unite", "The union Unite"), or in apposition right after it
    ("Unite, the country's biggest union,")."""
    after = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i + 1), None)
    if after is not None and after.lower_ in _STRICT_NOUNS and tok.doc[tok.i + 1].text == ",":
        return after if tok.i == 0 or not tok.doc[tok.i - 1].is_title else None
    if tok.i == 0:
        return None
    noun = tok.doc[tok.i - 1]
    if noun.lower_ not in _STRICT_NOUNS:
        return None
    if (tok.dep_ == "appos" and tok.head.i == noun.i) or (noun.dep_ == "compound" and noun.head.i == tok.i):
        return noun
    return None


def link_named_heads(doc: Doc, table: ActorTable) -> None:
    """ "Britain's biggest union Unite": the description right before the name is a mention of
    that body too (so that a stance on "union" finds it)."""
    covered = {i for (s, e) in table.mention_actor for i in range(s, e)}
    for tok in doc:
        head = _noun_before_name(tok)
        if head is None or head.idx in covered:
            continue
        aid = table.at(tok.idx, tok.idx + len(tok))
        if aid is None or table.get(aid).kind != "organization":
            continue
        left = head.i
        while left > 0 and doc[left - 1].dep_ in ("amod", "compound") and doc[left - 1].head.i == head.i:
            left -= 1
        table.refer(aid, doc[left].idx, head.idx + len(head))


def _in_capitals_run(tok: Token) -> bool:
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(t.is_upper and t.is_alpha and len(t) > 1 for t in near)


def _actor_position(tok: Token) -> bool:
    """Where a short form names an actor: a subject or agent, a possessor, an apposition, the
    object of "with"/"by"/..., or the name on an organisation noun ("the UAW union", "G7
    leaders")."""
    dep, head = tok.dep_, tok.head
    if dep in ("nsubj", "nsubjpass", "poss", "appos", "conj") or (
        dep == "ROOT" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","
    ):
        return dep != "conj" or _actor_position(head)
    if dep == "pobj":
        return head.lower_ in _ACTOR_PREPS
    if dep in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
        # "the UAW union", "G7 leaders", "IAEA chief Rafael Grossi" (the head a person's name)
        low = head.lower_
        return low in _ORG_NOUNS or low in _PEOPLE_NOUNS or low in _CONTEXT_NOUNS or head.ent_type_ == "PERSON"
    return False


def _entity_len(tok: Token) -> int:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return len(ent) if ent is not None else 1


def age_roles(doc: Doc, taken: set[int]) -> list[Candidate]:
    """ "the 33-year-old" used as a noun phrase: a person."""
    out = []
    for tok in doc:
        if tok.lower_ != "old" or tok.i < 4 or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
            continue
        year, first = doc[tok.i - 2], doc[tok.i - 4]
        if year.lower_ not in ("year", "years") or first.i - 1 < 0 or doc[first.i - 1].lower_ not in ("the", "a"):
            continue
        det = doc[first.i - 1]
        if det.lower_ != "the" or any(i in taken for i in range(det.i, tok.i + 1)):
            continue
        out.append(Candidate(det.idx, tok.idx + len(tok), "", "role", AGE_ROLE, tok))
        taken.update(range(det.i, tok.i + 1))
    return out


def role_candidate(tok: Token, left: int, right: int) -> Candidate | None:
    """ "the defender", "the chancellor": a definite singular role noun (a person's)."""
    doc = tok.doc
    if left > 0 and doc[left].tag_ == "POS" and left + 1 < tok.i + 1:
        left += 1  # "The side's captain": "The side" is a mention of its own
    possessed = left > 0 and doc[left - 1].tag_ == "POS"
    # "The Chancellor", "the CEO" (tagged a proper noun) as well as "the chancellor"
    # ("the Englishman" tagged an organisation: a one-word entity that is a role word)
    noun = tok.tag_ == "NN" or (tok.tag_ == "NNP" and _entity_len(tok) == 1 and left == tok.i - 1)
    if tok.lower_ not in PERSON_ROLES or not noun or (doc[left].lower_ not in ("the", "this") and not possessed):
        return None
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return None  # "The union's boss Mick Lynch": a title on the name
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in doc[left:right] if t.i != tok.i):
        return None  # "the TUC general secretary": a phrase of its own organisation
    if any(c.dep_ == "prep" and c.lower_ in _ROLE_OF for c in tok.children):
        # "The leader of the Liberal Democrats", "the manager of the rival club": somebody's
        # role in a body of their own, not the holder of this role named earlier
        kind = "official" if tok.lower_ in TITLED_ROLES else "person"  # "the driver of the lorry"
        return Candidate(doc[left].idx, tok.idx + len(tok), doc[left:right].text, kind, None, tok)
    return Candidate(doc[left].idx, tok.idx + len(tok), "", "role", tok.lower_, tok)


def roles_of(doc: Doc, table: ActorTable, aid: str) -> set[str]:
    """Role words a person carries: a title, a noun before the name ("Celtic midfielder Roy
    Keane"), a head the name is in apposition to ("The Chancellor, Rachel Reeves"), an
    apposition ("Lena Brandt, an economist")."""
    actor = table.get(aid)
    words = set((actor.title or "").lower().split())
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if _shadowed(span):
            return set()  # "Shadow Chancellor Mel Stride" is not "the Chancellor"
        root = span.root
        if root.lower_ in PERSON_ROLES and root.pos_ == "NOUN":
            words.add(root.lower_)  # "The chief executive of Shell, Wael Sawan": a mention of her own
        heads = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            heads.append(root.head)
        for tok in [*heads, *(c for c in root.children if c.dep_ in ("compound", "amod") and c.i < span.start)]:
            words.add(tok.lower_)
            words.update(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod"))
    return words


def _shadowed(span: SpacySpan) -> bool:
    """A title held in name only or no longer: "Shadow Chancellor", "former minister"."""
    return any(t.lower_ in _SHADOW for t in span.doc[max(0, span.start - 4) : span.start])


def shadowed(doc: Doc, table: ActorTable, aid: str) -> bool:
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in table.get(aid).mentions]
    return any(s is not None and _shadowed(s) for s in spans)


def _proper(name: str) -> bool:
    """A person's name has a capital ("unbeaten league run", tagged a person, has none)."""
    return any(c.isupper() for c in name)


def role_holder(
    doc: Doc, table: ActorTable, role: str, start: int, modifiers: Collection[str] = frozenset()
) -> str | None:
    """The person a role description stands for: the last person named before ``start`` who
    carries the role; for a role that implies a person ("the defender", "the 33-year-old"),
    else the person most in view (a subject first) within a few sentences."""
    people: list[tuple[int, int, str]] = sorted(
        (s, e, aid)
        for (s, e), aid in table.mention_actor.items()
        if s < start and table.get(aid).kind == "person" and _proper(table.get(aid).name)
    )
    seen: set[str] = set()
    for _, _, aid in reversed(people):
        if aid not in seen:
            seen.add(aid)
            roles = roles_of(doc, table, aid)
            if role in roles and all(m in roles for m in modifiers):  # not the general secretary
                return aid
    if role != AGE_ROLE and role not in _IMPLIED_ROLES:
        return None
    here = doc.char_span(start, start + 1, alignment_mode="expand")
    if here is None:
        return None
    sents = list(doc.sents)
    index = next((i for i, s in enumerate(sents) if s.start <= here.start < s.end), 0)
    window_start = sents[max(0, index - _ROLE_WINDOW)].start_char
    best: tuple[bool, int, str] | None = None
    for s, e, aid in people:
        if s < window_start:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        # "Mourinho's opposite number, David Moyes, praised ...": a name in apposition with a subject
        subject = span is not None and (
            span.root.dep_ in _SUBJECTS or (span.root.dep_ == "appos" and span.root.head.dep_ in _SUBJECTS)
        )
        if best is None or (subject, s) > best[:2]:
            best = (subject, s, aid)
    return best[2] if best else None


def name_index(table: ActorTable, skip: Collection[str] = ()) -> dict[str, str]:
    """Name key -> actor id for the named actors (but ``skip``): full names, a person's
    surname, a club's last word."""
    index: dict[str, str] = {}
    for actor in table.actors_so_far():
        kind = str(getattr(actor.kind, "value", actor.kind))
        if kind not in _ECHO_KINDS or actor.id in skip:
            continue
        for m in actor.mentions:
            key = _key(m.text)
            if not key or not any(c.isupper() for c in m.text) or _described(m.text, key):
                continue  # "The Chancellor" is no name of Reeves
            index.setdefault(key, actor.id)
            if kind == "person" and len(key.split()) > 1:
                index.setdefault(key.split()[-1], actor.id)
            if kind == "organization" and len(key.split()) > 1 and key.split()[-1] in _TEAM_WORDS:
                index.setdefault(key.split()[-1], actor.id)  # "United" for Manchester United
    return index


def _described(text: str, key: str) -> bool:
    """A description, not a name: "The Chancellor", "the CEO", "Chancellor"."""
    return text.split()[0].lower() in ("the", "this", "a", "an") or all(
        w in PERSON_ROLES or w in _TITLE_WORDS for w in key.split()
    )


def _not_an_echo(span: SpacySpan, headline_end: int) -> bool:
    """ "Healey Road", "Shadow Chancellor Mel Stride", "Streeting Lane": the words are part of
    another name (a capitalised word follows, or a place or date entity holds them)."""
    if any(t.ent_type_ in ("FAC", "LOC", "DATE", "EVENT") for t in span):
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return span.start_char >= headline_end and after is not None and after.is_title and not after.is_sent_start


def echo_names(doc: Doc, table: ActorTable, taken: set[int]) -> None:
    """A capitalised name the NER tagged elsewhere in the story but missed here ("Celtic
    midfielder Roy Keane" after "Celtic" was tagged; "Bogdanovic" after "Alex Bogdanovic")."""
    index = name_index(table)
    people = {aid for aid in index.values() if table.get(aid).kind == "person"}
    # a title-case headline capitalises every word: a short form there is no sentence opener
    headline_end = doc._.headline["end"] if doc._.headline is not None else -1
    covered = {i for (s, e) in table.mention_actor for i in range(s, e)}
    i = 0
    while i < len(doc):
        hit = None
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(t.i in taken or t.idx in covered for t in span):
                continue
            if not span[0].text[:1].isupper() or not span[-1].is_alpha:  # "KazMunayGas", "McDonald" too
                continue
            aid = index.get(_key(span.text))
            if aid is not None and _not_an_echo(span, headline_end):
                continue
            opener = span[0].is_sent_start and span[0].pos_ != "PROPN" and span.start_char >= headline_end
            if aid is not None and (aid in people or not opener):
                hit = (span, aid)
                break
        if hit is None:
            i += 1
            continue
        span, aid = hit
        table.alias(aid, span.start_char, span.end_char, span.text)
        i = span.end
