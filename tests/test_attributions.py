"""Attributions: rule logic on hand-built parses, then end-to-end on real text."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from claimx.extractors.actors import find_actors
from claimx.extractors.attributions import rule_attributions

from .conftest import assert_spans_valid


def parsed(words, heads, deps, pos, tags, lemmas, ents=None) -> Doc:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
    return doc


def spans(doc: Doc):  # type: ignore[no-untyped-def]
    table = find_actors(doc)
    out = []
    for r in rule_attributions(doc, table):
        get = lambda se: doc.text[se[0] : se[1]] if se else None  # noqa: E731
        out.append((get(r.source), get(r.cue), get(r.content), get(r.outlet), r.lemma))
    return out


def test_speech_verb_with_clause_on_a_hand_built_parse() -> None:
    doc = parsed(
        words=["The", "minister", "said", "the", "talks", "failed", "."],
        heads=[1, 2, 2, 4, 5, 2, 2],
        deps=["det", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
        pos=["DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "DT", "NNS", "VBD", "."],
        lemmas=["the", "minister", "say", "the", "talk", "fail", "."],
    )
    assert spans(doc) == [("The minister", "said", "the talks failed", None, "say")]


def test_content_first_on_a_hand_built_parse() -> None:
    doc = parsed(
        words=["Prices", "rose", ",", "traders", "said", "."],
        heads=[1, 4, 4, 4, 4, 4],
        deps=["nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"],
        pos=["NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"],
        tags=["NNS", "VBD", ",", "NNS", "VBD", "."],
        lemmas=["price", "rise", ",", "trader", "say", "."],
    )
    assert spans(doc) == [("traders", "said", "Prices rose", None, "say")]


def test_told_an_outlet_on_a_hand_built_parse() -> None:
    doc = parsed(
        words=["A", "source", "told", "Xinhua", "talks", "resumed", "."],
        heads=[1, 2, 2, 2, 5, 2, 2],
        deps=["det", "nsubj", "ROOT", "dobj", "nsubj", "ccomp", "punct"],
        pos=["DET", "NOUN", "VERB", "PROPN", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "NNP", "NNS", "VBD", "."],
        lemmas=["a", "source", "tell", "Xinhua", "talk", "resume", "."],
    )
    assert spans(doc) == [("A source", "told", "talks resumed", "Xinhua", "tell")]


def test_a_verb_without_a_clause_is_no_cue() -> None:
    doc = parsed(
        words=["She", "added", "salt", "."],
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["PRON", "VERB", "NOUN", "PUNCT"],
        tags=["PRP", "VBD", "NN", "."],
        lemmas=["she", "add", "salt", "."],
    )
    assert spans(doc) == []


# -- end to end --------------------------------------------------------------------------


def find(article, cue: str):  # type: ignore[no-untyped-def]
    hits = [a for a in article.attributions if a.cue.text.lower() == cue.lower()]
    hits = hits or [a for a in article.attributions if cue.lower() in a.cue.text.lower().split()]
    assert hits, [(a.cue.text, a.source and a.source.text) for a in article.attributions]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The source said the two sides focused on core issues.",
            "said",
            "The source",
            "the two sides focused on core issues",
        ),
        (
            "The talks will resume on Monday, the spokesman said.",
            "said",
            "the spokesman",
            "The talks will resume on Monday",
        ),
        ("The ban is illegal, said the minister.", "said", "the minister", "The ban is illegal"),
        ("Israel believes 48 hostages remain in Gaza.", "believes", "Israel", "48 hostages remain in Gaza"),
        ("Officials were quoted as saying the plan had failed.", "saying", "Officials", "the plan had failed"),
    ],
)
def test_indirect_speech(extract, text, cue, source, content) -> None:  # type: ignore[no-untyped-def]
    att = find(extract(text), cue)
    if source is not None:
        assert att.source is not None and att.source.text == source
    assert att.content is not None and content in att.content.text
    assert cue not in att.content.text.split()


def test_participle_shares_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "The source stressed that the group still seeks guarantees, adding that this remains the main obstacle."
    )
    att = find(art, "adding")
    assert att.source is not None and att.source.text == "The source"
    assert att.content is not None and "this remains the main obstacle" in att.content.text


def test_told_an_outlet_and_an_anonymous_source(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Talks resumed on Monday in Cairo, an Egyptian source told Xinhua.")
    att = find(art, "told")
    assert att.outlet is not None and att.outlet.text == "Xinhua"
    assert att.source is not None and att.source.text == "an Egyptian source"
    assert att.source.kind == "anonymous"
    assert att.content is not None and att.content.text.startswith("Talks resumed") and "told" not in att.content.text


def test_according_to(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Hamas rejected the deployment of foreign forces, according to the source.")
    att = find(art, "according to")
    assert att.source is not None and att.source.text == "the source"
    assert att.content is not None and "Hamas rejected the deployment" in att.content.text


def test_nesting_gives_the_outer_attribution_as_parent(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Hamas said it would only free the hostages once the offensive ends, arguing that the "
        "fighting prevents it, the source said."
    )
    outer = next(a for a in art.attributions if a.source and a.source.text == "the source")
    inner = next(a for a in art.attributions if a.source and a.source.text == "Hamas" and a.cue.text == "said")
    assert inner.parent == outer.id
    assert inner.content is not None and "the source said" not in inner.content.text


def test_direct_quote_split_by_its_cue(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract('"This budget," the mayor said, "protects the services people count on."')
    att = find(art, "said")
    assert att.direct
    assert att.content is not None and att.content.text.strip('"').startswith("This budget")
    assert att.content.text.strip('."').endswith("count on")


def test_quote_over_several_sentences(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract('The mayor said: "It is not perfect. But it is honest. We will fix it."')
    att = find(art, "said")
    assert att.content is not None and "We will fix it" in att.content.text and "It is not perfect" in att.content.text


def test_pronoun_source_links_to_its_actor(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Mayor Lori Harris spoke on Tuesday. She said the budget was balanced.")
    att = find(art, "said")
    actor = {a.id: a for a in art.actors}[att.source.actor]
    assert actor.name == "Lori Harris"


def test_odd_quote_marks_never_raise(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract('He said "this is " wrong " and “unbalanced, she said.')
    assert art.attributions


@pytest.mark.parametrize(
    ("text", "cue_word", "source", "kind", "content"),
    [
        (
            "The war has gone on, with Gaza health authorities reporting more than 67,000 deaths.",
            "reporting",
            "Gaza health authorities",
            "official",
            "more than 67,000 deaths",
        ),
        ("Polls show the senator leading in three states.", "show", "Polls", None, "the senator leading"),
        ("A ministry spokesman said the talks would continue.", "said", "A ministry spokesman", "official", "talks"),
        ("Sources close to the talks said a deal was near.", "said", "Sources close to the talks", "anonymous", "deal"),
        (
            "A senior official who asked not to be named said the deal was close.",
            "said",
            "A senior official",
            "anonymous",
            "the deal was close",
        ),
    ],
)
def test_reports_and_source_kinds(extract, text, cue_word, source, kind, content) -> None:  # type: ignore[no-untyped-def]
    att = find(extract(text), cue_word)
    assert att.source is not None and att.source.text.startswith(source)
    if kind is not None:
        assert att.source.kind == kind
    assert att.content is not None and content in att.content.text


def test_passive_without_a_source(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("It was announced on Monday that the plant would close.")
    att = find(art, "announced")
    assert att.source is None
    assert att.content is not None and "the plant would close" in att.content.text


def test_quote_continued_in_the_next_paragraph(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract('"The plan is sound. We have checked it.\n"It will work," the engineer said.')
    att = find(art, "said")
    assert att.direct
    assert att.content is not None and "The plan is sound" in att.content.text and "It will work" in att.content.text


def test_unclosed_quote_continued_to_the_end_of_the_story_is_all_its_speakers(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'Senator Jane Moore said: "I voted for this bill.\n\n"I will vote for it again.\n\n"My voters expect it.'
    art = extract(text)
    att = find(art, "said")
    assert att.content is not None and att.content.text.endswith("My voters expect it.")
    moore = next(a for a in art.actors if a.name.endswith("Jane Moore"))
    linked = {(m.start, m.end) for m in moore.mentions}
    for m in re.finditer(r"\b(I|My)\b", text):
        assert m.span() in linked


def test_according_to_an_outlet_is_nested_in_nothing_it_reports(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Israeli authorities said the attack killed 1,200 people, according to Reuters.")
    acc = find(art, "according to")
    assert acc.source is not None and acc.source.kind == "outlet"


# -- boundary rules (issue 13) ---------------------------------------------------------------


def test_a_split_quote_is_joined_only_when_its_first_piece_goes_on() -> None:
    from claimx.extractors.attributions.tagger import keeps_going

    text = '"This," he said, "is wrong." "We won." she said. "Now we govern."\n"More," they said.'
    this = (0, 7)
    assert keeps_going(text, this, 7, 17)
    won = (text.index('"We won'), text.index('"We won') + 9)
    assert not keeps_going(text, won, won[1], text.index('"Now'))
    # a paragraph break between the pieces
    now = (text.index('"Now'), text.index("\n"))
    assert not keeps_going(text, (0, 7), now[1], now[1] + 2)


def _raw_at(doc: Doc, source: str | None, cue: str, content: str | None):  # type: ignore[no-untyped-def]
    from claimx.extractors.attributions.base import Raw

    def at(s: str | None) -> tuple[int, int] | None:
        if s is None:
            return None
        i = doc.text.index(s)
        return (i, i + len(s))

    c = at(cue)
    assert c is not None
    return Raw(cue=c, source=at(source), content=at(content))


def test_the_subject_of_a_passive_cue_is_not_its_source() -> None:
    from claimx.extractors.attributions.boundaries import passive_source

    doc = parsed(
        words=["The", "deal", "was", "announced", "on", "Sunday", "."],
        heads=[1, 3, 3, 3, 3, 4, 3],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["DT", "NN", "VBD", "VBN", "IN", "NNP", "."],
        lemmas=["the", "deal", "be", "announce", "on", "Sunday", "."],
    )
    assert passive_source(_raw_at(doc, "The deal", "announced", None), doc).source is None
    # an active cue keeps its subject
    active = parsed(
        words=["The", "minister", "announced", "the", "deal", "."],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["det", "nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["DT", "NN", "VBD", "DT", "NN", "."],
        lemmas=["the", "minister", "announce", "the", "deal", "."],
    )
    raw = _raw_at(active, "The minister", "announced", "the deal")
    assert passive_source(raw, active) == raw


def test_a_passive_state_keeps_its_subject_as_source() -> None:
    """ "Republicans were incensed": no speech verb, the annotators mark the subject."""
    from claimx.extractors.attributions.boundaries import passive_source

    doc = parsed(
        words=["Republicans", "were", "incensed", "."],
        heads=[2, 2, 2, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "punct"],
        pos=["PROPN", "AUX", "VERB", "PUNCT"],
        tags=["NNPS", "VBD", "VBN", "."],
        lemmas=["Republicans", "be", "incense", "."],
    )
    raw = _raw_at(doc, "Republicans", "incensed", None)
    assert passive_source(raw, doc) == raw


def test_a_mid_sentence_speaker_reports_the_whole_sentence() -> None:
    from claimx.extractors.attributions.boundaries import parenthetical

    doc = parsed(
        words=["The", "economy", ",", "the", "minister", "said", ",", "will", "grow", "."],
        heads=[1, 8, 5, 4, 5, 8, 5, 8, 8, 8],
        deps=["det", "nsubj", "punct", "det", "nsubj", "parataxis", "punct", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", ",", "DT", "NN", "VBD", ",", "MD", "VB", "."],
        lemmas=["the", "economy", ",", "the", "minister", "say", ",", "will", "grow", "."],
    )
    out = parenthetical(_raw_at(doc, "the minister", "said", "will grow"), doc)
    assert out.content is not None
    assert doc.text[out.content[0] : out.content[1]] == "The economy , the minister said , will grow"
    # a speaker opening the sentence is no parenthesis
    lead = parsed(
        words=["The", "minister", "said", ",", "the", "economy", "will", "grow", "."],
        heads=[1, 2, 2, 2, 5, 7, 7, 2, 2],
        deps=["det", "nsubj", "ROOT", "punct", "det", "nsubj", "aux", "ccomp", "punct"],
        pos=["DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", ",", "DT", "NN", "MD", "VB", "."],
        lemmas=["the", "minister", "say", ",", "the", "economy", "will", "grow", "."],
    )
    raw = _raw_at(lead, "The minister", "said", "the economy will grow")
    assert parenthetical(raw, lead) == raw


@pytest.mark.parametrize(
    "text, first, second",
    [
        # AP: the cue closes the paragraph, the quote goes on in the next one
        (
            '"We are not going anywhere," Mayor Lori Carter said.\n\n"This is our home."',
            '"We are not going anywhere,"',
            '"This is our home."',
        ),
        # UK paper, single quotes, a new paragraph after the cue
        (
            "'We will fix it,' the minister said.\n\n'That takes time.'",
            "'We will fix it,'",
            None,
        ),
    ],
)
def test_split_quotes_that_end_their_sentence_or_paragraph_stay_apart(
    extract, text: str, first: str, second: str | None
) -> None:  # type: ignore[no-untyped-def]
    article = extract(text)
    contents = [a.content.text for a in article.attributions if a.content is not None]
    assert contents
    assert second is None or not any(first.strip("\"',") in c and second in c for c in contents), contents
    assert not any("\n" in c for c in contents), contents


# -- daily patterns (issue 13, item 4), end to end in several house styles ---------------------


def _triples(extract, text: str):  # type: ignore[no-untyped-def]
    article = extract(text)
    assert_spans_valid(article)
    return [
        (a.source.text if a.source else None, a.cue.text, a.content.text if a.content else None)
        for a in article.attributions
    ]


def test_reuters_anonymous_sources_are_the_source_and_their_clause_reports_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Three sources, who declined to be named because they were not authorised to speak "
        "publicly, told Reuters the deal was close."
    )
    got = _triples(extract, text)
    assert [s for s, _, _ in got] == ["Three sources"]
    assert [c for _, c, _ in got] == ["told"]


def test_a_relative_pronoun_source_is_resolved_to_its_antecedent(extract) -> None:  # type: ignore[no-untyped-def]
    article = extract("The city council, which said the budget was balanced, voted on Monday to approve it.")
    att = next(a for a in article.attributions if a.cue.text == "said")
    assert att.source is not None and att.source.actor is not None
    actor = next(x for x in article.actors if x.id == att.source.actor)
    assert "council" in actor.name.lower()


def test_a_content_never_holds_its_own_source_and_cue(extract) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, "Troops shelled the town overnight, which officials said killed 1,200 people.")
    said = [x for x in got if x[1] == "said"]
    assert said and all(c is not None and "said" not in c and "officials" not in c for _, _, c in said)


def test_ap_credit_lines_are_not_attributions(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "CHICAGO (AP) — The council approved the budget on Wednesday, the mayor said.\n\n"
        "Associated Press writers Jane Doe and John Roe contributed to this report."
    )
    got = _triples(extract, text)
    assert got and all("contributed" not in (c or "") and cue != "writers" for _, cue, c in got)


def test_a_headline_verb_that_is_not_speech_is_no_attribution(extract) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, "Senate passes bill\n\nThe Senate on Tuesday passed the bill, its sponsor said.")
    assert "passes" not in [cue for _, cue, _ in got]


def test_uk_single_quotes_are_one_direct_quote_over_its_sentences(extract) -> None:  # type: ignore[no-untyped-def]
    article = extract("'We will fix it. That takes time,' the health secretary said on Sunday.")
    att = next(a for a in article.attributions if a.cue.text == "said")
    assert att.content is not None and att.direct
    assert "We will fix it. That takes time" in att.content.text


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the bridge would reopen in May and",
        "The company said sales rose 5% in the quarter and that it would hire 200 people, and",
    ],
)
def test_contents_never_end_in_a_dangling_and(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, text)
    assert got and all(c is not None and not c.rstrip(" ,").endswith(" and") for _, _, c in got)


def test_raising_predicates_have_no_source(extract) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, "The minister appeared to concede that the plan had failed.")
    assert all(s is None for s, cue, _ in got if cue.startswith("appeared"))


def test_a_press_release_time_word_is_not_part_of_the_source(extract) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, "ACME Corp. today announced that it has acquired Widget Inc. for $50 million.")
    assert ("ACME Corp.", "announced", "that it has acquired Widget Inc. for $50 million") in got
