"""Faster, identical, matching for spaCy's attribute ruler.

en_core_web_sm's ``attribute_ruler`` runs 179 Matcher patterns over every token; it takes
about a fifth of the pipeline's time. Nearly all of its patterns are single-token, so what
they do to a token depends only on the token's own (ORTH, TAG, DEP). :class:`CachedMatch`
runs those patterns once per distinct (ORTH, TAG, DEP) seen in the process, on a synthetic
doc of one token per distinct triple, with spaCy's own Matcher, and remembers the result;
only the few multi-token patterns still run over each doc. The ruler then sets attributes
exactly as before, from the same sorted match list.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import DEP, HEAD, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.types import Ints2d

Match = tuple[int, int, int, int]  # (attribute id, match id, start, end), as AttributeRuler.match
Triple = tuple[int, int, int]


class CachedMatch:
    """A drop-in ``AttributeRuler.match`` returning the same list, faster."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        for key, pattern in enumerate(cast(list[dict[str, Any]], ruler.patterns)):
            match_id = self.vocab.strings[str(key)]
            ones = [p for p in pattern["patterns"] if len(p) == 1]
            more = [p for p in pattern["patterns"] if len(p) != 1]
            if ones:
                self.single.add(match_id, ones)
            if more:
                self.multi.add(match_id, more)
        self.cache: dict[Triple, list[tuple[int, int]]] = {}

    def _learn(self, triples: list[Triple]) -> None:
        """Run the single-token patterns once over one token per new triple."""
        strings = self.vocab.strings
        probe = Doc(self.vocab, words=[strings[t[0]] for t in triples])
        values = numpy.array([[t[1], t[2], 0] for t in triples], dtype=numpy.uint64)
        probe.from_array([TAG, DEP, HEAD], cast(Ints2d, values))
        found: list[list[tuple[int, int]]] = [[] for _ in triples]
        for match_id, start, _ in self.single(probe, allow_missing=True, as_spans=False):
            found[start].append((int(strings[match_id]), match_id))
        for triple, ids in zip(triples, found, strict=True):
            self.cache[triple] = ids

    def __call__(self, doc: Doc) -> list[Match]:
        triples = [cast(Triple, tuple(row)) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        new = list(dict.fromkeys(t for t in triples if t not in self.cache))
        if new:
            self._learn(new)
        matches: list[Match] = [
            (attr_id, match_id, i, i + 1)
            for i, triple in enumerate(triples)
            for attr_id, match_id in self.cache[triple]
        ]
        for match_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
            matches.append((int(self.vocab.strings[match_id]), match_id, start, end))
        matches.sort()
        return matches


#: what a single-token pattern may test for its result to depend on (ORTH, TAG, DEP) alone
_TOKEN_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "TAG", "DEP"})


def _cacheable(ruler: AttributeRuler) -> bool:
    for pattern in cast(list[dict[str, Any]], ruler.patterns):
        for tokens in pattern["patterns"]:
            if len(tokens) != 1:
                continue
            for key in tokens[0]:
                key = str(key).upper()
                if key not in _TOKEN_KEYS and not key.startswith(("IS_", "LIKE_")):
                    return False
    return True


def speed_up(nlp: Language) -> Language:
    """Give the pipeline's attribute rulers the cached matching (annotations unchanged);
    a ruler with patterns over anything else than a token's own text, tag and dependency
    label is left as it is."""
    for _, component in nlp.pipeline:
        if (
            isinstance(component, AttributeRuler)
            and not isinstance(component.match, CachedMatch)
            and _cacheable(component)
        ):
            component.match = CachedMatch(component)  # type: ignore[method-assign]
    return nlp
