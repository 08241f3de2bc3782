"""Context of a figure: its qualifier ("more than", "about", "or more") and its change
("rose 5%": up)."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.extractors.figures.context import Ctx, Num


def qualify(ctx: Ctx, num: Num) -> None:
    """Qualifiers before ("more than", "about", "up to") and after ("or more")."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    i0 = num.i0
    # "sub-300"
    if c.low(i0 - 1) == "-" and c.low(i0 - 2) == "sub" and c.attached(i0 - 2, i0 - 1):
        num.high, num.qualifier, num.q_start = num.value, "sub", p[i0 - 2].start
        return
    found: list[tuple[int, str]] = []
    for phrases, what in ((lx.approx, "approx"), (lx.lower, "low"), (lx.upper, "high")):
        n = c.match_backward(i0, phrases)
        if n:
            found.append((n, what))
    found.sort(key=lambda nw: -nw[0])
    for n, what in found:
        # "up to" after a change verb is a target, not a bound ("rose up to 5%")
        words = " ".join(p[k].text for k in range(i0 - n, i0))
        # (after a fall it is a bound: "shed up to 800 jobs", "cut up to 10%")
        if (
            what == "high"
            and p[i0 - n].low == "up"
            and (change_word(ctx, i0 - n - 1) == "up" or _particle(ctx, i0 - n))
        ):
            continue
        num.qualifier = words
        num.q_start = p[i0 - n].start
        if what == "approx":
            num.approximate = True
        elif what == "low":
            num.low = num.value
        else:
            num.high = num.value
        break
    # "topped $3 trillion", "exceeded 100", "weakened past 151": a threshold crossed
    if num.qualifier is None and _threshold(ctx, i0 - 1):
        num.low, num.qualifier, num.q_start = num.value, p[i0 - 1].text, p[i0 - 1].start
        num.extra["threshold"] = True
    j = num.i1
    if j < len(p) and c.close(j - 1, j) and num.qualifier is None:
        for phrases, what in (
            (lx.after_lower, "low"),
            (lx.after_upper, "high"),
            (lx.after_approx, "approx"),
        ):
            n = c.match_forward(j, phrases)
            if n:
                num.qualifier = " ".join(p[k].text for k in range(j, j + n))
                num.end = max(num.end, p[j + n - 1].end)
                if what == "low":
                    num.low = num.value
                elif what == "high":
                    num.high = num.value
                else:
                    num.approximate = True
                break


def _threshold(ctx: Ctx, k: int) -> bool:
    """Piece ``k``, just before a number, is a verb or preposition of crossing ("topped",
    "exceeded", "past"), not an adjective ("the top three")."""
    if k < 0 or ctx.low(k) not in ctx.lex.threshold_words or not ctx.close(k, k + 1):
        return False
    tok = ctx.token_at(ctx.pieces[k].start)
    return tok is not None and tok.pos_ in ("VERB", "AUX", "ADP")


def _particle(ctx: Ctx, k: int) -> bool:
    """Piece ``k`` is a verb's particle ("ticked up to 3.9%")."""
    tok = ctx.token_at(ctx.pieces[k].start)
    return tok is not None and tok.dep_ == "prt"


def change_word(ctx: Ctx, k: int) -> str | None:
    """ "up" / "down" when piece ``k`` is a change verb ("rose", "fell") or adverb ("up")."""
    if k < 0 or k >= len(ctx.pieces):
        return None
    lx = ctx.lex
    piece = ctx.pieces[k]
    tok = ctx.token_at(piece.start)
    if tok is None:
        return None
    if piece.low in ("up", "down"):
        if (
            tok.dep_ == "prt"
            and tok.head.pos_ == "VERB"
            and tok.head.lemma_.lower() not in lx.neutral_verbs | lx.up_verbs | lx.down_verbs
        ):
            return None  # "gave up 517 yards"
        return piece.low
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        lem = tok.lemma_.lower()
        if lem in lx.up_verbs or piece.low in lx.up_verbs:
            return "up"
        if lem in lx.down_verbs or piece.low in lx.down_verbs:
            if lem == "give" or lem == "wipe":
                return None
            return "down"
    return None


def _verb_change(ctx: Ctx, tok: Token) -> str | None:
    lx = ctx.lex
    lem = tok.lemma_.lower()
    word = tok.lower_
    if lem in lx.change_not_verbs:
        return None
    if lem in lx.up_verbs or word in lx.up_verbs:
        return "up"
    if lem in lx.down_verbs or word in lx.down_verbs:
        return "down"
    for ch in tok.children:
        near = ch.dep_ == "prt" or (ch.dep_ == "advmod" and ch.i < tok.i + 2 and ch.i > tok.i)
        if near and ch.lower_ in lx.change_particles:
            return lx.change_particles[ch.lower_]
    return None


def find_change(ctx: Ctx, num: Num) -> None:
    """The change a figure measures: "rose 5%", "a drop of £238", "0.4% lower", "+2.1%"."""
    if num.ordinal or num.extra.get("threshold"):
        return
    _own_change(ctx, num)
    if num.change is None and num.extra.get("sign") and num.unit_kind == "percent":
        num.change = "up" if num.extra["sign"] == "+" else "down"  # "FTSE -0.4%", "DAX +0.2%"


def _after_change(ctx: Ctx, num: Num) -> str | None:
    """ "0.4% lower", "12 cents higher" (not "higher than")."""
    j = num.i1
    if ctx.close(j - 1, j) and ctx.low(j) in ctx.lex.after_change and ctx.low(j + 1) != "than":
        return ctx.lex.after_change[ctx.low(j)]
    return None


def _own_change(ctx: Ctx, num: Num) -> None:
    c, p, lx = ctx, ctx.pieces, ctx.lex
    start_piece = num.i0
    if num.q_start is not None:
        while start_piece > 0 and p[start_piece].start > num.q_start:
            start_piece -= 1
    # "up just 0.2%", "rose a further 3%": words that leave the change to the verb before them
    start_piece -= c.match_backward(start_piece, lx.plain_before)
    before = c.low(start_piece - 1)
    after = _after_change(ctx, num)
    if after is not None:
        num.change = after
        return
    if before in lx.level_preps:
        return  # "rose 6.5% to 164p": a level, not the change
    # "up 5%", "down 1%", "rose 60%", "fell by 3 percent"
    w = change_word(ctx, start_piece - 1)
    if w is not None and _not_a_move(ctx, num, start_piece - 1):
        return  # "added 150,000 jobs", "raised $4.1m"
    if w is None and before == "by":
        w = change_word(ctx, start_piece - 2)
        bw = c.low(start_piece - 2)
        if w is None and (bw in lx.up_verbs or bw in lx.up_nouns):
            w = "up"
        elif w is None and (bw in lx.down_verbs or bw in lx.down_nouns):
            w = "down"
        if w is None:
            btok = ctx.token_at(p[start_piece - 1].start)
            if btok is not None and btok.head.pos_ in ("VERB", "AUX"):
                w = _verb_change(ctx, btok.head)
    if w is None and before in ("by",) and c.low(start_piece - 2) in ("up", "down"):
        w = c.low(start_piece - 2)
    if w is None and before == "of":
        w = _of_change(ctx, start_piece - 1)
    if w is not None:
        num.change = w
        return
    # parse: the figure's noun is the object of a change verb, or modifies a change noun
    anchor = None
    if num.unit_span is not None:
        anchor = ctx.token_at(num.unit_span[0])
    elif num.cur_span is not None and num.cur_span[0] >= num.core[1]:
        anchor = ctx.token_at(num.cur_span[0])
    if anchor is None:
        anchor = ctx.token_at(num.last_char)
    if anchor is None:
        return
    head = anchor.head
    if anchor.dep_ in ("dobj", "npadvmod", "obj", "advmod") and head.pos_ in ("VERB", "AUX") and head.i < anchor.i:
        ch = _verb_change(ctx, head)
        if ch:
            num.change = ch
            return
    if head.i > anchor.i and anchor.dep_ in ("compound", "nummod", "amod", "nmod", "quantmod"):
        h = head
        if h.lemma_.lower() in lx.up_nouns:
            num.change = "up"
            return
        if h.lemma_.lower() in lx.down_nouns:
            num.change = "down"
            return


def _not_a_move(ctx: Ctx, num: Num, k: int) -> bool:
    """The change verb at piece ``k`` takes the figure as the things it adds, cuts or raises,
    not as the size of a move: "added 150,000 jobs", "cut about 1,500 jobs" (a count of a
    plural noun after a verb of things made or removed; not "lost 190 points"), "raised $4.1m"
    (money raised, for verbs listed in the lexicon)."""
    c, p, lx = ctx, ctx.pieces, ctx.lex
    tok = ctx.token_at(p[k].start) if 0 <= k < len(p) else None
    if tok is None or tok.pos_ != "VERB":
        return False
    if num.currency:
        return tok.lemma_.lower() in lx.change_not_with_money and c.low(num.i1) not in ("to", "from")
    if num.unit_kind or num.is_range or tok.lemma_.lower() not in lx.verbs_of_things:
        return False
    j = num.i1
    nxt = ctx.token_at(p[j].start) if j < len(p) and c.close(j - 1, j) else None
    return (
        nxt is not None
        and nxt.tag_ == "NNS"
        and nxt.lower_ not in lx.move_nouns
        and not c.match_map_forward(j, lx.units)[0]
        and not c.match_map_forward(j, lx.cur_words)[0]  # "added 84 cts": money, a move
    )


def _of_change(ctx: Ctx, k: int) -> str | None:
    """The change a figure after "of" (piece ``k``) measures when a change verb has it as its
    rate: "grew at an annual rate of 7.1 pct", "rising at a pace of 3%". ("a cut of 800,000
    barrels" stays a plain value, as NewsQuant's gold reads it.)"""
    c = ctx
    if c.low(k - 1) not in ("rate", "pace"):
        return None
    j = k - 2
    while j >= 0 and k - j <= 5 and c.low(j) != "at":
        j -= 1
    return change_word(ctx, j - 1) if c.low(j) == "at" else None
