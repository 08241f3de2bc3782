"""Over-reach probes of the actor rules, on text written for these tests: a capital that is a
person's or a club's name, a capital owning a city's things, a title owning a name ("the King's
Speech"), a nickname ending another club's name, a title-case AFP dateline. The syntactic rules on
hand-built Docs; a few end to end with the real model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from benchmarks.eval_actor_links import locate
from claimx.extractors.actors.mentions import titles_a_name, with_first_word
from claimx.extractors.actors.nations import capital_as_state
from claimx.schema import Actor, Article

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str] | None = None) -> Doc:
    tags = ["POS" if w == "'s" else "" for w in words]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


def _actor(art: Article, text: str, ref: str) -> Actor | None:
    start, end = locate(text, ref)
    hits = [a for a in art.actors if any(m.start < end and start < m.end for m in a.mentions)]
    assert len(hits) <= 1, (ref, [(a.name, [m.text for m in a.mentions]) for a in art.actors])
    return hits[0] if hits else None


def test_a_capital_owning_a_city_office_is_the_city() -> None:
    # "London's mayor said" / "London's plans were rejected"
    words = ["London", "'s", "mayor", "said", "."]
    doc = _doc(
        words, [2, 0, 3, 3, 3], ["poss", "case", "nsubj", "ROOT", "punct"], ["PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    )
    assert capital_as_state(doc, doc[0:1]) is None
    words = ["London", "'s", "plans", "failed", "."]
    doc = _doc(
        words, [2, 0, 3, 3, 3], ["poss", "case", "nsubj", "ROOT", "punct"], ["PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    )
    assert capital_as_state(doc, doc[0:1]) == "britain"


def test_a_capital_with_a_name_compounded_before_it_is_no_country() -> None:
    # "Real Madrid signed ..." vs "Madrid signed ..."
    doc = _doc(
        ["Real", "Madrid", "signed", "him", "."],
        [1, 2, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
    )
    assert capital_as_state(doc, doc[1:2]) is None
    doc = _doc(
        ["Madrid", "signed", "it", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "PRON", "PUNCT"],
    )
    assert capital_as_state(doc, doc[0:1]) == "spain"


def test_a_town_with_a_capitalised_word_before_it_is_a_club_not_east_jerusalem() -> None:
    doc = _doc(
        ["Hertha", "Berlin", "won", "."],
        [1, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["O", "B-GPE", "O", "O"],
    )
    longer = with_first_word(doc.ents[0], set())
    assert (longer.text, longer.label_) == ("Hertha Berlin", "ORG")
    doc = _doc(
        ["East", "Jerusalem", "voted", "."],
        [1, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["O", "B-GPE", "O", "O"],
    )
    assert with_first_word(doc.ents[0], set()).text == "Jerusalem"


def test_a_title_owning_a_name_is_part_of_it_but_a_country_is_not() -> None:
    pos = ["DET", "PROPN", "PART", "PROPN", "VERB", "PUNCT"]
    deps = ["det", "poss", "case", "nsubj", "ROOT", "punct"]
    doc = _doc(["The", "King", "'s", "Speech", "passed", "."], [1, 3, 1, 4, 4, 4], deps, pos)
    assert titles_a_name(doc[1])
    doc = _doc(["The", "King", "'s", "plan", "passed", "."], [1, 3, 1, 4, 4, 4], deps, [*pos[:3], "NOUN", *pos[4:]])
    assert not titles_a_name(doc[1])  # "the King's plan": the King
    doc = _doc(
        ["Germany", "'s", "Commerzbank", "fell", "."],
        [2, 0, 3, 3, 3],
        ["poss", "case", "nsubj", "ROOT", "punct"],
        ["PROPN", "PART", "PROPN", "VERB", "PUNCT"],
        ents=["B-GPE", "O", "B-ORG", "O", "O"],
    )
    assert not titles_a_name(doc[0])


def test_a_capital_named_for_a_person_in_the_story_is_that_person(extract) -> None:  # type: ignore[no-untyped-def]
    # AP-style state-house story
    text = (
        "Rep. Marcus Washington, a Democrat from Cleveland, said on Tuesday the bill would fail. "
        "Washington told reporters he would vote against it."
    )
    art = extract(text)
    person = _actor(art, text, "Marcus Washington")
    assert person is not None and person.kind == "person"
    assert _actor(art, text, "Washington#2") == person
    assert "United States" not in {a.name for a in art.actors}


def test_korean_family_name_and_named_club_nickname(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Kim Jong Un met Moon Jae-in on Friday. Kim said the talks had been useful."
    art = extract(text)
    assert _actor(art, text, "Kim#2") == _actor(art, text, "Kim Jong Un")
    text = "The New Orleans Saints signed a quarterback on Monday. The Saints said the deal ran for four years."
    art = extract(text)
    assert _actor(art, text, "Saints#2") == _actor(art, text, "The New Orleans Saints")


def test_party_reference_and_owned_ministry(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Labour leader Keir Starmer said on Sunday the party would cut energy bills."
    art = extract(text)
    assert _actor(art, text, "the party") == _actor(art, text, "Labour")
    text = (
        "Portugal's foreign ministry summoned the Iranian ambassador on Monday. "
        "The ministry said the detention was unacceptable."
    )
    art = extract(text)
    ministry = _actor(art, text, "foreign ministry")
    assert ministry is not None and _actor(art, text, "The ministry") == ministry


def test_afp_title_case_dateline_is_no_actor(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Lisbon (AFP) - Lisbon will host the summit in June, officials said."
    art = extract(text)
    assert art.dateline is not None and art.dateline.location == "Lisbon"
    assert _actor(art, text, "AFP") is None or _actor(art, text, "AFP").name != "Portugal"  # type: ignore[union-attr]
    assert _actor(art, text, "Lisbon#1") is None


def test_a_nationality_of_another_country_is_not_the_last_body(extract) -> None:  # type: ignore[no-untyped-def]
    # business desk: the Spanish bank is not the Italian lender named before it
    text = (
        "Italian lender UniCredit and Spain's Santander both bid for the insurer. "
        "The Spanish bank said its offer was final."
    )
    art = extract(text)
    assert _actor(art, text, "The Spanish bank") != _actor(art, text, "UniCredit")


def test_a_rank_before_a_name_and_an_owned_group_mention(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Sgt. Kelly Marsh of the Royal Marines said her unit had been deployed."
    art = extract(text)
    assert {a.name for a in art.actors} >= {"Kelly Marsh"}
    assert not any(m.text.rstrip(".") in ("Sgt", "Sgt.") for a in art.actors for m in a.mentions)
    text = "Hungary and Slovakia blocked the deal. The bloc's foreign ministers will meet again on Monday."
    art = extract(text)
    assert not any(m.text.startswith("'s") for a in art.actors for m in a.mentions)
