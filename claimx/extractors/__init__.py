"""Extraction families, one module or package each: Doc in, typed records out."""
