"""Numbers written in words: "two and a half million", "a dozen", "tens of thousands",
"two-thirds", ordinals."""

from __future__ import annotations

from claimx.extractors.figures.context import Ctx, Num, PieceWords
from claimx.extractors.figures.numbers import read_words
from claimx.extractors.figures.units import after_number, set_unit


def scan_words(c: Ctx, i: int) -> tuple[Num | None, int]:
    p, lx = c.pieces, c.lex
    w = p[i].low
    # "a dozen", "a million", "a third of", "half a million", "a half"
    found = _a_scale(c, i)
    if found is not None:
        return found
    if w in lx.half_words:
        return _half(c, i)
    # "tens of millions", "hundreds of miles"
    if w in lx.vague and c.low(i + 1) == "of" and w != "dozens":
        return _vague(c, i)
    if w in lx.ordinal_words:
        return word_ordinal(c, i)
    if w not in lx.number_words or w == "dozen":
        return None, i + 1
    if w == "one" and not _one_is_number(c, i):
        return None, i + 1
    return _sequence(c, i)


def _a_scale(c: Ctx, i: int) -> tuple[Num | None, int] | None:
    """ "a dozen", "a million", "a third of", "a half"; None when ``i`` starts none of them."""
    p, lx = c.pieces, c.lex
    w = p[i].low
    n = len(p)
    if w in ("a", "an") and i + 1 < n and c.close(i, i + 1):
        nw = p[i + 1].low
        if nw in lx.word_scales or nw == "dozen":
            mult = 12.0 if nw == "dozen" else lx.word_scales[nw]
            num = mk_word(c, i, i + 2, mult)
            num.scaled = nw != "dozen"
            num.scale = mult if nw != "dozen" else 1.0
            after_number(c, num)
            return num, num.i1
        if nw in lx.fractions and nw not in lx.half_words and c.low(i + 2) == "of":
            num = mk_word(c, i, i + 2, lx.fractions[nw])
            return num, num.i1
    if w in ("a", "an") and i + 1 < n and p[i + 1].low == "half" and c.close(i, i + 1) and c.low(i + 2) != "-":
        num = mk_word(c, i, i + 2, 0.5)
        after_number(c, num)
        return num, num.i1
    return None


def _half(c: Ctx, i: int) -> tuple[Num | None, int]:
    """ "half a million", "half of them"; not "second half", "half-time"."""
    p, lx = c.pieces, c.lex
    if i >= 1 and (p[i - 1].low in lx.ordinal_words or p[i - 1].low in lx.half_not_after):
        return None, i + 1
    if c.low(i + 1) == "-" and c.attached(i, i + 1):
        return None, i + 1
    if i + 2 < len(p) and p[i + 1].low in ("a", "an") and p[i + 2].low in lx.word_scales | {"dozen": 12}:
        num = mk_word(c, i, i + 3, 0.5 * (lx.word_scales | {"dozen": 12})[p[i + 2].low])
        num.scaled = True
        after_number(c, num)
        return num, num.i1
    tok = c.token_at(p[i].start)
    if tok is not None and tok.pos_ in ("NOUN", "ADJ", "ADV", "DET", "PRON", "NUM", "PREDET"):
        num = mk_word(c, i, i + 1, 0.5)
        return num, num.i1
    return None, i + 1


def _vague(c: Ctx, i: int) -> tuple[Num | None, int]:
    """ "tens of millions of dollars": a range of orders of magnitude."""
    p, lx = c.pieces, c.lex
    n = len(p)
    base = lx.vague[p[i].low]
    lo, hi = base, base * 10
    j = i + 1
    end = p[i].end
    while j + 1 < n and p[j].low == "of" and p[j + 1].low in lx.vague and lx.vague[p[j + 1].low] > base:
        lo *= lx.vague[p[j + 1].low]
        hi *= lx.vague[p[j + 1].low]
        end = p[j + 1].end
        j += 2
    num = mk_word(c, i, j, lo)
    num.end = end
    num.last_char = end - 1
    num.is_range = True
    num.low, num.high = lo, hi
    if c.low(j) == "of" and j + 1 < n:
        k = j + 1
        m, val = c.match_map_forward(k, lx.cur_words)
        if m and val not in ("pence",):
            num.currency = val
            num.cur_span = (p[k].start, p[k + m - 1].end)
            num.end = p[k + m - 1].end
            num.i1 = k + m
        else:
            m, val = c.match_map_forward(k, lx.units)
            if m and p[k].low not in lx.units_not_after_of:
                set_unit(c, num, k, m, val)
                num.i1 = k + m
    return num, num.i1


def _one_is_number(c: Ctx, i: int) -> bool:
    """ "one" counts ("one of the students", "one million"), not "no one", "the one that"."""
    p, lx = c.pieces, c.lex
    tok = c.token_at(p[i].start)
    if tok is None or (tok.tag_ != "CD" and tok.ent_type_ != "CARDINAL"):
        return False
    return not (
        i >= 1
        and p[i - 1].low in lx.one_not_after
        and not (c.low(i + 1) == "of" or (p[i - 1].low in ("the",) and c.low(i + 1) in lx.word_scales))
    )


def _sequence(c: Ctx, i: int) -> tuple[Num | None, int]:
    """ "two hundred and five thousand", "twenty-one", "two-thirds"."""
    p, lx = c.pieces, c.lex
    n = len(p)
    value, used, scaled = read_words(PieceWords(c, i), lx.number_words, lx.word_scales)
    last = i + used - 1
    last_end = p[last].end
    j = last + 1
    # "two-thirds", "three quarters"
    if not scaled and value < 10 and j < n and (c.close(j - 1, j) or (c.low(j) == "-" and c.attached(j - 1, j))):
        k = j + 1 if c.low(j) == "-" else j
        frac = _denominator(c, k, value)
        if frac is not None:
            num = mk_word(c, i, k + 1, value * frac)
            return num, num.i1
    num = mk_word(c, i, j, value)
    num.end = last_end
    num.last_char = last_end - 1
    num.scaled = scaled
    if scaled and p[last].low in lx.word_scales:
        num.scale = lx.word_scales[p[last].low]
    after_number(c, num)
    return num, num.i1


def _denominator(c: Ctx, k: int, value: float) -> float | None:
    """The fraction piece ``k`` names after a count of ``value``: "two-thirds", "one
    quarter", "five eighths" (a plural ordinal), "one eighth"; None when it names none."""
    lx = c.lex
    fw = c.low(k)
    plural = fw.endswith("s")
    if value < 1 or (value > 1) != plural:
        return None
    if fw in lx.fractions and fw != "half":
        return lx.fractions[fw]
    ordinal = lx.ordinal_words.get(fw[:-1] if plural else fw)
    if ordinal is not None and ordinal >= 3:
        return 1 / ordinal
    return None


def word_ordinal(c: Ctx, i: int) -> tuple[Num | None, int]:
    p, lx = c.pieces, c.lex
    w = p[i].low
    tok = c.token_at(p[i].start)
    if tok is None:
        return None, i + 1
    if w == "second" and (tok.pos_ in ("NOUN", "VERB") or c.low(i - 1) in lx.second_not_after):
        return None, i + 1
    if (tok.tag_ not in ("JJ", "JJS", "CD") and tok.ent_type_ != "ORDINAL") or tok.tag_ == "RB":
        return None, i + 1
    # "third-party", "first-quarter": a compound word, not a rank in a list
    if c.low(i + 1) == "-" and c.attached(i, i + 1):
        return None, i + 1
    num = mk_word(c, i, i + 1, lx.ordinal_words[w])
    num.ordinal = True
    return num, num.i1


def mk_word(c: Ctx, i: int, j: int, value: float) -> Num:
    p = c.pieces
    return Num(
        i0=i,
        i1=j,
        start=p[i].start,
        end=p[j - 1].end,
        value=value,
        core=(p[i].start, p[j - 1].end),
        last_char=p[j - 1].end - 1,
    )
