"""claimx: extract attributions, actors, stances and figures from news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "__version__", "add_to", "extract", "extract_many", "make_doc", "to_article"]

if TYPE_CHECKING:
    from claimx.api import add_to, extract, extract_many, make_doc, to_article
    from claimx.schema import Article


def __getattr__(name: str) -> Any:
    # spaCy is imported only when the library is used, so `claimx --help` stays fast
    if name in ("extract", "extract_many", "add_to", "make_doc", "to_article"):
        from claimx import api

        return getattr(api, name)
    if name == "Article":
        from claimx.schema import Article

        return Article
    raise AttributeError(name)
