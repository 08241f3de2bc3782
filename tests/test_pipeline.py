"""claimx's components in a user's own pipeline: the README recipe, plain data on the Doc
(bytes, DocBin, several processes) and the order spaCy checks."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import claimx
from claimx.errors import PipelineError
from claimx.nlp import pipeline

from .conftest import SAMPLES

TEXTS = [
    "Hamas said on Monday it had rejected the plan, according to a senior official.\n",
    "The ministry said 48 hostages remain in Gaza. Israel demanded their release.",
    "Oil prices rose 2 percent, traders told Reuters.",
]


@pytest.fixture(scope="module")
def own_nlp() -> Language:
    """The README recipe: the user's own loaded pipeline, claimx's components added."""
    nlp = spacy.load(pipeline.resolve_model_name())
    return claimx.add_to(nlp)


def dump(article: claimx.Article) -> dict[str, Any]:
    return article.model_dump(mode="json")


def test_readme_recipe_gives_what_extract_gives(own_nlp: Language) -> None:
    # a hard-wrapped wire story: make_doc reads its line breaks as extract does
    text = (SAMPLES / "xinhua-grain-talks.txt").read_text(encoding="utf-8")
    doc = own_nlp(claimx.make_doc(own_nlp, text))
    assert dump(claimx.to_article(doc)) == dump(claimx.extract(text))
    # a text without line breaks or odd spaces needs no make_doc
    assert dump(claimx.to_article(own_nlp(TEXTS[2]))) == dump(claimx.extract(TEXTS[2]))


def test_doc_data_is_plain_and_survives_bytes(nlp: Language) -> None:
    doc = nlp(claimx.make_doc(nlp, TEXTS[0]))
    assert doc._.attributions and doc._.actors
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert dump(claimx.to_article(copy)) == dump(claimx.to_article(doc))


def test_docbin_keeps_the_annotations(nlp: Language) -> None:
    docs = [nlp(claimx.make_doc(nlp, t)) for t in TEXTS]
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert [dump(claimx.to_article(d)) for d in back] == [dump(claimx.to_article(d)) for d in docs]


def test_pipe_with_two_processes(own_nlp: Language) -> None:
    docs = list(own_nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert [dump(claimx.to_article(d)) for d in docs] == [dump(claimx.extract(t)) for t in TEXTS]


def test_analyze_pipes_finds_no_problem_in_claimx_order(own_nlp: Language) -> None:
    analysis = own_nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_a_family_without_its_actors_is_an_error() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimx_stances")
    assert "doc._.actors" in nlp.analyze_pipes()["problems"]["claimx_stances"]
    with pytest.raises(PipelineError, match="claimx_actors"):
        nlp("The union rejected the offer.")


def test_a_missing_attribution_model_is_an_error_not_a_downgrade(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimx.errors import AttributionModelError
    from claimx.extractors.actors import find_actors
    from claimx.extractors.attributions import combine, find_attributions

    doc = spacy.blank("en")("The minister said the talks failed.")
    find_actors(doc).save(doc)
    monkeypatch.setattr(combine, "packaged_model_path", lambda: tmp_path / "no-model")
    combine._tagger.cache_clear()
    try:
        with pytest.raises(AttributionModelError, match="--fast"):
            find_attributions(doc)
        assert find_attributions(doc, learned=False) == []  # the rules alone need no model
    finally:
        monkeypatch.undo()
        combine._tagger.cache_clear()
