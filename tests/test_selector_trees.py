"""The numpy scorer of the content selector's gradient-boosted trees, on trees built by hand in
LightGBM's dump format (LightGBM itself is a training-time dependency only)."""

from __future__ import annotations

import numpy as np
import pytest

from claimx.extractors.attributions import trees


def _leaf(v: float) -> dict:
    return {"leaf_index": 0, "leaf_value": v}


def _split(feature: int, threshold: float, left: dict, right: dict) -> dict:
    return {
        "split_feature": feature,
        "threshold": threshold,
        "decision_type": "<=",
        "left_child": left,
        "right_child": right,
    }


def _dump() -> list[dict]:
    # tree 1: x0 <= 0.5 ? (x1 <= 2 ? 1 : 2) : 3; tree 2: x1 <= 1 ? -1 : 10; tree 3: a single leaf
    one = _split(0, 0.5, _split(1, 2.0, _leaf(1.0), _leaf(2.0)), _leaf(3.0))
    two = _split(1, 1.0, _leaf(-1.0), _leaf(10.0))
    return [{"tree_structure": one}, {"tree_structure": two}, {"tree_structure": _leaf(0.25)}]


def _by_hand(row: list[float]) -> float:
    a = (1.0 if row[1] <= 2 else 2.0) if row[0] <= 0.5 else 3.0
    b = -1.0 if row[1] <= 1 else 10.0
    return a + b + 0.25


def test_a_forest_sums_the_leaves_each_row_reaches() -> None:
    rows = [[0.0, 0.0], [0.0, 1.0], [0.0, 1.5], [0.0, 2.0], [0.0, 3.0], [0.5, 5.0], [1.0, 0.0], [1.0, 9.0]]
    forest = trees.Forest(trees.flatten(_dump()))
    assert forest(np.array(rows)).tolist() == [_by_hand(r) for r in rows]
    assert forest.depth == 2


def test_a_split_other_than_less_or_equal_is_refused() -> None:
    bad = _split(0, 1.0, _leaf(0.0), _leaf(1.0)) | {"decision_type": "=="}
    with pytest.raises(ValueError):
        trees.flatten([{"tree_structure": bad}])


def test_a_large_matrix_is_scored_in_row_blocks_with_the_same_sums(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    rows = rng.uniform(-1.0, 4.0, size=(50, 2))
    forest = trees.Forest(trees.flatten(_dump()))
    whole = forest(rows)
    # three trees, at most six pairs at once: blocks of two rows
    monkeypatch.setattr(trees, "PAIRS", 6)
    assert forest(rows).tolist() == whole.tolist() == [_by_hand(list(r)) for r in rows]


def _random_tree(rng: np.random.Generator, depth: int) -> dict:
    if depth == 0 or rng.random() < 0.2:
        return _leaf(float(rng.normal()))
    return _split(int(rng.integers(3)), float(rng.normal()), _random_tree(rng, depth - 1), _random_tree(rng, depth - 1))


def _walk(node: dict, row: np.ndarray) -> float:
    while "split_feature" in node:
        node = node["left_child"] if row[node["split_feature"]] <= node["threshold"] else node["right_child"]
    return float(node["leaf_value"])


def test_deep_uneven_trees_score_as_a_plain_walk() -> None:
    # the walk drops finished pairs only every few levels: trees of uneven depth, past that
    rng = np.random.default_rng(7)
    dump = [{"tree_structure": _random_tree(rng, 9)} for _ in range(25)]
    x = rng.normal(size=(40, 3)).astype(np.float32).astype(np.float64)
    forest = trees.Forest(trees.flatten(dump))
    assert forest.depth > 3
    want = [sum(_walk(t["tree_structure"], row) for t in dump) for row in x]
    assert np.allclose(forest(x), want, rtol=0, atol=1e-9)
