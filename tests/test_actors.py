"""Actors merged across mentions, with kinds, titles and resolved references."""

from __future__ import annotations


def by_name(article, name: str):  # type: ignore[no-untyped-def]
    hits = [a for a in article.actors if a.name == name]
    assert hits, [(a.name, a.kind) for a in article.actors]
    return hits[0]


def test_acronym_in_parentheses_is_one_actor(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Talks between the Palestinian Islamic Resistance Movement (Hamas) and Israel resumed. "
        "Hamas said it was ready. The group also demanded guarantees."
    )
    hamas = by_name(art, "Hamas")
    texts = [m.text for m in hamas.mentions]
    assert "the Palestinian Islamic Resistance Movement" in texts
    assert "The group" in texts
    assert hamas.kind == "organization"


def test_surname_joins_the_full_name_and_the_title_is_kept(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("US President Donald Trump spoke on Monday. Later, Trump said the plan would work.")
    trump = by_name(art, "Donald Trump")
    assert trump.kind == "person"
    assert trump.title == "US President"
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump"]


def test_news_agencies_are_outlets(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("A source told Xinhua the talks went well. Reuters and AFP reported the same.")
    for name in ("Xinhua", "Reuters", "AFP"):
        assert by_name(art, name).kind == "outlet"


def test_the_source_is_the_last_anonymous_source(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "The talks began, an Egyptian source told Xinhua. The source said they went well. Another source said nothing."
    )
    anon = [a for a in art.actors if a.kind == "anonymous"]
    first = next(a for a in anon if a.name == "an Egyptian source")
    assert "The source" in [m.text for m in first.mentions]
    assert any(a.name == "Another source" for a in anon)


def test_officials_and_states(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Israeli authorities said the attack killed 1,200 people, Qatar said.")
    assert by_name(art, "Israeli authorities").kind == "official"
    assert by_name(art, "Qatar").kind == "state"


def test_anonymity_marker_makes_an_official_anonymous(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("A senior official who asked not to be named said the deal was close.")
    kinds = {a.name: a.kind for a in art.actors}
    assert kinds.get("A senior official") == "anonymous"


def test_acronyms_join_their_full_names_either_way(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("The United Nations met on Monday. The UN said the US backed it. The United States denied it.")
    un = by_name(art, "United Nations")
    assert [m.text for m in un.mentions if m.text.lower() != "it"] == ["The United Nations", "UN"]
    us = next(a for a in art.actors if "US" in [m.text for m in a.mentions])
    assert "the United States" in [m.text.lower() for m in us.mentions] or "The United States" in [
        m.text for m in us.mentions
    ]


# -- issue 17: links a reader makes on real stories (sentences written for these tests) -----


def _actor_of(art, text: str):  # type: ignore[no-untyped-def]
    hits = [a for a in art.actors if any(m.text == text for m in a.mentions)]
    assert hits, (text, [(a.name, [m.text for m in a.mentions]) for a in art.actors])
    return hits[0]


def test_an_honorific_makes_a_person_whatever_the_ner_says() -> None:
    # UK style: "Mr Blair", which the NER sometimes labels an organisation
    import spacy
    from spacy.tokens import Doc

    from claimx.extractors.actors.mentions import _kind_of_entity

    doc = Doc(spacy.blank("en").vocab, words=["Mr", "Blair", "spoke", "."], ents=["B-ORG", "I-ORG", "O", "O"])
    assert _kind_of_entity(doc.ents[0]) == "person"


def test_a_lone_surname_before_the_full_name_is_the_same_person(extract) -> None:  # type: ignore[no-untyped-def]
    # sports-desk style: the surname in the headline, the full name in the body
    art = extract(
        "Haddad set for Lyon move\n\nFrance midfielder Karim Haddad is set to join Lyon. "
        "Haddad, 29, has agreed personal terms."
    )
    haddad = _actor_of(art, "Karim Haddad")
    assert haddad.kind == "person"
    assert sum(m.text == "Haddad" for m in haddad.mentions) == 2


def test_a_role_before_the_name_joins_the_person_with_that_title(extract) -> None:  # type: ignore[no-untyped-def]
    # Reuters style: the role in the lead, the titled name later
    art = extract(
        "Kenya's finance minister said on Tuesday that the budget deficit would narrow. "
        "Finance Minister Amina Wekesa told parliament the plan would cut borrowing."
    )
    wekesa = _actor_of(art, "Amina Wekesa")
    # "Kenya's finance minister" gives "Kenya" (the state) and "finance minister" (the guidelines' rule 3)
    assert "finance minister" in [m.text.lower() for m in wekesa.mentions]
    assert _actor_of(art, "Kenya").kind == "state"


def test_we_in_a_spokesmans_quote_is_the_body_he_speaks_for(extract) -> None:  # type: ignore[no-untyped-def]
    # AP style: an organisation's spokesman quoted in the first person plural
    art = extract(
        'Kestrel Motors said sales fell. "We expect a better second half," Kestrel Motors spokesman Tom Reyes said.'
    )
    we = _actor_of(art, "We")
    assert we.name == "Kestrel Motors" and we.kind == "organization"
