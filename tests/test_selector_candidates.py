"""The content selector's candidates from clause structure (claimx/extractors/attributions/
clauses.py): each rule on a hand-built parse of text written here, in several house styles,
and a few end to end with the real model."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimx.extractors.attributions import clauses, selector
from claimx.extractors.quotes import find_quotes


def _doc(nlp: Language, spec: list[tuple[str, int, str, str]]) -> Doc:
    """(word, head index, dep, pos) for each token; the head of a root is itself."""
    words, heads, deps, pos = (list(x) for x in zip(*spec, strict=True))
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def _texts(doc: Doc, spans) -> set[str]:  # type: ignore[no-untyped-def]
    text = doc.text
    return {text[s:e] for s, e in (selector.trim(text, sp) for sp in spans if sp is not None)}


def test_a_clause_can_end_before_its_adverbial_clause(nlp: Language) -> None:
    # AP style: "Lynch said the demands erase the barriers, though critics disagree."
    doc = _doc(
        nlp,
        [
            ("Lynch", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("demands", 4, "nsubj", "NOUN"),
            ("erase", 1, "ccomp", "VERB"),
            ("the", 6, "det", "DET"),
            ("barriers", 4, "dobj", "NOUN"),
            (",", 4, "punct", "PUNCT"),
            ("though", 10, "mark", "SCONJ"),
            ("critics", 10, "nsubj", "NOUN"),
            ("disagree", 4, "advcl", "VERB"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    comp = doc[4]
    ends = _texts(doc, clauses.clause_ends(comp, doc[2].idx, comp.sent))
    assert "the demands erase the barriers" in ends
    assert "the demands erase the barriers, though critics disagree" in ends
    # the cut is described by what it leaves off: an adverbial clause after a comma
    cue = (doc[1].idx, doc[1].idx + 4)
    cut = (doc[2].idx, doc[6].idx + len(doc[6]))
    whole = (doc[2].idx, doc[10].idx + len(doc[10]))
    feats = selector.featurize(doc, cue, (0, 5), {cut: {"cut"}, whole: {"ccomp"}}, [])
    assert feats[0]["cut_dep=advcl"] == 1.0 and feats[0]["next_punct=comma"] == 1.0
    assert feats[1]["at_sent_end"] == 1.0 and "cut_dep=advcl" not in feats[1]


def _described(nlp: Language) -> Doc:
    # UK-paper style: "Christie described Clinton as a disgrace after the speech."
    return _doc(
        nlp,
        [
            ("Christie", 1, "nsubj", "PROPN"),
            ("described", 1, "ROOT", "VERB"),
            ("Clinton", 1, "dobj", "PROPN"),
            ("as", 1, "prep", "ADP"),
            ("a", 5, "det", "DET"),
            ("disgrace", 3, "pobj", "NOUN"),
            ("after", 1, "prep", "ADP"),
            ("the", 8, "det", "DET"),
            ("speech", 6, "pobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )


def test_runs_of_the_cue_verbs_complements(nlp: Language) -> None:
    doc = _described(nlp)
    runs = _texts(doc, clauses.verb_objects(doc[1], doc[1:2], speech=True))
    assert "Clinton as a disgrace" in runs
    assert "as a disgrace" in runs
    assert "Clinton as a disgrace after the speech" in runs
    # a speech verb's proper-noun object alone is an addressee, never a content
    assert "Clinton" not in runs
    assert "Clinton" in _texts(doc, clauses.verb_objects(doc[1], doc[1:2], speech=False))


def test_an_addressee_alone_is_no_candidate(nlp: Language) -> None:
    # Xinhua style: "... , an official told Xinhua."
    doc = _doc(
        nlp,
        [
            ("An", 1, "det", "DET"),
            ("official", 2, "nsubj", "NOUN"),
            ("told", 2, "ROOT", "VERB"),
            ("Xinhua", 2, "dobj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
    )
    assert not list(clauses.verb_objects(doc[2], doc[2:3], speech=True))


def test_the_clause_of_a_passive_cue_keeps_its_subject(nlp: Language) -> None:
    # Reuters style: "Peacekeepers have been blamed for the outbreak."
    doc = _doc(
        nlp,
        [
            ("Peacekeepers", 3, "nsubjpass", "NOUN"),
            ("have", 3, "aux", "AUX"),
            ("been", 3, "auxpass", "AUX"),
            ("blamed", 3, "ROOT", "VERB"),
            ("for", 3, "prep", "ADP"),
            ("the", 6, "det", "DET"),
            ("outbreak", 4, "pobj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    assert _texts(doc, [clauses.cue_clause(doc[3])]) == {"Peacekeepers have been blamed for the outbreak"}


def test_a_leading_connective_or_dateline_can_go(nlp: Language) -> None:
    # AFP style: "However, the talks failed."
    doc = _doc(
        nlp,
        [
            ("However", 4, "advmod", "ADV"),
            (",", 4, "punct", "PUNCT"),
            ("the", 3, "det", "DET"),
            ("talks", 4, "nsubj", "NOUN"),
            ("failed", 4, "ROOT", "VERB"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    assert _texts(doc, [clauses.lead_trimmed(doc, (0, len(doc.text)))]) == {"the talks failed"}
    # nothing to drop: no candidate
    assert clauses.lead_trimmed(doc, (doc[2].idx, len(doc.text))) is None
    # press-release style dateline: "LONDON - Talks failed."
    doc = _doc(
        nlp,
        [
            ("LONDON", 3, "npadvmod", "PROPN"),
            ("-", 3, "punct", "PUNCT"),
            ("Talks", 3, "nsubj", "NOUN"),
            ("failed", 3, "ROOT", "VERB"),
            ("again", 3, "advmod", "ADV"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    doc._.dateline = {"start": 0, "end": 6}
    assert _texts(doc, [clauses.lead_trimmed(doc, (0, len(doc.text)))]) == {"Talks failed again"}
    # a candidate inside the dateline: nothing left, no candidate (and no empty span)
    assert clauses.lead_trimmed(doc, (0, 3)) is None
    doc._.dateline = {"start": 0, "end": doc.text.index("again")}
    assert clauses.lead_trimmed(doc, (0, doc.text.index("Talks") + 2)) is None


def test_the_two_pieces_of_a_split_quote_as_one() -> None:
    # AP style: only the speaker and cue between the pieces
    text = '"We will fix it," said the minister. "That takes time."'
    first, last = text.index("said"), text.index(". ")
    pair = clauses.split_quote(find_quotes(text), first, last, text)
    assert pair is not None and pair[1] == "pair"
    assert selector.trim(text, pair[0]) == (1, len(text) - 2)
    # UK style, the speaker described between the pieces: a candidate of its own kind
    text = "'We will fix it,' said Jane Doe, now a consultant in Leeds. 'That takes time.'"
    first, last = text.index("said"), text.index("Doe") + 3
    pair = clauses.split_quote(find_quotes(text), first, last, text)
    assert pair is not None and pair[1] == "pair_far"
    # a second quote in another paragraph after more words is another quotation
    text = '"We will fix it," she said.\n\nThe council met on Monday. "Nothing changed," a member said.'
    first, last = text.index("she"), text.index("said") + 4
    assert clauses.split_quote(find_quotes(text), first, last, text) is None


def _two_sentences(nlp: Language) -> Doc:
    # Reuters style: "He said prices rose. But demand fell."
    return _doc(
        nlp,
        [
            ("He", 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB"),
            ("prices", 3, "nsubj", "NOUN"),
            ("rose", 1, "ccomp", "VERB"),
            (".", 1, "punct", "PUNCT"),
            ("But", 7, "cc", "CCONJ"),
            ("demand", 7, "nsubj", "NOUN"),
            ("fell", 7, "ROOT", "VERB"),
            (".", 7, "punct", "PUNCT"),
        ],
    )


def test_a_content_run_on_over_the_next_or_previous_sentence(nlp: Language) -> None:
    doc = _two_sentences(nlp)
    rose = (doc[2].idx, doc[3].idx + len(doc[3]))
    assert _texts(doc, [clauses.next_sentence(doc, rose)]) == {"prices rose. But demand fell"}
    fell = (doc[6].idx, doc[7].idx + len(doc[7]))
    assert _texts(doc, [clauses.prev_sentence(doc, fell)]) == {"He said prices rose. But demand fell"}
    # a content that stops mid-sentence is not run on
    assert clauses.next_sentence(doc, (doc[2].idx, doc[2].idx + 6)) is None


def test_candidates_include_the_clause_cuts_and_the_whole_sentence(nlp: Language) -> None:
    doc = nlp("Lynch said the demands erase the barriers, though critics disagree.")
    at = doc.text.index
    cue = (at("said"), at("said") + 4)
    cands = selector.candidates(doc, cue, (0, 5), None, [], [])
    texts = {doc.text[c[0] : c[1]]: k for c, k in cands.items() if c is not None}
    assert "the demands erase the barriers" in texts
    assert "sent" in texts["Lynch said the demands erase the barriers, though critics disagree"]


def test_the_selector_joins_a_split_quote_over_the_speakers_description(extract) -> None:  # type: ignore[no-untyped-def]
    article = extract(
        '"I call it the trip that launched a thousand trips," said Jane Murphy, now a consultant in '
        'Leeds. "At the time, they were not granting many visas."'
    )
    att = next(a for a in article.attributions if a.cue.text == "said")
    assert att.content is not None
    assert "thousand trips" in att.content.text and "granting many visas" in att.content.text


def test_cues_scored_in_several_batches_choose_as_in_one(nlp: Language, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Lynch said the demands erase the barriers, though critics disagree. The union said it would "
        'strike on Monday. "We will not move," Okafor told reporters. Officials said talks had stalled.'
    )
    cues = [(m, m + len(w)) for w in ("said", "told") for m in _starts(doc.text, w)]
    batched = [(cue, None, None) for cue in sorted(cues)]
    quotes = find_quotes(doc.text)
    once = selector.select_all(doc, batched, [], quotes)
    monkeypatch.setattr(selector, "SCORE_ROWS", 1)
    assert selector.select_all(doc, batched, [], quotes) == once
    assert len(once) == 4 and all(c is not None for c in once)


def _starts(text: str, word: str) -> list[int]:
    out, at = [], text.find(f" {word} ")
    while at >= 0:
        out.append(at + 1)
        at = text.find(f" {word} ", at + 1)
    return out


def test_a_candidate_is_described_by_the_others_and_by_other_cues(nlp: Language) -> None:
    # Reuters style: "The deals did not require it, sources told Reuters." The clause alone
    # and the clause run on over another attribution's source and cue share their start; the
    # longer one holds the other cue late in it, the shorter one ends where the tagger's does.
    doc = _doc(
        nlp,
        [
            ("The", 1, "det", "DET"),
            ("deals", 4, "nsubj", "NOUN"),
            ("did", 4, "aux", "AUX"),
            ("not", 4, "neg", "PART"),
            ("require", 8, "ccomp", "VERB"),
            ("it", 4, "dobj", "PRON"),
            (",", 8, "punct", "PUNCT"),
            ("sources", 8, "nsubj", "NOUN"),
            ("told", 8, "ROOT", "VERB"),
            ("Reuters", 8, "dobj", "PROPN"),
            (".", 8, "punct", "PUNCT"),
        ],
    )
    own = (doc[2].idx, doc[2].idx + 3)  # a cue of its own, say "did" (only the offsets matter here)
    other = (doc[8].idx, doc[8].idx + 4)
    short = (0, doc[5].idx + 2)
    long = (0, doc[9].idx + len("Reuters"))
    cands: dict = {None: {"none"}, short: {"cut"}, long: {"sent"}}
    feats = selector.featurize(doc, own, None, cands, [short], sorted([own[0], other[0]]))
    none, f_short, f_long = feats
    assert f_short["other_cues"] == 0.0 and f_long["other_cues"] == 1.0 and f_long["other_cue_late"] == 1.0
    assert f_short["longer_same_start"] == 1.0 and f_long["shorter_same_start"] == 1.0
    assert f_short["tagger_exact"] == 1.0 and f_long["tagger_exact"] == 0.0
    assert f_long["start_as=sent"] == 1.0 and f_short["start_as=sent"] == 1.0 and "end_as=sent" not in f_short
    assert "shorter_same_start" not in none
