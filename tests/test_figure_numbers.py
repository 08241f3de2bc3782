"""Number reading on its own (claimx.extractors.figures.numbers): no spaCy model needed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimx.extractors.figures.lexicon import PIECE_RE, lexicon
from claimx.extractors.figures.numbers import MAX_DIGITS, as_number, num_value, read_words

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """English words for 0 <= n < 1e9, British "and" style ("three hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + spell(n % 100) if n % 100 else "")
    for size, word in ((1_000_000, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            head = spell(n // size) + " " + word
            if not rest:
                return head
            return head + (" and " if rest < 100 else " ") + spell(rest)
    raise AssertionError(n)


def words_of(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    end = 0
    for m in PIECE_RE.finditer(text):
        out.append((m.group(0).lower(), text[end : m.start()]))
        end = m.end()
    return out


def read(text: str) -> tuple[float, int, bool]:
    lx = lexicon()
    return read_words(words_of(text), lx.number_words, lx.word_scales)


@pytest.mark.parametrize(
    ("text", "value", "used"),
    [
        ("twenty-one", 21, 3),
        ("one hundred and sixteen", 116, 4),
        ("three hundred and thirty one", 331, 5),
        ("two thousand and two hundred", 2200, 5),
        ("three dozen", 36, 2),
        ("six million people", 6_000_000, 2),
        ("five and", 5, 1),
        ("twenty twenty", 20, 1),
        ("one\n\nhundred", 1, 1),
    ],
)
def test_read_words(text: str, value: float, used: int) -> None:
    got, n, _ = read(text)
    assert (got, n) == (value, used)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_spelled_numbers_read_back(n: int) -> None:
    text = spell(n)
    value, used, _ = read(text)
    assert value == n, text
    assert used == len(words_of(text)), text


@given(st.integers(min_value=0, max_value=10**15))
def test_digits_read_back_with_and_without_separators(n: int) -> None:
    assert num_value(str(n)) == n
    assert num_value(f"{n:,}") == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_read_back(d: object) -> None:
    text = f"{d:,.3f}"
    value = num_value(text)
    assert value is not None and abs(value - float(str(d))) <= 1e-9 * max(1.0, float(str(d)))


@pytest.mark.parametrize("text", ["1,23", "12,3456", "1.2.3", "", "1,,000", "9" * (MAX_DIGITS + 1), "1e5", "-3"])
def test_not_plain_numbers(text: str) -> None:
    assert num_value(text) is None


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_whole_values_come_back_as_int(n: int) -> None:
    out = as_number(float(n))
    assert isinstance(out, int) and out == n


def test_fractional_values_stay_float() -> None:
    assert as_number(2.5) == 2.5 and isinstance(as_number(2.5), float)
    assert as_number(None) is None and as_number(float("inf")) is None
