"""Pronouns resolved to the actors they stand for, and a quotation's "I" and "we" to its speaker.

A third-person pronoun goes to the nearest earlier actor that fits it: of a kind it may refer
to ("he" a person or a singular official, "it" an organisation or a state, "they" a group or
an organisation), of its number and, once known, its gender; within a few sentences; a
subject before other mentions; never the subject of the pronoun's own clause when the pronoun
is that clause's object ("Smith praised him"). Gender comes from the words right before a
name ("Mr", "Queen") and from pronouns already resolved to the actor. All word lists are data
(``models/actors.json``: ``anaphora``, ``gendered_words``, ``speaker_pronouns``)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimx import data as lexicons
from claimx.extractors.actors import ActorTable
from claimx.extractors.actors.links import client_of, link_kin
from claimx.extractors.actors.names import FIRST_NAME_GENDER as _FIRST_NAMES
from claimx.extractors.actors.names import GENDERED_WORDS as _GENDERED
from claimx.extractors.actors.nations import link_own_countries
from claimx.extractors.quotes import find_quotes
from claimx.nlp.spans import clean_text
from claimx.nlp.tokens import positions
from claimx.schema import Attribution

_LEX = lexicons.load("actors")
_ANAPHORA: dict[str, dict[str, Any]] = {k: v for k, v in _LEX["anaphora"].items() if not k.startswith("_")}
_SPEAKER_PRONOUNS = frozenset(_LEX["speaker_pronouns"])
_BODY_PRONOUNS = frozenset(_LEX["body_pronouns"])
_BODY_LINKS = frozenset(_LEX["body_links"])
_BODY_KINDS = frozenset({"organization", "state", "group"})
#: titles of a government's people: such a person may speak for the country he is reporting on
_STATE_TITLES = frozenset(_LEX["state_titles"])
_GOVERNING = frozenset(_LEX["governing_words"])
_CUE_VERBS = frozenset(lexicons.load("cues")["verbs"]["speech"])
_SENTENCE_ENDS = frozenset({"", ".", "!", "?", '"', "\u201d"})
_SPEAKER_KINDS = frozenset({"person", "official", "anonymous", "organization", "state", "group"})
_NOMINAL: dict[str, list[str]] = _LEX["nominal_references"]
_PRONOUN_WORDS = frozenset(_ANAPHORA)
_INSTITUTIONS = lexicons.word_set("actors", "official_org_words") | frozenset(
    k for k, kinds in _NOMINAL.items() if "organization" in kinds or "state" in kinds
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "iobj", "dative", "pobj"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PLEONASTIC_HEADS = frozenset(_LEX["pleonastic_heads"])

Mention = tuple[tuple[int, int], str]


def _genders(doc: Doc, table: ActorTable) -> dict[str, str]:
    """Actor id -> "m" / "f" where a word right before one of its mentions tells."""
    out: dict[str, str] = {}
    for (start, end), aid in table.mention_actor.items():
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        words = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]] + [span[0].lower_]
        for word in reversed(words):
            if word in _GENDERED:
                out.setdefault(aid, _GENDERED[word])
                break
    for actor in table.actors_so_far():
        if actor.id in out or actor.kind != "person":
            continue
        # "Anna Berg": a first name before a surname tells
        firsts = {m.text.split()[0].lower() for m in actor.mentions if len(m.text.split()) > 1}
        genders = {_FIRST_NAMES[w] for w in firsts if w in _FIRST_NAMES}
        if len(genders) == 1:
            out[actor.id] = genders.pop()
    return out


def _is_plural(head: Token, kind: str) -> bool | None:
    if kind in ("organization", "state", "outlet"):
        return None  # "the club say they", "the club says it": either
    return head.tag_ in _PLURAL_TAGS


def _bound(pron: Token, cand: Token) -> bool:
    """ "Smith praised him": an object pronoun is not its own clause's subject."""
    if pron.dep_ not in _OBJECTS:
        return False
    verb = pron.head.head if pron.dep_ == "pobj" else pron.head
    return cand.dep_ in _SUBJECTS and cand.head == verb


def _local_subjects(pron: Token) -> dict[int, int]:
    """Head token -> closeness (0 nearest, then -1, ...) of the subjects of the clauses that hold a
    pronoun, innermost first, a relative clause's noun counted as its subject ("siding with Ruiz,
    who had sued her brother": Ruiz before the subject of "siding")."""
    out: dict[int, int] = {}
    depth = 0
    for verb in pron.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != pron.i]
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subjects.append(verb.head)
        for subj in subjects:
            out.setdefault(subj.i, 2 * depth)
        for obj in verb.children:
            # "thanked China for its support": the object of the verb the pronoun's phrase hangs
            # on, after that verb's subject
            if obj.dep_ == "dobj" and not obj.left_edge.i <= pron.i <= obj.right_edge.i:
                out.setdefault(obj.i, 2 * depth - 1)
        depth -= 1
    return out


class _Resolver:
    def __init__(self, doc: Doc, table: ActorTable) -> None:
        self.doc = doc
        self.table = table
        self.genders = _genders(doc, table)
        self.mentions: list[Mention] = sorted(table.mention_actor.items())
        self.sent_starts = [s.start_char for s in doc.sents]
        self.quotes = find_quotes(clean_text(doc))

    def _sentence(self, char: int) -> int:
        return bisect_left(self.sent_starts, char + 1) - 1

    def antecedent(self, pron: Token) -> str | None:
        feats = _ANAPHORA[pron.lower_]
        here = self._sentence(pron.idx)
        best: tuple[int, int, bool, int] | None = None
        best_aid = None
        upto = bisect_left(self.mentions, ((pron.idx, -1), ""))
        reflexive = pron.lower_.endswith(("self", "selves"))
        excluded = self._quote_speakers(pron) | (set() if reflexive else self._clause_subjects(pron))
        local = _local_subjects(pron)
        window = feats["window"]
        if window == 0 and pron.is_sent_start:
            window = 1  # "Its chief executive, Andrea Orcel, said ...": the sentence before
        for (start, end), aid in reversed(self.mentions[:upto]):
            if aid in excluded:
                continue
            distance = here - self._sentence(start)
            if distance > window:
                break
            found = self._fits(pron, feats, start, end, aid, reflexive)
            if found is None:
                continue
            subject = found.dep_ in _SUBJECTS
            if feats.get("subject_only") and not subject:
                continue
            key = (-distance, local.get(found.i, -99) if distance == 0 else -99, subject, start)
            if best is None or key > best:
                best, best_aid = key, aid
        if best is not None and feats["plural"] and self._pair_between(best[3], pron):
            return None  # "Martin Kessler and his brother ... the charity they ran": both of them, no one actor
        return best_aid

    def _pair_between(self, start: int, pron: Token) -> bool:
        """A coordination of two named actors, or a counted set that is no actor ("two men"), after
        ``start`` and before ``pron`` in its sentence or the one before: a plural pronoun's
        antecedent is not the earlier body."""
        lo = self.sent_starts[max(0, self._sentence(pron.idx) - 1)]
        for (s, e), _ in self.mentions:
            if not (max(start, lo) < s < pron.idx):
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            first = span.root.head if span is not None and span.root.dep_ == "conj" else None
            if first is not None and self.table.at(first.idx, first.idx + len(first)) is not None:
                return True
        # "Police arrested two men after the attack. They were released": a counted set in between
        i = pron.i  # walk back from the pronoun, not forward from the top of the document
        while i > 0 and self.doc[i - 1].idx > max(start, lo):
            i -= 1
        between = self.doc[i : pron.i]
        return any(
            t.tag_ == "NNS"
            and any(c.dep_ == "nummod" for c in t.children)
            and not any(s <= t.idx < e for (s, e), _ in self.mentions)  # an actor: a candidate itself
            for t in between
        )

    def _quote_speakers(self, pron: Token) -> set[str]:
        """'"He is strong in the air," Arteta said': a third-person pronoun inside a direct
        quotation is not its speaker (who says "I"), the subject of a speech verb outside the
        quotation in the sentences it spans."""
        quote = next(((qs, qe) for qs, qe in self.quotes if qs <= pron.idx < qe), None)
        if quote is None:
            return set()
        qs, qe = quote
        out = set()
        for sent in self.doc.sents:
            if sent.end_char <= qs or sent.start_char >= qe + 1:
                continue
            for tok in sent:
                if qs <= tok.idx < qe or tok.lemma_ not in _CUE_VERBS or tok.pos_ != "VERB":
                    continue
                for subj in (c for c in tok.children if c.dep_ in _SUBJECTS and not qs <= c.idx < qe):
                    aid = self.table.at(subj.idx, subj.idx + len(subj))
                    if aid is not None:
                        out.add(aid)
        return out

    def _clause_subjects(self, pron: Token) -> set[str]:
        """ "Schoufour said he did not expect to hear from him": an object pronoun is none of
        the actors its clause's subject stands for, the subject of a verb it is the open
        complement of included."""
        if pron.dep_ not in _OBJECTS:
            return set()
        verb = pron.head.head if pron.dep_ == "pobj" else pron.head
        verbs = [verb]
        while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            verbs.append(verb)
        out = set()
        for v in verbs:
            for subj in (c for c in v.children if c.dep_ in _SUBJECTS):
                aid = self.table.at(subj.idx, subj.idx + len(subj))
                if aid is not None:
                    out.add(aid)
        return out

    def _fits(
        self, pron: Token, feats: dict[str, Any], start: int, end: int, aid: str, reflexive: bool = False
    ) -> Token | None:
        actor = self.table.get(aid)
        kind = str(getattr(actor.kind, "value", actor.kind))
        if kind not in feats["kinds"]:
            return None
        gender = self.genders.get(aid)
        if feats["gender"] and gender and gender != feats["gender"]:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        if (
            kind == "official"
            and feats["gender"] is None
            and feats["plural"] is False
            and head.lower_ not in _INSTITUTIONS
        ):
            return None  # "it" is a ministry or a court, not a chairman or a spokesman
        if kind == "official" and feats["gender"] is not None and head.lower_ in _INSTITUTIONS:
            return None  # "he" is a spokesman or a minister, not "the government"
        plural = _is_plural(head, kind)
        if plural is not None and feats["plural"] is not None and plural != feats["plural"]:
            return None
        if (
            feats["plural"]
            and kind != "group"
            and (head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children))
        ):
            return None  # "Nissan and Renault said they ...": both of them, no one actor
        if not reflexive and _bound(pron, head):
            return None
        return head

    def resolve(self, pron: Token) -> None:
        span = (pron.idx, pron.idx + len(pron))
        if span in self.table.mention_actor:
            return
        aid = self.antecedent(pron)
        if aid is None:
            return
        self.table.refer(aid, *span)
        insort(self.mentions, (span, aid))
        gender = _ANAPHORA[pron.lower_]["gender"]
        if gender:
            self.genders.setdefault(aid, gender)


def _pleonastic(pron: Token) -> bool:
    """ "It is expected that ...", "it seems", "it was not clear whether": no referent."""
    if pron.lower_ != "it" or pron.dep_ not in ("nsubj", "nsubjpass", "expl"):
        return pron.dep_ == "expl"
    return any(
        c.dep_ in ("ccomp", "xcomp", "csubj") or c.tag_ == "TO" for c in pron.head.children
    ) and pron.head.lemma_ in (
        "be",
        "seem",
        "appear",
        "remain",
        "take",
        "expect",
        "say",
        "report",
        "believe",
        "understand",
    )


def resolve_pronouns(doc: Doc, table: ActorTable) -> None:
    """Add each third-person pronoun that refers to an actor to that actor's mentions."""
    if not doc.has_annotation("DEP"):
        return
    resolver = _Resolver(doc, table)
    for i in positions(doc, lowers=_PRONOUN_WORDS):
        tok = doc[i]
        if tok.pos_ in ("PRON", "DET") and not _pleonastic(tok):
            resolver.resolve(tok)
    link_own_countries(doc, table)
    link_kin(doc, table)


def link_speakers(doc: Doc, table: ActorTable, attributions: Sequence[Attribution]) -> None:
    """ "I" inside a direct quotation is its speaker (the source's actor); "we" is the body
    the speaker speaks for (:func:`_body_of`). A quotation with no attribution of its own that
    opens a sentence is the speaker of the sentence before it (:func:`_unattributed`)."""
    quotes = [
        (a.content.start, a.content.end, a.source.actor)
        for a in attributions
        if a.direct and a.content is not None and a.source is not None and a.source.actor is not None
    ]
    quotes += _unattributed(doc, table, attributions, quotes)
    if not quotes:
        return
    bodies: dict[str, str | None] = {}
    for i in positions(doc, lowers=_SPEAKER_PRONOUNS | _BODY_PRONOUNS):
        tok = doc[i]
        span = (tok.idx, tok.idx + len(tok))
        if span in table.mention_actor or tok.pos_ not in ("PRON", "DET"):
            continue
        for start, end, aid in quotes:
            if start <= tok.idx < end:
                if tok.lower_ in _BODY_PRONOUNS:
                    if aid not in bodies:
                        bodies[aid] = _body_of(doc, table, aid)
                    target = bodies[aid]
                else:
                    target = aid
                if target is not None:
                    table.refer(target, *span)
                break


def _unattributed(
    doc: Doc, table: ActorTable, attributions: Sequence[Attribution], spoken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Quotations that open a sentence with no attribution over them, each with the subject of
    the sentence before it ("Campbell signalled his intent ... \"I'm 30 now\""; a quotation
    that goes on after "... ,\" the company said in a statement.")."""
    text = clean_text(doc)
    covered = [
        (a.content.start, a.content.end)
        for a in attributions
        if a.content is not None and a.source is not None and a.source.actor is not None
    ]
    sents = list(doc.sents)
    out: list[tuple[int, int, str]] = []
    for qs, qe in find_quotes(text):
        if any(s < qe and qs < e for s, e in covered) or text[:qs].rstrip()[-1:] not in _SENTENCE_ENDS:
            continue
        before = [s for s in sents if s.end_char <= qs]
        speaker = _trailing_speaker(doc, table, qe)
        if speaker is None and before:
            prev = before[-1]
            voices = spoken + out  # quotation after quotation, one voice
            speaker = next((aid for s, e, aid in voices if s < prev.end_char and prev.start_char < e), None)
            speaker = speaker or _subject_actor(table, prev)
        if speaker is not None:
            out.append((qs, qe, speaker))
    return out


def _trailing_speaker(doc: Doc, table: ActorTable, end: int) -> str | None:
    """The speaker named right after a quotation: '..." added the 30-year-old' (or "the
    30-year-old added"), when the attributions found the cue but no source."""
    if clean_text(doc)[end - 2 : end - 1] not in (",", "?", "!"):
        return None  # '..., she said' runs on after a comma; a full stop ends the quotation
    first = next((t for t in doc if t.idx >= end), None)
    if first is None:
        return None
    window = [t for t in doc[first.i : first.i + 8] if not (t.is_punct or t.is_space) and t.sent == first.sent]
    if not window:
        return None
    cue = next((i for i, t in enumerate(window[:5]) if t.lemma_ in _CUE_VERBS and t.pos_ == "VERB"), None)
    if cue is None:
        return None
    for tok in window[:cue] if cue > 0 else window[cue + 1 :]:
        aid = table.at(tok.idx, tok.idx + len(tok))
        if aid is not None and table.get(aid).kind in _SPEAKER_KINDS:
            return aid
    return None


def _subject_actor(table: ActorTable, sent: Span) -> str | None:
    """The actor the main subject of ``sent`` names: a person in it before anything else
    ("Employers organization chairman, Jacques Schoufour")."""
    subj = next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return None
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    found = sorted((s, aid) for (s, e), aid in table.mention_actor.items() if lo <= s and e <= hi)
    people = [aid for _, aid in found if table.get(aid).kind == "person"]
    if people:
        return people[0]
    speakers = [aid for _, aid in found if table.get(aid).kind in _SPEAKER_KINDS]
    return speakers[0] if speakers else None


def _body_of(doc: Doc, table: ActorTable, aid: str) -> str | None:
    """The organisation, state or group a speaker speaks for: itself when it is one, else
    one named in a phrase of its mentions ("AMC spokesman", "Schoufour, of the FNV", "a union
    spokesman" -> the last union named)."""
    if table.get(aid).kind in _BODY_KINDS:
        return aid
    client = client_of(doc, table, aid)
    if client is not None:
        return client
    for m in table.get(aid).mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in _phrase_neighbours(span.root):
            other = table.at(tok.idx, tok.idx + len(tok))
            if other is None or other == aid or table.get(other).kind not in _BODY_KINDS:
                # a name inside the speaker's own mention: "Kestrel Motors spokesman"
                words = doc[tok.left_edge.i : tok.i + 1].text
                other = table.named(words) or (None if other == aid else other)
            if other is not None and other != aid and table.get(other).kind in _BODY_KINDS:
                return other
            kinds = _NOMINAL.get(tok.lower_)
            if other is None and kinds:
                found = table.last_of([k for k in kinds if k in _BODY_KINDS], tok.idx, described=tok.lower_)
                # "a union spokesman": the union named or described so, not any organisation
                if found is not None and tok.lower_ in table.descriptors(found):
                    return found
            if tok.ent_type_ == "NORP" and (named := _named_after(table, tok.text)) is not None:
                return named  # "Palestinian leader Mahmoud Abbas": the Palestinian Authority
    return _state_of_titled(doc, table, aid)


def _state_of_titled(doc: Doc, table: ActorTable, aid: str) -> str | None:
    """ "Zambia will retain ..., President Kenneth Kaunda said": a person with a government title
    and no body in his phrase speaks for the country that is the subject of what he says there
    (not any country his sentence names: "President Joe Biden arrived in Japan")."""
    actor = table.get(aid)
    if actor.kind != "person" or not actor.title or not actor.mentions:
        return None
    if not set(actor.title.lower().split()) & _STATE_TITLES:
        return None
    for m in sorted(actor.mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in _SUBJECTS:
            continue
        verb = span.root.head
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if verb.dep_ in ("ccomp", "parataxis"):
            clauses.append(verb.head)  # "Zambia will retain ..., Kaunda said": the parse hangs "said" under it
        for clause in clauses:
            for subj in (c for c in clause.children if c.dep_ in _SUBJECTS):
                other = table.at(subj.idx, subj.idx + len(subj))
                if other is not None and table.get(other).kind == "state":
                    return other
    return None


def _named_after(table: ActorTable, nationality: str) -> str | None:
    """The one governing body whose name opens with a nationality ("Palestinian Authority"; not
    "British Airways")."""
    hits = {
        a.id
        for a in table.actors_so_far()
        if a.kind == "organization"
        and a.name.split()[:1] == [nationality]
        and len(a.name.split()) > 1
        and any(w.lower() in _GOVERNING for w in a.name.split()[1:])
    }
    return hits.pop() if len(hits) == 1 else None


def _phrase_neighbours(root: Token) -> list[Token]:
    """Modifiers of a speaker's head noun and the objects of "of"/"at"/... on it or on its
    apposition, in that order."""
    doc = root.doc
    # anything before the name in its phrase: "Arsenal's Sol Campbell", "Celtic midfielder Roy Keane"
    out = list(reversed(doc[root.left_edge.i : root.i]))
    heads = [root, *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "appos":
        heads.append(root.head)  # "The TUC general secretary, Paul Nowak"
    # "Laura Chen, President and Chief Executive Officer of Brightwave": the body hangs on the last title
    heads += [c for head in heads[1:] for c in head.children if c.dep_ == "conj"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _BODY_LINKS:
                out.extend(c for c in prep.children if c.dep_ == "pobj")
        if head.i != root.i:
            out.extend(c for c in head.children if c.dep_ in ("compound", "nmod", "poss"))
    return out
