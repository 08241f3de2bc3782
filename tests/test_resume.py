"""``--resume`` never destroys output: it refuses files that are not claimx JSONL, keeps corrupt
lines (reporting them), and drops only a last line cut short by a kill."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimx.cli import app
from claimx.run.writes import _is_record

runner = CliRunner()
IDS = [f"r{i}" for i in range(6)]


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A JSONL input of six short records and the output of a finished run over it."""
    folder = tmp_path_factory.mktemp("resume")
    src = folder / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": i, "text": f"Officials said {n} people were hurt."}) + "\n" for n, i in enumerate(IDS)
        ),
        encoding="utf-8",
    )
    out = folder / "done.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return src, out.read_bytes()


def resume(src: Path, out: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--resume", "--workers", "1", "--quiet"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def records(data: bytes) -> list[dict]:
    found = []
    for raw in data.splitlines():
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        if _is_record(value):
            found.append(value)
    return found


@pytest.mark.parametrize(
    "content",
    [
        b'[\n  {\n    "id": "a",\n    "text": "x"\n  }\n]\n',  # claimx --format json, pretty-printed
        b"id,sentence,source\na,1,the minister\n",  # a CSV
        b'{"name": "other tool", "value": 1}\n{"name": "b", "value": 2}\n',  # another tool's JSONL
        b"just some notes",  # one line, no newline
    ],
)
def test_resume_refuses_a_file_that_is_not_claimx_jsonl(
    finished: tuple[Path, bytes], tmp_path: Path, content: bytes
) -> None:
    src, _ = finished
    out = tmp_path / "out.jsonl"
    out.write_bytes(content)
    code, output = resume(src, out)
    assert code == 2
    assert "not a claimx JSONL output" in output and "untouched" in output
    assert out.read_bytes() == content


def test_a_corrupt_line_in_the_middle_is_kept_and_reported(finished: tuple[Path, bytes], tmp_path: Path) -> None:
    src, done = finished
    lines = done.splitlines(keepends=True)
    broken = b"".join([*lines[:2], b"\x00garbage\n", *lines[3:]])
    out = tmp_path / "out.jsonl"
    out.write_bytes(broken)
    code, output = resume(src, out)
    assert code == 0, output
    assert "line 3: not a claimx record (kept" in output
    after = out.read_bytes()
    assert after.startswith(broken)  # nothing before the end changed
    assert Counter(r["id"] for r in records(after)) == Counter(IDS)


def test_a_last_line_cut_short_is_dropped_and_said(finished: tuple[Path, bytes], tmp_path: Path) -> None:
    src, done = finished
    lines = done.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:4]) + lines[4][:30])
    code, output = resume(src, out)
    assert code == 0, output
    assert "line 5: the last line was cut short (30 bytes" in output
    assert [r["id"] for r in records(out.read_bytes())] == IDS


def test_a_whole_last_record_without_its_newline_is_kept(finished: tuple[Path, bytes], tmp_path: Path) -> None:
    src, done = finished
    lines = done.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:3]).rstrip(b"\n"))
    code, output = resume(src, out)
    assert code == 0, output
    assert "cut short" not in output
    assert [r["id"] for r in records(out.read_bytes())] == IDS


# a corruption always carries a byte that JSON text cannot hold, so it never makes a valid record
garbage = st.binary(max_size=12).map(lambda b: b + b"\xff")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    corruptions=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), garbage), max_size=3),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_resume_after_random_damage_keeps_every_valid_record_and_does_each_id_once(
    finished: tuple[Path, bytes],
    tmp_path: Path,
    corruptions: list[tuple[float, int, bytes]],
    cut: float | None,
) -> None:
    src, done = finished
    data = done
    for where, length, junk in corruptions:
        at = int(where * len(data))
        data = data[:at] + junk + data[at + length :]
    if cut is not None:
        data = data[: int(cut * len(data))]
    out = tmp_path / "out.jsonl"
    out.write_bytes(data)
    valid_before = [raw for raw in data.splitlines(keepends=True) if raw.endswith(b"\n") and records(raw)]
    code, output = resume(src, out)
    after = out.read_bytes()
    if code == 2:  # refused: only when nothing in it was a claimx record, and then untouched
        assert not records(data) and after == data
        return
    assert code == 0, output
    assert Counter(r["id"] for r in records(after)) == Counter(IDS)
    after_lines = set(after.splitlines(keepends=True))
    assert all(raw in after_lines for raw in valid_before)
