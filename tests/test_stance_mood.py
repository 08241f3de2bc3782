"""Stances that no one takes (questions, speculation, denial, guesses by a third party, a
necessity foreseen), subjunctive demands, and objects that make a stance verb no position:
rules on hand-built parses; the developed-on part of tests/fixtures/stance_wire_forms.jsonl
end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from claimx.extractors.stances.clauses import _subjunctive
from claimx.extractors.stances.deontic import _deontic_cue, _forecast
from claimx.extractors.stances.lexicon import _VERBS
from claimx.extractors.stances.mood import ability, forced, is_question, reader_comment, third_party_guess, unasserted
from claimx.extractors.stances.parse import _Raw
from claimx.extractors.stances.verbs import _object_allowed, _verb_stance

VOCAB = spacy.blank("en").vocab
WIRE = Path(__file__).parent / "fixtures" / "stance_wire_forms.jsonl"


def parse(words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> Doc:
    pos = {"MD": "AUX", "VB": "VERB", "VBD": "VERB", "VBN": "VERB", "VBZ": "VERB", "NN": "NOUN", "NNS": "NOUN"}
    pos.update({"DT": "DET", "NNP": "PROPN", "IN": "SCONJ", ".": "PUNCT", "JJ": "ADJ", "EX": "PRON", "TO": "PART"})
    pos.update({"RB": "PART", "PRP": "PRON", "VBP": "VERB"})
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=[pos[t] for t in tags], lemmas=lemmas)


def test_an_inverted_clause_ending_in_a_question_mark_asks() -> None:
    words = ["Will", "the", "government", "accept", "the", "plan", "?"]
    heads = [3, 2, 3, 3, 5, 3, 3]
    deps = ["aux", "det", "nsubj", "ROOT", "det", "dobj", "punct"]
    tags = ["MD", "DT", "NN", "VB", "DT", "NN", "."]
    doc = parse(words, heads, deps, tags, ["will", "the", "government", "accept", "the", "plan", "?"])
    assert is_question(doc[3])
    statement = ["The", "government", "will", "accept", "the", "plan", "."]
    doc = parse(
        statement, [1, 3, 3, 3, 5, 3, 3], ["det", "nsubj", "aux", "ROOT", "det", "dobj", "punct"],
        ["DT", "NN", "MD", "VB", "DT", "NN", "."], ["the", "government", "will", "accept", "the", "plan", "."],
    )  # fmt: skip
    assert not is_question(doc[3])


def _speculated(verb: str, lemma: str) -> Doc:
    # Analysts <verb> that the bank might reject the request .
    return parse(
        ["Analysts", verb, "that", "the", "bank", "might", "reject", "the", "request", "."],
        [1, 1, 6, 4, 6, 6, 1, 8, 6, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
        ["NNS", "VBD", "IN", "DT", "NN", "MD", "VB", "DT", "NN", "."],
        ["analyst", lemma, "that", "the", "bank", "might", "reject", "the", "request", "."],
    )


def test_a_stance_somebody_speculates_about_or_denies_is_nobodys() -> None:
    assert unasserted(_speculated("speculated", "speculate")[6])
    assert unasserted(_speculated("denied", "deny")[6])
    assert not unasserted(_speculated("said", "say")[6])


def test_a_might_stance_reported_by_somebody_else_is_a_guess() -> None:
    doc = _speculated("said", "say")
    raw = _verb_stance(doc, doc[6], _VERBS["reject"])
    assert raw is not None and raw.modality == "might"
    assert third_party_guess(raw, doc[6])


def test_a_necessity_foreseen_is_no_position() -> None:
    # Turkey may have to accept restrictions .
    doc = parse(
        ["Turkey", "may", "have", "to", "accept", "restrictions", "."],
        [2, 2, 2, 4, 2, 4, 2],
        ["nsubj", "aux", "ROOT", "aux", "xcomp", "dobj", "punct"],
        ["NNP", "MD", "VB", "TO", "VB", "NNS", "."],
        ["turkey", "may", "have", "to", "accept", "restriction", "."],
    )
    assert forced(doc[4])


def _insisted(words: list[str], tags: list[str], lemmas: list[str]) -> Doc:
    # The union insisted that <subject> <verb> ...
    n = len(words)
    heads = [1, 2, 2, 5, 5, 2] + [5] * (n - 7) + [2]
    deps = ["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp"] + ["dobj"] * (n - 7) + ["punct"]
    return parse(words, heads, deps, tags, lemmas)


def test_a_subjunctive_that_clause_is_a_mandate_and_a_statement_is_not() -> None:
    doc = _insisted(
        ["The", "union", "insisted", "that", "management", "withdraw", "notices", "."],
        ["DT", "NN", "VBD", "IN", "NN", "VB", "NNS", "."],
        ["the", "union", "insist", "that", "management", "withdraw", "notice", "."],
    )
    assert _subjunctive(doc[5])
    raw = _verb_stance(doc, doc[2], _VERBS["insist"])
    assert raw is not None and raw.stance == "demand" and raw.obj is not None
    assert doc.text[raw.obj[0] : raw.obj[1]] == "management withdraw notices"
    doc = _insisted(
        ["The", "union", "insisted", "that", "management", "knew", "everything", "."],
        ["DT", "NN", "VBD", "IN", "NN", "VBD", "NN", "."],
        ["the", "union", "insist", "that", "management", "know", "everything", "."],
    )
    assert not _subjunctive(doc[5]) and _verb_stance(doc, doc[2], _VERBS["insist"]) is None


def _transitive(subject: str, verb: str, lemma: str, obj: str, obj_lemma: str) -> Doc:
    return parse(
        ["The", subject, verb, obj, "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DT", "NN", "VBD", "NNS", "."],
        ["the", subject.lower(), lemma, obj_lemma, "."],
    )


def test_what_a_verb_takes_decides_whether_it_is_a_position() -> None:
    assert not _object_allowed(_transitive("shop", "accepts", "accept", "cards", "card")[2], _VERBS["accept"])
    assert _object_allowed(_transitive("union", "accepted", "accept", "terms", "term")[2], _VERBS["accept"])
    assert _object_allowed(_transitive("union", "fought", "fight", "cuts", "cut")[2], _VERBS["fight"])
    assert not _object_allowed(_transitive("crew", "fought", "fight", "fires", "fire")[2], _VERBS["fight"])
    assert not _object_allowed(_transitive("pest", "threatened", "threaten", "crops", "crop")[2], _VERBS["threaten"])
    assert _object_allowed(_transitive("union", "threatened", "threaten", "strikes", "strike")[2], _VERBS["threaten"])


def test_there_should_be_enough_is_a_forecast_and_should_have_done_no_demand() -> None:
    # There should be adequate supplies .
    doc = parse(
        ["There", "should", "be", "adequate", "supplies", "."],
        [2, 2, 2, 4, 2, 2],
        ["expl", "aux", "ROOT", "amod", "attr", "punct"],
        ["EX", "MD", "VB", "JJ", "NNS", "."],
        ["there", "should", "be", "adequate", "supply", "."],
    )
    cue = _deontic_cue(doc[2])
    assert cue is not None and _forecast(doc[2], cue)
    # He should have resigned .
    doc = parse(
        ["He", "should", "have", "resigned", "."],
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "aux", "ROOT", "punct"],
        ["PRP", "MD", "VB", "VBN", "."],
        ["he", "should", "have", "resign", "."],
    )
    assert _deontic_cue(doc[3]) is None


DEV = [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines() if '"half": "dev"' in line]


@pytest.mark.parametrize(
    "record",
    DEV,
    ids=[r["form"] + ": " + r["text"][:30] for r in DEV],
)
def test_wire_forms_developed_on(extract, record) -> None:  # type: ignore[no-untyped-def]
    """The dev part of stance_wire_forms.jsonl; its held-out part is only scored by
    ``benchmarks/eval_stances.py --gold tests/fixtures/stance_wire_forms.jsonl``."""
    art = extract(record["text"])
    names = {a.id: a.name.lower() for a in art.actors}
    got = [
        (s.stance, (s.actor.text if s.actor else "").lower(), names.get(s.actor.actor or "", "") if s.actor else "")
        for s in art.stances
    ]
    for gold in record["stances"]:
        hit = [
            s
            for s in art.stances
            if s.stance == gold["stance"]
            and s.object is not None
            and gold["object_has"].lower() in s.object.text.lower()
            and s.negated == gold["negated"]
            and s.actor is not None
            and (
                gold["actor"].lower() in s.actor.text.lower()
                or gold["actor"].lower() in names.get(s.actor.actor or "", "")
            )
        ]
        assert hit, got
    if not record["stances"]:
        assert art.stances == [], got


def _raw(stance: str, lemma: str, modality: str | None) -> _Raw:
    return _Raw(cue=(0, 1), lemma=lemma, stance=stance, cue_type="verb", actor_tok=None, obj=(2, 3), modality=modality)


def test_what_one_can_do_is_no_position_but_cannot_accept_is_a_rejection() -> None:
    assert ability(_raw("demand", "seek", "can"))
    assert not ability(_raw("reject", "not accept", "can"))  # "cannot accept"
    assert not ability(_raw("accept", "accept", "can"))
    assert not ability(_raw("demand", "seek", "will"))


def _i_back(words: list[str], start: int) -> tuple[Doc, _Raw]:
    # [ " ] I back the ban .
    n = len(words)
    heads = [start + 1] * n
    heads[start + 3] = start + 1
    heads[start + 2] = start + 3
    deps = ["punct"] * n
    deps[start : start + 4] = ["nsubj", "ROOT", "det", "dobj"]
    tags = ["."] * n
    tags[start : start + 4] = ["PRP", "VBP", "DT", "NN"]
    doc = parse(words, heads, deps, tags, [w.lower() for w in words])
    raw = _verb_stance(doc, doc[start + 1], _VERBS["back"])
    assert raw is not None
    return doc, raw


def test_a_first_person_stance_outside_quotes_is_a_readers_comment() -> None:
    doc, raw = _i_back(["I", "back", "the", "ban", "."], 0)
    assert reader_comment(raw, doc.text)
    doc, raw = _i_back(['"', "I", "back", "the", "ban", ".", '"'], 1)
    assert not reader_comment(raw, doc.text)
