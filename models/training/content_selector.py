"""Train the content selector (``claimx.extractors.attributions.selector``) on PolNeAR train.

    python models/training/content_selector.py TRAIN.jsonl models/content_selector.json \\
        [--cache /tmp/claimx-selector] [--exclude-mod 10] [--ranker trees|linear] \\
        [--crossfit TAGGER0 TAGGER1 [--mix oof|both|half]]
    python models/training/content_selector.py TRAIN.jsonl --write-folds DIR

Parses the articles with claimx's pipeline once (cached as a DocBin beside the tagger's spans),
runs the attribution rules without the selector, and for every predicted cue that overlaps a
gold cue builds the selector's candidates; a conditional-logit model (softmax over each cue's
candidates, L2-regularised, full-batch gradient descent, deterministic) or, the default,
gradient-boosted trees (LightGBM's lambdarank, ``TREES``; LightGBM is needed only here, from
the ``train`` extra, never at run time: the trees are exported as arrays that claimx scores
with numpy) learn to pick the candidate equal to the gold content. Articles whose id's MD5 is
0 mod ``--exclude-mod`` are left out (a held-out slice). Writes only feature names and weights
or trees, never corpus text. With the parse cached, the candidates take under a minute and LightGBM's 300 rounds about
3 CPU-minutes on 2 threads (11 minutes wall on a busy shared machine); the first parse of
train takes longer.

Cross-fitting (issue 13): the shipped tagger was trained on every train article, so its CONTENT
spans, one of the selector's features, are better on the selector's training cues than on new
text. ``--write-folds DIR`` splits all of TRAIN (the slice included) into ``DIR/fold0.jsonl``
and ``DIR/fold1.jsonl`` by the SHA-1 of ``"fold:" + id`` (``fold_of``); train a tagger on each
(``models/training/train.py DIR/foldK.jsonl DEV --export /tmp/taggerK``, same config and cap)
and pass them as ``--crossfit /tmp/tagger0 /tmp/tagger1``: each article's features then come
from the tagger that did not see it (cached in ``--cache``/crossfit.pkl, keyed by the two
paths). ``--mix both`` trains on two copies of every cue, one with the out-of-fold tagger's
spans and one with the full tagger's; ``--mix half`` takes the out-of-fold spans for half the
articles (SHA-1 of ``"mix:" + id`` even) and the full tagger's for the rest. At run time the
selector always sees the full tagger's spans. Tried in issue 13 and not kept: no mix beat the
shipped trees on PolNeAR dev (README, "Cross-fitted tagger spans").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path

import numpy as np

#: the linear ranker (``--ranker linear``)
CONFIG = {"l2": 1e-3, "steps": 400, "rate": 0.5}
#: the gradient-boosted ranker (the default; LightGBM, a training-time dependency only:
#: ``pip install -e ".[train]"``)
TREES = {
    "objective": "lambdarank",
    "lambdarank_truncation_level": 10,
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "lambda_l2": 1.0,
    "rounds": 300,
    "num_threads": 2,
    "deterministic": True,
    "force_row_wise": True,
    "seed": 13,
    "verbose": -1,
}
LATER = ["claimx_actors", "claimx_attributions", "claimx_figures", "claimx_stances", "claimx_claims"]


def _records(path: Path, mod: int) -> list[dict]:
    out = []
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if mod and int(hashlib.md5(rec["id"].encode()).hexdigest(), 16) % mod == 0:
            continue
        out.append(rec)
    return out


def fold_of(doc_id: str, salt: str = "fold") -> int:
    """The cross-fitting fold (0 or 1) of an article: independent of the slice's MD5."""
    return int(hashlib.sha1(f"{salt}:{doc_id}".encode()).hexdigest(), 16) % 2


def write_folds(train: Path, out: Path) -> None:
    """All of ``train`` (the slice included) in ``out/fold0.jsonl`` and ``out/fold1.jsonl``."""
    out.mkdir(parents=True, exist_ok=True)
    files = [(out / f"fold{k}.jsonl").open("w", encoding="utf-8") for k in (0, 1)]
    for line in train.open(encoding="utf-8"):
        files[fold_of(json.loads(line)["id"])].write(line)
    for f in files:
        f.close()


def _crossfit_tags(records: list[dict], docs, cache: Path, taggers: list[Path]) -> list:  # type: ignore[no-untyped-def]
    """Each article's tagger spans from the tagger trained on the other fold (``taggers[k]``
    was trained on fold k), cached in ``cache``/crossfit.pkl with the taggers' paths."""
    from claimx.extractors.attributions.tagger import AttributionTagger

    path, key = cache / "crossfit.pkl", [str(p.resolve()) for p in taggers]
    if path.exists():
        stored, tags = pickle.loads(path.read_bytes())
        if stored == key and len(tags) == len(docs):
            return tags
    tags = [None] * len(docs)
    for k, model in enumerate(taggers):
        mine = [i for i, r in enumerate(records) if fold_of(r["id"]) != k]
        spans = AttributionTagger.load(model).predict_many([docs[i] for i in mine], batch_size=16)
        for i, tagged in zip(mine, spans, strict=True):
            tags[i] = tagged
    path.write_bytes(pickle.dumps((key, tags)))
    return tags


def _mixed_groups(records: list[dict], docs, tags, oof, mix: str) -> list:  # type: ignore[no-untyped-def]
    """The training cues with the out-of-fold spans ``oof``, the full tagger's ``tags``, or both."""
    if mix == "oof":
        return _groups(records, docs, oof)
    if mix == "both":
        return _groups(records, docs, oof) + _groups(records, docs, tags)
    picked = [o if fold_of(r["id"], "mix") == 0 else t for r, o, t in zip(records, oof, tags, strict=True)]
    return _groups(records, docs, picked)


def _parsed(records: list[dict], cache: Path):  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    from claimx.api import make_doc
    from claimx.extractors.attributions import tag_many
    from claimx.nlp import pipeline

    nlp = pipeline.load()
    if not (cache / "docs.spacy").exists():
        cache.mkdir(parents=True, exist_ok=True)
        docs = list(nlp.pipe((make_doc(nlp, r["text"]) for r in records), disable=LATER, batch_size=16))
        tags = tag_many(docs)
        extra = [(d._.source_text, d._.headline, d._.dateline) for d in docs]
        DocBin(store_user_data=False, docs=docs).to_disk(cache / "docs.spacy")
        (cache / "extra.pkl").write_bytes(pickle.dumps((extra, tags)))
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    extra, tags = pickle.loads((cache / "extra.pkl").read_bytes())
    for d, (a, b, c) in zip(docs, extra, strict=True):
        d._.source_text, d._.headline, d._.dateline = a, b, c
    return docs, tags


def _groups(records: list[dict], docs, tags):  # type: ignore[no-untyped-def]
    from claimx.extractors.attributions import find_attributions, selector
    from claimx.extractors.quotes import find_quotes
    from claimx.nlp.components import ActorFinder
    from claimx.nlp.spans import clean_text

    groups = []
    for rec, doc, tagged in zip(records, docs, tags, strict=True):
        ActorFinder()(doc)
        text = clean_text(doc)
        contents = [(s, e) for label, s, e in tagged if label == "CONTENT"]
        quotes = find_quotes(text)
        gold = [g for g in rec["attributions"] if g.get("cue")]
        atts = find_attributions(doc, tagged=[tuple(t) for t in tagged], select=False)
        starts = sorted(a.cue.start for a in atts)
        for att in atts:
            cue = (att.cue.start, att.cue.end)
            match = [g for g in gold if g["cue"][0] < cue[1] and cue[0] < g["cue"][1]]
            if not match:
                continue
            want = selector.trim(text, tuple(match[0]["content"])) if match[0].get("content") else None
            source = (att.source.start, att.source.end) if att.source else None
            content = (att.content.start, att.content.end) if att.content else None
            cands = selector.candidates(doc, cue, source, content, contents, quotes)
            spans = list(cands)
            if want not in cands:
                continue
            feats = selector.featurize(doc, cue, source, cands, contents, starts)
            groups.append((feats, spans.index(want)))
    return groups


def _matrix(groups: list, names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates' features as one float32 matrix, each cue's number of candidates, and
    the row of each cue's gold candidate."""
    index = {n: i for i, n in enumerate(names)}
    rows = [f for feats, _ in groups for f in feats]
    x = np.zeros((len(rows), len(names)), dtype=np.float32)  # float32: half the memory and time
    for r, f in enumerate(rows):
        for k, v in f.items():
            x[r, index[k]] = v
    sizes = np.array([len(feats) for feats, _ in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return x, sizes, starts + np.array([g for _, g in groups])


def _report(groups: list, scores: np.ndarray, sizes: np.ndarray, gold: np.ndarray) -> None:
    starts = gold - np.array([g for _, g in groups])
    picked = np.array([int(np.argmax(scores[a : a + n])) for a, n in zip(starts, sizes, strict=True)])
    print(f"train: {len(groups)} cues, picked the gold content for {np.mean(picked == gold - starts):.3f}")


def train(groups: list, config: dict) -> tuple[list[str], np.ndarray]:
    """The linear ranker (conditional logit)."""
    names = sorted({k for feats, _ in groups for f in feats for k in f})
    x, sizes, gold = _matrix(groups, names)
    starts = gold - np.array([g for _, g in groups])
    owner = np.repeat(np.arange(len(groups)), sizes)
    w = np.zeros(len(names))
    for _ in range(config["steps"]):
        s = x @ w
        s -= np.maximum.reduceat(s, starts)[owner]
        p = np.exp(s)
        p /= np.add.reduceat(p, starts)[owner]
        grad = (p @ x - x[gold].sum(0)) / len(groups) + config["l2"] * w
        w -= config["rate"] * grad
    _report(groups, x @ w, sizes, gold)
    return names, w


def train_trees(groups: list, config: dict) -> tuple[list[str], dict]:
    """The gradient-boosted ranker (LightGBM lambdarank, deterministic on its threads), as the
    flat arrays ``claimx.extractors.attributions.trees.Forest`` scores; checked against
    LightGBM's own predictions."""
    import lightgbm as lgb

    from claimx.extractors.attributions import trees

    names = sorted({k for feats, _ in groups for f in feats for k in f})
    x, sizes, gold = _matrix(groups, names)
    y = np.zeros(len(x))
    y[gold] = 1.0
    params = {k: v for k, v in config.items() if k != "rounds"}
    booster = lgb.train(params, lgb.Dataset(x, y, group=sizes), num_boost_round=config["rounds"])
    spec = trees.flatten(booster.dump_model()["tree_info"])
    mine, theirs = trees.Forest(spec)(x), booster.predict(x)
    if not np.allclose(mine, theirs, atol=1e-6):
        raise SystemExit(f"exported trees disagree with LightGBM (max {np.abs(mine - theirs).max():.3g})")
    _report(groups, mine, sizes, gold)
    spec["value"] = [round(v, 7) for v in spec["value"]]
    return names, spec


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimx-selector"))
    ap.add_argument("--exclude-mod", type=int, default=10)
    ap.add_argument("--ranker", choices=("trees", "linear"), default="trees")
    ap.add_argument("--write-folds", type=Path, metavar="DIR", help="split TRAIN into two folds and stop")
    ap.add_argument("--crossfit", type=Path, nargs=2, metavar=("TAGGER0", "TAGGER1"))
    ap.add_argument("--mix", choices=("oof", "both", "half"), default="oof")
    args = ap.parse_args(argv)
    if args.write_folds:
        write_folds(args.train, args.write_folds)
        return
    if args.out is None:
        ap.error("the output path is required")
    records = _records(args.train, args.exclude_mod)
    docs, tags = _parsed(records, args.cache)
    if args.crossfit:
        oof = _crossfit_tags(records, docs, args.cache, list(args.crossfit))
        groups = _mixed_groups(records, docs, tags, oof, args.mix)
    else:
        groups = _groups(records, docs, tags)
    if args.ranker == "linear":
        names, w = train(groups, CONFIG)
        model = {"features": names, "weights": [round(float(v), 6) for v in w], "config": CONFIG}
    else:
        names, spec = train_trees(groups, TREES)
        model = {"features": names, "trees": spec, "config": TREES}
    args.out.write_text(json.dumps(model, indent=None if "trees" in model else 1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
