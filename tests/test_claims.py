"""Claims a reader can quote: no fragments, no words counted twice, every stance and figure
on a claim; on hand-built parses and on stories written for these tests."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from claimx.extractors.claims import is_proposition

STORIES = Path(__file__).parent / "fixtures" / "stories"
VOCAB = spacy.blank("en").vocab


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_clause_with_its_subject_and_object_is_a_proposition() -> None:
    doc = parse(
        ["The", "talks", "resumed", "in", "Cairo", "on", "Monday"],
        [1, 2, 2, 2, 3, 2, 5],
        ["det", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN"],
        ["DT", "NNS", "VBD", "IN", "NNP", "IN", "NNP"],
    )
    assert is_proposition(doc[:])


def test_a_stretch_ending_in_as_is_a_fragment() -> None:
    # "Talks enter a second day as" (the rest belongs to an attribution)
    doc = parse(
        ["Talks", "enter", "a", "second", "day", "as"],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "amod", "dobj", "mark"],
        ["NOUN", "VERB", "DET", "ADJ", "NOUN", "SCONJ"],
        ["NNS", "VBP", "DT", "JJ", "NN", "IN"],
    )
    assert not is_proposition(doc[:])


def test_a_verb_whose_object_lies_outside_is_a_fragment() -> None:
    # "On Monday , Hamas rejected | the plan"
    doc = parse(
        ["On", "Monday", ",", "Hamas", "rejected", "the", "plan"],
        [4, 0, 4, 4, 4, 6, 4],
        ["prep", "pobj", "punct", "nsubj", "ROOT", "det", "dobj"],
        ["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "DET", "NOUN"],
        ["IN", "NNP", ",", "NNP", "VBD", "DT", "NN"],
    )
    assert not is_proposition(doc[0:5])
    assert is_proposition(doc[:])


def test_a_relative_clause_alone_is_a_fragment() -> None:
    # "which Hamas has accepted"
    doc = parse(
        ["which", "Hamas", "has", "accepted"],
        [3, 3, 3, 3],
        ["dobj", "nsubj", "aux", "ROOT"],
        ["PRON", "PROPN", "AUX", "VERB"],
        ["WDT", "NNP", "VBZ", "VBN"],
    )
    assert not is_proposition(doc[:])


TEXTS = [
    "Gaza talks enter second day as Hamas demands end to war\n\nCAIRO, Oct. 8 (Xinhua) -- Hamas said it would "
    "only free hostages once the offensive ends, arguing that the fighting prevents its members from finding them. "
    "On the future of the enclave, Hamas rejected foreign troops but said it would welcome Arab forces.",
    "Unions reject pay offer\n\nLONDON (Reuters) - Rail unions rejected a 4% pay offer on Tuesday and said they "
    "would strike next month unless the rail operators improved it, a union official told Reuters.",
    (STORIES / "ap-credits.txt").read_text(encoding="utf-8"),
    (STORIES / "uk-paper.txt").read_text(encoding="utf-8"),
    (STORIES / "press-release.txt").read_text(encoding="utf-8"),
]


@pytest.mark.parametrize("text", TEXTS, ids=["xinhua", "reuters", "ap", "uk", "press"])
def test_claims_never_overlap_and_carry_every_stance_and_figure(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    art = extract(text)
    spans = sorted((c.start, c.end) for c in art.claims)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2, "two claims share words"
    on_claims = {s for c in art.claims for s in c.stances}
    assert on_claims == {s.id for s in art.stances}
    assert {f for c in art.claims for f in c.figures} == {f.id for f in art.figures}
    for claim in art.claims:
        last = claim.text.rstrip(" .,;:").split()[-1].lower()
        assert last not in {"as", "with", "and", "because", "they"}, claim.text


def test_the_headline_is_a_claim_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(TEXTS[0])
    assert art.headline is not None
    heads = [c for c in art.claims if c.start == art.headline.start]
    assert len(heads) == 1 and heads[0].end == art.headline.end
