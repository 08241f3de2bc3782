"""Figures of a document: scan, qualify, merge ranges, add change and counts, build records."""

from __future__ import annotations

from spacy.tokens import Doc

from claimx.extractors.figures.context import Ctx, Num
from claimx.extractors.figures.counts import borrow_counts, find_counts
from claimx.extractors.figures.numbers import as_number
from claimx.extractors.figures.qualifiers import find_change, qualify
from claimx.extractors.figures.ranges import inherit, merge_ranges, one_in_n, parallel_millions, suspended_units
from claimx.extractors.figures.scanner import scan
from claimx.schema import Figure

__all__ = ["find_figures"]


def _kind(num: Num) -> str:
    if num.ordinal:
        return "ordinal"
    if num.currency:
        return "money"
    if num.unit_kind == "percent":
        return "percent"
    if num.unit_kind == "quantity":
        return "quantity"
    return "count"


def _figures(doc: Doc) -> list[Figure]:
    ctx = Ctx(doc)
    nums = one_in_n(ctx, scan(ctx))
    suspended_units(ctx, nums)
    parallel_millions(ctx, nums)
    for num in nums:
        if not num.is_range:
            qualify(ctx, num)
    nums = merge_ranges(ctx, nums)
    for num in nums:
        find_change(ctx, num)
    inherit(ctx, nums)
    counts = [find_counts(ctx, num) for num in nums]
    borrow_counts(ctx, nums, counts)
    out: list[Figure] = []
    for num, cnt in zip(nums, counts, strict=True):
        if num.ordinal:
            continue  # a rank ("the third quarter", "its fifth straight day") is not a figure
        value = None if num.is_range else as_number(num.value)
        if not num.is_range and value is None:
            continue
        start = min(num.start, num.q_start) if num.q_start is not None else num.start
        end = max(num.end, start)
        if num.unit_span is not None:
            end = max(end, num.unit_span[1])
        if num.cur_span is not None:
            end = max(end, num.cur_span[1])
        unit = num.currency if num.currency else num.unit
        fig = Figure(
            id=f"f{len(out) + 1}",
            sentence=ctx.sentence(start),
            text=ctx.source[start:end],
            start=start,
            end=end,
            value=value,
            low=as_number(num.low),
            high=as_number(num.high),
            approximate=num.approximate,
            qualifier=num.qualifier,
            change=num.change,
            unit=unit,
            counts=cnt,
            kind=_kind(num),
        )
        out.append(fig)
    return out


def find_figures(doc: Doc) -> list[Figure]:
    """The figures of a parsed document, in text order, with ids "f1", "f2", ..."""
    return _figures(doc)
