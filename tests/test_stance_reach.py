"""Stance rules held to their kind, not to the sentences they were written for: what a
party wants done is a demand even when its verb can also forecast, a lemma bar on an object
does not hide a stance noun, quotes of every style shelter a first-person stance, and a
threat needs somebody who can meet its condition. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import stance_triples as _stances


@pytest.mark.parametrize(
    ("text", "holder", "obj"),
    [
        ("The mayor said that the ferry service should resume in spring.", "The mayor", "resume"),
        ("Residents insisted the refinery must close before 2030.", "Residents", "close"),
        ("The league said other clubs should follow its lead.", "The league", "follow"),
        ("Doctors said ministers must prove the scheme is safe.", "Doctors", "prove"),
    ],
)
def test_an_act_a_party_wants_done_is_a_demand_whatever_its_verb(extract, text, holder, obj) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract, text)
    assert any(s == "demand" and h == holder and obj in o for s, h, o in got), got


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker said sales should top 2 million units next year.",
        "The bank said the merger should close in the second quarter.",
        "Economists said the gap between the two rates should narrow.",
        "The ministry said the increase should not hurt exports.",
    ],
)
def test_the_same_verbs_after_a_quantity_or_market_word_forecast(extract, text) -> None:  # type: ignore[no-untyped-def]
    assert [s for s in _stances(extract, text) if s[0] == "demand"] == []


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Local councillors backed calls and supported demands for a public hearing.", "demands for a public hearing"),
        ("The senator supported the nurses' demand for safer staffing.", "demand for safer staffing"),
    ],
)
def test_supporting_a_demand_somebody_made_is_an_acceptance(extract, text, obj) -> None:  # type: ignore[no-untyped-def]
    assert any(s == "accept" and obj in o for s, _, o in _stances(extract, text)), _stances(extract, text)


def test_supporting_demand_in_the_economic_sense_is_no_position(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract, "The central bank lowered rates to support demand for new housing.")
    assert [s for s in got if s[0] == "accept"] == [], got


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("\u2018We back the ban. We want it now.\u2019", True),
        ("'We back the ban. We want it now.'", True),
        ("\u201cWe back the ban.\u201d", True),
        ("\u2018We back the ban,\u2019 he said. We want it now.", False),
        ("Readers wrote: We back the ban.", False),
    ],
)
def test_a_quotation_of_any_style_shelters_a_first_person_stance(text: str, inside: bool) -> None:
    from claimx.extractors.stances.mood import _quoted

    assert _quoted(text, text.rindex("We")) is inside


def test_a_first_person_stance_in_uk_single_quotes_is_kept(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract, "\u2018We oppose the merger. We want a public inquiry.\u2019")
    assert {s for s, _, _ in got} >= {"reject", "demand"}, got
    assert _stances(extract, "We oppose the merger. Sam, Hull") == []


def test_a_sanction_unless_a_party_acts_is_a_threat_whose_object_is_the_sanction(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Tenants said they would withhold rent unless the landlord fixed the heating.")
    threats = [s for s in art.stances if s.stance == "threaten"]
    assert len(threats) == 1, art.stances
    assert threats[0].object is not None and threats[0].object.text == "withhold rent"
    assert threats[0].cue.text == "would"


@pytest.mark.parametrize(
    "text",
    [
        "The bakery said it would shut its doors unless sales improved.",
        "The ferry firm said it would suspend crossings unless the weather eased.",
    ],
)
def test_a_plan_that_waits_on_events_threatens_nobody(extract, text) -> None:  # type: ignore[no-untyped-def]
    assert [s for s in _stances(extract, text) if s[0] == "threaten"] == []


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The minister would not say whether the cabinet would back the bill.", True),
        ("The review asked how councils could accept the cuts.", True),
        ("The union said that when talks resume it would accept the offer.", False),
    ],
)
def test_a_complement_that_opens_with_a_question_word_is_a_question(extract, text, asked) -> None:  # type: ignore[no-untyped-def]
    got = [s for s in _stances(extract, text) if s[0] in ("accept", "reject")]
    assert (got == []) is asked, got


@pytest.mark.parametrize(
    "text",
    ["The assembly will vote again in June.", "Members voted in the spring on a new constitution."],
)
def test_voting_in_a_month_or_place_takes_no_side(extract, text) -> None:  # type: ignore[no-untyped-def]
    assert _stances(extract, text) == []


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Shareholders voted in favour of the takeover.", "the takeover"),
        ("Nurses voted overwhelmingly in favor of a strike.", "a strike"),
    ],
)
def test_voting_in_favour_of_something_accepts_it(extract, text, obj) -> None:  # type: ignore[no-untyped-def]
    assert ("accept", obj) in [(s, o) for s, _, o in _stances(extract, text)], _stances(extract, text)


def test_two_coordinated_should_clauses_are_two_demands(extract) -> None:  # type: ignore[no-untyped-def]
    got = _stances(extract, "The union said ministers must act now and the company should raise its offer.")
    assert [(s, o) for s, _, o in got] == [("demand", "act now"), ("demand", "raise its offer")], got
    got = _stances(extract, "The mayor said the city should cut fares and expand bus routes.")
    assert [(s, o) for s, _, o in got] == [("demand", "cut fares and expand bus routes")], got
