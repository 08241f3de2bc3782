"""Two numbers joined into a range ("between 4 and 6", "30-45"), and restatements that
share the bounds and change of the figure they restate."""

from __future__ import annotations

import itertools

from claimx.extractors.figures.context import Ctx, Num
from claimx.extractors.figures.qualifiers import change_word


def _compatible(a: Num, b: Num) -> bool:
    ua = a.currency or a.unit
    ub = b.currency or b.unit
    return ua is None or ub is None or ua == ub


def one_in_n(ctx: Ctx, nums: list[Num]) -> list[Num]:
    """ "one in five households", "1 in 5": a fraction (0.2), not two counts."""
    p = ctx.pieces
    out: list[Num] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        b = nums[k + 1] if k + 1 < len(nums) else None
        if (
            b is not None
            and a.value == 1
            and b.value >= 2
            and float(b.value).is_integer()
            and not (a.currency or a.unit or b.currency or b.unit or a.is_range or b.is_range or b.scaled)
            and [p[j].low for j in range(a.i1, b.i0)] == ["in"]
        ):
            out.append(
                Num(
                    i0=a.i0,
                    i1=b.i1,
                    start=a.start,
                    end=b.end,
                    value=1 / b.value,
                    core=(a.core[0], b.core[1]),
                    last_char=b.last_char,
                    approximate=a.approximate,
                    qualifier=a.qualifier,
                    q_start=a.q_start,
                )
            )
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def suspended_units(ctx: Ctx, nums: list[Num]) -> None:
    """ "9- or 10-inch", "two- to three-year": the first number's unit is the second's,
    left hanging after a hyphen."""
    c, p = ctx, ctx.pieces
    for a, b in itertools.pairwise(nums):
        j = a.i1
        if (
            a.unit is None
            and a.currency is None
            and b.unit is not None
            and c.low(j) in ("-", "–")
            and c.attached(j - 1, j)
            and [p[k].low for k in range(j + 1, b.i0)] in (["or"], ["to"], ["and"])
        ):
            a.unit, a.unit_kind = b.unit, b.unit_kind


def parallel_millions(ctx: Ctx, nums: list[Num]) -> None:
    """ "6.3m households, up from 5.6m a year earlier": a glued "m" with no noun after it is
    read as metres, unless a count of the same sentence already used "m" for million (not
    money: "£4.5m for a 1.9m striker")."""
    text = ctx.text
    by_sentence: dict[int, list[Num]] = {}
    for num in nums:
        by_sentence.setdefault(ctx.sentence(num.start), []).append(num)
    for group in by_sentence.values():
        if not any(
            n.scaled and n.scale == 1e6 and not n.currency and text[n.core[1] : n.core[1] + 1] == "m" for n in group
        ):
            continue
        for n in group:
            span = n.unit_span
            if n.unit == "m" and span is not None and span[0] == n.core[1] and span[1] - span[0] == 1:
                n.value *= 1e6
                n.scaled, n.scale = True, 1e6
                n.unit, n.unit_kind, n.unit_span = None, None, None


def merge_ranges(ctx: Ctx, nums: list[Num]) -> list[Num]:
    c, p = ctx, ctx.pieces
    out: list[Num] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        b = nums[k + 1] if k + 1 < len(nums) else None
        if b is None or a.ordinal or b.ordinal or a.is_range or b.is_range:
            out.append(a)
            k += 1
            continue
        joiner = [p[j].low for j in range(a.i1, b.i0)]
        before = c.low(a.i0 - 1)
        kind: str | None = None
        if before == "between" and joiner == ["and"] and a.qualifier is None:
            kind = "between"
        elif before == "from" and _from_to(joiner):
            kind = "from"  # also "fell from 310 to 287 tonnes", as NewsQuant's gold reads it
        elif _glued(ctx, a, b) and (joiner == ["~"] or (joiner == ["/"] and a.currency and a.currency == b.currency)):
            kind = "-"  # "3~5 days", "$12/$15 a share"
            b.approximate, b.qualifier, b.q_start = False, None, None
        elif joiner in (["to"], ["-"], ["–"], ["—"]) and _compatible(a, b):
            if joiner == ["to"]:
                prev_change = change_word(ctx, a.i0 - 1) is not None or c.low(a.i0 - 1) == "by"
                # "fell by 12,000 to 2.9 million": the move, then the level it led to
                by_then_level = c.low(a.i0 - 1) == "by" or (
                    prev_change and b.scaled and not a.scaled and a.value >= b.value / b.scale
                )
                if (prev_change and (a.unit or a.currency)) or b.qualifier is not None or by_then_level:
                    kind = None
                elif a.value < _scaled_b(a, b):
                    kind = "to"
            else:
                gap_ok = (c.attached(a.i1 - 1, a.i1) and c.attached(a.i1, b.i0)) or joiner != ["-"]
                if gap_ok:
                    if a.value < _scaled_b(a, b):
                        kind = "-"
                    elif a.is_int_literal and b.is_int_literal and not (a.unit or b.unit):
                        # a score ("2-2", "24-17"), not a figure
                        k += 2
                        continue
        if kind is None:
            out.append(a)
            k += 1
            continue
        lo = a.value
        if b.scaled and not a.scaled and a.value < b.value / b.scale:
            lo = a.value * b.scale
        hi = b.value
        r = Num(
            i0=a.i0,
            i1=b.i1,
            start=a.start,
            end=b.end,
            value=lo,
            core=(a.core[0], b.core[1]),
            last_char=b.last_char,
            currency=b.currency or a.currency,
            cur_span=b.cur_span or a.cur_span,
            unit=b.unit or a.unit,
            unit_kind=b.unit_kind or a.unit_kind,
            unit_span=b.unit_span or a.unit_span,
            low=lo,
            high=hi,
            is_range=True,
            approximate=a.approximate,
        )
        if kind in ("between", "from"):
            r.q_start = p[a.i0 - 1].start
            r.qualifier = {"between": "between … and", "from": "from … to"}[kind]
            r.start = r.q_start
        else:
            r.qualifier = a.qualifier
            r.q_start = a.q_start
        out.append(r)
        k += 2
    return out


def _from_to(joiner: list[str]) -> bool:
    """The words between the numbers of "from X ... to Y" (after "from")."""
    return bool(joiner) and joiner[-1] == "to" and len(joiner) <= 7 and "." not in joiner[:-1] and ";" not in joiner


def _glued(ctx: Ctx, a: Num, b: Num) -> bool:
    """Two numbers, the first smaller, with one mark glued between them ("3~5", "$12/$15")."""
    return ctx.attached(a.i1 - 1, a.i1) and ctx.attached(a.i1, b.i0) and b.i0 == a.i1 + 1 and a.value < b.value


def _scaled_b(a: Num, b: Num) -> float:
    if b.scaled and not a.scaled and a.value < b.value / b.scale:
        return b.value / b.scale
    return b.value


# --------------------------------------------------------------------------- main


def inherit(ctx: Ctx, nums: list[Num]) -> None:
    """ "lost 190 points, or 0.6%" and "7.5 million crowns (US $1.1 million)" share the
    change and bounds of the figure they restate."""
    p = ctx.pieces
    for a, b in itertools.pairwise(nums):
        joiner = [p[j].low for j in range(a.i1, b.i0)]
        if b.q_start is not None:
            continue
        tail = joiner
        while tail and tail[0].isalpha() and tail[0] not in ("or", "and") and len(joiner) - len(tail) < 2:
            tail = tail[1:]
        if tail in (["("], [",", "or"], ["or"], ["(", "or"], ["/"]) or (
            joiner[:1] == ["("] and len(joiner) <= 3 and all(not w[0].isdigit() for w in joiner)
        ):
            if b.change is None:
                b.change = a.change
            if not b.approximate and b.low is None and b.high is None and not b.is_range:
                b.approximate = a.approximate
                if a.low is not None and a.high is None:
                    b.low = b.value
                if a.high is not None and a.low is None:
                    b.high = b.value
