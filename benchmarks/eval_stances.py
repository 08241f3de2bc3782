"""Score claimx's stances against the hand-written stance sentences, and check seed D1-D7.

    python benchmarks/eval_stances.py [--gold tests/fixtures/stances.jsonl]
        [--seed /work/shared/seed] [--model NAME] [--verbose]

A predicted stance matches a gold one when the stance type is in its ``stance`` list, the
actor span or its resolved actor's name contains the gold actor, the object contains
``object_has`` (case-insensitive), and the cue contains ``cue_has`` where the gold gives one;
each prediction matches at most one gold stance.
"strict" also requires ``negated`` to agree.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimx import api  # noqa: E402
from claimx.nlp import pipeline  # noqa: E402
from claimx.schema import Stance  # noqa: E402

DEFAULT_GOLD = ROOT / "tests" / "fixtures" / "stances.jsonl"
DEFAULT_SEED = ROOT.parent / "shared" / "seed"


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("\u2019", "'").split())


def actor_names(stance: Stance, names: dict[str, str]) -> list[str]:
    """The holder's span, and its resolved actor's name and mentions (``names`` holds them
    one a line, the name first), as eval_stances_real.py reads a holder."""
    out = []
    if stance.actor is not None:
        out.append(_norm(stance.actor.text))
        if stance.actor.actor and stance.actor.actor in names:
            out.extend(_norm(n) for n in names[stance.actor.actor].split("\n"))
    return out


def matches(pred: Stance, gold: dict[str, Any], names: dict[str, str], *, strict: bool = False) -> bool:
    if gold["stance"] not in pred.stance:
        return False
    if pred.object is None or _norm(gold["object_has"]) not in _norm(pred.object.text):
        return False
    if "cue_has" in gold and _norm(gold["cue_has"]) not in _norm(pred.cue.text):
        return False
    want = _norm(gold.get("actor"))
    if want and not any(want in n for n in actor_names(pred, names)):
        return False
    return not (strict and bool(gold.get("negated", False)) != pred.negated)


def run(nlp: Any, text: str) -> tuple[list[Stance], dict[str, str]]:
    doc = nlp(api.make_doc(nlp, text))
    names = {a["id"]: "\n".join([a["name"], *(m["text"] for m in a.get("mentions", []))]) for a in doc._.actors or []}
    return [Stance.model_validate(s) for s in doc._.stances or []], names


def score(nlp: Any, records: list[dict[str, Any]], *, verbose: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    tp_strict = 0
    mod_ok = mod_n = 0
    spent = 0.0
    for rec in records:
        t0 = time.perf_counter()
        preds, names = run(nlp, rec["text"])
        spent += time.perf_counter() - t0
        used: set[int] = set()
        for gold in rec.get("stances", []):
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(p, gold, names)), None)
            if hit is None:
                fn += 1
                if verbose:
                    print(f"  MISS {gold}\n       in {rec['text']!r}")
                continue
            used.add(hit)
            tp += 1
            tp_strict += matches(preds[hit], gold, names, strict=True)
            if "modality" in gold:
                mod_n += 1
                mod_ok += preds[hit].modality == gold["modality"]
        for i, p in enumerate(preds):
            if i not in used:
                fp += 1
                if verbose:
                    actor = p.actor.text if p.actor else None
                    obj = p.object.text if p.object else None
                    print(
                        f"  EXTRA {p.stance} actor={actor!r} cue={p.cue.text!r} object={obj!r}"
                        f" neg={p.negated}\n        in {rec['text']!r}"
                    )
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    ps = tp_strict / (tp + fp) if tp + fp else 0.0
    rs = tp_strict / (tp + fn) if tp + fn else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "recall": r,
        "f1": f,
        "strict_precision": ps,
        "strict_recall": rs,
        "modality_ok": mod_ok,
        "modality_n": mod_n,
        "ms_per_record": 1000 * spent / max(1, len(records)),
    }


def seed_status(nlp: Any, seed_dir: Path) -> list[tuple[str, bool, str]]:
    """D1-D7 of expected.json, read as check_seed.py reads them, except that the expected
    stance type must be *in* the stance list (the schema's ``stance`` is a list)."""
    exp = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    text = (seed_dir / exp["article"]).read_text(encoding="utf-8")
    preds, names = run(nlp, text)
    out = []
    for e in exp["stances"]:
        found = None
        for p in preds:
            if e["stance"] not in p.stance or p.object is None:
                continue
            if _norm(e["object_has"]) not in _norm(p.object.text):
                continue
            want = _norm(e.get("actor_is") or e.get("actor_resolves_to"))
            span = _norm(p.actor.text) if p.actor else ""
            name = _norm(names.get(p.actor.actor or "", "").split("\n")[0]) if p.actor else ""
            if want not in (span, name):
                continue
            found = p
            break
        why = (
            f"{found.id}: {found.actor.text if found.actor else None!r} {found.cue.text!r}"
            if found
            else "no stance matches"
        )
        out.append((e["id"], found is not None, why))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--seed", default=str(DEFAULT_SEED))
    ap.add_argument("--model", default=None)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    nlp = pipeline.load(args.model)
    with open(args.gold, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    halves = sorted({rec.get("half", "all") for rec in records})
    for half in halves:
        part = [rec for rec in records if rec.get("half", "all") == half]
        res = score(nlp, part, verbose=args.verbose)
        n_gold = res["tp"] + res["fn"]
        label = "" if half == "all" else f"[{half}] "
        print(f"{label}{len(part)} sentences, {n_gold} gold stances")
        print(
            f"{label}precision {res['precision']:.3f}  recall {res['recall']:.3f}  f1 {res['f1']:.3f}"
            f"  (tp {res['tp']}, fp {res['fp']}, fn {res['fn']})"
        )
        print(
            f"{label}strict (negation agrees): precision {res['strict_precision']:.3f}"
            f"  recall {res['strict_recall']:.3f}"
        )
        print(
            f"{label}modality right on {res['modality_ok']} of {res['modality_n']} matched gold stances that give one"
        )
        print(f"{label}{res['ms_per_record']:.1f} ms per sentence (whole pipeline)")
    seed = Path(args.seed)
    if (seed / "expected.json").exists():
        status = seed_status(nlp, seed)
        for ident, ok, why in status:
            print(f"{'ok  ' if ok else 'MISS'} {ident} {why}")
        print(f"seed: {sum(ok for _, ok, _ in status)} of {len(status)} stance expectations hold")
    else:
        print(f"seed: {seed} not found, skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
