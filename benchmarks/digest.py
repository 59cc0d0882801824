"""How often the evidence digest (`rag ask --digest`) holds the gold paragraph, beside how often
the first citation is the gold paragraph, by kind of question, on a UN-style question set; and
how many out-of-corpus questions get an empty digest. Usage:

    python -m benchmarks.digest --index-dir DIR --index unpdf [--data ../shared/data/un_dev]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from rag.config import load_settings
from rag.service import Session


def _cited(answer) -> list[str]:
    """Every citation the digest gives, folded ones included."""
    return [c for g in answer.digest for i in g.items for c in (i.citation, *i.also)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--index", default="default")
    ap.add_argument("--data", type=Path, default=Path("../shared/data/un_dev"))
    args = ap.parse_args()
    questions = [json.loads(line) for line in (args.data / "questions.jsonl").open(encoding="utf-8")]
    unanswerable = [json.loads(line) for line in (args.data / "out_of_corpus.jsonl").open(encoding="utf-8")]
    asked, first, held, sizes = Counter(), Counter(), Counter(), []
    with Session(load_settings(index_dir=args.index_dir, index_name=args.index)) as s:
        for q in questions:
            answer = s.ask(q["question"], digest=True)
            gold = f"{q['symbol']}, para. {q['para']}"
            asked[q["kind"]] += 1
            first[q["kind"]] += bool(answer.citations) and answer.citations[0].citation == gold
            held[q["kind"]] += gold in _cited(answer)
            sizes.append(sum(len(g.items) for g in answer.digest))
        empty = sum(s.ask(q["question"], digest=True).digest == [] for q in unanswerable)
    print(f"{'kind':<12}{'questions':>10}{'first citation':>16}{'gold in digest':>16}")
    for kind in [*asked, "all"]:
        n = sum(asked.values()) if kind == "all" else asked[kind]
        f = sum(first.values()) if kind == "all" else first[kind]
        h = sum(held.values()) if kind == "all" else held[kind]
        print(f"{kind:<12}{n:>10}{f:>9} ({f / n:.3f}){h:>9} ({h / n:.3f})")
    print(f"paragraphs in a digest: mean {np.mean(sizes):.1f}, median {np.median(sizes):.0f}")
    print(f"out of corpus: {empty} of {len(unanswerable)} with an empty digest (the answer abstains)")


if __name__ == "__main__":
    main()
