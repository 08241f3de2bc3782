"""Fuzzing the command line in-process: random options, formats and hostile inputs. No
traceback reaches the user, the exit code is 0, 1 or 2, and stdout is valid for the format."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from claimx.cli import app

runner = CliRunner()
STORY = "CAIRO -- Egyptian officials said on Monday that 12 people were hurt, the ministry said.\n"

#: small hostile inputs (file name, bytes); the 50 MB line has a test of its own
HOSTILE: dict[str, bytes] = {
    "story.txt": STORY.encode(),
    "binary.txt": bytes(range(256)) * 8,
    "empty.txt": b"",
    "blank.txt": b" \n\t\n" * 100,
    "bad-utf8.txt": (STORY.encode() + b"\xff\xfe\xc3\x28") * 20,
    "long-line.txt": b"word " * 1_500,
    "nul.txt": STORY.replace("said", "sa\x00id").encode(),
    "deep.json": b"[" * 50_000 + b"]" * 50_000,
    "deep-record.jsonl": b'{"id": "d", "text": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_000 + b"}\n",
    "malformed.jsonl": b'{"id": "ok", "text": "The minister said the talks failed."}\n{"id": \n[1]\n{"id": "x"}\n',
    "surrogate.jsonl": b'{"id": "s", "text": "He said \\ud800 no."}\n',
    "pdf.txt": b"%PDF-1.7\n" + bytes(range(256)),
    "page.html": b"<!DOCTYPE html><html><head><title>T</title></head><body>"
    + b"<div>" * 2_000
    + STORY.encode()
    + b"</div>" * 2_000
    + b"</body></html>",
    "utf16.txt": STORY.encode("utf-16"),
    "not-a-list.json": b"42",
}
FORMATS = ["json", "jsonl", "csv", "markdown", "table", "html", None]


def check_stdout(fmt: str | None, stdout: str) -> None:
    """stdout parses as the format it claims to be (CliRunner's stdout is not a terminal)."""
    if fmt in ("json", None) and stdout.lstrip().startswith(("{", "[")) and "\n{" not in stdout.strip():
        json.loads(stdout)
    elif fmt in ("jsonl", None):
        for line in stdout.splitlines():
            assert isinstance(json.loads(line), dict)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(stdout)))
        assert rows and all(len(r) == len(rows[0]) for r in rows)
    elif fmt == "html":
        assert stdout.lstrip().lower().startswith("<!doctype html") and stdout.rstrip().endswith("</html>")
    else:
        assert stdout.strip()


def assert_clean(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result.output


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.sampled_from(sorted(HOSTILE)), min_size=1, max_size=3, unique=True),
    fmt=st.sampled_from(FORMATS),
    encoding=st.sampled_from([None, None, "utf-8", "latin-1", "no-such-codec"]),
    max_chars=st.sampled_from([None, None, 40, 100_000]),
    to_file=st.booleans(),
    extra=st.lists(st.sampled_from(["--quiet", "--batch-size=1", "--force"]), unique=True),
)
def test_random_options_and_hostile_inputs(
    names: list[str], fmt: str | None, encoding: str | None, max_chars: int | None, to_file: bool, extra: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in names:
            (folder / name).write_bytes(HOSTILE[name])
        args = ["extract", *(str(folder / n) for n in names), "--workers", "1", *extra]
        args += ["--format", fmt] if fmt else []
        args += ["--encoding", encoding] if encoding else []
        args += ["--max-chars", str(max_chars)] if max_chars else []
        out = folder / "out"
        args += ["-o", str(out)] if to_file else []
        result = runner.invoke(app, args)
        assert_clean(result)
        if encoding == "no-such-codec":
            assert result.exit_code == 2
        if result.exit_code == 2:
            assert result.stdout == ""
        elif to_file:
            assert result.stdout == ""
            check_stdout(fmt, out.read_text(encoding="utf-8"))
        else:
            check_stdout(fmt, result.stdout)


def test_a_50_mb_jsonl_line_is_one_error_record(tmp_path: Path) -> None:
    fmt = "jsonl"
    src = tmp_path / "huge.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        fh.write('{"id": "huge", "text": "' + "word " * 10_000_000 + '"}\n')
        fh.write('{"id": "small", "text": "' + STORY.strip() + '"}\n')
    result = runner.invoke(
        app, ["extract", str(src), "--max-chars", "1000000", "--format", fmt, "--workers", "1", "--quiet"]
    )
    assert_clean(result)
    assert result.exit_code == 1
    check_stdout(fmt, result.stdout)
    huge, small = (json.loads(line) for line in result.stdout.splitlines())
    assert huge["error"]["type"] == "too_large" and "50,000,000 characters" in huge["error"]["message"]
    assert small["id"] == "small" and "error" not in small
