"""Links a reader makes between a name and later words for it: an anonymous source taken up by a
general word ("a diplomat familiar with the talks" ... "the source"), an organisation taken up by
the head noun of its name ("the Kenya Ports Authority" ... "the authority"), and a person's
apposition ("Lena Brandt, an economist at Kiel University": "an economist" is Brandt, never the
university)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimx import data as lexicons
from claimx.extractors.actors.names import _ANON_ALWAYS, GENDERED_WORDS
from claimx.extractors.actors.roles import TITLED_ROLES, roles_of
from claimx.extractors.actors.table import ActorTable, _merge
from claimx.nlp.spans import clean_text

#: general words for an anonymous source: they take up the last source of their number
_ANON_GENERAL = _ANON_ALWAYS | lexicons.word_set("actors", "anonymous_general")
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: body kinds whose name's head noun may stand for them ("the university", "the authority")
_HEAD_KINDS = frozenset({"organization", "outlet"})
_BODY_NOUNS = lexicons.word_set("actors", "body_nouns_before_name") | lexicons.word_set("actors", "nominal_strict")
#: kinds of a lone description that the head-noun match may fold into the named body
_LONE_KINDS = frozenset({"official", "other", "organization", "group"})
#: kinds of a lone description in apposition with a name that is folded into the name's actor
_LONE = {
    "person": frozenset({"official", "person", "other", "organization"}),
    "organization": frozenset({"organization", "other"}),
    "outlet": frozenset({"outlet", "organization", "other"}),
}
_HEAD_DETS = frozenset({"the", "this"})
#: people's words ("the president" after "the Kenyan President" is no body): a role, or an official
#: noun that is no institution
_ROLE_WORDS = (
    lexicons.word_set("actors", "official_nouns")
    - lexicons.word_set("actors", "official_org_words")
    - lexicons.word_set("actors", "institution_nouns")
) | frozenset(w for words in lexicons.load("actors")["person_roles"].values() for w in words)


def _kind(table: ActorTable, aid: str) -> str:
    kind = table.get(aid).kind
    return str(getattr(kind, "value", kind))


def _head_plural(doc: Doc, table: ActorTable, aid: str) -> bool:
    first = min(table.get(aid).mentions, key=lambda m: m.start)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    return span is not None and span.root.tag_ in _PLURAL_TAGS


def last_anonymous(doc: Doc, table: ActorTable, last_anon: dict[str, str], label: str, before: int) -> str | None:
    """ "a Western diplomat familiar with the talks" ... "the source": the last anonymous source
    (of the description's number) before ``before``."""
    if label not in _ANON_GENERAL:
        return None
    live = {a.id for a in table.actors_so_far()}
    plural = label.endswith("s") or label == "people"
    best: tuple[int, str] | None = None
    for aid in set(last_anon.values()):
        if aid not in live or _kind(table, aid) != "anonymous":
            continue
        starts = [m.start for m in table.get(aid).mentions if m.start < before]
        if starts and _head_plural(doc, table, aid) == plural and (best is None or max(starts) > best[0]):
            best = (max(starts), aid)
    return best[1] if best else None


def _definite_noun(doc: Doc, tok: Token) -> int | None:
    """The start of "the authority", "the new authority": a definite description with ``tok`` as
    its head, at most three words, nothing after the head in its phrase."""
    if tok.pos_ != "NOUN" or not tok.is_lower or tok.tag_ != "NN":
        return None
    left = tok.left_edge.i
    right = tok.right_edge.i
    if right == tok.i + 1 and doc[right].tag_ == "POS":
        right = tok.i  # "the foundation's former president": the possessor is a description too
    if right != tok.i or tok.i - left > 2 or doc[left].lower_ not in _HEAD_DETS:
        return None
    if any(t.pos_ not in ("DET", "ADJ") for t in doc[left + 1 : tok.i]):
        return None
    return left


def _named_body(table: ActorTable, noun: str, before: int) -> str | None:
    """The body named last before ``before`` whose name ends with ``noun``."""
    best: tuple[int, str] | None = None
    text = table.doc.text  # built afresh on every access: once per call, not per mention
    for (s, e), aid in table.mention_actor.items():
        if s >= before or _kind(table, aid) not in _HEAD_KINDS:
            continue
        words = text[s:e].split()
        named = len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() == noun
        if named and (best is None or s > best[0]):
            best = (s, aid)
    return best[1] if best else None


def link_head_nouns(doc: Doc, table: ActorTable) -> None:
    """ "the Kenya Ports Authority ... the authority", "Kiel University ... the university": a
    definite description whose head noun ends an organisation's name named before it."""
    for tok in doc:
        left = _definite_noun(doc, tok)
        if left is None or tok.lower_ in _ROLE_WORDS:
            continue
        start, end = doc[left].idx, tok.idx + len(tok)
        body = _named_body(table, tok.lower_, start)
        if body is None:
            continue
        here = [aid for (s, e), aid in table.mention_actor.items() if s < end and start < e]
        if not here:
            table.refer(body, start, end)
        elif len(here) == 1 and here[0] != body:
            lone = table.get(here[0])
            if len(lone.mentions) == 1 and _kind(table, here[0]) in _LONE_KINDS:
                _merge(table, keep=body, drop=here[0])


def _description(doc: Doc, head: Token) -> tuple[int, int] | None:
    """The offsets of a description up to its head noun, after any possessor ("the paper's
    publisher" -> "publisher", "Its director general" -> "director general")."""
    left = head.left_edge.i
    poss = [c for c in head.children if c.dep_ == "poss"]
    if poss:
        after = poss[-1].right_edge.i + 1
        left = after + (after < head.i and doc[after].tag_ == "POS")
    if left > head.i or doc[left].is_punct:
        return None
    return doc[left].idx, head.idx + len(head)


def _in_relative_clause(noun: Token) -> bool:
    """A noun inside a relative clause ("the company that supplied the software, Nexora"): a name
    after it is as likely the apposition of the clause's own noun, which the parse often misses."""
    return any(anc.dep_ == "relcl" for anc in noun.ancestors)


def _apposed_nouns(doc: Doc, span: Span, kind: str) -> list[Token]:
    """Common nouns in apposition with a name: after it ("Lena Brandt, an economist") or before it
    ("The housing minister, Fiona Dalziel"); for a body also the noun right before its name
    ("Brazilian state oil company Petrobras")."""
    root = span.root
    out = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start and not _in_relative_clause(root.head):
        out.append(root.head)
    before = doc[span.start - 1] if span.start > 0 else None
    if kind != "person" and before is not None and before.lower_ in _BODY_NOUNS and before.head.i == root.i:
        out.append(before)
    # "Laura Chen, President and Chief Executive Officer of Brightwave": a capitalised title too
    return [t for t in out if (t.pos_ == "NOUN" and t.is_lower) or (kind == "person" and _title_word(t))]


def _title_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ in _ROLE_WORDS


def link_person_appositions(doc: Doc, table: ActorTable) -> None:
    """ "Lena Brandt, an economist at Kiel University", "Daniel Ruiz, the paper's publisher", "The
    housing minister, Fiona Dalziel": the common-noun phrase in apposition with a person's name is
    a mention of that person (up to its head noun; a possessor in it is a mention of its own); so
    is one after an organisation's name ("the OBR, the official forecaster,")."""
    for s, e in list(table.mention_actor):
        aid = table.mention_actor[(s, e)]  # read afresh: a merge below may have folded an actor away
        kind = _kind(table, aid)
        if kind not in ("person", "organization", "outlet"):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for noun in _apposed_nouns(doc, span, kind):
            found = _description(doc, noun)
            if found is None:
                continue
            start, end = found
            # "a former Treasury official": the body named in it is a mention of its own
            start = max([start, *(me + 1 for (ms, me) in table.mention_actor if start <= ms and me < noun.idx)])
            trimmed = doc.char_span(start, end, alignment_mode="expand") if start < end else None
            if trimmed is None:
                continue
            start = trimmed.start_char
            here = {other for (ms, me), other in table.mention_actor.items() if ms < end and start < me}
            if not here:
                table.refer(aid, start, end)
            elif len(here) == 1 and (lone := here.pop()) != aid:
                actor = table.get(lone)
                if len(actor.mentions) == 1 and _kind(table, lone) in _LONE[kind] and table.unnamed(lone):
                    actor.kind = table.get(aid).kind  # the name's kind holds ("the paper's publisher")
                    _merge(table, keep=aid, drop=lone)  # "a former Treasury official" read as an official


def link_headline_roles(doc: Doc, table: ActorTable) -> None:
    """ "Chancellor promises no tax rises", "Chinese premier meets Kenyan president": a bare role
    word in the headline stands for the one person the story names with that role."""
    headline = doc._.headline
    if headline is None:
        return
    covered = {i for (s, e) in table.mention_actor for i in range(s, e)}
    people = [a.id for a in table.actors_so_far() if _kind(table, a.id) == "person"]
    for tok in doc:
        if tok.idx >= headline["end"]:
            break
        if tok.lower_ not in TITLED_ROLES or tok.idx in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            continue  # "Chancellor Reeves": a title on the name
        holders = [aid for aid in people if tok.lower_ in roles_of(doc, table, aid)]
        if len(holders) == 1:
            table.refer(holders[0], tok.idx, tok.idx + len(tok))


def link_parenthetical_aliases(doc: Doc, table: ActorTable) -> None:
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


_DEFINITION = re.compile(r"\s*\(([^()]{1,120})\)")
_QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d]{1,60})["\u201d]')


def link_defined_terms(doc: Doc, table: ActorTable) -> None:
    """'Brightwave Energy Inc. ("Brightwave" or "the Company")': a press release defines short
    names in quotes in brackets after a name; an actor known only by a defined name ("Company",
    tagged an organisation of its own) is the one defined."""
    text = clean_text(doc)
    for (start, end), _ in sorted(table.mention_actor.items()):
        found = _DEFINITION.match(text, end)
        if not found:
            continue
        terms = {q.lower().removeprefix("the ") for q in _QUOTED.findall(found.group(1))}
        for actor in list(table.actors()):
            owner = table.mention_actor.get((start, end))
            words = {m.text.lower().removeprefix("the ") for m in actor.mentions}
            if words and owner is not None and actor.id != owner and words <= terms:
                _merge(table, keep=owner, drop=actor.id)


#: kinship nouns and the words for the other side of the tie
_KIN_INVERSE: dict[str, list[str]] = {
    k: v for k, v in lexicons.load("actors")["kin_inverse"].items() if not k.startswith("_")
}
_PRONOUN_GENDER: dict[str, str | None] = {
    k: v.get("gender") for k, v in lexicons.load("actors")["anaphora"].items() if isinstance(v, dict)
}


def _kin_ties(doc: Doc, table: ActorTable) -> list[tuple[Token, str, str | None]]:
    """(kin noun, owner actor, actor of the noun) for each "her husband", "Maria Ruiz's brother"."""
    out = []
    for tok in doc:
        if tok.lower_ not in _KIN_INVERSE or tok.pos_ != "NOUN":
            continue
        owner_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = table.at(owner_tok.idx, owner_tok.idx + len(owner_tok)) if owner_tok is not None else None
        if owner is not None and _kind(table, owner) == "person":
            out.append((tok, owner, table.at(tok.idx, tok.idx + len(tok))))
    return out


def link_kin(doc: Doc, table: ActorTable) -> None:
    """ "His wife, Laura Kessler, ... her husband": a kinship noun owned by one person is the
    person named before as that person's kin ("her husband" is Martin Kessler once Laura Kessler
    was "his wife"; "Her brother" is Daniel Ruiz once he was "her brother Daniel Ruiz")."""
    ties = _kin_ties(doc, table)
    known: dict[tuple[str, str], str] = {}
    for tok, owner, kin in ties:
        if kin is not None and kin != owner and not table.unnamed(kin):
            known.setdefault((owner, tok.lower_), kin)
            poss = next(c for c in tok.children if c.dep_ == "poss")
            gender = _PRONOUN_GENDER.get(poss.lower_) if poss.pos_ == "PRON" else None
            for word in _KIN_INVERSE[tok.lower_]:
                if gender is None or GENDERED_WORDS.get(word) in (None, gender):
                    known.setdefault((kin, word), owner)  # "his sister": he is her brother, not her sister
    for tok, owner, kin in ties:
        target = known.get((owner, tok.lower_))
        found = _description(doc, tok)
        if target is None or target == owner or found is None or kin is not None:
            continue
        if not any(s < found[1] and found[0] < e for s, e in table.mention_actor):
            table.refer(target, *found)


#: a speaker who speaks for a client
_COUNSEL = lexicons.word_set("actors", "counsel")


def client_of(doc: Doc, table: ActorTable, aid: str) -> str | None:
    """ "Daniel Ruiz's lawyer, Mark Olsen": a lawyer's "we" is the client who owns the word."""
    for m in table.get(aid).mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.lower_ not in _COUNSEL:
            continue
        owner = next((c for c in span.root.children if c.dep_ == "poss"), None)
        client = table.at(owner.idx, owner.idx + len(owner)) if owner is not None else None
        if client is not None and client != aid and table.get(client).kind in ("person", "group"):
            return client
    return None
