"""The HTML page: marks nest and match the text, the page is well-formed, self-contained and escaped."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimx
from claimx.cli import app
from claimx.outputs.marks import ROLES, Mark, marks
from claimx.outputs.page import nest, page
from claimx.schema import (
    Actor,
    ActorSpan,
    Article,
    Attribution,
    Claim,
    Cue,
    ErrorInfo,
    ErrorRecord,
    Figure,
    Span,
    Stance,
)

from .conftest import SAMPLES

SAMPLE = SAMPLES / "xinhua-grain-talks.txt"
CHROMIUM = Path("/usr/bin/chromium")
VOID = {"meta", "input", "br", "link", "img", "hr", "wbr", "col", "area", "base", "source", "track", "embed"}
HOSTILE = (
    "Hostile <script>alert(1)</script> headline\n\n"
    'LONDON (Reuters) - The minister said "<b>taxes</b> will rise" onmouseover="x by 5 percent, '
    "officials said on Monday. Hamas rejected the plan <img src=x onerror=alert(2)>, a spokesman told Reuters.\n"
    'The " onmouseover="x group & co said 48 hostages remain.'
)


class PageParser(HTMLParser):
    """Checks that tags balance and collects every mark with the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[dict[str, str]] = []  # attributes + "text"
        self._open: list[int | None] = []  # per open span: index into marks, or None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "span":
            if "mark" in (a.get("class") or "").split():
                self.marks.append({k: v or "" for k, v in a.items()} | {"text": ""})
                self._open.append(len(self.marks) - 1)
            else:
                self._open.append(None)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        if tag == "span":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for i in self._open:
            if i is not None:
                self.marks[i]["text"] += data


def parse(html: str) -> PageParser:
    p = PageParser()
    p.feed(html)
    p.close()
    return p


def assert_well_formed(p: PageParser) -> None:
    assert not p.problems, p.problems[:5]
    assert not p.stack, f"unclosed: {p.stack}"


def assert_self_contained(html: str) -> None:
    low = html.lower()
    for bad in ("<script", "<link", "@import", "url(http", "url(//", 'src="http', "src='http"):
        assert bad not in low, bad


def assert_marks_match(html: str, article: Article) -> PageParser:
    p = parse(html)
    assert_well_formed(p)
    assert p.marks, "no marks"
    for m in p.marks:
        start, end = int(m["data-start"]), int(m["data-end"])
        assert m["text"] == article.text[start:end], m
        assert m["data-role"] in ROLES
        assert f"role-{m['data-role']}" in m["class"].split()
        assert m["tabindex"] == "0"
        assert m["data-info"]
    # each mark of the article is there: its first piece starts where it starts, and its pieces cover it
    starts = {(m["data-role"], int(m["data-start"])) for m in p.marks if "cont" not in m["class"].split()}
    for mk in marks(article):
        if mk.end > mk.start:
            assert (mk.role, mk.start) in starts, mk
    return p


def _at(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(text=part, start=start, end=start + len(part))


def _wire_article() -> Article:
    """A wire story with every role marked, built by hand: the page is tested, not extraction."""
    text = (
        "Gaza ceasefire talks enter 2nd day in Egypt as Hamas demands permanent end to war\n\n"
        "CAIRO, Oct. 7 (Xinhua) -- The talks will continue on Tuesday, an Egyptian source told Xinhua.\n"
        '"We want the war to end," Hamas said. Hamas demands a permanent end to the war, and 48 hostages remain.'
    )
    body = text.index("CAIRO")
    headline = _at(text, "Gaza ceasefire talks enter 2nd day in Egypt as Hamas demands permanent end to war")
    source, told = _at(text, "an Egyptian source"), _at(text, "told")
    content, outlet = _at(text, "The talks will continue on Tuesday"), _at(text, "Xinhua", told.end)
    quote, said = _at(text, '"We want the war to end,"'), _at(text, "said", told.end)
    hamas_said, hamas = _at(text, "Hamas", quote.end), _at(text, "Hamas", said.end)
    demands, obj = _at(text, "demands", body), _at(text, "a permanent end to the war")
    figure = _at(text, "48 hostages")
    return Article(
        id="gaza-ceasefire-talks",
        text=text,
        headline=headline,
        actors=[
            Actor(id="a1", name="an Egyptian source", kind="anonymous", mentions=[source]),
            Actor(id="a2", name="Hamas", kind="organization", label="ORG", mentions=[hamas_said, hamas]),
        ],
        attributions=[
            Attribution(
                id="t1",
                sentence=1,
                source=ActorSpan(**source.model_dump(), actor="a1", kind="anonymous"),
                cue=Cue(**told.model_dump(), lemma="tell", cue_type="speech"),
                content=content,
                outlet=outlet,
            ),
            Attribution(
                id="t2",
                sentence=2,
                source=ActorSpan(**hamas_said.model_dump(), actor="a2", kind="organization"),
                cue=Cue(**said.model_dump(), lemma="say", cue_type="speech"),
                content=quote,
                direct=True,
            ),
        ],
        figures=[
            Figure(
                id="f1",
                sentence=3,
                text=figure.text,
                start=figure.start,
                end=figure.end,
                value=48,
                unit=None,
                counts=_at(text, "hostages", figure.start),
            ),
        ],
        stances=[
            Stance(
                id="s1",
                sentence=3,
                actor=ActorSpan(**hamas.model_dump(), actor="a2", kind="organization"),
                stance="demand",
                cue=Cue(**demands.model_dump(), lemma="demand", cue_type="verb"),
                object=obj,
            )
        ],
        claims=[
            Claim(
                id="c1",
                sentence=1,
                text=content.text,
                start=content.start,
                end=content.end,
                attribution="t1",
                actors=[],
            ),
            Claim(id="c2", sentence=3, text=obj.text, start=obj.start, end=obj.end, actors=["a2"], stances=["s1"]),
        ],
    )


def _hostile_article() -> Article:
    """Marks over text full of markup, built by hand (one of them ends inside an <img> tag)."""
    text = HOSTILE
    headline = _at(text, "Hostile <script>alert(1)</script> headline")
    said = _at(text, "said")
    content = _at(text, '"<b>taxes</b> will rise" onmouseover="x by 5 percent')
    rejected = _at(text, "rejected")
    obj = _at(text, "the plan <img src=x onerror=alert(2")
    group = _at(text, 'The " onmouseover="x group & co')
    figure = _at(text, "48 hostages")
    return Article(
        id='bad"<id>',
        text=text,
        headline=headline,
        actors=[Actor(id="a1", name='The " onmouseover="x group & co', kind="group", mentions=[group])],
        attributions=[
            Attribution(
                id="t1",
                sentence=1,
                source=ActorSpan(**_at(text, "The minister").model_dump()),
                cue=Cue(**said.model_dump(), lemma="say"),
                content=content,
            ),
        ],
        figures=[Figure(id="f1", sentence=3, text=figure.text, start=figure.start, end=figure.end, value=48)],
        stances=[
            Stance(
                id="s1",
                sentence=2,
                actor=ActorSpan(**_at(text, "Hamas").model_dump()),
                stance="reject",
                cue=Cue(**rejected.model_dump(), lemma="reject"),
                object=obj,
            ),
        ],
    )


@pytest.fixture(scope="module")
def wire() -> Article:
    return _wire_article()


@pytest.fixture(scope="module")
def sample() -> Article:
    """The one end-to-end article of this file: the sample story as claimx reads it."""
    return claimx.extract(SAMPLE.read_text(encoding="utf-8"), id="xinhua-grain-talks")


@pytest.fixture(scope="module")
def hostile() -> Article:
    return _hostile_article()


def test_wire_page_marks_every_role(wire: Article) -> None:
    html = page([wire])
    p = assert_marks_match(html, wire)
    roles = {m["data-role"] for m in p.marks}
    expected = {m.role for m in marks(wire)}
    assert roles == expected
    # the story has all of them: quotes with outlets, actors, figures and stances with objects
    assert {"source", "cue", "content", "outlet", "actor", "figure", "stance", "object"} <= roles
    # the legend names each role present, in its colour
    for role in roles:
        assert f'class="swatch role-{role}"' in html
        assert ROLES[role][1] in html
    assert_self_contained(html)
    assert "<h2>Gaza ceasefire talks enter 2nd day in Egypt as Hamas demands permanent end to war</h2>" in html


def test_wire_hover_text(wire: Article) -> None:
    html = page([wire])
    p = parse(html)
    info = {(m["data-role"], int(m["data-start"]), int(m["data-end"])): m["data-info"] for m in p.marks}
    by_text = {(m["data-role"], m["text"]): m["data-info"] for m in p.marks}
    # a content says whose it is; a source says what it is linked to; a stance cue says who takes it
    told = next(a for a in wire.attributions if a.cue.text == "told")  # "..., an Egyptian source told Xinhua."
    assert told.content is not None and told.source is not None
    content_info = info[("content", told.content.start, told.content.end)]
    assert f"content {told.id}, source: an Egyptian source" in content_info.splitlines()
    source_info = info[("source", told.source.start, told.source.end)]
    assert source_info.startswith(f"source {told.id} (anonymous) = ")
    assert by_text[("stance", "demands")].startswith("stance cue: demand by Hamas")
    assert "actor: Hamas (organization)" in by_text[("stance", "demands")]
    assert by_text[("actor", "Hamas")] == "actor: Hamas (organization)"
    assert f"cue {told.id}: tell" in by_text[("cue", "told")]
    assert "source: " in by_text[("cue", "told")]
    # each label from render.marks() is in its mark's data-info
    for mk in marks(wire):
        key = (mk.role, mk.start, mk.end)
        if key in info:
            assert mk.label in info[key]
    # the tooltip is CSS: shown on hover and on keyboard focus, from data-info
    css = re.search(r"<style>(.*?)</style>", html, re.S)
    assert css is not None
    assert re.search(r"\.mark:hover::after,\s*\.mark:focus::after\s*\{[^}]*content:\s*attr\(data-info\)", css.group(1))
    assert "white-space: pre-wrap" in css.group(1)


def test_sample_page(sample: Article) -> None:
    html = page([sample])
    p = assert_marks_match(html, sample)
    assert {m["data-role"] for m in p.marks} == {m.role for m in marks(sample)}
    assert_self_contained(html)
    # tables: claims, actors, figures
    for caption in ("Claims", "Actors", "Figures"):
        assert f"<h3>{caption}</h3>" in html
    for claim in sample.claims:
        assert f'<td class="id">{claim.id}</td>' in html
    # line breaks are kept: the text is pre-wrapped, its newlines are in the markup
    assert "white-space: pre-wrap" in html
    assert sample.text.count("\n") <= html.split('<div class="text">', 1)[1].split("</div>", 1)[0].count("\n")


def test_hostile_text_is_escaped(hostile: Article) -> None:
    html = page([hostile, ErrorRecord(id="<x>", error=ErrorInfo(type="Bad<T>", message='"><script>alert(3)</script>'))])
    assert_self_contained(html)  # no <script anywhere: every one of them is text
    p = parse(html)
    assert_well_formed(p)
    for tag, attrs in p.tags:
        assert tag not in ("script", "img", "b"), tag
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot; onmouseover=&quot;x" in html
    assert "&lt;img src=x onerror=alert(2" in html  # a mark may end inside it
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "bad&quot;&lt;id&gt;" in html
    # the text read back out of the page is the article text
    text_div = html.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    from html import unescape

    assert unescape(re.sub(r"<[^>]+>", "", text_div)) == hostile.text
    assert_marks_match(html, hostile)


def _crossing_article() -> Article:
    text = "The minister said the plan would fail and Hamas rejected the plan outright."
    said = text.index("said")
    content = Span(text=text[said + 5 : text.index(" outright")], start=said + 5, end=text.index(" outright"))
    obj_start = text.index("fail")  # "fail ... the plan outright" starts inside the content and ends after it
    obj = Span(text=text[obj_start : len(text) - 1], start=obj_start, end=len(text) - 1)
    cue = text.index("rejected")
    return Article(
        id="x",
        text=text,
        attributions=[
            Attribution(
                id="t1",
                sentence=0,
                source=None,
                cue=Cue(text="said", start=said, end=said + 4, lemma="say"),
                content=content,
            )
        ],
        stances=[
            Stance(
                id="s1",
                sentence=0,
                stance="reject",
                cue=Cue(text="rejected", start=cue, end=cue + 8, lemma="reject"),
                object=obj,
            )
        ],
    )


def test_crossing_marks_are_split_and_well_formed() -> None:
    art = _crossing_article()
    html = page([art])
    p = assert_marks_match(html, art)
    objects = [m for m in p.marks if m["data-role"] == "object"]
    # the object starts inside the content and ends after it: it is split at the content's end
    assert len(objects) == 2
    assert "cont" in objects[1]["class"].split()
    assert "".join(o["text"] for o in objects) == art.stances[0].object.text  # type: ignore[union-attr]
    assert objects[0]["data-info"] == objects[1]["data-info"]


def test_nest_handles_shared_bounds_and_junk() -> None:
    ms = [
        Mark(0, 10, "content", "c"),
        Mark(0, 10, "actor", "a"),
        Mark(2, 5, "source", "s"),
        Mark(4, 8, "cue", "q"),
        Mark(3, 3, "cue", "empty"),
        Mark(5, 99, "figure", "outside"),
    ]
    events = nest(10, ms)
    depth = 0
    for kind, _, _, _ in events:
        depth += {"open": 1, "close": -1}.get(kind, 0)
        assert depth >= 0
    assert depth == 0
    opened = [piece.mark.label for kind, _, _, piece in events if kind == "open" and piece]
    assert "empty" not in opened and "outside" not in opened
    assert opened[:2] == ["c", "a"]  # equal extents keep the given order: outer first
    # text events cover the text exactly once
    covered = [(s, e) for kind, s, e, _ in events if kind == "text"]
    assert covered[0][0] == 0 and covered[-1][1] == 10
    assert all(a[1] == b[0] for a, b in pairwise(covered))


def test_error_records_and_empty_page() -> None:
    html = page([ErrorRecord(id="broken.txt", error=ErrorInfo(type="DecodeError", message="bad bytes"))])
    assert 'class="error"' in html and "broken.txt" in html and "DecodeError" in html
    assert_well_formed(parse(html))
    empty = page([])
    assert "No results" in empty
    assert_well_formed(parse(empty))


def test_render_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'data-role="cue"' in html
    assert_self_contained(html)


# -- in a real browser -------------------------------------------------------------------------


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, timeout=120, check=False)


def _png_pixels_vary(png: bytes) -> tuple[int, int, bool]:
    """Width, height, and whether the image is more than one flat colour (no imaging library)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        data = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", data[:8])
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw[: 4 * 1024 * 1024])) > 16


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package chromium)")
def test_page_in_headless_chromium(tmp_path: Path, sample: Article, hostile: Article) -> None:
    html = page([sample, hostile])
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    expected = parse(html)

    dumped = _chromium(tmp_path, "--dump-dom", path.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout.decode("utf-8")
    got = parse(dom)
    # the browser built the same marks, with the same text and hover text
    assert len(got.marks) == len(expected.marks) > 0
    for a, b in zip(got.marks, expected.marks, strict=True):
        assert (a["data-role"], a["data-start"], a["data-end"], a["text"], a["data-info"]) == (
            b["data-role"],
            b["data-start"],
            b["data-end"],
            b["text"],
            b["data-info"],
        )
    assert not any(tag == "script" for tag, _ in got.tags)  # the hostile text stayed text
    assert "<script>alert(1)</script>" not in dom

    shot = tmp_path / "shot.png"
    taken = _chromium(tmp_path, "--hide-scrollbars", f"--screenshot={shot}", "--window-size=1280,1600", path.as_uri())
    assert taken.returncode == 0, taken.stderr[-2000:]
    width, height, varied = _png_pixels_vary(shot.read_bytes())
    assert (width, height) == (1280, 1600)
    assert varied, "the screenshot is one flat colour"
