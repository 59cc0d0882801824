"""Cold `rag ask` (a fresh process per question) against a plain sentence-transformers + FAISS
script on the same index, interleaved, with wall time and peak RSS of each child process.

    RAG_INDEX_DIR=INDEX_DIR python -m benchmarks.cold_ask [--repeat 5] [--index default]
        [--before OTHER_CHECKOUT [--before-index-dir OTHER_INDEX_DIR]]

`--before` also times `rag ask` from another checkout of the code (e.g. `git archive main`),
interleaved in the same run, on the same index or on `--before-index-dir`.
Also checks, with `python -X importtime`, that `rag ask` never imports torch (and lists which of
faiss, rich, tokenizers it imports), and times `rag --help`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "which forum does IOM serve as secretariat for?",
    "What did the Secretary-General recommend on climate finance?",
    "How many States have ratified the Treaty on the Prohibition of Nuclear Weapons?",
    "What is the role of the Peacebuilding Commission?",
    "Which measures were taken to protect migrant workers?",
]
BASELINE = r'''
import sqlite3, sys
import faiss
from sentence_transformers import SentenceTransformer
model_path, gen, question = sys.argv[1:4]
model = SentenceTransformer(model_path, device="cpu")
index = faiss.read_index(gen + "/vectors.faiss")
_, ids = index.search(model.encode([question], normalize_embeddings=True), 5)
conn = sqlite3.connect(gen + "/store.sqlite")
print(conn.execute("SELECT text FROM paragraphs WHERE id = ?", (int(ids[0][0]),)).fetchone()[0][:200])
'''




def run_rusage(cmd: list[str], env: dict[str, str], cwd: Path = REPO) -> tuple[float, float, float, str]:
    """(wall s, CPU s = user + system, peak RSS MiB, stdout) of one child process, from wait4.

    CPU time is reported beside wall time because the machine may be shared: wall time then
    includes waiting for a core, CPU time does not."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"{' '.join(cmd[:4])}... failed: {err.read().strip()[-500:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--index", default="default")
    ap.add_argument("--before", type=Path, help="another checkout of rag to time beside this one")
    ap.add_argument("--before-index-dir", type=Path, help="RAG_INDEX_DIR for --before (default: the same)")
    args = ap.parse_args()
    from rag.config import load_settings
    from rag.embedding.embedders import resolve_model
    from rag.index.store import current_generation, read_manifest

    settings = load_settings(index_name=args.index)
    gen = current_generation(settings.index_path)
    manifest = read_manifest(gen)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # an installed package has its bytecode compiled; don't let a sandbox setting recompile it every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    rag_cmd = [py, "-m", "rag.cli", "ask", "--index", args.index]
    base_cmd = [py, "-c", BASELINE, resolve_model(manifest["model"]), str(gen)]
    print(f"index {settings.index_path}: {manifest['paragraphs']} paragraphs, vectors {manifest['vector_index']}, "
          f"queries with {(manifest.get('embedding') or {}).get('query_encoder', {}).get('kind', '?')}")
    run_rusage(rag_cmd + [QUESTIONS[0]], env)  # warm the page cache for both
    run_rusage(base_cmd + [QUESTIONS[0]], env)
    results: dict[str, list[tuple[float, float, float]]] = {"baseline": [], "rag ask": [], "rag --help": []}
    before_env = None
    if args.before:
        before_env = dict(env, PYTHONPATH=str(args.before.resolve()))
        if args.before_index_dir:
            before_env["RAG_INDEX_DIR"] = str(args.before_index_dir)
        results["before"] = []
        run_rusage(rag_cmd + [QUESTIONS[0]], before_env, cwd=args.before)
    loads = []
    for i in range(args.repeat):
        q = QUESTIONS[i % len(QUESTIONS)]
        loads.append(os.getloadavg()[0])
        results["baseline"].append(run_rusage(base_cmd + [q], env)[:3])
        results["rag ask"].append(run_rusage(rag_cmd + [q], env)[:3])
        results["rag --help"].append(run_rusage([py, "-m", "rag.cli", "--help"], env)[:3])
        if before_env is not None:
            results["before"].append(run_rusage(rag_cmd + [q], before_env, cwd=args.before)[:3])
    print(f"{'command':<50} {'wall median s':>13} {'min':>6} {'max':>6} {'CPU median s':>12} "
          f"{'peak RSS MiB':>12}")
    labels = {"baseline": "baseline: sentence-transformers + FAISS script",
              "rag ask": "rag ask (default hybrid retrieval + quote)", "rag --help": "rag --help",
              "before": f"rag ask of {args.before}"}
    for key, rows in results.items():
        walls = [w for w, _, _ in rows]
        print(f"{labels[key]:<50} {statistics.median(walls):>13.3f} {min(walls):>6.3f} {max(walls):>6.3f} "
              f"{statistics.median(c for _, c, _ in rows):>12.3f} {max(r for _, _, r in rows):>12.0f}")
    trace = subprocess.run([py, "-X", "importtime", "-m", "rag.cli", "ask", "--index", args.index, QUESTIONS[0]],
                           cwd=REPO, env=env, capture_output=True, text=True)
    imported = {line.split("|")[-1].strip().split(".")[0] for line in trace.stderr.splitlines()
                if line.startswith("import time:")}
    heavy = sorted(imported & {"torch", "sentence_transformers", "transformers"})
    print(f"rag ask imports torch/sentence_transformers/transformers: {', '.join(heavy) if heavy else 'none'}; "
          f"of faiss/rich/tokenizers: {', '.join(sorted(imported & {'faiss', 'rich', 'tokenizers'})) or 'none'}")
    print(f"(python {sys.version.split()[0]} at {py}; 1-min load average during the runs "
          f"{min(loads):.2f}-{max(loads):.2f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
