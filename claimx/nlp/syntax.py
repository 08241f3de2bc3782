"""Parse helpers shared by the extraction families: one home for the noun phrase, the
subject and the antecedent of a relative clause.

The families do not all want the same phrase around a noun (a speaker, an actor, a stance's
object, what a figure counts); where they differ, the difference is a parameter here, named
and documented, rather than another copy in the family's module.
"""

from __future__ import annotations

from collections.abc import Collection, Container

from spacy.tokens import Token

#: the relative pronouns that may stand for a clause's subject: not the speaker
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def children(tok: Token, *deps: str) -> list[Token]:
    """``tok``'s children with one of the dependency labels ``deps``, in order."""
    return [c for c in tok.children if c.dep_ in deps]


def phrase_tokens(
    tok: Token,
    *,
    left: Container[str] | None = None,
    left_skip: Container[str] = (),
    right: Container[str] = (),
    right_preps: Container[str] = (),
    stop: Container[str] = (),
) -> tuple[int, int]:
    """First and last token index (both included) of the phrase headed by ``tok``.

    On the left it takes the whole subtree of each left dependent whose label is in ``left``
    (every left dependent when ``left`` is None) and not in ``left_skip``. On the right it
    walks the right dependents in order, stops at the first whose label is in ``stop``, and
    takes the subtree of those whose label is in ``right`` or that are a preposition
    (``prep``) whose word is in ``right_preps``."""
    first = min(
        [tok.i] + [c.left_edge.i for c in tok.lefts if (left is None or c.dep_ in left) and c.dep_ not in left_skip]
    )
    last = tok.i
    for child in tok.rights:
        if child.dep_ in stop:
            break
        if child.dep_ in right or (child.dep_ == "prep" and child.lower_ in right_preps):
            last = max(last, child.right_edge.i)
    return first, last


#: a speaker ("Egypt's Foreign Minister Sameh Shoukry, who ..."): left dependents and
#: appositions, prepositions and modifiers on the right, up to a clause or a conjunct
SPEAKER = {
    "right": frozenset({"appos", "prep", "compound", "amod", "nummod", "poss"}),
    "stop": frozenset({"relcl", "acl", "punct", "cc", "conj"}),
}
#: an actor taking a stance: no punctuation on the left, only "of" among the prepositions
ACTOR = {
    "left_skip": frozenset({"punct"}),
    "right": frozenset({"compound", "appos", "nummod", "flat"}),
    "right_preps": frozenset({"of"}),
    "stop": frozenset({"relcl", "acl", "cc", "conj", "punct"}),
}
#: the head noun of an official or anonymous source, with its modifiers to the left only
MENTION = {
    "left": frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod"}),
    "right": frozenset(),
    "stop": frozenset(),
}


def speaker_span(tok: Token) -> tuple[int, int]:
    """Character span of a speaker's noun phrase (:data:`SPEAKER`), trailing punctuation
    dropped."""
    first, last = phrase_tokens(tok, **SPEAKER)
    doc = tok.doc
    while last > first and doc[last].is_punct:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def subtree_without_relative(tok: Token, clause: Token | None = None) -> tuple[int, int]:
    """First and last token index of ``tok``'s subtree cut before a relative clause on its
    right, and before ``clause`` (the clause the phrase was reached from) when that hangs
    inside it; never shorter than ``tok`` itself."""
    right = tok.right_edge.i
    for child in tok.rights:
        if child.dep_ == "relcl":
            right = min(right, child.left_edge.i - 1)
    if clause is not None and tok.i < clause.left_edge.i <= right:
        right = clause.left_edge.i - 1
    return tok.left_edge.i, max(tok.i, right)


_MODIFIERS = ("amod", "compound", "nmod")


def modified_noun_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun with the adjective and compound modifiers right before it
    (no determiner): what a figure counts ("Palestinian deaths")."""
    start = tok.i
    doc = tok.doc
    for ch in sorted(tok.lefts, key=lambda t: -t.i):
        if (ch.dep_ in _MODIFIERS and ch.i == start - 1) or (
            ch.dep_ in (*_MODIFIERS, "punct")
            and ch.i < start
            and all(doc[k].dep_ in (*_MODIFIERS, "punct", "advmod") for k in range(ch.i, start))
        ):
            start = ch.i
        else:
            break
    return doc[start].idx, tok.idx + len(tok)


# -- relative clauses ----------------------------------------------------------------------


def is_relative(tok: Token, pronouns: Container[str]) -> bool:
    """A relative pronoun ("which", "who") among ``pronouns``."""
    return tok.lower_ in pronouns and tok.tag_ in RELATIVE_TAGS


def antecedent(verb: Token, *, people: Collection[str] = ("PERSON",)) -> Token | None:
    """The noun a relative clause's verb hangs on (climbing conjoined and complement verbs
    to the clause). "which" does not refer to a person: in "the plan proposed by Donald
    Trump, which Hamas accepted" it climbs to "plan" (entity labels ``people``)."""
    # spaCy makes a new Token on each access: compare positions, never identity
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in ("relcl", "acl"):
        return None
    head = verb.head
    pron = next((c for c in verb.children if c.lower_ in ("which",)), None)
    if pron is not None and head.ent_type_ in people:
        node = head
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("NOUN", "PROPN") and node.ent_type_ not in people:
                return node
        return head
    return head


def counted_antecedent(tok: Token) -> Token | None:
    """The plural noun a relative clause holding ``tok`` describes ("hostages" for "20 of
    whom"), else the last plural noun before ``tok`` in its sentence. Unlike
    :func:`antecedent`, it starts from any token and wants a plural (what is counted)."""
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            if anc.head.tag_ in ("NNS", "NNPS"):
                return anc.head
            break
    sent_start = tok.sent.start if tok.doc.has_annotation("SENT_START") else 0
    for k in range(tok.i - 1, sent_start - 1, -1):
        t = tok.doc[k]
        if t.tag_ in ("NNS", "NNPS") and t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


# -- subjects ------------------------------------------------------------------------------


def subject(verb: Token, *, relatives: Container[str], depth: int = 0) -> Token | None:
    """The subject (``nsubj``) of ``verb``, borrowed from the verb it is conjoined with or
    that governs it ("Hamas rejected X and accepted Y", "Hamas is ready to accept Y"); a
    relative pronoun among ``relatives`` stands for the clause's :func:`antecedent`."""
    if depth > 6:
        return None
    subs = children(verb, "nsubj")
    if subs:
        sub = subs[0]
        if is_relative(sub, relatives):
            return antecedent(verb)
        return sub
    if verb.head.i == verb.i:
        return None
    if verb.dep_ in ("conj", "xcomp", "acomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return subject(verb.head, relatives=relatives, depth=depth + 1)
    if verb.dep_ == "relcl":
        return antecedent(verb)
    return None


def speaker(verb: Token, *, cues: Container[str]) -> Token | None:
    """Who speaks through ``verb``: its nearest subject that is no relative pronoun (active
    or passive); else, for a verb without one, the subject of the verb it hangs on — a
    participle ("..., arguing that ...") the subject of the nearest verb above it whose lemma
    is in ``cues`` — or a noun right before a finite verb the parser hung elsewhere
    ("..., an Egyptian source told Xinhua"). Unlike :func:`subject`, it reads passive
    subjects and does not follow "xcomp"'s adjectival cousins ("acomp")."""
    subjects = children(verb, "nsubj", "nsubjpass")
    # "which Israeli authorities said": the relative pronoun is not the speaker
    named = [c for c in subjects if c.tag_ not in ("WDT", "WP", "EX")]
    if named:
        return min(named, key=lambda c: abs(c.i - verb.i))
    if subjects:
        return subjects[0]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            return None
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # the participle goes with the nearest speech verb above it, not with the
            # reported clause's subject
            head = verb.head
            while head.head.i != head.i:
                if head.lemma_.lower() in cues and head.i < verb.i:
                    found = speaker(head, cues=cues)
                    if found is not None:
                        return found
                head = head.head
        if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            return noun_before(verb)
        if verb.dep_ == "conj" and not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
            # no "and" between them: "..., an Egyptian source told Xinhua" parsed as a conjunct
            found = noun_before(verb)
            if found is not None:
                return found
        return speaker(verb.head, cues=cues)
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return noun_before(verb)
    return None


def noun_before(verb: Token) -> Token | None:
    """The noun right before ``verb`` when the parser hung it elsewhere (not an object)."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ in ("NOUN", "PROPN", "PRON") and prev.dep_ not in ("dobj", "pobj"):
        return prev
    return None


def agent(verb: Token) -> Token | None:
    """The agent of a passive verb: the object of its "by" ("rejected by Hamas")."""
    for child in children(verb, "agent"):
        for g in children(child, "pobj"):
            return g
    return None
