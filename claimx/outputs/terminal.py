"""Showing articles to people in the terminal: the text with its roles coloured, then tables
of attributions, stances, figures and actors (as the HTML page has), readable at 80 columns.

Columns wrap at word boundaries and nothing is cut short with "…": a reader sees every word of
a source, content or object."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from claimx.outputs.marks import ROLES, marks
from claimx.schema import ActorSpan, Article, ErrorRecord, Figure, Result

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def _color_wanted(color: bool) -> bool:
    """``color`` as the caller decided (a terminal or not), overridden by the environment:
    ``NO_COLOR`` turns colours off, ``FORCE_COLOR`` on."""
    if os.environ.get("NO_COLOR"):
        return False
    return color or bool(os.environ.get("FORCE_COLOR"))


def print_tables(results: Iterable[Result], out: TextIO, *, color: bool = False, width: int | None = None) -> None:
    from rich.console import Console

    color = _color_wanted(color)
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        width=width,
        color_system="auto" if color else None,
    )
    for result in results:
        if isinstance(result, ErrorRecord):
            console.print(f"[bold red]{result.id}: {result.error.type}: {result.error.message}[/]", markup=True)
            continue
        _article(console, result)


def _who(span: ActorSpan | None) -> str:
    if span is None:
        return ""
    if span.name and span.name.lower() not in span.text.lower():
        return f"{span.text} (= {span.name})"
    return span.text


def _table(title: str, columns: list[tuple[str, int | None]]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    for name, ratio in columns:
        table.add_column(name, ratio=ratio, overflow="fold" if ratio is None else "ellipsis", no_wrap=False)
    return table


def _value(fig: Figure) -> str:
    def num(v: float | int | None) -> str:
        return "" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,}")

    if fig.low is not None and fig.high is not None and fig.low != fig.high:
        text = f"{num(fig.low)}–{num(fig.high)}"
    else:
        text = num(fig.value)
    return " ".join(p for p in (fig.qualifier or "", text, fig.unit or "") if p)


def _article(console: Console, art: Article) -> None:
    from rich.text import Text

    console.rule(Text(art.headline.text if art.headline else art.id, style="bold"))
    facts = []
    if art.dateline:
        facts.append(", ".join(p for p in (art.dateline.location, art.dateline.date, art.dateline.agency) if p))
    if art.byline:
        facts.append(art.byline.text)
    if facts:
        console.print(Text(" · ".join(facts), style="dim"))
    body = Text(art.text.strip("\n"))
    offset = len(art.text) - len(art.text.lstrip("\n"))
    for m in marks(art):
        body.stylize(ROLES[m.role][0], m.start - offset, m.end - offset)
    console.print(body)
    legend = Text("  ".join(f"[{name}]" for name in ROLES))
    for role, (style, _, _) in ROLES.items():
        start = legend.plain.find(f"[{role}]")
        legend.stylize(style, start, start + len(role) + 2)
    console.print(legend)
    _attributions(console, art)
    _stances(console, art)
    _figures(console, art)
    _actors(console, art)


def _attributions(console: Console, art: Article) -> None:
    if not art.attributions:
        return
    table = _table("Attributions", [("source", 3), ("cue", 2), ("content", 8)])
    for att in art.attributions:
        cue = att.cue.text + (f" {att.outlet.text}" if att.outlet else "")
        table.add_row(_who(att.source), cue, " ".join((att.content.text if att.content else "").split()))
    console.print(table)


def _stances(console: Console, art: Article) -> None:
    if not art.stances:
        return
    table = _table("Stances", [("holder", 3), ("stance", 2), ("cue", 2), ("object", 6)])
    for st in art.stances:
        kind = ("not " if st.negated else "") + str(st.stance) + (f" ({st.modality})" if st.modality else "")
        obj = " ".join(st.object.text.split()) if st.object else ""
        table.add_row(_who(st.actor), kind, st.cue.text, obj)
    console.print(table)


def _figures(console: Console, art: Article) -> None:
    if not art.figures:
        return
    table = _table("Figures", [("figure", 4), ("value", 3), ("counts", 4)])
    for fig in art.figures:
        table.add_row(" ".join(fig.text.split()), _value(fig), fig.counts.text if fig.counts else "")
    console.print(table)


def _actors(console: Console, art: Article) -> None:
    from rich.text import Text

    if not art.actors:
        return
    line = Text("Actors: ", style="bold")
    parts = []
    for actor in art.actors:
        extra = ", ".join(p for p in (str(actor.kind), actor.title or "", f"{len(actor.mentions)}×") if p)
        parts.append(f"{actor.name} ({extra})")
    line.append("; ".join(parts), style="")
    console.print(line)
