"""Wall time of `claimx --help` and of `claimx extract` on one article, as a user runs them.

python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _measure import run

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    exe = str(Path(sys.executable).parent / "claimx")
    sample = str(ROOT / "samples" / "xinhua-grain-talks.txt")
    for label, cmd in [
        ("claimx --help", [exe, "--help"]),
        ("claimx extract samples/xinhua-grain-talks.txt", [exe, "extract", sample, "--format", "json"]),
    ]:
        times = [run(cmd, interval=0.05)[0] for _ in range(a.runs)]
        print(
            f"{label}: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f}, {a.runs} runs)"
        )


if __name__ == "__main__":
    main()
