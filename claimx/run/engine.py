"""Which runner does the work: the local worker pool (the default) or a Dask cluster, and
where partitioned output is written (by the parent locally, by the workers on a cluster)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from claimx.errors import UsageError
from claimx.inputs import source
from claimx.outputs.formats import OutputFormat
from claimx.run import partitions, pool


def partitioned(
    output: str | None, fmt: OutputFormat | None, *, to_dir: bool, to_file: bool, resume: bool
) -> tuple[OutputFormat | None, str | None]:
    """The format, and the folder (or URL) of a partitioned JSONL output: ``-o DIR/`` with
    ``--format jsonl`` (the default for a URL); ``-o DIR/`` alone is one ``.json`` per
    article, as it always was."""
    url = source.is_url(str(output))
    if to_dir and fmt is None:
        fmt = OutputFormat.jsonl if url else OutputFormat.json
    dest = output if to_dir and fmt is OutputFormat.jsonl else None
    if to_dir and dest is None and url:
        raise UsageError(f"-o {output}: a URL takes partitioned JSONL (--format jsonl)")
    if resume and not to_file and not to_dir:
        raise UsageError("--resume needs -o FILE (a JSONL output to continue) or -o DIR/ (parts or .json files)")
    return fmt, dest


def parts_done(dest: str | None, *, resume: bool, force: bool) -> tuple[set[str], int]:
    """Ids a partitioned output holds (when resuming) and the next part's index."""
    return partitions.prepare(dest, resume=resume, force=force) if dest is not None else (set(), 0)


@dataclass(frozen=True)
class Run:
    """How a run reads and where it runs: ``cluster`` None is the local pool."""

    cluster: str | None
    encoding: str | None
    max_chars: int | None
    dest: str | None = None
    first_part: int = 0
    stderr: TextIO | None = None

    def read(self, inputs: Sequence[str], from_list: TextIO | None) -> Iterator[Any]:
        """Documents for the local pool; for a cluster, files left for the workers to read
        (:mod:`claimx.run.units`)."""
        if self.cluster is None:
            from claimx.inputs import iter_inputs

            return iter_inputs(inputs, encoding=self.encoding, from_list=from_list, max_chars=self.max_chars)
        from claimx.run.cluster import _distributed
        from claimx.run.units import iter_units

        _distributed()  # the install hint before anything is read
        return iter_units(inputs, encoding=self.encoding, from_list=from_list, max_chars=self.max_chars)

    def lines(
        self, items: Iterable[Any], *, model: str | None, workers: int, batch_size: int, learned: bool
    ) -> Iterator[pool.Line]:
        """Every result line in input order; with ``dest``, each batch is also written as a part."""
        runs: Iterator[list[pool.Line]]
        if self.cluster is None:
            runs = pool.run_batches(items, model=model, workers=workers, batch_size=batch_size, learned=learned)
            if self.dest is not None:
                runs = partitions.written(runs, self.dest, self.first_part)
        else:
            from claimx.nlp import pipeline
            from claimx.run import cluster as dask_runner

            runs = dask_runner.run(
                items,
                address=self.cluster,
                model=pipeline.resolve_model_name(model),  # the client's choice, not each worker's
                learned=learned,
                batch_size=batch_size,
                encoding=self.encoding,
                max_chars=self.max_chars,
                dest=self.dest,
                first_index=self.first_part,
                stderr=self.stderr,
            )
        for batch in runs:
            yield from batch
