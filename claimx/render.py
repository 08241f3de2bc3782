"""Showing articles to people: Rich tables in the terminal, and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from claimx.schema import Article, ErrorRecord, Result

#: role -> (Rich style, HTML colour, legend text); one palette for both views.
ROLES: dict[str, tuple[str, str, str]] = {
    "source": ("bold cyan", "#b3e5fc", "source"),
    "cue": ("bold magenta", "#f8bbd0", "cue"),
    "content": ("green", "#dcedc8", "content"),
    "outlet": ("bold blue", "#c5cae9", "outlet"),
    "figure": ("bold yellow", "#ffe082", "figure"),
    "stance": ("bold red", "#ffab91", "stance cue"),
    "object": ("italic red", "#ffccbc", "stance object"),
    "actor": ("underline", "#e0e0e0", "actor mention"),
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    role: str
    label: str  # what a hover or a legend says of it


def marks(article: Article) -> list[Mark]:
    """Every marked span of an article, outermost first where they nest."""
    out: list[Mark] = []
    names = {a.id: a for a in article.actors}
    for actor in article.actors:
        for m in actor.mentions:
            out.append(Mark(m.start, m.end, "actor", f"actor: {actor.name} ({actor.kind})"))
    for att in article.attributions:
        src = att.source.text if att.source else "(no source)"
        if att.content:
            out.append(Mark(att.content.start, att.content.end, "content", f"content {att.id}, source: {src}"))
        if att.source:
            who = names.get(att.source.actor or "")
            linked = f" = {who.name}" if who else ""
            out.append(Mark(att.source.start, att.source.end, "source", f"source {att.id} ({att.source.kind}){linked}"))
        out.append(Mark(att.cue.start, att.cue.end, "cue", f"cue {att.id}: {att.cue.lemma}"))
        if att.outlet:
            out.append(Mark(att.outlet.start, att.outlet.end, "outlet", f"outlet of {att.id}"))
    for fig in article.figures:
        bits = [f"value {fig.value}"]
        if fig.unit:
            bits.append(fig.unit)
        if fig.counts:
            bits.append(f"counts {fig.counts.text}")
        out.append(Mark(fig.start, fig.end, "figure", "figure: " + ", ".join(bits)))
    for st in article.stances:
        taker = st.actor.text if st.actor else "?"
        out.append(Mark(st.cue.start, st.cue.end, "stance", f"{st.stance} by {taker}"))
        if st.object:
            out.append(Mark(st.object.start, st.object.end, "object", f"object of {st.stance} by {taker}"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


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


def write_html_page(results: Iterable[Result], out: TextIO) -> None:
    from claimx.html import page

    out.write(page(list(results)))
