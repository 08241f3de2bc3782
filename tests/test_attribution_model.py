"""The learned attribution tagger: what it predicts on, and what it leaves alone."""

from __future__ import annotations

import json
from pathlib import Path

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


# -- the learned content selector --------------------------------------------------------------


def test_the_selector_ships_only_feature_names_and_trees() -> None:
    from claimx import data

    model = data.load("content_selector")
    assert set(model) == {"features", "trees", "config"}
    forest = model["trees"]
    assert len(model["features"]) > 10 and forest["roots"] and forest["depth"] > 0
    assert max(forest["feature"]) < len(model["features"])
    assert len(forest["feature"]) == len(forest["threshold"]) == len(forest["left"]) == len(forest["value"])


def test_selector_candidates_come_from_the_parse_the_tagger_and_the_sentence(nlp: Language) -> None:
    from claimx.extractors.attributions import selector

    doc = nlp("The talks will resume on Sunday, an Egyptian source told Xinhua.")
    at = doc.text.index
    cue = (at("told"), at("told") + 4)
    source = (at("an Egyptian"), at(" told"))
    tagged = [(0, at(","))]
    cands = selector.candidates(doc, cue, source, None, tagged, [])
    head = (0, at(","))
    assert "tagger" in cands[head] and "head" in cands[head]
    assert None in cands
    # "told Xinhua": the outlet is no content
    assert not any(c is not None and doc.text[c[0] : c[1]] == "Xinhua" for c in cands)
    assert selector.select(doc, cue, source, None, tagged, []) == head


def test_the_selector_keeps_a_quote_over_its_sentences(extract) -> None:  # type: ignore[no-untyped-def]
    article = extract('"We will not sign. The deal is dead," Hamas official Bassem Naim told Reuters.')
    att = next(a for a in article.attributions if a.cue.text == "told")
    assert att.content is not None and "We will not sign. The deal is dead" in att.content.text


def test_the_crossfit_folds_split_all_of_train_by_id(tmp_path: Path) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "models" / "training" / "content_selector.py"
    spec = importlib.util.spec_from_file_location("content_selector", path)
    assert spec is not None and spec.loader is not None
    cs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cs)
    lines = [json.dumps({"id": f"art-{i}", "text": "x", "attributions": []}) + "\n" for i in range(40)]
    (tmp_path / "train.jsonl").write_text("".join(lines), encoding="utf-8")
    cs.write_folds(tmp_path / "train.jsonl", tmp_path / "folds")
    folds = [(tmp_path / "folds" / f"fold{k}.jsonl").read_text(encoding="utf-8").splitlines(True) for k in (0, 1)]
    assert sorted(folds[0] + folds[1]) == sorted(lines) and folds[0] and folds[1]
    assert all(cs.fold_of(json.loads(line)["id"]) == k for k in (0, 1) for line in folds[k])
