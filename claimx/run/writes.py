"""Writing results safely: atomic files (a temporary file renamed over the target), one
``.json`` per article in a folder, and resuming a JSONL output."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claimx.errors import UsageError
from claimx.run import pool as batch


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


@contextmanager
def atomic(path: Path) -> Iterator[TextIO]:
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


def write_jsonl(lines: Iterable[batch.Line], path: Path, *, append: bool) -> None:
    """Each line as it comes, flushed: a kill leaves a valid file up to its last line."""
    with path.open("a" if append else "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line.json + "\n")
            fh.flush()


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
