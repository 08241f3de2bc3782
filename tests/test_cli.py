"""The command line: exit codes, streams, formats, batch behaviour."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

from .conftest import SAMPLES

runner = CliRunner()
SAMPLE = SAMPLES / "xinhua-grain-talks.txt"


def test_every_command_has_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("extract", "batch", "schema", "render", "summarize"):
        assert name in result.stdout
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0 and "Usage" in sub.stdout


def test_extract_one_file_prints_one_json_object() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--quiet"])
    assert result.exit_code == 0, result.output
    art = json.loads(result.stdout)
    assert art["id"] == "xinhua-grain-talks"
    assert art["dateline"]["agency"] == "Xinhua"
    assert art["attributions"] and art["figures"]


def test_folder_gives_jsonl_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("The minister said the talks failed.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Prices rose 5 percent, traders said.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["a/one", "two"]


def test_a_binary_file_is_an_error_record_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The minister said the talks failed.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 1
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert {r["id"] for r in recs} == {"good", "bad"}
    assert next(r for r in recs if r["id"] == "bad")["error"]["type"] == "not_text"


def test_output_is_not_overwritten_without_force_and_resume_skips_done(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": f"r{i}", "text": f"Officials said {i} people were hurt."}) for i in range(3))
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["extract", str(src), "-o", str(out), "--workers", "1"]).exit_code == 0
    again = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert again.exit_code == 2 and "exists" in again.output
    # a kill mid-line leaves a partial last line: resume cuts it and redoes only that record
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:20], encoding="utf-8")
    resumed = runner.invoke(app, ["extract", str(src), "-o", str(out), "--resume", "--workers", "1"])
    assert resumed.exit_code == 0, resumed.output
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    assert ids == ["r0", "r1", "r2"]
    done = runner.invoke(app, ["extract", str(src), "-o", str(out), "--resume", "--workers", "1"])
    assert "3 skipped" in done.output
    assert len(out.read_text().splitlines()) == 3


def test_missing_model_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--model", "en_no_such_model"])
    assert result.exit_code == 2
    assert "not installed" in result.output and "pip install" in result.output
    assert "Traceback" not in result.output


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert {"attributions", "figures", "stances", "claims", "actors"} <= set(schema["properties"])


@pytest.mark.parametrize("fmt", ["csv", "markdown", "table", "jsonl"])
def test_formats_from_the_cli(fmt: str) -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", fmt, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Kremlin" in result.stdout


def test_stdin_text() -> None:
    result = runner.invoke(
        app, ["extract", "-", "--format", "jsonl", "--quiet"], input="The minister said the talks failed."
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["attributions"][0]["cue"]["text"] == "said"


def test_fast_mode_uses_the_rules_alone() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--fast", "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    atts = json.loads(result.stdout)["attributions"]
    told = [a for a in atts if a["cue"]["text"] == "told"]
    assert told and told[0]["outlet"]["text"] == "Xinhua"
    from claimx.nlp import pipeline

    nlp = pipeline.load(learned=False)
    assert nlp.get_pipe("claimx_attributions").learned is False
    assert pipeline.load().get_pipe("claimx_attributions").learned is True


def test_output_files_follow_the_umask(tmp_path: Path) -> None:
    """0644 under umask 022 as for any file the user creates; 027 shows it is the umask, not a constant."""
    mask = 0o027
    src = tmp_path / "story.txt"
    src.write_text("The minister said 12 people were hurt.", encoding="utf-8")
    runs = {
        "a.json": ["extract", str(src), "-f", "json"],
        "a.csv": ["extract", str(src), "-f", "csv"],
        "a.md": ["extract", str(src), "-f", "markdown"],
        "a.html": ["extract", str(src), "-f", "html"],
        "a.jsonl": ["extract", str(src), "-f", "jsonl"],
        "page.html": ["render", str(src)],
    }
    old = os.umask(mask)
    try:
        for name, args in runs.items():
            result = runner.invoke(
                app,
                [*args, "-o", str(tmp_path / name), "--quiet"]
                if args[0] == "extract"
                else [*args, "-o", str(tmp_path / name)],
            )
            assert result.exit_code == 0, (name, result.output)
        result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "folder") + "/", "--quiet"])
        assert result.exit_code == 0, result.output
    finally:
        os.umask(old)
    written = [tmp_path / name for name in runs] + [tmp_path / "folder" / "story.json"]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == {p.name: 0o666 & ~mask for p in written}
    assert not list(tmp_path.glob(".*.tmp")) and not list((tmp_path / "folder").glob(".*"))
