"""Which runner does the work: the local worker pool (the default) or a Dask cluster, and
where partitioned output is written (by the parent locally, by the workers on a cluster)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from claimx.run import partitions, pool


def read(
    inputs: Sequence[str],
    *,
    cluster: str | None,
    encoding: str | None,
    from_list: TextIO | None,
    max_chars: int | None,
) -> Iterator[Any]:
    """What the runner is given: documents for the local pool; for a cluster, files left for
    the workers to read (:mod:`claimx.run.units`)."""
    if cluster is None:
        from claimx.inputs import iter_inputs

        return iter_inputs(inputs, encoding=encoding, from_list=from_list, max_chars=max_chars)
    from claimx.run.cluster import _distributed
    from claimx.run.units import iter_units

    _distributed()  # the install hint before anything is read
    return iter_units(inputs, encoding=encoding, from_list=from_list, max_chars=max_chars)


def lines(
    items: Iterable[Any],
    *,
    cluster: str | None,
    model: str | None,
    workers: int,
    batch_size: int,
    learned: bool,
    encoding: str | None = None,
    max_chars: int | None = None,
    dest: str | None = None,
    first_part: int = 0,
    stderr: TextIO | None = None,
) -> Iterator[pool.Line]:
    """Every result line in input order; with ``dest``, each batch is also written as a part."""
    runs: Iterator[list[pool.Line]]
    if cluster is None:
        runs = pool.run_batches(items, model=model, workers=workers, batch_size=batch_size, learned=learned)
        if dest is not None:
            runs = partitions.written(runs, dest, first_part)
    else:
        from claimx.run import cluster as dask_runner

        runs = dask_runner.run(
            items,
            address=cluster,
            model=model,
            learned=learned,
            batch_size=batch_size,
            encoding=encoding,
            max_chars=max_chars,
            dest=dest,
            first_index=first_part,
            stderr=stderr,
        )
    for batch in runs:
        yield from batch
