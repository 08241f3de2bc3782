"""Score claimx's actors against hand-annotated actor links in 24 real stories.

    python benchmarks/eval_actors.py [--gold benchmarks/data/actors_real.jsonl] [--shared ../shared]
        [--half dev|dev2|test|all] [--verbose] [--breakdown]
    python benchmarks/eval_actors.py --data benchmarks/data/actors_dev2.jsonl --half dev2

The gold (benchmarks/data/ACTORS_GUIDELINES.md) gives, per story, each actor's kind and the
character spans of all its mentions, by offsets into ../shared/corpora (no corpus text is
stored). A predicted mention matches the gold mention it overlaps most (one to one).

- mentions: precision / recall of mention spans;
- links: pairwise coreference: a pair of mentions in one predicted actor is right when both
  match mentions of one gold actor (precision); a pair of gold mentions of one actor is
  found when both are matched by mentions of one predicted actor (recall);
- kind: share of matched mentions whose predicted actor has the gold actor's kind.

``--data`` (``--gold``) scores another gold file of the same format: actors_dev2.jsonl (half "dev2",
on branch annot5) is held out in session 9, scored only by the lead, its errors never shown.

--breakdown (dev half only, like --verbose: the test and dev2 halves' errors are never shown) sorts each
mention of a gold actor with more than one mention by its form (first-person pronoun, third-person
pronoun, name, acronym, description) and by what became of it: linked to another mention of its
actor, missed (no predicted mention), alone (predicted, linked to none of its actor's mentions)
or wrong (linked only to other actors' mentions).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimx  # noqa: E402

Span = tuple[int, int]


def _match(pred: list[Span], gold: list[Span]) -> dict[Span, Span]:
    """Predicted span -> gold span, one to one, largest overlap first."""
    pairs = []
    for p in pred:
        for g in gold:
            ov = min(p[1], g[1]) - max(p[0], g[0])
            if ov > 0:
                pairs.append((ov, p, g))
    out: dict[Span, Span] = {}
    used: set[Span] = set()
    for _, p, g in sorted(pairs, reverse=True):
        if p not in out and g not in used:
            out[p] = g
            used.add(g)
    return out


def _pairs(groups: dict[str, list[Span]]) -> set[frozenset[Span]]:
    return {frozenset(pair) for spans in groups.values() for pair in combinations(spans, 2)}


_FIRST = frozenset(["i", "me", "my", "myself", "mine", "we", "us", "our", "ours", "ourselves"])
_THIRD = frozenset(
    [
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
    ]
)


def form_of(surface: str) -> str:
    """The form of a mention: pron1, pron3, acronym, name or description."""
    low = surface.lower()
    if low in _FIRST:
        return "pron1"
    if low in _THIRD:
        return "pron3"
    words = surface.replace("\n", " ").split()
    core = [w for w in words if w.lower() not in ("the", "a", "an")]
    if core and len(core) == 1 and core[0].strip(".'s").isupper() and len(core[0]) <= 6:
        return "acronym"
    if core and all(w[:1].isupper() or not w[:1].isalpha() for w in core):
        return "name"
    return "description"


def _outcomes(
    gold_actor: dict[Span, str], pred_actor: dict[Span, str], inverse: dict[Span, Span]
) -> list[tuple[Span, str]]:
    """(gold mention, outcome) for each mention of a gold actor with more than one mention."""
    members: dict[str, list[Span]] = defaultdict(list)
    for g, aid in gold_actor.items():
        members[aid].append(g)
    out = []
    for g, aid in gold_actor.items():
        if len(members[aid]) < 2:
            continue
        if g not in inverse:
            out.append((g, "missed"))
            continue
        pid = pred_actor[inverse[g]]
        same = [o for o in members[aid] if o != g and o in inverse and pred_actor[inverse[o]] == pid]
        others = [p for p, a in pred_actor.items() if a == pid and p != inverse[g]]
        if same:
            out.append((g, "linked"))
        elif others:
            out.append((g, "wrong"))
        else:
            out.append((g, "alone"))
    return out


def score_story(
    text: str, story: dict[str, Any], *, verbose: bool = False, breakdown: dict[str, int] | None = None
) -> dict[str, int]:
    article = claimx.extract(text, id=story["file"])
    pred_actor: dict[Span, str] = {}
    pred_kind: dict[str, str] = {}
    for actor in article.actors:
        pred_kind[actor.id] = str(actor.kind.value if hasattr(actor.kind, "value") else actor.kind)
        for m in actor.mentions:
            pred_actor[(m.start, m.end)] = actor.id
    gold_actor: dict[Span, str] = {}
    gold_kind: dict[str, str] = {}
    for actor in story["actors"]:
        gold_kind[actor["id"]] = actor["kind"]
        for s, e in actor["mentions"]:
            gold_actor[(s, e)] = actor["id"]
    match = _match(sorted(pred_actor), sorted(gold_actor))
    by_pred: dict[str, list[Span]] = defaultdict(list)
    for span, aid in pred_actor.items():
        by_pred[aid].append(span)
    by_gold: dict[str, list[Span]] = defaultdict(list)
    for span, aid in gold_actor.items():
        by_gold[aid].append(span)
    pred_pairs = _pairs(by_pred)
    gold_pairs = _pairs(by_gold)
    inverse = {g: p for p, g in match.items()}
    link_ok = sum(
        1 for pair in pred_pairs if all(p in match for p in pair) and len({gold_actor[match[p]] for p in pair}) == 1
    )
    link_found = sum(
        1 for pair in gold_pairs if all(g in inverse for g in pair) and len({pred_actor[inverse[g]] for g in pair}) == 1
    )
    kind_ok = sum(1 for p, g in match.items() if pred_kind[pred_actor[p]] == gold_kind[gold_actor[g]])
    if breakdown is not None:
        for g, outcome in _outcomes(gold_actor, pred_actor, inverse):
            form = form_of(text[g[0] : g[1]])
            breakdown[f"{form} {outcome}"] += 1
            if verbose and outcome != "linked":
                print(f"  {outcome.upper():7} {form:11} {text[g[0] : g[1]]!r} ({story['file']})")
    if verbose:
        for g, aid in sorted(gold_actor.items()):
            if g not in inverse:
                print(f"  MISS {gold_kind[aid]:12} {text[g[0] : g[1]]!r} ({story['file']})")
        for p, aid in sorted(pred_actor.items()):
            if p not in match:
                print(f"  EXTRA {pred_kind[aid]:12} {text[p[0] : p[1]]!r} ({story['file']})")
            elif pred_kind[aid] != gold_kind[gold_actor[match[p]]]:
                print(f"  KIND {text[p[0] : p[1]]!r}: {pred_kind[aid]} for {gold_kind[gold_actor[match[p]]]}")
    return {
        "pred": len(pred_actor),
        "gold": len(gold_actor),
        "matched": len(match),
        "pred_pairs": len(pred_pairs),
        "gold_pairs": len(gold_pairs),
        "link_ok": link_ok,
        "link_found": link_found,
        "kind_ok": kind_ok,
    }


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(label: str, t: dict[str, int]) -> None:
    mp, mr = t["matched"] / max(1, t["pred"]), t["matched"] / max(1, t["gold"])
    lp, lr = t["link_ok"] / max(1, t["pred_pairs"]), t["link_found"] / max(1, t["gold_pairs"])
    print(
        f"[{label}] mentions P {100 * mp:.1f} R {100 * mr:.1f} F1 {100 * _f(mp, mr):.1f} | "
        f"links P {100 * lp:.1f} R {100 * lr:.1f} F1 {100 * _f(lp, lr):.1f} | "
        f"kind right {100 * t['kind_ok'] / max(1, t['matched']):.1f}% of {t['matched']} matched mentions"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", "--data", default=str(ROOT / "benchmarks" / "data" / "actors_real.jsonl"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--half", default="all", choices=["dev", "dev2", "test", "all"])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--breakdown", action="store_true")
    args = ap.parse_args(argv)
    if (args.verbose or args.breakdown) and args.half != "dev":
        print("--verbose and --breakdown show errors: the dev half only (--half dev)", file=sys.stderr)
        return 2
    breakdown: dict[str, int] | None = defaultdict(int) if args.breakdown else None
    stories = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for story in stories:
        if args.half != "all" and story["half"] != args.half:
            continue
        path = Path(args.shared) / "corpora" / story["corpus"] / story["file"]
        if not path.exists():
            print(f"{path} not found: the corpora live in ../shared", file=sys.stderr)
            return 2
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        for key, value in score_story(text, story, verbose=args.verbose, breakdown=breakdown).items():
            totals[story["half"]][key] += value
    for half in sorted(totals):
        report(half, totals[half])
    if breakdown:
        _print_breakdown(breakdown)
    return 0


def _print_breakdown(breakdown: dict[str, int]) -> None:
    outcomes = ["linked", "missed", "alone", "wrong"]
    print(f"{'form':12}" + "".join(f"{o:>8}" for o in outcomes))
    for form in ["pron1", "pron3", "name", "acronym", "description"]:
        print(f"{form:12}" + "".join(f"{breakdown.get(f'{form} {o}', 0):>8}" for o in outcomes))


if __name__ == "__main__":
    sys.exit(main())
