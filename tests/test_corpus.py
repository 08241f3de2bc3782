"""Whole corpora: every article gives valid output whose spans are text[start:end].

Runs through the batch runner with two workers, as a user's batch would. Skips when
../shared (research data, outside the repo) is absent."""

from __future__ import annotations

import pytest

from claimx.inputs import iter_inputs
from claimx.run import pool as batch
from claimx.schema import Article

from .conftest import assert_spans_valid, shared_path


@pytest.mark.corpus
@pytest.mark.parametrize(("corpus", "count"), [("reuters", 812), ("bbc", 2225)])
def test_every_corpus_article_gives_valid_spans(corpus: str, count: int) -> None:
    folder = shared_path("corpora", corpus)
    seen = 0
    for line in batch.run(iter_inputs([str(folder)]), workers=2, batch_size=32):
        assert not line.error, line.json[:500]
        article = Article.model_validate_json(line.json)
        assert_spans_valid(article)
        assert article.sentences
        seen += 1
    assert seen == count
