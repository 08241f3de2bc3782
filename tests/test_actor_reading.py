"""Actors as a reader counts them, on stories written for these tests in several house styles
(Xinhua, Reuters, AP, a UK paper, a press release)."""

from __future__ import annotations

from claimx.schema import Actor, Article


def actor_with(art: Article, mention: str) -> Actor:
    hits = [a for a in art.actors if any(m.text == mention for m in a.mentions)]
    assert len(hits) == 1, [(a.name, [m.text for m in a.mentions]) for a in art.actors]
    return hits[0]


def names(art: Article) -> list[str]:
    return [m.text for a in art.actors for m in a.mentions]


def test_cities_are_places_and_countries_states(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "CAIRO, May 2 (Xinhua) -- Egypt and Qatar resumed mediation in Sharm el-Sheikh on Tuesday, "
        "a week after talks in Istanbul broke down, an Egyptian source told Xinhua."
    )
    assert actor_with(art, "Egypt").kind == "state"
    assert actor_with(art, "Qatar").kind == "state"
    assert actor_with(art, "Istanbul").kind == "place"


def test_a_nationality_describes_a_source_and_is_no_actor(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("An Egyptian source said the delegations would meet again on Sunday.")
    assert "Egyptian" not in names(art)
    source = actor_with(art, "An Egyptian source")
    assert (source.kind, source.nationality) == ("anonymous", "Egyptian")


def test_a_plural_people_noun_stays_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("The Palestinians rejected the proposal, and the Israelis said they would study it.")
    assert actor_with(art, "Palestinians").kind == "group"


def test_units_and_state_abbreviations_are_no_actors(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "NEW YORK, March 4 - Acme Mining said it earned 12.5 mln dlrs, or 41 cts a share. "
        "Sen. Dana Holt, R-Calif., said the committee would review the merger."
    )
    for word in ("dlrs", "cts", "mln", "Calif."):
        assert not any(word in n for n in names(art)), names(art)


def test_a_surname_joins_the_full_name_as_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "WASHINGTON (AP) - President Joe Biden met union leaders on Friday. Biden told them the plant would stay open."
    )
    biden = actor_with(art, "Biden")
    assert biden.kind == "person" and "Joe Biden" in [m.text for m in biden.mentions]


def test_a_company_with_and_without_its_suffix_is_one_organisation(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "SAN JOSE, Calif., Oct. 24, 2024 /PRNewswire/ -- Acme Robotics, Inc. today announced a new "
        "warehouse robot. Acme Robotics said deliveries start in March. Acme expects to hire 200 people."
    )
    acme = actor_with(art, "Acme Robotics")
    texts = [m.text for m in acme.mentions]
    assert "Acme" in texts and any(t.startswith("Acme Robotics, Inc") for t in texts), texts


def test_a_title_before_a_name_is_stripped_when_names_are_matched(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "RIYADH (Reuters) - Prince Abdulaziz bin Salman said output would rise. "
        "Prince Abdulaziz added that the market was balanced."
    )
    prince = [a for a in art.actors if a.kind == "person" and "Abdulaziz" in a.name]
    assert len(prince) == 1, [(a.name, a.kind) for a in art.actors]


def test_party_and_title_of_a_senator(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Republican Sen. Rand Paul said on Sunday he would vote against the bill.")
    paul = actor_with(art, "Rand Paul")
    assert (paul.kind, paul.title, paul.party) == ("person", "Sen.", "Republican")


def test_the_title_alone_refers_to_the_named_holder(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Prime Minister Ana Lima arrived in Lisbon on Monday. "
        "The prime minister said the budget would be balanced by 2027."
    )
    lima = actor_with(art, "Ana Lima")
    assert "The prime minister" in [m.text for m in lima.mentions]


def test_pronouns_go_to_the_person_of_their_gender(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Ms. Ngozi Okafor, the finance minister, met Mr. Tunde Bello on Monday. "
        "Okafor said she would not raise taxes this year."
    )
    okafor = actor_with(art, "Ngozi Okafor")
    assert "she" in [m.text for m in okafor.mentions]
    assert "Okafor" in [m.text for m in okafor.mentions]


def test_it_after_a_company_subject_is_the_company(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Toyota said on Tuesday it would cut output at two plants.")
    toyota = actor_with(art, "Toyota")
    assert "it" in [m.text for m in toyota.mentions]


def test_it_with_no_referent_is_left_alone(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("The union met on Monday. It was not clear whether talks would resume.")
    assert "It" not in names(art)


def test_a_media_short_form_joins_the_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("The Wall Street Journal reported the deal on Monday. A spokesman told the WSJ that talks continued.")
    wsj = actor_with(art, "WSJ")
    assert "The Wall Street Journal" in [m.text for m in wsj.mentions]


def test_a_title_case_headline_guess_is_dropped(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Aquino Announces Land Reform Plans\n\nMANILA, March 3 - President Corazon Aquino announced "
        "a land reform programme on Tuesday, officials said."
    )
    assert not any("Announces" in n for n in names(art)), names(art)


def test_a_source_is_the_person_not_the_organisation_in_her_apposition(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Lena Brandt, an economist at Kiel University, said growth would slow next year.")
    sources = [a.source for a in art.attributions if a.source is not None]
    assert sources, art.attributions
    person = actor_with(art, "Lena Brandt")
    assert person.kind == "person"
    assert sources[0].actor == person.id


def test_the_same_unnamed_source_described_again(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "A diplomat familiar with the talks said the sides were close to a deal. "
        "The diplomat added that a text could be ready by Friday."
    )
    diplomat = actor_with(art, "A diplomat")
    assert "The diplomat" in [m.text for m in diplomat.mentions]
