"""Index build throughput, end to end (parse, embed, SQLite + BM25, FAISS, recall check), on
the UN corpus texts, against a plain sentence-transformers fp32 pipeline in the same process.

Baseline and candidate alternate, `--repeat` times; each candidate build goes into a fresh
index folder (empty embedding cache). The one-time ONNX export happens before the timing
and is reported on its own. Usage:

    python -m benchmarks.build_throughput [--docs 20] [--repeat 2] [--backend auto]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rag.config import load_settings
from rag.embedding.embedders import choose_backend, cpu_flags, document_embedder, has_bf16, resolve_model
from rag.ingest import discover, parse_file
from rag.index.build import build_index

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "un_corpus" / "txt"


def baseline(files: list[Path], model: str) -> tuple[int, float]:
    """Parse with rag's parser, embed with plain sentence-transformers fp32 (batch 32)."""
    from sentence_transformers import SentenceTransformer

    started = time.perf_counter()
    st = SentenceTransformer(resolve_model(model), device="cpu")
    texts = [p.text for f in files for p in parse_file(f).paragraphs]
    st.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    return len(texts), time.perf_counter() - started


# rag's pipelines: the default, then what each setting that adds work costs
VARIANTS = {
    "default: late sentence vectors + token vectors": {},
    "no sentence vectors (sentence_vectors = false)": {"sentence_vectors": False},
}


def candidate(files: list[Path], model: str, backend: str, work: Path,
              overrides: dict | None = None) -> tuple[int, float, str]:
    folder = Path(tempfile.mkdtemp(dir=work))
    settings = load_settings(env={}, index_dir=folder, model=model, embed_backend=backend, **(overrides or {}))
    started = time.perf_counter()
    source = folder / "src"
    source.mkdir()
    for f in files:
        os.symlink(f, source / f.name)
    report = build_index(settings, [source])
    seconds = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    return report.paragraphs, seconds, report.generation


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", type=int, default=20, help="documents sampled (seed 0); 0 for all")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--backend", default="auto")
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()
    files, _ = discover([args.corpus])
    if args.docs:
        files = sorted(random.Random(0).sample(files, min(args.docs, len(files))))
    backend = choose_backend(args.backend)
    flags = cpu_flags()
    print(f"{len(files)} documents from {args.corpus}; backend {backend} (bf16 in CPU: {has_bf16(flags)}, "
          f"amx: {'amx_bf16' in flags}); {os.cpu_count()} CPUs")
    started = time.perf_counter()
    document_embedder(args.model, 32, backend)  # one-time ONNX export (cached) and compile
    print(f"encoder ready (export on first use, else cache hit) in {time.perf_counter() - started:.1f} s")
    work = Path(tempfile.mkdtemp(prefix="rag-bench-build-"))
    base_rates: list[float] = []
    cand_rates: dict[str, list[float]] = {label: [] for label in VARIANTS}
    for i in range(args.repeat):
        if not args.skip_baseline:
            n, s = baseline(files, args.model)
            base_rates.append(n / s)
            print(f"  run {i + 1}: baseline   {n} paragraphs in {s:6.1f} s = {n / s:6.1f} /s", flush=True)
        for label, overrides in VARIANTS.items():
            n, s, _ = candidate(files, args.model, backend, work, overrides)
            cand_rates[label].append(n / s)
            print(f"  run {i + 1}: rag build, {label}: {n} paragraphs in {s:6.1f} s = {n / s:6.1f} /s", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"{'pipeline':<75} {'paragraphs/s median':>20} {'min':>7} {'max':>7}")
    if base_rates:
        print(f"{'baseline: sentence-transformers fp32 (paragraphs only)':<75} "
              f"{statistics.median(base_rates):>20.1f} {min(base_rates):>7.1f} {max(base_rates):>7.1f}")
    for label, rates in cand_rates.items():
        name = f"rag index build ({backend}), {label}"
        print(f"{name:<75} {statistics.median(rates):>20.1f} {min(rates):>7.1f} {max(rates):>7.1f}")
    if base_rates:
        print("speed-up vs baseline: " + ", ".join(
            f"x{statistics.median(r) / statistics.median(base_rates):.2f} ({k.split(':')[0]})"
            for k, r in cand_rates.items()) + f"; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
