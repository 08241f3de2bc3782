"""Partitioned JSONL output: ``DIR/part-00000.jsonl``, ... one file per batch, in a local
folder or under an fsspec URL ending in ``/``.

A part is written to a hidden temporary name beside it and renamed when complete, so a crash
never leaves a half file that looks finished; resuming reads the ids of the finished parts,
removes stale temporary files and numbers new parts after the last one.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimx.errors import UsageError
from claimx.inputs import source
from claimx.run.pool import Line

PART = re.compile(r"\Apart-(\d{5,})\.jsonl\Z")
_TEMP = re.compile(r"\A\.part-\d{5,}\.jsonl\.[0-9a-f]+\.tmp\Z")


def part_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def _join(dest: str, name: str) -> str:
    return dest.rstrip("/" + os.sep) + "/" + name


def _listing(dest: str) -> list[str]:
    """The names of the files directly in ``dest`` (none when it does not exist yet)."""
    if source.is_url(dest):
        fs = source.filesystem(dest)
        if not fs.exists(dest):
            return []
        return [str(p).rstrip("/").rsplit("/", 1)[-1] for p in fs.ls(dest, detail=False)]
    folder = Path(dest)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def scan(dest: str) -> tuple[set[str], int]:
    """The ids in ``dest``'s finished parts and the index of the next part; stale temporary
    files of parts that never finished are removed."""
    ids: set[str] = set()
    last = -1
    for name in _listing(dest):
        if _TEMP.match(name):
            _remove(_join(dest, name))
            continue
        m = PART.match(name)
        if not m:
            continue
        last = max(last, int(m.group(1)))
        with source.open_binary(_join(dest, name)) as fh:
            for raw in fh:
                if raw.strip():
                    ids.add(str(json.loads(raw)["id"]))
    return ids, last + 1


def prepare(dest: str, *, resume: bool, force: bool) -> tuple[set[str], int]:
    """Ids already written and the next part's index: what ``--resume`` continues; without it
    existing parts are an error, or removed with ``--force``."""
    if resume:
        return scan(dest)
    names = [n for n in _listing(dest) if PART.match(n) or _TEMP.match(n)]
    if names and not force:
        raise UsageError(f"{dest} holds parts already: use --force to replace them or --resume to continue")
    for name in names:
        _remove(_join(dest, name))
    return set(), 0


def _remove(path: str) -> None:
    if source.is_url(path):
        source.filesystem(path).rm(path)
    else:
        Path(path).unlink(missing_ok=True)


def write_part(dest: str, index: int, lines: Iterable[str]) -> str:
    """Write one part (JSON lines) to a temporary name, then rename it; returns its path."""
    final = _join(dest, part_name(index))
    tmp = _join(dest, f".{part_name(index)}.{uuid.uuid4().hex}.tmp")
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if source.is_url(dest):
        fs: Any = source.filesystem(dest)
        fs.makedirs(dest, exist_ok=True)
        with fs.open(tmp, "wb") as fh:
            fh.write(data)
        fs.mv(tmp, final)
        return final
    Path(dest).mkdir(parents=True, exist_ok=True)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return final


def light(lines: list[Line]) -> list[Line]:
    """Lines as the client needs them once their JSON is written: counts, and the JSON of
    errors only (their message is reported)."""
    return [line if line.error else line._replace(json="") for line in lines]


def written(runs: Iterator[list[Line]], dest: str, first: int) -> Iterator[list[Line]]:
    """Write each batch's lines as the next part (in this process: the local runner)."""
    for n, lines in enumerate(runs):
        write_part(dest, first + n, (line.json for line in lines))
        yield light(lines)
