"""Whole corpora: every article gives valid output whose spans are text[start:end].

Skips when ../shared (research data, outside the repo) is absent."""

from __future__ import annotations

import pytest

from claimx import api
from claimx.inputs import iter_inputs
from claimx.schema import ErrorRecord

from .conftest import assert_spans_valid, shared_path


@pytest.mark.corpus
@pytest.mark.parametrize(("corpus", "count"), [("reuters", 812), ("bbc", 2225)])
def test_every_corpus_article_gives_valid_spans(nlp, corpus: str, count: int) -> None:  # type: ignore[no-untyped-def]
    folder = shared_path("corpora", corpus)
    docs = []
    for item in iter_inputs([str(folder)]):
        assert not isinstance(item, ErrorRecord), item
        docs.append(item)
    assert len(docs) == count
    seen = 0
    for article in api.process(nlp, docs, batch_size=32):
        assert_spans_valid(article)
        assert article.sentences
        seen += 1
    assert seen == count
