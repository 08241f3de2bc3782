from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimx.extractors.quotes import find_quotes


def quotes(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_curly_and_straight_quotes() -> None:
    assert quotes('He said: "A. B." Then “C,” she said.') == ['"A. B."', "“C,”"]


def test_apostrophes_are_not_quote_marks() -> None:
    assert quotes("Gaza’s voters’ “big” day isn't over") == ["“big”"]


def test_doubled_apostrophes_and_guillemets() -> None:
    assert quotes("''like this'' he said, «and this»") == ["''like this''", "«and this»"]


def test_quote_continues_over_paragraphs_that_open_with_a_mark() -> None:
    text = "“First paragraph of the quote.\n“Second one,” he said."
    assert quotes(text) == ["“First paragraph of the quote.\n“Second one,”"]


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    assert quotes('odd " mark here\nnext paragraph') == ['" mark here']


@given(st.text(alphabet=st.sampled_from(list("ab \n\"'“”‘’«»"))))
def test_any_mix_of_marks_is_handled(text: str) -> None:
    for s, e in find_quotes(text):
        assert 0 <= s < e <= len(text)


def test_uk_straight_single_quotes_cover_every_quoted_sentence() -> None:
    text = "'We will fix it. That takes time,' the minister said. The voters' mood isn't 'good'."
    assert quotes(text) == ["'We will fix it. That takes time,'", "'good'"]


def test_straight_single_marks_that_are_apostrophes_open_no_quote() -> None:
    assert quotes('In the \'90s, he said "we won" and left.') == ['"we won"']
    assert quotes("It was rock 'n' roll, she said. 'It isn't over,' she added.") == ["'It isn't over,'"]
