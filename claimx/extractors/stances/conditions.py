"""Conditions set by a multi-word marker: "would accept the offer provided that regulators
approve", "will keep the plant running as long as the deal holds", "only if X", "unless X".

The marker is found on the words; the condition is the clause right after it and the holder
is the subject of the verb it attaches to."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimx.extractors.stances.holders import _plausible_actor
from claimx.extractors.stances.lexicon import (
    _COMMITTING,
    _COND_FIRST,
    _COND_PHRASES,
    _ELLIPTIC_IF,
    _FAILING_VERBS,
    _FORECAST_SUBJECTS,
    _FRAMING_IF,
    _SANCTION_VERBS,
    _UNDERGOING,
)
from claimx.extractors.stances.parse import (
    _bare_participle,
    _contiguous,
    _edges,
    _modality,
    _negated,
    _Raw,
    _subject,
)

#: words that make a following "if" concessive, comparative or a question, not a condition
_NOT_CONDITIONS = frozenset(["even", "as", "than", "what"])


def _match(doc: Doc, i: int) -> int:
    """Length of the longest condition phrase starting at token ``i`` (0 for none)."""
    for phrase in _COND_PHRASES:
        n = len(phrase)
        if i + n <= len(doc) and all(doc[i + k].lower_ == phrase[k] for k in range(n)):
            return n
    return 0


def _clause_after(doc: Doc, k: int) -> Token | None:
    """The verb heading the clause that starts at token ``k``."""
    if k >= len(doc):
        return None
    node = doc[k]
    sent_end = node.sent.end
    for _ in range(len(doc)):  # climb while the head stays after the marker, in the sentence
        head = node.head
        if head.i == node.i or head.i < k or head.i >= sent_end:
            break
        node = head
    return node if node.pos_ in ("VERB", "AUX") else None


def _main_verb(start: Token) -> Token | None:
    """The verb before the marker that the condition attaches to, at the top of its xcomp
    chain ("keep the plant running as long as": "keep")."""
    node = start
    for _ in range(10):
        if node.pos_ in ("VERB", "AUX") and node.i < start.i:
            break
        if node.head.i == node.i:
            return None
        node = node.head
    else:
        return None
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
    return node


def phrase_conditions(doc: Doc, positions: list[int]) -> list[_Raw]:
    out: list[_Raw] = []
    skip_to = -1
    for i in positions:
        if i < skip_to or doc[i].lower_ not in _COND_FIRST:
            continue
        n = _match(doc, i)
        if not n:
            continue
        skip_to = i + n
        raw = _condition_at(doc, i, n)
        if raw is not None:
            out.append(raw)
    return out


def _condition_at(doc: Doc, i: int, n: int) -> _Raw | None:
    clause = _clause_after(doc, i + n)
    main = _main_verb(doc[i])
    if clause is None or main is None or _bare_participle(clause):
        return None
    modality, _ = _modality(main)
    focused = doc[i].lower_ in ("only", "on")
    if not (modality in _COMMITTING or focused or _negated(main)):
        return None  # "talks will fail unless ...": a forecast, not a condition somebody sets
    actor_tok = _subject(main)
    if actor_tok is None or not _plausible_actor(actor_tok):
        return None
    obj = _edges(_contiguous(doc, i + n, clause.right_edge.i))
    if obj is None:
        return None
    last = doc[i + n - 1]
    return _Raw(
        cue=(doc[i].idx, last.idx + len(last)),
        lemma=" ".join(t.lower_ for t in doc[i : i + n]),
        stance="condition",
        cue_type="condition",
        actor_tok=actor_tok,
        obj=obj,
        negated=False,
        modality=modality,
    )


def sanction_threats(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """ "The union said it would withdraw from the talks unless the company improved its
    offer": a sanction the holder commits to ("would"/"will") unless something is done is a
    threat (STANCES_GUIDELINES.md); the condition is found on its own."""
    out: list[_Raw] = []
    for tok in doc:
        failing = tok.lower_ == "if" and tok.head.dep_ == "advcl" and _failing(tok.head)
        if (tok.lower_ != "unless" and not failing) or tok.dep_ != "mark" or tok.head.dep_ != "advcl":
            continue
        verb = tok.head.head
        modality, modal = _modality(verb)
        if verb.lemma_.lower() not in _SANCTION_VERBS or modality not in ("would", "will") or modal is None:
            continue
        if _stance_at(raws, verb) is not None or _negated(verb) or not _met_by_a_party(tok.head):
            continue  # "would cut flights unless fuel prices fell": a plan, nobody to threaten
        actor_tok = _subject(verb)
        # "he would withdraw X unless Y" / "unless Y he would withdraw X" (the clause fronted)
        obj = _edges(_contiguous(doc, verb.i, tok.i - 1 if tok.i > verb.i else verb.right_edge.i))
        if actor_tok is None or not _plausible_actor(actor_tok) or obj is None:
            continue
        # the modal is the cue and the sanction its object, as "should" in "should resume"
        cue = (modal.idx, modal.idx + len(modal)) if modal.i < verb.i else (verb.idx, verb.idx + len(verb))
        out.append(_Raw(cue, verb.lemma_.lower(), "threaten", "modal", actor_tok, obj, modality=modality, anchor=verb))
    return out


def _failing(clause: Token) -> bool:
    """ "if it fails to respond", "if it did not open its market", "if they refuse to pay":
    an "if" clause of a party not doing something, which is what "unless" says."""
    if clause.lemma_.lower() in _FAILING_VERBS and any(c.dep_ == "xcomp" for c in clause.children):
        return True
    return any(c.dep_ == "neg" for c in clause.children)


def _met_by_a_party(clause: Token) -> bool:
    """The "unless" clause is something a party can do ("unless the company improved its
    offer", "unless the plan is dropped"), not a turn of events ("unless fuel prices fell",
    "unless demand picked up")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        subj = _subject(clause)
        return subj is None or subj.lemma_.lower() not in _FORECAST_SUBJECTS
    subj = _subject(clause)
    if subj is None or not _plausible_actor(subj):
        return False
    return subj.lemma_.lower() not in _FORECAST_SUBJECTS and subj.lower_ not in _FORECAST_SUBJECTS


def _stance_at(raws: list[_Raw], verb: Token, climb: tuple[str, ...] = ("xcomp", "conj")) -> _Raw | None:
    """The stance stated on ``verb`` or on a verb above it through ``climb`` dependencies."""
    node = verb
    for _ in range(4):
        for raw in raws:
            if raw.stance != "condition" and (
                (raw.anchor is not None and raw.anchor.i == node.i) or raw.cue[0] <= node.idx < raw.cue[1]
            ):
                return raw
        if node.dep_ not in climb or node.head.i == node.i:
            return None
        node = node.head
    return None


def _warned_in(raws: list[_Raw], main: Token, clause: Token) -> _Raw | None:
    """ "Serwotka warned there could be further walkouts unless there was a rethink": an
    "unless" in what a warning or threat says is the condition its holder sets, when a party
    can meet it (not "unless demand picked up")."""
    node = main
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    existential = any(c.dep_ == "expl" for c in clause.children)  # "unless there was a rethink"
    if node.dep_ != "ccomp" or not (existential or _met_by_a_party(clause)):
        return None
    stance = _stance_at(raws, node.head, ())
    return stance if stance is not None and stance.stance in ("warn", "threaten") else None


def _chooser(main: Token) -> Token | None:
    """The subject of the warned-about clause when it is a party acting ("Juninho could
    reconsider his future"), not one undergoing ("hospitals could face strikes", a passive)."""
    if main.lemma_.lower() in _UNDERGOING or any(c.dep_ in ("auxpass", "nsubjpass") for c in main.children):
        return None
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or not _plausible_actor(subj):
        return None
    return subj if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") else None


def _framing(clause: Token) -> bool:
    """ "If we talk about football at elite level, then I would support X", "if you look at
    the figures": an "if" that frames what is said, no condition set (lexicon
    ``framing_if_verbs``)."""
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    framing = clause.lemma_.lower() in _FRAMING_IF
    return framing and subj is not None and subj.lower_ in ("we", "you", "one")


def _committed(raw: _Raw) -> bool:
    """A plain "if" sets a condition on a position the holder commits to ("would not rule out
    X if", "should copy X if", "will vote against if"); after "could"/"may", or on a plain
    past tense ("voted against it if"), it states a circumstance; a threat's "if" a party fails
    to meet ("threatened a walkout if the company did not ...") is read in stance_conditions."""
    return raw.modality in _COMMITTING or (raw.stance == "demand" and raw.cue_type == "modal")


def _elliptic(doc: Doc, k: int) -> bool:
    """ "if (at all) possible", "if necessary", "if so", "if not": an "if" with no clause of
    its own (lexicon ``elliptic_if_words``)."""
    if k + 1 < len(doc) and doc[k].lower_ == "at" and doc[k + 1].lower_ == "all":
        k += 2
    return k < len(doc) and doc[k].lower_ in _ELLIPTIC_IF and not any(c.dep_ == "nsubj" for c in doc[k].children)


def stance_conditions(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """ "Ministers would not rule out scrapping the agency if it failed to improve", "has no
    objection ... as long as the price is right": a plain "if" (or any condition marker) on a
    clause that states a stance makes that stance conditional, held by its holder."""
    out: list[_Raw] = []
    for tok in doc:
        low = tok.lower_
        n = _match(doc, tok.i) if low in _COND_FIRST else (1 if low == "if" and tok.dep_ == "mark" else 0)
        if not n or (tok.i > 0 and doc[tok.i - 1].lower_ in _NOT_CONDITIONS):
            continue  # "even if", "as if", "than if", "what if": no condition set
        if low == "if" and _elliptic(doc, tok.i + 1):
            continue  # "if at all possible", "if necessary": no clause, no condition set
        # a fronted "if" clause hangs on its main verb after it ("if X, the country should Y")
        marked = tok.dep_ == "mark" and tok.head.dep_ == "advcl"
        clause = tok.head if marked else _clause_after(doc, tok.i + n)
        main = tok.head.head if marked else _main_verb(tok)
        if clause is None or main is None or _bare_participle(clause):
            continue
        # a marker phrase ("as long as") may hang on a participle of the stated position
        stance = _stance_at(raws, main, ("xcomp", "conj") if low == "if" else ("xcomp", "conj", "advcl"))
        warned = stance is None and low != "if"
        if warned:
            stance = _warned_in(raws, main, clause)
        threat = stance is not None and stance.stance == "threaten" and _failing(clause) and _met_by_a_party(clause)
        if stance is None or (low == "if" and not (_committed(stance) or threat)) or (low == "if" and _framing(clause)):
            continue
        obj = _edges(_contiguous(doc, tok.i + n, clause.right_edge.i))
        last = doc[tok.i + n - 1]
        actor_tok, holder = stance.actor_tok, stance.holder
        own = _chooser(main) if warned else None
        if own is not None:  # "warns that Juninho could reconsider his future unless ...": his
            actor_tok, holder = own, None
        if obj is not None:
            out.append(
                _Raw(
                    cue=(tok.idx, last.idx + len(last)),
                    lemma=" ".join(t.lower_ for t in doc[tok.i : tok.i + n]),
                    stance="condition",
                    cue_type="condition",
                    actor_tok=actor_tok,
                    obj=obj,
                    modality=stance.modality,
                    holder=holder,
                )
            )
    return out
