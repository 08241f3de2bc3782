"""CPU time of each pipeline step, spaCy's and claimx's, over corpus stories in one process.

    python benchmarks/stage_cpu.py [--folder ../shared/corpora/reuters] [--limit 300] [--passes 2]

Runs every component of the default pipeline (with claimx added) on each story in turn and
adds up ``time.process_time`` per component, then ``to_article``. It prints the mean seconds a
pass per step and the total. A shared machine's speed drifts between runs, so compare two
checkouts by their claimx steps relative to spaCy's own (tok2vec, parser, ner), which neither
changes. To time another checkout, run this file with that checkout's interpreter (its editable
install), from outside both checkouts.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folder", default=str(ROOT.parent / "shared" / "corpora" / "reuters"))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args()

    import claimx
    from claimx.nlp import pipeline

    files = sorted(Path(args.folder).glob("*.txt"))[: args.limit]
    if not files:
        raise SystemExit(f"no .txt stories in {args.folder}: the corpora live in ../shared")
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = pipeline.load()
    spent: Counter[str] = Counter()
    for _ in range(args.passes):
        for text in texts:
            doc = claimx.make_doc(nlp, text)
            for name, proc in nlp.pipeline:
                t0 = time.process_time()
                doc = proc(doc)
                spent[name] += time.process_time() - t0
            t0 = time.process_time()
            claimx.to_article(doc)
            spent["to_article"] += time.process_time() - t0
    print(f"{claimx.__file__}: {len(texts)} stories, {args.passes} passes, CPU seconds a pass")
    for name, secs in spent.items():
        print(f"  {name:24} {secs / args.passes:7.2f}")
    spacy_own = sum(spent[n] for n in ("tok2vec", "parser", "ner")) / args.passes
    ours = sum(v for n, v in spent.items() if n.startswith("claimx") or n == "to_article") / args.passes
    print(f"  spaCy tok2vec+parser+ner {spacy_own:7.2f} | claimx steps {ours:7.2f} ({ours / spacy_own:.3f} of spaCy's)")


if __name__ == "__main__":
    main()
