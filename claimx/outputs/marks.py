"""The marked spans of an article, and the palette both views (terminal, HTML page) use."""

from __future__ import annotations

from dataclasses import dataclass

from claimx.schema import Article

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
