"""Formatters are pure functions over the Pydantic records."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimx.outputs.formats import CSV_COLUMNS, FORMATTERS, OutputFormat
from claimx.schema import Article, Attribution, Claim, Cue, ErrorInfo, ErrorRecord, Span

TEXT = "Prices rose, traders said."


def article() -> Article:
    att = Attribution(
        id="t1",
        sentence=0,
        source=Span(text="traders", start=13, end=20).model_dump() | {"actor": None, "kind": None},
        cue=Cue(text="said", start=21, end=25, lemma="say"),
        content=Span(text="Prices rose", start=0, end=11),
    )
    claim = Claim(id="c1", sentence=0, text="Prices rose", start=0, end=11, attribution="t1")
    return Article(id="a", text=TEXT, attributions=[att], claims=[claim])


def test_every_format_has_a_formatter() -> None:
    assert set(FORMATTERS) == set(OutputFormat)


def test_json_of_nothing_is_an_empty_array() -> None:
    out = io.StringIO()
    FORMATTERS[OutputFormat.json]([], out)
    assert json.loads(out.getvalue()) == []


def test_json_of_one_is_an_object_and_of_two_an_array() -> None:
    out = io.StringIO()
    FORMATTERS[OutputFormat.json]([article()], out)
    assert json.loads(out.getvalue())["id"] == "a"
    out = io.StringIO()
    FORMATTERS[OutputFormat.json]([article(), article()], out)
    assert [a["id"] for a in json.loads(out.getvalue())] == ["a", "a"]


def test_jsonl_is_one_object_a_line() -> None:
    out = io.StringIO()
    err = ErrorRecord(id="bad", error=ErrorInfo(type="not_text", message="not a text file"))
    FORMATTERS[OutputFormat.jsonl]([article(), err], out)
    lines = out.getvalue().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a", "bad"]


def test_csv_is_one_row_per_claim() -> None:
    out = io.StringIO()
    FORMATTERS[OutputFormat.csv]([article()], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[0]["source"] == "traders" and rows[0]["cue"] == "said" and rows[0]["text"] == "Prices rose"


@pytest.mark.parametrize("fmt", [OutputFormat.markdown, OutputFormat.table])
def test_human_formats_show_the_claim(fmt: OutputFormat) -> None:
    out = io.StringIO()
    FORMATTERS[fmt]([article()], out, color=False)
    assert "traders" in out.getvalue() and "Prices rose" in out.getvalue()


def test_markdown_lists_stances_on_their_claims_and_in_a_table() -> None:
    from claimx.schema import ActorSpan, Stance

    text = "Unions rejected the offer."
    st = Stance(
        id="s1",
        sentence=0,
        actor=ActorSpan(text="Unions", start=0, end=6),
        stance="reject",
        cue=Cue(text="rejected", start=7, end=15, lemma="reject"),
        object=Span(text="the offer", start=16, end=25),
    )
    claim = Claim(id="c1", sentence=0, text=text[:-1], start=0, end=25, stances=["s1"])
    out = io.StringIO()
    FORMATTERS[OutputFormat.markdown]([Article(id="u", text=text, stances=[st], claims=[claim])], out)
    md = out.getvalue()
    assert "| reject: rejected |" in md
    assert "| Unions | reject | rejected | the offer |" in md
