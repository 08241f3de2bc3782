"""Where claimx loses the gold stances it misses, over all the stance development sets.

    python benchmarks/why_stances_missed.py [--shared ../shared] [--verbose]

Runs claimx over each dev set's stories (stances_real dev and test, stances_dev2,
stances_fresh, stances_fresh2 — never stances_fresh3, the held-out set) with the stance
rules traced, and gives every missed gold stance (eval_stances_real.py's matching: same type,
overlapping cue) the first stage that explains it:

* ``no entry``: no word of the gold cue is in the stance lexicon (models/stances.json) and no
  other rule (quotes, deontic modals, conditions) built anything on it;
* ``entry, not a candidate``: a cue word is in the lexicon but its part of speech or
  dependency kept the rules from looking at it;
* ``entry, no stance: RULE: WHY``: a rule looked at a cue word and built nothing (for verbs,
  which check of ``_verb_stance`` failed);
* ``dropped: FILTER``: a stance was built on the cue and a later filter removed it;
* ``built, wrong type`` / ``built, cue elsewhere``: claimx gave the cue another type, or gave
  the sentence a stance of that type on another word.

Each miss is also put under the syntactic form of its cue (FORM lines: a passive with or
without an agent, a non-finite or adjectival clause, a subject set off by a relative clause or
apposition, a modal of obligation, a nominal head, ...). Matched stances whose holder or
object is wrong are counted too, and the unmatched (EXTRA) predictions. Counts are printed over
all sets together, then per set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_stances_real import _holder_right, _object_right, _overlap, match  # noqa: E402

import claimx  # noqa: E402
import claimx.extractors.stances as pkg  # noqa: E402
from claimx.extractors.stances import mood, verbs  # noqa: E402
from claimx.extractors.stances.holders import _plausible_actor  # noqa: E402
from claimx.extractors.stances.lexicon import (  # noqa: E402
    _CANDIDATE_WORDS,
    _DEONTIC,
    _DEONTIC_HEADS,
    _EXCLUDED_PRT,
    _FAILED_OUTCOMES,
)
from claimx.extractors.stances.parse import _Raw  # noqa: E402

DEV_SETS = [
    ("stances_real.jsonl", "dev"),
    ("stances_real.jsonl", "test"),
    ("stances_dev2.jsonl", "dev2"),
    ("stances_fresh.jsonl", "fresh"),
    ("stances_fresh2.jsonl", "fresh2"),
]

Span = tuple[int, int]


@dataclass
class _Trace:
    """What the stance rules did on the docs of one story (offsets within each doc)."""

    #: (doc text, token char offset, token text, rule, why it built nothing or "")
    calls: list[tuple[str, int, str, str, str]] = field(default_factory=list)
    #: (doc text, cue, stance, filter)
    drops: list[tuple[str, Span, str, str]] = field(default_factory=list)
    docs: list[Any] = field(default_factory=list)

    def reset(self) -> None:
        self.calls.clear()
        self.drops.clear()
        self.docs.clear()


TRACE = _Trace()


def _verb_why(verb: Any, entry: dict[str, Any]) -> str:
    """The first check of :func:`claimx.extractors.stances.verbs._verb_stance` that fails."""
    lemma = verb.lemma_.lower()
    if verbs._hypothetical(verb):
        return "hypothetical (if/whether clause)"
    if any(c.lower_ in _EXCLUDED_PRT.get(lemma, []) for c in verb.children if c.dep_ == "prt"):
        return "excluded particle"
    above = verb.head.lemma_.lower() if verb.dep_ == "xcomp" else ""
    if above == "refuse" or (above == "fail" and lemma in _FAILED_OUTCOMES):
        return f"under '{verb.head.lemma_.lower()}'"
    obj, _, _ = verbs._object_of(verb, entry["frames"])
    if obj is None and not (entry.get("intransitive") and verbs._bare(verb)):
        return "no object for its frames"
    if not verbs._object_allowed(verb, entry):
        return "object not allowed"
    passive = verbs._passive(verb)
    actor = verbs._agent(verb) if passive else verbs._subject(verb)
    if actor is None:
        return f"no holder ({'passive, no agent' if passive else f'dep {verb.dep_}'})"
    if not _plausible_actor(actor):
        return f"holder not plausible ({actor.text!r})"
    return "modal not allowed / other"


def _position_why(raw: _Raw) -> str:
    anchor = raw.anchor
    if anchor is None:
        return "?"
    checks: list[tuple[str, Callable[[], bool]]] = [
        ("ability", lambda: mood.ability(raw)),
        ("failed agreement", lambda: mood.failed_agreement(raw, anchor)),
        ("asked to", lambda: mood.asked_to(anchor)),
        ("supposed", lambda: mood.supposed(anchor)),
        ("foreseen", lambda: mood.foreseen(anchor)),
        ("question", lambda: mood.is_question(anchor)),
        ("unasserted", lambda: mood.unasserted(anchor)),
        ("third-party guess", lambda: mood.third_party_guess(raw, anchor)),
        ("forced", lambda: mood.forced(anchor)),
    ]
    return next((name for name, check in checks if check()), "?")


def _install() -> None:
    """Wrap the rules and filters :func:`find_stances` looks up in its module."""
    rules = [
        "_verb_stance",
        "_noun_stance",
        "adjective_stance",
        "phrase_stance",
        "preposition_stance",
        "agent_noun_stance",
        "phrasal_stance",
        "_condition",
    ]
    for name in rules:
        setattr(pkg, name, _rule_wrapper(name, getattr(pkg, name)))
    find = pkg.find_stances

    def traced(doc: Any) -> Any:
        TRACE.docs.append(doc)
        return find(doc)

    pkg.find_stances = traced
    filters = {"no_position": 0, "reader_comment": 0, "_asks": 1, "_inside_another": 0, "_restated": 0}
    for name, at in filters.items():
        setattr(pkg, name, _filter_wrapper(name, getattr(pkg, name), at))


def _rule_wrapper(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any) -> Any:
        out = fn(*args)
        tok = next(a for a in args if hasattr(a, "lemma_"))
        why = ""
        if out is None:
            why = _verb_why(tok, args[2]) if name == "_verb_stance" else "built nothing"
        TRACE.calls.append((_src(tok.doc), tok.idx, tok.text, name, why))
        return out

    return wrapped


def _filter_wrapper(name: str, fn: Callable[..., Any], at: int) -> Callable[..., Any]:
    def wrapped(*args: Any) -> Any:
        out = fn(*args)
        raw: _Raw = args[at]
        if out and raw.anchor is not None:
            label = f"no_position: {_position_why(raw)}" if name == "no_position" else name.lstrip("_")
            TRACE.drops.append((_src(raw.anchor.doc), raw.cue, raw.stance, label))
        return out

    return wrapped


def _src(doc: Any) -> str:
    """The text a doc was made from (the doc's own text has its line breaks normalized)."""
    return str(getattr(doc._, "source_text", None) or doc.text)


def _shift(text: str, piece: str) -> int:
    return text.find(piece) if piece != text else 0


def _cause(gold: dict[str, Any], rec: dict[str, Any], preds: list[Any], free: list[Any], text: str) -> str:
    cue: Span = (gold["cue"][0], gold["cue"][1])
    for p in preds:
        if _overlap((p.cue.start, p.cue.end), cue) > 0 and p.stance != gold["stance"]:
            return f"built, wrong type ({p.stance} for {gold['stance']})"
    drops = [((c[0] + off, c[1] + off), s, f) for piece, c, s, f in TRACE.drops for off in [_shift(text, piece)]]
    drops = [(c, s, f) for (c, s, f) in drops if _overlap(c, cue) > 0]
    drops = sorted(drops, key=lambda d: d[1] != gold["stance"])
    if drops:
        return f"dropped: {drops[0][2]}"
    if any(p.stance == gold["stance"] for p in free):
        return "built, cue elsewhere"
    hits = [
        (rule, why)
        for piece, at, word, rule, why in TRACE.calls
        if _overlap((at + _shift(text, piece), at + _shift(text, piece) + len(word)), cue) > 0
    ]
    if hits:
        rule, why = hits[0]
        return f"entry, no stance: {rule.lstrip('_')}: {why}"
    words = text[cue[0] : cue[1]].lower().replace("'", " ").split()
    if any(w.strip('.,"') in _CANDIDATE_WORDS for w in words):
        return "entry, not a candidate (form or lemma)"
    if any(w in _DEONTIC or w in _DEONTIC_HEADS or w in ("needed", "needs", "has", "had") for w in words):
        return "no entry: modal of obligation (deontic rule built nothing)"
    if gold["stance"] == "condition":
        return "no entry: condition (no condition rule fired)"
    return "no entry"


def _form(gold: dict[str, Any], text: str) -> str:
    """The syntactic form of a gold cue: what kind of word it is and how it is attached."""
    if gold["stance"] == "condition":
        return "condition"
    tok = None
    for doc in TRACE.docs:
        off = _shift(text, _src(doc))
        tok = next((t for t in doc if t.idx + off >= gold["cue"][0] and not t.is_space), None)
        if tok is not None and tok.idx + off < gold["cue"][1]:
            break
        tok = None
    if tok is None:
        return "?"
    if tok.lower_ in _DEONTIC or (tok.lemma_.lower() in _DEONTIC_HEADS and tok.pos_ in ("VERB", "AUX")):
        return "modal of obligation"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "nominal head"
    if tok.pos_ not in ("VERB", "AUX"):
        return f"predicate ({tok.pos_.lower()})"
    if verbs._passive(tok):
        return "passive with agent" if verbs._agent(tok) is not None else "passive without agent"
    if tok.dep_ in ("acl", "oprd", "amod"):
        return "non-finite or adjectival clause"
    if tok.dep_ in ("pcomp", "advcl") and tok.tag_ in ("VBG", "VBN"):
        return "gerund or participle clause"
    if tok.dep_ == "relcl":
        return "relative clause"
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    set_off = subj is not None and any(c.dep_ in ("relcl", "appos") for c in subj.children)
    if set_off or (subj is None and any(t.text == "," for t in tok.doc[max(0, tok.i - 2) : tok.i])):
        return "subject set off by a relative clause or apposition"
    return f"verb, other attachment ({tok.dep_})"


def score_set(records: list[dict[str, Any]], shared: Path, verbose: bool) -> Counter[str]:
    causes: Counter[str] = Counter()
    by_file: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rec in records:
        by_file.setdefault((rec["corpus"], rec["file"]), []).append(rec)
    for (corpus, name), recs in sorted(by_file.items()):
        with open(shared / "corpora" / corpus / name, encoding="utf-8", newline="") as fh:
            text = fh.read()
        TRACE.reset()
        art = claimx.extract(text, id=name)
        for rec in recs:
            preds = [s for s in art.stances if rec["start"] <= s.cue.start and s.cue.end <= rec["end"]]
            used: set[int] = set()
            missed = []
            for gold in rec["stances"]:
                hit = match(preds, gold, used)
                causes["gold"] += 1
                if hit is None:
                    missed.append(gold)
                    continue
                used.add(hit)
                causes["matched"] += 1
                causes["matched, holder wrong"] += not _holder_right(preds[hit], gold, art)
                causes["matched, object wrong"] += not _object_right(preds[hit], gold)
            free = [p for i, p in enumerate(preds) if i not in used]
            causes["EXTRA (unmatched predictions)"] += len(free)
            for gold in missed:
                why, form = _cause(gold, rec, preds, free, text), _form(gold, text)
                causes[f"MISS {why}"] += 1
                causes[f"FORM {form}"] += 1
                if verbose:
                    cue_text = text[gold["cue"][0] : gold["cue"][1]]
                    print(f"  {why} | {form} | {gold['stance']} {cue_text!r}: {text[rec['start'] : rec['end']]!r}")
    return causes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    _install()
    total: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {}
    for gold_file, half in DEV_SETS:
        lines = (ROOT / "benchmarks" / "data" / gold_file).read_text(encoding="utf-8").splitlines()
        records = [r for r in (json.loads(x) for x in lines if x.strip()) if r["half"] == half]
        if args.verbose:
            print(f"[{half}]")
        per[half] = score_set(records, shared, args.verbose)
        total.update(per[half])
    misses = sum(v for k, v in total.items() if k.startswith("MISS"))
    print(f"all dev sets: {total['gold']} gold, {total['matched']} matched, {misses} missed")
    order = ("MISS", "FORM")
    for key, n in sorted(
        total.items(), key=lambda kv: (next((i for i, o in enumerate(order) if kv[0].startswith(o)), 2), -kv[1], kv[0])
    ):
        if key not in ("gold", "matched"):
            print(f"  {n:4d}  {key}")
    for half, c in per.items():
        m = sum(v for k, v in c.items() if k.startswith("MISS"))
        print(
            f"[{half}] gold {c['gold']}, matched {c['matched']}, missed {m}, extra {c['EXTRA (unmatched predictions)']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
