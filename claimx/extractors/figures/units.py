"""After a number: scale words, "and a half", percent words, currency words and units."""

from __future__ import annotations

from claimx.extractors.figures.context import Ctx, Num


def set_percent(c: Ctx, num: Num, j: int, n: int, unit: str) -> None:
    set_unit(c, num, j, n, unit, kind="percent")


def set_unit(c: Ctx, num: Num, j: int, n: int, unit: str, kind: str = "quantity") -> None:
    end = c.pieces[j + n - 1].end
    num.unit = unit
    num.unit_kind = kind
    num.unit_span = (c.pieces[j].start, end)
    num.end = max(num.end, end)


# ---- after the number: scale words, "and a half", units ------------------------


def after_number(c: Ctx, num: Num) -> None:
    p, lx = c.pieces, c.lex
    j = num.i1
    if num.ordinal:
        return
    if not num.unit and not num.scaled:
        while j < len(p) and c.close(j - 1, j) and p[j].low in lx.word_scales:
            if p[j].low == "dozen":
                break
            num.value *= lx.word_scales[p[j].low]
            num.scale *= lx.word_scales[p[j].low]
            num.scaled = True
            num.end = p[j].end
            num.last_char = p[j].end - 1
            j += 1
    # "two and a half"
    if (
        not num.unit
        and j + 2 < len(p)
        and [p[j].low, p[j + 1].low, p[j + 2].low] == ["and", "a", "half"]
        and c.close(j - 1, j)
    ):
        num.value += 0.5 * num.scale
        num.end = p[j + 2].end
        num.last_char = p[j + 2].end - 1
        j += 3
    num.i1 = j
    if num.unit or (num.currency and num.currency != "pence"):
        money_trailer(c, num)
        return
    if j >= len(p) or not c.close(j - 1, j):
        return
    hyphen = p[j].text in ("-", "–") and c.attached(j - 1, j) and c.attached(j, j + 1)
    k = j + 1 if hyphen else j
    if k < len(p) and p[k].text[0].isdigit():
        return
    n, val = c.match_map_forward(k, lx.percent_words)
    if (n and not hyphen) or (n and hyphen and val == "percent"):
        set_percent(c, num, k, n, val)
        num.i1 = k + n
        return
    n, val = c.match_map_forward(k, lx.cur_words)
    if n and not hyphen and val != "pence":
        if p[k].low in lx.cur_words_need_scale_or_sep and not num.scaled and not num.has_sep:
            return
        if p[k].low in lx.cur_words_need_scale and not num.scaled:
            return
        num.currency = val
        num.cur_span = (p[k].start, p[k + n - 1].end)
        num.end = p[k + n - 1].end
        num.i1 = k + n
        money_trailer(c, num)
        return
    n, val = c.match_map_forward(k, lx.units)
    if n:
        word = p[k].low
        if word in lx.units_need_attachment and not (c.attached(k - 1, k) or hyphen):
            return
        set_unit(c, num, k, n, val)
        # "15 year-old", "2,900 year-old"
        if c.attached(k + n - 1, k + n) and c.low(k + n) == "-" and c.low(k + n + 1) == "old":
            num.unit_span = (p[k].start, p[k + n + 1].end)
            num.end = p[k + n + 1].end
            n += 2
        num.i1 = k + n


def money_trailer(c: Ctx, num: Num) -> None:
    p = c.pieces
    j = num.i1
    if num.currency and j < len(p) and c.close(j - 1, j):
        n = c.match_forward(j, c.lex.money_trailers)
        if n and p[j].text[0].isupper():
            num.end = p[j + n - 1].end
            num.i1 = j + n


# ---- number words ----------------------------------------------------------------
