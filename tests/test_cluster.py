"""Beyond one machine: batches bounded by characters, .gz and URL inputs, partitioned output
with --resume, and the Dask runner on a LocalCluster of 2 worker processes (the cluster tests
are marked ``corpus``: they start worker processes that each load the pipeline)."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.document import Document
from claimx.inputs import iter_inputs
from claimx.outputs.formats import OutputFormat
from claimx.run import partitions, pool
from claimx.run.command import ExtractOptions, extract_command

from .conftest import SAMPLES, shared_path

STORY = "The minister said the talks had failed. Prices rose 5 percent, traders said.\n"


def run_extract(inputs: list[str], output: str, **kw: Any) -> tuple[int, str]:
    err = io.StringIO()
    opts: dict[str, Any] = {
        "fmt": OutputFormat.jsonl,
        "model": None,
        "workers": 1,
        "batch_size": 16,
        "resume": False,
        "force": False,
        "encoding": None,
        "max_chars": None,
        "from_list": None,
        "quiet": False,
        "stdout": io.StringIO(),
        "stderr": err,
    }
    opts.update(kw)
    stdout, stderr = opts.pop("stdout"), opts.pop("stderr")
    options = ExtractOptions(inputs=tuple(inputs), output=output, **opts)
    code = extract_command(options, stdout=stdout, stderr=stderr)
    return code, err.getvalue()


def part_ids(folder: Path) -> list[str]:
    return [json.loads(line)["id"] for p in sorted(folder.glob("part-*.jsonl")) for line in p.open(encoding="utf-8")]


# --------------------------------------------------------------------------- fast, no cluster


def test_batches_are_bounded_by_characters() -> None:
    big = Document(id="big", text="x" * 2_000_000)
    small = [Document(id=str(n), text="y" * 1000) for n in range(11)]
    got = [[d.id for d in b] for b in pool.batches([small[0], big, *small[1:]], 16)]
    assert got[0] == ["0"] and got[1] == ["big"], "the 2 MB story is parsed alone"
    assert sum(map(len, got)) == 12
    assert [len(b) for b in pool.batches(small * 3, 16)] == [16, 16, 1]


def test_gzip_inputs_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    records = tmp_path / "recs.jsonl.gz"
    records.write_bytes(gzip.compress(b'{"id": "r1", "text": "One."}\n{"id": "r2", "text": "Two."}\n'))
    items = list(iter_inputs([str(folder), str(records), f"{folder.as_uri()}/"]))
    assert [it.id for it in items] == ["b", "sub/a", "r1", "r2", "b#2", "sub/a#2"]
    assert all(isinstance(it, Document) and it.text in (STORY, "One.", "Two.") for it in items)


def test_a_cut_gzip_file_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(STORY.encode() * 50)[:40])
    (item,) = iter_inputs([str(tmp_path / "cut.txt.gz")])
    assert item.id == "cut" and not isinstance(item, Document)
    assert item.error.type == "read_error"


def test_parts_are_atomic_and_scanned(tmp_path: Path) -> None:
    dest = str(tmp_path / "out") + "/"
    partitions.write_part(dest, 0, ['{"id": "a"}', '{"id": "b"}'])
    stale = tmp_path / "out" / ".part-00001.jsonl.0123abcd.tmp"
    stale.write_text('{"id": "c"}\n{"id": "d', encoding="utf-8")
    assert partitions.scan(dest) == ({"a", "b"}, 1)
    assert not stale.exists()
    with pytest.raises(Exception, match="--resume"):
        partitions.prepare(dest, resume=False, force=False)
    assert partitions.prepare(dest, resume=False, force=True) == (set(), 0)
    assert not list((tmp_path / "out").iterdir())


def test_cluster_without_dask_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(app, ["extract", str(SAMPLES), "--cluster", "local:2", "-q"])
    assert result.exit_code == 2
    assert 'pip install "claimx[dask]"' in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cluster_addresses() -> None:
    from claimx.errors import UsageError
    from claimx.run.cluster import local_workers

    assert local_workers("local:3") == 3
    assert local_workers("tcp://10.0.0.5:8786") is None
    for bad in ("local:x", "local:0"):
        with pytest.raises(UsageError, match="local:N"):
            local_workers(bad)


def test_claimx_sets_dask_defaults_only_where_the_user_has_not(monkeypatch: pytest.MonkeyPatch) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    from claimx.run import cluster

    mmap = f"{cluster.ENVIRON_KEY}.{cluster.MMAP_VAR}"
    for var in (cluster.PROFILE_VAR, cluster.TRIM_VAR, cluster.MMAP_VAR):  # a Dask nanny may have set them
        monkeypatch.delenv(var, raising=False)
    with cluster.dask_config():
        assert dask.config.get(mmap) == cluster.MMAP_THRESHOLD
        assert dask.config.get(f"{cluster.ENVIRON_KEY}.{cluster.TRIM_VAR}") == cluster.DASK_TRIM_DEFAULT
        assert dask.config.get("distributed.worker.profile.enabled") is False
        assert dask.config.get(cluster.LOG_KEY) == cluster.LOG_LENGTH
    assert cluster.MMAP_VAR not in dask.config.get(cluster.ENVIRON_KEY)
    assert dask.config.get(cluster.LOG_KEY) == cluster.DASK_LOG_DEFAULT
    monkeypatch.setenv(cluster.TRIM_VAR, "131072")  # an own malloc tuning in the environment
    with cluster.dask_config():
        assert cluster.MMAP_VAR not in dask.config.get(cluster.ENVIRON_KEY)
    monkeypatch.setenv(cluster.PROFILE_VAR, "True")
    with dask.config.set({mmap: 1 << 20, cluster.LOG_KEY: 5000}), cluster.dask_config():
        assert dask.config.get(mmap) == 1 << 20  # the user's own values stay
        assert dask.config.get(cluster.LOG_KEY) == 5000
        assert dask.config.get("distributed.worker.profile.enabled") is not False


def test_local_runner_partitioned_output_resumes(tmp_path: Path, nlp: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"s{n}.txt").write_text(STORY.replace("5", str(n + 1)), encoding="utf-8")
    out = tmp_path / "parts"
    code, _ = run_extract([str(folder)], f"{out}/", batch_size=2)
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert part_ids(out) == [f"s{n}" for n in range(5)]
    (folder / "s5.txt").write_text(STORY, encoding="utf-8")
    code, err = run_extract([str(folder)], f"{out}/", batch_size=2, resume=True)
    assert code == 0 and "1 article," in err and "5 skipped" in err
    assert part_ids(out) == [f"s{n}" for n in range(6)]


def test_a_batch_is_parsed_a_bounded_group_at_a_time(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    from claimx import api

    docs = [Document(id=f"d{n}", text=STORY.replace("5", str(n + 1)) * (n + 1)) for n in range(5)]
    whole = [line.json for line in pool.process_batch(list(docs))]
    seen: list[tuple[int, int]] = []  # (texts, characters) of each group parsed
    real = api.process

    def spy(nlp: Any, group: list[Document], **kw: Any) -> Any:
        seen.append((len(group), sum(len(d.text) for d in group)))
        return real(nlp, group, **kw)

    monkeypatch.setattr(api, "process", spy)
    monkeypatch.setattr(pool, "PARSE_CHARS", 3 * len(STORY))
    assert [line.json for line in pool.process_batch(list(docs))] == whole
    assert len(seen) > 1 and all(chars <= 3 * len(STORY) or texts == 1 for texts, chars in seen)
    assert sum(texts for texts, _ in seen) == len(docs)


def test_a_slow_batch_at_the_head_does_not_stall_the_others() -> None:
    from collections import deque

    from claimx.run.pool import in_order

    finished: set[int] = set()

    def wait_any(running: list[int]) -> None:  # batch 0 is slow: any other running batch ends first
        later = [t for t in running if t != 0]
        finished.add(later[0] if later else 0)

    pending: deque[int] = deque()
    taken: list[int] = []
    for n in range(7):
        pending.append(n)
        taken += in_order(pending, 2, lambda t: t in finished, wait_any)
    # while batch 0 ran, batches 1-6 were submitted and finished: the second worker never idled
    assert taken == [] and list(pending) == list(range(7)) and finished == set(range(1, 7))
    pending.append(7)  # 4 x window batches wait: now wait for the head
    taken += in_order(pending, 2, lambda t: t in finished, wait_any)
    assert taken == list(range(8)) and not pending


def test_folder_of_json_files_resumes_without_rework(tmp_path: Path, nlp: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"s{n}.txt").write_text(STORY.replace("5", str(n + 1)), encoding="utf-8")
    out = tmp_path / "json"
    code, _ = run_extract([str(folder)], f"{out}/", fmt=OutputFormat.json)
    assert code == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(first) == ["s0.json", "s1.json", "s2.json"]
    (folder / "s3.txt").write_text(STORY, encoding="utf-8")
    (out / "notes.json").write_text('{"mine": true}\n', encoding="utf-8")  # not a claimx record: left alone
    code, err = run_extract([str(folder)], f"{out}/", fmt=OutputFormat.json, resume=True)
    assert code == 0 and "1 article," in err and "3 skipped" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name in first} == first
    assert json.loads((out / "s3.json").read_text(encoding="utf-8"))["id"] == "s3"
    assert (out / "notes.json").read_text(encoding="utf-8") == '{"mine": true}\n'


# --------------------------------------------------------------------------- on a LocalCluster


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc:
        yield lc


@pytest.fixture(scope="module")
def reuters200(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reuters200")
    for p in sorted(shared_path("corpora", "reuters").glob("*.txt"))[:200]:
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


@pytest.mark.corpus
def test_cluster_output_is_the_local_runners_line_for_line(
    tmp_path: Path, cluster: Any, reuters200: Path, nlp: Any
) -> None:
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert run_extract([str(reuters200)], str(local))[0] == 0
    assert run_extract([str(reuters200)], str(dask), cluster=cluster.scheduler_address)[0] == 0
    assert dask.read_bytes() == local.read_bytes()
    assert sum(1 for _ in dask.open(encoding="utf-8")) == 200


@pytest.mark.corpus
def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path, cluster: Any, reuters200: Path) -> None:
    import distributed

    out = tmp_path / "out.jsonl"
    result: dict[str, Any] = {}

    def job() -> None:
        result["run"] = run_extract([str(reuters200)], str(out), cluster=cluster.scheduler_address, batch_size=4)

    thread = threading.Thread(target=job)
    thread.start()
    deadline = time.monotonic() + 300
    while (not out.exists() or sum(1 for _ in out.open("rb")) < 8) and time.monotonic() < deadline:
        time.sleep(0.2)
    with distributed.Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    thread.join(timeout=600)
    code, _err = result["run"]
    ids = [json.loads(line)["id"] for line in out.open(encoding="utf-8")]
    assert sorted(ids) == sorted(p.stem for p in reuters200.glob("*.txt"))
    assert len(ids) == len(set(ids)) == 200
    assert code == 0


@pytest.mark.corpus
def test_cluster_reads_gzip_and_resumes_partitioned_output_without_rework(tmp_path: Path, cluster: Any) -> None:
    stories = sorted(shared_path("corpora", "reuters").glob("*.txt"))[:12]
    folder = tmp_path / "gz"
    folder.mkdir()
    for p in stories[:6]:
        (folder / f"{p.name}.gz").write_bytes(gzip.compress(p.read_bytes()))
    lines = [json.dumps({"id": f"rec-{p.stem}", "text": p.read_text(encoding="utf-8")}) for p in stories[6:]]
    records = tmp_path / "wire.jsonl.gz"
    records.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    out = tmp_path / "claims"
    args = ([str(folder), str(records)], f"{out}/")
    code, _ = run_extract(*args, cluster=cluster.scheduler_address, batch_size=4)
    assert code == 0
    ids = part_ids(out)
    assert ids == [p.stem for p in stories[:6]] + [f"rec-{p.stem}" for p in stories[6:]]
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    code, err = run_extract(*args, cluster=cluster.scheduler_address, batch_size=4, resume=True)
    assert code == 0 and "0 articles" in err and "12 skipped" in err
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
