"""Reading inputs: files, folders, globs, JSONL/JSON records and stdin, as :class:`Document`s.

:func:`iter_inputs` turns what the user named into a lazy stream of documents, in input order.
It never raises for a bad input: an input that cannot become a document (missing, binary,
undecodable, malformed record, too large) comes out as an :class:`ErrorRecord` in its place,
and the stream goes on.

Ids follow the output contract: a record's ``id``; for a file, its path relative to the folder
given, without suffix, using ``/``; just the stem for a file named directly (or matched by a
glob). A record without an id gets ``"<file id>:<line>"``. Ids are unique over a whole run:
a repeated id gets ``#2``, ``#3``, ... appended, with a warning on the document.

Text is kept exactly as decoded (offsets later refer to it): a UTF-8 BOM is dropped, NUL
characters are kept (with a warning), nothing else changes. HTML is the exception: its
document text is the article text extracted from it, paragraphs separated by blank lines.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO, TypeVar

from claimx.document import Document
from claimx.errors import InputError
from claimx.inputs import source
from claimx.inputs.decoding import _declared_charset, _decode, check_encoding, decode_bytes
from claimx.inputs.markup import html_article, html_to_text, looks_like_html
from claimx.inputs.records import Item, _error, _Records
from claimx.schema import ErrorRecord

__all__ = [
    "check_encoding",
    "decode_bytes",
    "html_to_text",
    "iter_inputs",
    "looks_like_html",
]

#: Suffixes read from a folder (lower case).
FOLDER_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_GLOB_CHARS = re.compile(r"[*?\[]")


def iter_inputs(
    inputs: Sequence[str],
    *,
    encoding: str | None = None,
    from_list: TextIO | None = None,
    stdin: BinaryIO | None = None,
    max_chars: int | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Stream a :class:`Document` or an :class:`ErrorRecord` for each input, lazily, in order.

    Each of ``inputs`` (then each line of ``from_list``) is ``-`` (stdin's bytes, id
    ``"stdin"``), a file, a folder (its ``.txt``, ``.html``, ``.htm``, ``.json`` and
    ``.jsonl`` files at any depth, hidden ones skipped, sorted by path, symlink loops not
    followed), or a glob pattern (matches sorted). ``.jsonl`` files hold one ``{"id", "text",
    ...}`` record a line (``body`` or ``content`` instead of ``text`` are accepted; other
    fields go to ``meta``); a ``.json`` file holds one such object or a list of them. HTML is
    reduced to its article text (``meta["format"] == "html"``).

    Ids: a record's ``id``, else ``"<file id>:<line>"``; a file's path relative to the folder
    given, without suffix; the stem of a file named directly. An id already seen in this run
    gets ``"#2"``, ``"#3"``, ... appended, and the document a warning saying so.

    ``encoding`` forces a codec (otherwise it is detected, see :func:`decode_bytes`);
    ``max_chars`` turns longer texts into ``"too_large"`` errors. Never raises for a bad
    input: error types are ``not_found``, ``read_error``, ``not_text``, ``decode_error``,
    ``bad_encoding``, ``too_large``, ``bad_json`` and ``bad_record``.
    """
    reader = _Reader(encoding=encoding, stdin=stdin, max_chars=max_chars)
    yield from unique_ids(reader.all(_specs(inputs, from_list)), renamed)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def unique_ids(items: Iterable[_T], rename: Callable[[_T, str], _T]) -> Iterator[_T]:
    """``items`` with a repeated id renamed ``id#2``, ``id#3``, ...; ``rename(item, new)``
    makes the renamed item (and says so in its warnings where it has any)."""
    seen: set[str] = set()
    suffix: dict[str, int] = {}
    for item in items:
        if item.id in seen:
            n = suffix.get(item.id, 1) + 1
            while f"{item.id}#{n}" in seen:
                n += 1
            suffix[item.id] = n
            item = rename(item, f"{item.id}#{n}")
        seen.add(item.id)
        yield item


def renamed(item: Item, new: str) -> Item:
    """A document or error record under a new id; a document says so in a warning."""
    if isinstance(item, Document):
        item.warnings.append(f"duplicate id {item.id!r}: renamed {new!r}")
        item.id = new
        return item
    return item.model_copy(update={"id": new})


def _specs(inputs: Sequence[str], from_list: TextIO | None) -> Iterator[str]:
    yield from inputs
    if from_list is not None:
        for line in from_list:
            spec = line.strip()
            if spec:
                yield spec


class _Reader(_Records):
    def __init__(self, *, encoding: str | None, stdin: BinaryIO | None, max_chars: int | None):
        super().__init__(encoding=encoding, max_chars=max_chars)
        self.stdin = stdin

    def all(self, specs: Iterable[str]) -> Iterator[Item]:
        for spec in specs:
            yield from self.one(spec)

    def one(self, spec: str) -> Iterator[Item]:
        if spec == "-":
            stream = self.stdin if self.stdin is not None else sys.stdin.buffer
            try:
                data = stream.read()
            except OSError as e:
                yield _error("stdin", "read_error", f"cannot read stdin: {e}", path="-")
                return
            yield self.document(data, "stdin", "-", html=None)
            return
        path = Path(spec)
        if source.is_url(spec):
            yield from source.iter_url(spec, FOLDER_SUFFIXES, self.file)
        elif path.is_dir():
            yield from self.folder(path)
        elif path.exists():
            yield from self.file(path, source.stem(path))
        elif _GLOB_CHARS.search(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield _error(Path(spec).stem, "not_found", f"no files match {spec!r}", path=spec)
            for match in matches:
                p = Path(match)
                yield from (self.folder(p) if p.is_dir() else self.file(p, source.stem(p)))
        else:
            yield _error(path.stem or spec, "not_found", f"{spec}: no such file or folder", path=spec)

    def folder(self, root: Path) -> Iterator[Item]:
        visited: set[tuple[int, int]] = set()

        def walk(folder: Path, rel: tuple[str, ...]) -> Iterator[Item]:
            try:
                st = folder.stat()
                if (st.st_dev, st.st_ino) in visited:
                    return  # a symlink back into a folder already read
                visited.add((st.st_dev, st.st_ino))
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as e:
                ident = "/".join(rel) or folder.name
                yield _error(
                    ident,
                    "read_error",
                    f"{folder}: cannot read folder: {e.strerror}",
                    path=str(folder),
                )
                return
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                p = Path(entry.path)
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    yield from walk(p, (*rel, entry.name))
                elif source.suffix(p) in FOLDER_SUFFIXES:
                    yield from self.file(p, "/".join((*rel, source.stem(p))))

        yield from walk(root, ())

    def file(self, path: Path | str, ident: str) -> Iterator[Item]:
        suffix = source.suffix(path)
        if suffix in JSONL_SUFFIXES:
            yield from self.jsonl(path, ident)
            return
        try:
            data = source.read_bytes(path)
        except FileNotFoundError:
            yield _error(ident, "not_found", f"{path}: no such file (a broken link?)", path=str(path))
            return
        except OSError as e:
            yield _error(ident, "read_error", f"{path}: cannot read: {e.strerror or e}", path=str(path))
            return
        if suffix == ".json":
            yield from self.json_file(data, path, ident)
        else:
            yield self.document(data, ident, str(path), html=True if suffix in HTML_SUFFIXES else None)

    def document(self, data: bytes, ident: str, where: str, *, html: bool | None) -> Item:
        """One document from a whole input's bytes; ``html`` None means sniff."""
        hint = _declared_charset(data) if html is not False else None
        try:
            d = _decode(data, encoding=self.encoding, hint=hint)
        except InputError as e:
            return _error(ident, e.kind, f"{where}: {e}", path=where)
        meta: dict[str, Any] = {"path": where}
        text, warnings = d.text, d.warnings
        if html or (html is None and looks_like_html(text)):
            try:
                text, _title, html_warnings = html_article(text)
            except InputError as e:
                return _error(ident, e.kind, f"{where}: {e}", path=where)
            warnings = [*warnings, *html_warnings]
            meta["format"] = "html"
            if not text.strip():
                warnings.append("no article text found in the HTML")
        return self.finish(ident, text, meta, d.encoding, warnings, {"path": where})
