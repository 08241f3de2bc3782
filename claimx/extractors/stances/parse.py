"""Parse helpers for stances: spans of phrases, subjects, negation and modality, and the
record a rule produces."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimx.extractors.stances.lexicon import (
    _ACCUSING,
    _INANIMATE,
    _INFINITIVAL_RELATIVE,
    _MODAL_HEADS,
    _MODAL_NORM,
    _MODALS,
    _NEGATING_HEADS,
    _NEGATORS,
    _NOUNS,
    _REL_PRONOUNS,
    _SUBJ,
    _VERBS,
)
from claimx.nlp import syntax
from claimx.schema import ActorSpan


@dataclass
class _Raw:
    cue: tuple[int, int]
    lemma: str
    stance: str
    cue_type: str
    actor_tok: Token | None
    obj: tuple[int, int] | None
    negated: bool = False
    modality: str | None = None
    #: the holder when a rule knows it already (the speaker of a quote), else resolved
    #: from ``actor_tok``
    holder: ActorSpan | None = None
    #: the predicate the stance is stated on (a condition can attach to it)
    anchor: Token | None = None


# -- spans ---------------------------------------------------------------------------------


def _edges(toks: list[Token]) -> tuple[int, int] | None:
    """Character span of ``toks`` (in order), without spaces, edge punctuation, a leading
    "to"/"that"/conjunction."""
    toks = [t for t in toks if not t.is_space]
    while toks and (
        toks[0].is_punct or toks[0].dep_ in ("cc", "mark", "prep") or (toks[0].dep_ == "aux" and toks[0].tag_ == "TO")
    ):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _contiguous(doc: Doc, left: int, right: int) -> list[Token]:
    return [doc[i] for i in range(left, right + 1)]


def _subtree_span(tok: Token) -> tuple[int, int] | None:
    return _edges(_contiguous(tok.doc, tok.left_edge.i, tok.right_edge.i))


def _finite_conj(verb: Token) -> Token | None:
    """ "told ministries to curb spending and promised a review": a tensed verb the parser
    conjoined to an infinitive belongs to the clause above it."""
    if verb.tag_ != "VB" or not any(c.tag_ == "TO" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ")), None)


def _same_tense_above(verb: Token, node: Token) -> Token:
    """The verb above ``node`` in the tense of ``verb``, which it is conjoined with ("Mr
    Prentis said workers did not want to go on strike and called for talks": "said")."""
    start = node
    for _ in range(4):
        if node.tag_ == verb.tag_:
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return start


def _infinitive_span(verb: Token) -> tuple[int, int] | None:
    """A to-infinitive's span, ending before a tensed verb conjoined to it."""
    conj = _finite_conj(verb)
    if conj is None:
        return _subtree_span(verb)
    return _edges(_contiguous(verb.doc, verb.left_edge.i, conj.left_edge.i - 1))


def _np_span(tok: Token, clause: Token | None = None) -> tuple[int, int] | None:
    """A noun phrase headed by ``tok`` (the stance object's own rule, unlike
    :func:`claimx.nlp.syntax.subtree_without_relative`): its subtree, cut before a relative clause set off by a
    comma ("the plan, which Hamas accepted") but keeping a restrictive one ("a deal that hurts
    farmers") — and before ``clause`` (the clause the phrase was reached from) when that
    hangs inside it."""
    right = tok.right_edge.i
    doc = tok.doc
    for sub in doc[tok.i + 1 : right + 1]:
        left = sub.left_edge.i
        if sub.dep_ == "relcl" and left > tok.i and doc[left - 1].text in (",", "(", "—", "–"):
            right = min(right, left - 1)
    if clause is not None and tok.i < clause.left_edge.i <= right:
        right = clause.left_edge.i - 1
    return _edges(_contiguous(tok.doc, tok.left_edge.i, max(tok.i, right)))


def _actor_np(tok: Token) -> tuple[int, int] | None:
    """An actor phrase: left dependents, compounds and appositions, not clauses or
    long prepositional tails."""
    return _edges(_contiguous(tok.doc, *syntax.phrase_tokens(tok, **syntax.ACTOR)))


def _children(tok: Token, *deps: str) -> list[Token]:
    return syntax.children(tok, *deps)


def _antecedent(rel: Token) -> Token | None:
    return syntax.antecedent(rel) or misread_relative(rel)


def misread_relative(verb: Token) -> Token | None:
    """ "winning him an Oscar in 1973 which he notoriously refused": a relative clause the
    parser read as a complement clause; it opens with "which"/"who" right after a noun (or a
    phrase on it), which is what the pronoun stands for."""
    if verb.dep_ != "ccomp" or verb.left_edge.i == 0:
        return None
    first = verb.doc[verb.left_edge.i]
    noun = verb.doc[first.i - 1]
    if first.lower_ not in ("which", "who", "whom") or first.head.i != verb.i or first.dep_ not in _SUBJ_OBJ:
        return None
    if _addressee(noun, verb.head):
        return None  # "would not tell journalists who she would support": a question told them
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.i > 0:
        noun = verb.doc[noun.head.i - 1]  # "an Oscar in 1973 which": the noun before the phrase
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i > verb.head.i else None


def _addressee(noun: Token, verb: Token) -> bool:
    """``noun`` is the only object of ``verb`` ("told journalists", "asked the minister"), so a
    question clause right after it is what the verb tells or asks them."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return noun.head.i == verb.i and [o.i for o in objects] == [noun.i]


_SUBJ_OBJ = ("nsubj", "nsubjpass", "dobj")


def _is_relative(tok: Token) -> bool:
    return syntax.is_relative(tok, _REL_PRONOUNS)


def stray_main_verb(verb: Token) -> Token | None:
    """ "Helen Marsh, general secretary of the union, called on ministers to ...": with the
    sentence's root left on the subject noun, the parser hung the main verb on it (or on a
    noun inside its apposition or relative clause) as a participle. The verb comes right
    after a comma, has no by-agent, and the root noun is its subject."""
    root = verb.sent.root
    if verb.dep_ != "acl" or root.pos_ not in ("NOUN", "PROPN") or _children(verb, "agent"):
        return None
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.dep_ == "advmod" and prev.i > 0:
        prev = verb.doc[prev.i - 1]  # "..., also rejected"
    if prev is None or prev.text != "," or not (root.left_edge.i <= verb.i <= root.right_edge.i) or root.i > verb.i:
        return None
    return root


#: words that open a clause and that the parser also reads as prepositions
_SUBORDINATORS = frozenset(["after", "before", "since", "until", "as", "because", "once", "while", "when"])


def _subordinated_subject(verb: Token) -> Token | None:
    """ "... after England sought a second opinion": a finite verb with no subject, right
    after a noun the parser took for the object of the subordinator that opens its clause."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    opener = prev.head
    if prev.dep_ != "pobj" or prev.pos_ not in ("NOUN", "PROPN") or opener.lower_ not in _SUBORDINATORS:
        return None
    return prev if opener.head.i in (verb.i, verb.head.i) else None


def _joined_subject(verb: Token) -> Token | None:
    """ "The market has its problems and analysts warn that ...": a conjoined verb with no
    subject of its own, right after a noun the parser joined to the first verb's object; that
    noun is the subject of the second clause."""
    if verb.dep_ != "conj" or _children(verb, "nsubj", "nsubjpass") or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ != "conj" or prev.tag_ not in ("NNS", "NNPS", "NNP"):
        return None
    joined = prev.head
    while joined.dep_ == "conj" and joined.head.i != joined.i:
        joined = joined.head
    if joined.dep_ not in ("dobj", "attr") or joined.head.i != verb.head.i:
        return None
    return prev if any(c.dep_ == "cc" and joined.i < c.i < prev.i for c in joined.subtree) else None


def _bare_participle(clause: Token) -> bool:
    """ "unless extended", "unless otherwise stated": a participle with no subject or
    auxiliary of its own, no clause a party meets."""
    own = ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
    return clause.tag_ == "VBN" and not any(c.dep_ in own for c in clause.children)


def _passive(verb: Token) -> bool:
    if _children(verb, "nsubjpass", "auxpass"):
        return True
    if stray_main_verb(verb) is not None:
        return False
    # "the plan backed by Sony"; "had one takeover attempt turned down by United" (tagged VBD)
    return verb.dep_ == "acl" and (verb.tag_ == "VBN" or bool(_children(verb, "agent")))


def _agent(verb: Token) -> Token | None:
    return syntax.agent(verb)


def lifted_conj(verb: Token) -> Token | None:
    """ "Mr Brown denied his forecasts were too optimistic - but refused to rule out tax
    rises": a conjunct with no subject that the parser hung on the verb of a reported clause
    with a subject of its own; in the tense of the verb that reports the clause, it is that
    verb's conjunct (Mr Brown refused)."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i == head.i or _children(verb, *_SUBJ):
        return None
    upper = head.head
    joined = any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
    subjects = _children(head, "nsubj", "nsubjpass")
    if not joined or verb.tag_ != upper.tag_ or upper.pos_ != "VERB" or not subjects:
        return None
    # "said the chairman denied the claims but refused to resign": a clause subject that can
    # refuse is the conjunct's own; only a thing ("his forecasts") or a position ("the offer") is not
    return upper if all(_no_party(s) for s in subjects) else None


def _no_party(tok: Token) -> bool:
    """A subject that holds no position: a thing (``inanimate_subjects``) or a stance noun."""
    lemma = tok.lemma_.lower()
    return lemma in _INANIMATE or tok.lower_ in _INANIMATE or lemma in _NOUNS


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the verb it is conjoined with or that governs
    it (:func:`claimx.nlp.syntax.subject`)."""
    upper = lifted_conj(verb)
    if upper is not None:
        return _subject(upper)
    head = verb.head
    conj = _finite_conj(head) if verb.dep_ == "conj" and head.dep_ == "xcomp" else None
    if conj is not None and conj.i == verb.i:
        return _subject(_same_tense_above(verb, head.head))  # "He told X to curb spending and promised"
    found = _joined_subject(verb) or syntax.subject(verb, relatives=_REL_PRONOUNS)
    if found is None or verb.dep_ == "acl":
        found = stray_main_verb(verb) or found
    if found is None:
        found = _subject_on_auxiliary(verb) or _subordinated_subject(verb)
    if found is None and verb.dep_ == "advcl" and verb.head.i != verb.i and _purpose(verb):
        # "He travelled to Uganda to plead for the life of X": the traveller pleads
        found = syntax.subject(verb.head, relatives=_REL_PRONOUNS)
    if found is None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "Brando is said to have turned down the role": the raised subject of the passive
        found = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    if found is None and verb.dep_ == "pcomp" and verb.tag_ in ("VBG", "VBN") and verb.head.dep_ == "prep":
        found = _gerund_subject(verb)
    if found is None:
        found = _set_off_subject(verb) or _infinitival_relative(verb)
    node = verb
    while found is None and node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            found = node.head  # "unions representing 4.5m workers to threaten united action"
    if found is None and node.dep_ == "ccomp" and node.head.lemma_.lower() == "tell":
        # "Monsod told Reuters Ongpin had decided not to insist on X": the name the parser took
        # for the addressee, right before the clause, is its subject
        obj = next((c for c in node.head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.i + 1 == node.left_edge.i and obj.pos_ == "PROPN":
            found = obj
    return found


#: relative pronouns that open a clause set off by commas after the noun they stand for
_SET_OFF_RELATIVES = frozenset(["who", "whose", "which"])


def _set_off_subject(verb: Token) -> Token | None:
    """ "Redstone, who controls X, a theatre chain operator, offered to ...", "The home
    secretary, whose blueprint is expected on Monday, also rejected ...": a finite verb with
    no subject right after a relative clause set off by commas, which the parser took for the
    main clause or hung elsewhere; the noun before the clause is the verb's subject."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or bool(_children(verb, "aux"))
    if not finite or verb.dep_ not in ("ROOT", "dep", "conj") or _children(verb, "nsubj", "nsubjpass", "expl"):
        return None
    doc, i = verb.doc, verb.i - 1
    while i > verb.sent.start and doc[i].dep_ in ("advmod", "aux", "neg") and doc[i].head.i == verb.i:
        i -= 1  # "..., also rejected", "..., has proposed"
    if i < verb.sent.start or doc[i].text != ",":  # (a verb opening the text: no doc[-1])
        return None
    for j in range(i - 1, max(verb.sent.start + 1, i - 40), -1):
        if doc[j].text in (";", ":", "."):
            return None
        if doc[j].lower_ in _SET_OFF_RELATIVES and doc[j - 1].text == ",":
            noun = doc[j - 2]
            return noun if noun.pos_ in ("NOUN", "PROPN") else None
    return None


def _infinitival_relative(verb: Token) -> Token | None:
    """ "Lord Walker, the one law lord to oppose the appeal", "the first Democrat to back the
    bill": a to-clause on a noun marked by "only", "first", "one" ... says what the noun (or
    the name it stands beside) did."""
    head = verb.head
    if verb.dep_ != "acl" or not any(c.tag_ == "TO" for c in verb.children) or head.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = [head, *(c for c in head.children if c.dep_ == "appos")]
    nouns += [g for n in nouns[1:] for g in n.children if g.dep_ == "appos"]
    # the noun the marker is on: "the one law lord", not the name beside it
    noun = next((n for n in nouns if any(m.lower_ in _INFINITIVAL_RELATIVE for m in n.lefts)), None)
    while noun is not None and noun.i + 1 < len(noun.doc):
        nxt = noun.doc[noun.i + 1]  # "law lord" read as two nouns in apposition: its last word
        if nxt.head.i != noun.i or nxt.dep_ not in ("appos", "compound") or nxt.pos_ not in ("NOUN", "PROPN"):
            break
        noun = nxt
    return noun


def _purpose(verb: Token) -> bool:
    """A to-infinitive of purpose with no subject or marker of its own."""
    to = any(c.tag_ == "TO" and c.i < verb.i for c in verb.children)
    return to and not _children(verb, "nsubj", "nsubjpass", "mark")


def _subject_on_auxiliary(verb: Token) -> Token | None:
    """ "the UK was prepared to veto X" with "UK" hung on "was": a subject the parser
    attached to an auxiliary of the verb (or of the verb its complement hangs on)."""
    node = verb
    for _ in range(4):
        for aux in _children(node, "aux", "auxpass"):
            sub = next(iter(_children(aux, "nsubj", "nsubjpass")), None)
            if sub is not None:
                return sub
        if node.dep_ not in ("xcomp", "conj", "acomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _gerund_subject(verb: Token) -> Token | None:
    """ "walked out after rejecting the offer", "by refusing to sign": the subject of the
    clause the preposition hangs on; "accused the FNV of refusing to alter its stance": the
    one accused (not after "without", which says it did not happen)."""
    prep, above = verb.head, verb.head.head
    if above.i == prep.i or above.pos_ not in ("VERB", "AUX"):
        return None
    if prep.lower_ in ("of", "in") and above.lemma_.lower() in _ACCUSING:
        # "accused the FNV of intransigence in refusing to alter its stance": the one accused
        return next((c for c in above.children if c.dep_ == "dobj"), None)
    if prep.lower_ == "as":
        # "the FSA was reported as having asked firms to pay", "described X as refusing to ..."
        return next((c for c in above.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if verb.tag_ != "VBG":
        return None
    if prep.lower_ in ("after", "before", "by", "while", "since", "upon", "on", "in"):
        return syntax.subject(above, relatives=_REL_PRONOUNS)
    if prep.lower_ == "for":  # "suspended the association for refusing to deselect X"
        return next((c for c in above.children if c.dep_ == "dobj" and c.i < prep.i), None)
    return None


def _negating(c: Token) -> bool:
    """ "not", "never", and "no longer" ("The mayor no longer supports the project")."""
    if c.dep_ == "neg" or (c.lower_ in _NEGATORS and c.dep_ in ("advmod", "det")):
        return True
    return c.lower_ == "longer" and c.dep_ == "advmod" and any(g.lower_ in _NEGATORS for g in c.children)


def _negated(verb: Token) -> bool:
    for c in verb.children:
        if _negating(c):
            return True
    head = verb.head
    if verb.dep_ == "acomp" and head.i != verb.i:  # "Japan is not opposed to X"
        return any(c.dep_ == "neg" for c in head.children)
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if head.lemma_.lower() in _NEGATING_HEADS and head.lemma_.lower() not in _VERBS:
            return True
        if head.lemma_.lower() in _MODAL_HEADS or head.pos_ == "ADJ":
            # "was not able to accept": the "not" on the copula of the adjective
            copula = head.head if head.dep_ == "acomp" and head.head.i != head.i else head
            return any(c.dep_ == "neg" for c in (*head.children, *copula.children))
    return False


def _modality(verb: Token) -> tuple[str | None, Token | None]:
    """The modal verb on ``verb`` (or on the verb it is conjoined with), or a readiness
    head it is the complement of."""
    node = verb
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ in _MODALS:
                return _MODAL_NORM.get(c.lower_, c.lower_), c
        if node.dep_ == "conj" and node.head.i != node.i and not _children(node, "nsubj"):
            node = node.head
            continue
        break
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        head = verb.head
        word = _MODAL_HEADS.get(head.lemma_.lower())
        if word is not None:
            return word, None
    return None, None


def _negator(verb: Token) -> Token | None:
    """The word that negates ``verb``: its own "not"/"never", else the head it is the
    complement of ("failed to accept", "is not ready to accept")."""
    for c in verb.children:
        if _negating(c):
            return next((g for g in c.children if g.lower_ in _NEGATORS), c)
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if head.lemma_.lower() in _NEGATING_HEADS:
            return head
        return next((c for c in head.children if c.dep_ == "neg"), None)
    return None


def fold_negated_accept(raw: _Raw, tok: Token) -> None:
    """ "cannot support the plan", "has not accepted the offer", "never endorsed it": a
    refused acceptance is a rejection, and the negation belongs in the cue (the stance is
    not the reporter's negated acceptance). Negated rejections keep ``negated`` ("did not
    rule out X")."""
    if raw.stance != "accept" or not raw.negated:
        return
    raw.stance = "reject"
    raw.negated = False
    raw.lemma = f"not {raw.lemma}"
    neg = _negator(tok)
    if neg is not None and neg.i < tok.i and neg.idx < raw.cue[0] and tok.i - neg.i <= 4:
        raw.cue = (neg.idx, raw.cue[1])
