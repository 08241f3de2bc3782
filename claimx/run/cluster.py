"""Running the pipeline on a Dask cluster: ``--cluster tcp://host:8786`` or ``local[:N]``.

Each Dask task is one batch (:func:`claimx.run.pool.batches`: bounded by articles and by
characters). What travels to a worker is the batch's units: the location and id of each file
(the worker reads it) or, for stdin and JSONL records, the text. Workers load the pipeline
once per process (:func:`claimx.nlp.pipeline.load` is cached per process) and send back each
article's JSON line, or, with a partitioned output, write their batch as one part themselves
and send back only the counts.

At most a few tasks per worker thread are in flight, so memory stays flat however long the
input. A task whose worker dies is run again elsewhere (Dask's ``allowed-failures``); one that
keeps failing becomes error records for its articles, naming the cause. Results come back in
input order.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from claimx.errors import UsageError
from claimx.inputs import source
from claimx.run import partitions, pool
from claimx.run.units import Ref, Unit, read_units
from claimx.schema import ErrorInfo, ErrorRecord

INSTALL_HINT = 'the Dask runner needs Dask: pip install "claimx[dask]"'
ENV_VAR = "CLAIMX_CLUSTER"
#: How often a task that raised is tried again (a dead worker is Dask's allowed-failures)
RETRIES = 2
PROFILE_VAR = "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"
ENVIRON_KEY = "distributed.nanny.pre-spawn-environ"
TRIM_VAR = "MALLOC_TRIM_THRESHOLD_"
DASK_TRIM_DEFAULT = 65536
MMAP_VAR = "MALLOC_MMAP_THRESHOLD_"
MMAP_THRESHOLD = 4 * 1024 * 1024
LOG_KEY = "distributed.admin.low-level-log-length"
DASK_LOG_DEFAULT = 1000
#: messages each Dask connection keeps for debugging (Dask's default: 1,000)
LOG_LENGTH = 20


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(f"--cluster: {INSTALL_HINT}") from None
    return distributed


def local_workers(address: str) -> int | None:
    """N for ``local:N`` (the number of cores for ``local``), None for a scheduler address."""
    if address == "local":
        return pool.default_workers()
    if address.startswith("local:"):
        n = address.removeprefix("local:")
        if not n.isdigit() or int(n) < 1:
            raise UsageError(f"--cluster {address}: use local, local:N (N >= 1) or tcp://HOST:PORT")
        return int(n)
    return None


def connect(address: str) -> tuple[Any, Any]:
    """``(client, cluster)``: a LocalCluster of worker processes for ``local[:N]`` (one thread
    each: spaCy is not shared between threads), else a client of the scheduler at ``address``."""
    distributed = _distributed()
    n = local_workers(address)
    if n is None:
        try:
            return distributed.Client(address, timeout="20s"), None
        except OSError as e:
            raise UsageError(f"--cluster {address}: cannot reach the Dask scheduler ({e})") from None
    with _sigint_ignored():  # Ctrl-C is the client's: it stops the job
        cluster = distributed.LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port (served only with bokeh)
            silence_logs=logging.ERROR,
        )
    return distributed.Client(cluster), cluster


@contextmanager
def dask_config() -> Iterator[None]:
    """Dask settings for a claimx run, where the user's own configuration has not changed
    Dask's defaults. Held for the whole run: the client, and a ``local`` cluster's scheduler
    and workers, read them as they start.

    - Every Dask connection keeps its last ``low-level-log-length`` (1,000) sent messages
      for debugging, and a task's message carries its batch: the texts of JSONL records,
      up to 200,000 characters a task. Over 20,000 stories the client, which also runs a
      ``local`` cluster's scheduler, grew from 124 to 188 MiB holding them. Kept at
      ``LOG_LENGTH``.
    - Dask's statistical profiler samples each worker's task thread every 10 ms: over 400
      stories it cost about a tenth of the workers' time. Off unless ``PROFILE_VAR`` is set.
    - Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which fixes glibc's
      mmap threshold at 128 KiB: every array spaCy allocates above it is mapped and unmapped
      afresh. Over the 812 Reuters stories each worker spent 5.3 s in the kernel against
      0.4 s in the local runner's, for the same user time. With the mmap threshold at
      ``MMAP_THRESHOLD`` (4 MiB) the usual arrays come from the heap and are reused, while
      the big ones of a long text are still mapped and returned when freed: 0.7 s in the
      kernel. Unless the user's environment or Dask configuration gives
      another value.
    """
    import dask

    _distributed()  # loads distributed's defaults into dask.config
    settings: dict[str, Any] = {}
    if dask.config.get(LOG_KEY) == DASK_LOG_DEFAULT:
        settings[LOG_KEY] = LOG_LENGTH
    if not os.environ.get(PROFILE_VAR):
        settings["distributed.worker.profile.enabled"] = False
    environ = dask.config.get(ENVIRON_KEY, {})
    own = TRIM_VAR in os.environ or MMAP_VAR in os.environ  # the nanny lets the environment win
    if environ.get(TRIM_VAR) == DASK_TRIM_DEFAULT and MMAP_VAR not in environ and not own:
        settings[f"{ENVIRON_KEY}.{MMAP_VAR}"] = MMAP_THRESHOLD
    with dask.config.set(settings):
        yield


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Worker processes started inside inherit SIGINT ignored (no tracebacks from them)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _has_dashboard() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True


def dashboard(client: Any) -> str | None:
    """The dashboard's address when the scheduler serves one."""
    if not _has_dashboard() or "dashboard" not in client.scheduler_info().get("services", {}):
        return None
    return str(client.dashboard_link)


def run_task(
    units: list[Unit],
    model: str | None,
    learned: bool,
    encoding: str | None,
    max_chars: int | None,
    dest: str | None,
    index: int,
) -> list[pool.Line]:
    """One batch, on a worker: read, extract, and write its part when the output is partitioned."""
    items = read_units(units, encoding=encoding, max_chars=max_chars)
    lines = pool.process_batch(items, model, learned)
    if dest is None:
        return lines
    partitions.write_part(dest, index, (line.json for line in lines))
    return partitions.light(lines)


def _lost(units: list[Unit], exc: BaseException) -> list[pool.Line]:
    """Error lines for a batch that could not be run, naming the cause."""
    cause = f"{type(exc).__name__}: {exc}".strip()
    out = []
    for unit in units:
        meta = {"path": unit.loc} if isinstance(unit, Ref) else {}
        rec = ErrorRecord(
            id=unit.id,
            error=ErrorInfo(type="worker_lost", message=f"the batch failed on the cluster after retries ({cause})"),
            meta=meta,
        )
        out.append(pool.Line(rec.id, rec.model_dump_json(), True))
    return out


def run(
    units: Iterable[Unit],
    *,
    address: str,
    model: str | None,
    learned: bool,
    batch_size: int,
    encoding: str | None = None,
    max_chars: int | None = None,
    dest: str | None = None,
    first_index: int = 0,
    stderr: TextIO | None = None,
) -> Iterator[list[pool.Line]]:
    """Each batch's lines, in input order; with ``dest`` the workers write part
    ``first_index + n`` of batch ``n`` themselves."""
    if dest is not None and not source.is_url(dest):
        dest = os.path.abspath(dest)  # the workers' working folder may not be the client's
    with dask_config():
        yield from _run(units, address, model, learned, batch_size, encoding, max_chars, dest, first_index, stderr)


def _run(
    units: Iterable[Unit],
    address: str,
    model: str | None,
    learned: bool,
    batch_size: int,
    encoding: str | None,
    max_chars: int | None,
    dest: str | None,
    first_index: int,
    stderr: TextIO | None,
) -> Iterator[list[pool.Line]]:
    client, cluster = connect(address)
    pending: deque[tuple[Any, list[Unit], int]] = deque()
    try:
        link = dashboard(client)
        if link and stderr is not None:
            stderr.write(f"claimx: Dask dashboard at {link}\n")
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        window = max(4, 3 * threads)
        run_id = uuid.uuid4().hex[:8]
        for n, batch in enumerate(pool.batches(units, batch_size)):
            index = first_index + n
            future = client.submit(
                run_task,
                batch,
                model,
                learned,
                encoding,
                max_chars,
                dest,
                index,
                key=f"claimx-{run_id}-{index}",
                retries=RETRIES,
                pure=False,
            )
            pending.append((future, batch, index))
            for head in pool.in_order(pending, window, lambda t: t[0].done(), _first_completed):
                yield _result(*head, dest)
        while pending:
            yield _result(*pending.popleft(), dest)
    finally:
        for future, _, _ in pending:  # Ctrl-C or a closed output: stop what has not run
            future.cancel()
        _close(client, cluster)


def _first_completed(tasks: list[tuple[Any, list[Unit], int]]) -> None:
    _distributed().wait([t[0] for t in tasks], return_when="FIRST_COMPLETED")


def _result(future: Any, batch: list[Unit], index: int, dest: str | None) -> list[pool.Line]:
    try:
        return list(future.result())
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a batch that killed its workers or kept failing: error records
        lines = _lost(batch, exc)
        if dest is not None:
            partitions.write_part(dest, index, (line.json for line in lines))
        return lines


def _close(client: Any, cluster: Any) -> None:
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    client.close()
    if cluster is not None:
        cluster.close()


def from_env(option: str | None) -> str | None:
    """``--cluster``, else ``$CLAIMX_CLUSTER``, else None (the local runner)."""
    return option or os.environ.get(ENV_VAR) or None
