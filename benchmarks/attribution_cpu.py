"""CPU time of the attribution stage alone (tagger spans given), over stories parsed once.

    python benchmarks/attribution_cpu.py prep ../shared/corpora/reuters --limit 200
    python benchmarks/attribution_cpu.py run [--passes 3] [--out attributions.json]

``prep`` parses and tags the first ``--limit`` .txt files of a folder (sorted by name) and
keeps the docs in a DocBin under ``--cache`` (default /tmp/claimx-attribution-cpu); ``run``
loads them, runs the actor component, and times ``find_attributions`` over every doc with
``time.process_time`` (user + system CPU of this process, so a busy shared machine moves it
less than wall time), once per pass, reloading the docs each time. It prints each pass and
the smallest; ``--out`` writes the attributions, to check that two versions agree. To time
another checkout, run it with that checkout on ``PYTHONPATH`` from outside both checkouts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import _attribution_cache


def prep(folder: Path, limit: int, cache: Path) -> None:
    files = sorted(folder.glob("*.txt"))[:limit]
    n = _attribution_cache.save((f.read_text(encoding="utf-8", errors="replace") for f in files), cache)
    print(f"{n} docs parsed and tagged into {cache}")


def one_pass(cache: Path) -> tuple[float, list[Any]]:
    from claimx.extractors.attributions import find_attributions

    loaded = _attribution_cache.load(cache)
    out = []
    start = time.process_time()
    for doc, tagged in loaded:
        atts = find_attributions(doc, tagged=[tuple(t) for t in tagged])
        out.append([a.model_dump(mode="json") for a in atts])
    return time.process_time() - start, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("prep", "run"))
    ap.add_argument("folder", nargs="?", type=Path, help="prep: a folder of .txt stories")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimx-attribution-cpu"))
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if args.step == "prep":
        if args.folder is None:
            ap.error("prep needs a folder")
        prep(args.folder, args.limit, args.cache)
        return 0
    times = []
    for _ in range(args.passes):
        spent, out = one_pass(args.cache)
        times.append(spent)
    if args.out is not None:
        args.out.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print("CPU s per pass: " + " ".join(f"{t:.2f}" for t in times) + f"; smallest {min(times):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
