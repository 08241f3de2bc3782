"""Batch summaries: sources, anonymous share, stances by actor, figure disagreements, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.summary import BadLine, Summary, norm_counts, norm_source, read_jsonl, summarize, summarize_command

# -- hand-built records ------------------------------------------------------------------------


class Doc:
    """Builds an article dict whose spans really are ``text[start:end]``."""

    def __init__(self, id: str, text: str) -> None:
        self.id, self.text = id, text
        self.actors: list[dict[str, Any]] = []
        self.attributions: list[dict[str, Any]] = []
        self.figures: list[dict[str, Any]] = []
        self.stances: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []

    def span(self, piece: str, nth: int = 0) -> dict[str, Any]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(piece, start + 1)
        return {"text": piece, "start": start, "end": start + len(piece)}

    def actor(self, name: str, kind: str, *mentions: str) -> str:
        aid = f"a{len(self.actors) + 1}"
        self.actors.append({"id": aid, "name": name, "kind": kind, "mentions": [self.span(m) for m in mentions]})
        return aid

    def attribution(
        self,
        source: str | None,
        cue: str,
        *,
        kind: str | None = None,
        actor: str | None = None,
        src_nth: int = 0,
        cue_nth: int = 0,
    ) -> str:
        tid = f"t{len(self.attributions) + 1}"
        src = None
        if source is not None:
            src = self.span(source, src_nth) | {"actor": actor, "kind": kind}
        self.attributions.append(
            {"id": tid, "sentence": 0, "source": src, "cue": self.span(cue, cue_nth) | {"lemma": cue.lower()}}
        )
        return tid

    def figure(
        self, text: str, value: float | None, counts: str | None, *, kind: str = "count", unit: str | None = None
    ) -> str:
        fid = f"f{len(self.figures) + 1}"
        self.figures.append(
            self.span(text)
            | {
                "id": fid,
                "sentence": 0,
                "value": value,
                "kind": kind,
                "unit": unit,
                "counts": self.span(counts) if counts else None,
            }
        )
        return fid

    def stance(
        self, actor_text: str, stance: str, cue: str, obj: str, *, actor: str | None = None, negated: bool = False
    ) -> str:
        sid = f"s{len(self.stances) + 1}"
        self.stances.append(
            {
                "id": sid,
                "sentence": 0,
                "actor": self.span(actor_text) | {"actor": actor},
                "stance": stance,
                "cue": self.span(cue) | {"lemma": cue},
                "object": self.span(obj),
                "negated": negated,
            }
        )
        return sid

    def claim(self, text: str, *actors: str, attribution: str | None = None) -> None:
        self.claims.append(
            self.span(text)
            | {"id": f"c{len(self.claims) + 1}", "sentence": 0, "attribution": attribution, "actors": list(actors)}
        )

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "actors": self.actors,
            "attributions": self.attributions,
            "figures": self.figures,
            "stances": self.stances,
            "claims": self.claims,
        }


def batch() -> list[dict[str, Any]]:
    a = Doc(
        "a",
        "An Egyptian source said Hamas demands an end to war. The source said 48 hostages remain. "
        "Hamas said it rejected foreign forces. Hamas said 5 tunnels, not 7 tunnels, were found.",
    )
    hamas = a.actor("Hamas", "organization", "Hamas")
    egy = a.actor("an Egyptian source", "anonymous", "An Egyptian source")
    t1 = a.attribution("An Egyptian source", "said", kind="anonymous", actor=egy)
    a.attribution("The source", "said", kind="anonymous", actor=egy, cue_nth=1)
    t3 = a.attribution("Hamas", "said", kind="organization", actor=hamas, src_nth=1, cue_nth=2)
    a.attribution("Hamas", "said", kind="organization", actor=hamas, src_nth=2, cue_nth=3)
    a.figure("48", 48, "hostages")
    a.figure("5", 5, "tunnels")
    a.figure("7", 7, "tunnels")
    a.stance("Hamas", "demand", "demands", "an end to war", actor=hamas)
    a.stance("it", "reject", "rejected", "foreign forces", actor=hamas)
    a.claim("Hamas demands an end to war", hamas, egy, attribution=t1)
    a.claim("it rejected foreign forces", hamas, attribution=t3)

    b = Doc(
        "b",
        "Hamas said it accepted the plan, officials said. Israel believes 48 hostages remain. "
        "Israel did not reject the truce. The 2nd day cost $5 million.",
    )
    hamas_b = b.actor("Hamas", "organization", "Hamas")
    israel = b.actor("Israel", "state", "Israel")
    b.attribution("Hamas", "said", kind="organization", actor=hamas_b)
    b.attribution("officials", "said", kind="official", cue_nth=1)
    b.attribution("Israel", "believes", kind="state", actor=israel)
    b.figure("48", 48, "hostages")
    b.figure("2nd", 2, "day", kind="ordinal")
    b.figure("$5 million", 5_000_000, "$", kind="money", unit="USD")  # the unit is no counted thing
    b.stance("Hamas", "accept", "accepted", "the plan", actor=hamas_b)
    b.stance("Israel", "reject", "reject", "the truce", actor=israel, negated=True)
    b.claim("Hamas said it accepted the plan", hamas_b, israel)

    c = Doc("c", "A diplomat said 48 Israeli hostages are held. The diplomat said talks go on.")
    c.attribution("A diplomat", "said", kind="anonymous")
    c.attribution("The diplomat", "said", kind="anonymous", cue_nth=1)
    c.figure("48", 48, "Israeli hostages")

    d = Doc("d", "Fifty hostages remain in Gaza, a spokesman for Hamas said.")
    d.actor("Hamas", "organization", "Hamas")
    d.attribution("a spokesman", "said", kind="official")
    d.figure("Fifty", 50, "hostages")
    return [a.record(), b.record(), c.record(), d.record()]


ERROR = {"id": "broken.txt", "error": {"type": "DecodeError", "message": "bad bytes"}, "meta": {}}


@pytest.fixture()
def summary() -> Summary:
    return summarize([*batch(), ERROR])


# -- the pure summary --------------------------------------------------------------------------


def test_totals(summary: Summary) -> None:
    t = summary.totals
    assert (t.articles, t.errors, t.bad_lines) == (4, 1, 0)
    assert t.attributions == 4 + 3 + 2 + 1
    assert t.figures == 3 + 3 + 1 + 1
    assert t.stances == 4 and t.claims == 3
    assert summary.errors[0].line == 5 and "DecodeError" in summary.errors[0].reason


def test_sources_ranked_and_grouped(summary: Summary) -> None:
    rows = {r.name: r for r in summary.sources}
    top = summary.sources[0]
    # Hamas: two attributions in a, one in b, grouped by the linked actor's name across articles
    assert (top.name, top.attributions, top.articles, top.linked) == ("Hamas", 3, 2, True)
    assert top.kinds == {"organization": 3}
    egy = rows["an Egyptian source"]
    assert (egy.attributions, egy.kinds) == (2, {"anonymous": 2})
    assert set(egy.texts) == {"An Egyptian source", "The source"}
    # no linked actor: "A diplomat" and "The diplomat" share a normalised text
    diplomat = rows["diplomat"]
    assert (diplomat.attributions, diplomat.linked) == (2, False)
    assert [r.attributions for r in summary.sources] == sorted((r.attributions for r in summary.sources), reverse=True)


def test_anonymous_and_official_share(summary: Summary) -> None:
    assert summary.source_kinds["anonymous"] == 4
    assert summary.source_kinds["official"] == 2
    assert summary.anonymous_share == pytest.approx(0.4)
    assert summary.official_share == pytest.approx(0.2)
    assert summary.unsourced == 0


def test_actors_by_claims(summary: Summary) -> None:
    first = summary.actors_by_claims[0]
    assert (first.name, first.kind, first.claims, first.articles) == ("Hamas", "organization", 3, 2)
    names = [(a.name, a.claims) for a in summary.actors_by_claims]
    assert ("Israel", 1) in names and ("an Egyptian source", 1) in names


def test_stances_by_actor(summary: Summary) -> None:
    rows = {r.name: r for r in summary.actors_by_stances}
    hamas = rows["Hamas"]
    assert hamas.total == 3
    assert hamas.counts == {"demand": 1, "reject": 1, "accept": 1}
    assert hamas.examples == {"demand": ["an end to war"], "reject": ["foreign forces"], "accept": ["the plan"]}
    assert rows["Israel"].counts == {"not reject": 1}
    assert summary.actors_by_stances[0].name == "Hamas"


def test_figure_disagreement_flagged(summary: Summary) -> None:
    groups = {g.counts: g for g in summary.figures}
    hostages = groups["hostage"]
    assert hostages.disagreement
    assert hostages.note == "hostages: 48 in 2 stories, 50 in 1"
    # "Israeli hostages" is its own counted thing; "hostages" in a, b and d
    assert hostages.stories == 3 and [(v.value, v.stories) for v in hostages.values] == [("48", 2), ("50", 1)]
    assert summary.figures[0].disagreement  # disagreements come first
    # two values in one story are not a disagreement between stories
    assert not groups["tunnel"].disagreement
    # ordinals, and money whose "counts" is its own unit, are left out
    assert "day" not in groups and "$" not in groups
    assert summary.figures_without_counts == 1


def test_figure_note_counts_stories() -> None:
    docs = []
    for n, value in enumerate((48, 48, 48, 50)):
        d = Doc(f"x{n}", f"Hamas officials said {value} hostages remain.")
        d.actor("Hamas", "organization", "Hamas")
        d.figure(str(value), value, "hostages")
        docs.append(d.record())
    g = summarize(docs).figures[0]
    assert g.note == "hostages: 48 in 3 stories, 50 in 1"
    assert g.disagreement


def test_figures_of_unrelated_stories_do_not_disagree() -> None:
    """The same counted noun in two stories about different events is no disagreement."""
    docs = []
    for n, (value, who) in enumerate(((48, "Hamas"), (12, "the FARC"))):
        d = Doc(f"y{n}", f"{who} holds {value} hostages.")
        d.actor(who, "organization", who)
        d.figure(str(value), value, "hostages")
        docs.append(d.record())
    g = summarize(docs).figures[0]
    assert g.stories == 2 and not g.disagreement


def test_units_are_never_what_a_figure_counts_and_pronouns_never_a_source() -> None:
    d = Doc("z", "Profit rose 5 cts, he said. It earned 12 dlrs, the company said.")
    company = d.actor("the company", "organization", "the company")
    d.figure("5", 5, "cts")
    d.figure("12", 12, "dlrs")
    d.attribution("he", "said", kind="person")
    d.attribution("the company", "said", kind="organization", actor=company)
    s = summarize([d.record()])
    assert s.figures == [] and s.figures_without_counts == 2
    assert [r.name for r in s.sources] == ["the company"] and s.unresolved_pronoun_sources == 1


def test_a_file_that_is_not_claimx_output_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text('{"name": "x"}\n[1, 2]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(path)])
    assert result.exit_code == 1 and "not claimx output" in result.output


def test_normalising() -> None:
    assert norm_counts("Hostages") == "hostage"
    assert norm_counts("the Palestinian deaths") == "palestinian death"
    assert norm_counts("people") == "person"
    assert norm_counts("casualties") == "casualty"
    assert norm_counts("bus") == "bus" and norm_counts("losses") == "loss" and norm_counts("crisis") == "crisis"
    assert norm_source("The  Source") == "source" == norm_source("a source")
    assert norm_source("the") == "the"


def test_bad_records_are_skipped() -> None:
    recs: list[Any] = [batch()[3], {"id": "no text"}, [1, 2], BadLine(line=9, reason="not JSON")]
    s = summarize(recs)
    assert s.totals.articles == 1
    assert s.totals.bad_lines == 3
    assert [b.line for b in s.bad_lines] == [2, 3, 9]
    assert "not an article" in s.bad_lines[0].reason


def test_read_jsonl_tolerates_junk() -> None:
    good = json.dumps(batch()[3])
    stream = io.StringIO(f"{good}\n\n{{not json\n[1]\n{good}\n")
    got = list(read_jsonl(stream))
    assert [n for n, _ in got] == [1, 3, 4, 5]
    assert isinstance(got[1][1], BadLine) and isinstance(got[2][1], BadLine)
    # a pretty-printed single article (extract --format json) is read as one record
    pretty = list(read_jsonl(io.StringIO(json.dumps(batch()[3], indent=2))))
    assert len(pretty) == 1 and not isinstance(pretty[0][1], BadLine)


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_summarize_command_formats(fmt: str) -> None:
    lines = [json.dumps(r) for r in batch()] + ["garbage", json.dumps(ERROR)]
    out = io.StringIO()
    summarize_command(io.StringIO("\n".join(lines) + "\n"), fmt=fmt, top=5, out=out)
    text = out.getvalue()
    assert "\x1b[" not in text  # no colour when not on a terminal
    if fmt == "json":
        data = json.loads(text)
        assert data["totals"]["bad_lines"] == 1 and data["totals"]["errors"] == 1
    else:
        assert "hostages: 48 in 2 stories, 50 in 1" in text
        assert "Hamas" in text and "skipped" in text


# -- the command line --------------------------------------------------------------------------


def test_cli_summarize_json(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in batch()) + "\n{oops\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["totals"]["articles"] == 4
    assert data["totals"]["bad_lines"] == 1
    assert data["sources"][0]["name"] == "Hamas"
    assert data["anonymous_share"] == pytest.approx(0.4)
    assert any(g["disagreement"] and g["counts"] == "hostage" for g in data["figures"])

    top = CliRunner().invoke(app, ["summarize", str(path), "--format", "json", "--top", "1"])
    assert top.exit_code == 0 and len(json.loads(top.stdout)["sources"]) == 1

    table = CliRunner().invoke(app, ["summarize", str(path)])
    assert table.exit_code == 0 and "Most cited sources" in table.stdout


def test_cli_summarize_bad_format_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("", encoding="utf-8")
    assert CliRunner().invoke(app, ["summarize", str(path), "--format", "xml"]).exit_code != 0
    assert CliRunner().invoke(app, ["summarize", str(tmp_path / "nope.jsonl")]).exit_code != 0
    empty = CliRunner().invoke(app, ["summarize", str(path), "--format", "json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout)["totals"]["articles"] == 0


def test_summary_of_real_extraction(tmp_path: Path) -> None:
    """The summary reads what extract writes."""
    samples = Path(__file__).resolve().parents[1] / "samples"
    out = tmp_path / "all.jsonl"
    result = CliRunner().invoke(app, ["extract", str(samples), "--format", "jsonl", "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        s = summarize(json.loads(line) for line in f)
    assert s.totals.articles == len(list(samples.glob("*.txt")))
    assert s.totals.bad_lines == 0 and s.sources and s.totals.attributions == sum(s.source_kinds.values())
