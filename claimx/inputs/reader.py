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

import codecs
import glob
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from claimx.document import Document
from claimx.errors import InputError
from claimx.inputs import source
from claimx.schema import ErrorInfo, ErrorRecord

__all__ = [
    "check_encoding",
    "decode_bytes",
    "html_to_text",
    "iter_inputs",
    "looks_like_html",
]

Item = Document | ErrorRecord

#: Suffixes read from a folder (lower case).
FOLDER_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_FIELDS = ("text", "body", "content")

# Leading bytes of common binary formats, with what to call them in a message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office (OLE) file"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", "a Java class file"),
    (b"\x00asm", "WebAssembly"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "Ogg audio/video"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that do not occur in text (tab, LF, VT, FF, CR and DOS's EOF 0x1A do).
_CONTROL_BYTES = bytes([*range(1, 9), *range(14, 26), *range(27, 32), 127])
_SNIFF = 1 << 16
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_LETTER = re.compile(r"[^\W\d_]")
_GLOB_CHARS = re.compile(r"[*?\[]")


# --------------------------------------------------------------------------- decoding


@dataclass
class _Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def check_encoding(encoding: str) -> str:
    """The canonical name of a text codec (``"latin-1"`` -> ``"iso8859-1"``).

    Raises :class:`InputError` (kind ``"bad_encoding"``) for an unknown codec, or one that
    is not a text encoding (``rot13``, ``base64``)."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise InputError(f"unknown encoding {encoding!r}", kind="bad_encoding") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding", kind="bad_encoding")
    return info.name


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode an input's bytes; returns ``(text, encoding name)``.

    Detection, when ``encoding`` is not given: a byte order mark (UTF-8, dropped and recorded
    as ``"utf-8-sig"``; UTF-16; UTF-32), UTF-16 without one, UTF-8, cp1252 (which covers
    Latin-1) when the result reads like Western text, else charset-normalizer's best guess.
    NUL characters are kept. Raises :class:`InputError` with kind ``"not_text"`` for binary
    data (images, PDFs, archives, random bytes), ``"decode_error"`` for bytes that decode to
    nothing sensible, ``"bad_encoding"`` for an unknown ``encoding``.
    """
    d = _decode(data, encoding=encoding)
    return d.text, d.encoding


def _decode(data: bytes, *, encoding: str | None = None, hint: str | None = None) -> _Decoded:
    if encoding is not None:
        return _decode_as(data, check_encoding(encoding))
    if not data:
        return _Decoded("", "utf-8")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as e:
                if name == "utf-32":
                    continue  # a UTF-16 BOM followed by a NUL character
                raise InputError(
                    f"invalid {name.upper()} data after the byte order mark (at byte {e.start})",
                    kind="decode_error",
                ) from None
            return _checked(text.removeprefix("\ufeff"), name)
    what = _magic(data)
    if what:
        raise InputError(f"not a text file (looks like {what})", kind="not_text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    what = _looks_binary(data)
    if what:
        raise InputError(f"not a text file (looks like {what})", kind="not_text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    if hint:
        try:
            name = check_encoding(hint)
            if name == "iso8859-1":
                name = "cp1252"  # as browsers read it
            return _checked(data.decode(name), name)
        except (InputError, UnicodeDecodeError):
            pass
    western = _cp1252(data)
    if western is not None:
        return _checked(western, "cp1252")
    guessed = _charset_normalizer(data)
    if guessed is not None:
        return _checked(*guessed)
    raise InputError(
        "could not tell the text encoding (not UTF-8 or cp1252); name it with --encoding",
        kind="decode_error",
    )


def _decode_as(data: bytes, name: str) -> _Decoded:
    what = _magic(data)
    if what:
        raise InputError(f"not a text file (looks like {what})", kind="not_text")
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        raise InputError(
            f"cannot decode as {name}: byte 0x{data[e.start]:02x} at offset {e.start} ({e.reason})",
            kind="decode_error",
        ) from None
    except Exception as e:  # a codec with odd failures (e.g. a stateful CJK codec)
        raise InputError(f"cannot decode as {name}: {e}", kind="decode_error") from None
    if text.startswith("\ufeff"):
        text = text[1:]
        if name == "utf-8":
            name = "utf-8-sig"
    return _checked(text, name)


def _magic(data: bytes) -> str | None:
    for sig, what in _MAGIC:
        if data.startswith(sig):
            return what
    if data[4:8] == b"ftyp":
        return "an MP4/MOV/HEIC file"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "WAV audio"}.get(data[8:12], "an AVI video")
    if data[:3] == b"ID3" and len(data) > 5 and data[3] < 10:
        return "MP3 audio"
    return None


def _looks_binary(data: bytes) -> str | None:
    sample = data[:_SNIFF]
    n = len(sample)
    nul = sample.count(0)
    other = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    # A few NULs or stray controls are damage in a text file; this many is binary data.
    if other > max(2, 0.05 * n) or nul + other > max(8, 0.3 * n):
        return "binary data"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for text where every other byte is NUL."""
    sample = data[: _SNIFF & ~1]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.6 * half and even.count(0) <= 0.05 * half:
        return "utf-16-le"
    if even.count(0) >= 0.6 * half and odd.count(0) <= 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> _Decoded | None:
    """UTF-8 with a few bad bytes: a truncated file, a stray Latin-1 character."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if 0 < bad <= 3 and good >= 2 * bad:
        d = _checked(text, "utf-8")
        d.warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return d
    return None


def _cp1252(data: bytes) -> str | None:
    """The cp1252 reading of ``data`` when it looks like Western text: most letters are ASCII
    (a Cyrillic or Greek text read as cp1252 is nearly all accented letters)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[: 4 * _SNIFF]
    high = "".join(_NON_ASCII.findall(sample))
    if high and len(_LETTER.findall(high)) > 0.3 * len(_LETTER.findall(sample)):
        return None
    return text


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            return None
        name = check_encoding(best.encoding)
        return str(best), name
    except Exception:  # a detector failure is "no idea", never a crash
        return None


def _checked(text: str, name: str) -> _Decoded:
    """Reject text that decoded but is not readable (controls, unassigned code points)."""
    if text:
        sample = text[:_SNIFF]
        odd = sum(
            1
            for c in sample
            if c not in "\t\n\r\x0b\x0c\x00\x1a" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")
        )
        if odd > max(2, 0.05 * len(sample)):
            raise InputError(
                f"decoded as {name} but the result is not readable text ({odd} control or unassigned characters)",
                kind="decode_error",
            )
    return _Decoded(text, name)


def _text_warnings(text: str) -> list[str]:
    warnings = []
    if not text.strip():
        warnings.append("empty input")
    nul = text.count("\x00")
    if nul:
        warnings.append(f"{nul} NUL character(s) in the text, read as spaces")
    return warnings


# --------------------------------------------------------------------------- HTML


def looks_like_html(text: str) -> bool:
    """True for text that starts as an HTML document (a doctype, ``<html>`` or ``<head>``)."""
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The article text of an HTML page and its title: ``(text, title)``.

    The text comes from trafilatura (boilerplate, navigation and scripts dropped), or from a
    plain HTML parser when trafilatura finds nothing or is missing. Paragraphs are separated
    by a blank line; a title that is not already the first paragraph is put first (a
    headline)."""
    paragraphs, title = _trafilatura(markup)
    if not paragraphs:
        paragraphs, title2 = _plain_html(markup)
        title = title or title2
    if title:
        title = " ".join(title.split())
        if not paragraphs or " ".join(paragraphs[0].split()) != title:
            paragraphs.insert(0, title)
    return "\n\n".join(paragraphs), title


def _trafilatura(markup: str) -> tuple[list[str], str | None]:
    try:
        import trafilatura
    except ImportError:
        return [], None
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except Exception:  # trafilatura chokes on some markup; the plain parser is the fallback
        return [], None
    if doc is None:
        return [], None
    if isinstance(doc, dict):  # trafilatura < 1.9
        text, title = doc.get("text"), doc.get("title")
    else:
        text, title = getattr(doc, "text", None), getattr(doc, "title", None)
    lines = [line.strip() for line in (text or "").split("\n")]
    return [line for line in lines if line], title if isinstance(title, str) and title else None


_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "footer",
        "header",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "object",
        "head",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "figcaption",
        "figure",
        "hr",
        "td",
        "th",
    }
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip: dict[str, int] = {}
        self.in_main = 0
        self.in_title = False
        self.title: list[str] = []
        self.current: list[str] = []
        self.paragraphs: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip[tag] = self.skip.get(tag, 0) + 1
        elif tag in _BLOCK_TAGS:
            self.flush()
        if tag in ("article", "main"):
            self.in_main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skip.get(tag):
            self.skip[tag] -= 1
        elif tag in _BLOCK_TAGS:
            self.flush()
        if tag in ("article", "main") and self.in_main:
            self.flush()
            self.in_main -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not any(self.skip.values()):
            self.current.append(data)

    def flush(self) -> None:
        para = " ".join("".join(self.current).split())
        if para:
            self.paragraphs.append((para, self.in_main > 0))
        self.current = []


def _plain_html(markup: str) -> tuple[list[str], str | None]:
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # HTMLParser is lenient; keep whatever it got
        pass
    parser.flush()
    main = [p for p, in_main in parser.paragraphs if in_main]
    paragraphs = main or [p for p, _ in parser.paragraphs]
    title = " ".join("".join(parser.title).split()) or None
    return paragraphs, title


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


# --------------------------------------------------------------------------- iteration


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
    seen: set[str] = set()
    suffix: dict[str, int] = {}
    for item in reader.all(_specs(inputs, from_list)):
        if item.id in seen:
            n = suffix.get(item.id, 1) + 1
            while f"{item.id}#{n}" in seen:
                n += 1
            suffix[item.id] = n
            new = f"{item.id}#{n}"
            if isinstance(item, Document):
                item.warnings.append(f"duplicate id {item.id!r}: renamed {new!r}")
                item.id = new
            else:
                item = item.model_copy(update={"id": new})
        seen.add(item.id)
        yield item


def _specs(inputs: Sequence[str], from_list: TextIO | None) -> Iterator[str]:
    yield from inputs
    if from_list is not None:
        for line in from_list:
            spec = line.strip()
            if spec:
                yield spec


def _error(ident: str, kind: str, message: str, **meta: Any) -> ErrorRecord:
    return ErrorRecord(id=ident, error=ErrorInfo(type=kind, message=message), meta=meta)


class _Reader:
    def __init__(self, *, encoding: str | None, stdin: BinaryIO | None, max_chars: int | None):
        self.encoding = encoding
        self.stdin = stdin
        self.max_chars = max_chars

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
                yield _error(ident, "read_error", f"{folder}: cannot read folder: {e.strerror}", path=str(folder))
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
            text, _title = html_to_text(text)
            meta["format"] = "html"
            if not text.strip():
                warnings.append("no article text found in the HTML")
        return self.finish(ident, text, meta, d.encoding, warnings, {"path": where})

    def finish(
        self,
        ident: str,
        text: str,
        meta: dict[str, Any],
        encoding: str,
        warnings: list[str],
        where: dict[str, Any],
    ) -> Item:
        if self.max_chars is not None and len(text) > self.max_chars:
            place = where["path"] + (f", line {where['line']}" if "line" in where else "")
            return _error(
                ident,
                "too_large",
                f"{place}: text is {len(text):,} characters, over the limit of {self.max_chars:,}",
                **where,
            )
        return Document(
            id=ident,
            text=text,
            meta=meta,
            encoding=encoding,
            warnings=[*warnings, *_text_warnings(text)],
        )

    # ----------------------------------------------------------------- records

    def record(self, value: Any, fallback_id: str, encoding: str, where: dict[str, Any], place: str) -> Item:
        if not isinstance(value, dict):
            kind = type(value).__name__ if value is not None else "null"
            return _error(
                fallback_id,
                "bad_record",
                f"{place}: expected an object with a text field, got {_json_type(kind)}",
                **where,
            )
        rec = dict(value)
        raw_id = rec.pop("id", None)
        ident = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
        name = next((f for f in TEXT_FIELDS if f in rec), None)
        if name is None:
            return _error(
                ident,
                "bad_record",
                f"{place}: record has no 'text' field (nor 'body' or 'content')",
                **where,
            )
        text = rec.pop(name)
        if not isinstance(text, str):
            return _error(
                ident,
                "bad_record",
                f"{place}: {name!r} is {_json_type(type(text).__name__)}, not a string",
                **where,
            )
        return self.finish(ident, text, rec, encoding, [], where)

    def jsonl(self, path: Path | str, ident: str) -> Iterator[Item]:
        where = str(path)
        try:
            f = source.open_binary(path)
        except FileNotFoundError:
            yield _error(ident, "not_found", f"{path}: no such file (a broken link?)", path=where)
            return
        except OSError as e:
            yield _error(ident, "read_error", f"{path}: cannot read: {e.strerror or e}", path=where)
            return
        with f:
            sniff = f.read(_SNIFF)
            f.seek(0)
            if self.encoding is not None:
                try:
                    forced = check_encoding(self.encoding)
                except InputError as e:
                    yield _error(ident, e.kind, f"{path}: {e}", path=where)
                    return
                wide = forced if forced.startswith(("utf-16", "utf-32")) else None
            else:
                wide = next(
                    (n for b, n in _BOMS if sniff.startswith(b) and n != "utf-8-sig"), None
                ) or _utf16_without_bom(sniff)
            if wide is not None:
                yield from self.jsonl_wide(f, path, ident, wide)
                return
            head = sniff[:4]
            bom = head.startswith(codecs.BOM_UTF8)
            for n, raw in enumerate(f, 1):
                if n == 1 and bom:
                    raw = raw[len(codecs.BOM_UTF8) :]
                try:
                    line, enc = self.decode_line(raw)
                except InputError as e:
                    yield _error(f"{ident}:{n}", e.kind, f"{path}, line {n}: {e}", path=where, line=n)
                    continue
                if bom and enc == "utf-8":
                    enc = "utf-8-sig"
                item = self.jsonl_line(line, n, path, ident, enc)
                if item is not None:
                    yield item

    def jsonl_wide(self, f: BinaryIO, path: Path | str, ident: str, enc: str) -> Iterator[Item]:
        text = io.TextIOWrapper(f, encoding=enc, newline=None)
        n = 0
        try:
            for n, line in enumerate(text, 1):
                item = self.jsonl_line(line.removeprefix("\ufeff"), n, path, ident, enc)
                if item is not None:
                    yield item
        except UnicodeDecodeError as e:
            yield _error(
                f"{ident}:{n + 1}",
                "decode_error",
                f"{path}, line {n + 1}: invalid {enc} data ({e.reason}); the rest of the file is skipped",
                path=str(path),
                line=n + 1,
            )
        finally:
            text.detach()

    def decode_line(self, raw: bytes) -> tuple[str, str]:
        if self.encoding is not None:
            d = _decode_as(raw, check_encoding(self.encoding))
            return d.text, d.encoding
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            d = _decode(raw)
            return d.text, d.encoding

    def jsonl_line(self, line: str, n: int, path: Path | str, ident: str, enc: str) -> Item | None:
        if not line.strip():
            return None
        where = {"path": str(path), "line": n}
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            return _error(
                f"{ident}:{n}",
                "bad_json",
                f"{path}, line {n}: invalid JSON: {e.msg} (column {e.colno})",
                **where,
            )
        except RecursionError:
            return _error(f"{ident}:{n}", "bad_json", f"{path}, line {n}: JSON nested too deep", **where)
        return self.record(value, f"{ident}:{n}", enc, where, f"{path}, line {n}")

    def json_file(self, data: bytes, path: Path | str, ident: str) -> Iterator[Item]:
        where = str(path)
        try:
            d = _decode(data, encoding=self.encoding)
        except InputError as e:
            yield _error(ident, e.kind, f"{path}: {e}", path=where)
            return
        try:
            value = json.loads(d.text)
        except json.JSONDecodeError as e:
            if e.msg == "Extra data":  # JSON lines in a .json file
                for n, line in enumerate(d.text.splitlines(), 1):
                    item = self.jsonl_line(line, n, path, ident, d.encoding)
                    if item is not None:
                        yield item
                return
            yield _error(
                ident,
                "bad_json",
                f"{path}: invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})",
                path=where,
                line=e.lineno,
            )
            return
        except RecursionError:
            yield _error(ident, "bad_json", f"{path}: JSON nested too deep", path=where)
            return
        if isinstance(value, list):
            if not value:
                yield _error(ident, "bad_record", f"{path}: an empty list, no records", path=where)
            for i, rec in enumerate(value, 1):
                yield self.record(
                    rec,
                    f"{ident}:{i}",
                    d.encoding,
                    {"path": where, "index": i},
                    f"{path}, record {i}",
                )
        else:
            yield self.record(value, ident, d.encoding, {"path": where}, str(path))


def _json_type(python_name: str) -> str:
    return {
        "str": "a string",
        "int": "a number",
        "float": "a number",
        "bool": "a boolean",
        "list": "an array",
        "dict": "an object",
        "null": "null",
        "NoneType": "null",
    }.get(python_name, python_name)
