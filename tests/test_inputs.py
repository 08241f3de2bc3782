"""Reading inputs: decoding, binary detection, folders, globs, records, stdin, HTML."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.document import Document
from claimx.errors import InputError
from claimx.inputs import check_encoding, decode_bytes, html_to_text, iter_inputs
from claimx.inputs.markup import _plain_html
from claimx.schema import ErrorRecord

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
ARTICLE = "CAIRO -- Officials said on Monday that the talks would resume next week.\n"
CP1252_TEXT = "“Café owners rejected the plan,” the mayor said – naïve résumé déjà vu.\n"


def read(*inputs: str | Path, **kw: object) -> list[Document | ErrorRecord]:
    return list(iter_inputs([str(i) for i in inputs], **kw))  # type: ignore[arg-type]


def one_doc(*inputs: str | Path, **kw: object) -> Document:
    items = read(*inputs, **kw)
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def one_error(*inputs: str | Path, **kw: object) -> ErrorRecord:
    items = read(*inputs, **kw)
    assert len(items) == 1
    assert isinstance(items[0], ErrorRecord), items[0]
    return items[0]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (("Gaza — “quoted” ü " + ARTICLE).encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (("é " + ARTICLE).encode("utf-32"), "utf-32"),
    ],
)
def test_decode_unicode(data: bytes, encoding: str) -> None:
    text, enc = decode_bytes(data)
    assert enc == encoding
    assert text.endswith(ARTICLE)
    assert not text.startswith("\ufeff")


def test_decode_cp1252_curly_quotes_and_accents() -> None:
    text, enc = decode_bytes(CP1252_TEXT.encode("cp1252"))
    assert (text, enc) == (CP1252_TEXT, "cp1252")


def test_decode_latin1() -> None:
    data = "Le ministre a déclaré à la presse que l'été serait chaud.".encode("latin-1")
    text, enc = decode_bytes(data)
    assert text == "Le ministre a déclaré à la presse que l'été serait chaud."
    assert enc in ("cp1252", "iso8859-1")


def test_decode_cyrillic_is_not_read_as_cp1252() -> None:
    original = (
        "Министр иностранных дел заявил в понедельник, что переговоры о прекращении огня "
        "возобновятся на следующей неделе в Каире."
    )
    text, enc = decode_bytes(original.encode("cp1251"))
    assert text == original
    assert enc != "cp1252"


def test_decode_utf8_with_one_bad_byte_is_repaired_with_warning(tmp_path: Path) -> None:
    data = "Zürich – Genève – Málaga said ".encode() + b"\xff" + b" on Monday."
    doc = one_doc(write(tmp_path / "a.txt", data))
    assert doc.encoding == "utf-8"
    assert doc.text == "Zürich – Genève – Málaga said \ufffd on Monday."
    assert any("U+FFFD" in w for w in doc.warnings)


def test_encoding_override() -> None:
    data = "Ελλάδα: ο υπουργός είπε".encode("iso8859-7")
    assert decode_bytes(data, encoding="iso8859-7") == ("Ελλάδα: ο υπουργός είπε", "iso8859-7")
    # latin-1 would decode it too, but to something else: the override wins
    assert decode_bytes(data, encoding="latin-1")[1] == "iso8859-1"
    assert decode_bytes(b"\xef\xbb\xbfhi", encoding="utf-8") == ("hi", "utf-8-sig")


def test_encoding_override_that_does_not_fit() -> None:
    with pytest.raises(InputError) as e:
        decode_bytes("café".encode("cp1252"), encoding="utf-8")
    assert e.value.kind == "decode_error"
    assert "0xe9" in str(e.value) and "offset 3" in str(e.value)


@pytest.mark.parametrize("name", ["no-such-codec", "rot13", "base64"])
def test_unknown_encoding(name: str) -> None:
    with pytest.raises(InputError) as e:
        decode_bytes(b"hello", encoding=name)
    assert e.value.kind == "bad_encoding"
    assert name in str(e.value)
    with pytest.raises(InputError):
        check_encoding(name)


def test_unknown_encoding_in_a_run_is_an_error_record(tmp_path: Path) -> None:
    err = one_error(write(tmp_path / "a.txt", ARTICLE), encoding="klingon")
    assert err.error.type == "bad_encoding"
    assert "klingon" in err.error.message


def test_encoding_override_in_a_run(tmp_path: Path) -> None:
    path = write(tmp_path / "greek.txt", "Ο υπουργός είπε ότι".encode("iso8859-7"))
    doc = one_doc(path, encoding="iso8859-7")
    assert doc.text == "Ο υπουργός είπε ότι"
    assert doc.encoding == "iso8859-7"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_binary_by_magic_number(data: bytes, what: str) -> None:
    with pytest.raises(InputError) as e:
        decode_bytes(data)
    assert e.value.kind == "not_text"
    assert str(e.value).startswith("not a text file (looks like")
    assert what in str(e.value)


def test_binary_even_with_an_encoding_override() -> None:
    with pytest.raises(InputError) as e:
        decode_bytes(b"%PDF-1.7\n...", encoding="latin-1")
    assert e.value.kind == "not_text"


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_not_text(seed: int) -> None:
    data = os.urandom(4096)
    with pytest.raises(InputError) as e:
        decode_bytes(data)
    assert e.value.kind in ("not_text", "decode_error")


def test_random_bytes_in_a_run(tmp_path: Path) -> None:
    err = one_error(write(tmp_path / "noise.txt", os.urandom(8192)))
    assert err.id == "noise"
    assert err.error.type in ("not_text", "decode_error")
    assert str(tmp_path / "noise.txt") in err.error.message
    assert err.meta == {"path": str(tmp_path / "noise.txt")}


def test_pdf_in_a_run(tmp_path: Path) -> None:
    err = one_error(write(tmp_path / "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nstream"))
    assert err.error.type == "not_text"
    assert "looks like PDF" in err.error.message


def test_mostly_control_bytes_are_binary() -> None:
    with pytest.raises(InputError) as e:
        decode_bytes(bytes(range(32)) * 20 + b"some text")
    assert e.value.kind == "not_text"


def test_nul_inside_text_is_kept_with_a_warning(tmp_path: Path) -> None:
    data = b"The minister said\x00 on Monday that the talks would resume next week.\x00\n"
    text, enc = decode_bytes(data)
    assert text == data.decode("ascii") and enc == "utf-8"
    doc = one_doc(write(tmp_path / "nul.txt", data))
    assert doc.text.count("\x00") == 2
    assert len(doc.text) == len(data)
    assert any("NUL" in w for w in doc.warnings)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n"])
def test_empty_or_blank_input_is_a_document_with_a_warning(tmp_path: Path, data: bytes) -> None:
    doc = one_doc(write(tmp_path / "empty.txt", data))
    assert doc.text == data.decode()
    assert "empty input" in doc.warnings


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=512))
def test_decode_bytes_returns_text_or_raises_input_error(data: bytes) -> None:
    try:
        text, enc = decode_bytes(data)
    except InputError as e:
        assert e.kind in ("not_text", "decode_error")
        assert str(e)
    else:
        assert isinstance(text, str) and isinstance(enc, str)
        check_encoding(enc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"))))
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


# --------------------------------------------------------------------------- files and folders


def test_file_named_directly_has_its_stem_as_id(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path / "sub" / "story.one.txt", ARTICLE))
    assert doc.id == "story.one"
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-8"
    assert doc.meta["path"] == str(tmp_path / "sub" / "story.one.txt")
    assert doc.warnings == []


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    raw = "Headline\r\n\r\n  Indented “quote”\u00a0here.\r\n\tTabbed.\n\n\n"
    doc = one_doc(write(tmp_path / "a.txt", raw.encode("utf-8")))
    assert doc.text == raw


def test_folder_recursion_sorted_ids_hidden_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "B")
    write(root / "a.txt", "A")
    write(root / "a" / "z.txt", "AZ")
    write(root / "a" / "deep" / "x.htm", "<html><body><p>X deep.</p></body></html>")
    write(root / "c" / "y.TXT", "CY")
    write(root / "notes.md", "skipped: not an input suffix")
    write(root / "image.png", b"\x89PNG\r\n\x1a\n")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "config.txt", "hidden dir")
    write(root / "recs.jsonl", '{"id": "r1", "text": "R1"}\n')
    items = read(root)
    assert [i.id for i in items] == ["a/deep/x", "a/z", "a", "b", "c/y", "r1"]
    assert all(isinstance(i, Document) for i in items)
    texts = {i.id: i.text for i in items if isinstance(i, Document)}
    assert texts["a/z"] == "AZ" and texts["c/y"] == "CY" and texts["a/deep/x"] == "X deep."


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_folder_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(root / "sub" / "a.txt", "A")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "broken.txt").symlink_to(tmp_path / "missing.txt")
    items = read(root)
    assert [i.id for i in items] == ["broken", "sub/a"]
    assert isinstance(items[0], ErrorRecord) and items[0].error.type == "not_found"


def test_glob_sorted(tmp_path: Path) -> None:
    write(tmp_path / "data" / "b.txt", "B")
    write(tmp_path / "data" / "a.txt", "A")
    write(tmp_path / "data" / "c.html", "<p>C</p>")
    items = read(str(tmp_path / "data" / "*.txt"))
    assert [(i.id, isinstance(i, Document) and i.text) for i in items] == [
        ("a", "A"),
        ("b", "B"),
    ]


def test_glob_without_matches(tmp_path: Path) -> None:
    err = one_error(str(tmp_path / "nothing" / "*.txt"))
    assert err.error.type == "not_found"
    assert "no files match" in err.error.message


def test_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    err = one_error(missing)
    assert err.id == "missing"
    assert err.error.type == "not_found"
    assert str(missing) in err.error.message
    assert err.meta == {"path": str(missing)}


def test_a_bad_input_does_not_stop_the_run(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "A")
    b = write(tmp_path / "b.txt", b"%PDF-1.4")
    items = read(a, tmp_path / "nope.txt", b, a)
    assert [type(i).__name__ for i in items] == [
        "Document",
        "ErrorRecord",
        "ErrorRecord",
        "Document",
    ]


def test_stdin() -> None:
    doc = one_doc("-", stdin=io.BytesIO(CP1252_TEXT.encode("cp1252")))
    assert doc.id == "stdin"
    assert doc.text == CP1252_TEXT
    assert doc.encoding == "cp1252"


def test_stdin_html_is_sniffed() -> None:
    page = b"<!DOCTYPE html><html><body><p>The talks resumed on Monday.</p></body></html>"
    doc = one_doc("-", stdin=io.BytesIO(page))
    assert doc.meta.get("format") == "html"
    assert doc.text == "The talks resumed on Monday."


def test_from_list(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "A")
    b = write(tmp_path / "b.txt", "B")
    listing = io.StringIO(f"{b}\n\n  {a}  \n{tmp_path / 'gone.txt'}\n")
    items = read(a, from_list=listing)
    assert [i.id for i in items] == ["a", "b", "a#2", "gone"]
    assert isinstance(items[3], ErrorRecord) and items[3].error.type == "not_found"


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    a = write(tmp_path / "one" / "story.txt", "1")
    b = write(tmp_path / "two" / "story.txt", "2")
    c = write(tmp_path / "recs.jsonl", '{"id": "story", "text": "3"}\n{"id": "story#2", "text": "4"}\n')
    items = read(a, b, c)
    assert [i.id for i in items] == ["story", "story#2", "story#3", "story#2#2"]
    assert isinstance(items[1], Document)
    assert any("duplicate id" in w and "story#2" in w for w in items[1].warnings)
    assert isinstance(items[0], Document) and items[0].warnings == []


def test_max_chars(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "x" * 1001)
    err = one_error(path, max_chars=1000)
    assert err.error.type == "too_large"
    assert "1,001" in err.error.message and "1,000" in err.error.message
    assert one_doc(path, max_chars=1001).text == "x" * 1001


def test_large_file(tmp_path: Path) -> None:
    para = "Officials said on Monday that the talks would resume. " * 20 + "\n\n"
    path = write(tmp_path / "big.txt", para * (20_000_000 // len(para)))
    doc = one_doc(path)
    assert len(doc.text) > 19_000_000


def test_it_is_lazy(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "A")
    stream = iter_inputs([str(a), "-"], stdin=io.BytesIO(b"S"))
    assert next(stream).id == "a"
    assert next(stream).id == "stdin"


# --------------------------------------------------------------------------- records


def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "First.", "source": "Xinhua", "date": "2023-10-08"}),
        "",
        "{not json",
        json.dumps({"id": "r3", "title": "no text here"}),
        json.dumps({"id": "r4", "text": 42}),
        json.dumps({"body": "From a body field."}),
        json.dumps({"id": 7, "content": "From a content field."}),
        "   ",
        json.dumps(["a", "list"]),
        json.dumps({"id": "r9", "text": "Last “one”."}),
    ]
    path = write(tmp_path / "recs.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    assert [i.id for i in items] == ["r1", "recs:3", "r3", "r4", "recs:6", "7", "recs:9", "r9"]
    ok = {i.id: i for i in items if isinstance(i, Document)}
    bad = {i.id: i for i in items if isinstance(i, ErrorRecord)}
    assert ok["r1"].text == "First."
    assert ok["r1"].meta == {"source": "Xinhua", "date": "2023-10-08"}
    assert ok["recs:6"].text == "From a body field."
    assert ok["7"].text == "From a content field."
    assert ok["r9"].text == "Last “one”."
    assert ok["r1"].encoding == "utf-8"
    assert bad["recs:3"].error.type == "bad_json"
    assert bad["recs:3"].meta == {"path": str(path), "line": 3}
    assert f"{path}, line 3" in bad["recs:3"].error.message
    assert bad["r3"].error.type == "bad_record" and "no 'text' field" in bad["r3"].error.message
    assert bad["r3"].meta["line"] == 4
    assert bad["r4"].error.type == "bad_record" and "not a string" in bad["r4"].error.message
    assert bad["recs:9"].error.type == "bad_record"


def test_jsonl_with_bom_crlf_and_a_non_utf8_line(tmp_path: Path) -> None:
    data = (
        b"\xef\xbb\xbf"
        + json.dumps({"id": "a", "text": "A"}).encode()
        + b"\r\n"
        + '{"id": "b", "text": "“Café” au lait, he said – déjà vu."}'.encode("cp1252")
        + b"\r\n"
    )
    items = read(write(tmp_path / "r.jsonl", data))
    assert [(i.id, isinstance(i, Document) and i.text) for i in items] == [
        ("a", "A"),
        ("b", "“Café” au lait, he said – déjà vu."),
    ]
    assert isinstance(items[1], Document) and items[1].encoding == "cp1252"


def test_jsonl_utf16(tmp_path: Path) -> None:
    text = '{"id": "a", "text": "Ünïcode"}\n{"id": "b", "text": "B"}\n'
    items = read(write(tmp_path / "r.jsonl", text.encode("utf-16")))
    assert [(i.id, isinstance(i, Document) and i.text) for i in items] == [
        ("a", "Ünïcode"),
        ("b", "B"),
    ]


def test_jsonl_max_chars_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", '{"text": "short"}\n{"text": "much too long"}\n')
    items = read(path, max_chars=5)
    assert isinstance(items[0], Document)
    assert isinstance(items[1], ErrorRecord)
    assert items[1].error.type == "too_large"
    assert items[1].meta == {"path": str(path), "line": 2}
    assert "line 2" in items[1].error.message


def test_json_file_one_object_or_a_list(tmp_path: Path) -> None:
    single = write(tmp_path / "single.json", json.dumps({"text": "Solo.", "lang": "en"}))
    doc = one_doc(single)
    assert (doc.id, doc.text, doc.meta) == ("single", "Solo.", {"lang": "en"})
    many = write(
        tmp_path / "many.json",
        json.dumps([{"id": "x", "text": "X"}, {"content": "Y"}, {"id": "z"}]),
    )
    items = read(many)
    assert [i.id for i in items] == ["x", "many:2", "z"]
    assert isinstance(items[2], ErrorRecord) and items[2].meta["index"] == 3


def test_json_file_malformed(tmp_path: Path) -> None:
    err = one_error(write(tmp_path / "bad.json", '{"text": "unterminated'))
    assert err.error.type == "bad_json"
    assert "bad.json" in err.error.message


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "lines.json", '{"text": "A"}\n{"text": "B"}\n')
    assert [i.id for i in read(path)] == ["lines:1", "lines:2"]


# --------------------------------------------------------------------------- HTML


def test_html_article_text_without_scripts_or_navigation() -> None:
    doc = one_doc(FIXTURES / "article.html")
    assert doc.id == "article"
    assert doc.meta["format"] == "html"
    assert doc.encoding == "utf-8"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Ceasefire talks to resume in Cairo"
    assert any(p.startswith("CAIRO, Oct. 8 (Xinhua) -- Egyptian officials said") for p in paragraphs)
    assert "more than 1,200 people had been displaced" in doc.text
    assert "The delegation rejected the proposal" in doc.text
    for noise in (
        "TRACKING_CODE",
        "SCRIPT_NOISE",
        "dataLayer",
        "font-family",
        "Sport",
        "Copyright",
    ):
        assert noise not in doc.text


def test_html_charset_from_meta(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Новости</title></head><body><article><p>Министр заявил, что переговоры "
        "возобновятся.</p></article></body></html>"
    )
    doc = one_doc(write(tmp_path / "ru.html", page.encode("cp1251")))
    assert doc.encoding == "cp1251"
    assert "Министр заявил" in doc.text


def test_html_without_trafilatura_is_an_error_never_a_quiet_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails, as when lxml_html_clean is missing
    page = write(tmp_path / "a.html", (FIXTURES / "article.html").read_bytes())
    [item] = list(iter_inputs([str(page)]))
    assert isinstance(item, ErrorRecord)
    assert item.error.type == "missing_dependency"
    assert "trafilatura" in item.error.message and "lxml_html_clean" in item.error.message
    with pytest.raises(InputError, match="trafilatura"):
        html_to_text("<html><body><p>x</p></body></html>")


def test_trafilatura_is_importable_with_its_cleaner() -> None:
    """The install brings lxml_html_clean, without which trafilatura does not import."""
    import lxml_html_clean  # noqa: F401
    import trafilatura  # noqa: F401


def test_the_plain_parser_keeps_the_article_and_drops_the_page_furniture() -> None:
    """What HTML falls back to when trafilatura finds no article text."""
    paragraphs, title = _plain_html((FIXTURES / "article.html").read_text(encoding="utf-8"))
    assert title == "Ceasefire talks to resume in Cairo"
    text = "\n\n".join(paragraphs)
    assert "Egyptian officials said on Monday" in text
    assert "TRACKING_CODE" not in text and "Sport" not in text and "Copyright" not in text


def test_trafilatura_failing_on_a_page_is_said_on_the_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("odd markup")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    doc = one_doc(write(tmp_path / "a.html", (FIXTURES / "article.html").read_bytes()))
    assert "Egyptian officials said on Monday" in doc.text
    assert any("trafilatura failed" in w for w in doc.warnings)


def test_html_with_no_text(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path / "blank.html", "<html><body><script>x()</script></body></html>"))
    assert doc.text == ""
    assert "empty input" in doc.warnings


def test_text_file_is_not_taken_for_html(tmp_path: Path) -> None:
    raw = "He wrote <b>bold</b> claims in <html> tags.\n"
    doc = one_doc(write(tmp_path / "a.txt", raw))
    assert doc.text == raw
    assert "format" not in doc.meta


def test_a_lone_surrogate_in_a_record_becomes_u_fffd_with_a_warning(tmp_path: Path) -> None:
    """Legal in JSON, not in Unicode text (it cannot be written as UTF-8): one U+FFFD each, so
    offsets into the rest of the text stay where they were."""
    src = write(tmp_path / "a.jsonl", b'{"id": "s", "text": "He said \\ud800 no, \\ud83d\\ude00."}\n')
    doc = one_doc(src)
    assert doc.text == "He said \ufffd no, \U0001f600."
    assert any("1 lone surrogate" in w for w in doc.warnings)


def test_a_missing_encoding_detector_is_said_not_guessed_around(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # import fails
    cyrillic = "Министр заявил, что переговоры возобновятся на следующей неделе.".encode("cp1251")
    with pytest.raises(InputError, match="encoding detector cannot be imported") as info:
        decode_bytes(cyrillic)
    assert info.value.kind == "missing_dependency"
    assert decode_bytes(cyrillic, encoding="cp1251")[0].startswith("Министр")
