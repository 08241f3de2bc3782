"""Reading inputs: bytes in, a :class:`~claimx.document.Document` or an error record out.
Never imports spaCy or the extraction rules."""

from claimx.inputs.reader import (
    FOLDER_SUFFIXES,
    check_encoding,
    decode_bytes,
    html_to_text,
    iter_inputs,
    looks_like_html,
)

__all__ = ["FOLDER_SUFFIXES", "check_encoding", "decode_bytes", "html_to_text", "iter_inputs", "looks_like_html"]
