"""Sources: the speaker a cue's parse names where the tagger gave none, and speakers quoted
inside another's words; rule logic on hand-built parses, then end to end in several house
styles."""

from __future__ import annotations

from dataclasses import replace

from claimx.extractors.attributions.base import Raw
from claimx.extractors.attributions.boundaries import parsed_source
from claimx.extractors.attributions.patterns import quoted_within

from .test_attributions import _raw_at, parsed


def _conjoined() -> object:
    # "Clinton paused, then revealed the plan."
    return parsed(
        words=["Clinton", "paused", ",", "then", "revealed", "the", "plan", "."],
        heads=[1, 1, 1, 4, 1, 6, 4, 1],
        deps=["nsubj", "ROOT", "punct", "advmod", "conj", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "PUNCT", "ADV", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", ",", "RB", "VBD", "DT", "NN", "."],
        lemmas=["Clinton", "pause", ",", "then", "reveal", "the", "plan", "."],
    )


def test_a_learned_cue_without_source_takes_the_speaker_of_its_parse() -> None:
    doc = _conjoined()
    raw = _raw_at(doc, None, "revealed", "the plan")
    learned = Raw(cue=raw.cue, content=raw.content, learned=True)
    got = parsed_source(learned, doc).source
    assert got is not None and doc.text[got[0] : got[1]] == "Clinton"
    # the rules' own attributions and a cue that already has a source are left alone
    assert parsed_source(raw, doc) == raw
    with_source = Raw(cue=raw.cue, source=(0, 7), content=raw.content, learned=True)
    assert parsed_source(with_source, doc) == with_source


def test_a_relative_pronoun_or_expletive_is_no_parsed_source() -> None:
    # "It seems ...", "which revealed ...": nothing a reader would call a speaker
    doc = parsed(
        words=["the", "report", ",", "which", "revealed", "the", "plan", "."],
        heads=[1, 1, 1, 4, 1, 6, 4, 1],
        deps=["det", "ROOT", "punct", "nsubj", "relcl", "det", "dobj", "punct"],
        pos=["DET", "NOUN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["DT", "NN", ",", "WDT", "VBD", "DT", "NN", "."],
        lemmas=["the", "report", ",", "which", "reveal", "the", "plan", "."],
    )
    raw = _raw_at(doc, None, "revealed", "the plan")
    learned = Raw(cue=raw.cue, content=raw.content, learned=True)
    assert parsed_source(learned, doc).source is None


def _quoted() -> tuple[object, Raw, Raw]:
    # '"I have always said I expect scrutiny," he said.'
    words = ['"', "I", "have", "always", "said", "I", "expect", "scrutiny", ",", '"', "he", "said", "."]
    doc = parsed(
        words=words,
        heads=[4, 4, 4, 4, 11, 6, 4, 6, 4, 4, 11, 11, 11],
        deps=[
            "punct",
            "nsubj",
            "aux",
            "advmod",
            "ccomp",
            "nsubj",
            "ccomp",
            "dobj",
            "punct",
            "punct",
            "nsubj",
            "ROOT",
            "punct",
        ],
        pos=["PUNCT", "PRON", "AUX", "ADV", "VERB", "PRON", "VERB", "NOUN", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"],
        tags=["``", "PRP", "VBP", "RB", "VBN", "PRP", "VBP", "NN", ",", "''", "PRP", "VBD", "."],
        lemmas=['"', "I", "have", "always", "say", "I", "expect", "scrutiny", ",", '"', "he", "say", "."],
    )
    text = doc.text
    outer_cue = text.rindex("said")
    outer = Raw(
        cue=(outer_cue, outer_cue + 4), source=(text.index("he"), text.index("he") + 2), content=(2, text.index(","))
    )
    inner = _raw_at(doc, "I", "said", "I expect scrutiny")
    return doc, outer, inner


def test_a_speaker_quoting_himself_inside_his_words_is_no_attribution() -> None:
    doc, outer, inner = _quoted()
    assert quoted_within([outer, inner], doc) == [outer]
    # on its own (no content around it) the same "I said" stays
    assert quoted_within([inner], doc) == [inner]
    # the selector may give both cues the whole quotation: the same span, still another's content
    same = replace(inner, content=outer.content)
    assert quoted_within([outer, same], doc) == [outer]


def _triples(extract, text: str):  # type: ignore[no-untyped-def]
    return [
        (a.source.text if a.source else None, a.cue.text, a.content.text if a.content else None)
        for a in extract(text).attributions
    ]


def test_quoted_self_reports_are_no_attributions_in_several_house_styles(extract) -> None:  # type: ignore[no-untyped-def]
    for text, speaker in [
        ('"I have always said that we would win this race," Smith told reporters in Des Moines on Tuesday.', "Smith"),
        (
            "'As you said yourself last week, the figures do not add up,' the shadow chancellor told MPs.",
            "the shadow chancellor",
        ),
        (
            '"We said from day one that the plant would stay open," a company spokeswoman said in a statement.',
            "a company spokeswoman",
        ),
        # someone else quoted inside the quotation: still the quoted speaker's words
        (
            '"The minister said the deal was dead, and we believed him," the union leader told reporters on Friday.',
            "the union leader",
        ),
        ("'Our lawyers say the contract is void,' a Thames Water spokesman said.", "a Thames Water spokesman"),
    ]:
        got = _triples(extract, text)
        assert [s for s, _, _ in got] == [speaker], text


def test_a_conjoined_cue_takes_the_subject_of_its_first_verb(extract) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, "Clinton paused, then revealed that she would visit Flint next week.")
    assert ("Clinton", "revealed", "that she would visit Flint next week") in got


def test_a_phrase_of_the_cue_verb_is_cut_from_the_end_of_the_source() -> None:
    from claimx.extractors.attributions.patterns import source_edges

    doc = parsed(
        words=["Nothing", "changed", ",", "said", "Carly", "Fiorina", "during", "the", "debate", "."],
        heads=[1, 3, 3, 3, 5, 3, 3, 8, 6, 3],
        deps=["nsubj", "ccomp", "punct", "ROOT", "compound", "nsubj", "prep", "det", "pobj", "punct"],
        pos=["PRON", "VERB", "PUNCT", "VERB", "PROPN", "PROPN", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NN", "VBD", ",", "VBD", "NNP", "NNP", "IN", "DT", "NN", "."],
        lemmas=["nothing", "change", ",", "say", "Carly", "Fiorina", "during", "the", "debate", "."],
    )
    raw = _raw_at(doc, "Carly Fiorina during the debate", "said", "Nothing changed")
    got = source_edges(raw, doc).source
    assert got is not None and doc.text[got[0] : got[1]] == "Carly Fiorina"
    # a phrase of the speaker's own noun stays: "Carly Fiorina of Hewlett-Packard"
    own = parsed(
        words=["Nothing", "changed", ",", "said", "Carly", "Fiorina", "of", "HP", "."],
        heads=[1, 3, 3, 3, 5, 3, 5, 6, 3],
        deps=["nsubj", "ccomp", "punct", "ROOT", "compound", "nsubj", "prep", "pobj", "punct"],
        pos=["PRON", "VERB", "PUNCT", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"],
        tags=["NN", "VBD", ",", "VBD", "NNP", "NNP", "IN", "NNP", "."],
        lemmas=["nothing", "change", ",", "say", "Carly", "Fiorina", "of", "HP", "."],
    )
    raw = _raw_at(own, "Carly Fiorina of HP", "said", "Nothing changed")
    assert source_edges(raw, own) == raw


def test_a_report_inside_unquoted_reported_speech_stays(extract) -> None:  # type: ignore[no-untyped-def]
    got = _triples(extract, "The FBI director said she was careless, Trump told the rally in Ohio.")
    assert [s for s, _, _ in got] == ["The FBI director", "Trump"]
