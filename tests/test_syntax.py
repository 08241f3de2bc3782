"""The shared parse helpers (claimx.nlp.syntax) on hand-built parses: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimx.extractors.actors import entity_kind
from claimx.nlp import syntax

RELATIVES = frozenset({"which", "who", "that", "whom"})
CUES = frozenset({"say", "tell"})


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab  # with the English lexical attributes (lower_)


def parse(vocab: Vocab, rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, head, dep, pos, tag) rows; heads are absolute token indices."""
    words, heads, deps, pos, tags = (list(x) for x in zip(*rows, strict=True))
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


def text_of(doc: Doc, span: tuple[int, int]) -> str:
    return doc.text[span[0] : span[1]]


def official_of_egypt(vocab: Vocab) -> Doc:
    # the senior official of Egypt said
    return parse(
        vocab,
        [
            ("the", 2, "det", "DET", "DT"),
            ("senior", 2, "amod", "ADJ", "JJ"),
            ("official", 5, "nsubj", "NOUN", "NN"),
            ("of", 2, "prep", "ADP", "IN"),
            ("Egypt", 3, "pobj", "PROPN", "NNP"),
            ("said", 5, "ROOT", "VERB", "VBD"),
        ],
    )


def test_phrase_presets_differ_on_the_right(vocab: Vocab) -> None:
    doc = official_of_egypt(vocab)
    head = doc[2]
    assert text_of(doc, syntax.speaker_span(head)) == "the senior official of Egypt"
    assert syntax.phrase_tokens(head, **syntax.ACTOR) == (0, 4)  # "of" is an actor's preposition
    assert syntax.phrase_tokens(head, **syntax.MENTION) == (0, 2)  # left modifiers only
    assert syntax.speaker(doc[5], cues=CUES) == head


def test_speaker_phrase_stops_at_a_relative_clause(vocab: Vocab) -> None:
    # the minister , who spoke , said
    doc = parse(
        vocab,
        [
            ("the", 1, "det", "DET", "DT"),
            ("minister", 6, "nsubj", "NOUN", "NN"),
            (",", 1, "punct", "PUNCT", ","),
            ("who", 4, "nsubj", "PRON", "WP"),
            ("spoke", 1, "relcl", "VERB", "VBD"),
            (",", 1, "punct", "PUNCT", ","),
            ("said", 6, "ROOT", "VERB", "VBD"),
        ],
    )
    assert text_of(doc, syntax.speaker_span(doc[1])) == "the minister"
    # the relative pronoun is the subject of "spoke"; it stands for the minister
    assert syntax.subject(doc[4], relatives=RELATIVES) == doc[1]


def plan_proposed_by_trump(vocab: Vocab, pronoun: str = "which") -> Doc:
    # the plan proposed by Trump , which Hamas accepted
    return parse(
        vocab,
        [
            ("the", 1, "det", "DET", "DT"),
            ("plan", 1, "ROOT", "NOUN", "NN"),
            ("proposed", 1, "acl", "VERB", "VBN"),
            ("by", 2, "agent", "ADP", "IN"),
            ("Trump", 3, "pobj", "PROPN", "NNP"),
            (",", 4, "punct", "PUNCT", ","),
            (pronoun, 8, "dobj", "PRON", "WDT"),
            ("Hamas", 8, "nsubj", "PROPN", "NNP"),
            ("accepted", 4, "relcl", "VERB", "VBD"),
        ],
        ents=["O", "O", "O", "O", "B-PERSON", "O", "O", "B-ORG", "O"],
    )


def test_which_does_not_refer_to_a_person(vocab: Vocab) -> None:
    doc = plan_proposed_by_trump(vocab)
    assert syntax.antecedent(doc[8]) == doc[1]
    assert syntax.agent(doc[2]) == doc[4]
    # with "that" the clause hangs on the person it follows
    doc = plan_proposed_by_trump(vocab, pronoun="that")
    assert syntax.antecedent(doc[8]) == doc[4]


def test_subtree_is_cut_before_a_relative_clause(vocab: Vocab) -> None:
    doc = plan_proposed_by_trump(vocab)
    assert syntax.subtree_without_relative(doc[4]) == (4, 5)  # "Trump ,"
    assert syntax.subtree_without_relative(doc[1]) == (0, 8)  # the relcl hangs on Trump
    assert syntax.subtree_without_relative(doc[1], clause=doc[2]) == (0, 1)


def hostages(vocab: Vocab) -> Doc:
    # hostages , 20 of whom are alive
    return parse(
        vocab,
        [
            ("hostages", 0, "ROOT", "NOUN", "NNS"),
            (",", 0, "punct", "PUNCT", ","),
            ("20", 5, "nsubj", "NUM", "CD"),
            ("of", 2, "prep", "ADP", "IN"),
            ("whom", 3, "pobj", "PRON", "WP"),
            ("are", 0, "relcl", "AUX", "VBP"),
            ("alive", 5, "acomp", "ADJ", "JJ"),
        ],
    )


def test_counted_antecedent(vocab: Vocab) -> None:
    doc = hostages(vocab)
    assert syntax.counted_antecedent(doc[2]) == doc[0]
    # not inside a relative clause: the last plural noun before it
    assert syntax.counted_antecedent(doc[6]) == doc[0]
    assert syntax.counted_antecedent(doc[0]) is None
    # the relative-clause antecedent of a verb is another question
    assert syntax.antecedent(doc[5]) == doc[0]


def test_modified_noun_takes_adjacent_modifiers_not_determiners(vocab: Vocab) -> None:
    # the 67,000 Palestinian deaths
    doc = parse(
        vocab,
        [
            ("the", 3, "det", "DET", "DT"),
            ("67,000", 3, "nummod", "NUM", "CD"),
            ("Palestinian", 3, "amod", "ADJ", "JJ"),
            ("deaths", 3, "ROOT", "NOUN", "NNS"),
        ],
    )
    assert text_of(doc, syntax.modified_noun_span(doc[3])) == "Palestinian deaths"


def conjoined(vocab: Vocab, with_and: bool) -> Doc:
    # Hamas rejected the plan (and) accepted talks
    rows = [
        ("Hamas", 1, "nsubj", "PROPN", "NNP"),
        ("rejected", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET", "DT"),
        ("plan", 1, "dobj", "NOUN", "NN"),
    ]
    if with_and:
        rows.append(("and", 1, "cc", "CCONJ", "CC"))
    n = len(rows)
    rows += [("accepted", 1, "conj", "VERB", "VBD"), ("talks", n, "dobj", "NOUN", "NNS")]
    return parse(vocab, rows)


def test_conjoined_verbs_share_a_subject(vocab: Vocab) -> None:
    doc = conjoined(vocab, with_and=True)
    assert syntax.subject(doc[5], relatives=RELATIVES) == doc[0]
    assert syntax.speaker(doc[5], cues=CUES) == doc[0]


def test_speaker_without_and_is_the_noun_before(vocab: Vocab) -> None:
    # "talks resumed , the source told Xinhua" with the speaker hung on "resumed" and no
    # "and" before "told": the speaker is the noun right before the cue; a stance's subject
    # is still borrowed from the conjunct
    doc = parse(
        vocab,
        [
            ("talks", 1, "nsubj", "NOUN", "NNS"),
            ("resumed", 1, "ROOT", "VERB", "VBD"),
            (",", 1, "punct", "PUNCT", ","),
            ("the", 4, "det", "DET", "DT"),
            ("source", 1, "npadvmod", "NOUN", "NN"),
            ("told", 1, "conj", "VERB", "VBD"),
            ("Xinhua", 5, "dobj", "PROPN", "NNP"),
        ],
    )
    assert syntax.speaker(doc[5], cues=CUES) == doc[4]
    assert syntax.subject(doc[5], relatives=RELATIVES) == doc[0]
    # "Hamas rejected the plan accepted talks": the noun before is an object, so the
    # speaker is the conjunct's
    doc = conjoined(vocab, with_and=False)
    assert syntax.speaker(doc[4], cues=CUES) == doc[0]


def test_relative_pronoun_is_not_the_speaker(vocab: Vocab) -> None:
    # which Israeli authorities said
    doc = parse(
        vocab,
        [
            ("which", 3, "nsubj", "PRON", "WDT"),
            ("Israeli", 2, "amod", "ADJ", "JJ"),
            ("authorities", 3, "nsubj", "NOUN", "NNS"),
            ("said", 3, "ROOT", "VERB", "VBD"),
        ],
    )
    assert syntax.speaker(doc[3], cues=CUES) == doc[2]


def test_one_map_from_entity_label_to_kind() -> None:
    assert entity_kind("PERSON") == "person"
    assert entity_kind("GPE") == "state"
    assert entity_kind("DATE") == "other"
    # attribution sources the actor table did not know keep states and groups as "other"
    assert entity_kind("GPE", labels=("PERSON", "ORG")) == "other"
    assert entity_kind("ORG", labels=("PERSON", "ORG")) == "organization"


def test_antecedent_of_which_on_a_person_name_at_the_root_ends(vocab: Vocab) -> None:
    # Oscar , which he refused   ("Oscar" taken for a person, the root of the fragment):
    # climbing for a non-person noun stops at the root instead of looping
    doc = parse(
        vocab,
        [
            ("Oscar", 0, "ROOT", "PROPN", "NNP"),
            (",", 0, "punct", "PUNCT", ","),
            ("which", 4, "dobj", "PRON", "WDT"),
            ("he", 4, "nsubj", "PRON", "PRP"),
            ("refused", 0, "relcl", "VERB", "VBD"),
        ],
        ents=["B-PERSON", "O", "O", "O", "O"],
    )
    assert syntax.antecedent(doc[4]) == doc[0]
