"""What a cluster task carries: files named by location (the worker reads them), or texts
the client had to read itself (stdin, JSONL records).

The client walks the inputs exactly as :func:`claimx.inputs.iter_inputs` does, with the same
ids and the same renaming of repeated ids, but does not open files other than JSONL: it sends
a :class:`Ref` (location, id, size) and the worker reads the file, so input bytes travel from
storage to the worker that parses them, not through the client.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from claimx.document import Document
from claimx.inputs import source
from claimx.inputs.reader import JSONL_SUFFIXES, _Reader, _specs, renamed, unique_ids
from claimx.schema import ErrorRecord


@dataclass(frozen=True)
class Ref:
    """A file that the worker reads: where it is, its id, about how many characters."""

    loc: str
    id: str
    size: int
    warnings: tuple[str, ...] = ()


Unit = Ref | Document | ErrorRecord


class _Planner(_Reader):
    """The reader's walk over files, folders, globs and URLs, with files left unread."""

    def file(self, path: Path | str, ident: str) -> Iterator[Unit]:  # type: ignore[override]
        if source.suffix(path) in JSONL_SUFFIXES:
            yield from super().file(path, ident)
            return
        yield Ref(str(path), ident, source.size(path))


def iter_units(
    inputs: Sequence[str],
    *,
    encoding: str | None = None,
    from_list: TextIO | None = None,
    stdin: BinaryIO | None = None,
    max_chars: int | None = None,
) -> Iterator[Unit]:
    """Like :func:`claimx.inputs.iter_inputs`, with files other than JSONL as :class:`Ref`."""
    planner = _Planner(encoding=encoding, stdin=stdin, max_chars=max_chars)
    units: Iterator[Unit] = planner.all(_specs(inputs, from_list))
    yield from unique_ids(units, _renamed)


def _renamed(unit: Unit, new: str) -> Unit:
    if isinstance(unit, Ref):
        return Ref(unit.loc, new, unit.size, (f"duplicate id {unit.id!r}: renamed {new!r}",))
    return renamed(unit, new)


def read_units(units: list[Unit], *, encoding: str | None, max_chars: int | None) -> list[Document | ErrorRecord]:
    """On the worker: the documents (or error records) a task's units stand for."""
    reader = _Reader(encoding=encoding, stdin=None, max_chars=max_chars)
    items: list[Document | ErrorRecord] = []
    for unit in units:
        if not isinstance(unit, Ref):
            items.append(unit)
            continue
        loc: Path | str = unit.loc if source.is_url(unit.loc) else Path(unit.loc)
        for item in reader.file(loc, unit.id):
            if isinstance(item, Document):
                item.warnings.extend(unit.warnings)
            items.append(item)
    return items
