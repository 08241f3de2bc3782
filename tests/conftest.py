"""Shared fixtures: the real pipeline (loaded once) and the research data beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMX_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when the research data is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (research data lives outside the repo)")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from claimx.nlp import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def extract(nlp):  # type: ignore[no-untyped-def]
    """``extract(text) -> Article`` over the session's pipeline."""
    from claimx import api
    from claimx.document import Document

    def run(text: str, id: str = "t"):  # type: ignore[no-untyped-def]
        return next(api.process(nlp, [Document(id=id, text=text)]))

    return run


def stance_triples(extract, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(stance, holder text, object text) of every stance claimx finds in ``text``."""
    art = extract(text)
    return [(s.stance, s.actor.text if s.actor else "", s.object.text if s.object else "") for s in art.stances]


def assert_spans_valid(article) -> None:  # type: ignore[no-untyped-def]
    """Every span of an article is exactly text[start:end]."""
    text = article.text

    def check(span) -> None:  # type: ignore[no-untyped-def]
        if span is None:
            return
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span

    check(article.headline)
    check(article.dateline)
    for s in article.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for actor in article.actors:
        for m in actor.mentions:
            check(m)
    for att in article.attributions:
        for span in (att.source, att.cue, att.content, att.outlet, att.addressee):
            check(span)
    for fig in article.figures:
        assert text[fig.start : fig.end] == fig.text
        check(fig.counts)
    for st in article.stances:
        for span in (st.actor, st.cue, st.object):
            check(span)
    for claim in article.claims:
        assert text[claim.start : claim.end] == claim.text
