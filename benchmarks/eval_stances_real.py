"""Score claimx's stances against hand-annotated real sentences from ../shared/corpora.

    python benchmarks/eval_stances_real.py [--gold benchmarks/data/stances_real.jsonl]
        [--shared ../shared] [--half dev|test|fresh|dev2|fresh2|all] [--verbose]

The gold (benchmarks/data/STANCES_GUIDELINES.md) gives, per sentence, its story and offsets and
each stance's type, negation and the character spans of its holder, cue and object; no corpus
text is stored. claimx reads each whole story; a predicted stance belongs to a sentence when its
cue lies inside it. A prediction matches a gold stance when the type is the same and the cues
overlap (precision and recall count these). For the matched ones, the holder is right when the
predicted holder span overlaps the gold one, or its resolved actor has a mention that does; the
object is right when the two objects overlap by at least half of the shorter one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimx  # noqa: E402
from claimx.schema import Article, Stance  # noqa: E402

Span = tuple[int, int]


def _overlap(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(preds: list[Any], gold: dict[str, Any], used: set[int]) -> int | None:
    """Index of the first unused prediction of the gold stance's type whose cue overlaps its cue."""
    cue = tuple(gold["cue"])
    return next(
        (
            i
            for i, p in enumerate(preds)
            if i not in used and p.stance == gold["stance"] and _overlap((p.cue.start, p.cue.end), cue) > 0
        ),
        None,
    )


def _holder_right(pred: Stance, gold: dict[str, Any], art: Article) -> bool:
    want = tuple(gold["actor"]) if gold.get("actor") else None
    if want is None:
        return pred.actor is None
    if pred.actor is None:
        return False
    if _overlap((pred.actor.start, pred.actor.end), want) > 0:
        return True
    actor = next((a for a in art.actors if a.id == pred.actor.actor), None)
    return actor is not None and any(_overlap((m.start, m.end), want) > 0 for m in actor.mentions)


def _object_right(pred: Stance, gold: dict[str, Any]) -> bool:
    want = tuple(gold["object"]) if gold.get("object") else None
    if want is None or pred.object is None:
        return want is None and pred.object is None
    got = (pred.object.start, pred.object.end)
    shorter = min(got[1] - got[0], want[1] - want[0])
    return shorter > 0 and _overlap(got, want) >= 0.5 * shorter


def score(records: list[dict[str, Any]], shared: Path, *, verbose: bool = False) -> dict[str, int]:
    t: defaultdict[str, int] = defaultdict(int)
    by_file: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        by_file[(rec["corpus"], rec["file"])].append(rec)
    for (corpus, name), recs in sorted(by_file.items()):
        with open(shared / "corpora" / corpus / name, encoding="utf-8", newline="") as fh:
            text = fh.read()
        art = claimx.extract(text, id=name)
        for rec in recs:
            preds = [s for s in art.stances if rec["start"] <= s.cue.start and s.cue.end <= rec["end"]]
            used: set[int] = set()
            for gold in rec["stances"]:
                hit = match(preds, gold, used)
                t["gold"] += 1
                if hit is None:
                    if verbose:
                        sentence, (cs, ce) = text[rec["start"] : rec["end"]], gold["cue"]
                        print(f"  MISS {gold['stance']} cue={text[cs:ce]!r} in {name}: {sentence!r}")
                    continue
                used.add(hit)
                p = preds[hit]
                t["tp"] += 1
                t["holder"] += _holder_right(p, gold, art)
                t["object"] += _object_right(p, gold)
                both = _holder_right(p, gold, art) and _object_right(p, gold)
                t["both"] += both
                if verbose and not both:
                    g_obj = text[gold["object"][0] : gold["object"][1]] if gold.get("object") else None
                    g_act = text[gold["actor"][0] : gold["actor"][1]] if gold.get("actor") else None
                    print(
                        f"  PART {p.stance} holder {p.actor.text if p.actor else None!r} (gold {g_act!r}) "
                        f"object {p.object.text if p.object else None!r} (gold {g_obj!r})"
                    )
            t["pred"] += len(preds)
            if verbose:
                for i, p in enumerate(preds):
                    if i not in used:
                        holder = p.actor.text if p.actor else None
                        obj = p.object.text if p.object else None
                        sentence = text[rec["start"] : rec["end"]]
                        print(
                            f"  EXTRA {p.stance} cue={p.cue.text!r} holder={holder!r} object={obj!r} in {name}: "
                            f"{sentence!r}"
                        )
    return dict(t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "benchmarks" / "data" / "stances_real.jsonl"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument(
        "--half", default="all", choices=["dev", "test", "fresh", "dev2", "fresh2", "fresh3", "fresh4", "all"]
    )
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    shared = Path(args.shared)
    if not (shared / "corpora").exists():
        print(f"{shared}/corpora not found: the corpora live in ../shared", file=sys.stderr)
        return 2
    halves = sorted({r["half"] for r in records}) if args.half == "all" else [args.half]
    for half in halves:
        part = [r for r in records if r["half"] == half]
        t = score(part, shared, verbose=args.verbose)
        p = t.get("tp", 0) / max(1, t.get("pred", 0))
        r = t.get("tp", 0) / max(1, t.get("gold", 0))
        m = max(1, t.get("tp", 0))
        print(
            f"[{half}] {len(part)} sentences, {t.get('gold', 0)} gold stances: precision {p:.3f} recall {r:.3f}"
            f" | of {t.get('tp', 0)} matched: holder right {t.get('holder', 0) / m:.1%},"
            f" object right {t.get('object', 0) / m:.1%}, both {t.get('both', 0) / m:.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
