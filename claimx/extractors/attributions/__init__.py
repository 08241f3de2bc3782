"""Attributions: the learned tagger (``tagger``) and the parse rules that pair and complete
its spans (``rules``)."""

from claimx.extractors.attributions.rules import find_attributions, rule_attributions, tag_many

__all__ = ["find_attributions", "rule_attributions", "tag_many"]
