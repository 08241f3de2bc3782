"""Verb stances: "Hamas demands X", "urged Israel to withdraw", passives, relative clauses."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from claimx.extractors.stances.clauses import (
    _asks_question,
    _for_to_clause,
    _has_to,
    _opens_sentence,
    _shifted_object,
    _small_clause,
    _states_a_fact,
    _subjunctive,
    _to_misparsed,
    _told_clause,
    _without_as,
    displaced_infinitives,
    named_object,
    participle_frame,
    participle_holder,
    unaddressed,
)
from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import (
    _EXCLUDED_PRT,
    _FAILED_OUTCOMES,
    _HYPOTHETICAL,
    _IGNORED_XCOMP,
    _NOMINAL_DEPS,
    _NOUNS,
    _POSITION_OBJECTS,
    _PREDICATE_PHRASES,
    _QUESTION_WORDS,
    _VERBS,
)
from claimx.extractors.stances.parse import (
    _agent,
    _antecedent,
    _children,
    _contiguous,
    _edges,
    _infinitive_span,
    _is_relative,
    _modality,
    _negated,
    _np_span,
    _passive,
    _Raw,
    _subject,
    _subtree_span,
    fold_negated_accept,
)

# -- verbs ---------------------------------------------------------------------------------


def _first_noun_child(verb: Token) -> Token | None:
    objs = _children(verb, "dobj")
    if objs:
        return objs[0]
    for c in verb.children:
        if c.dep_ in ("dep", "oprd") and c.i > verb.i and c.pos_ in ("NOUN", "PROPN"):
            return c
    return None


def _clause_top(verb: Token) -> Token:
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _rel_object(verb: Token) -> Token | None:
    """ "which Hamas has accepted": the relative pronoun object stands for the antecedent."""
    for c in _children(verb, "dobj"):
        if _is_relative(c):
            return _antecedent(verb)
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


def _object_of(verb: Token, frames: list[str]) -> tuple[tuple[int, int] | None, Token | None, str | None]:
    """The object span for the first frame that fits, the preposition or particle that
    belongs in the cue, and the stance the frame gives when it names one ("voted against")."""
    frames = [f for f in [participle_frame(verb, frames)] if f is not None] or frames
    for entry in frames:
        frame, _, stance = entry.partition("=")
        if frame == "phrase":
            phrased = _phrase_object(verb)
            if phrased is not None and phrased[0] is not None:
                return phrased
            continue
        found = _frame_object(verb, frame)
        if found is not None and found[0] is not None:
            return found[0], found[1], stance or None
    if any(f.partition("=")[0] == "dobj" for f in frames) and not _passive(verb):
        # "does not accept and will challenge the ruling": the object both verbs share
        for conj in _children(verb, "conj"):
            obj = _first_noun_child(conj) if conj.pos_ in ("VERB", "AUX") else None
            if obj is not None:
                return _np_span(obj), None, None
        # "a position that Unison cannot accept and will oppose": the first verb's object
        head = verb.head
        if verb.dep_ == "conj" and head.i != verb.i and head.lemma_.lower() in _VERBS:
            found = _frame_object(head, "dobj")
            if found is not None and found[0] is not None and not _children(verb, "dobj", "ccomp", "xcomp"):
                return found[0], None, None
    return None, None, None


def _frame_object(verb: Token, frame: str) -> tuple[tuple[int, int] | None, Token | None] | None:
    """The object ``frame`` finds on ``verb``, with the word that belongs in the cue."""
    doc = verb.doc
    if frame.startswith("prt:") and frame.endswith("+xcomp"):
        # "will call on world leaders to support X" with "on" read as a particle
        prt = next((c for c in _children(verb, "prt") if c.lower_ == frame[4:-6]), None)
        hit = _frame_object(verb, "dobj+xcomp") if prt is not None else None
        if hit is None and prt is not None and _children(prt, "pobj"):
            # "called on members to reject the offer" with "members" hung on the particle
            xc = next((x for x in _children(verb, "xcomp") if x.i > prt.i), None)
            hit = (_subtree_span(xc), None) if xc is not None else None
        return (hit[0], prt) if hit is not None else None
    if frame in ("dobj", "prt") or frame.startswith("prt:"):
        return _direct_object(verb, frame)
    elif frame == "dobj+xcomp":
        objs = _children(verb, "dobj")
        # "told him he would resign": a clause without "to" is something said, not ordered
        # "pleaded with X to reject" / "urged X to withdraw" with the clause read as an adverbial
        xcs = [x for x in _children(verb, "xcomp", "ccomp", "advcl") if x.dep_ == "xcomp" or _has_to(x)]
        if objs and xcs and xcs[0].i > objs[0].i:
            # what is demanded, not whom of: "urged Israel to withdraw" -> "withdraw"
            return _infinitive_span(xcs[0]), None
        if objs:
            found = _to_misparsed(verb, objs[0])
            if found is not None:
                return found, None
        # "urged Israel to withdraw" parsed as a clause with its own subject
        for cc in _children(verb, "ccomp"):
            to = [c for c in cc.children if c.tag_ == "TO"]
            if _children(cc, "nsubj", "nsubjpass") and to:  # "want the budget to be capped"
                return _edges(_contiguous(doc, to[0].i, cc.right_edge.i)), None
    elif frame == "dobj+ccomp":
        return _told_clause(verb)
    elif frame == "xcomp":
        # "refused to comment" is a refusal (any_xcomp); "agreed to discuss" commits to nothing
        entry = _VERBS.get(verb.lemma_.lower(), {})
        any_xcomp, allowed = entry.get("any_xcomp"), entry.get("xcomp_allowed", [])
        for xc in _children(verb, "xcomp") + displaced_infinitives(verb):
            ignored = xc.lemma_.lower() in _IGNORED_XCOMP and xc.lemma_.lower() not in allowed
            if ignored and any_xcomp and _asks_question(xc):
                continue  # "refused to say whether she would vote for X": a question left open
            if entry.get("xcomp_only") and xc.lemma_.lower() not in entry["xcomp_only"]:
                continue  # "wants to continue as an MP": the holder's own plan, asked of nobody
            if entry.get("xcomp_with_object") and not _children(xc, "dobj", "prep", "ccomp", "xcomp"):
                continue  # "vowed to fight on": no object
            if entry.get("defer") and _takes_stance(xc):
                return None  # "vowed to fight the closure": the verb after it carries the stance
            if xc.i > verb.i and (any_xcomp or not ignored) and xc.pos_ in ("VERB", "AUX"):
                return _infinitive_span(xc), None
    elif frame == "ccomp:subjunctive":
        for cc in _children(verb, "ccomp"):
            if cc.i > verb.i and _subjunctive(cc):
                return _subtree_span(cc), None
    elif frame == "ccomp":
        for cc in _children(verb, "ccomp"):
            if cc.i > verb.i:
                return _subtree_span(cc), None
            if _inverted(verb, cc):
                return _subtree_span(cc), None
        if _closing_conj(verb):
            head = verb.head
            return _edges(_contiguous(verb.doc, head.left_edge.i, verb.i - 1)), None
    elif frame.startswith("prep:"):
        return _prep_frame(verb, frame)
    elif frame == "small":
        return _small_clause(verb)
    return None


def _prep_frame(verb: Token, frame: str) -> tuple[tuple[int, int] | None, Token | None] | None:
    """ "insisted on X" (prep:on), "called on X to Y" (prep:on+xcomp), "asking for them to
    negotiate" (a for-to clause): the object and the preposition for the cue."""
    if _VERBS.get(verb.lemma_.lower(), {}).get("bare_preps") and _children(verb, "dobj"):
        return None  # "called a strike for next Monday" calls for nothing
    word, _, more = frame[5:].partition("+")
    for prep in _children(verb, "prep") + _addressee_preps(verb, word):
        if prep.lower_ != word or prep.i < verb.i:
            continue  # "..., at least for some, argues X": no "argues for"
        pobj = next(iter(_children(prep, "pobj", "pcomp")), None)
        if pobj is None:
            continue
        if more == "xcomp":
            if pobj.ent_type_ in ("DATE", "TIME"):
                continue  # "called X on Tuesday to discuss the crisis": a time, no addressee
            xcs = [x for x in verb.children if x.dep_ in ("xcomp", "ccomp") and x.i > pobj.i]
            xcs += [x for x in _children(verb, "advcl") if x.i > pobj.i and _has_to(x)]
            xcs += [x for x in pobj.children if x.dep_ in ("acl", "relcl") and x.i > pobj.i]
            if not xcs:
                continue
            return _edges(_contiguous(verb.doc, pobj.left_edge.i, xcs[0].right_edge.i)), prep
        return _np_span(pobj), prep
    if word == "for" and not more:
        return _for_to_clause(verb)
    return None


def _addressee_preps(verb: Token, word: str) -> list[Token]:
    """ "warned both parties against pandering to prejudice": the preposition the parser hung
    on the addressee of a verb that has one (a ``dobj+`` frame) rather than on the verb."""
    frames = _VERBS.get(verb.lemma_.lower(), {}).get("frames", [])
    if not any(f.startswith("dobj+") for f in frames):
        return []
    return [
        p for obj in _children(verb, "dobj") for p in _children(obj, "prep") if p.lower_ == word and p.i == obj.i + 1
    ]


def _takes_stance(verb: Token) -> bool:
    """A stance verb with one of its own frames filled ("fight the closure"; not "push the
    reforms through", which has no "for")."""
    entry = _VERBS.get(verb.lemma_.lower())
    return entry is not None and _object_of(verb, entry["frames"])[0] is not None


def _phrase_object(verb: Token) -> tuple[tuple[int, int] | None, Token, str] | None:
    """ "voted in favour of strike action": one of the lexicon's predicate phrases after the
    verb; its last preposition's object, that preposition and the phrase's stance."""
    for prep in _children(verb, "prep"):
        pobj = next(iter(_children(prep, "pobj")), None)
        phrase = _PREDICATE_PHRASES.get(pobj.lower_) if pobj is not None else None
        if pobj is None or phrase is None or phrase[0][0] != prep.lower_:
            continue
        last = next((c for c in _children(pobj, "prep") if c.lower_ == phrase[0][-1]), None)
        inner = next(iter(_children(last, "pobj", "pcomp")), None) if last is not None else None
        if last is not None and inner is not None:
            return _np_span(inner), last, phrase[1]
    return None


def _object_head(verb: Token) -> Token | None:
    """The head noun of a transitive verb's object (its passive subject, a relative
    pronoun's antecedent), for a lexicon entry that restricts it."""
    rel = _rel_object(verb)
    if rel is not None:
        return rel
    if _passive(verb):
        subj = next(iter(_children(verb, "nsubjpass")), None)
        if subj is not None and _is_relative(subj):
            return _antecedent(verb)
        return subj if subj is not None else (verb.head if verb.dep_ == "acl" else None)
    return _first_noun_child(verb) or (named_object(verb) or (None, None))[1]


def _object_allowed(verb: Token, entry: dict[str, Any]) -> bool:
    """ "fight the closure" (a position) but not "fight a fire"; "accept the offer" but not
    "accept credit cards" (``object_heads`` / ``non_stance_objects`` in the lexicon)."""
    wanted, barred = entry.get("object_heads"), entry.get("non_stance_objects")
    if wanted == "positions":  # "blocked the resolution", not "blocked the road"
        wanted = _POSITION_OBJECTS
    if entry.get("dobj_heads") and not _children(verb, "xcomp") and _small_clause(verb) is None:
        wanted = entry["dobj_heads"]  # "threatened strike action", not "threatened the crop"
        for prep in _children(verb, "prep"):  # "threatened Washington with retaliatory tariffs"
            pobj = next(iter(_children(prep, "pobj")), None)
            if prep.lower_ == "with" and pobj is not None and pobj.lemma_.lower() in wanted:
                return True
    if entry.get("actor_addressee") and unaddressed(verb):
        return False  # "need the Lords to set up X", not "may need an emergency meeting to sort out X"
    if not wanted and not barred:
        return True
    head = _object_head(verb)
    word = head.lower_ if head is not None else ""
    lemma = head.lemma_.lower() if head is not None else ""
    if wanted and word not in wanted and lemma not in wanted:
        return False
    if head is not None and _stance_noun_held(head):
        return True  # "supported demands for an inquiry", not "support demand" (spending)
    return not (barred and (word in barred or lemma in barred))


def _stance_noun_held(head: Token) -> bool:
    """A stance noun that somebody holds: plural ("demands for an inquiry") or with a
    determiner or owner ("the union's demand"); a bare singular ("support domestic demand",
    "support demand for homes") is the economic sense a verb's bar names."""
    if head.lemma_.lower() not in _NOUNS:
        return False
    plural = head.tag_ in ("NNS", "NNPS")
    owned = any(c.dep_ in ("det", "poss") for c in head.children)
    return plural or owned


def _inverted(verb: Token, clause: Token) -> bool:
    """ "Workers could strike, warn union leaders." / "..., the minister has warned.": the
    clause comes first and the verb that reports it closes the sentence after a comma."""
    if verb.dep_ != "ROOT" or clause.right_edge.i + 1 >= verb.i:
        return False
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    return any(t.text == "," for t in between) and not any(t.dep_ == "mark" for t in clause.children)


def _misparsed_relative(verb: Token) -> Token | None:
    """ "a settlement that the union cannot accept": the object relative clause the parser
    read as a that-clause of the verb above; the noun right before "that" is the object."""
    top = _clause_top(verb)
    if top.dep_ != "ccomp" or _children(verb, "dobj", "ccomp", "xcomp"):
        return None
    mark = next((c for c in top.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or mark.i == 0 or (not _children(verb, "nsubj") and verb.i == top.i):
        return None
    noun = verb.doc[mark.i - 1]
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.head.i == top.head.i else None


def _closing_conj(verb: Token) -> bool:
    """ "Nurses could walk out if ..., warn union leaders.": a reporting verb without a
    subject of its own, hung as the last conjunct after a comma, with its speaker after it."""
    if verb.dep_ != "conj" or _children(verb, "nsubj", "ccomp") or verb.head.i >= verb.i:
        return False
    prev = verb.doc[verb.i - 1]
    after = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    return prev.text == "," and bool(after) and not any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i)


def _direct_object(verb: Token, frame: str) -> tuple[tuple[int, int] | None, Token | None] | None:
    """The object of a transitive frame ("dobj", "prt:out"): a relative pronoun's antecedent,
    a passive subject, the noun object, a gerund, or the noun before a misparsed relative."""
    if frame.startswith("prt:"):
        prts = [c for c in _children(verb, "prt") if c.lower_ == frame[4:]]
        if not prts:
            return None
        extra: Token | None = prts[0]
    else:
        extra = None
    rel = _rel_object(verb)
    if rel is not None:
        return _np_span(rel, _clause_top(verb)), extra
    if _passive(verb):
        subj = _children(verb, "nsubjpass")
        if subj:
            target = _antecedent(verb) if _is_relative(subj[0]) else subj[0]
            if target is not None:
                return _np_span(target, _clause_top(verb)), extra
        if verb.dep_ == "acl":  # "the price demanded", "an attempt turned down by United"
            return _np_span(verb.head, verb), extra
        return None
    obj = _first_noun_child(verb)
    if obj is not None and obj.lower_ == "what" and verb.dep_ == "csubj" and _opens_sentence(obj):
        # "What we propose is to arrive at a mechanism": the complement of "is"
        said = next(iter(_children(verb.head, "xcomp", "attr", "ccomp")), None)
        return (_subtree_span(said), extra) if said is not None and said.i > verb.i else None
    if obj is not None:
        if _states_a_fact(verb, obj):
            return None
        span = _without_as(obj, _np_span(obj))
        tail = _noun_clause_tail(verb, obj)
        if span is not None and tail is not None:
            span = (span[0], max(span[1], tail))
        return span, extra
    shifted = _shifted_object(verb) or (named_object(verb) or (None, None))[0]
    if shifted is not None:
        return shifted, extra
    gerund = next((x for x in _children(verb, "xcomp", "pcomp") if x.tag_ == "VBG" and x.i > verb.i), None)
    if gerund is not None:  # "did not rule out raising rates", "opposes selling the unit"
        return _subtree_span(gerund), extra
    noun = _misparsed_relative(verb)
    if noun is not None:
        return _np_span(noun, _clause_top(verb)), extra
    return None


def _cue_span(verb: Token, modal: Token | None, extra: Token | None) -> tuple[int, int]:
    start, end = verb.idx, verb.idx + len(verb)
    if modal is not None and modal.i < verb.i and verb.i - modal.i <= 3:
        between = verb.doc[modal.i + 1 : verb.i]
        if all(t.dep_ in ("aux", "neg", "advmod") for t in between):
            start = modal.idx
    addressee = extra is not None and any(c.dep_ == "dobj" and verb.i < c.i < extra.i for c in verb.children)
    if extra is not None and 0 < extra.i - verb.i <= 3 and not addressee:  # not "warns Iran over"
        end = extra.idx + len(extra)
    return start, end


def _is_verb_use(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        # "the group did not strongly back either option" with "back" tagged an adverb
        return tok.dep_ == "ROOT" and bool(_children(tok, "nsubj")) and bool(_children(tok, "aux"))
    # "Israel rejects Hamas demands for ...": a plural noun tagged VBZ
    return not (tok.tag_ == "VBZ" and tok.dep_ in _NOMINAL_DEPS and tok.dep_ != "ROOT")


def _hypothetical(verb: Token) -> bool:
    """Inside an "if"/"unless" clause: a supposition, not a position taken."""
    node = verb
    for _ in range(8):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in node.children):
            return True
        # "declined to say whether the PM backed the plans", "will decide whether to accept":
        # a question, not a position
        asked = any(c.dep_ in ("mark", "advmod") and c.lower_ == "whether" and c.i < node.i for c in node.children)
        if node.dep_ == "xcomp" and asked:
            return True
        if node.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in _QUESTION_WORDS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _agentless_report(verb: Token) -> bool:
    """ "UK plans ... have not been agreed", "the idea had been rejected in the committee": a
    finite passive with no agent reports a position whose holder it does not name (the actor
    is null, STANCES_GUIDELINES.md); not one foreseen ("will be approved", "is likely to be
    rejected") nor a participle ("the plan, proposed last year")."""
    subjects = _children(verb, "nsubjpass", "nsubj")  # "plans ... have not been agreed" (nsubj)
    if not (_children(verb, "auxpass") and subjects) or _agent(verb) is not None:
        return False
    # "objected to the fact that the idea had been rejected": a that-clause of a noun
    told = verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    if (verb.dep_ not in ("ROOT", "ccomp", "conj") and not told) or _modality(verb)[0] is not None:
        return False
    if _children(verb, "xcomp", "ccomp"):
        return False  # "Technology firms are being urged to X", "were warned that": the addressee
    subj = subjects[0]
    # a plural noun the tagger took for a verb ("UK plans/VBZ ... have not been agreed")
    return (subj.pos_ in ("NOUN", "PROPN") or subj.tag_ == "VBZ") and not _is_relative(subj)


def _bare(verb: Token) -> bool:
    """ "The actor repeatedly refused.": no complement at all, not one the frames missed."""
    return not _children(verb, "dobj", "xcomp", "ccomp", "prep", "prt", "dative", "nsubjpass")


def _verb_stance(doc: Doc, verb: Token, entry: dict[str, Any]) -> _Raw | None:
    lemma = verb.lemma_.lower()
    if _hypothetical(verb):
        return None
    prts = [c.lower_ for c in _children(verb, "prt")]
    if any(p in _EXCLUDED_PRT.get(lemma, []) for p in prts):
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "refuse" and lemma != "refuse":
        return None  # "refused to accept X" is the refusal's stance
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail" and lemma in _FAILED_OUTCOMES:
        return None  # "the two sides failed to agree on a contract": an outcome
    obj, extra, frame_stance = _object_of(verb, entry["frames"])
    if obj is None and not (entry.get("intransitive") and _bare(verb)):
        return None
    if not _object_allowed(verb, entry):
        return None
    held = participle_frame(verb, entry["frames"]) is not None  # "students opposed to tuition fees"
    actor_tok = participle_holder(verb) if held else (_agent(verb) if _passive(verb) else _subject(verb))
    if actor_tok is None and entry.get("stative") and _passive(verb):
        actor_tok = next(iter(_children(verb, "nsubjpass")), None)  # "unions are united against X"
    inverted = any(_inverted(verb, cc) for cc in _children(verb, "ccomp"))
    if (actor_tok is None and inverted) or (_closing_conj(verb) and "ccomp" in entry["frames"]):
        # "..., warn union leaders": the speaker after the verb (often parsed as its object)
        actor_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i), None)
    # an addressee verb's passive subject is the one addressed ("users are being warned about")
    addressed = any(f.startswith("dobj+") for f in entry["frames"])
    agentless = actor_tok is None and not addressed and _agentless_report(verb)
    if not agentless and (actor_tok is None or not _plausible_actor(actor_tok)):
        return None  # a stance is taken by somebody
    modality, modal_tok = _modality(verb)
    if entry.get("only_modals") and modality not in entry["only_modals"]:
        return None  # "would like X to", not "they like the plan"
    cue = _cue_span(verb, modal_tok, extra)
    cue_lemma = lemma if extra is None else f"{lemma} {extra.lower_}"
    raw = _Raw(
        cue=cue,
        lemma=cue_lemma,
        stance=frame_stance or entry["stance"],
        cue_type="verb",
        actor_tok=actor_tok,
        obj=obj,
        negated=_negated(verb),
        modality=modality,
        anchor=verb,
    )
    fold_negated_accept(raw, verb)
    return raw
