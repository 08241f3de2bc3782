"""Running the pipeline over a stream of inputs: batched, in worker processes, in order.

The parent only reads inputs and writes results; parsing happens in the workers. At most a
few batches are in flight at once, so memory stays flat however long the stream is.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import NamedTuple, TypeVar

from claimx.document import Document
from claimx.schema import Article, ErrorInfo, ErrorRecord

Item = Document | ErrorRecord
T = TypeVar("T")


class Line(NamedTuple):
    """A result as it travels between processes: its JSON, cheap to send and written as it
    comes, with the counts the summary needs."""

    id: str
    json: str
    error: bool
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)  # claims, attributions, figures, stances
    warnings: tuple[str, ...] = ()


def _line(result: Article | ErrorRecord) -> Line:
    if isinstance(result, ErrorRecord):
        return Line(result.id, result.model_dump_json(), True)
    counts = (len(result.claims), len(result.attributions), len(result.figures), len(result.stances))
    return Line(result.id, result.model_dump_json(), False, counts, tuple(result.warnings))


_worker_model: str | None = None
_worker_learned = True


def _init_worker(model: str | None, learned: bool) -> None:
    global _worker_model, _worker_learned
    _worker_model, _worker_learned = model, learned
    from claimx.nlp import pipeline

    pipeline.load(model, learned=learned)


def process_batch(items: list[Item], model: str | None = None, learned: bool | None = None) -> list[Line]:
    """Process one batch in this process; errors become error records, never exceptions."""
    from claimx import api
    from claimx.nlp import pipeline

    nlp = pipeline.load(
        model if model is not None else _worker_model, learned=_worker_learned if learned is None else learned
    )
    docs = [it for it in items if isinstance(it, Document)]
    out: dict[int, Line] = {}
    articles: list[Article | ErrorRecord] = []
    # parsed a group of at most PARSE_CHARS at a time: a parse's memory grows with its text
    for group in batches(docs, max(1, len(docs)), PARSE_CHARS):
        try:
            articles.extend(api.process(nlp, group, batch_size=len(group)))
        except Exception:  # one bad document must not sink its group: redo them one by one
            for doc in group:
                try:
                    articles.extend(api.process(nlp, [doc]))
                except Exception as exc:
                    articles.append(_failure(doc, exc))
    by_doc = iter(articles)
    for n, it in enumerate(items):
        out[n] = _line(it if isinstance(it, ErrorRecord) else next(by_doc))
    return [out[n] for n in range(len(items))]


def _failure(doc: Document, exc: Exception) -> ErrorRecord:
    return ErrorRecord(
        id=doc.id,
        error=ErrorInfo(type="processing_error", message=f"{type(exc).__name__}: {exc}"),
        meta=doc.meta,
    )


#: A batch holds at most this many characters of text (a longer text is a batch alone and is
#: parsed a piece at a time), so one worker never parses a 2 MB story and its neighbours at once.
BATCH_CHARS = 200_000
#: Within a batch, the pipeline parses at most this many characters at once (a group of
#: short texts, or one longer text alone): a parse's memory grows with the text it holds
#: (16 stories of 190,000 characters in all took a worker from 157 to 752 MiB at once).
PARSE_CHARS = 40_000


def weight(item: object) -> int:
    """How many characters an item puts in a batch (what it will parse)."""
    if isinstance(item, Document):
        return len(item.text)
    return int(getattr(item, "size", 0))


def batches(items: Iterable[T], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[T]]:
    """Consecutive batches of at most ``size`` items and ``max_chars`` characters (an item
    longer than that makes a batch of its own)."""
    batch: list[T] = []
    chars = 0
    for item in items:
        n = weight(item)
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run(
    items: Iterable[Item],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    learned: bool = True,
) -> Iterator[Line]:
    """Results for ``items`` in input order. With one worker, or when the whole input fits
    in one batch, everything runs in this process (no start-up cost for one article)."""
    for lines in run_batches(items, model=model, workers=workers, batch_size=batch_size, learned=learned):
        yield from lines


def run_batches(
    items: Iterable[Item],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    learned: bool = True,
) -> Iterator[list[Line]]:
    """:func:`run`, a batch's results at a time (one part of a partitioned output each)."""
    todo = batches(items, batch_size)
    first = next(todo, None)
    if first is None:
        return
    second = next(todo, None)
    if workers <= 1 or second is None:
        yield process_batch(first, model, learned)
        if second is not None:
            yield process_batch(second, model, learned)
            for batch in todo:
                yield process_batch(batch, model, learned)
        return
    ctx = mp.get_context("spawn") if os.name == "nt" else mp.get_context("forkserver")
    window = workers * 2
    pending: deque[Future[list[Line]]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(model, learned))
    try:
        for batch in _chain(first, second, todo):
            pending.append(pool.submit(process_batch, batch))
            for done in in_order(pending, window, lambda f: f.done(), _first_completed):
                yield done.result()
        while pending:
            yield pending.popleft().result()
    finally:
        # on Ctrl-C or a closed output: drop the batches not started, don't wait for them
        pool.shutdown(wait=not pending, cancel_futures=True)


def _first_completed(futures: list[Future[list[Line]]]) -> None:
    wait(futures, return_when=FIRST_COMPLETED)


def in_order(
    pending: deque[T], window: int, done: Callable[[T], bool], wait_any: Callable[[list[T]], object]
) -> Iterator[T]:
    """Take the finished tasks at the head of ``pending`` (input order), then wait until fewer
    than ``window`` are running: a slow batch at the head does not leave the workers idle,
    and at most ``4 * window`` finished batches wait for it."""
    while True:
        while pending and done(pending[0]):
            yield pending.popleft()
        running = [t for t in pending if not done(t)]
        if len(running) < window and len(pending) < 4 * window:
            return
        wait_any(running)


def _chain(a: list[Item], b: list[Item], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield a
    yield b
    yield from rest
