"""A batch overview over claimx JSONL: sources, actors, stances and figures."""

from claimx.summary.compute import norm_counts, norm_source, read_jsonl, summarize
from claimx.summary.model import (
    ActorClaims,
    ActorStances,
    BadLine,
    FigureGroup,
    FigureValue,
    SourceRow,
    Summary,
    Totals,
)
from claimx.summary.render import render_json, render_markdown, render_table, summarize_command

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
