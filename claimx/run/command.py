"""What ``claimx extract`` does, apart from option parsing: read, run, write, report.

:func:`extract_command` takes an :class:`ExtractOptions` and goes step by step: check the
options and the output target, read the inputs (skipping what a resumed output holds), pick a
format, run the pool, write, and report on stderr."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TextIO

from claimx.errors import UsageError, plural
from claimx.inputs import FOLDER_SUFFIXES, source
from claimx.outputs.formats import FORMATTERS, OutputFormat
from claimx.run import engine
from claimx.run import pool as batch
from claimx.run.writes import atomic, folder_ids, resume_state, write_dir, write_jsonl
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


def _parse(line: batch.Line) -> Result:
    if line.error:
        return ErrorRecord.model_validate_json(line.json)
    return Article.model_validate_json(line.json)


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


@dataclass(frozen=True)
class ExtractOptions:
    """What the user asked of ``claimx extract`` (and ``render``), as parsed by the CLI."""

    inputs: tuple[str, ...] = ()
    fmt: OutputFormat | None = None
    output: str | None = None
    model: str | None = None
    workers: int | None = None
    batch_size: int = 16
    resume: bool = False
    force: bool = False
    encoding: str | None = None
    max_chars: int | None = None
    from_list: str | None = None
    quiet: bool = False
    fast: bool = False
    cluster: str | None = None  # a Dask scheduler address, "local" or "local:N"; None: the local pool


@dataclass
class _Target:
    """Where output goes: a file (``path``), a folder of ``.json`` files (``folder``), or
    stdout (neither)."""

    path: Path | None = None
    folder: Path | None = None
    done: set[str] = field(default_factory=set)
    fmt: OutputFormat | None = None  # as asked, or as a partitioned output implies
    dest: str | None = None  # a partitioned JSONL output (folder or URL), written batch by batch
    first_part: int = 0


def extract_command(options: ExtractOptions, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run ``claimx extract``; returns the exit code (1 when any input failed)."""
    from claimx.nlp import pipeline

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    _check_encoding(options.encoding)
    list_stream = _open_list(options.from_list)
    inputs = list(options.inputs)
    piped: bytes | None = None
    if not inputs and list_stream is None:
        piped = _piped_stdin()
        inputs = ["-"]

    # fail on a missing model before reading anything
    _check_model(pipeline.resolve_model_name(options.model))
    target = _target(options)
    tally = Tally()
    items = _read(options, inputs, list_stream, target, tally, stderr, piped)

    # the default format depends on where output goes and how many articles there are
    items_it = iter(items)
    head = list(islice(items_it, 2))
    fmt = _format(options, target, several=len(head) > 1, stdout=stdout)

    show = not options.quiet and stderr.isatty()
    started = time.perf_counter()
    run = engine.Run(
        options.cluster,
        options.encoding,
        options.max_chars,
        target.dest,
        target.first_part,
        None if options.quiet else stderr,
    )
    lines = run.lines(
        chain(head, items_it),
        model=options.model,
        workers=options.workers or batch.default_workers(),
        batch_size=options.batch_size,
        learned=not options.fast,
    )
    total = estimate_total(inputs) if show and list_stream is None else None
    if total is not None:
        total = max(0, total - len(target.done))
    _write(_reported(lines, tally, stderr, show=show, total=total, started=started), fmt, target, options, stdout)
    if not options.quiet:
        stderr.write(_summary(tally, time.perf_counter() - started))
    return 1 if tally.failures else 0


def _check_encoding(encoding: str | None) -> None:
    from claimx.errors import InputError
    from claimx.inputs import check_encoding

    if encoding is not None:
        try:
            check_encoding(encoding)
        except InputError as exc:
            raise UsageError(f"--encoding: {exc} (e.g. utf-8, cp1252, latin-1, utf-16)") from None


def _piped_stdin() -> bytes:
    """What is piped in when no input is named; a terminal, a closed stdin or an empty pipe
    (cron) is "no input", a usage error, never an empty article."""
    hint = "name files, folders or .jsonl files, or pipe text to -"
    stream = sys.stdin
    if stream is None or stream.closed:
        raise UsageError(f"no input (stdin is closed): {hint}")
    if stream.isatty():
        raise UsageError(f"no input: {hint}")
    try:
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    except (OSError, ValueError) as exc:
        raise UsageError(f"no input (cannot read stdin: {exc}): {hint}") from None
    if not data.strip():
        raise UsageError(f"no input (stdin is empty): {hint}")
    return data


def _check_model(name: str) -> None:
    """A named pipeline that is neither an installed package nor a folder: say what is installed."""
    import spacy.util

    from claimx.errors import ModelNotFound, missing_model_message

    if spacy.util.is_package(name) or Path(name).is_dir():
        return
    raise ModelNotFound(missing_model_message(name, sorted(spacy.util.get_installed_models())))


def _open_list(from_list: str | None) -> TextIO | None:
    if from_list is None:
        return None
    if from_list != "-" and not Path(from_list).is_file():
        raise UsageError(f"--from-list {from_list}: no such file")
    return sys.stdin if from_list == "-" else Path(from_list).open(encoding="utf-8")


def _target(options: ExtractOptions) -> _Target:
    output = options.output
    to_dir = output is not None and output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    out_path = Path(output) if output not in (None, "-") and not to_dir else None
    if out_path is not None and out_path.exists() and not (options.force or options.resume):
        raise UsageError(f"{out_path} exists: use --force to overwrite it or --resume to continue it")
    fmt, dest = engine.partitioned(
        output, options.fmt, to_dir=to_dir, to_file=out_path is not None, resume=options.resume
    )
    folder = Path(output) if to_dir and dest is None and output is not None else None
    if options.resume and folder is None and fmt not in (None, OutputFormat.jsonl):
        raise UsageError("--resume works with --format jsonl, or with -o DIR/ (one .json per article)")
    done, first_part = engine.parts_done(dest, resume=options.resume, force=options.force)
    if options.resume and folder is not None:
        done = folder_ids(folder)
    return _Target(path=out_path, folder=folder, done=done, fmt=fmt, dest=dest, first_part=first_part)


def _read(
    options: ExtractOptions,
    inputs: list[str],
    list_stream: TextIO | None,
    target: _Target,
    tally: Tally,
    stderr: TextIO,
    piped: bytes | None,
) -> Iterable[batch.Item]:
    from claimx import inputs as reader

    items: Iterable[batch.Item]
    if options.cluster is None:
        items = reader.iter_inputs(
            inputs,
            encoding=options.encoding,
            from_list=list_stream,
            max_chars=options.max_chars,
            stdin=io.BytesIO(piped) if piped is not None else None,
        )
    else:
        items = engine.Run(options.cluster, options.encoding, options.max_chars).read(inputs, list_stream)
    if options.resume and target.path is not None:
        resumed = resume_state(target.path)
        for note in resumed.notes:
            stderr.write(f"claimx: {note}\n")
        target.done = resumed.ids
    done = target.done
    if done:

        def unseen(stream: Iterable[batch.Item]) -> Iterator[batch.Item]:
            for it in stream:
                if it.id in done:
                    tally.skipped += 1
                    continue
                yield it

        items = unseen(items)
    return items


def _format(options: ExtractOptions, target: _Target, *, several: bool, stdout: TextIO) -> OutputFormat:
    fmt = target.fmt
    if fmt is None:
        if target.path is None and target.folder is None and stdout.isatty():
            fmt = OutputFormat.table
        elif options.resume or several or (target.path is not None and target.path.suffix == ".jsonl"):
            fmt = OutputFormat.jsonl
        else:
            fmt = OutputFormat.json
    if options.resume and target.folder is None and fmt is not OutputFormat.jsonl:
        raise UsageError("--resume works with --format jsonl, or with -o DIR/ (one .json per article)")
    return fmt


def _reported(
    lines: Iterator[batch.Line], tally: Tally, stderr: TextIO, *, show: bool, total: int | None, started: float
) -> Iterator[batch.Line]:
    """The lines, counted, with warnings and errors on stderr and a progress bar when shown."""
    with _progress(show) as progress:
        task = progress.add_task("extract", total=total, rate="0.0")
        for line in lines:
            tally.add(line)
            for w in line.warnings:
                stderr.write(f"claimx: {line.id}: {w}\n")
            if line.error:
                err = json.loads(line.json)["error"]
                stderr.write(f"claimx: {line.id}: {err['type']}: {err['message']}\n")
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, rate=f"{(tally.articles + tally.failures) / elapsed:.1f}")
            yield line


def _write(
    stream: Iterator[batch.Line], fmt: OutputFormat, target: _Target, options: ExtractOptions, stdout: TextIO
) -> None:
    if target.dest is not None:
        deque(stream, maxlen=0)  # the runner wrote the parts
    elif target.folder is not None:
        write_dir(stream, target.folder, force=options.force)
    elif fmt is OutputFormat.jsonl and target.path is not None:
        write_jsonl(stream, target.path, append=options.resume)
    elif fmt is OutputFormat.jsonl:
        for line in stream:
            stdout.write(line.json + "\n")
            stdout.flush()
    else:
        formatter = FORMATTERS[fmt]
        results = (_parse(line) for line in stream)
        if target.path is not None:
            with atomic(target.path) as fh:
                formatter(results, fh, color=False)
        else:
            formatter(results, stdout, color=stdout.isatty())


def _summary(tally: Tally, elapsed: float) -> str:
    skipped = f", {tally.skipped} skipped (already done)" if tally.skipped else ""
    counts = ", ".join(
        plural(n, word)
        for n, word in (
            (tally.articles, "article"),
            (tally.claims, "claim"),
            (tally.attributions, "attribution"),
            (tally.figures, "figure"),
            (tally.stances, "stance"),
            (tally.failures, "failure"),
        )
    )
    return f"claimx: {counts}{skipped} in {elapsed:.1f}s\n"
