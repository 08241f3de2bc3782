"""The terminal view (the default on a TTY), from an Article read from a fixture: no model.

tests/fixtures/golden/xinhua-grain-talks.80col.txt is a capture of a real 80-column terminal
(tmux capture-pane) showing tests/fixtures/golden/xinhua-grain-talks.article.json, the article
claimx made of samples/xinhua-grain-talks.txt. After a deliberate change to the view, capture
it again and read the diff before committing:

    tmux new-session -d -s g -x 80 -y 200 "NO_COLOR=1 python -c 'import sys; from claimx.schema \\
        import Article; from claimx.outputs.terminal import print_tables; print_tables([Article. \\
        model_validate_json(open(sys.argv[1]).read())], sys.stdout)' ARTICLE.json; sleep 30"
    tmux capture-pane -t g -p -S 0 -E 199 > capture.txt   # then strip trailing blanks
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from claimx.outputs.terminal import print_tables
from claimx.schema import Article

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
ARTICLE = Article.model_validate_json((GOLDEN / "xinhua-grain-talks.article.json").read_text(encoding="utf-8"))


def render(width: int, *, color: bool = False) -> str:
    out = io.StringIO()
    print_tables([ARTICLE], out, color=color, width=width)
    return out.getvalue()


def lines(text: str) -> list[str]:
    out = [line.rstrip() for line in text.splitlines()]
    while out and not out[-1]:
        out.pop()
    return out


def test_the_view_matches_a_real_80_column_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    golden = (GOLDEN / "xinhua-grain-talks.80col.txt").read_text(encoding="utf-8")
    assert lines(render(80)) == lines(golden)


@pytest.mark.parametrize("width", [80, 120])
def test_nothing_is_cut_short_and_no_line_is_too_wide(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    text = render(width)
    assert "…" not in text
    assert max(len(line) for line in lines(text)) <= width
    flat = " ".join(text.split())
    for att in ARTICLE.attributions:
        if att.content is not None:
            assert " ".join(att.content.text.split()) in flat
    for title in ("Attributions", "Stances", "Figures", "Actors:"):
        assert title in text


def test_force_color_gives_colours_where_no_terminal_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in render(80)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in render(80)
