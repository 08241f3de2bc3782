"""Gradient-boosted regression trees, scored with numpy: the content selector's ranker.

The trees are trained with LightGBM (``models/training/content_selector.py``, at training time
only) and shipped as flat arrays in ``models/content_selector.json``: for every node its
feature, threshold, left and right child (global node numbers) and value. A leaf is a node
that points to itself on both sides with a threshold no feature reaches, so every row walks all trees
at once, one level per step, until no row moves: a handful of array operations per batch of
candidates, whatever the number of trees.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: a leaf's threshold: every row goes "left", to the leaf itself (finite, so the JSON is plain)
_NEVER = 1e300


class Forest:
    """A sum of regression trees over the columns of a feature matrix; ``x <= threshold``
    goes left, as in LightGBM's numerical splits."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.feature = np.asarray(spec["feature"], dtype=np.int64)
        self.threshold = np.asarray(spec["threshold"], dtype=np.float64)
        self.left = np.asarray(spec["left"], dtype=np.int64)
        self.right = np.asarray(spec["right"], dtype=np.int64)
        self.value = np.asarray(spec["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int64)
        self.depth = int(spec["depth"])
        n = len(self.feature)
        if not (len(self.threshold) == len(self.left) == len(self.right) == len(self.value) == n):
            raise ValueError("a forest's node arrays differ in length")

    def __call__(self, x: Any) -> Any:
        """The summed score of each row of ``x`` (float32 first, as the trees were trained)."""
        x = np.asarray(x, dtype=np.float32).astype(np.float64)
        rows = np.arange(x.shape[0])[None, :]
        node = np.repeat(self.roots[:, None], x.shape[0], axis=1)
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        return self.value[node].sum(axis=0)


def flatten(trees: list[dict[str, Any]]) -> dict[str, Any]:
    """LightGBM's ``Booster.dump_model()["tree_info"]`` as the flat arrays ``Forest`` reads."""
    spec: dict[str, list[Any]] = {k: [] for k in ("feature", "threshold", "left", "right", "value", "roots")}
    depth = 0

    def walk(node: dict[str, Any], level: int) -> int:
        nonlocal depth
        me = len(spec["feature"])
        for key in ("feature", "threshold", "left", "right", "value"):
            spec[key].append(None)
        if "leaf_value" in node or "split_feature" not in node:
            depth = max(depth, level)
            leaf = float(node.get("leaf_value", 0.0))
            spec["feature"][me], spec["threshold"][me], spec["value"][me] = 0, _NEVER, leaf
            spec["left"][me] = spec["right"][me] = me
            return me
        if node.get("decision_type", "<=") != "<=":
            raise ValueError(f"unsupported split {node.get('decision_type')!r}")
        spec["feature"][me], spec["threshold"][me], spec["value"][me] = node["split_feature"], node["threshold"], 0.0
        spec["left"][me] = walk(node["left_child"], level + 1)
        spec["right"][me] = walk(node["right_child"], level + 1)
        return me

    for tree in trees:
        spec["roots"].append(walk(tree["tree_structure"], 0))
    return {**spec, "depth": depth}
