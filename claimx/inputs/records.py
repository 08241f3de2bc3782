"""JSON and JSONL records (``{"id", "text", ...}``) as documents, line by line; and the
checks every document passes (size limit, warnings)."""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from claimx.document import Document
from claimx.errors import InputError
from claimx.inputs import source
from claimx.inputs.decoding import (
    _BOMS,
    _SNIFF,
    _decode,
    _decode_as,
    _text_warnings,
    _utf16_without_bom,
    check_encoding,
)
from claimx.schema import ErrorInfo, ErrorRecord

Item = Document | ErrorRecord
TEXT_FIELDS = ("text", "body", "content")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _error(ident: str, kind: str, message: str, **meta: Any) -> ErrorRecord:
    return ErrorRecord(id=ident, error=ErrorInfo(type=kind, message=message), meta=meta)


class _Records:
    """Reads JSON and JSONL records; :class:`~claimx.inputs.reader._Reader` adds files,
    folders, globs and stdin."""

    def __init__(self, *, encoding: str | None, max_chars: int | None):
        self.encoding = encoding
        self.max_chars = max_chars

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
        warnings = []
        surrogates = len(_SURROGATE.findall(text))
        if surrogates:  # legal in JSON ("\\ud800"), not in Unicode text: one U+FFFD each keeps offsets
            text = _SURROGATE.sub("\ufffd", text)
            warnings.append(f"{surrogates} lone surrogate(s) in the text replaced with U+FFFD")
        return self.finish(ident, text, rec, encoding, warnings, where)

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
