"""Any text in, a valid article out: property tests, mutations of real articles, long texts."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx import api
from claimx.document import Document
from claimx.nlp import chunking
from claimx.schema import Actor, ActorSpan, Article, Attribution, Claim, Cue, Sentence, Span

from .conftest import assert_spans_valid, shared_path

PIECES = st.one_of(
    st.text(min_size=0, max_size=80),
    st.sampled_from(
        [
            "\x00",
            "\x07",
            "\r\n",
            "\u200f",
            "\u202e",
            "שלום עולם",
            "مرحبا بالعالم",
            "👩‍👩‍👧‍👦",
            "e\u0301\u0301",
            '"',
            "“",
            "”",
            "''",
            "«",
            " said ",
            ", the minister said.",
            "According to ",
            "\n\n",
            "\n    ",
            "CAIRO -- ",
            "$3.5bn",
            "1,200",
            "more than 67,000 deaths",
            "Hamas demands an end to war. ",
        ]
    ),
    st.integers(min_value=1, max_value=10_000).map(lambda n: "x" * n),
)
TEXTS = st.lists(PIECES, max_size=12).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(TEXTS)
def test_extract_never_raises_and_spans_hold(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    article = next(api.process(nlp, [Document(id="p", text=text)]))
    assert article.text == text
    assert_spans_valid(article)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\x00\x00", "\ufeff"])
def test_empty_and_blank_texts_give_empty_articles(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    article = extract(text)
    assert article.attributions == [] and article.figures == []
    assert_spans_valid(article)


def test_a_long_single_paragraph_is_processed_in_pieces(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(chunking, "CHUNK_CHARS", 2_000)
    sentence = "The minister said the talks on the 20-point plan would resume, officials told Reuters. "
    text = sentence * 120  # one paragraph, no line breaks
    article = next(api.process(nlp, [Document(id="long", text=text)]))
    assert any("pieces" in w for w in article.warnings)
    assert_spans_valid(article)
    assert len(article.attributions) >= 100
    ids = [a.id for a in article.actors]
    assert len(ids) == len(set(ids))
    known = set(ids)
    assert all(a.source is None or a.source.actor in known | {None} for a in article.attributions)


def test_split_points_cover_the_text_at_boundaries() -> None:
    text = ("Para one is here. " * 30 + "\n\n") * 20
    pieces = chunking.split_points(text, 1_000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(e - s <= 1_000 for s, e in pieces)
    assert all(text[e - 2 : e] == "\n\n" for _, e in pieces[:-1])


def _mutations(text: str, rng: random.Random) -> list[bytes]:
    data = text.encode("utf-8")
    flipped = bytearray(data)
    for _ in range(20):
        i = rng.randrange(len(flipped))
        flipped[i] ^= 1 << rng.randrange(8)
    cut = len(data) // 2
    while cut < len(data) and (data[cut] & 0xC0) == 0x80:
        cut += 1
    return [data[: cut + 1], bytes(flipped), text.replace("\n", "").encode("utf-8")]


@pytest.mark.corpus
def test_mutated_corpus_articles_never_crash(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimx.inputs import iter_inputs
    from claimx.schema import ErrorRecord

    folder = shared_path("corpora", "bbc")
    rng = random.Random(7)
    files = sorted(folder.glob("*.txt"))
    for n, path in enumerate(rng.sample(files, 15)):
        for k, blob in enumerate(_mutations(path.read_text(encoding="utf-8"), rng)):
            (tmp_path / f"m{n}_{k}.txt").write_bytes(blob)
    items = list(iter_inputs([str(tmp_path)]))
    docs = [i for i in items if not isinstance(i, ErrorRecord)]
    assert len(items) == 45
    for article in api.process(nlp, docs):
        assert_spans_valid(article)


def _piece(text: str, actor: str) -> Article:
    at = text.index(actor)
    mention = Span(text=actor, start=at, end=at + len(actor))
    said = text.index("said")
    source = ActorSpan(text=actor, start=at, end=at + len(actor), actor="a1")
    return Article(
        id="p",
        text=text,
        sentences=[Sentence(index=0, start=0, end=len(text))],
        actors=[Actor(id="a1", name=actor, kind="person", mentions=[mention])],
        attributions=[
            Attribution(id="t1", sentence=0, source=source, cue=Cue(text="said", start=said, end=said + 4, lemma="say"))
        ],
        claims=[Claim(id="c1", sentence=0, text=text, start=0, end=len(text), attribution="t1", actors=["a1"])],
    )


def test_pieces_merge_with_offsets_ids_and_same_named_actors_joined() -> None:
    one, two, three = "Okafor said no. ", "Brandt said yes. ", "Okafor said so."
    text = one + two + three
    parts = [(0, _piece(one, "Okafor")), (len(one), _piece(two, "Brandt")), (len(one + two), _piece(three, "Okafor"))]
    article = chunking.merge(parts, Article(id="long", text=text))
    assert_spans_valid(article)
    assert [a.id for a in article.actors] == ["a1", "a2"]
    assert [len(a.mentions) for a in article.actors] == [2, 1]
    assert [a.id for a in article.attributions] == ["t1", "t2", "t3"]
    assert [a.source.actor for a in article.attributions if a.source] == ["a1", "a2", "a1"]
    assert [(c.attribution, c.actors, c.sentence) for c in article.claims] == [
        ("t1", ["a1"], 0),
        ("t2", ["a2"], 1),
        ("t3", ["a1"], 2),
    ]
    assert [s.index for s in article.sentences] == [0, 1, 2]
    assert [text[s.start : s.end] for s in article.sentences] == [one, two, three]
