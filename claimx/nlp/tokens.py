"""Finding the tokens a rule cares about without visiting every token in Python.

The extraction rules start from a few words (cue verbs, stance nouns, "according"); testing
the doc's attribute arrays with numpy and only then building ``Token`` objects is several
times cheaper than ``for tok in doc``.
"""

from __future__ import annotations

from collections.abc import Set

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.strings import StringStore
from spacy.tokens import Doc


class _WordTest:
    """Which string hashes of one attribute are in a word set; each hash is looked up once
    per process (hashes are the same in every doc of a vocab)."""

    def __init__(self, words: Set[str], lower: bool) -> None:
        self.words = words
        self.lower = lower
        self.known: dict[int, bool] = {}

    def _test(self, h: int, strings: StringStore) -> bool:
        try:
            text = strings[h]
        except KeyError:
            return False  # unknown to this vocab: not remembered, another vocab may know it
        hit = self.known[h] = (text.lower() if self.lower else text) in self.words
        return hit

    def mask(self, values: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        uniq, inverse = numpy.unique(values, return_inverse=True)
        known = self.known
        keep = [known[h] if h in known else self._test(h, strings) for h in uniq.tolist()]
        return numpy.array(keep, dtype=bool)[inverse.reshape(-1)]


_TESTS: dict[tuple[int, Set[str]], _WordTest] = {}


def _mask(doc: Doc, attr: int, words: Set[str], lower: bool = False) -> numpy.ndarray:
    test = _TESTS.get((attr, words))
    if test is None:
        test = _TESTS[(attr, words)] = _WordTest(words, lower)
    return test.mask(doc.to_array(attr).astype(numpy.uint64), doc.vocab.strings)


def positions(
    doc: Doc,
    *,
    lemmas: Set[str] = frozenset(),
    lowers: Set[str] = frozenset(),
    deps: Set[str] = frozenset(),
    pos: Set[str] = frozenset(),
) -> list[int]:
    """Indices, in order, of the tokens whose lower-cased lemma is in ``lemmas``, or lower
    form in ``lowers``, or dependency label in ``deps``; when ``pos`` is given, only those
    whose coarse tag is in it. The sets must be hashable (frozensets)."""
    if not len(doc):
        return []
    mask = numpy.zeros(len(doc), dtype=bool)
    for attr, words, lower in ((LEMMA, lemmas, True), (LOWER, lowers, False), (DEP, deps, False)):
        if words:
            mask |= _mask(doc, attr, words, lower)
    if pos:
        mask &= _mask(doc, POS, pos)
    return [int(i) for i in numpy.flatnonzero(mask)]
