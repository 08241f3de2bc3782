"""Showing articles to people in the terminal: Rich tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from claimx.outputs.marks import ROLES, marks
from claimx.schema import ErrorRecord, Result


def print_tables(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)
    for result in results:
        if isinstance(result, ErrorRecord):
            console.print(Text(f"{result.id}: {result.error.type}: {result.error.message}", style="bold red"))
            continue
        art = result
        title = art.headline.text if art.headline else art.id
        console.rule(Text(title, style="bold"))
        if art.dateline:
            parts = [p for p in (art.dateline.location, art.dateline.date, art.dateline.agency) if p]
            console.print(Text("Dateline: " + ", ".join(parts), style="dim"))
        body = Text(art.text)
        for m in marks(art):
            body.stylize(ROLES[m.role][0], m.start, m.end)
        console.print(body)
        legend = Text("  ".join(f"[{name}]" for name in ROLES))
        for role, (style, _, _) in ROLES.items():
            start = legend.plain.find(f"[{role}]")
            legend.stylize(style, start, start + len(role) + 2)
        console.print(legend)

        atts = {a.id: a for a in art.attributions}
        actors = {a.id: a.name for a in art.actors}
        figs = {f.id: f for f in art.figures}
        claims = Table(title="Claims", show_lines=False, expand=True)
        for col in ("#", "claim", "source", "cue", "actors", "figures"):
            claims.add_column(col, overflow="fold")
        for claim in art.claims:
            att = atts.get(claim.attribution or "")
            claims.add_row(
                claim.id,
                _short(claim.text, 120),
                att.source.text if att and att.source else "",
                att.cue.text if att else "",
                ", ".join(actors.get(a, a) for a in claim.actors),
                ", ".join(figs[f].text for f in claim.figures if f in figs),
            )
        console.print(claims)
        table = Table(title="Actors", expand=True)
        for col in ("id", "name", "kind", "title", "mentions"):
            table.add_column(col)
        for actor in art.actors:
            table.add_row(actor.id, actor.name, str(actor.kind), actor.title or "", str(len(actor.mentions)))
        console.print(table)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
