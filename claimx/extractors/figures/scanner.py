"""The token scanner: walks the pieces of the text and reads each number it finds."""

from __future__ import annotations

from claimx.extractors.figures.context import Ctx, Num
from claimx.extractors.figures.digits import scan_digits
from claimx.extractors.figures.filters import excluded
from claimx.extractors.figures.words import scan_words


def scan(ctx: Ctx) -> list[Num]:
    nums: list[Num] = []
    i = 0
    n = len(ctx.pieces)
    while i < n:
        piece = ctx.pieces[i]
        ch = piece.text[0]
        num: Num | None
        if ch.isascii() and ch.isdigit():
            num, nxt = scan_digits(ctx, i)
        elif piece.text.isalpha():
            num, nxt = scan_words(ctx, i)
        else:
            num, nxt = None, i + 1
        if num is not None and not excluded(ctx, num):
            nums.append(num)
        elif (
            num is not None
            and ctx.low(nxt) == "-"
            and ctx.attached(nxt - 1, nxt)
            and ctx.attached(nxt, nxt + 1)
            and ctx.low(nxt + 1)[:1].isdigit()
        ):
            # the rest of a name or code glued on by a hyphen: "Boeing 787-9", "bill 68-29"
            nxt += 2
        i = max(nxt, i + 1)
    return nums
