"""Where claimx's data lives, and loading it: the one module that knows.

Lexicons, patterns and the trained attribution pipeline are kept in the repository's top-level
``models/`` folder; the wheel ships that folder inside the package as ``claimx/models/``. A
checkout or an editable install reads the top-level folder itself."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import srsly


@cache
def models_dir() -> Path:
    """The data folder: inside the installed package, else the checkout's ``models/``."""
    packaged = Path(str(files("claimx") / "models"))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[1] / "models"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"claimx's data folder is missing (looked in {packaged} and {checkout}): reinstall claimx")


def model_path(name: str) -> Path:
    """A trained pipeline under the data folder, e.g. ``model_path("attribution")``."""
    return models_dir() / name


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
