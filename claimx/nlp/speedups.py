"""Faster, identical, matching for spaCy's attribute ruler.

en_core_web_sm's ``attribute_ruler`` runs 179 Matcher patterns over every token; it takes
about an eighth of the pipeline's time. Nearly all of its patterns are single-token, so what
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
        self.ruler = ruler
        self.vocab = ruler.vocab
        self._build()

    def _build(self) -> None:
        ruler = self.ruler
        self.n_patterns = len(ruler.attrs)
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        cacheable = _cacheable(ruler)  # else every pattern runs over each doc, as in spaCy
        for key, pattern in enumerate(cast(list[dict[str, Any]], ruler.patterns)):
            match_id = self.vocab.strings[str(key)]
            ones = [p for p in pattern["patterns"] if len(p) == 1 and cacheable]
            more = [p for p in pattern["patterns"] if not (len(p) == 1 and cacheable)]
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
        if len(self.ruler.attrs) != self.n_patterns:  # patterns added since: start afresh
            self._build()
        triples = [cast(Triple, tuple(row)) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        new = list(dict.fromkeys(t for t in triples if t not in self.cache))
        if new:
            self._learn(new)
        matches: list[Match] = [
            (attr_id, match_id, i, i + 1)
            for i, triple in enumerate(triples)
            for attr_id, match_id in self.cache[triple]
        ]
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
                matches.append((int(self.vocab.strings[match_id]), match_id, start, end))
            # one Matcher reports a (pattern, start, end) once, however many of its token
            # sequences match there; two may both report it
            matches = list(set(matches))
        matches.sort()
        return matches


#: what a single-token pattern may test for its result to depend on (ORTH, TAG, DEP) alone:
#: the token's text and fixed properties of it, its tag and its label. Not NORM (tokenizer
#: exceptions set it per token), IS_SENT_START (position) or IS_STOP / IS_OOV (changeable).
_TOKEN_KEYS = frozenset(
    {
        "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "TAG", "DEP",
        "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
        "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
        "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
    }
)  # fmt: skip


def _cacheable(ruler: AttributeRuler) -> bool:
    for pattern in cast(list[dict[str, Any]], ruler.patterns):
        for tokens in pattern["patterns"]:
            if len(tokens) == 1 and any(str(key).upper() not in _TOKEN_KEYS for key in tokens[0]):
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
