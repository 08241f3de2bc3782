"""Wire-story structure: re-flowing, headline, dateline, sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimx.extractors.wire import find_structure, is_hard_wrapped, normalize, soft_breaks

WRAPPED = (
    "Cocoa review\n\n"
    "Showers continued throughout the week in\n"
    "the Bahia cocoa zone, alleviating the drought since early\n"
    "January and improving prospects for the coming harvest,\n"
    "the review said.\n"
    "    The dry period means the harvest will be late this year and\n"
    "arrivals will be lower than in the same period a year earlier.\n"
)


@given(st.text())
def test_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


def test_soft_breaks_join_lines_but_keep_paragraphs() -> None:
    clean = normalize(WRAPPED)
    assert is_hard_wrapped(WRAPPED)
    assert "week in the Bahia" in clean
    # an indented line opens a paragraph: its break stays
    assert "said.\n    The dry" in clean
    # the blank line after the headline stays
    assert clean.startswith("Cocoa review\n\n")


def test_unwrapped_text_keeps_its_line_breaks() -> None:
    text = "One long paragraph that is a sentence of its own and goes on.\nAnother one.\n"
    assert soft_breaks(text) == []
    assert normalize(text) == text


def test_control_characters_become_spaces() -> None:
    assert normalize("a\x00b\r\nc\u00a0d") == "a b \nc d"


@pytest.mark.parametrize(
    ("body", "location", "agency", "date", "dateline"),
    [
        ("CAIRO -- The talks began.", "Cairo", None, None, "CAIRO --"),
        ("WASHINGTON (Reuters) - The dollar fell.", "Washington", "Reuters", None, "WASHINGTON (Reuters) -"),
        ("GAZA, Oct. 8 (Xinhua) -- Talks resumed.", "Gaza", "Xinhua", "Oct. 8", "GAZA, Oct. 8 (Xinhua) --"),
        ("LONDON, March 3 (AP) — Shares rose.", "London", "AP", "March 3", "LONDON, March 3 (AP) —"),
        ("NEW YORK — Stocks closed higher.", "New York", None, None, "NEW YORK —"),
        ("Paris (AFP) - Paris will host the summit.", "Paris", "AFP", None, "Paris (AFP) -"),
        ("Hong Kong (AFP) - Shares fell.", "Hong Kong", "AFP", None, "Hong Kong (AFP) -"),
        (
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — A candidate",
            "Hempstead",
            "UPI",
            "Sept. 26",
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
        ),
    ],
)
def test_dateline_styles(body: str, location: str, agency: str | None, date: str | None, dateline: str) -> None:
    text = "A headline for the story\n\n" + body
    s = find_structure(text)
    assert s.dateline is not None
    assert text[s.dateline[0] : s.dateline[1]] == dateline
    assert (s.location, s.agency, s.date) == (location, agency, date)
    assert s.headline == (0, len("A headline for the story"))


@pytest.mark.parametrize(
    "text",
    [
        "The IBM - Apple deal was signed on Monday by both boards.",
        "Shares in Widget Holdings (WGT: US) - a chipmaker - fell.",
        "The Apple (AAPL) - Google deal was signed.",
        "US officials said on Monday the talks would resume.",
    ],
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert find_structure(text).dateline is None


def test_a_lede_paragraph_is_not_a_headline() -> None:
    lede = (
        "The central bank raised its benchmark interest rate by half a percentage point on "
        "Thursday, its third increase this year, as inflation stayed well above its target."
    )
    assert find_structure(lede + "\n\nAnother paragraph follows here.").headline is None


def test_title_case_headline_with_a_full_stop() -> None:
    text = "Stealth Over Health: Candidate Was Headed to Hospital But Diverted.\n\nThe paper reports that."
    assert find_structure(text).headline is not None


def test_hard_wrapped_sentences_do_not_break_at_line_ends(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(WRAPPED)
    texts = [art.text[s.start : s.end] for s in art.sentences]
    assert texts[0] == "Cocoa review" and art.sentences[0].headline
    assert any(t.startswith("Showers continued") and t.endswith("the review said.") for t in texts)
    assert len(art.sentences) == 3


def test_headline_and_dateline_are_not_absorbed(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract("Talks resume as rebels demand truce\n\nCAIRO -- Talks resumed on Monday. They will go on.")
    assert art.headline is not None and art.headline.text == "Talks resume as rebels demand truce"
    assert art.dateline is not None and art.dateline.location == "Cairo"
    texts = [art.text[s.start : s.end] for s in art.sentences]
    assert texts == ["Talks resume as rebels demand truce", "Talks resumed on Monday.", "They will go on."]
