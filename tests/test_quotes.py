from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimx.extractors.quotes import find_quotations, find_quotes


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
    assert quotes(text) == ["“First paragraph of the quote.", "“Second one,”"]
    assert [text[s:e] for s, e in find_quotations(text)] == ["“First paragraph of the quote.\n“Second one,”"]


# the wire / BBC convention: a quotation going on into the next paragraph has no closing mark
# at the end of the first one and a fresh opening mark at the start of the next
_CONTINUED = [
    (
        'The minister said on Tuesday: "We will not give up. We have fought for this for years.\n\n'
        '"Italy looks good to me, and we will be ready," he added.',
        ['"We will not give up. We have fought for this for years.', '"Italy looks good to me, and we will be ready,"'],
    ),
    (
        "Ms Okafor told the BBC: “The hospital is full. Nurses are working double shifts.\n\n"
        "“We have asked for help three times and nobody has come.\n\n“This cannot go on.”\n\n"
        "The ministry did not respond.",
        [
            "“The hospital is full. Nurses are working double shifts.",
            "“We have asked for help three times and nobody has come.",
            "“This cannot go on.”",
        ],
    ),
    (
        "The general secretary said: ‘We have balloted our members and the union’s position is clear.\n\n"
        "‘We will strike in March unless the offer improves,’ she said.",
        [
            "‘We have balloted our members and the union’s position is clear.",
            "‘We will strike in March unless the offer improves,’",
        ],
    ),
    (
        'Police Chief Dana Ruiz said: "Officers arrived within four minutes.\n'
        '"They found two people injured. Both were taken to hospital," Ruiz said.',
        ['"Officers arrived within four minutes.', '"They found two people injured. Both were taken to hospital,"'],
    ),
    (
        'He said: "The board told me \'no deal\' and I accepted it.\n\n"Now we move on," he said.',
        ["\"The board told me 'no deal' and I accepted it.", '"Now we move on,"'],
    ),
    (
        'The coach said: "We were not good enough today.\n\n"We have to improve before Saturday.',
        ['"We were not good enough today.', '"We have to improve before Saturday.'],
    ),
]


@pytest.mark.parametrize(("text", "pieces"), _CONTINUED)
def test_each_paragraph_of_a_continued_quotation_is_its_own_piece(text: str, pieces: list[str]) -> None:
    assert quotes(text) == pieces
    (start, end), *rest = find_quotations(text)
    assert not rest and text[start:end].startswith(pieces[0]) and text[start:end].endswith(pieces[-1])


def test_closed_quotes_in_paragraphs_after_each_other_stay_apart() -> None:
    text = "“We are ready,” she said.\n\n“They are not,” he replied.\n\n''Perhaps,'' he added.\n\n''Not now.''"
    expected = ["“We are ready,”", "“They are not,”", "''Perhaps,''", "''Not now.''"]
    assert [text[s:e] for s, e in find_quotations(text)] == expected


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


# single marks continued over paragraphs, as UK papers and BBC copy write them
_CONTINUED_SINGLE = [
    (
        "The council leader said: 'We have listened to residents and we will act.\n\n"
        "'The money is there and the work starts in spring,' she said.",
        ["'We have listened to residents and we will act.", "'The money is there and the work starts in spring,'"],
    ),
    (
        "Mr Hughes told BBC Wales:\n'It has been a difficult year for the club's supporters.\n"
        "'We have to look forward now and the players know it.'\n",
        [
            "'It has been a difficult year for the club's supporters.",
            "'We have to look forward now and the players know it.'",
        ],
    ),
    (
        "'Prices rose again in March.\n\n'Retailers are cutting staff.\n\n'It isn't over,' the analyst warned.",
        ["'Prices rose again in March.", "'Retailers are cutting staff.", "'It isn't over,'"],
    ),
]


@pytest.mark.parametrize(("text", "pieces"), _CONTINUED_SINGLE)
def test_a_single_quoted_quotation_continued_over_paragraphs_is_one_quotation(text: str, pieces: list[str]) -> None:
    assert quotes(text) == pieces
    (start, end), *rest = find_quotations(text)
    assert not rest and text[start:end].startswith(pieces[0]) and text[start:end].endswith(pieces[-1])


def test_a_paragraph_opening_with_an_unclosed_single_mark_alone_is_no_quotation() -> None:
    # the next paragraph does not open with a mark: nothing says the first one was a quote
    assert quotes("'Tis the season, the shop said.\n\nSales rose 4 per cent.") == []
    # a closed single-quoted paragraph and an unclosed one after it stay as they are
    text = "'We are ready,' she said.\n\n'They are not, he replied.\n\nNothing else."
    assert quotes(text) == ["'We are ready,'"]
