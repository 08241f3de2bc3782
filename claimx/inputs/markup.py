"""HTML to article text: trafilatura first, a plain HTML parser when it finds nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from claimx.errors import InputError

__all__ = ["html_article", "html_to_text", "looks_like_html"]

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """True for text that starts as an HTML document (a doctype, ``<html>`` or ``<head>``)."""
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The article text of an HTML page and its title: ``(text, title)``.

    The text comes from trafilatura (boilerplate, navigation and scripts dropped), or from a
    plain HTML parser when trafilatura finds nothing. Paragraphs are separated by a blank
    line; a title that is not already the first paragraph is put first (a headline). Raises
    :class:`InputError` (kind ``"missing_dependency"``) when trafilatura cannot be imported:
    HTML is never quietly read with less cleaning than the install promises."""
    text, title, _warnings = html_article(markup)
    return text, title


def html_article(markup: str) -> tuple[str, str | None, list[str]]:
    """:func:`html_to_text` with the warnings to put on the document: ``(text, title, warnings)``."""
    warnings: list[str] = []
    paragraphs, title = _trafilatura(markup, warnings)
    if not paragraphs:
        paragraphs, title2 = _plain_html(markup)
        title = title or title2
    if title:
        title = " ".join(title.split())
        if not paragraphs or " ".join(paragraphs[0].split()) != title:
            paragraphs.insert(0, title)
    return "\n\n".join(paragraphs), title, warnings


def _import_trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:  # trafilatura itself, or lxml_html_clean, which it needs
        raise InputError(
            f"HTML input needs trafilatura, which cannot be imported ({exc}); "
            "reinstall claimx, or `pip install trafilatura lxml_html_clean`",
            kind="missing_dependency",
        ) from None
    return trafilatura


def _trafilatura(markup: str, warnings: list[str]) -> tuple[list[str], str | None]:
    trafilatura = _import_trafilatura()
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura chokes on some markup: say so, then the plain parser
        warnings.append(f"trafilatura failed on this page ({type(exc).__name__}): read with the plain HTML parser")
        return [], None
    if doc is None:
        return [], None
    if isinstance(doc, dict):  # trafilatura < 1.9
        text, title = doc.get("text"), doc.get("title")
    else:
        text, title = getattr(doc, "text", None), getattr(doc, "title", None)
    lines = [line.strip() for line in (text or "").split("\n")]
    return [line for line in lines if line], title if isinstance(title, str) and title else None


_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "footer",
        "header",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "object",
        "head",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "figcaption",
        "figure",
        "hr",
        "td",
        "th",
    }
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip: dict[str, int] = {}
        self.in_main = 0
        self.in_title = False
        self.title: list[str] = []
        self.current: list[str] = []
        self.paragraphs: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip[tag] = self.skip.get(tag, 0) + 1
        elif tag in _BLOCK_TAGS:
            self.flush()
        if tag in ("article", "main"):
            self.in_main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skip.get(tag):
            self.skip[tag] -= 1
        elif tag in _BLOCK_TAGS:
            self.flush()
        if tag in ("article", "main") and self.in_main:
            self.flush()
            self.in_main -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not any(self.skip.values()):
            self.current.append(data)

    def flush(self) -> None:
        para = " ".join("".join(self.current).split())
        if para:
            self.paragraphs.append((para, self.in_main > 0))
        self.current = []


def _plain_html(markup: str) -> tuple[list[str], str | None]:
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # HTMLParser is lenient; keep whatever it got
        pass
    parser.flush()
    main = [p for p, in_main in parser.paragraphs if in_main]
    paragraphs = main or [p for p, _ in parser.paragraphs]
    title = " ".join("".join(parser.title).split()) or None
    return paragraphs, title
