"""Writing results safely: atomic files (a temporary file renamed over the target), one
``.json`` per article in a folder, and resuming a JSONL output."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from claimx.errors import UsageError
from claimx.run import pool as batch


@dataclass
class Resumed:
    """What a JSONL output already holds: the ids to skip, and what the user must be told."""

    ids: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


def _is_record(value: object) -> bool:
    """A claimx article or error record, as a JSON object."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("id"), str)
        and (isinstance(value.get("error"), dict) or ("text" in value and "sentences" in value))
    )


def resume_state(path: Path) -> Resumed:
    """The ids already in a claimx JSONL output, so that ``--resume`` skips them and appends.

    Nothing that parses is ever dropped. A file that holds no claimx record at all (a
    pretty-printed ``.json``, a CSV, another tool's JSONL) is refused with a
    :class:`UsageError`, untouched. A complete line that is not a claimx record (a corrupt
    line in the middle) is kept and reported; its article is done again. Only a last line
    cut short (no newline) that does not parse is cut off, and that is reported too. Error
    records count as done: delete an error's line to retry it."""
    state = Resumed()
    if not path.exists():
        return state
    if not path.is_file():
        raise UsageError(f"--resume: {path} is not a file")
    size = path.stat().st_size
    keep = 0  # bytes of the file that stay
    records = bad = 0
    cut: tuple[int, int] | None = None  # (line number, bytes) of a last line cut short
    last_raw = b""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                value = json.loads(raw)
            except ValueError:  # not JSON, or not UTF-8
                value = None
            if _is_record(value):
                records += 1
                state.ids.add(value["id"])
            elif not raw.endswith(b"\n"):
                cut, last_raw = (n, len(raw)), raw
                break
            elif raw.strip():
                bad += 1
                if bad <= 5:
                    state.notes.append(f"{path}, line {n}: not a claimx record (kept; its article is done again)")
            keep += len(raw)
    partial_record = cut is not None and last_raw.startswith(b'{"id":')
    if not records and (bad or (cut is not None and not partial_record)):
        raise UsageError(
            f"--resume: {path} is not a claimx JSONL output (no line is an article or error record); "
            "it was left untouched: name another -o file, or use --force instead of --resume to overwrite it"
        )
    if bad > 5:
        state.notes.append(f"{path}: {bad} lines in all are not claimx records (kept)")
    if cut is not None:
        with path.open("r+b") as fh:
            fh.truncate(keep)
        state.notes.append(
            f"{path}, line {cut[0]}: the last line was cut short ({cut[1]:,} bytes, an interrupted write): "
            "dropped, its article is done again"
        )
    elif keep and keep == size:
        with path.open("rb") as fh:
            fh.seek(keep - 1)
            last = fh.read(1)
        if last != b"\n":  # a whole record without its newline: end the line before appending
            with path.open("ab") as fh:
                fh.write(b"\n")
    return state


def existing_ids(path: Path) -> set[str]:
    """The ids :func:`resume_state` finds (which may cut off a last line cut short)."""
    return resume_state(path).ids


@contextmanager
def atomic(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path`` and rename it over ``path`` at the end.

    The temporary file is created with mode 0666 less the umask, as ``open()`` would create
    ``path`` (0644 under umask 022), not mkstemp's private 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {path}")


def write_jsonl(lines: Iterable[batch.Line], path: Path, *, append: bool) -> None:
    """Each line as it comes, flushed: a kill leaves a valid file up to its last line."""
    with path.open("a" if append else "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line.json + "\n")
            fh.flush()


def folder_ids(folder: Path) -> set[str]:
    """The ids of the ``.json`` files a folder output already holds (each written whole, by
    rename), so that ``--resume`` skips them. A ``.json`` file that is not a claimx record
    is no article of this output: it is left alone, and its article (if any) done again."""
    ids: set[str] = set()
    if not folder.is_dir():
        return ids
    for path in folder.rglob("*.json"):
        try:
            value = json.loads(path.read_bytes())
        except ValueError:
            continue
        if _is_record(value):
            ids.add(value["id"])
    return ids


def write_dir(lines: Iterable[batch.Line], folder: Path, *, force: bool) -> None:
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
        with atomic(target) as fh:
            fh.write(json.dumps(json.loads(line.json), ensure_ascii=False, indent=2) + "\n")
