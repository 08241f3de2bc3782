"""Figure forms of the lower-cased wire and measurement styles, each written here in several
house styles (Reuters, AP, AFP/Xinhua, UK broadsheet, old lower-cased wire, press release):
dotted month abbreviations, clock times, index and model names, spaced currency prefixes,
slash ranges, scientific notation, glued units, spaced scale letters, "one in N", and change
verbs whose object is the thing made or removed rather than the size of a move."""

from __future__ import annotations

import pytest
import spacy

from claimx.extractors.figures import find_figures
from claimx.schema import Figure


def figs(nlp: spacy.language.Language, text: str) -> list[Figure]:
    out = find_figures(nlp(text))
    for f in out:
        assert text[f.start : f.end] == f.text
    return out


def one(nlp: spacy.language.Language, text: str, value: float) -> Figure:
    found = [f for f in figs(nlp, text) if f.value is not None and abs(f.value - value) <= 1e-9 * max(1, abs(value))]
    assert len(found) == 1, (text, [(f.text, f.value) for f in figs(nlp, text)])
    return found[0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # dotted month abbreviations in lower-cased copy, "jan." as well as "oct."
        ("the dividend is payable jan. 15 to holders of record dec. 31.", []),
        ("the company was founded on jan. 3, 1991, and employs 3,200 people.", [3200]),
        ("the offer closes on sep. 30, the statement said.", []),
        ("Shares were suspended on Jan. 4 pending the results.", []),
        # clock times given as local time
        ("the vessel docked at 0630 local time on tuesday.", []),
        ("Polls close at 8 local time, election officials said.", []),
        # index and label names whatever the case
        ("in paris the cac 40 slipped while the ftse 100 held steady.", []),
        ("The FTSE 250 index rose 0.4% to 19,120.5.", [0.4, 19120.5]),
        ("the bank's tier 1 ratio improved, the regulator said.", []),
        # aircraft model numbers next to an aircraft word or a count
        ("the carrier will take 38 737 max jets a month.", [38]),
        ("A Boeing 777 was diverted to Anchorage with 312 passengers on board.", [312]),
        ("the airline retired its last 747 jumbo on friday.", []),
    ],
)
def test_dates_times_and_names_are_not_figures(nlp: spacy.language.Language, text: str, values: list[float]) -> None:
    assert [f.value for f in figs(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the board approved an outlay of rs 5 crore for the plant.", 50_000_000, "INR"),
        ("turnover was rs 45,678 crore on friday.", 456_780_000_000, "INR"),
        ("the state will borrow rs 14.13 lakh crore this year.", 14_130_000_000_000, "INR"),
        ("The trust set aside S$2mil for bursaries, the ministry said.", 2_000_000, "SGD"),
        ("the club paid s$2mil for the striker.", 2_000_000, "SGD"),
        ("The package is worth 6 b pounds over the parliament.", 6_000_000_000, None),
        ("the state paid $ 4 m for the land.", 4_000_000, "USD"),
    ],
)
def test_money_in_lower_cased_and_compact_forms(
    nlp: spacy.language.Language, text: str, value: float, unit: str | None
) -> None:
    f = one(nlp, text, value)
    if unit is not None:
        assert f.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "plan b was 6 m long.",  # a spaced "m" or "b" scales money only
        "The Rs of the table list 6 items.",
    ],
)
def test_spaced_scale_letters_need_money(nlp: spacy.language.Language, text: str) -> None:
    assert all((f.value or 0) < 1000 for f in figs(nlp, text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Scientists measured 4.5e-3 mg of lead per litre.", 0.0045, "mg"),
        ("one mole holds about 6.02e23 atoms.", 6.02e23, None),
        ("The flat offers 1200sq ft of living space.", 1200, "sq ft"),
        ("the reserve covers 40sq km of wetland, xinhua said.", 40, "km2"),
        ("The sea was 3.5degC warmer than the long-term average.", 3.5, "°C"),
    ],
)
def test_scientific_notation_and_glued_units(
    nlp: spacy.language.Language, text: str, value: float, unit: str | None
) -> None:
    f = one(nlp, text, value)
    assert f.unit == unit


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("the shares are expected to price at 12/14 dlrs each.", 12, 14),
        ("The warrants are exercisable at 18/22 dollars a share, the prospectus said.", 18, 22),
    ],
)
def test_slash_ranges_of_prices(nlp: spacy.language.Language, text: str, low: float, high: float) -> None:
    found = [(f.low, f.high) for f in figs(nlp, text) if f.value is None]
    assert found == [(low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "The shop is open 24/7 and employs nine staff.",
        "The 9/11 commission met on Tuesday.",
        "He ran the last 1/16 mile in seven seconds.",
    ],
)
def test_slashes_that_are_no_range(nlp: spacy.language.Language, text: str) -> None:
    assert all(f.value is not None for f in figs(nlp, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("One in five households is behind on energy bills, the regulator said.", 0.2),
        ("the ministry said 1 in 4 schools lacked heating.", 0.25),
        ("About one in 10 adults has the condition, according to the survey.", 0.1),
    ],
)
def test_one_in_n_is_a_fraction(nlp: spacy.language.Language, text: str, value: float) -> None:
    values = [f.value for f in figs(nlp, text)]
    assert value in values and 1 not in values


@pytest.mark.parametrize(
    ("text", "value", "change"),
    [
        ("Employers added 150,000 jobs in October, the Labor Department said.", 150_000, None),
        ("the company will cut about 1,200 jobs over the next 18 months.", 1200, None),
        ("The start-up raised $4.1m in its latest funding round.", 4_100_000, None),
        ("The charity has raised north of £2m since its launch.", 2_000_000, None),
        # still moves
        ("The Dow lost 190 points, or 0.6%, in late trade.", 190, "down"),
        ("the index shed 214.6 points to 15,101.7.", 214.6, "down"),
        ("The bank raised its key rate by 25 basis points.", 25, "up"),
        ("Brent rose $1.20 to $82.15 a barrel.", 1.2, "up"),
        ("brent added 84 cts to 82.10 dlrs, while wti shed 61 cents.", 84, "up"),
        ("brent added 84 cts to 82.10 dlrs, while wti shed 61 cents.", 61, "down"),
    ],
)
def test_things_added_or_raised_are_not_moves(
    nlp: spacy.language.Language, text: str, value: float, change: str | None
) -> None:
    assert one(nlp, text, value).change == change


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("overnight wind chills of -25c were recorded in the north.", -25, "°C"),
        ("The patient's temperature reached 38.5c within hours.", 38.5, "°C"),
        ("the heatwave pushed the mercury to 104f in phoenix.", 104, "°F"),
        ("The fund reported net flows of $-1.2bn in the quarter.", -1_200_000_000, "USD"),
    ],
)
def test_lower_case_degrees_and_signed_money(nlp: spacy.language.Language, text: str, value: float, unit: str) -> None:
    assert one(nlp, text, value).unit == unit


def test_lower_case_c_is_not_degrees_without_temperature(nlp: spacy.language.Language) -> None:
    assert all(f.unit != "°C" for f in figs(nlp, "The pump price rose 5c a litre on Monday."))


@pytest.mark.parametrize(
    ("text", "value", "change", "high"),
    [
        ("west german money supply grew at an annual rate of 7.1 pct.", 7.1, "up", None),
        ("Output is rising at a pace of 3% a year, Xinhua reported.", 3, "up", None),
        ("The cut of 800,000 barrels a day takes effect in January.", 800_000, None, None),
        ("The group plans to shed up to 800 staff by June.", 800, "down", 800),
    ],
)
def test_rates_of_change_and_bounds_after_a_fall(
    nlp: spacy.language.Language, text: str, value: float, change: str | None, high: float | None
) -> None:
    f = one(nlp, text, value)
    assert (f.change, f.high) == (change, high)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The tablet comes in 9- or 10-inch versions.", 9, "inch"),
        ("the firm offers two- to three-year contracts, the statement said.", 2, "year"),
    ],
)
def test_a_unit_left_hanging_after_a_hyphen(nlp: spacy.language.Language, text: str, value: float, unit: str) -> None:
    assert one(nlp, text, value).unit == unit


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("He lives at 10 Downing Street with two dogs.", [2]),
        ("the firm's headquarters at 1000 fifth avenue was sold for $ 210 million.", [210_000_000]),
        ("The chain has 300 High Street shops.", [300]),
        ("She ran 5 miles down the road.", [5]),
    ],
)
def test_house_numbers_are_not_figures(nlp: spacy.language.Language, text: str, values: list[float]) -> None:
    assert [f.value for f in figs(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The offer was $12/$15 a share, the filing showed.", 12, 15, "USD"),
        ("the painting is expected to fetch 2 million-3 million euros.", 2_000_000, 3_000_000, "EUR"),
    ],
)
def test_ranges_across_a_slash_or_scale_word(
    nlp: spacy.language.Language, text: str, low: float, high: float, unit: str
) -> None:
    found = [(f.low, f.high, f.unit) for f in figs(nlp, text) if f.value is None]
    assert found == [(low, high, unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Some 6.3m households receive the benefit, up from 5.6m a year earlier.", 5_600_000, None),
        ("He is 1.8m tall and weighs 80kg.", 1.8, "m"),
        ("The club paid £4.5m for a 1.9m striker.", 1.9, "m"),
    ],
)
def test_a_glued_m_follows_a_count_in_millions(
    nlp: spacy.language.Language, text: str, value: float, unit: str | None
) -> None:
    assert one(nlp, text, value).unit == unit


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The M25 was closed between junctions 10 and 11 overnight.", []),
        ("passengers for gates 3 or 4 were moved to terminal 5, the airport said.", []),
        ("He bought 10 and 11 apples on two days.", [10, 11, 2]),
    ],
)
def test_labels_in_pairs_are_not_figures(nlp: spacy.language.Language, text: str, values: list[float]) -> None:
    assert [f.value for f in figs(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Avogadro's number is 6.02×10^23.", 6.02e23, None),
        ("the dose was 2.5x10^-3 grams a day.", 0.0025, "g"),
        ("The coating is 0.5 millimetre thin.", 0.5, "mm"),
    ],
)
def test_times_ten_notation_and_singular_metric_units(
    nlp: spacy.language.Language, text: str, value: float, unit: str | None
) -> None:
    assert one(nlp, text, value).unit == unit


@pytest.mark.parametrize(
    ("text", "ranges", "changes"),
    [
        ("employment fell by 12,000 to 2.9 million, the agency said.", [], ["down", None]),
        ("Jobless claims fell 12,000 to 2.9 million last week.", [], ["down", None]),
        ("The budget deficit narrowed by $2.1 billion to $63.4 billion.", [], ["down", None]),
        ("sales rose 2 to 3 million units a year.", [(2_000_000, 3_000_000)], ["up"]),
        ("Prices rose 3 to 5 pct, the survey showed.", [(3, 5)], ["up"]),
    ],
)
def test_a_move_then_its_level_is_no_range(
    nlp: spacy.language.Language, text: str, ranges: list[tuple[float, float]], changes: list[str | None]
) -> None:
    found = figs(nlp, text)
    assert [(f.low, f.high) for f in found if f.value is None] == ranges
    assert [f.change for f in found] == changes
