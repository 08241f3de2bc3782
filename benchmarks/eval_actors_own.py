"""Score claimx's actor links on hand-written, hand-annotated stories (benchmarks/data/actors_own.txt).

    python benchmarks/eval_actors_own.py [--gold FILE] [--half dev|aside|all] [--verbose] [--breakdown]
    python benchmarks/eval_actors_own.py --gold benchmarks/data/actors_own2.txt --half dev

actors_own2.txt is a second batch of nine stories written in session 9 (court, earnings, sport,
Xinhua, a press release, labour, AFP, a UK paper, BBC; six dev, three aside), scored the same way.

The stories were written for issue 17 in several house styles (Reuters, AP, AFP, BBC, a UK
broadsheet, Xinhua, a press release), each with traps (two people sharing a surname, a pronoun
whose nearest name is the wrong gender, an organisation in a source's apposition, "the company"
after several companies, one anonymous source described in different words). The links were
annotated by the ACTORS_GUIDELINES.md rules before claimx was run on them. Markup:
``[mention|ID]`` marks a mention of actor ID; ``# ID kind`` declares an actor;
``=== name half style`` opens a story. Stories of the ``aside`` half were kept aside and scored
only before and after the work. Scoring is eval_actors.py's (mentions, pairwise links, kind).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_actors import _print_breakdown, report, score_story  # noqa: E402

_MENTION = re.compile(r"\[([^\[\]|]+)\|(\w+)\]")
_DECL = re.compile(r"^# (\w+) (\w+)$")


def parse(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(half, text, story) for each story: the text without markup, the mentions as offsets."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n=== ")[1:]:
        header, _, body = block.partition("\n")
        name, half, _style = header.split()
        kinds: dict[str, str] = {}
        lines = []
        for line in body.splitlines():
            decl = _DECL.match(line)
            if decl:
                kinds[decl.group(1)] = decl.group(2)
            elif not line.startswith("#"):
                lines.append(line)
        marked = "\n".join(lines).strip() + "\n"
        text, mentions, pos = [], defaultdict(list), 0
        length = 0
        for m in _MENTION.finditer(marked):
            text.append(marked[pos : m.start()])
            length += m.start() - pos
            mentions[m.group(2)].append([length, length + len(m.group(1))])
            text.append(m.group(1))
            length += len(m.group(1))
            pos = m.end()
        text.append(marked[pos:])
        missing = set(mentions) - set(kinds)
        if missing:
            raise ValueError(f"{name}: undeclared actors {sorted(missing)}")
        actors = [{"id": aid, "kind": kinds[aid], "mentions": spans} for aid, spans in mentions.items()]
        out.append((half, "".join(text), {"file": name, "actors": actors}))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "benchmarks" / "data" / "actors_own.txt"))
    ap.add_argument("--half", default="all", choices=["dev", "aside", "all"])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--breakdown", action="store_true")
    args = ap.parse_args(argv)
    breakdown: dict[str, int] | None = defaultdict(int) if args.breakdown else None
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for half, text, story in parse(Path(args.gold)):
        if args.half != "all" and half != args.half:
            continue
        for key, value in score_story(text, story, verbose=args.verbose, breakdown=breakdown).items():
            totals[half][key] += value
    for half in sorted(totals):
        report(half, totals[half])
    if breakdown:
        _print_breakdown(breakdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
