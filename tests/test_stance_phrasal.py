"""Phrasal stance verbs, light-verb idioms, "no longer" and inferred states, on hand-built
parses; the developed-on part of tests/fixtures/stance_wire_forms2.jsonl end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from claimx.extractors.stances.deontic import _forecast
from claimx.extractors.stances.parse import _negated
from claimx.extractors.stances.phrasal import phrasal_stance

VOCAB = spacy.blank("en").vocab
WIRE = Path(__file__).parent / "fixtures" / "stance_wire_forms2.jsonl"
POS = {"MD": "AUX", "VB": "VERB", "VBD": "VERB", "VBN": "VERB", "VBZ": "VERB", "NN": "NOUN", "NNS": "NOUN"}
POS.update({"DT": "DET", "NNP": "PROPN", "IN": "ADP", ".": "PUNCT", "JJ": "ADJ", "RP": "PART", "RB": "ADV"})
POS.update({"PRP$": "PRON", "CD": "NUM"})


def parse(words: str, heads: list[int], deps: str, tags: str, lemmas: str) -> Doc:
    tag_list = tags.split()
    return Doc(
        VOCAB,
        words=words.split(),
        heads=heads,
        deps=deps.split(),
        tags=tag_list,
        pos=[POS[t] for t in tag_list],
        lemmas=lemmas.split(),
    )


def test_a_particle_read_as_a_preposition_still_carries_the_object() -> None:
    # "The Senate voted down the measure ." with "down" parsed as a preposition
    doc = parse(
        "The Senate voted down the measure .",
        [1, 2, 2, 2, 5, 3, 2],
        "det nsubj ROOT prep det pobj punct",
        "DT NNP VBD IN DT NN .",
        "the Senate vote down the measure .",
    )
    raw = phrasal_stance(doc[2])
    assert raw is not None and raw.stance == "reject"
    assert doc.text[raw.cue[0] : raw.cue[1]] == "voted down"
    assert raw.obj is not None and doc.text[raw.obj[0] : raw.obj[1]] == "the measure"


def test_a_particle_and_its_preposition_take_the_prepositional_object() -> None:
    # "The governor backed away from a plan ." with "from" hung on "away"
    doc = parse(
        "The governor backed away from a plan .",
        [1, 2, 2, 2, 3, 6, 4, 2],
        "det nsubj ROOT advmod prep det pobj punct",
        "DT NN VBD RB IN DT NN .",
        "the governor back away from a plan .",
    )
    raw = phrasal_stance(doc[2])
    assert raw is not None and raw.stance == "reject"
    assert doc.text[raw.cue[0] : raw.cue[1]] == "backed away from"


def test_stand_by_needs_a_position_and_hold_out_for_no_time() -> None:
    decision = parse(
        "The bank stood by its decision .",
        [1, 2, 2, 2, 5, 3, 2],
        "det nsubj ROOT prep poss pobj punct",
        "DT NN VBD IN PRP$ NN .",
        "the bank stand by its decision .",
    )
    roadside = parse(
        "The officials stood by the roadside .",
        [1, 2, 2, 2, 5, 3, 2],
        "det nsubj ROOT prep det pobj punct",
        "DT NNS VBD IN DT NN .",
        "the official stand by the roadside .",
    )
    minutes = parse(
        "The defence held out for 80 minutes .",
        [1, 2, 2, 2, 2, 6, 4, 2],
        "det nsubj ROOT prt prep nummod pobj punct",
        "DT NN VBD RP IN CD NNS .",
        "the defence hold out for 80 minute .",
    )
    assert phrasal_stance(decision[2]) is not None
    assert phrasal_stance(roadside[2]) is None
    assert phrasal_stance(minutes[2]) is None


def test_no_longer_negates_the_verb() -> None:
    doc = parse(
        "The mayor no longer supports the project .",
        [1, 4, 3, 4, 4, 6, 4, 4],
        "det nsubj neg advmod ROOT det dobj punct",
        "DT NN RB RB VBZ DT NN .",
        "the mayor no long support the project .",
    )
    assert _negated(doc[4])
    plain = parse(
        "The mayor longer supports the project .",
        [1, 3, 3, 3, 5, 3, 3],
        "det nsubj advmod ROOT det dobj punct",
        "DT NN RB VBZ DT NN .",
        "the mayor long support the project .",
    )
    assert not _negated(plain[3])


def test_a_feeling_after_must_be_is_inferred_not_demanded() -> None:
    doc = parse(
        "The players must be exhausted .",
        [1, 4, 4, 4, 4, 4],
        "det nsubjpass aux auxpass ROOT punct",
        "DT NNS MD VB VBN .",
        "the player must be exhaust .",
    )
    assert _forecast(doc[4], doc[2])
    held = parse(
        "The officers must be punished .",
        [1, 4, 4, 4, 4, 4],
        "det nsubjpass aux auxpass ROOT punct",
        "DT NNS MD VB VBN .",
        "the officer must be punish .",
    )
    assert not _forecast(held[4], held[2])


DEV = [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines() if '"half": "dev"' in line]

#: known gaps, strict so that a mark goes the day its sentence passes: a stance noun that is
#: the subject of another stance verb is left to that verb (nouns.py, STANCES_GUIDELINES.md
#: "rejected calls for Y"); coordinated holders get the first one's span ("China and Russia")
KNOWN_GAPS = {
    "nominal demand subject, passive": "a held stance noun as the passive subject of a stance verb",
    "blocked resolution": "a coordinated holder's span is its first conjunct",
}


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(r, marks=pytest.mark.xfail(reason=KNOWN_GAPS[r["form"]], strict=True))
        if r["form"] in KNOWN_GAPS
        else r
        for r in DEV
    ],
    ids=[r["form"] for r in DEV],
)
def test_wire_forms2_developed_on(extract, record) -> None:  # type: ignore[no-untyped-def]
    """The dev part of stance_wire_forms2.jsonl (type, holder, cue, object, negation); its
    held-out part is only scored by ``benchmarks/eval_stances.py --gold
    tests/fixtures/stance_wire_forms2.jsonl``."""
    art = extract(record["text"])
    names = {a.id: a.name.lower() for a in art.actors}
    got = [(s.stance, s.actor.text if s.actor else None, s.cue.text) for s in art.stances]
    for gold in record["stances"]:
        hit = [
            s
            for s in art.stances
            if s.stance == gold["stance"]
            and s.object is not None
            and gold["object_has"].lower() in s.object.text.lower()
            and gold["cue_has"].lower() in s.cue.text.lower()
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
