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


def _spaced_scale(c: Ctx, num: Num, j: int) -> bool:
    """ "2.33 k", "6 B": a scale letter after digits and a space, nothing glued after it."""
    p = c.pieces
    if p[j].text in c.lex.spaced_scales_need_money and not (
        num.currency or c.match_map_forward(j + 1, c.lex.cur_words)[0] or c.low(j + 1) in c.lex.money_also_units
    ):
        return False  # "6 b pounds", "$ 4 m"; not "plan b" or "6 m" (metres)
    return (
        p[j].text in c.lex.spaced_scales
        and num.core[0] < num.core[1]
        and c.text[num.core[0]].isdigit()
        and not c.attached(j - 1, j)
        and not (c.attached(j, j + 1) and p[j + 1].text[:1].isalnum())
    )


def _dozens(c: Ctx, num: Num, j: int) -> int:
    """ "3 dozen", "three dozens": twelve times the number."""
    p = c.pieces
    if num.unit or num.scaled or not (j < len(p) and c.close(j - 1, j) and p[j].low in ("dozen", "dozens")):
        return j
    num.value *= 12
    num.end = p[j].end
    num.last_char = p[j].end - 1
    return j + 1


def _and_a_fraction(c: Ctx, num: Num, j: int) -> int:
    """ "two and a half (million)", "five and a quarter"."""
    p, lx = c.pieces, c.lex
    if num.unit or not (j + 2 < len(p) and c.close(j - 1, j) and p[j].low == "and" and p[j + 1].low in ("a", "an")):
        return j
    frac = lx.fractions.get(p[j + 2].low)
    if frac is None or p[j + 2].low.endswith("s"):
        return j
    num.value += frac * num.scale
    num.end = p[j + 2].end
    num.last_char = p[j + 2].end - 1
    j += 3
    if not num.scaled and j < len(p) and c.close(j - 1, j) and p[j].low in lx.word_scales:
        scale = lx.word_scales[p[j].low]
        num.value *= scale
        num.scale = scale
        num.scaled = True
        num.end = p[j].end
        num.last_char = p[j].end - 1
        j += 1
    return j


def after_number(c: Ctx, num: Num) -> None:
    p, lx = c.pieces, c.lex
    j = num.i1
    if num.ordinal:
        return
    j = _dozens(c, num, j)
    if not num.unit and not num.scaled:
        while j < len(p) and c.close(j - 1, j) and (p[j].low in lx.word_scales or _spaced_scale(c, num, j)):
            scale = lx.word_scales.get(p[j].low) or lx.spaced_scales[p[j].text]
            num.value *= scale
            num.scale *= scale
            num.scaled = True
            num.end = p[j].end
            num.last_char = p[j].end - 1
            j += 1
    j = _and_a_fraction(c, num, j)
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
