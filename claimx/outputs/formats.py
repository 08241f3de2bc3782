"""Output formats: pure functions from results to text on a stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from itertools import chain
from typing import TextIO

from claimx.schema import Article, ErrorRecord, Result


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"
    markdown = "markdown"
    html = "html"


def to_json_line(result: Result) -> str:
    return result.model_dump_json(exclude_none=False)


def write_jsonl(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    for result in results:
        out.write(to_json_line(result) + "\n")
        out.flush()


def write_json(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    """One article: the object itself; otherwise an array (``[]`` for none)."""
    it = iter(results)
    first = next(it, None)
    if first is None:
        out.write("[]\n")
        return
    second = next(it, None)
    if second is None:
        out.write(json.dumps(first.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
        return
    out.write("[\n")
    for n, result in enumerate(chain([first, second], it)):
        if n:
            out.write(",\n")
        out.write(to_json_line(result))
    out.write("\n]\n")


CSV_COLUMNS = [
    "article",
    "claim",
    "sentence",
    "text",
    "source",
    "source_kind",
    "cue",
    "content",
    "actors",
    "figures",
    "stances",
    "error",
]


def claim_rows(article: Article) -> Iterator[dict[str, str | int]]:
    """One row per claim, with its attribution's source and cue spelled out."""
    atts = {a.id: a for a in article.attributions}
    actors = {a.id: a.name for a in article.actors}
    figures = {f.id: f for f in article.figures}
    stances = {s.id: s for s in article.stances}
    for claim in article.claims:
        att = atts.get(claim.attribution) if claim.attribution else None
        yield {
            "article": article.id,
            "claim": claim.id,
            "sentence": claim.sentence,
            "text": claim.text,
            "source": att.source.text if att and att.source else "",
            "source_kind": str(att.source.kind or "") if att and att.source else "",
            "cue": att.cue.text if att else "",
            "content": att.content.text if att and att.content else "",
            "actors": "; ".join(actors.get(a, a) for a in claim.actors),
            "figures": "; ".join(figures[f].text for f in claim.figures if f in figures),
            "stances": "; ".join(f"{stances[s].stance}: {stances[s].cue.text}" for s in claim.stances if s in stances),
            "error": "",
        }


def write_csv(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        if isinstance(result, ErrorRecord):
            writer.writerow({"article": result.id, "error": f"{result.error.type}: {result.error.message}"})
            continue
        for row in claim_rows(result):
            writer.writerow(row)


def _md_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_markdown(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    for result in results:
        if isinstance(result, ErrorRecord):
            out.write(f"## {result.id}\n\n**error** ({result.error.type}): {result.error.message}\n\n")
            continue
        art = result
        out.write(f"## {art.headline.text if art.headline else art.id}\n\n")
        if art.dateline:
            parts = [art.dateline.location, art.dateline.date, art.dateline.agency]
            out.write(f"*Dateline:* {', '.join(p for p in parts if p)}\n\n")
        out.write("| claim | source | cue | actors | figures | stances |\n|---|---|---|---|---|---|\n")
        for row in claim_rows(art):
            cells = ("text", "source", "cue", "actors", "figures", "stances")
            out.write("| " + " | ".join(_md_cell(row[k]) for k in cells) + " |\n")
        if art.stances:
            names = {a.id: a.name for a in art.actors}
            out.write("\n| holder | stance | cue | object |\n|---|---|---|---|\n")
            for st in art.stances:
                holder = (names.get(st.actor.actor or "") or st.actor.text) if st.actor else ""
                kind = ("not " if st.negated else "") + st.stance + (f" ({st.modality})" if st.modality else "")
                obj = st.object.text if st.object else ""
                out.write(f"| {_md_cell(holder)} | {kind} | {_md_cell(st.cue.text)} | {_md_cell(obj)} |\n")
        out.write("\n| actor | kind | mentions |\n|---|---|---|\n")
        for actor in art.actors:
            out.write(f"| {_md_cell(actor.name)} | {actor.kind} | {len(actor.mentions)} |\n")
        out.write("\n")


def write_table(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    from claimx.outputs.terminal import print_tables

    print_tables(results, out, color=color)


def write_html(results: Iterable[Result], out: TextIO, *, color: bool = False) -> None:
    from claimx.outputs.page import write_html_page

    write_html_page(results, out)


FORMATTERS: dict[OutputFormat, Callable[..., None]] = {
    OutputFormat.json: write_json,
    OutputFormat.jsonl: write_jsonl,
    OutputFormat.table: write_table,
    OutputFormat.csv: write_csv,
    OutputFormat.markdown: write_markdown,
    OutputFormat.html: write_html,
}
