"""Gradient-boosted regression trees, scored with numpy: the content selector's ranker.

The trees are trained with LightGBM (``models/training/content_selector.py``, at training time
only) and shipped as flat arrays in ``models/content_selector.json``: for every node its
feature, threshold, left and right child (global node numbers) and value; a leaf points to
itself on both sides. Every (tree, row) pair walks down at once, one level per step, and
leaves the walk at its leaf: a handful of array operations per level for a whole batch of
candidates, whatever the number of trees.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: a leaf's threshold in the JSON (never compared: a leaf ends the walk; finite, so the JSON is plain)
_NEVER = 1e300
#: walking pairs are compacted every this many levels (3: the fastest of 2-5 over 200 stories)
_COMPACT = 3

#: at most this many (tree, row) pairs walk at once: a larger matrix is scored in row blocks,
#: so memory stays bounded (each pair costs several int64 words per step)
PAIRS = 1 << 20


class Forest:
    """A sum of regression trees over the columns of a feature matrix; ``x <= threshold``
    goes left, as in LightGBM's numerical splits."""

    def __init__(self, spec: dict[str, Any]) -> None:
        feature = np.asarray(spec["feature"], dtype=np.int64)
        self.threshold = np.asarray(spec["threshold"], dtype=np.float64)
        left = np.asarray(spec["left"], dtype=np.int64)
        right = np.asarray(spec["right"], dtype=np.int64)
        self.value = np.asarray(spec["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int64)
        self.depth = int(spec["depth"])
        n = len(feature)
        if not (len(self.threshold) == len(left) == len(right) == len(self.value) == n):
            raise ValueError("a forest's node arrays differ in length")
        self.leaf = (left == np.arange(n)) & (right == np.arange(n))
        # a leaf compares column 0 with +inf: it always goes "left", to itself, so a pair that
        # reached its leaf can stay in the walk until the next compaction
        self.feature = np.where(self.leaf, 0, feature).astype(np.intp)
        self.split = np.where(self.leaf, np.inf, self.threshold)
        # node k's children are child[2k] (left) and child[2k + 1] (right)
        self.child = np.stack([left, right], axis=1).ravel().astype(np.intp)

    def __call__(self, x: Any) -> Any:
        """The summed score of each row of ``x`` (float32 first, as the trees were trained).
        Every (tree, row) pair walks down one level per step; every ``_COMPACT`` steps the
        pairs that reached a leaf leave the walk (compacting every step costs more than it
        saves), so a step costs about what is still walking."""
        x = np.asarray(x, dtype=np.float32).astype(np.float64)
        step = max(1, PAIRS // max(1, len(self.roots)))
        if len(x) > step:
            return np.concatenate([self(x[i : i + step]) for i in range(0, len(x), step)])
        rows, cols = x.shape
        flat = x.ravel()
        node = np.repeat(self.roots, rows)  # tree-major: pair p is tree p // rows, row p % rows
        base = np.tile(np.arange(rows, dtype=np.intp) * cols, len(self.roots))
        where = np.arange(len(node))
        cur = node
        for level in range(self.depth):
            if level % _COMPACT == _COMPACT - 1:
                walking = np.flatnonzero(~self.leaf[cur])
                if len(walking) < len(cur):
                    node[where] = cur
                    where, cur, base = where[walking], cur[walking], base[walking]
                    if not len(cur):
                        break
            right = flat[base + self.feature[cur]] > self.split[cur]
            cur = self.child[2 * cur + right]
        node[where] = cur
        return self.value[node].reshape(len(self.roots), rows).sum(axis=0)


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
