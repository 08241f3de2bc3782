"""Writing a :class:`Summary` as a Rich table, JSON or Markdown; ``claimx summarize``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from claimx.errors import plural
from claimx.summary.compute import _summarize, read_jsonl
from claimx.summary.model import ActorStances, Summary


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _kinds(kinds: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" if len(kinds) > 1 else k for k, v in kinds.items())


def _stance_counts(row: ActorStances) -> str:
    return ", ".join(f"{k} {v}" for k, v in row.counts.items())


def _stance_examples(row: ActorStances) -> str:
    return "; ".join(f"{k}: " + " | ".join(ex) for k, ex in row.examples.items() if ex)


def _totals_line(s: Summary) -> str:
    t = s.totals
    counts = (
        (t.articles, "article"),
        (t.errors, "error"),
        (t.attributions, "attribution"),
        (t.claims, "claim"),
        (t.figures, "figure"),
        (t.stances, "stance"),
    )
    bad = f", {plural(t.bad_lines, 'bad line')} skipped" if t.bad_lines else ""
    return ", ".join(plural(n, word) for n, word in counts) + bad


def render_json(summary: Summary, out: TextIO) -> None:
    out.write(summary.model_dump_json(indent=2) + "\n")


def _md(text: object) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(summary: Summary, out: TextIO) -> None:
    s = summary
    w = out.write
    w("# claimx summary\n\n")
    w(f"{_totals_line(s)}.\n\n")
    t = s.totals
    if t.attributions:
        w(
            f"Anonymous sources: {_pct(s.anonymous_share)} of attributions; officials: {_pct(s.official_share)}; "
            f"no source: {s.unsourced}.\n\n"
        )
    w("## Most cited sources\n\n| source | attributions | stories | kind | as |\n|---|--:|--:|---|---|\n")
    for r in s.sources:
        w(f"| {_md(r.name)} | {r.attributions} | {r.articles} | {_md(_kinds(r.kinds))} | {_md('; '.join(r.texts))} |\n")
    w("\n## Actors by claims\n\n| actor | kind | claims | stories |\n|---|---|--:|--:|\n")
    for a in s.actors_by_claims:
        w(f"| {_md(a.name)} | {_md(a.kind)} | {a.claims} | {a.articles} |\n")
    w("\n## Stances by actor\n\n| actor | stances | examples |\n|---|---|---|\n")
    for st in s.actors_by_stances:
        w(f"| {_md(st.name)} | {_md(_stance_counts(st))} | {_md(_stance_examples(st))} |\n")
    w("\n## Figures by what they count\n\n| counts | stories | values | disagreement |\n|---|--:|---|---|\n")
    for g in s.figures:
        w(f"| {_md(g.label)} | {g.stories} | {_md(g.note)} | {'**yes**' if g.disagreement else ''} |\n")
    if s.errors or s.bad_lines:
        w("\n## Problems\n\n")
        for b in s.errors:
            w(f"- line {b.line}: error record {_md(b.reason)}\n")
        for b in s.bad_lines:
            w(f"- line {b.line}: skipped, {_md(b.reason)}\n")
    w("\n")


def render_table(summary: Summary, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    tty = bool(getattr(out, "isatty", lambda: False)())
    console = Console(
        file=out, force_terminal=tty, no_color=not tty, highlight=False, width=None if tty else 120, soft_wrap=False
    )
    s = summary
    console.print(Text(_totals_line(s), style="bold"))
    if s.totals.attributions:
        console.print(
            f"anonymous sources: {_pct(s.anonymous_share)} of attributions · officials: {_pct(s.official_share)} · "
            f"no source: {s.unsourced}",
            markup=False,
        )

    table = Table(title="Most cited sources", expand=False)
    for col, just in (
        ("source", "left"),
        ("attributions", "right"),
        ("stories", "right"),
        ("kind", "left"),
        ("cited as", "left"),
    ):
        table.add_column(col, justify=just, overflow="fold")  # type: ignore[arg-type]
    for r in s.sources:
        table.add_row(Text(r.name), str(r.attributions), str(r.articles), _kinds(r.kinds), Text("; ".join(r.texts)))
    console.print(table)

    table = Table(title="Actors by claims")
    for col, just in (("actor", "left"), ("kind", "left"), ("claims", "right"), ("stories", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for a in s.actors_by_claims:
        table.add_row(Text(a.name), a.kind, str(a.claims), str(a.articles))
    console.print(table)

    table = Table(title="Stances by actor")
    for col in ("actor", "stances", "examples"):
        table.add_column(col, overflow="fold")
    for st in s.actors_by_stances:
        table.add_row(Text(st.name), _stance_counts(st), Text(_stance_examples(st)))
    console.print(table)

    table = Table(title="Figures by what they count")
    for col, just in (("counts", "left"), ("stories", "right"), ("values", "left"), ("flag", "left")):
        table.add_column(col, justify=just, overflow="fold")  # type: ignore[arg-type]
    for g in s.figures:
        flag = Text("disagree", style="bold red") if g.disagreement else Text("")
        table.add_row(Text(g.label), str(g.stories), Text(g.note), flag)
    console.print(table)

    for b in s.errors:
        console.print(Text(f"line {b.line}: error record {b.reason}", style="red"))
    for b in s.bad_lines:
        console.print(Text(f"line {b.line}: skipped, {b.reason}", style="yellow"))


_RENDERERS = {"table": render_table, "json": render_json, "markdown": render_markdown}


def summarize_command(stream: TextIO, *, fmt: str, top: int, out: TextIO) -> None:
    """Read a claimx JSONL output from ``stream`` and write its summary to ``out``."""
    from claimx.errors import NotClaimxOutput, UsageError

    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown format {fmt!r}: use table, json or markdown")
    summary = _summarize(read_jsonl(stream))
    if summary.totals.articles == 0 and summary.totals.errors == 0 and summary.bad_lines:
        first = summary.bad_lines[0]
        raise NotClaimxOutput(
            f"not claimx output: no article or error record in it (line {first.line}: {first.reason})"
        )
    renderer(summary.top(max(top, 1)), out)
