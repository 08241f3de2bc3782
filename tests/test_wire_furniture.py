"""Wire furniture on stories written for these tests (tests/fixtures/stories/): bylines,
datelines after a byline, with two cities or a press-release agency, credit and trailer lines
and boilerplate are recorded as such and never become a headline, an actor, an attribution
or a claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.extractors.wire import find_furniture, find_structure, normalize
from claimx.schema import Article

STORIES = Path(__file__).parent / "fixtures" / "stories"


def read(name: str) -> str:
    return (STORIES / name).read_text(encoding="utf-8")


def structure(name: str):  # type: ignore[no-untyped-def]
    return find_structure(normalize(read(name)))


def test_a_dateline_after_a_byline_with_two_cities() -> None:
    text = read("reuters-byline.txt")
    st = structure("reuters-byline.txt")
    assert st.headline is not None and text[slice(*st.headline)].startswith("Oil steadies")
    assert st.byline is not None and text[slice(*st.byline)] == "By Ahmad Ghaddar"
    assert st.dateline is not None and text[slice(*st.dateline)] == "LONDON/NEW YORK, March 4 (Reuters) -"
    assert list(st.locations) == ["London", "New York"] and st.agency == "Reuters" and st.date == "March 4"


def test_a_press_release_dateline() -> None:
    text = read("press-release.txt")
    st = structure("press-release.txt")
    assert st.dateline is not None
    assert text[slice(*st.dateline)] == "SAN JOSE, Calif., Oct. 24, 2024 /PRNewswire/ --"
    assert (list(st.locations), st.agency, st.date) == (["San Jose"], "PRNewswire", "Oct. 24, 2024")
    assert st.headline is not None and text[slice(*st.headline)].startswith("Acme Robotics Unveils")


def test_an_ap_byline_with_the_agency() -> None:
    text = read("ap-credits.txt")
    st = structure("ap-credits.txt")
    assert st.byline is not None and text[slice(*st.byline)] == "By MARIA LOPEZ Associated Press"
    assert st.dateline is not None and st.agency == "AP"


@pytest.mark.parametrize(
    ("name", "pieces"),
    [
        ("reuters-byline.txt", ["(Reporting by Ahmad Ghaddar"]),
        ("ap-credits.txt", ["Associated Press writers John Kim"]),
        ("reuters-1987.txt", ["REUTER"]),
        ("press-release.txt", ["FOR IMMEDIATE RELEASE", "About Acme Robotics, Inc.", "Media contact:", "###"]),
    ],
)
def test_credits_and_boilerplate_are_found(name: str, pieces: list[str]) -> None:
    text = read(name)
    found = [text[s:e] for s, e in find_furniture(text)]
    for piece in pieces:
        assert any(f.startswith(piece) for f in found), found


def test_the_about_section_runs_to_the_end_of_its_paragraphs() -> None:
    text = read("press-release.txt")
    found = [text[s:e] for s, e in find_furniture(text)]
    about = next(f for f in found if f.startswith("About Acme"))
    assert "employs 1,200 people" in about


def furniture_is_inert(art: Article) -> None:
    spans = [(c.start, c.end) for c in art.credits] + ([(art.byline.start, art.byline.end)] if art.byline else [])

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)

    for claim in art.claims:
        assert not inside(claim.start, claim.end), claim.text
    for att in art.attributions:
        assert not inside(att.cue.start, att.cue.end), att.cue.text
    for actor in art.actors:
        for m in actor.mentions:
            assert not inside(m.start, m.end), m.text
    for fig in art.figures:
        assert not inside(fig.start, fig.end), fig.text


@pytest.mark.parametrize("name", sorted(p.name for p in STORIES.glob("*.txt")))
def test_furniture_is_never_an_actor_attribution_figure_or_claim(extract, name: str) -> None:  # type: ignore[no-untyped-def]
    art = extract(read(name))
    furniture_is_inert(art)
    if name != "reuters-1987.txt":
        assert art.byline is not None or name == "press-release.txt"
