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
    # the holder's actor by its name or any of its mentions ("Paris" of the actor "France")
    names = {a.id: " | ".join([a.name, *(m.text for m in a.mentions)]).lower() for a in art.actors}
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


#: sentences written for these rules (not taken from any gold set): text -> (type, holder, cue,
#: object) expected among the stances, or None for a sentence that states no position
RULES: dict[str, tuple[str, str | None, str, str] | None] = {
    # a subject the parser hangs on an auxiliary, and a stance verb after "prepared to"
    "The minister said the country was prepared to veto any deal on fishing.": (
        "reject",
        "the country",
        "veto",
        "any deal",
    ),
    # a past "had to" under a past reporting verb is the reporter's demand ...
    "The committee said the ministry had to publish its accounts.": (
        "demand",
        "The committee",
        "had",
        "publish its accounts",
    ),
    # ... but not a dated past one, nor the holder's own necessity
    "The mayor said the city had to borrow heavily in the 1990s.": None,
    "He said he had to leave early to catch a flight.": None,
    # agent nouns said of the subject; a fan of a club holds no position
    "She has long been an opponent of the death penalty.": ("reject", "She", "opponent of", "the death penalty"),
    "He was a supporter of Manchester United as a boy.": None,
    # for-to clauses, ordered participle clauses, pseudo-clefts
    "Opposition leaders are asking for the vote to be postponed.": (
        "demand",
        "Opposition leaders",
        "asking for",
        "the vote to be postponed",
    ),
    "The judge ordered the documents released.": ("demand", "The judge", "ordered", "the documents released"),
    "What the union wants is a 5 percent rise, a spokesman said.": ("demand", "the union", "wants", "5 percent rise"),
    # the one named before "for refusing" refused; a purpose clause takes the main subject
    "The league fined the club for refusing to play the match.": ("reject", "the club", "refusing", "play the match"),
    "The minister flew to Brussels to press for a better deal.": ("demand", "The minister", "press for", "better deal"),
    # a condition on an event is set by the one who reports it
    "The union said the strike would go ahead unless the company improved its offer.": (
        "condition",
        "The union",
        "unless",
        "the company improved its offer",
    ),
    # a stance noun that a preposition governs is an argument, no position
    "The club issued a statement over its support for the manager.": None,
    # want + the holder's own act
    "The striker said he wants to stay at the club until the end of his contract.": None,
    # a finite passive with no agent reports a position with no holder named ...
    "The proposal was rejected at a meeting on Monday.": ("reject", None, "rejected", "The proposal"),
    # ... but a passive foreseen or a participle takes none
    "The merger will be approved next week, sources said.": None,
    "The plan, proposed last year, is now dead.": None,
    # a participle clause wanted; a correspondent's "have to" is analysis
    "Businesses wanted it frozen.": ("demand", "Businesses", "wanted", "it frozen"),
    "BBC correspondent Jane Hill said the two sides now have to look at the detail.": None,
    # "called on X to Y" with X hung on the particle: the call, not the rejection, is the union's
    "The union has called on members to reject the offer.": ("demand", "The union", "called on", "reject the offer"),
    # a threat "with" a sanction; a storm threatens nobody
    "The EU has threatened Washington with retaliatory tariffs.": (
        "threaten",
        "The EU",
        "threatened",
        "retaliatory tariffs",
    ),
    "The storm threatened the town with floods.": None,
    # a light verb's other object is what is backed, but the one warned is no object
    "The board gave the plan its full backing.": ("accept", "The board", "gave", "the plan"),
    "The teacher gave the pupils a warning.": None,
    # a tensed verb conjoined to an infinitive belongs to the clause above it
    "He told ministries to curb spending and promised a review of state industries.": (
        "propose",
        "He",
        "promised",
        "a review of state industries",
    ),
    # an "if" that frames what is said sets no condition; the acceptance stands
    'He said: "If you look at the figures, then I would support a cut in rates."': (
        "accept",
        "He",
        "would support",
        "a cut in rates",
    ),
    # a document's "needed to" is no holder's demand; a "what" clause inside a subject is no cleft
    "An annual economic survey said India needed to ease restrictions on foreign investment.": None,
    "The question of what rights they have to say what they want on their sites is a thorny one.": None,
    # "she" after "Pound said" is asked of another; a purchase ordered; a bias, no stance
    "Pound said she should be stripped of all her medals.": ("demand", "Pound", "should", "stripped of all her medals"),
    "The airline said it ordered six jets valued at about 150 mln dlrs.": None,
    "The income tax cuts favour the wealthy, critics said.": None,
    # the passive subject of "urged to" is the one asked; a financial "support"
    "Technology firms are being urged to do more to protect children online.": None,
    "The company said it will apply the proceeds of the sale to support its line of credit.": None,
    # "the three" are people; an addressee warned in the passive holds nothing; a "for"
    # phrase before an inverted reporting verb is no "argues for"
    "The three have refused to confirm reports they plan to launch an airline.": (
        "reject",
        "The three",
        "refused",
        "confirm reports",
    ),
    "Users are being warned about fake hotspots.": None,
    "Broadband is a central part of daily life, at least for some, argues analyst Bill Thompson.": None,
    # traps: a question under "decide whether", a score held out for, a record label
    "Voters will decide whether to accept the plan.": None,
    "The team held out for a 1-1 draw.": None,
    "The band signed up to a new label last year.": None,
    # ... the verb above in its own tense: the speaker calls, the workers do not
    "Ms Hill said nurses did not want to go on strike and called for talks with ministers.": (
        "demand",
        "Ms Hill",
        "called for",
        "talks with ministers",
    ),
    # an object shifted after the "as" phrase
    "Iran has rejected as unacceptable a UN demand to halt enrichment.": (
        "reject",
        "Iran",
        "rejected",
        "a UN demand to halt enrichment",
    ),
    # the reporter's forecast of a stance is none; "argued for"; "against" + a gerund
    "The opposition is expected to vote against the measure.": None,
    "The syndicate is likely to accept the offer.": None,
    "Two governors have argued for a pause.": ("demand", "Two governors", "argued for", "a pause"),
    "The finance ministry is against raising the retirement age.": (
        "reject",
        "The finance ministry",
        "against",
        "raising the retirement age",
    ),
}


@pytest.mark.parametrize("text", list(RULES))
def test_written_forms_for_the_dev2_rules(extract, text) -> None:  # type: ignore[no-untyped-def]
    art = extract(text)
    got = [
        (s.stance, s.actor.text if s.actor else None, s.cue.text, s.object.text if s.object else None)
        for s in art.stances
    ]
    want = RULES[text]
    if want is None:
        assert got == []
        return
    stance, holder, cue, obj = want
    assert any(g[0] == stance and g[1] == holder and g[2] == cue and g[3] is not None and obj in g[3] for g in got), got
