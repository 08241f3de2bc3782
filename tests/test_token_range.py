"""``claimx.nlp.spans.token_range`` / ``expand_span``: the same tokens as spaCy's
``Doc.char_span(..., alignment_mode="expand")`` for any offsets, found faster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimx.nlp.spans import expand_span, token_range

# AP style, with doubled spaces, a line break and quotation marks (white-space tokens too)
TEXT = 'WASHINGTON (AP) —  "We will act," the senator said.\n\nOfficials  declined to comment. '


@settings(max_examples=300, deadline=None)
@given(st.integers(-2, len(TEXT) + 2), st.integers(-2, len(TEXT) + 2))
def test_token_range_is_spacys_expanded_char_span(nlp: Language, start: int, end: int) -> None:
    doc = nlp.make_doc(TEXT)
    try:
        want = doc.char_span(start, end, alignment_mode="expand")
    except (IndexError, ValueError):
        return  # spaCy refuses a reversed range; token_range hands it the same case
    got = expand_span(doc, start, end)
    assert (got is None) == (want is None)
    if want is not None and got is not None:
        assert (got.start, got.end) == (want.start, want.end) == token_range(doc, start, end)
