"""Numbers written with digits, with what is glued to them: currency prefixes, signs,
fractions, scale suffixes ("4.1m"), units ("5km") and percent signs."""

from __future__ import annotations

from claimx.extractors.figures.context import Ctx, Num
from claimx.extractors.figures.numbers import num_value
from claimx.extractors.figures.units import after_number, set_percent, set_unit


def prefix(c: Ctx, i: int) -> tuple[int, str | None, bool, bool]:
    """Look left of digit piece ``i``: (first piece, currency, negative, ok)."""
    p, lx = c.pieces, c.lex
    if i == 0:
        return i, None, False, True
    prev = p[i - 1]
    att = c.attached(i - 1, i)
    # "$", "£", "US$", "C$", "$US", "Y=", "EUR", "RM", "Rs"
    best: tuple[int, str] | None = None
    for k in (3, 2, 1):
        s = i - k
        if s < 0:
            continue
        if not all(c.attached(s + m, s + m + 1) for m in range(k - 1)):
            continue
        last_ok = att or (c.close(i - 1, i) and p[i - 1].text not in ("-", "−"))
        if not last_ok:
            continue
        key = "".join(p[s + m].low for m in range(k))
        cur = currency_key(c, key, p[s + m].text if (m := k - 1) >= 0 else "", att or _money_sized(c, i))
        if cur:
            best = (s, cur)
            break
    if best is not None:
        s, cur = best
        # "US $1.1 million", "U.S. $5"
        if s >= 1 and p[s].text == "$":
            n = c.match_backward(s, lx.money_trailers)
            if n and c.close(s - 1, s):
                s -= n
        return s, cur, False, True
    if att and prev.text in ("-", "−", "–"):
        if i >= 2 and c.attached(i - 2, i - 1):
            before = p[i - 2]
            if before.low in ("minus",):
                return i - 2, None, True, True
            if before.low == "sub":
                return i, None, False, True
            if before.text[0].isdigit():
                # "A350-900", "F-16-2": the tail of a model code
                return i, None, False, not (i >= 3 and c.attached(i - 3, i - 2) and p[i - 3].text.isalpha())
            if before.text in ("$", "£", "€", "¥"):
                # "$-1.2bn": a currency symbol before the sign
                return i - 2, c.lex.cur_symbols[before.low], True, True
            if before.low in c.lex.word_scales:
                return i, None, False, True  # "2 million-3 million euros": a range's hyphen
            if before.text.isalpha() or before.text in ("#",):
                return i, None, False, False
            return i, None, prev.text != "–", True
        return i - 1, None, True, True
    if att and prev.low == "minus":
        return i - 1, None, True, True
    if att and (prev.text.isalpha() or prev.text in ("#", "№", "_", "/", "\\", "@")):
        return i, None, False, False
    if not att and prev.low == "minus" and c.close(i - 1, i):
        return i - 1, None, True, True
    return i, None, False, True


def _money_sized(c: Ctx, i: int) -> bool:
    """The number at ``i`` looks like an amount of money whatever its case ("rs 2,345 crore",
    "rs 5 crore", "rs 14.13 lakh crore"): separators or a decimal point, or a scale word after
    it. Lets a spaced prefix that must otherwise be glued ("rs", "rm") count in lower-cased copy."""
    p = c.pieces
    text = p[i].text
    return "," in text or "." in text or (c.close(i, i + 1) and c.low(i + 1) in c.lex.word_scales)


def currency_key(c: Ctx, key: str, last_text: str, attached: bool) -> str | None:
    lx = c.lex
    if key.startswith("$") and len(key) > 1 and key[1:].isalpha():
        key = key[1:] + "$"
    if key in lx.cur_symbols:
        if key in lx.cur_symbols_attached and not attached and not (key == "rs" and last_text == "Rs"):
            return None
        if key == "r" and last_text != "R":
            return None
        return lx.cur_symbols[key]
    if key.upper() in lx.cur_codes:
        return "CNY" if key.upper() == "RMB" else key.upper()
    if key in lx.cur_aliases and attached:
        return lx.cur_aliases[key]
    return None


def scan_digits(c: Ctx, i: int) -> tuple[Num | None, int]:
    p = c.pieces
    piece = p[i]
    i0, currency, negative, ok = prefix(c, i)
    if not ok:
        return None, i + 1
    val = num_value(piece.text)
    if val is None:
        return None, i + 1
    nxt = i + 1
    core_end = piece.end
    has_sep = "," in piece.text
    is_int_literal = piece.text.isdigit()
    sign = "-" if negative else "+" if i0 == i and i >= 1 and p[i - 1].text == "+" and c.attached(i - 1, i) else None
    # ".05 per cent", ".250 average": a leading decimal point
    if i0 == i and piece.text.isdigit() and _leading_point(c, i):
        val = num_value("0." + piece.text) or 0.0
        i0 = i - 1
        is_int_literal = False
    # "7-1/2 pct", "2-3/4": a whole number and a fraction joined by a hyphen
    mixed = _hyphen_fraction(c, i)
    if mixed is not None:
        val += mixed
        core_end = p[i + 4].end
        nxt = i + 5
        is_int_literal = False
    # "12/15 dlrs a share": two prices of a range joined by a slash
    slash_high = _slash_range(c, i, nxt, val)
    if slash_high is not None:
        core_end = p[nxt + 1].end
        nxt += 2
        is_int_literal = False
    # times "4:39", fractions "1/16", dates "3/4/2020", ratios
    elif (
        c.attached(i, nxt)
        and c.low(nxt) in (":", "/", "⁄")
        and c.attached(nxt, nxt + 1)
        and p[nxt + 1].text[0].isdigit()
    ):
        frac = _fraction(c, i, i0, val)
        if frac[0] is None:
            return None, frac[1]
        val, i0 = frac
        core_end = p[nxt + 1].end
        nxt += 2
        is_int_literal = False
    num = Num(
        i0=i0,
        i1=nxt,
        start=p[i0].start,
        end=core_end,
        value=-val if negative else val,
        core=(piece.start, core_end),
        last_char=core_end - 1,
        currency=currency,
        cur_span=(p[i0].start, piece.start) if currency else None,
        has_sep=has_sep,
        is_int_literal=is_int_literal and not negative and not currency,
    )
    if sign:
        num.extra["sign"] = sign
    # attached suffix
    if c.attached(nxt - 1, nxt) and nxt < len(p):
        ok, nxt = _suffix(c, num, nxt, is_int_literal, currency)
        if not ok:
            return None, nxt
    num.i1 = nxt
    after_number(c, num)
    if slash_high is not None:
        num.low, num.high, num.is_range = num.value, slash_high * num.scale, True
    return num, num.i1


def _slash_range(c: Ctx, i: int, nxt: int, val: float) -> float | None:
    """The high end of "12/15 dlrs", "12/14 dollars a share": a slash between two plain
    numbers, the first smaller, that is no fraction (15 is no denominator used for prices),
    no date ("3/4/2020") and is followed by a currency word or unit. None otherwise."""
    p, lx = c.pieces, c.lex
    if not (
        nxt + 1 < len(p)
        and c.low(nxt) == "/"
        and c.attached(i, nxt)
        and c.attached(nxt, nxt + 1)
        and p[nxt + 1].text[0].isdigit()
        and not (c.attached(nxt + 1, nxt + 2) and c.low(nxt + 2) in ("/", "-", ":"))
    ):
        return None
    hi = num_value(p[nxt + 1].text)
    if hi is None or not val < hi or (float(hi).is_integer() and int(hi) in lx.denominators):
        return None
    k = nxt + 2
    if k >= len(p) or not c.close(k - 1, k):
        return None
    money_or_unit = c.match_map_forward(k, lx.cur_words)[0] or c.match_map_forward(k, lx.units)[0]
    return hi if money_or_unit else None


def _leading_point(c: Ctx, i: int) -> bool:
    """A "." glued to the digits with nothing glued before it: ".05", not "No.5" or "3.5"."""
    return i >= 1 and c.low(i - 1) == "." and c.attached(i - 1, i) and (i == 1 or not c.attached(i - 2, i - 1))


def _hyphen_fraction(c: Ctx, i: int) -> float | None:
    """The fraction of "7-1/2" read at the whole number ``i`` (None when there is none)."""
    p = c.pieces
    if not (
        i + 4 < len(p)
        and c.low(i + 1) == "-"
        and c.low(i + 3) == "/"
        and all(c.attached(i + k, i + k + 1) for k in range(4))
        and p[i + 2].text.isdigit()
        and p[i + 4].text.isdigit()
        and not (c.attached(i + 4, i + 5) and c.low(i + 5) in ("/", "-"))
    ):
        return None
    num, den = int(p[i + 2].text), int(p[i + 4].text)
    if den == 0 or num >= den or den not in c.lex.denominators:
        return None
    return num / den


def _fraction(c: Ctx, i: int, i0: int, val: float) -> tuple[float, int] | tuple[None, int]:
    """ "1/16", "2 1/2": (value, first piece); (None, next piece) for a time, date or ratio."""
    p, lx = c.pieces, c.lex
    nxt = i + 1
    sep = c.low(nxt)
    if sep == ":":
        return None, nxt + 2
    den = num_value(p[nxt + 1].text)
    if c.attached(nxt + 1, nxt + 2) and c.low(nxt + 2) in ("/", "⁄", "-"):
        return None, nxt + 3
    if den is None or den == 0 or val >= den or int(den) not in lx.denominators:
        return None, nxt + 2
    frac = val / den
    # "2 1/2"
    if i0 == i and i >= 1 and p[i - 1].text.isdigit() and c.close(i - 1, i):
        whole = num_value(p[i - 1].text)
        if whole is not None:
            frac += whole
            i0 = i - 1
    return frac, i0


def _suffix(c: Ctx, num: Num, nxt: int, is_int_literal: bool, currency: str | None) -> tuple[bool, int]:
    """What is glued after the digits: "%", "th", "m", "km", "p", "+". (False, next piece)
    when the glued letters make it no figure ("4pm", "1990s")."""
    p, lx = c.pieces, c.lex
    suf = p[nxt]
    if suf.text == "%":
        set_percent(c, num, nxt, 1, "percent")
        nxt += 1
    elif suf.text.isalpha() or suf.text in ("″", "°", "μ"):
        s = suf.low
        letters_follow = c.attached(nxt, nxt + 1) and c.low(nxt + 1).isalpha()
        if s in lx.ordinal_suffixes and is_int_literal and not letters_follow:
            num.ordinal = True
            num.end = suf.end
            num.last_char = suf.end - 1
            nxt += 1
        elif s in lx.suffix_scales and (s not in lx.suffix_scales_need_noun or currency or noun_after(c, nxt)):
            num.value *= lx.suffix_scales[s]
            num.scaled = True
            num.scale = lx.suffix_scales[s]
            num.end = suf.end
            num.last_char = suf.end - 1
            nxt += 1
        elif s in lx.clock_suffixes:
            return False, nxt + 1
        elif suf.text == "°" and c.attached(nxt, nxt + 1) and c.low(nxt + 1) in ("c", "f"):
            set_unit(c, num, nxt, 2, lx.unit_canon.get("°" + c.low(nxt + 1), "degree"))
            nxt += 2
        elif not letters_follow and c.match_map_forward(nxt, lx.percent_words)[0] == 1:
            # "2.45pc", "16pct", "50bp"
            set_percent(c, num, nxt, 1, c.match_map_forward(nxt, lx.percent_words)[1])
            nxt += 1
        elif s == "x" and _times_ten(c, nxt) is not None:
            nxt = _apply_times_ten(c, num, nxt)
        elif s == "e" and _exponent(c, nxt) is not None:
            # "4.5e-3", "6.02e23": scientific notation
            n_exp, exp = _exponent(c, nxt) or (0, 0)
            num.value = num.value * 10.0**exp if exp >= 0 else num.value / 10.0**-exp
            num.end = num.last_char = p[nxt + n_exp - 1].end
            num.last_char -= 1
            nxt += n_exp
        elif not letters_follow and c.match_map_forward(nxt, lx.units)[0] > 1:
            # "1200sq ft", "40sq km": a unit of two words whose first is glued on
            n_unit, canon = c.match_map_forward(nxt, lx.units)
            set_unit(c, num, nxt, n_unit, canon)
            nxt += n_unit
        elif s in ("c", "f") and suf.text.islower() and not letters_follow and _temperature(c, num):
            # lower-cased copy: "-25c", "a fever of 38.5c" (not "5c a litre", cents)
            set_unit(c, num, nxt, 1, "°C" if s == "c" else "°F")
            nxt += 1
        elif (s in lx.attached_units if len(s) > 1 else suf.text in lx.attached_single) and not letters_follow:
            if s == "p" and p[nxt].text != "p":
                return False, nxt + 1
            if s == "p":
                num.currency = "pence"
                num.cur_span = (suf.start, suf.end)
                num.end = suf.end
            else:
                canon = lx.attached_single.get(suf.text) or lx.unit_canon.get(s, suf.text)
                set_unit(c, num, nxt, 1, canon)
            nxt += 1
        else:
            return False, nxt + 1
    elif suf.text == "×" and _times_ten(c, nxt) is not None:
        nxt = _apply_times_ten(c, num, nxt)
    elif suf.text == "+":
        num.low = num.value
        num.qualifier = "+"
        num.end = suf.end
        nxt += 1
    elif suf.text in ("'", "’") and c.low(nxt + 1) == "s":
        return False, nxt + 2
    return True, nxt


def _temperature(c: Ctx, num: Num) -> bool:
    """A lower-case "c" or "f" glued to this number reads as degrees: the number is below zero
    or its sentence speaks of temperature."""
    if num.value < 0:
        return True
    tok = c.token_at(num.core[0])
    return tok is not None and any(t.lower_ in c.lex.temperature_words for t in tok.sent)


def _times_ten(c: Ctx, j: int) -> int | None:
    """The exponent of "×10^23", "x10^-3" glued at piece ``j`` (the "×"), or None."""
    p = c.pieces
    k = j + 3
    if not (c.low(j + 1) == "10" and c.low(j + 2) == "^" and all(c.attached(m, m + 1) for m in range(j, j + 2))):
        return None
    sign = 1
    if c.low(k) in ("-", "−") and c.attached(k - 1, k):
        sign, k = -1, k + 1
    if k < len(p) and c.attached(k - 1, k) and p[k].text.isdigit() and int(p[k].text) <= 30:
        return sign * int(p[k].text)
    return None


def _apply_times_ten(c: Ctx, num: Num, j: int) -> int:
    """Scale ``num`` by the "×10^N" at piece ``j``; the piece after it."""
    exp = _times_ten(c, j) or 0
    num.value = num.value * 10.0**exp if exp >= 0 else num.value / 10.0**-exp
    k = j + 3 + (1 if exp < 0 else 0)
    num.end = c.pieces[k].end
    num.last_char = num.end - 1
    return k + 1


def _exponent(c: Ctx, j: int) -> tuple[int, int] | None:
    """ "e-3", "e+6", "e23" glued after digits: (pieces used, exponent), or None (also for
    exponents past 30, which news does not write and floats may not hold)."""
    p = c.pieces
    k = j + 1
    sign = 1
    if c.attached(j, k) and c.low(k) in ("-", "+", "−"):
        sign = -1 if c.low(k) != "+" else 1
        k += 1
    if not (k < len(p) and c.attached(k - 1, k) and p[k].text.isdigit() and int(p[k].text) <= 30):
        return None
    if c.attached(k, k + 1) and c.low(k + 1)[:1].isalnum():
        return None
    return k - j + 1, sign * int(p[k].text)


def noun_after(c: Ctx, j: int) -> bool:
    """The piece after ``j`` is a (plural) noun or unit: "12.3m tonnes", "1.5m people"."""
    c = c
    k = j + 1
    if k >= len(c.pieces) or not c.close(j, k):
        return False
    if c.match_map_forward(k, c.lex.units)[0] or c.match_map_forward(k, c.lex.cur_words)[0]:
        return True
    tok = c.token_at(c.pieces[k].start)
    return tok is not None and tok.tag_ in ("NNS", "NNPS") and c.pieces[k].text.islower()
