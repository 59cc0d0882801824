"""Incremental build benchmark: full build of a corpus, one document changed, nothing changed.

    python -m benchmarks.incremental [--corpus ../shared/data/un_corpus/txt] [--model all-MiniLM-L6-v2]

Copies the corpus to a temporary folder, builds an index from scratch (the baseline), edits one
paragraph of one document and builds again, then builds once more with nothing changed (timed as a
whole `rag index build` process, Python start-up included). Targets: changed-one build <= 5% of
the full build; no-op < 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from rag.index.build import build_index
from rag.config import load_settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "data" / "un_corpus" / "txt")
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    corpus = work / "corpus"
    shutil.copytree(args.corpus, corpus)
    settings = load_settings(env={}, index_dir=work / "indexes", model=args.model)
    t = time.perf_counter()
    full = build_index(settings, [corpus])
    t_full = time.perf_counter() - t

    victim = sorted(corpus.iterdir())[len(list(corpus.iterdir())) // 2]
    text = victim.read_text(encoding="utf-8")
    middle = text.index(" the ", len(text) // 2)  # inside the body: one paragraph's text changes
    victim.write_text(text[:middle] + " the revised " + text[middle + 5:], encoding="utf-8")
    t = time.perf_counter()
    one = build_index(settings, [corpus])
    t_one = time.perf_counter() - t

    env = {**os.environ, "RAG_INDEX_DIR": str(settings.index_dir), "RAG_MODEL": args.model}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "rag", "index", "build", str(corpus)], env=env, cwd=REPO,
                          capture_output=True, text=True)
    t_noop = time.perf_counter() - t
    assert proc.returncode == 0, proc.stderr

    print(f"corpus: {args.corpus} ({full.documents} documents, {full.paragraphs} paragraphs), model {args.model}")
    print("| build | seconds | parsed | paragraphs (sentences) embedded | vs full build | target |")
    print("|---|---|---|---|---|---|")
    print(f"| full (baseline) | {t_full:.2f} | {full.parsed} | {full.embedded} ({full.sentences_embedded}) | 100% | |")
    print(f"| one document changed ({victim.name}) | {t_one:.2f} | {one.parsed} | {one.embedded} "
          f"({one.sentences_embedded}) | {100 * t_one / t_full:.1f}% | <= 5% |")
    print(f"| nothing changed (`rag index build` process) | {t_noop:.2f} | 0 | 0 | "
          f"{100 * t_noop / t_full:.1f}% | < 1 s |")
    print(f"no-op output: {proc.stdout.strip()}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
