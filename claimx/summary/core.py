"""Summaries of a batch of results (a claimx JSONL output): who is cited, who wants what, which numbers disagree.

``summarize(records)`` is pure: dict records in (one Article or ErrorRecord each), a :class:`Summary`
out. ``summarize_command`` reads JSONL (bad lines are counted and reported, never fatal) and writes
a Rich table, JSON or Markdown.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any, TextIO

from pydantic import BaseModel, Field, ValidationError

from claimx.schema import Article, ErrorRecord

__all__ = [
    "ActorClaims",
    "ActorStances",
    "BadLine",
    "FigureGroup",
    "FigureValue",
    "SourceRow",
    "Summary",
    "Totals",
    "norm_counts",
    "norm_source",
    "read_jsonl",
    "render_json",
    "render_markdown",
    "render_table",
    "summarize",
    "summarize_command",
]

#: figure kinds that count things; ordinals ("2nd day") are not counts of anything
_COUNTED_KINDS = frozenset({"count", "quantity", "money", "percent"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "lives": "life",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "data": "data",
    "news": "news",
}
_NO_STRIP = ("ss", "us", "is", "ics", "news")
_EXAMPLES = 3


class BadLine(BaseModel):
    line: int
    reason: str


class Totals(BaseModel):
    records: int = 0
    articles: int = 0
    errors: int = 0
    bad_lines: int = 0
    attributions: int = 0
    claims: int = 0
    figures: int = 0
    stances: int = 0
    actors: int = 0


class SourceRow(BaseModel):
    """A source cited across the batch: a linked actor, or a normalised source text."""

    name: str
    linked: bool = Field(description="grouped by a linked actor's name (else by the source text)")
    attributions: int
    articles: int
    kinds: dict[str, int] = Field(default_factory=dict)
    texts: list[str] = Field(default_factory=list, description="a few of the texts that cite it")


class ActorClaims(BaseModel):
    name: str
    kind: str
    claims: int
    articles: int


class ActorStances(BaseModel):
    name: str
    kind: str | None = None
    total: int
    counts: dict[str, int] = Field(default_factory=dict, description="stance type (``not reject``...) -> count")
    examples: dict[str, list[str]] = Field(default_factory=dict, description="stance type -> a few objects")


class FigureValue(BaseModel):
    value: str
    stories: int
    mentions: int


class FigureGroup(BaseModel):
    counts: str = Field(description="what is counted, normalised (``hostage``)")
    label: str = Field(description="as most often written (``hostages``)")
    unit: str | None = None
    mentions: int
    stories: int
    values: list[FigureValue]
    disagreement: bool = Field(description="different values for it in different stories")
    note: str = Field(description="``hostages: 48 in 3 stories, 50 in 1``")


class Summary(BaseModel):
    totals: Totals = Field(default_factory=Totals)
    source_kinds: dict[str, int] = Field(default_factory=dict, description="attributions by source kind")
    anonymous_share: float = Field(0.0, description="share of attributions whose source is anonymous")
    official_share: float = Field(0.0, description="share of attributions whose source is an official")
    unsourced: int = Field(0, description="attributions with no source span")
    sources: list[SourceRow] = Field(default_factory=list)
    actors_by_claims: list[ActorClaims] = Field(default_factory=list)
    actors_by_stances: list[ActorStances] = Field(default_factory=list)
    figures: list[FigureGroup] = Field(default_factory=list)
    figures_without_counts: int = 0
    errors: list[BadLine] = Field(default_factory=list, description="error records: id and message")
    bad_lines: list[BadLine] = Field(default_factory=list)

    def top(self, n: int) -> Summary:
        """The same summary with at most ``n`` rows per section."""
        return self.model_copy(
            update={
                "sources": self.sources[:n],
                "actors_by_claims": self.actors_by_claims[:n],
                "actors_by_stances": self.actors_by_stances[:n],
                "figures": self.figures[:n],
            }
        )


# -- normalising -------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[\w][\w'’.-]*", text.casefold())


def norm_source(text: str) -> str:
    """``The source`` / ``a source`` -> ``source``: lowercase, no leading determiner, single spaces."""
    words = _words(text)
    while len(words) > 1 and words[0] in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(_NO_STRIP):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def norm_counts(text: str) -> str:
    """What a figure counts, lemma-ish: ``Israeli hostages`` -> ``israeli hostage``, ``people`` -> ``person``."""
    words = [w.strip("'’.-") for w in _words(text)]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
    while len(words) > 1 and words[0] in _DETERMINERS:
        words.pop(0)
    if not words:
        return ""
    return " ".join([*words[:-1], _singular(words[-1])])


def _fmt_value(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


# -- summarising -------------------------------------------------------------------------------


def summarize(records: Iterable[Mapping[str, Any] | BadLine]) -> Summary:
    """Summarize dict records (Articles and ErrorRecords as JSON objects).

    A record that is neither (or a :class:`BadLine` passed through from a reader) is counted in
    ``bad_lines`` with its position (1-based) and skipped.
    """
    return _summarize(enumerate(records, start=1))


def _summarize(numbered: Iterable[tuple[int, Mapping[str, Any] | BadLine]]) -> Summary:
    s = Summary()
    t = s.totals
    kinds: Counter[str] = Counter()
    # sources: key -> stats
    src_count: Counter[tuple[bool, str]] = Counter()
    src_articles: dict[tuple[bool, str], set[int]] = defaultdict(set)
    src_kinds: dict[tuple[bool, str], Counter[str]] = defaultdict(Counter)
    src_texts: dict[tuple[bool, str], Counter[str]] = defaultdict(Counter)
    src_names: dict[tuple[bool, str], Counter[str]] = defaultdict(Counter)
    # actors by claims: (name key, kind) -> stats
    act_claims: Counter[tuple[str, str]] = Counter()
    act_articles: dict[tuple[str, str], set[int]] = defaultdict(set)
    act_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    # stances: name key -> stats
    st_counts: dict[str, Counter[str]] = defaultdict(Counter)
    st_examples: dict[str, dict[str, list[str]]] = defaultdict(dict)
    st_names: dict[str, Counter[str]] = defaultdict(Counter)
    st_kinds: dict[str, Counter[str]] = defaultdict(Counter)
    # figures: (counts key, unit) -> value -> (articles, mentions)
    fig_articles: dict[tuple[str, str | None], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    fig_mentions: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    fig_labels: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)

    for line, record in numbered:
        t.records += 1
        parsed = _parse(line, record)
        if isinstance(parsed, BadLine):
            s.bad_lines.append(parsed)
            continue
        if isinstance(parsed, ErrorRecord):
            t.errors += 1
            s.errors.append(BadLine(line=line, reason=f"{parsed.id}: {parsed.error.type}: {parsed.error.message}"))
            continue
        art = parsed
        n = t.articles
        t.articles += 1
        t.attributions += len(art.attributions)
        t.claims += len(art.claims)
        t.figures += len(art.figures)
        t.stances += len(art.stances)
        t.actors += len(art.actors)
        actors = {a.id: a for a in art.actors}

        for att in art.attributions:
            if att.source is None:
                s.unsourced += 1
                kinds["none"] += 1
                continue
            linked = actors.get(att.source.actor or "")
            kind = str(att.source.kind or (linked.kind if linked else None) or "other")
            kinds[kind] += 1
            key = (True, linked.name.casefold()) if linked else (False, norm_source(att.source.text))
            src_count[key] += 1
            src_articles[key].add(n)
            src_kinds[key][kind] += 1
            src_texts[key][att.source.text] += 1
            src_names[key][linked.name if linked else norm_source(att.source.text)] += 1

        for claim in art.claims:
            for actor_id in dict.fromkeys(claim.actors):
                actor = actors.get(actor_id)
                if actor is None:
                    continue
                akey = (actor.name.casefold(), str(actor.kind))
                act_claims[akey] += 1
                act_articles[akey].add(n)
                act_names[akey][actor.name] += 1

        for st in art.stances:
            taker = actors.get(st.actor.actor or "") if st.actor else None
            if taker is not None:
                name, kind = taker.name, str(taker.kind)
            elif st.actor is not None:
                name, kind = st.actor.text, str(st.actor.kind or "") or ""
            else:
                name, kind = "(unknown)", ""
            nkey = name.casefold() if taker is not None else norm_source(name) or "(unknown)"
            st_names[nkey][name] += 1
            if kind:
                st_kinds[nkey][kind] += 1
            for stype in [st.stance or "?"]:
                label = ("not " if st.negated else "") + stype
                st_counts[nkey][label] += 1
                examples = st_examples[nkey].setdefault(label, [])
                obj = " ".join(st.object.text.split()) if st.object else ""
                if obj and obj not in examples and len(examples) < _EXAMPLES:
                    examples.append(obj)

        for fig in art.figures:
            if fig.kind not in _COUNTED_KINDS:
                continue
            # "245,000 tonnes", "$5 million", "12 pct": the counts span is the figure's own unit, not a thing counted
            unit_only = fig.counts is not None and fig.start <= fig.counts.start and fig.counts.end <= fig.end
            if fig.counts is None or unit_only or not norm_counts(fig.counts.text):
                s.figures_without_counts += 1
                continue
            if fig.value is not None:
                value = _fmt_value(fig.value)
            elif fig.low is not None or fig.high is not None:
                value = f"{_fmt_value(fig.low)}–{_fmt_value(fig.high)}"
            else:
                continue
            fkey = (norm_counts(fig.counts.text), fig.unit)
            fig_articles[fkey][value].add(n)
            fig_mentions[fkey][value] += 1
            fig_labels[fkey][" ".join(fig.counts.text.split())] += 1

    t.bad_lines = len(s.bad_lines)
    s.source_kinds = dict(kinds.most_common())
    s.anonymous_share = _share(kinds["anonymous"], t.attributions)
    s.official_share = _share(kinds["official"], t.attributions)
    s.sources = sorted(
        (
            SourceRow(
                name=src_names[k].most_common(1)[0][0],
                linked=k[0],
                attributions=c,
                articles=len(src_articles[k]),
                kinds=dict(src_kinds[k].most_common()),
                texts=[x for x, _ in src_texts[k].most_common(_EXAMPLES)],
            )
            for k, c in src_count.items()
        ),
        key=lambda r: (-r.attributions, -r.articles, r.name.casefold()),
    )
    s.actors_by_claims = sorted(
        (
            ActorClaims(name=act_names[k].most_common(1)[0][0], kind=k[1], claims=c, articles=len(act_articles[k]))
            for k, c in act_claims.items()
        ),
        key=lambda r: (-r.claims, -r.articles, r.name.casefold()),
    )
    s.actors_by_stances = sorted(
        (
            ActorStances(
                name=st_names[k].most_common(1)[0][0],
                kind=st_kinds[k].most_common(1)[0][0] if st_kinds[k] else None,
                total=sum(counts.values()),
                counts=dict(counts.most_common()),
                examples=st_examples[k],
            )
            for k, counts in st_counts.items()
        ),
        key=lambda r: (-r.total, r.name.casefold()),
    )
    s.figures = sorted(
        (_figure_group(k, fig_articles[k], fig_mentions[k], fig_labels[k]) for k in fig_articles),
        key=lambda g: (not g.disagreement, -g.stories, -g.mentions, g.counts),
    )
    return s


def _figure_group(
    key: tuple[str, str | None], articles: Mapping[str, set[int]], mentions: Counter[str], labels: Counter[str]
) -> FigureGroup:
    values = sorted(
        (FigureValue(value=v, stories=len(a), mentions=mentions[v]) for v, a in articles.items()),
        key=lambda v: (-v.stories, -v.mentions, v.value),
    )
    stories: set[int] = set().union(*articles.values())
    # different values in different stories: two or more values, seen in two or more stories
    disagreement = len(values) > 1 and len(stories) > 1
    label = labels.most_common(1)[0][0]
    unit = f" ({key[1]})" if key[1] else ""
    parts = [f"{v.value} in {v.stories} {'story' if v.stories == 1 else 'stories'}" for v in values[:1]]
    parts += [f"{v.value} in {v.stories}" for v in values[1:]]
    return FigureGroup(
        counts=key[0],
        label=label,
        unit=key[1],
        mentions=sum(mentions.values()),
        stories=len(stories),
        values=values,
        disagreement=disagreement,
        note=f"{label}{unit}: " + ", ".join(parts),
    )


def _parse(line: int, record: Mapping[str, Any] | BadLine) -> Article | ErrorRecord | BadLine:
    if isinstance(record, BadLine):
        return record
    if not isinstance(record, Mapping):
        return BadLine(line=line, reason=_not_object(record))
    try:
        if "error" in record and "text" not in record:
            return ErrorRecord.model_validate(record)
        return Article.model_validate(record)
    except ValidationError as exc:
        errors = exc.errors()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        msg = errors[0]["msg"] if errors else str(exc)
        return BadLine(line=line, reason=f"not an article or error record: {where + ': ' if where else ''}{msg}")


def read_jsonl(stream: TextIO) -> Iterator[tuple[int, Mapping[str, Any] | BadLine]]:
    """(line number, JSON object or BadLine) for each non-blank line.

    A whole JSON document (``claimx extract --format json``: one indented object, or an array) is
    read too; then the "line" is the item's position.
    """
    lines = iter(stream)
    head: list[str] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    first = head[-1].strip() if head else ""
    if first == "{" or first.startswith("["):
        rest = "".join(head) + "".join(lines)
        try:
            doc = json.loads(rest)
        except ValueError:
            yield from _read_lines(rest.splitlines(keepends=True))
            return
        items = doc if isinstance(doc, list) else [doc]
        for n, obj in enumerate(items, start=1):
            yield n, obj if isinstance(obj, Mapping) else BadLine(line=n, reason=_not_object(obj))
        return
    yield from _read_lines(chain(head, lines))


def _not_object(obj: object) -> str:
    return f"not a JSON object ({type(obj).__name__})"


def _read_lines(lines: Iterable[str]) -> Iterator[tuple[int, Mapping[str, Any] | BadLine]]:
    for n, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        try:
            obj = json.loads(text)
        except ValueError as exc:
            yield n, BadLine(line=n, reason=f"not JSON: {exc}")
            continue
        yield n, obj if isinstance(obj, Mapping) else BadLine(line=n, reason=_not_object(obj))


# -- rendering ---------------------------------------------------------------------------------


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
    return (
        f"{t.articles} articles, {t.errors} errors, {t.attributions} attributions, {t.claims} claims, "
        f"{t.figures} figures, {t.stances} stances" + (f", {t.bad_lines} bad lines skipped" if t.bad_lines else "")
    )


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
    for col, just in (("counts", "left"), ("stories", "right"), ("values", "left"), ("", "left")):
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
    from claimx.errors import UsageError

    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown format {fmt!r}: use table, json or markdown")
    summary = _summarize(read_jsonl(stream))
    renderer(summary.top(max(top, 1)), out)
