"""Numbers that are not figures: dates, clock times, years, phone numbers, list numbering,
numbers inside names."""

from __future__ import annotations

from claimx.extractors.figures.context import Ctx, Num

_DATE_LABELS = {"DATE", "TIME"}


def excluded(ctx: Ctx, num: Num) -> bool:
    """Dates, times, years, phone numbers, list numbering, numbers inside names."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    s, e = num.core
    for ps, pe in ctx.phones:
        if ps <= s < pe:
            return True
    i0, i1 = num.i0, num.i1
    prev = i0 - 1
    # skip a "." after an abbreviated month: "Oct. 31"
    prev_word = prev - 1 if c.low(prev) == "." else prev
    money_or_unit = bool(num.currency or num.unit)
    tok = ctx.token_at(num.last_char)

    # months next to the number: "Oct 7", "7 October", "July 4, 2016", "4th of July"
    def is_month(k: int) -> bool:
        if not (0 <= k < len(p) and p[k].low in lx.months):
            return False
        # lower-cased wire copy: "oct. 14", "june 3", "jan. 3" (an abbreviation with its
        # point); not "may 5" or "march 4"
        dotted = c.low(k + 1) == "." and c.attached(k, k + 1)
        return (
            p[k].text[:1].isupper()
            or (dotted and (p[k].low not in lx.months_lower_ambiguous or p[k].low not in lx.months_full))
            or (len(p[k].low) > 3 and p[k].low not in lx.months_lower_ambiguous)
        )

    if not money_or_unit and not num.is_range:
        if is_month(prev_word) or is_month(i1) or (c.low(i1) == "of" and is_month(i1 + 1)):
            return True
        if c.low(i1) == "," and is_month(prev_word - 1) is False and is_month(prev_word):
            return True
    # clock times: "11 a.m.", "2 p.m.", "9 GMT"
    if not money_or_unit and i1 < len(p) and c.close(i1 - 1, i1):
        if (c.match_forward(i1, lx.time_words) and p[i1].low not in ("am",)) or (
            p[i1].low == "am" and c.attached(i1 - 1, i1)
        ):
            return True
        if p[i1].low in ("a", "p") and c.low(i1 + 1) == "." and c.low(i1 + 2) == "m":
            return True
    # years: "in 2016", "the 2003 Iron Bowl", "since 2011"
    if (
        num.is_int_literal
        and not num.scaled
        and not money_or_unit
        and not num.ordinal
        and 1000 <= num.value <= (2200 if c.low(prev) in lx.year_preps else 2100)
        and e - s == 4
    ):
        nxt = ctx.token_at(p[i1].start) if i1 < len(p) and c.close(i1 - 1, i1) else None
        plural_noun_next = nxt is not None and nxt.tag_ == "NNS" and nxt.text.islower()
        if not plural_noun_next or c.low(prev) in lx.year_preps:
            return True
    # decades written "the 1990s" come through as an unknown suffix; "mid-2020" etc.
    # list numbering: "1." / "2)" at the start of a line
    line_start = ctx.text.rfind("\n", 0, num.start) + 1
    if (not ctx.text[line_start : num.start].strip() and c.low(i1) in (".", ")") and c.attached(i1 - 1, i1)) and (
        i1 + 1 >= len(p) or not p[i1 + 1].text[0].isdigit()
    ):
        return True
    # bare "(4)" after a name
    if (
        c.low(prev) == "("
        and c.low(i1) == ")"
        and not money_or_unit
        and num.is_int_literal
        and prev >= 1
        and p[prev - 1].text[:1].isupper()
    ):
        return True
    # dates from the entity recogniser: only when the entity names a month or a weekday
    if tok is not None and tok.ent_type_ in _DATE_LABELS and not money_or_unit:
        ent = next((en for en in ctx.doc.ents if en.start <= tok.i < en.end), None)
        if ent is not None and any(
            (t.lower_.rstrip(".") in lx.months and t.text[:1].isupper()) or t.lower_ in lx.weekdays for t in ent
        ):
            return True
    return _in_name(ctx, num)


def _in_name(ctx: Ctx, num: Num) -> bool:
    """ "Game 7", "Big 12", "S&P 500", "Planet 9", "No. 1", "category 4 hurricane"."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    i0, i1 = num.i0, num.i1
    prev = i0 - 1
    prev_word = prev - 1 if c.low(prev) == "." else prev
    money_or_unit = bool(num.currency or num.unit)
    # numbers that are part of a name: "Game 7", "Big 12", "S&P 500", "Planet 9", "No. 1"
    if not money_or_unit and not num.scaled and not num.has_sep and not num.ordinal and prev >= 0:
        pw = p[prev_word] if prev_word >= 0 else None
        # a name in any case: "cac 40", "FTSE 100", "tier 1"; "38 737 max jets", "boeing 747"
        if pw is not None and c.close(prev_word, i0) and pw.low in lx.name_words:
            return True
        # the second of a pair of labels: "junctions 10 and 11", "gates 3 or 4"
        if (
            pw is not None
            and pw.low in ("and", "or", "to", "&")
            and prev_word >= 2
            and p[prev_word - 1].text.isdigit()
            and p[prev_word - 2].low in lx.name_words
        ):
            return True
        if num.is_int_literal and p[i0].text in lx.model_numbers and _model_number(ctx, i0, i1):
            return True
        if num.is_int_literal and _street_address(ctx, i1):
            return True
        if (pw is not None and c.close(prev, i0)) or (pw is not None and c.low(prev) == "." and pw.low == "no"):
            assert pw is not None
            if (
                pw.text[:1].isalpha()
                and any(ch.isupper() for ch in pw.text)
                and pw.low not in lx.name_ok
                and pw.low not in lx.months
            ):
                ptok = ctx.token_at(pw.start)
                if ptok is not None and not ptok.is_sent_start:
                    return True
                if pw.low == "no":
                    return True
            if pw.text in ("&", "#", "No", "no"):
                return True
        # "category 4 hurricane", "sp 500 is": a label after a bare singular noun
        if pw is not None and c.close(prev_word, i0) and num.is_int_literal:
            ptok = ctx.token_at(pw.start)
            ntok = ctx.token_at(p[i1].start) if i1 < len(p) else None
            if (
                ptok is not None
                and ptok.tag_ in ("NN", "NNP")
                and pw.low not in lx.name_ok
                and pw.low not in lx.unit_canon
                and not (ntok is not None and ntok.tag_ in ("NNS", "NNPS"))
                and (ntok is None or ntok.lower_ not in ("of", "%"))
            ):
                return True
    return False


def _model_number(ctx: Ctx, i0: int, i1: int) -> bool:
    """ "737" next to an aircraft word ("boeing 737", "737 max", "747 jumbo") or right after
    another number ("38 737 max jets"): a model number, not a count."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    prev = p[i0 - 1] if i0 >= 1 and c.close(i0 - 1, i0) else None
    before = prev is not None and (prev.low in lx.model_neighbours or prev.text[0].isdigit())
    after = i1 < len(p) and c.close(i1 - 1, i1) and p[i1].low in lx.model_neighbours
    return before or after


def _street_address(ctx: Ctx, j: int) -> bool:
    """A house number: "10 Downing Street", "1000 Fifth Avenue", "1000 fifth avenue" (a name
    or an ordinal word, then a street word, right after the number)."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    if j >= len(p) or not c.close(j - 1, j) or not p[j].text.isalpha():
        return False
    if not (p[j].text[:1].isupper() or p[j].low in lx.ordinal_words):
        return False
    for k in (j + 1, j + 2):
        if k < len(p) and c.close(k - 1, k) and p[k].low in lx.street_words:
            # not "300 Main Street shops": what follows is no counted noun
            nxt = ctx.token_at(p[k + 1].start) if k + 1 < len(p) and c.close(k, k + 1) else None
            counted = nxt is not None and nxt.tag_ in ("NNS", "NNPS")
            return not counted and all(p[m].text.isalpha() for m in range(j, k))
    return False
