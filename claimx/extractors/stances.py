"""Stances: demands, rejections, acceptances (and threats, warnings, proposals, conditions)
taken by an actor toward something.

Cues are read from the dependency parse; which verbs and nouns count, and which of their
complements carry the object, is data in ``models/stances.json``:

* verbs — "Hamas demands X", "the group insisted on X", "urged Israel to withdraw", passives
  ("X was rejected by Hamas"), relative clauses ("the plan, which Hamas accepted": the object
  is the antecedent), conjoined verbs sharing a subject ("rejected X but accepted Y");
* nouns — "Hamas's demand for X", "Israel's rejection of Y", "Hamas demands for X";
* conditions — "would only ... once X", "unless X".

Negation is recorded, not folded into the type: "did not reject X" gives ``stance
["reject"]`` with ``negated=True`` — read it as "the actor is reported *not* to reject X".
Modality is the modal verb ("would welcome" -> ``"would"``) or a readiness head ("is ready
to accept" -> ``"ready"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from claimx import data as lexicons
from claimx.extractors.actors import ActorTable, entity_kind
from claimx.nlp import syntax
from claimx.nlp.spans import clean_text, make_span, sentence_index
from claimx.nlp.tokens import positions
from claimx.schema import ActorKind, ActorSpan, Cue, Span, Stance

_LEX: dict[str, Any] = lexicons.load("stances")
_VERBS: dict[str, dict[str, Any]] = _LEX["verbs"]
_NOUNS: dict[str, dict[str, Any]] = _LEX["nouns"]
_CANDIDATE_LEMMAS = frozenset(_VERBS) | frozenset(_NOUNS)
_ADVCL = frozenset({"advcl"})
_NOUN_ACTOR_PREPS = frozenset(_LEX["noun_actor_preps"])
_EXCLUDED_PRT: dict[str, list[str]] = _LEX["excluded_particles"]
_IGNORED_XCOMP = frozenset(_LEX["ignored_xcomp"])
_NEGATORS = frozenset(_LEX["negators"])
_NEGATING_HEADS = frozenset(_LEX["negating_heads"])
_MODALS = frozenset(_LEX["modals"])
_MODAL_NORM: dict[str, str] = {"'d": "would", "'ll": "will", "wo": "will", "ca": "can"}
_MODAL_HEADS: dict[str, str] = _LEX["modal_heads"]
_COND: dict[str, list[str]] = _LEX["condition"]
_COND_MARKS = frozenset(_COND["marks"])
_COND_ALWAYS = frozenset(_COND["always"])
_COND_FOCUS = frozenset(_COND["focus"])
_REL_PRONOUNS = frozenset(_LEX["relative_pronouns"])
_POSS_PRONOUNS: dict[str, str] = _LEX["possessive_pronouns"]
_INANIMATE = frozenset(_LEX["inanimate_subjects"])
_HYPOTHETICAL = frozenset(_LEX["hypothetical_marks"])
_PRONOUN_KINDS: dict[str, list[str]] = lexicons.load("actors")["pronouns"]

_NOMINAL_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "poss", "npadvmod"])
_SUBJ = ("nsubj", "nsubjpass", "csubj")


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


def _np_span(tok: Token, clause: Token | None = None) -> tuple[int, int] | None:
    """A noun phrase headed by ``tok``: its subtree, cut before a relative clause — and
    before ``clause`` (the clause the phrase was reached from) when that hangs inside it."""
    return _edges(_contiguous(tok.doc, *syntax.subtree_without_relative(tok, clause)))


def _actor_np(tok: Token) -> tuple[int, int] | None:
    """An actor phrase: left dependents, compounds and appositions, not clauses or
    long prepositional tails."""
    return _edges(_contiguous(tok.doc, *syntax.phrase_tokens(tok, **syntax.ACTOR)))


# -- parse helpers -------------------------------------------------------------------------


def _passive(verb: Token) -> bool:
    return bool(syntax.children(verb, "nsubjpass", "auxpass")) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "neg" or (c.lower_ in _NEGATORS and c.dep_ in ("advmod", "det")):
            return True
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_.lower() in _NEGATING_HEADS and head.lemma_.lower() not in _VERBS:
            return True
        if head.lemma_.lower() in _MODAL_HEADS or head.pos_ == "ADJ":
            return any(c.dep_ == "neg" for c in head.children)
    return False


def _modality(verb: Token) -> tuple[str | None, Token | None]:
    """The modal verb on ``verb`` (or on the verb it is conjoined with), or a readiness
    head it is the complement of."""
    node = verb
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ in _MODALS:
                return _MODAL_NORM.get(c.lower_, c.lower_), c
        if node.dep_ == "conj" and node.head is not node and not syntax.children(node, "nsubj"):
            node = node.head
            continue
        break
    if verb.dep_ == "xcomp" and verb.head is not verb:
        head = verb.head
        word = _MODAL_HEADS.get(head.lemma_.lower())
        if word is not None:
            return word, None
    return None, None


# -- actors --------------------------------------------------------------------------------


def _fits(pron: str, noun: Token) -> bool:
    if noun.pos_ == "PRON" or syntax.is_relative(noun, _REL_PRONOUNS):
        return False
    person = noun.ent_type_ == "PERSON"
    if pron == "it":
        return not person and noun.tag_ in ("NN", "NNP")
    if pron == "they":
        return not person and (noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ in ("ORG", "GPE", "NORP"))
    if pron in ("he", "she"):
        return person or (noun.pos_ == "NOUN" and noun.tag_ == "NN")
    return False


def _clause_antecedent(pron: Token) -> Token | None:
    """ "The White House said it would ...", "the party reiterated its support": the
    subject of a clause above the pronoun, when it fits the pronoun."""
    key = _POSS_PRONOUNS.get(pron.lower_, pron.lower_)
    node = pron
    for _ in range(8):
        if node.head is node:
            break
        node = node.head
        for sub in syntax.children(node, "nsubj"):
            if sub.i < pron.i and sub is not pron and _fits(key, sub):
                return sub
    return None


def _kind_for(tok: Token) -> str:
    return entity_kind(tok.ent_type_)


def _actor_id(table: ActorTable, head: Token, np: tuple[int, int]) -> str | None:
    """The actor of a phrase: the mention on its head word ("Nigeria's president" is not
    Nigeria); the whole phrase only when its head is part of no mention and it holds no
    possessor."""
    aid = table.at(head.idx, head.idx + len(head))
    if aid is not None:
        return aid
    if any(c.dep_ == "poss" for c in head.children) or head.pos_ == "NOUN":
        return None
    return table.at(*np)


def _resolve(doc: Doc, table: ActorTable, tok: Token | None) -> ActorSpan | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" or tok.lower_ in _POSS_PRONOUNS:
        span = (tok.idx, tok.idx + len(tok))
        key = _POSS_PRONOUNS.get(tok.lower_, tok.lower_)
        kinds = _PRONOUN_KINDS.get(key)
        aid = table.at(*span)
        if aid is None:
            ante = _clause_antecedent(tok)
            np = _actor_np(ante) if ante is not None else None
            if ante is not None and np is not None:
                aid = _actor_id(table, ante, np)
                if aid is None:
                    aid = table.add(
                        np[0],
                        np[1],
                        name=clean_text(doc)[np[0] : np[1]],
                        kind=_kind_for(ante),
                        label=ante.ent_type_ or None,
                    )
            elif kinds is not None:
                aid = table.last_of(kinds, tok.idx)
            if aid is not None:
                table.refer(aid, *span)
    else:
        se = _actor_np(tok)
        if se is None:
            return None
        span = se
        aid = _actor_id(table, tok, span)
    kind = ActorKind(table.get(aid).kind) if aid is not None else None
    return ActorSpan(**make_span(doc, *span).model_dump(), actor=aid, kind=kind)


def _plausible_actor(tok: Token | None) -> bool:
    if tok is None:
        return True
    if tok.lemma_.lower() in _INANIMATE or tok.lower_ in _INANIMATE:
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "X") or bool(tok.ent_type_)


# -- verbs ---------------------------------------------------------------------------------


def _first_noun_child(verb: Token) -> Token | None:
    objs = syntax.children(verb, "dobj")
    if objs:
        return objs[0]
    for c in verb.children:
        if c.dep_ in ("dep", "oprd") and c.i > verb.i and c.pos_ in ("NOUN", "PROPN"):
            return c
    return None


def _clause_top(verb: Token) -> Token:
    while verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        verb = verb.head
    return verb


def _rel_object(verb: Token) -> Token | None:
    """ "which Hamas has accepted": the relative pronoun object stands for the antecedent."""
    for c in syntax.children(verb, "dobj"):
        if syntax.is_relative(c, _REL_PRONOUNS):
            return syntax.antecedent(verb)
    return None


def _noun_clause_tail(verb: Token, obj: Token) -> int | None:
    """ "rejected calls to reopen schools": a to-clause the parser hung on the verb that
    belongs to a stance noun right before it."""
    entry = _NOUNS.get(obj.lemma_.lower())
    if entry is None or not entry.get("clause"):
        return None
    nxt = obj.right_edge.i + 1
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == nxt and c.left_edge.tag_ == "TO":
            end = c.right_edge
            while end.i > c.i and end.is_punct:
                end = end.doc[end.i - 1]
            return end.idx + len(end)
    return None


def _object_of(verb: Token, frames: list[str]) -> tuple[tuple[int, int] | None, Token | None]:
    """The object span for the first frame that fits, and the preposition or particle
    that belongs in the cue."""
    doc = verb.doc
    passive = _passive(verb)
    for frame in frames:
        if frame in ("dobj", "prt") or frame.startswith("prt:"):
            if frame.startswith("prt:"):
                prts = [c for c in syntax.children(verb, "prt") if c.lower_ == frame[4:]]
                if not prts:
                    continue
                extra: Token | None = prts[0]
            else:
                extra = None
            rel = _rel_object(verb)
            if rel is not None:
                return _np_span(rel, _clause_top(verb)), extra
            if passive:
                subj = syntax.children(verb, "nsubjpass")
                if subj:
                    target = syntax.antecedent(verb) if syntax.is_relative(subj[0], _REL_PRONOUNS) else subj[0]
                    if target is not None:
                        return _np_span(target, _clause_top(verb)), extra
                if verb.dep_ == "acl" and verb.tag_ == "VBN":
                    return _np_span(verb.head, verb), extra
                continue
            obj = _first_noun_child(verb)
            if obj is not None:
                span = _np_span(obj)
                tail = _noun_clause_tail(verb, obj)
                if span is not None and tail is not None:
                    span = (span[0], max(span[1], tail))
                return span, extra
        elif frame == "dobj+xcomp":
            objs = syntax.children(verb, "dobj")
            xcs = syntax.children(verb, "xcomp", "ccomp")
            if objs and xcs and xcs[0].i > objs[0].i:
                return _edges(_contiguous(doc, objs[0].left_edge.i, xcs[0].right_edge.i)), None
            # "urged Israel to withdraw" parsed as a clause with its own subject
            for cc in syntax.children(verb, "ccomp"):
                if syntax.children(cc, "nsubj") and any(c.tag_ == "TO" for c in cc.children):
                    return _subtree_span(cc), None
        elif frame == "xcomp":
            for xc in syntax.children(verb, "xcomp"):
                if xc.i > verb.i and xc.lemma_.lower() not in _IGNORED_XCOMP and xc.pos_ in ("VERB", "AUX"):
                    return _subtree_span(xc), None
        elif frame == "ccomp":
            for cc in syntax.children(verb, "ccomp"):
                if cc.i > verb.i:
                    return _subtree_span(cc), None
        elif frame.startswith("prep:"):
            word, _, more = frame[5:].partition("+")
            for prep in syntax.children(verb, "prep"):
                if prep.lower_ != word:
                    continue
                pobj = next(iter(syntax.children(prep, "pobj", "pcomp")), None)
                if pobj is None:
                    continue
                if more == "xcomp":
                    xcs = [x for x in verb.children if x.dep_ in ("xcomp", "ccomp") and x.i > pobj.i]
                    xcs += [x for x in pobj.children if x.dep_ in ("acl", "relcl") and x.i > pobj.i]
                    if not xcs:
                        continue
                    return _edges(_contiguous(doc, pobj.left_edge.i, xcs[0].right_edge.i)), prep
                return _np_span(pobj), prep
    return None, None


def _cue_span(verb: Token, modal: Token | None, extra: Token | None) -> tuple[int, int]:
    start, end = verb.idx, verb.idx + len(verb)
    if modal is not None and modal.i < verb.i and verb.i - modal.i <= 3:
        between = verb.doc[modal.i + 1 : verb.i]
        if all(t.dep_ in ("aux", "neg", "advmod") for t in between):
            start = modal.idx
    if extra is not None and 0 < extra.i - verb.i <= 3:
        end = extra.idx + len(extra)
    return start, end


def _is_verb_use(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    # "Israel rejects Hamas demands for ...": a plural noun tagged VBZ
    return not (tok.tag_ == "VBZ" and tok.dep_ in _NOMINAL_DEPS and tok.dep_ != "ROOT")


def _hypothetical(verb: Token) -> bool:
    """Inside an "if"/"unless" clause: a supposition, not a position taken."""
    node = verb
    for _ in range(8):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in node.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _verb_stance(doc: Doc, verb: Token, entry: dict[str, Any]) -> _Raw | None:
    lemma = verb.lemma_.lower()
    if _hypothetical(verb):
        return None
    prts = [c.lower_ for c in syntax.children(verb, "prt")]
    if any(p in _EXCLUDED_PRT.get(lemma, []) for p in prts):
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "refuse" and lemma != "refuse":
        return None  # "refused to accept X" is the refusal's stance
    obj, extra = _object_of(verb, entry["frames"])
    if obj is None:
        return None
    actor_tok = syntax.agent(verb) if _passive(verb) else syntax.subject(verb, relatives=_REL_PRONOUNS)
    if actor_tok is None or not _plausible_actor(actor_tok):
        return None  # a stance is taken by somebody: "the plan was rejected" names nobody
    modality, modal_tok = _modality(verb)
    cue = _cue_span(verb, modal_tok, extra)
    cue_lemma = lemma if extra is None else f"{lemma} {extra.lower_}"
    return _Raw(
        cue=cue,
        lemma=cue_lemma,
        stance=entry["stance"],
        cue_type="verb",
        actor_tok=actor_tok,
        obj=obj,
        negated=_negated(verb),
        modality=modality,
    )


# -- nouns ---------------------------------------------------------------------------------


def _noun_actor(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for prep in syntax.children(noun, "prep"):
        if prep.lower_ in _NOUN_ACTOR_PREPS:
            pobj = next(iter(syntax.children(prep, "pobj")), None)
            if pobj is not None:
                return pobj
    for c in noun.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and (
            c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or c.pos_ == "PROPN"
        ):
            # the last word of the name is the head of its own little phrase
            return c
    return None


def _noun_stance(doc: Doc, noun: Token, entry: dict[str, Any]) -> _Raw | None:
    obj: tuple[int, int] | None = None
    for prep in syntax.children(noun, "prep"):
        if prep.lower_ in entry["preps"]:
            pobj = next(iter(syntax.children(prep, "pobj", "pcomp")), None)
            if pobj is not None:
                obj = _np_span(pobj)
                break
    if obj is None and entry.get("clause"):
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i:
                marks = [m for m in c.children if m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to")]
                if marks and not any(syntax.is_relative(x, _REL_PRONOUNS) for x in c.children):
                    obj = _subtree_span(c)
                    break
    if obj is None:
        return None
    actor_tok = _noun_actor(noun)
    if actor_tok is None:
        return None
    return _Raw(
        cue=(noun.idx, noun.idx + len(noun)),
        lemma=noun.lemma_.lower(),
        stance=entry["stance"],
        cue_type="noun",
        actor_tok=actor_tok,
        obj=obj,
    )


# -- conditions ----------------------------------------------------------------------------


def _condition(doc: Doc, clause: Token) -> _Raw | None:
    """ "Hamas would only release them once the offensive ends": a condition the actor sets."""
    if clause.dep_ != "advcl" or clause.head is clause:
        return None
    marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
    if not marks:
        return None
    mark = marks[0]
    before = doc[max(0, mark.i - 2) : mark.i].text.lower()
    word = mark.lower_
    if word == "as" and before.endswith("as long"):
        word = "as long as"
    if word not in _COND_MARKS:
        return None
    head = clause.head
    chain = [head]
    while chain[-1].dep_ == "xcomp" and chain[-1].head is not chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    head = chain[-1]
    focus = mark.i > 0 and doc[mark.i - 1].lower_ in _COND_FOCUS
    focus = focus or any(c.lower_ in _COND_FOCUS for h in chain for c in h.children if c.dep_ == "advmod")
    modality, _ = _modality(head)
    if not (focus or (word in _COND_ALWAYS and (modality or _negated(head)))):
        return None
    if modality is None and not focus:
        return None
    actor_tok = syntax.subject(head, relatives=_REL_PRONOUNS)
    if actor_tok is None or not _plausible_actor(actor_tok):
        return None
    obj = _edges([t for t in clause.subtree if t.i != mark.i])
    if obj is None:
        return None
    prev = doc[mark.i - 1] if mark.i > 0 else mark
    start = prev.idx if focus and prev.lower_ in _COND_FOCUS else mark.idx
    return _Raw(
        cue=(start, mark.idx + len(mark)),
        lemma=("only " if focus else "") + word,
        stance="condition",
        cue_type="condition",
        actor_tok=actor_tok,
        obj=obj,
        negated=False,
        modality=modality,
    )


# -- entry point ---------------------------------------------------------------------------


def _candidates(doc: Doc) -> list[_Raw]:
    out: list[_Raw] = []
    for i in positions(doc, lemmas=_CANDIDATE_LEMMAS, deps=_ADVCL):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        raw: _Raw | None = None
        if lemma in _VERBS and _is_verb_use(tok):
            raw = _verb_stance(doc, tok, _VERBS[lemma])
        elif lemma in _NOUNS and (tok.pos_ == "NOUN" or tok.tag_ == "VBZ"):
            raw = _noun_stance(doc, tok, _NOUNS[lemma])
        elif tok.dep_ == "advcl":
            raw = _condition(doc, tok)
        if raw is not None:
            out.append(raw)
    return out


def find_stances(doc: Doc) -> list[Stance]:
    """Stances in ``doc`` (tagged, parsed, with entities), ids "s1", "s2", ... in text order.
    Reads the actor table the actor component left on the doc and saves what it adds."""
    table = ActorTable.from_doc(doc)
    if not doc.has_annotation("DEP"):
        return []
    raws = sorted(_candidates(doc), key=lambda r: r.cue)
    out: list[Stance] = []
    seen: set[tuple[tuple[int, int], str]] = set()
    for raw in raws:
        key = (raw.cue, raw.stance)
        if key in seen:
            continue
        seen.add(key)
        actor = _resolve(doc, table, raw.actor_tok)
        out.append(
            Stance(
                id=f"s{len(out) + 1}",
                sentence=sentence_index(doc, raw.cue[0]),
                actor=actor,
                stance=raw.stance,
                cue=Cue(**make_span(doc, *raw.cue).model_dump(), lemma=raw.lemma, cue_type=raw.cue_type),
                object=Span(**make_span(doc, *raw.obj).model_dump()) if raw.obj else None,
                negated=raw.negated,
                modality=raw.modality,
            )
        )
    table.save(doc)
    return out
