"""Reading numbers: the value of a digit string, and a value as an int when it is whole.

No spaCy here: this is the part of figure reading that only needs the characters."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

__all__ = ["MAX_DIGITS", "as_number", "close_gap", "num_value", "read_words"]

_COMMA_NUM = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_PLAIN_NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
MAX_DIGITS = 40


def num_value(text: str) -> float | None:
    """The value of a digit string ("1,200", "3.5"), or None when it is not a plain number."""
    if len(text) > MAX_DIGITS:
        return None
    if "," in text:
        if not _COMMA_NUM.fullmatch(text):
            return None
        text = text.replace(",", "")
    elif not _PLAIN_NUM.fullmatch(text):
        return None
    try:
        v = float(text)
    except (ValueError, OverflowError):
        return None
    return v if math.isfinite(v) else None


def as_number(v: float | None) -> float | int | None:
    if v is None or not math.isfinite(v):
        return None
    r = round(v)
    if abs(v - r) < 1e-9 * max(1.0, abs(v)) and abs(v) < 1e15:
        return int(r)
    return float(v)


def close_gap(glue: str) -> bool:
    """Two pieces this far apart belong together: a space or two, or one line break of
    hard-wrapped wire copy ("9,140,000\ndlrs"); not a blank line."""
    return len(glue) <= 2 and not glue.strip() and glue.count("\n") <= 1


def read_words(
    words: Sequence[tuple[str, str]], number_words: Mapping[str, float], word_scales: Mapping[str, float]
) -> tuple[float, int, bool]:
    """Read number words from the start of ``words`` ((lower-cased word, the text before it)
    pairs, the first word a number word): (value, words used, scaled by a scale word).

    "two hundred and five thousand" -> 205,000; "twenty-one" -> 21; "three dozen" -> 36.
    """
    total = 0.0
    current: float | None = None
    j = 0
    last = 0
    scaled = False
    n = len(words)

    def low(k: int) -> str:
        return words[k][0] if k < n else ""

    while j < n:
        lw, glue = words[j]
        if j > 0 and not close_gap(glue):
            break
        if lw in number_words and lw != "dozen":
            v = number_words[lw]
            if current is None:
                current = v
            elif (current >= 100 and current % 100 == 0 and v < 100) or (
                20 <= current % 100 < 100 and current % 10 == 0 and v < 10
            ):
                current += v  # "twenty-one", "three hundred and thirty one"
            else:
                break
            last = j
        elif lw == "dozen":
            current = (current or 1) * 12
            last = j
        elif lw in word_scales and current is not None:
            s = word_scales[lw]
            if s == 100:
                current *= 100
            else:
                total += current * s
                current = None
                scaled = True
            last = j
        elif not (
            (lw == "-" and j > 0 and glue == "" and j + 1 < n and words[j + 1][1] == "" and low(j + 1) in number_words)
            or (lw == "and" and j > 0 and low(j + 1) in number_words and ((current or 0) >= 100 or total > 0))
        ):
            break
        j += 1
    return total + (current or 0), last + 1, scaled
