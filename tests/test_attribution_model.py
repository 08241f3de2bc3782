"""The learned attribution tagger: what it predicts on, and what it leaves alone."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimx.extractors.attributions import combine as attributions
from claimx.extractors.attributions.tagger import LABELS, AttributionTagger

TEXT = (
    "The talks will resume on Sunday, an Egyptian source told Xinhua. \n\n"
    '"We reject any deal that keeps the troops there,"  Hamas spokesman Hazem Qassem said.'
)


@pytest.fixture(scope="module")
def parsed(nlp: Language) -> Doc:
    return nlp(TEXT)


@pytest.fixture(scope="module")
def tagger() -> AttributionTagger:
    tagger = attributions._tagger()
    assert isinstance(tagger, AttributionTagger)
    return tagger


def test_the_private_copy_has_the_same_tokens_and_labels_in_its_own_vocab(
    parsed: Doc, tagger: AttributionTagger
) -> None:
    copy = tagger._private_copy(parsed)
    assert copy.vocab is tagger.nlp.vocab is not parsed.vocab
    assert copy.text == parsed.text
    # the labels as hashes: the tagger's vocab holds no tag names, its features hash them
    assert [(t.text, t.whitespace_, t.tag, t.dep) for t in copy] == [
        (t.text, t.whitespace_, t.tag, t.dep) for t in parsed
    ]
    assert not copy.ents


def test_spans_are_labelled_and_the_callers_doc_is_untouched(parsed: Doc, tagger: AttributionTagger) -> None:
    ents = [(e.start, e.end, e.label_) for e in parsed.ents]
    spans = tagger.predict_many([parsed])[0]
    assert [(e.start, e.end, e.label_) for e in parsed.ents] == ents
    labels = {label for label, _, _ in spans}
    assert labels <= set(LABELS) and "CUE" in labels
    for _, start, end in spans:
        assert 0 <= start < end <= len(TEXT)
    assert tagger.predict(parsed) == spans
