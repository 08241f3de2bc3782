"""What a figure counts: its unit or currency, the noun it modifies, "20 of whom"."""

from __future__ import annotations

from claimx.extractors.figures.context import Ctx, Num
from claimx.nlp import syntax
from claimx.schema import Span


def find_counts(ctx: Ctx, num: Num) -> Span | None:
    doc = ctx.doc
    text = ctx.text
    if num.cur_span is not None:
        return ctx.span(*num.cur_span)
    if num.unit_span is not None:
        return ctx.span(*num.unit_span)
    rate = _quoted_currency(ctx, num)
    if rate is not None:
        return rate
    tok = ctx.token_at(num.last_char)
    if tok is None:
        return None
    end_char = num.end
    # the noun the number modifies: "48 hostages", "67,000 Palestinian deaths", "20-point"
    head = tok.head
    if (
        tok.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod", "nmod", "advmod")
        and head.i > tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - tok.i <= 6
    ):
        # start at the first word after the number
        k = tok.i + 1
        while k < head.i and (doc[k].is_punct or doc[k].idx < end_char):
            k += 1
        between = doc[k : head.i]
        if all(
            (t.dep_ in ("amod", "compound", "nmod", "nummod", "advmod", "punct", "npadvmod") and not t.is_punct)
            or t.text == "-"
            for t in between
        ):
            s = doc[k].idx
        else:
            s = head.idx
        e = head.idx + len(head)
        # "year-old"
        if head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and doc[head.i + 2].lower_ == "old":
            e = doc[head.i + 2].idx + len(doc[head.i + 2])
        if s < e and text[s:e].strip():
            return ctx.span(s, e)
    # "20 of whom are alive", "one of the students", "a third of those screened"
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i > tok.i:
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if pobj.lower_ in ctx.lex.rel_pronouns:
                ante = syntax.counted_antecedent(tok)
                if ante is not None:
                    return ctx.span(*syntax.modified_noun_span(ante))
                return None
            if pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return ctx.span(*syntax.modified_noun_span(pobj))
    # the next word, when the parser missed the link: "9 liter", "26 saves"
    nxt = ctx.token_at(end_char) if end_char < len(text) else None
    if nxt is not None and nxt.idx < end_char:
        nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if nxt is not None and nxt.i > tok.i and nxt.i == tok.i + 1 and nxt.tag_ in ("NNS",) and nxt.text.isalpha():
        return ctx.span(nxt.idx, nxt.idx + len(nxt))
    return None


def _quoted_currency(ctx: Ctx, num: Num) -> Span | None:
    """An exchange rate: "the yen weakened past 151 per dollar", "the peso closed at 56.12 to
    the dollar" count the currency named before the rate, not the one it is quoted against."""
    p, lx = ctx.pieces, ctx.lex
    j = num.i1
    if ctx.low(j) not in ("per", "to", "against") or not ctx.close(j - 1, j):
        return None
    j += 1
    while ctx.low(j) in ("the", "one", "a", "u.s.", "us", "u", ".", "s"):
        j += 1
    n, quoted = ctx.match_map_forward(j, lx.cur_words)
    if not n:
        return None
    sent = ctx.sentence(num.start)
    for k in range(num.i0 - 1, -1, -1):
        if ctx.sentence(p[k].start) != sent:
            break
        m, cur = ctx.match_map_forward(k, lx.cur_words)
        if m and cur != quoted and p[k + m - 1].end <= num.start:
            return ctx.span(p[k].start, p[k + m - 1].end)
    return None


def borrow_counts(ctx: Ctx, nums: list[Num], counts: list[Span | None]) -> None:
    """A bare number next to a figure of the same size that counts something counts the
    same thing: "6 million homes nationwide including 1.5 million in Los Angeles"."""
    sents = [ctx.sentence(n.start) for n in nums]
    own = [c is not None and n.unit_span is None and n.cur_span is None for n, c in zip(nums, counts, strict=True)]
    for k, num in enumerate(nums):
        if counts[k] is not None or num.unit or num.currency or num.ordinal or num.is_range:
            continue
        for j in (k - 1, k + 1, k - 2, k + 2):
            if not (0 <= j < len(nums)) or not own[j] or sents[j] != sents[k]:
                continue
            other = nums[j]
            a, b = abs(num.value), abs(other.value)
            if a and b and max(a, b) / min(a, b) <= 100 and (num.value >= 1) == (other.value >= 1):
                counts[k] = counts[j]
                break
