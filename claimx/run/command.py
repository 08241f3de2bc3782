"""What ``claimx extract`` does, apart from option parsing: read, run, write, report."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TextIO

from claimx.errors import UsageError
from claimx.inputs import FOLDER_SUFFIXES, source
from claimx.outputs.formats import FORMATTERS, OutputFormat
from claimx.run import engine
from claimx.run import pool as batch
from claimx.schema import Article, ErrorRecord, Result


@dataclass
class Tally:
    articles: int = 0
    failures: int = 0
    claims: int = 0
    attributions: int = 0
    figures: int = 0
    stances: int = 0
    skipped: int = 0

    def add(self, line: batch.Line) -> None:
        if line.error:
            self.failures += 1
            return
        self.articles += 1
        c, a, f, s = line.counts
        self.claims += c
        self.attributions += a
        self.figures += f
        self.stances += s


def existing_ids(path: Path) -> set[str]:
    """Ids already written to a JSONL output (error records included: resuming reprocesses
    nothing; delete an error's line to retry it); a last line cut short by a kill is cut off
    so that appending continues a valid file."""
    ids: set[str] = set()
    if not path.exists():
        return ids
    good = 0
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                rec = json.loads(raw)
            except ValueError:
                break
            if isinstance(rec, dict) and "id" in rec:
                ids.add(str(rec["id"]))
            good += len(raw)
    if good < path.stat().st_size:
        with path.open("r+b") as fh:
            fh.truncate(good)
    return ids


def _parse(line: batch.Line) -> Result:
    if line.error:
        return ErrorRecord.model_validate_json(line.json)
    return Article.model_validate_json(line.json)


@contextmanager
def _atomic(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path`` and rename it over ``path`` at the end."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def estimate_total(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, for the progress bar's ETA (files in folders,
    lines of JSONL files); None when it cannot be told cheaply."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-":
            total += 1
        elif path.is_dir():
            total += sum(1 for p in path.rglob("*") if source.suffix(p) in FOLDER_SUFFIXES and p.is_file())
        elif source.suffix(name) == ".jsonl" and not source.is_gzip(name) and path.is_file():
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif path.is_file():
            total += 1
        else:
            return None
    return total


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    return Progress(
        TextColumn("[bold]claimx[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        redirect_stdout=False,
        redirect_stderr=False,
        transient=True,
        disable=not enabled,
    )


def extract_command(
    *,
    inputs: list[str],
    fmt: OutputFormat | None,
    output: str | None,
    model: str | None,
    workers: int | None,
    batch_size: int,
    resume: bool,
    force: bool,
    encoding: str | None,
    max_chars: int | None,
    from_list: str | None,
    quiet: bool,
    fast: bool = False,
    cluster: str | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``claimx extract``; returns the exit code (1 when any input failed)."""
    from claimx.nlp import pipeline

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    list_stream: TextIO | None = None
    if from_list is not None:
        if from_list != "-" and not Path(from_list).is_file():
            raise UsageError(f"--from-list {from_list}: no such file")
        list_stream = sys.stdin if from_list == "-" else Path(from_list).open(encoding="utf-8")  # noqa: SIM115
    if not inputs and list_stream is None:
        if sys.stdin.isatty():
            raise UsageError("no input: name files, folders or .jsonl files, or pipe text to -")
        inputs = ["-"]

    # fail on a missing model before reading anything
    pipeline.resolve_model_name(model)

    to_dir = output is not None and output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    out_path = Path(output) if output not in (None, "-") and not to_dir else None
    if out_path is not None and out_path.exists() and not (force or resume):
        raise UsageError(f"{out_path} exists: use --force to overwrite it or --resume to continue it")
    fmt, dest = engine.partitioned(output, fmt, to_dir=to_dir, to_file=out_path is not None, resume=resume)
    done, first_part = engine.parts_done(dest, resume=resume, force=force)
    run = engine.Run(cluster, encoding, max_chars, dest, first_part, None if quiet else stderr)
    items: Iterable[batch.Item] = run.read(inputs, list_stream)
    tally = Tally()
    if resume and out_path is not None:
        done = existing_ids(out_path)
    if done:

        def unseen(stream: Iterable[batch.Item]) -> Iterator[batch.Item]:
            for it in stream:
                if it.id in done:
                    tally.skipped += 1
                    continue
                yield it

        items = unseen(items)

    # the default format depends on where output goes and how many articles there are
    items_it = iter(items)
    head = list(islice(items_it, 2))
    items = chain(head, items_it)
    if fmt is None:
        if out_path is None and not to_dir and stdout.isatty():
            fmt = OutputFormat.table
        elif resume or len(head) > 1 or (out_path is not None and out_path.suffix == ".jsonl"):
            fmt = OutputFormat.jsonl
        else:
            fmt = OutputFormat.json
    if resume and fmt is not OutputFormat.jsonl:
        raise UsageError("--resume works with --format jsonl only")

    n_workers = workers or batch.default_workers()
    show = not quiet and stderr.isatty()
    started = time.perf_counter()
    lines = run.lines(items, model=model, workers=n_workers, batch_size=batch_size, learned=not fast)

    def counted(stream: Iterator[batch.Line]) -> Iterator[batch.Line]:
        with _progress(show) as progress:
            total = estimate_total(inputs) if show and list_stream is None else None
            if total is not None:
                total = max(0, total - len(done))
            task = progress.add_task("extract", total=total, rate="0.0")
            for line in stream:
                tally.add(line)
                for w in line.warnings:
                    stderr.write(f"claimx: {line.id}: {w}\n")
                if line.error:
                    err = json.loads(line.json)["error"]
                    stderr.write(f"claimx: {line.id}: {err['type']}: {err['message']}\n")
                elapsed = max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{(tally.articles + tally.failures) / elapsed:.1f}")
                yield line

    stream = counted(lines)
    if dest is not None:
        deque(stream, maxlen=0)  # the runner wrote the parts
    elif to_dir:
        assert output is not None
        _write_dir(stream, Path(output), force=force)
    elif fmt is OutputFormat.jsonl and out_path is not None:
        mode = "a" if resume else "w"
        with out_path.open(mode, encoding="utf-8") as fh:
            for line in stream:
                fh.write(line.json + "\n")
                fh.flush()
    elif fmt is OutputFormat.jsonl:
        for line in stream:
            stdout.write(line.json + "\n")
            stdout.flush()
    else:
        formatter = FORMATTERS[fmt]
        results = (_parse(line) for line in stream)
        if out_path is not None:
            with _atomic(out_path) as fh:
                formatter(results, fh, color=False)
        else:
            formatter(results, stdout, color=stdout.isatty())

    elapsed = time.perf_counter() - started
    if not quiet:
        skipped = f", {tally.skipped} skipped (already done)" if tally.skipped else ""
        stderr.write(
            f"claimx: {tally.articles} articles, {tally.claims} claims, {tally.attributions} "
            f"attributions, {tally.figures} figures, {tally.stances} stances, "
            f"{tally.failures} failures{skipped} in {elapsed:.1f}s\n"
        )
    return 1 if tally.failures else 0


def _write_dir(lines: Iterable[batch.Line], folder: Path, *, force: bool) -> None:
    """One ``<id>.json`` per article, mirroring the input paths."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    for line in lines:
        rel = line.id.replace("\\", "/").lstrip("/")
        target = (folder / f"{rel}.json").resolve()
        if root not in target.parents:  # an id like "../x" must not escape the folder
            target = folder / (rel.replace("/", "_").replace("..", "_") + ".json")
        if target.exists() and not force:
            raise UsageError(f"{target} exists: use --force to overwrite it")
        with _atomic(target) as fh:
            fh.write(json.dumps(json.loads(line.json), ensure_ascii=False, indent=2) + "\n")
