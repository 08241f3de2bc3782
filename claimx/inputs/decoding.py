"""Decoding an input's bytes: byte order marks, UTF-16 without one, UTF-8, cp1252, a guess
from charset-normalizer; binary data and unreadable results are refused with a clear
:class:`InputError`. NUL characters are kept (with a warning)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from claimx.errors import InputError

__all__ = ["check_encoding", "decode_bytes"]

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
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_LETTER = re.compile(r"[^\W\d_]")


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
    except ImportError as exc:  # a broken install: say so, never guess less well in silence
        raise InputError(
            f"the encoding detector cannot be imported ({exc}): reinstall claimx, or name the encoding with --encoding",
            kind="missing_dependency",
        ) from None
    try:
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


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None
