"""Complement clauses of stance verbs: what is asked for after "for" ("asking for them to
negotiate"), a participle clause ("ordered Warner jailed"), a subjunctive that-clause, a clause
after an addressee, a to-clause the parser misread, questions, and an "as" phrase that says
what the holder takes the object for."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import _NAMING, _QUESTION_WORDS, _VERBS
from claimx.extractors.stances.parse import (
    _children,
    _contiguous,
    _edges,
    _is_relative,
    _subtree_span,
    misread_relative,
)


def _for_to_clause(verb: Token) -> tuple[tuple[int, int] | None, Token | None] | None:
    """ "We're asking for them to negotiate": "for" opens a clause with its own subject and a
    to-infinitive; what is asked for is that clause."""
    for clause in _children(verb, "advcl"):
        mark = next((m for m in _children(clause, "mark") if m.lower_ == "for" and m.i > verb.i), None)
        if mark is not None and _has_to(clause) and _children(clause, "nsubj", "nsubjpass"):
            return _edges(_contiguous(verb.doc, mark.i + 1, clause.right_edge.i)), mark
    return None


def _small_clause(verb: Token) -> tuple[tuple[int, int] | None, Token | None] | None:
    """ "ordered Warner jailed in lieu of bond": a participle with its own subject and no
    auxiliary after the verb is what is ordered, kept whole."""
    for clause in _children(verb, "ccomp", "xcomp", "oprd"):
        # "wanted it frozen" with the participle tagged an adjective
        participle = clause.tag_ in ("VBN", "VBD") or (clause.tag_ == "JJ" and clause.lower_.endswith(("ed", "en")))
        if clause.i < verb.i or not participle or _children(clause, "aux", "auxpass", "mark"):
            continue
        if _children(clause, "nsubj", "nsubjpass"):
            return _subtree_span(clause), None
    for obj in _children(verb, "dobj"):  # "ordered the documents released"
        if any(c.dep_ == "nummod" for c in obj.children):
            continue  # "ordered six MD-82s valued at 150 mln dlrs": a purchase
        part = next((c for c in _children(obj, "acl") if c.tag_ == "VBN" and c.i == obj.right_edge.i), None)
        if part is None:
            part = next((c for c in _children(obj, "acl") if c.tag_ == "VBN" and c.left_edge.i == c.i), None)
        if part is not None and part.i > obj.i and not _children(part, "agent"):
            return _edges(_contiguous(verb.doc, obj.left_edge.i, part.right_edge.i)), None
    return None


def _subjunctive(clause: Token) -> bool:
    """ "insisted that management withdraw the notices", "that class sizes be capped": a
    that-clause whose verb is a bare base form after a third-person subject (a mandate),
    not a statement ("insisted that the job was safe")."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("i", "you"):
        return False
    if any(c.dep_ == "aux" and c.i < clause.i and c.tag_ != "TO" for c in clause.children):
        return False
    if clause.lower_ == "be" or any(c.dep_ == "auxpass" and c.lower_ == "be" for c in clause.children):
        return True  # "that class sizes be capped", "that the workers be paid"
    # a bare base form after a singular subject ("that management withdraw"); after a
    # plural one it reads as a present tense
    return clause.tag_ == "VB" and (subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it"))


def _told_clause(verb: Token) -> tuple[tuple[int, int] | None, Token | None] | None:
    """ "warned Bath (that) they had until next week to ...": the clause after the addressee,
    also when the parser hung it on a name as a relative clause without a relative word."""
    objs = _children(verb, "dobj")
    if not objs:
        return None
    for cc in _children(verb, "ccomp"):
        if cc.i > objs[0].i:
            return _subtree_span(cc), None
    for rel in _children(objs[0], "relcl"):
        if objs[0].pos_ == "PROPN" and not any(_is_relative(c) for c in rel.children) and _children(rel, "nsubj"):
            return _subtree_span(rel), None
    return None


def _has_to(clause: Token) -> bool:
    return any(c.tag_ == "TO" and c.i < clause.i for c in clause.children)


def _to_misparsed(verb: Token, obj: Token) -> tuple[int, int] | None:
    """ "urged the finance chiefs to write off African debt" with "to" taken for a
    preposition: the demanded act runs from the verb after "to" to the end of the clause."""
    doc = verb.doc
    k = obj.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ != "to" or doc[k].head.i != verb.i or doc[k + 1].tag_ != "VB":
        return None
    return _edges(_contiguous(doc, k + 1, verb.right_edge.i))


def _asks_question(verb: Token) -> bool:
    """ "say whether ...", "disclose which bid ...": a complement that is a question."""
    for c in verb.children:
        first = c.doc[c.left_edge.i]
        if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl") and c.i > verb.i and first.lower_ in _QUESTION_WORDS:
            return True
    return False


def _opens_question(clause: Token) -> bool:
    """ "whether she would vote", "how labels can embrace X": the clause opens with a
    question word; "when talks resume, ..." opens an adverbial clause inside it instead."""
    first = clause.doc[clause.left_edge.i]
    if misread_relative(clause) is not None:
        return False  # "an Oscar which he refused": a relative clause
    return first.lower_ in _QUESTION_WORDS and (first.i == clause.i or first.head.dep_ != "advcl")


def _without_as(obj: Token, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "dismissed Western calls for a ceasefire as propaganda": the "as" phrase says what
    the holder takes the object for; it is no part of the object ("such as" is)."""
    if span is None:
        return None
    for tok in obj.subtree:
        if tok.lower_ == "as" and tok.dep_ == "prep" and tok.i > obj.i and tok.doc[tok.i - 1].lower_ != "such":
            end = tok.doc[tok.i - 1]
            while end.i > obj.i and (end.is_punct or end.is_space):
                end = end.doc[end.i - 1]
            return span[0], min(span[1], end.idx + len(end))
    return span


def _opens_sentence(tok: Token) -> bool:
    """ "What we propose is ...": the word opens its sentence (after a quote mark at most)."""
    return tok.i == tok.sent.start or all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start : tok.i])


def _shifted_object(verb: Token) -> tuple[int, int] | None:
    """ "rejected as 'unacceptable' a UN demand to halt enrichment": the object moved after
    the "as" phrase, which the parser read as the preposition's object; it starts at its
    determiner."""
    for prep in _children(verb, "prep"):
        pobj = next(iter(_children(prep, "pobj")), None)
        if prep.lower_ != "as" or pobj is None or pobj.pos_ != "NOUN":
            continue
        det = next((c for c in pobj.children if c.dep_ == "det"), None)
        adj = next((c for c in pobj.children if c.dep_ == "amod"), None)
        if det is not None and adj is not None and adj.i < det.i:
            return _edges(_contiguous(verb.doc, det.i, pobj.right_edge.i))
    return None


def named_object(verb: Token) -> tuple[tuple[int, int] | None, Token] | None:
    """ "rejected what it called an insulting offer", "what it described as interference": a
    free relative with a naming verb; the span from "what" on, and the noun it names."""
    for cc in _children(verb, "ccomp"):
        what = next((c for c in _children(cc, "dobj") if c.lower_ == "what" and c.i == cc.left_edge.i), None)
        if what is None or cc.lemma_.lower() not in _NAMING or cc.i < verb.i:
            continue
        named = next(iter(_children(cc, "oprd")), None)
        as_ = next((p for p in _children(cc, "prep") if p.lower_ == "as"), None)
        if named is None and as_ is not None:
            named = next(iter(_children(as_, "pobj")), None)
        if named is not None:
            return _subtree_span(cc), named
    return None


def displaced_infinitives(verb: Token) -> list[Token]:
    """ "agreed in January to lower the ceiling", "voted on Tuesday to reject X": a to-clause
    after a phrase the verb carries (a time, a place, an adverb), which the parser hung on the
    verb as an adverbial clause; the verb's complement, as an ``xcomp`` would be."""
    out = []
    for clause in _children(verb, "advcl"):
        if clause.i < verb.i or not _has_to(clause) or _children(clause, "nsubj", "nsubjpass", "mark"):
            continue
        between = [c for c in verb.children if verb.i < c.i < clause.left_edge.i]
        covered = sum(c.right_edge.i - c.left_edge.i + 1 for c in between)
        phrases = all(c.dep_ in ("prep", "advmod", "npadvmod") for c in between)
        if between and phrases and covered == clause.left_edge.i - verb.i - 1:
            out.append(clause)
    return out


def _states_a_fact(verb: Token, obj: Token) -> bool:
    """ "denied claims that he faked a crash": a lexicon verb marked ``facts`` with a noun
    carrying a that-clause disputes a fact, it takes no position."""
    entry = _VERBS.get(verb.lemma_.lower(), {})
    if not entry.get("facts"):
        return False
    return any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in obj.children)


def participle_frame(verb: Token, frames: list[str]) -> str | None:
    """ "students opposed to tuition fees", "campaigners opposed to the use of X": a participle
    after a noun, with no "by" agent and a "to"/"against" of one of its frames right after
    it, says where the noun stands (no passive); that frame, for :func:`participle_holder`."""
    if verb.tag_ != "VBN" or verb.i == 0 or _children(verb, "agent", "aux", "auxpass", "nsubj", "nsubjpass"):
        return None
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.dep_ != "prep" or after.lower_ not in ("to", "against"):
        return None
    pobj = next(iter(_children(after, "pobj")), None)
    if f"prep:{after.lower_}" not in frames or pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
        return None
    return f"prep:{after.lower_}" if participle_holder(verb) is not None else None


def participle_holder(verb: Token) -> Token | None:
    """The noun a participle of :func:`participle_frame` is said of, also where the parser
    hung the participle elsewhere ("dubbed X by campaigners opposed to ...")."""
    prev = verb.doc[verb.i - 1]
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return prev if verb.dep_ in ("oprd", "dep", "advcl") and prev.pos_ in ("NOUN", "PROPN") else None


def unaddressed(verb: Token) -> list[Token]:
    """Of the parties ``verb`` would ask to act in "need X to V" (its object, or the subject of
    a to-clause the parser made its complement: "need more doctors to treat patients"), the
    ones that are no :func:`_addressed` party."""
    objects = _children(verb, "dobj")
    for clause in _children(verb, "ccomp"):
        if any(c.tag_ == "TO" for c in clause.children):
            objects += _children(clause, "nsubj")
    return [o for o in objects if not _addressed(o)]


def _addressed(obj: Token) -> bool:
    """``obj`` is a party asked to act ("need the Lords to", "need you to", "need Iran's
    leaders to"), not a resource with a purpose ("need more doctors to treat patients", "will
    need two new players to challenge for the title"): a pronoun, a name or a definite noun."""
    if not _plausible_actor(obj):
        return False
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in obj.children)
    return obj.pos_ in ("PRON", "PROPN") or definite


_DEFINITE = frozenset(["the", "this", "that", "these", "those"])
