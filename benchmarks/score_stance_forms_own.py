"""Score claimx on tests/fixtures/stance_syntax_forms.jsonl: sentences written (before running
claimx on them) for the general syntax of stances — passives with and without an agent,
non-finite and adjectival clauses, a subject set off from its verb by a relative clause or an
apposition, reported modals of obligation and nominal stance heads — in several house styles,
positive and negative.

    python benchmarks/score_stance_forms_own.py [--part dev|aside|all] [--verbose] [--fixture FILE]

(--fixture tests/fixtures/stance_lexicon_forms.jsonl scores the sentences written for the lexicon
sweep's new stance words in the same way.)

A positive case is right when a stance of its type has a cue that overlaps the cue word; its
holder and object are right when they contain the expected words (an empty holder expects
none). A negative case is right when no stance has a cue on the word. The "aside" part is
kept back: it is scored, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimx  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "stance_syntax_forms.jsonl"


def load(part: str = "all", fixture: Path = FIXTURE) -> list[dict[str, Any]]:
    rows = [json.loads(x) for x in fixture.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if part == "all" or r["part"] == part]


def judge(row: dict[str, Any]) -> tuple[bool, bool, bool]:
    """(stance right, holder right, object right) for one case."""
    art = claimx.extract(row["text"], id="form")
    at = row["text"].find(row["cue"])
    on_cue = [s for s in art.stances if s.cue.start < at + len(row["cue"]) and at < s.cue.end]
    if row["stance"] is None:
        return not on_cue, True, True
    hit = next((s for s in on_cue if s.stance == row["stance"]), None)
    if hit is None:
        return False, False, False
    holder = hit.actor.text if hit.actor is not None else ""
    holder_ok = row["holder"].lower() in holder.lower() if row["holder"] else hit.actor is None
    obj_ok = hit.object is not None and row["object"].lower() in hit.object.text.lower()
    return True, holder_ok, obj_ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="all", choices=["dev", "aside", "all"])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--fixture", type=Path, default=FIXTURE, help="another fixture of the same form")
    args = ap.parse_args(argv)
    parts = ["dev", "aside"] if args.part == "all" else [args.part]
    for part in parts:
        rows = load(part, args.fixture)
        pos = [r for r in rows if r["stance"] is not None]
        got = {"stance": 0, "holder": 0, "object": 0, "neg": 0}
        for row in rows:
            ok, holder, obj = judge(row)
            if row["stance"] is None:
                got["neg"] += ok
            else:
                got["stance"] += ok
                got["holder"] += ok and holder
                got["object"] += ok and obj
            if args.verbose and not (ok and holder and obj):
                print(f"  WRONG [{row['form']}] {row['stance']} {row['cue']!r}: {row['text']!r}")
        neg = len(rows) - len(pos)
        print(
            f"[{part}] positives {got['stance']}/{len(pos)} found (holder {got['holder']}, object {got['object']}),"
            f" negatives {got['neg']}/{neg} left alone"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
