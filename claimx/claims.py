"""Claims: each sentence's propositions tied to their attribution, actors, figures, stances."""

from __future__ import annotations

from spacy.tokens import Doc

from claimx.schema import Claim


def build_claims(doc: Doc) -> list[Claim]:
    return []
