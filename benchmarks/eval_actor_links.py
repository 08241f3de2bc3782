"""Check actor-link expectations on short stories written for this project.

    python benchmarks/eval_actor_links.py [tests/fixtures/actor_links_dev.jsonl ...] [--verbose]

Each story (one JSON line: ``id``, ``style``, ``half``, ``text``, ``same``, ``apart``) lists
pairs of mentions, each a string with an optional ``#n`` (its n-th whole-word occurrence in
the text, 1 by default). A ``same`` pair holds when one actor has a mention overlapping each
of the two; an ``apart`` pair holds when no actor does. ``actor_links_heldout.jsonl`` was
written before claimx was run on it and is not tuned on.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimx.schema import Article  # noqa: E402

DEFAULT = [ROOT / "tests" / "fixtures" / "actor_links_dev.jsonl"]


def locate(text: str, ref: str) -> tuple[int, int]:
    """Offsets of ``ref`` ("he#2": the second whole-word "he") in ``text``."""
    word, _, nth = ref.partition("#")
    hits = list(re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))
    n = int(nth) if nth else 1
    if len(hits) < n:
        raise ValueError(f"{ref!r}: only {len(hits)} occurrences")
    return hits[n - 1].start(), hits[n - 1].end()


def _actors_at(art: Article, span: tuple[int, int]) -> set[str]:
    return {a.id for a in art.actors for m in a.mentions if m.start < span[1] and span[0] < m.end}


def check_story(art: Article, story: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(relation, mention, mention, holds) for each expectation of ``story``."""
    out = []
    for relation in ("same", "apart"):
        for a, b in story.get(relation, []):
            shared = _actors_at(art, locate(story["text"], a)) & _actors_at(art, locate(story["text"], b))
            out.append((relation, a, b, bool(shared) == (relation == "same")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", default=[str(p) for p in DEFAULT])
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    import claimx

    for name in args.files:
        held = total = 0
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            story = json.loads(line)
            art = claimx.extract(story["text"], id=story["id"])
            for relation, a, b, ok in check_story(art, story):
                held += ok
                total += 1
                if args.verbose and not ok:
                    print(f"  FAIL {story['id']:18} {relation:5} {a!r} {b!r}")
        print(f"{Path(name).name}: {held} of {total} expectations hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
