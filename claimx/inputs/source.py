"""Where input bytes come from: local paths or fsspec URLs (``s3://``, ``gs://``, ...), gzip
files (``.txt.gz``, ``.jsonl.gz``) read as what they hold. Never imports spaCy.

A location is a :class:`~pathlib.Path` or a URL string. ``x.jsonl.gz`` counts as a ``.jsonl``
file with id ``x``; a URL needs fsspec and the backend for its scheme (``s3fs``, ``gcsfs``).
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from claimx.errors import InputError

Location = Path | str

GZIP_SUFFIX = ".gz"
FSSPEC_HINT = 'reading URLs needs fsspec and its backend: pip install "claimx[dask]" (and s3fs, gcsfs, ...)'
_URL = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]+://")
_GLOB_CHARS = re.compile(r"[*?\[]")
#: gzip's trailer holds the size modulo 4 GiB; this much is a fair guess when it cannot be read
_GZIP_RATIO = 4


def is_url(spec: str | Path) -> bool:
    """True for ``scheme://...``, ``file://`` included (a one-letter scheme would be a Windows drive)."""
    return isinstance(spec, str) and bool(_URL.match(spec))


def _name(loc: Location) -> str:
    return PurePosixPath(loc).name if isinstance(loc, str) else loc.name


def is_gzip(loc: Location) -> bool:
    return _name(loc).lower().endswith(GZIP_SUFFIX)


def suffix(loc: Location) -> str:
    """The suffix that says how to read ``loc`` (lower case), past a ``.gz``."""
    name = _name(loc).lower().removesuffix(GZIP_SUFFIX)
    return PurePosixPath(name).suffix


def stem(loc: Location) -> str:
    """The file name without ``.gz`` and its suffix: an input's id."""
    name = _name(loc)
    if name.lower().endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return PurePosixPath(name).stem


def filesystem(url: str) -> Any:
    """The fsspec filesystem for ``url``; :class:`InputError` when fsspec or the backend is missing."""
    try:
        import fsspec
    except ImportError:
        raise InputError(FSSPEC_HINT, kind="read_error") from None
    try:
        fs, _ = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as e:
        raise InputError(f"{url}: {e}", kind="read_error") from None
    return fs


def open_binary(loc: Location) -> BinaryIO:
    """A binary stream of ``loc``'s content, gunzipped for ``.gz``. Raises OSError."""
    if isinstance(loc, str) and is_url(loc):
        raw: BinaryIO = filesystem(loc).open(loc, "rb")
    else:
        raw = Path(loc).open("rb")  # noqa: SIM115  (the caller closes it)
    if is_gzip(loc):
        return _Gunzip(raw)  # type: ignore[return-value]
    return raw


def read_bytes(loc: Location) -> bytes:
    """All of ``loc``'s content (gunzipped). Raises OSError, ``EOFError`` becomes OSError."""
    with open_binary(loc) as f:
        return f.read()


def size(loc: Location) -> int:
    """About how many bytes of text ``loc`` holds (a gzip file: what its trailer says)."""
    try:
        if isinstance(loc, str) and is_url(loc):
            n = int(filesystem(loc).size(loc) or 0)
            return n * _GZIP_RATIO if is_gzip(loc) else n
        p = Path(loc)
        n = p.stat().st_size
        if is_gzip(p) and n >= 18:
            with p.open("rb") as f:
                f.seek(-4, io.SEEK_END)
                return max(n, int.from_bytes(f.read(4), "little"))
        return n
    except (OSError, InputError):
        return 0


class _Gunzip(gzip.GzipFile):
    """A gzip reader whose damage (truncation, bad CRC) is an OSError like any other read error."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def read(self, size: int | None = -1) -> bytes:
        try:
            return super().read(size)
        except EOFError as e:
            raise OSError(f"gzip data cut short ({e})") from None

    def readline(self, size: int | None = -1) -> bytes:
        try:
            return super().readline(size)
        except EOFError as e:
            raise OSError(f"gzip data cut short ({e})") from None

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def expand_url(spec: str, suffixes: Iterable[str]) -> list[tuple[str, str]]:
    """``(url, id)`` of each file a URL names: itself, the files a glob matches (sorted), or
    the files under a "folder" with one of ``suffixes`` (past ``.gz``), ids relative to it."""
    fs = filesystem(spec)
    protocol = spec.split("://", 1)[0]

    def url(path: str) -> str:
        return path if is_url(path) else f"{protocol}://{path}"

    if _GLOB_CHARS.search(spec):
        found = sorted(fs.glob(spec))
        if not found:
            raise InputError(f"no files match {spec!r}", kind="not_found")
        return [(url(p), stem(p)) for p in found if not fs.isdir(p)]
    if fs.isdir(spec):
        root = fs._strip_protocol(spec).rstrip("/")
        wanted = frozenset(suffixes)
        out = []
        for p in sorted(fs.find(spec)):
            rel = p[len(root) :].lstrip("/")
            if any(part.startswith(".") for part in rel.split("/")) or suffix(p) not in wanted:
                continue
            parent = rel.rpartition("/")[0]
            out.append((url(p), f"{parent}/{stem(p)}" if parent else stem(p)))
        return out
    if not fs.exists(spec):
        raise InputError(f"{spec}: no such file or folder", kind="not_found")
    return [(spec, stem(spec))]


def iter_url(spec: str, suffixes: Iterable[str], file: Callable[[str, str], Iterator[Any]]) -> Iterator[Any]:
    """What ``file(url, id)`` yields for each file ``spec`` names, or one error record."""
    from claimx.schema import ErrorInfo, ErrorRecord

    try:
        found = expand_url(spec, suffixes)
    except InputError as e:
        yield ErrorRecord(id=stem(spec) or spec, error=ErrorInfo(type=e.kind, message=str(e)), meta={"path": spec})
        return
    except OSError as e:
        yield ErrorRecord(
            id=stem(spec) or spec, error=ErrorInfo(type="read_error", message=f"{spec}: {e}"), meta={"path": spec}
        )
        return
    for url, ident in found:
        yield from file(url, ident)
