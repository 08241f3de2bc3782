"""The hostile-input bar: twelve inputs a batch job may meet, made on the fly in one folder
(never stored), run through ``claimx extract`` in one process tree.

Checks: every input comes out as a record (an article or an error record), the exit code is 1
(some inputs fail), stdout holds nothing but JSONL records, and no traceback reaches stderr.
Reports the wall time and the peak RSS of the whole process tree (parent and workers,
sampled from /proc).

    python benchmarks/hostile.py [--workers 2] [--scale 1] [--keep DIR] [-- extra claimx options]

With the default batch size all twelve inputs fit in one batch, which runs in the parent
process; pass ``-- --batch-size 1`` to spread them over the workers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _measure import _tree_rss_kb

PARAGRAPH = (
    "GAZA, Oct. 8 (Xinhua) -- Egyptian mediators said on Monday that talks between Hamas and "
    "Israel would resume in Cairo next week, and that more than 1,200 people had been killed "
    "since the fighting began, according to the Gaza health ministry. "
)


def make_inputs(folder: Path, scale: float = 1.0) -> dict[str, list[str]]:
    """Write the twelve inputs; returns file name -> the ids of the records it should give. ``scale``
    shrinks the three big ones (2 MB story, 1 MB paragraph, 5 MB line) for a quicker run."""
    rng = random.Random(16)
    files: dict[str, bytes] = {
        # a 2 MB story: many paragraphs
        "story-2mb.txt": ("\n\n".join([PARAGRAPH * 3] * (int(scale * 2_000_000) // (3 * len(PARAGRAPH))))).encode(),
        # a 1 MB single paragraph: no line break at all
        "paragraph-1mb.txt": (PARAGRAPH * (int(scale * 1_000_000) // len(PARAGRAPH))).encode(),
        # random bytes
        "binary.txt": rng.randbytes(200_000),
        "empty.txt": b"",
        # UTF-8 with invalid bytes all through it
        "bad-utf8.txt": b"".join(PARAGRAPH.encode() + bytes([0xC3, 0x28, 0xFF]) for _ in range(200)),
        # JSON nested 100,000 deep
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        # a JSONL file with a good record, broken JSON, a non-object, a record without text
        "malformed.jsonl": b'{"id": "ok", "text": "The minister said the talks failed."}\n'
        b'{"id": "broken", "text": "unterminated\n'
        b"[1, 2, 3]\n"
        b'{"id": "notext", "body": 5}\n',
        # one JSONL line of 5 MB of words with no sentence end
        "huge-line.jsonl": json.dumps({"id": "huge", "text": "word " * int(scale * 1_000_000)}).encode() + b"\n",
        # NUL characters and control bytes in a text
        "nul.txt": (PARAGRAPH.replace("said", "sa\x00id") * 20).encode(),
        # an HTML page that is almost all script, nested 5,000 divs deep
        "page.html": b"<!DOCTYPE html><html><head><title>Talks</title><script>"
        + b"var x = 1;" * 50_000
        + b"</script></head><body>"
        + b"<div>" * 5_000
        + f"<p>{PARAGRAPH}</p>".encode()
        + b"</div>" * 5_000
        + b"</body></html>",
        # a lone surrogate, legal in JSON, not encodable as UTF-8
        "surrogate.jsonl": b'{"id": "lone", "text": "The minister said \\ud800 the talks failed."}\n',
        # a PDF named .txt
        "report.txt": b"%PDF-1.7\n" + rng.randbytes(50_000),
    }
    ids = {
        "malformed.jsonl": ["ok", "malformed:2", "malformed:3", "notext"],
        "huge-line.jsonl": ["huge"],
        "surrogate.jsonl": ["lone"],
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: ids.get(name, [Path(name).stem]) for name in files}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scale", type=float, default=1.0, help="shrink the big inputs (0.05: a 100 KB story)")
    ap.add_argument("--timeout", type=float, help="stop the run after this many seconds and report what it reached")
    ap.add_argument("--keep", type=Path, help="make the inputs in this folder and keep them")
    ap.add_argument("extra", nargs="*", help="more claimx extract options (after --)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = a.keep or Path(tmp) / "hostile"
        folder.mkdir(parents=True, exist_ok=True)
        expected = make_inputs(folder, a.scale)
        cmd = [sys.executable, "-m", "claimx.cli", "extract", str(folder), "--format", "jsonl"]
        cmd += ["--workers", str(a.workers), *a.extra]
        out, err = Path(tmp) / "out.jsonl", Path(tmp) / "err.txt"
        start = time.perf_counter()
        with out.open("wb") as so, err.open("wb") as se:
            # its own process group, so that a timeout stops the run and its workers, nothing else
            proc = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL, start_new_session=True)
            peak = 0
            while proc.poll() is None:
                peak = max(peak, _tree_rss_kb(proc.pid))
                if a.timeout and time.perf_counter() - start > a.timeout:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait()
                    print(f"stopped after {a.timeout:.0f}s: the figures below are what the run reached")
                    break
                time.sleep(0.5)
        elapsed = time.perf_counter() - start
        report(out, err.read_text(errors="replace"), expected, proc.returncode, elapsed, peak / 1024)


def report(out: Path, stderr: str, expected: dict[str, list[str]], code: int, elapsed: float, peak_mib: float) -> None:
    problems = []
    records = []
    for n, line in enumerate(out.read_bytes().splitlines(), 1):
        try:
            rec = json.loads(line)
        except ValueError:
            problems.append(f"stdout line {n} is not JSON: {line[:80]!r}")
            continue
        if not (isinstance(rec, dict) and "id" in rec and ("error" in rec or "sentences" in rec)):
            problems.append(f"stdout line {n} is not a claimx record")
        records.append(rec)
    got = [str(rec.get("id")) for rec in records]
    want = [i for name in sorted(expected) for i in expected[name]]  # a folder is read in name order
    if got != want:
        problems.append(f"record ids {got}, expected {want} (every input a record, in order)")
    if code != 1:
        problems.append(f"exit code {code}, expected 1")
    if "Traceback" in stderr:
        problems.append("a traceback on stderr")
    print(f"{len(expected)} inputs, {len(records)} records, exit {code}, {elapsed:.1f}s, peak RSS {peak_mib:,.0f} MiB")
    for rec in records:
        what = (
            f"error {rec['error']['type']}: {rec['error']['message'][:90]}"
            if "error" in rec
            else (
                f"article, {len(rec.get('text', '')):,} chars, {len(rec.get('sentences', []))} sentences, "
                f"{len(rec.get('attributions', []))} attributions"
            )
        )
        print(f"  {rec['id']}: {what}")
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("ok: every input a record, exit 1, stdout only data, no traceback")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
