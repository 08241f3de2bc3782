"""Figures: numbers read with their bounds, qualifiers, change, unit and what they count."""

from claimx.extractors.figures.assembly import find_figures

__all__ = ["find_figures"]
