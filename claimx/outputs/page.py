"""A self-contained HTML page of extraction results: the article text with every span marked.

No scripts, fonts or external styles: one file that works offline. Hover or focus (Tab) a mark to
see what it is; the legend's switches hide a role's colour (CSS only).

Marks nest (a content holds a source, which holds an actor mention). Where two marks cross without
nesting, the inner one (the one opened later) is closed and reopened around the outer one's end, so
the markup stays well-formed; every ``<span class="mark">`` piece carries ``data-start`` and
``data-end``, the offsets of the text it covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TextIO

from claimx import __version__
from claimx.outputs.marks import ROLES, Mark, marks
from claimx.schema import Article, ErrorRecord, Figure, Result

__all__ = ["Piece", "nest", "page", "render_article", "render_text"]


def _e(value: object) -> str:
    """Escape text for an element's content or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: #1f2328; line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
header.page { max-width: 1100px; margin: 0 auto; padding: 1.25rem 1.25rem 0; color: #57606a; font-size: .9rem; }
header.page h1 { font-size: 1.1rem; margin: 0; color: #1f2328; }
article, .error { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 1.25rem 1.5rem;
  margin: 0 0 2rem; box-shadow: 0 1px 2px rgba(0,0,0,.04); }
article h2 { font-size: 1.45rem; line-height: 1.3; margin: 0 0 .35rem; }
article h3 { font-size: 1rem; margin: 1.6rem 0 .5rem; color: #3d444d; }
.meta { color: #57606a; font-size: .88rem; margin: 0 0 1rem; }
.meta span + span::before { content: " · "; }
.warnings { color: #9a6700; font-size: .85rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.02rem; line-height: 1.85;
  border-top: 1px solid #eaeef2; padding-top: 1rem; margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .5rem; margin: .25rem 0 .75rem; font-size: .82rem; }
.legend label { cursor: pointer; border-radius: 4px; padding: .05rem .5rem; border: 1px solid rgba(0,0,0,.12);
  user-select: none; }
.legend .hint { color: #57606a; align-self: center; }
.toggles { position: absolute; left: -9999px; }
.mark { position: relative; border-radius: 2px; cursor: help; }
.mark:focus { outline: 2px solid #0969da; outline-offset: 1px; }
.mark.role-actor { text-decoration: underline; text-decoration-color: #8c959f; text-underline-offset: 3px; }
.mark.role-cue, .mark.role-stance, .mark.role-source, .mark.role-outlet, .mark.role-figure { font-weight: 600; }
.mark.role-object { font-style: italic; }
.mark:hover::after, .mark:focus::after {
  content: attr(data-info); position: absolute; left: 0; top: calc(100% + 4px); z-index: 10;
  width: max-content; max-width: 26rem; white-space: pre-wrap; padding: .3rem .55rem; border-radius: 6px;
  background: #24292f; color: #fff; font: 500 .78rem/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  font-style: normal; text-decoration: none; box-shadow: 0 4px 12px rgba(0,0,0,.2); pointer-events: none; }
.mark:has(.mark:hover):not(:focus)::after { display: none; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; margin: 0 0 .5rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #eaeef2; }
th { background: #f6f8fa; font-weight: 600; color: #3d444d; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { color: #57606a; white-space: nowrap; }
.swatch { display: inline-block; border-radius: 3px; padding: 0 .35rem; }
.empty { color: #57606a; font-style: italic; font-size: .88rem; }
.error { border-color: #ff8182; background: #fff5f5; }
.error h2 { color: #a40e26; font-size: 1.1rem; margin: 0 0 .4rem; }
.error p { margin: 0; white-space: pre-wrap; }
footer { color: #8c959f; font-size: .8rem; text-align: center; }
"""


def _role_css() -> str:
    lines = []
    for n, (role, (_, colour, _)) in enumerate(ROLES.items()):
        lines.append(f".role-{role} {{ background-color: {colour}; }}")
        # the legend's switches: checked = that role's colour is hidden (CSS only, no script)
        lines.append(
            f"#toggle-{n}:checked ~ main .mark.role-{role} {{ background-color: transparent; "
            "text-decoration: none; font-weight: inherit; font-style: inherit; }"
        )
        lines.append(
            f"#toggle-{n}:checked ~ main .legend label[for=toggle-{n}] "
            "{ opacity: .4; text-decoration: line-through; }"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class Piece:
    """One ``<span>`` of a mark: the mark's whole extent may be split into several pieces."""

    start: int
    end: int
    mark: Mark
    first: bool  # the piece that opens the mark (later pieces continue it)


def nest(text_length: int, items: Sequence[Mark]) -> list[tuple[str, int, int, Piece | None]]:
    """Events that make well-formed nested spans from possibly crossing marks.

    In document order: ``("open", start, end, piece)``, ``("close", pos, pos, None)`` and
    ``("text", start, end, None)`` for the text between. Marks that are empty or outside the text
    are dropped. Where marks share a start the longer one is outside; where they cross, the one
    opened later is split at the other's end.
    """
    ranked = sorted((m for m in items if 0 <= m.start < m.end <= text_length), key=lambda m: (m.start, -m.end))
    rank = {id(m): n for n, m in enumerate(ranked)}
    bounds = sorted({0, text_length} | {m.start for m in ranked} | {m.end for m in ranked})
    starting: dict[int, list[Mark]] = {}
    for m in ranked:
        starting.setdefault(m.start, []).append(m)

    events: list[tuple[str, int, int, Piece | None]] = []
    stack: list[tuple[Mark, int]] = []  # open marks, with the index of their "open" event
    for i, pos in enumerate(bounds):
        reopen: list[Mark] = []
        # close what ends here, and whatever was opened inside it (those are reopened just below)
        while any(m.end == pos for m, _ in stack):
            m, at = stack.pop()
            piece = Piece(events[at][1], pos, m, events[at][1] == m.start)
            events[at] = ("open", piece.start, pos, piece)  # the piece ends here, maybe before the mark
            events.append(("close", pos, pos, None))
            if m.end != pos:
                reopen.append(m)
        # longest first, so outer spans open first; on equal ends keep the original order
        for m in sorted(reopen + starting.get(pos, []), key=lambda m: (-m.end, rank[id(m)])):
            events.append(("open", pos, m.end, Piece(pos, m.end, m, m.start == pos)))
            stack.append((m, len(events) - 1))
        if i + 1 < len(bounds) and bounds[i + 1] > pos:
            events.append(("text", pos, bounds[i + 1], None))
    return events


def _infos(article: Article) -> dict[tuple[int, int, str], list[str]]:
    """Extra hover text keyed by (start, end, role): who a cue or a stance belongs to."""
    names = {a.id: a for a in article.actors}
    extra: dict[tuple[int, int, str], list[str]] = {}

    def who(span_actor: str | None, text: str | None) -> str:
        actor = names.get(span_actor or "")
        if actor is not None:
            return f"{actor.name} ({actor.kind})"
        return text or "?"

    for att in article.attributions:
        src = who(att.source.actor, att.source.text) if att.source else "(no source)"
        _add(extra, (att.cue.start, att.cue.end, "cue"), f"source: {src}")
        if att.content:
            _add(extra, (att.content.start, att.content.end, "content"), f"source actor: {src}")
        if att.outlet:
            _add(extra, (att.outlet.start, att.outlet.end, "outlet"), f"source: {src}")
    for st in article.stances:
        taker = who(st.actor.actor, st.actor.text) if st.actor else "?"
        flags = ", ".join(x for x in ("negated" if st.negated else "", st.modality or "") if x)
        note = f"actor: {taker}" + (f" [{flags}]" if flags else "")
        _add(extra, (st.cue.start, st.cue.end, "stance"), note)
        if st.object:
            _add(extra, (st.object.start, st.object.end, "object"), note)
    return extra


def _add(extra: dict[tuple[int, int, str], list[str]], key: tuple[int, int, str], note: str) -> None:
    notes = extra.setdefault(key, [])
    if note not in notes:
        notes.append(note)


def info_text(group: Sequence[Mark], extra: dict[tuple[int, int, str], list[str]]) -> str:
    """What hovering a mark shows: its role and label (one line per mark on the same span), then who
    it belongs to where known (a cue's or content's source, a stance's actor)."""
    lines: list[str] = []
    for mark in group:
        role = ROLES[mark.role][2] if mark.role in ROLES else mark.role
        label = mark.label
        line = label if label.startswith((role, mark.role)) else f"{role}: {label}"
        if line not in lines:
            lines.append(line)
    if group:
        lines += extra.get((group[0].start, group[0].end, group[0].role), [])
    return "\n".join(lines)


def render_text(article: Article) -> str:
    """The article text as HTML with nested ``<span class="mark">`` elements (content only, no wrapper).

    Marks of one role on the same span (two attributions sharing a source) are one span, whose
    hover text lists them all.
    """
    text = article.text
    extra = _infos(article)
    groups: dict[tuple[int, int, str], list[Mark]] = {}
    for m in marks(article):
        if m.role in ROLES:
            groups.setdefault((m.start, m.end, m.role), []).append(m)
    items = [Mark(s, e, r, info_text(group, extra)) for (s, e, r), group in groups.items()]
    out: list[str] = []
    for kind, start, end, piece in nest(len(text), items):
        if kind == "close":
            out.append("</span>")
        elif kind == "text":
            out.append(_e(text[start:end]))
        elif piece is not None:
            m = piece.mark
            cls = f"mark role-{m.role}" + ("" if piece.first else " cont")
            out.append(
                f'<span class="{_e(cls)}" data-role="{_e(m.role)}" tabindex="0" '
                f'data-start="{start}" data-end="{end}" data-info="{_e(m.label)}">'
            )
    return "".join(out)


def _legend(present: set[str]) -> str:
    bits = []
    for n, (role, (_, _, legend)) in enumerate(ROLES.items()):
        if role not in present:
            continue
        bits.append(
            f'<label for="toggle-{n}" class="swatch role-{_e(role)}" '
            f'title="show or hide the {_e(legend)} colour">{_e(legend)}</label>'
        )
    if not bits:
        return '<p class="legend"><span class="hint">nothing marked</span></p>'
    bits.append('<span class="hint">click to hide a colour; hover or Tab to a mark for details</span>')
    return '<div class="legend">' + "".join(bits) + "</div>"


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], classes: Sequence[str] = ()) -> str:
    """A table; cells are escaped here."""
    body = []
    for row in rows:
        cells = []
        for n, cell in enumerate(row):
            cls = classes[n] if n < len(classes) and classes[n] else ""
            cells.append(f'<td class="{cls}">{_e(cell)}</td>' if cls else f"<td>{_e(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        return f'<h3>{_e(caption)}</h3><p class="empty">none</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f"<h3>{_e(caption)}</h3><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure_range(fig: Figure) -> str:
    if fig.low is None and fig.high is None:
        return ""
    if fig.high is None:
        return f"≥ {_num(fig.low)}"
    if fig.low is None:
        return f"≤ {_num(fig.high)}"
    return f"{_num(fig.low)}–{_num(fig.high)}"


def render_article(article: Article) -> str:
    """One ``<article>`` element: heading, dateline, marked text, legend and tables."""
    title = article.headline.text if article.headline else article.id
    meta = [f'<span title="article id">{_e(article.id)}</span>']
    if article.dateline:
        d = article.dateline
        parts = [p for p in (d.location, d.date, d.agency) if p]
        meta.append(f'<span title="dateline: {_e(d.text)}">{_e(", ".join(parts) or d.text)}</span>')
    counts = (
        f"{len(article.claims)} claims, {len(article.attributions)} attributions, {len(article.actors)} actors, "
        f"{len(article.figures)} figures, {len(article.stances)} stances"
    )
    meta.append(f"<span>{_e(counts)}</span>")
    present = {m.role for m in marks(article)}
    parts = [
        "<article>",
        f"<h2>{_e(title)}</h2>",
        f'<p class="meta">{"".join(meta)}</p>',
    ]
    if article.warnings:
        parts.append('<p class="warnings">' + "<br>".join(_e(w) for w in article.warnings) + "</p>")
    parts.append(_legend(present))
    parts.append(f'<div class="text">{render_text(article)}</div>')

    parts.extend(_tables(article))
    parts.append("</article>")
    return "\n".join(parts)


def _tables(article: Article) -> list[str]:
    """The claims, actors, figures and stances tables of an article."""
    out: list[str] = []
    atts = {a.id: a for a in article.attributions}
    actor_names = {a.id: a.name for a in article.actors}
    figs = {f.id: f for f in article.figures}
    stances = {s.id: s for s in article.stances}
    claim_rows = []
    for claim in article.claims:
        att = atts.get(claim.attribution or "")
        claim_rows.append(
            (
                claim.id,
                claim.text,
                att.source.text if att and att.source else "",
                att.cue.text if att else "",
                ", ".join(actor_names.get(a, a) for a in claim.actors),
                ", ".join(figs[f].text for f in claim.figures if f in figs),
                "; ".join(f"{stances[s].stance}: {stances[s].cue.text}" for s in claim.stances if s in stances),
            )
        )
    out.append(_table("Claims", ("id", "claim", "source", "cue", "actors", "figures", "stances"), claim_rows, ("id",)))
    out.append(
        _table(
            "Actors",
            ("id", "name", "kind", "title", "mentions"),
            (
                (
                    a.id,
                    a.name,
                    str(a.kind),
                    a.title or "",
                    f"{len(a.mentions)}: " + ", ".join(dict.fromkeys(m.text for m in a.mentions))
                    if a.mentions
                    else "0",
                )
                for a in article.actors
            ),
            ("id",),
        )
    )
    out.append(
        _table(
            "Figures",
            ("id", "figure", "kind", "value", "low–high", "unit", "counts"),
            (
                (
                    f.id,
                    f.text,
                    f.kind,
                    ("~" if f.approximate else "") + _num(f.value),
                    _figure_range(f),
                    f.unit or "",
                    f.counts.text if f.counts else "",
                )
                for f in article.figures
            ),
            ("id", "", "", "num", "num"),
        )
    )
    out.append(
        _table(
            "Stances",
            ("id", "actor", "stance", "cue", "object"),
            (
                (
                    s.id,
                    actor_names.get(s.actor.actor or "", s.actor.text) if s.actor else "",
                    ("not " if s.negated else "") + s.stance + (f" ({s.modality})" if s.modality else ""),
                    s.cue.text,
                    s.object.text if s.object else "",
                )
                for s in article.stances
            ),
            ("id",),
        )
    )
    return out


def render_error(error: ErrorRecord) -> str:
    return (
        '<section class="error" role="alert">'
        f"<h2>{_e(error.id)}: could not be read</h2>"
        f"<p><strong>{_e(error.error.type)}</strong>: {_e(error.error.message)}</p>"
        "</section>"
    )


def page(results: Sequence[Article | ErrorRecord]) -> str:
    """The whole HTML document for a list of results."""
    articles = [r for r in results if isinstance(r, Article)]
    errors = len(results) - len(articles)
    if len(articles) == 1 and not errors:
        a = articles[0]
        title = a.headline.text if a.headline else a.id
    else:
        title = f"{len(articles)} articles"
    summary = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
    if errors:
        summary += f", {errors} error{'s' if errors != 1 else ''}"
    toggles = "".join(
        f'<input type="checkbox" id="toggle-{n}" class="toggles" aria-label="hide {_e(legend)} colour">'
        for n, (_, (_, _, legend)) in enumerate(ROLES.items())
    )
    body = [render_article(r) if isinstance(r, Article) else render_error(r) for r in results]
    if not body:
        body = ['<p class="empty">No results.</p>']
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # nothing may load from anywhere: the page is self-contained, and no script can run
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:\">",
            f'<meta name="generator" content="claimx {_e(__version__)}">',
            f"<title>{_e(title)} — claimx</title>",
            f"<style>{_CSS}\n{_role_css()}\n</style>",
            "</head>",
            "<body>",
            toggles,
            f'<header class="page"><h1>claimx</h1><span>{_e(summary)}</span></header>',
            "<main>",
            *body,
            f"<footer>claimx {_e(__version__)}</footer>",
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def write_html_page(results: Iterable[Result], out: TextIO) -> None:
    out.write(page(list(results)))
