"""claimx.nlp.tokens.positions on hand-built docs, and against a plain loop over the tokens."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimx.nlp.tokens import positions

VOCAB = spacy.blank("en").vocab


def make(words: list[str], lemmas: list[str], pos: list[str], deps: list[str]) -> Doc:
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=[0] * len(words))


DOC = make(
    ["Said", "Hamas", "demanded", "it", ",", "according", "to", "AP"],
    ["Say", "Hamas", "demand", "it", ",", "accord", "to", "AP"],
    ["VERB", "PROPN", "VERB", "PRON", "PUNCT", "VERB", "ADP", "PROPN"],
    ["ROOT", "nsubj", "ccomp", "dobj", "punct", "prep", "prep", "pobj"],
)


def test_lemmas_are_compared_lower_cased() -> None:
    assert positions(DOC, lemmas=frozenset({"say", "demand"})) == [0, 2]


def test_lower_forms_and_dependency_labels() -> None:
    assert positions(DOC, lowers=frozenset({"according"})) == [5]
    assert positions(DOC, deps=frozenset({"pobj", "dobj"})) == [3, 7]


def test_criteria_are_alternatives_and_pos_restricts_them() -> None:
    both = positions(DOC, lemmas=frozenset({"demand"}), deps=frozenset({"nsubj"}))
    assert both == [1, 2]
    assert positions(DOC, lemmas=frozenset({"demand", "it"}), pos=frozenset({"PRON"})) == [3]


def test_nothing_asked_or_nothing_there() -> None:
    assert positions(DOC) == []
    assert positions(DOC, lemmas=frozenset({"reject"})) == []
    assert positions(Doc(VOCAB, words=[]), lemmas=frozenset({"say"})) == []


WORDS = ["say", "Say", "tell", "told", "the", "group", "SAID", "according"]
POS = ["VERB", "NOUN", "PROPN", "AUX", "DET"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(POS)),
        min_size=1,
        max_size=30,
    ),
    st.frozensets(st.sampled_from([w.lower() for w in WORDS])),
    st.frozensets(st.sampled_from(POS)),
)
def test_same_as_a_loop_over_the_tokens(
    toks: list[tuple[str, str, str]], words: frozenset[str], pos: frozenset[str]
) -> None:
    doc = make([t[0] for t in toks], [t[1] for t in toks], [t[2] for t in toks], ["dep"] * len(toks))
    expected = [t.i for t in doc if (t.lemma_.lower() in words or t.lower_ in words) and (not pos or t.pos_ in pos)]
    assert positions(doc, lemmas=words, lowers=words, pos=pos) == expected
