"""Calibrate the abstention threshold (Settings.abstain_threshold) on data.

    python benchmarks/calibrate_abstention.py --data ../shared/data --index-dir DIR --un-index un

SQuAD v1.1 dev questions are asked of their own corpus (answerable) and of an index of the UN
corpus (unanswerable: no UN paragraph answers a Wikipedia question). For each candidate
support score of the top hit, the threshold is set on the SQuAD articles of half A so that
8% of those answerable questions abstain; it is then checked on half B (false abstentions)
and on the UN index (true abstentions). Prints one markdown table comparing candidate support
scores (the product's is the best-sentence cosine x idf-weighted coverage; `rag eval --calibrate`
calibrates it on any questions).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality import article_half  # noqa: E402

from rag.answer.extract import coverage  # noqa: E402
from rag.config import load_settings  # noqa: E402
from rag.evaluation.evalset import load_questions  # noqa: E402
from rag.evaluation.evaluate import eval_settings, ensure_corpus_index  # noqa: E402
from rag.service import Session  # noqa: E402

TARGET_FALSE = 0.08


def top_hit_features(session: Session, questions: list) -> np.ndarray:
    """Per question: paragraph cosine, best-sentence cosine, coverage, idf-weighted coverage of the top hit."""
    rows = []
    for q in questions:
        search = session.retriever.search(q.question, k=1)
        if not search.hits:
            rows.append((0.0, 0.0, 0.0, 0.0))
            continue
        h = search.hits[0]
        rows.append((h.dense, h.sentence, coverage(q.question, h.text), coverage(q.question, h.text, search.query.idf)))
    return np.array(rows, dtype=np.float32)


SUPPORTS = {
    "paragraph cosine x coverage (the spine's)": lambda f: np.maximum(f[:, 0], 0) * f[:, 2],
    "best-sentence cosine": lambda f: f[:, 1],
    "best-sentence cosine x coverage": lambda f: np.maximum(f[:, 1], 0) * f[:, 2],
    "best-sentence cosine x idf-weighted coverage": lambda f: np.maximum(f[:, 1], 0) * f[:, 3],
    "paragraph cosine x idf-weighted coverage": lambda f: np.maximum(f[:, 0], 0) * f[:, 3],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--un-index", required=True)
    ap.add_argument("--every", type=int, default=1, help="use every n-th question (faster)")
    args = ap.parse_args()
    squad = args.data / "squad_v1.1_dev"
    settings = load_settings(index_dir=args.index_dir)
    questions = load_questions(squad / "questions.jsonl")[::args.every]
    halves = np.array([article_half(q.symbol) for q in questions])
    own = eval_settings(settings, squad / "corpus.jsonl")
    ensure_corpus_index(own, squad / "corpus.jsonl")
    with Session(own) as session:
        answerable = top_hit_features(session, questions)
    with Session(replace(settings, index_name=args.un_index)) as session:
        unanswerable = top_hit_features(session, questions)
    print(f"{len(questions)} SQuAD v1.1 dev questions; threshold set so that {TARGET_FALSE:.0%} of half A's "
          "answerable questions abstain\n")
    print("| support of the top hit | threshold | false abstention A | false abstention B "
          "| UN abstention A | UN abstention B |\n|---|---|---|---|---|---|")
    for name, fn in SUPPORTS.items():
        a, u = fn(answerable), fn(unanswerable)
        t = float(np.quantile(a[halves == 0], TARGET_FALSE))
        cells = [np.mean(a[halves == h] < t) for h in (0, 1)] + [np.mean(u[halves == h] < t) for h in (0, 1)]
        print(f"| {name} | {t:.4f} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")


if __name__ == "__main__":
    main()
