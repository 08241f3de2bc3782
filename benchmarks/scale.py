"""Scale and memory on a Dask cluster: many stories through ``--cluster local:2`` with
partitioned output, and a folder of hostile inputs through both runners.

    python benchmarks/scale.py [--n 20000] [--cluster local:2] [--shared ../shared]
    python benchmarks/scale.py --hostile [--workers 2]

The stories are drawn from the Reuters and BBC corpora and written with new ids to a
temporary folder as gzipped JSONL shards for the run, deleted after it (never stored in the
repo). The run is measured at N/10 and at N: throughput, the peak RSS of the client and of
each worker process, and a check that every id is in the output exactly once. The N/10 run
is a seeded random sample of the two corpora and the N run is that sample ten times over, so
the two see the same texts and differ only in how many there are: peak memory depends on
which stories a worker meets (the longest ones most), and a first N/10 that held only the
short Reuters stories would make memory look as if it grew with the count.

``--hostile`` builds 12 hostile inputs (a 2 MB story, a 1 MB single paragraph, binary, empty,
NULs, bad UTF-8, HTML, UTF-16, a 500,000-character word, bad JSON, ...) and prints each
runner's peak RSS (the whole process tree) and exit code, and checks every input is a record.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _status(pid: int) -> tuple[int, int] | None:
    """(ppid, VmHWM in kB: the peak RSS so far) of a live process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    ppid = int(stat.rsplit(")", 1)[1].split()[1])
    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return ppid, hwm


def measure(cmd: list[str]) -> tuple[float, int, dict[int, tuple[int, int]], float]:
    """Run ``cmd``: (seconds, exit code, {pid: (depth, peak RSS kB)} over its process tree,
    peak of the whole tree's summed RSS in MiB)."""
    start = time.perf_counter()
    errors = tempfile.TemporaryFile()  # noqa: SIM115  (a pipe read only at the end could fill up)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
    peaks: dict[int, tuple[int, int]] = {}
    tree_peak = 0
    while proc.poll() is None:
        table = {int(p.name): s for p in Path("/proc").iterdir() if p.name.isdigit() and (s := _status(int(p.name)))}
        depth = {proc.pid: 0}
        changed = True
        while changed:
            changed = False
            for pid, (ppid, _) in table.items():
                if pid not in depth and ppid in depth:
                    depth[pid] = depth[ppid] + 1
                    changed = True
        now = 0
        for pid, d in depth.items():
            if pid in table:
                hwm = table[pid][1]
                peaks[pid] = (d, max(hwm, peaks.get(pid, (d, 0))[1]))
                now += _rss(pid)
        tree_peak = max(tree_peak, now)
        time.sleep(0.25)
    errors.seek(0)
    err = errors.read().decode(errors="replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return time.perf_counter() - start, proc.returncode, peaks, tree_peak / 1024


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def stories(shared: Path) -> list[str]:
    return [
        p.read_text(encoding="utf-8")
        for corpus in ("reuters", "bbc")
        for p in sorted((shared / "corpora" / corpus).glob("*.txt"))
    ]


def sample(texts: list[str], n: int, seed: int = 0) -> list[str]:
    """``n`` of ``texts`` in a seeded random order (each at most once while ``n`` allows)."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    return [texts[order[k % len(order)]] for k in range(n)]


def write_shards(texts: list[str], n: int, folder: Path, per_shard: int = 1000) -> list[str]:
    """``n`` records with new ids in gzipped JSONL shards; returns the ids."""
    ids = []
    for shard in range(0, n, per_shard):
        with gzip.open(folder / f"wire-{shard // per_shard:04d}.jsonl.gz", "wt", encoding="utf-8") as fh:
            for k in range(shard, min(n, shard + per_shard)):
                ident = f"story-{k:06d}"
                ids.append(ident)
                fh.write(json.dumps({"id": ident, "text": texts[k % len(texts)]}) + "\n")
    return ids


def scale(n: int, cluster: str, shared: Path) -> None:
    base = sample(stories(shared), max(1, n // 10))
    for size in (len(base), n):
        with tempfile.TemporaryDirectory() as tmp:
            inputs, out = Path(tmp) / "wire", Path(tmp) / "claims"
            inputs.mkdir()
            ids = write_shards(base, size, inputs)
            cmd = [sys.executable, "-m", "claimx", "extract", str(inputs), "--cluster", cluster, "--format", "jsonl"]
            secs, code, peaks, tree = measure([*cmd, "-o", f"{out}/", "--quiet"])
            got = [json.loads(line)["id"] for p in sorted(out.glob("part-*.jsonl")) for line in p.open()]
            once = len(got) == len(set(got)) and sorted(got) == ids
            client = peaks[min(peaks, key=lambda pid: peaks[pid][0])][1] / 1024
            # a LocalCluster's nannies live in the client; its workers are the client's big children
            workers = sorted((kb / 1024 for d, kb in peaks.values() if d >= 1 and kb > 200 * 1024), reverse=True)
            others = sum(kb for d, kb in peaks.values() if d >= 1 and kb <= 200 * 1024) / 1024
            print(
                f"{size} stories, {cluster}: {secs:.0f} s, {size / secs:.1f} articles/s, exit {code}, "
                f"{len(list(out.glob('part-*.jsonl')))} parts; peak RSS client {client:.0f} MiB, "
                f"workers {', '.join(f'{w:.0f}' for w in workers)} MiB, helpers {others:.0f} MiB, "
                f"whole tree {tree:.0f} MiB; every id exactly once: {once}"
            )


def hostile_folder(folder: Path, shared: Path) -> None:
    """12 inputs that stress memory and decoding."""
    texts = stories(shared)[:812]
    big: list[str] = []
    k = 0
    while sum(map(len, big)) < 2_000_000:
        big.append(texts[k % len(texts)])
        k += 1
    (folder / "huge-story.txt").write_text("\n\n".join(big)[:2_000_000], encoding="utf-8")
    sentences = " ".join(t.replace("\n", " ") for t in texts)
    (folder / "one-paragraph.txt").write_text(sentences[:1_000_000], encoding="utf-8")
    (folder / "one-word.txt").write_text("x" * 500_000, encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(20_000))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nuls.txt").write_text(texts[0].replace(" ", "\x00", 40), encoding="utf-8")
    (folder / "bad-utf8.txt").write_bytes(texts[1].encode() + b"\xff\xfe\xfa" * 3000)
    (folder / "page.html").write_text(
        "<html><head><title>T</title><script>"
        + "x" * 100_000
        + "</script></head><body><p>"
        + "</p><p>".join(texts[2:40])
        + "</p></body></html>",
        encoding="utf-8",
    )
    (folder / "wide.txt").write_bytes(texts[3].encode("utf-16"))
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": texts[4]}) + "\n{not json\n", encoding="utf-8"
    )
    (folder / "control.txt").write_bytes(bytes(range(1, 32)) * 1000)


def hostile(workers: int, shared: Path, runners: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hostile"
        folder.mkdir()
        hostile_folder(folder, shared)
        base = [sys.executable, "-m", "claimx", "extract", str(folder), "--format", "jsonl", "--quiet", "--force"]
        for label, flags in (
            (f"local runner --workers {workers}", ["--workers", str(workers)]),
            (f"dask --cluster local:{workers}", ["--cluster", f"local:{workers}"]),
        ):
            if runners != "both" and not label.startswith(runners):
                continue
            out = Path(tmp) / "out.jsonl"
            secs, code, peaks, tree = measure([*base, *flags, "-o", str(out)])
            recs = [json.loads(line) for line in out.open(encoding="utf-8")]
            biggest = max(kb for _, kb in peaks.values()) / 1024
            print(
                f"hostile folder, {label}: {secs:.0f} s, exit {code}, {len(recs)} records "
                f"({sum('error' in r for r in recs)} errors); peak RSS of the process tree {tree:.0f} MiB, "
                f"largest process {biggest:.0f} MiB"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--cluster", default="local:2")
    ap.add_argument("--hostile", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runners", choices=("both", "local", "dask"), default="both", help="with --hostile")
    a = ap.parse_args()
    if a.hostile:
        hostile(a.workers, Path(a.shared), a.runners)
    else:
        scale(a.n, a.cluster, Path(a.shared))


if __name__ == "__main__":
    main()
