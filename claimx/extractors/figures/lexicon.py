"""The figures lexicon (``models/figures.json``), prepared for lookups."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from claimx.data import load

PIECE_RE = re.compile(r"[0-9](?:[0-9,.]*[0-9])?|[^\W\d_]+|\S")


class Lex:
    """The figures lexicon, prepared for lookups."""

    def __init__(self, data: dict[str, Any]) -> None:
        low = _lower_keys
        self.number_words: dict[str, float] = low(data["number_words"])
        self.word_scales: dict[str, float] = low(data["word_scales"])
        self.suffix_scales: dict[str, float] = low(data["suffix_scales"])
        self.vague: dict[str, float] = low(data["vague_plurals"])
        self.fractions: dict[str, float] = low(data["fractions"])
        self.fraction_numerators = {w.lower() for w in data["fraction_numerators"]}
        self.denominators = {int(d) for d in data["fraction_denominators"]}
        self.ordinal_words: dict[str, float] = low(data["ordinal_words"])
        self.ordinal_suffixes = {w.lower() for w in data["ordinal_suffixes"]}
        self.approx = _phrases(data["approximate"])
        self.lower = _phrases(data["lower_bound"])
        self.upper = _phrases(data["upper_bound"])
        self.after_lower = _phrases(data["after_lower_bound"])
        self.after_upper = _phrases(data["after_upper_bound"])
        self.after_approx = _phrases(data["after_approximate"])
        self.cur_symbols: dict[str, str] = low(data["currency_symbols"])
        self.cur_codes = {c.upper() for c in data["currency_codes"]}
        self.cur_aliases: dict[str, str] = low(data["currency_code_aliases"])
        self.cur_words = _phrase_map(data["currency_words"])
        self.money_trailers = _phrases(data["money_trailers"])
        self.percent_words = _phrase_map(data["percent_words"])
        self.units = _phrase_map(data["units"])
        self.attached_units = {u.lower() for u in data["attached_units"]}
        self.attached_single: dict[str, str] = dict(data["attached_single_units"])
        self.unit_canon: dict[str, str] = low(data["units"])
        self.months = {w.lower() for w in data["months"]}
        self.weekdays = {w.lower() for w in data["weekdays"]}
        self.time_words = _phrases(data["time_words"])
        self.year_preps = {w.lower() for w in data["year_prepositions"]}
        self.name_ok = {w.lower() for w in data["name_number_ok_before"]}
        self.up_verbs = {w.lower() for w in data["change_up_verbs"]}
        self.down_verbs = {w.lower() for w in data["change_down_verbs"]}
        self.up_nouns = {w.lower() for w in data["change_up_nouns"]}
        self.down_nouns = {w.lower() for w in data["change_down_nouns"]}
        self.change_particles: dict[str, str] = low(data["change_particles"])
        self.change_not_verbs = _lower_set(data["change_not_verbs"])
        self.level_preps = _lower_set(data["level_prepositions"])
        self.months_lower_ambiguous = _lower_set(data["months_lowercase_ambiguous"])
        self.threshold_words = _lower_set(data["threshold_words"])
        self.after_change: dict[str, str] = low(data["after_change_words"])
        self.plain_before = _phrases(data["plain_before"])
        self.spaced_scales: dict[str, float] = dict(data["spaced_suffix_scales"])
        self.neutral_verbs = {w.lower() for w in data["change_neutral_verbs"]}
        self.rel_pronouns = {w.lower() for w in data["relative_pronouns"]}
        self.suffix_scales_need_noun = _lower_set(data["suffix_scales_need_noun"])
        self.clock_suffixes = _lower_set(data["clock_suffixes"])
        self.cur_symbols_attached = _lower_set(data["currency_symbols_attached_only"])
        self.cur_words_need_scale = _lower_set(data["currency_words_need_scale"])
        self.cur_words_need_scale_or_sep = _lower_set(data["currency_words_need_scale_or_separator"])
        self.units_need_attachment = _lower_set(data["units_need_attachment"])
        self.units_not_after_of = _lower_set(data["units_not_after_of"])
        self.half_words = _lower_set(data["half_words"])
        self.half_not_after = _lower_set(data["half_not_after"])
        self.one_not_after = _lower_set(data["one_not_after"])
        self.second_not_after = _lower_set(data["second_not_after"])
        self.spaced_scales_need_money = frozenset(data["spaced_suffix_scales_need_money"])
        self.months_full = _lower_set(data["months_full"])
        self.name_words = _lower_set(data["name_words_before_number"])
        self.model_numbers = frozenset(data["model_numbers"])
        self.model_neighbours = _lower_set(data["model_number_neighbours"])
        self.money_also_units = _lower_set(data["money_words_also_units"])
        self.verbs_of_things = _lower_set(data["change_verbs_of_things"])
        self.move_nouns = _lower_set(data["move_nouns"])
        self.temperature_words = _lower_set(data["temperature_words"])
        self.street_words = _lower_set(data["street_words"])
        self.change_not_with_money = _lower_set(data["change_not_with_money_object"])


def _lower_keys(d: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in d.items()}


def _lower_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in PIECE_RE.finditer(phrase))


class Phrases:
    """Lexicon phrases as lower-cased word tuples (with a value each, "" for plain lists),
    longest first, grouped by their first and by their last word."""

    def __init__(self, items: dict[tuple[str, ...], str]) -> None:
        ordered = sorted(items.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for ph, val in ordered:
            self.by_first.setdefault(ph[0], []).append((ph, val))
            self.by_last.setdefault(ph[-1], []).append((ph, val))


def _phrases(words: list[str]) -> Phrases:
    return Phrases({_split(w): "" for w in words if _split(w)})


def _phrase_map(d: dict[str, str]) -> Phrases:
    return Phrases({_split(k): v for k, v in d.items() if _split(k)})


@cache
def lexicon() -> Lex:
    return Lex(load("figures"))
