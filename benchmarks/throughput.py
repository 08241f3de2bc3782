"""Throughput of claimx against a bare spaCy pipeline over the same corpora.

    python benchmarks/throughput.py [--shared ../shared] [--workers 1 2] [--memory] [--fast]
        [--no-speedups] [--cluster local:2 [--only-cluster]]

Both run as whole processes (model loading included) over ../shared/corpora/reuters and
../shared/corpora/bbc, with the same worker count. Prints articles/s, tokens/s, the ratio
claimx / bare, the speed-up of 2 workers over 1, and the peak RSS of each process tree.
With --memory, also runs claimx over a JSONL of the Reuters corpus repeated 10 times and
compares its peak RSS with one pass (streaming keeps memory flat). With --cluster ADDRESS,
also runs claimx on Dask (``local:N`` starts the cluster inside the measured process) and
prints its throughput against the local runner's at the same worker count.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))
from _measure import run

ROOT = Path(__file__).resolve().parents[1]


def count_tokens(folders: list[Path]) -> tuple[int, int]:
    tok = spacy.blank("en").tokenizer
    n_docs = n_tokens = 0
    for folder in folders:
        for p in sorted(folder.rglob("*.txt")):
            n_docs += 1
            n_tokens += len(tok(p.read_text(encoding="utf-8")))
    return n_docs, n_tokens


def compare_cluster(
    address: str, claimx: list[str], results: dict[int, dict[str, float]], tmp: Path, n_docs: int
) -> None:
    """claimx on Dask against the local runner with as many workers, whole processes."""
    w = int(address.partition(":")[2] or 2) if address.startswith("local") else max(results or [2])
    out_local, out_dask = tmp / "local.jsonl", tmp / "dask.jsonl"
    if w not in results:
        t_local, rss_local, _ = run([*claimx, "--workers", str(w), "-o", str(out_local), "--force"])
        results[w] = {"claimx": t_local}
        print(f"workers {w}: claimx {n_docs / t_local:6.1f} articles/s peak RSS {rss_local:6.0f} MiB")
    t_dask, rss_dask, _ = run([*claimx, "--cluster", address, "-o", str(out_dask), "--force"])
    lines = sum(1 for _ in out_dask.open(encoding="utf-8"))
    print(
        f"--cluster {address}: claimx {n_docs / t_dask:6.1f} articles/s peak RSS {rss_dask:6.0f} MiB "
        f"({lines} lines) | dask / local runner at {w} workers: {results[w]['claimx'] / t_dask:.2f}x"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--memory", action="store_true", help="also check memory over 10x the input")
    ap.add_argument("--fast", action="store_true", help="also run claimx --fast (attributions by rules alone)")
    ap.add_argument(
        "--no-speedups",
        action="store_true",
        help="also run claimx with CLAIMX_SPEEDUPS=0 (spaCy's attribute ruler untouched)",
    )
    ap.add_argument("--cluster", help="also run claimx --cluster ADDRESS (e.g. local:2)")
    ap.add_argument("--corpora", nargs="+", default=["reuters", "bbc"], help="which corpora (default both)")
    ap.add_argument("--only-cluster", action="store_true", help="with --cluster: only it and the local runner")
    a = ap.parse_args()
    folders = [Path(a.shared) / "corpora" / name for name in a.corpora]
    n_docs, n_tokens = count_tokens(folders)
    print(f"corpora: {n_docs} articles, {n_tokens} tokens ({' + '.join(a.corpora)})")
    py = sys.executable
    claimx = [py, "-m", "claimx", "extract", *map(str, folders), "--quiet", "--format", "jsonl"]
    results: dict[int, dict[str, float]] = {}
    # (label, extra options, environment, ratio label) of each extra claimx run
    variants: list[tuple[str, list[str], dict[str, str], str]] = []
    if a.no_speedups:
        variants.append(("claimx CLAIMX_SPEEDUPS=0", [], {"CLAIMX_SPEEDUPS": "0"}, "ratio"))
    if a.fast:
        variants.append(("claimx --fast", ["--fast"], {}, "ratio claimx --fast/bare"))
    with tempfile.TemporaryDirectory() as tmp:
        for w in [] if a.only_cluster else a.workers:
            out = Path(tmp) / f"out{w}.jsonl"
            t_bare, rss_bare, _ = run(
                [py, str(ROOT / "benchmarks" / "bare_pipe.py"), *map(str, folders), "--workers", str(w)]
            )
            t_cx, rss_cx, _ = run([*claimx, "--workers", str(w), "-o", str(out), "--force"])
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            results[w] = {"bare": t_bare, "claimx": t_cx}
            print(
                f"workers {w}: bare {n_docs / t_bare:6.1f} articles/s {n_tokens / t_bare:8.0f} tokens/s "
                f"peak RSS {rss_bare:6.0f} MiB | claimx {n_docs / t_cx:6.1f} articles/s "
                f"{n_tokens / t_cx:8.0f} tokens/s peak RSS {rss_cx:6.0f} MiB ({lines} lines) | "
                f"ratio claimx/bare {t_bare / t_cx:.2f}"
            )
            for label, flags, env, ratio in variants:
                t_var, rss_var, _ = run([*claimx, *flags, "--workers", str(w), "-o", str(out), "--force"], env=env)
                print(
                    f"workers {w}: {label} {n_docs / t_var:6.1f} articles/s {n_tokens / t_var:8.0f} tokens/s "
                    f"peak RSS {rss_var:6.0f} MiB | {ratio} {t_bare / t_var:.2f}"
                )
        if 1 in results and 2 in results:
            print(f"claimx 2 workers / 1 worker: {results[1]['claimx'] / results[2]['claimx']:.2f}x")
        if a.cluster:
            compare_cluster(a.cluster, claimx, results, Path(tmp), n_docs)
        if a.memory:
            one = Path(tmp) / "one.jsonl"
            ten = Path(tmp) / "ten.jsonl"
            recs = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(folders[0].glob("*.txt"))]
            with one.open("w") as f1, ten.open("w") as f10:
                for r in recs:
                    f1.write(json.dumps(r) + "\n")
                for k in range(10):
                    for r in recs:
                        f10.write(json.dumps({**r, "id": f"{r['id']}-{k}"}) + "\n")
            w = max(a.workers)
            _, rss1, _ = run(
                [
                    py,
                    "-m",
                    "claimx",
                    "extract",
                    str(one),
                    "--quiet",
                    "-o",
                    str(Path(tmp) / "o1.jsonl"),
                    "--workers",
                    str(w),
                ]
            )
            _, rss10, _ = run(
                [
                    py,
                    "-m",
                    "claimx",
                    "extract",
                    str(ten),
                    "--quiet",
                    "-o",
                    str(Path(tmp) / "o10.jsonl"),
                    "--workers",
                    str(w),
                ]
            )
            print(f"memory: 1x input peak RSS {rss1:.0f} MiB, 10x input {rss10:.0f} MiB, ratio {rss10 / rss1:.2f}")


if __name__ == "__main__":
    main()
