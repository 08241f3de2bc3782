"""Word lists and patterns, shipped as data under ``claimx/models/``."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import srsly


def models_dir() -> Path:
    """The installed package's data folder."""
    return Path(str(files("claimx") / "models"))


@cache
def load(name: str) -> Any:
    """Load ``models/<name>.json`` or, for a list of records, ``models/<name>.jsonl``."""
    base = models_dir()
    json_path = base / f"{name}.json"
    if json_path.exists():
        return srsly.read_json(json_path)
    jsonl_path = base / f"{name}.jsonl"
    if jsonl_path.exists():
        return list(srsly.read_jsonl(jsonl_path))
    raise FileNotFoundError(f"claimx lexicon {name!r} not found in {base}")


@cache
def word_set(name: str, key: str | None = None) -> frozenset[str]:
    """A lexicon (or one key of it) as a set of lower-cased entries."""
    data = load(name)
    if key is not None:
        data = data[key]
    return frozenset(str(w).lower() for w in data)
