"""Train the claimx attribution NER and export it with a minimal vocab.

    python models/training/train.py TRAIN.jsonl DEV.jsonl [--work /tmp/claimx_attr] [--no-features]
        [--max-steps N] [--export models/attribution]

Steps: convert both files (models/training/convert.py), `spacy train` models/training/attribution.cfg on one
thread (capped at training.before_update.minutes of wall-clock time, default 30), then copy
model-best's ner into a fresh blank("en") pipeline so the exported vocab/strings.json holds no
corpus words.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import convert  # noqa: E402  (also registers claimx.AttributionCorpus.v1)
import spacy  # noqa: E402
from spacy.cli.train import train as spacy_train  # noqa: E402
from spacy.pipeline import EntityRecognizer  # noqa: E402

BASE_ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
BASE_ROWS = [5000, 1000, 2500, 2500]


def export(model_dir: Path, out_dir: Path) -> None:
    trained = spacy.load(model_dir)
    ner = trained.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    fresh = spacy.blank("en")
    cfg = dict(trained.config["components"]["ner"])
    cfg.pop("factory")
    fresh_ner = fresh.add_pipe("ner", config=cfg)
    assert isinstance(fresh_ner, EntityRecognizer)
    for label in ner.labels:
        fresh_ner.add_label(label)
    fresh.initialize()  # builds the model shapes; weights are overwritten next
    fresh_ner.from_bytes(ner.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    for label in ner.labels:
        fresh.vocab.strings.add(label)
    fresh.meta["name"] = "claimx_attribution"
    fresh.meta["description"] = "SOURCE/CUE/CONTENT tagger for claimx (own tok2vec)"
    fresh.to_disk(out_dir)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("dev", type=Path)
    ap.add_argument("--work", type=Path, default=Path("/tmp/claimx_attr"))
    ap.add_argument("--no-features", action="store_true", help="no TAG/DEP embedding features")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--export", type=Path, default=HERE.parent / "attribution")
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--minutes", type=float, default=None, help="wall-clock cap (default 30)")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=JSON",
        help="extra config override, e.g. components.ner.model.hidden_width=96",
    )
    args = ap.parse_args()

    features = not args.no_features
    args.work.mkdir(parents=True, exist_ok=True)
    train_db, dev_db = args.work / "train.spacy", args.work / "dev.spacy"
    if not args.skip_convert:
        for src, dst in ((args.train, train_db), (args.dev, dev_db)):
            convert.convert(src, dst, features)
    overrides: dict[str, object] = {"paths.train": str(train_db), "paths.dev": str(dev_db)}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.minutes is not None:
        overrides["training.before_update.minutes"] = args.minutes
    for item in args.set:
        key, value = item.split("=", 1)
        overrides[key] = json.loads(value)
    if not features:
        overrides["components.ner.model.tok2vec.embed.attrs"] = BASE_ATTRS
        overrides["components.ner.model.tok2vec.embed.rows"] = BASE_ROWS
    try:
        spacy_train(HERE / "attribution.cfg", args.work / "out", overrides=overrides, use_gpu=-1)
    except convert.TimeLimitReached as stop:
        sys.stderr.write(f"{stop}\n")
    export(args.work / "out" / "model-best", args.export)


if __name__ == "__main__":
    main()
