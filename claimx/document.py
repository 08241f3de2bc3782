"""One input text as decoded, and where it came from: what readers produce and the
pipeline consumes. Importing it costs nothing (no spaCy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """One input: its text exactly as decoded, and where it came from."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
