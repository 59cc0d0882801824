"""Memory of an index in use: what its vectors hold in memory, and the RSS of a fresh process that
opens it and answers questions, beside the exact flat paragraph vectors as the baseline. With
--build-mb, the peak RSS of `rag index build` over generated UN-style text of each size instead.

Run `python -m benchmarks.warm_query` first (it leaves scaled indexes under its --work folder), or point
--index-dir at any index folder (the one holding `default/`, or pass --index NAME):

    python -m benchmarks.memory --index-dir WORK/n1000000 [--questions 20] [--drop-caches]

Each process opens a `Session` (the query encoder, the index) and asks `--questions` questions
(`rag ask`'s whole path: candidates, fusion, token re-scoring, quote). RSS is split into anonymous
memory (the process's own: FAISS indexes, arrays, caches) and file-backed pages (memory-mapped
rows, SQLite pages read: shared with the page cache, given back under memory pressure).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "peacekeeping budget for the next financing period", "which forum does IOM serve as secretariat for?",
    "how many States have ratified the Treaty on the Prohibition of Nuclear Weapons",
    "work programme of the Statistical Commission", "Human Rights Council resolution on migrants",
    "climate change adaptation finance for developing countries", "sustainable development goals progress report",
    "protection of civilians in armed conflict", "children and armed conflict annual report",
    "gender equality and the empowerment of women", "financing for development follow-up",
    "oceans and the law of the sea", "international migration and development",
    "rule of law at the national and international levels", "counter-terrorism strategy review",
    "humanitarian assistance coordination", "disarmament machinery", "indigenous peoples rights",
    "access to justice for victims", "youth employment policies",
]
CHILD = r'''
import json, sys, time
def status():  # this process's own figures (ru_maxrss would carry the parent's over exec)
    out = {}
    for line in open("/proc/self/status"):
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
            out[key] = int(value.split()[0]) / 1024
    return out
index_dir, index_name, flat_path, count = sys.argv[1:5]
questions = json.loads(sys.argv[5])[:int(count)]
if flat_path != "-":  # the baseline: exact flat paragraph vectors in place of the chosen index
    import faiss
    import rag.index.vectors
    from rag.index.store import VECTORS
    read = faiss.read_index
    faiss.read_index = lambda path, *a: read(flat_path if path.endswith(VECTORS) else path, *a)
    keep = rag.index.vectors.set_search_params
    rag.index.vectors.set_search_params = lambda index, kind, params: keep(index, kind, params) if index.ntotal != int(sys.argv[6]) else None
from rag.config import load_settings
from rag.service import Session
settings = load_settings(env={}, index_dir=index_dir, index_name=index_name)
started = time.perf_counter()
session = Session(settings)
opened = time.perf_counter() - started
after_open = status()
cited = 0
for q in questions:
    cited += bool(session.ask(q).citations)
print(json.dumps({"open_s": opened, "after_open": after_open, "after_asks": status(), "cited": cited}))
'''


def child(index_dir: Path, index: str, flat: str, questions: int, paragraphs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(index_dir), index, flat, str(questions),
                          json.dumps(QUESTIONS), str(paragraphs)], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(REPO)))
    if out.returncode:
        raise SystemExit(out.stderr.strip().splitlines()[-1])
    return json.loads(out.stdout.strip().splitlines()[-1])


BUILD_FILE_MB = 2
SENTENCES = ["The Committee considered the report of the Secretary-General on the item and took note of it.",
             "Member States stressed the importance of adequate resources for the implementation of the mandate.",
             "The delegation recalled resolution {n}/12 and requested a further report at the next session.",
             "It was agreed that the working group would continue its consideration of the matter in {year}."]


def generate(folder: Path, mb: float) -> int:
    """UN-style numbered paragraphs, `mb` MB in files of up to BUILD_FILE_MB; returns the count."""
    folder.mkdir(parents=True, exist_ok=True)
    total, count, k = 0, 0, 0
    while total < mb * 2**20:
        lines, size, n = [f"A/80/{900 + k}", ""], 0, 0
        while size < min(BUILD_FILE_MB, mb) * 2**20 and total + size < mb * 2**20:
            n += 1
            text = f"{n}. " + " ".join(s.format(n=f"{k}{n}", year=1990 + n % 35) for s in SENTENCES)
            lines += [text, ""]
            size += len(text) + 2
        (folder / f"A_80_{900 + k}.txt").write_text("\n".join(lines))
        total, count, k = total + size, count + n, k + 1
    return count


def build_peak(folder: Path, index_dir: Path, model: str | None) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of one `rag index build` process over `folder`, as GNU time
    reports it (its maximum resident set size)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), **({"RAG_MODEL": model} if model else {}))
    shutil.rmtree(index_dir / folder.name, ignore_errors=True)  # a full build, not an incremental one
    started = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "maxrss_kb=%M", sys.executable, "-m", "rag", "index", "build",
                          str(folder), "--index-dir", str(index_dir), "--index", folder.name],
                         env=env, capture_output=True, text=True, check=False)
    lines = out.stderr.strip().splitlines()
    if out.returncode or not lines or not lines[-1].startswith("maxrss_kb="):
        raise SystemExit(lines[-2] if len(lines) > 1 else out.stderr)
    return int(lines[-1].split("=")[1]) / 1024, time.perf_counter() - started


def build_memory(work: Path, sizes: list[float], model: str | None) -> None:
    print(f"{'text MB':>8} {'paragraphs':>10} {'peak RSS MiB':>13} {'build s':>8}  (model {model or 'default'})")
    for mb in sizes:
        folder = work / "texts" / f"text{mb:g}"
        if not folder.exists():
            generate(folder, mb)
        paragraphs = sum(t.count("\n\n") for t in (f.read_text() for f in folder.iterdir()))
        peak, seconds = build_peak(folder, work, model)
        print(f"{mb:>8g} {paragraphs:>10,} {peak:>13,.0f} {seconds:>8.1f}")


def mib(path: Path) -> float:
    return path.stat().st_size / 2**20 if path.exists() else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--index", default="default")
    ap.add_argument("--questions", type=int, default=20)
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--drop-caches", action="store_true",
                    help="empty the page cache before each process (root only): file-backed RSS then counts "
                         "the pages the questions read, not the large folios a warm cache maps per fault")
    ap.add_argument("--build-mb", help="comma-separated sizes: peak RSS of builds of generated text instead")
    ap.add_argument("--model", help="with --build-mb: the embedding model (hash:384 is fast)")
    args = ap.parse_args()
    if args.build_mb:
        build_memory(args.index_dir, [float(x) for x in args.build_mb.split(",")], args.model)
        return
    import faiss  # noqa: I001

    from rag.index.sentences import SENTENCE_VECTORS
    from rag.index.store import SENTENCE_SEARCH, VECTORS, current_generation, read_manifest
    from rag.index.token_vectors import TOKENS_FILE

    gen = current_generation(args.index_dir / args.index)
    manifest = read_manifest(gen)
    n = manifest["paragraphs"]
    kind = manifest["vector_index"]
    search = (manifest.get("sentence_search") or {}).get("kind")
    in_memory = (0.0 if kind == "flat" else mib(gen / VECTORS)) + mib(gen / SENTENCE_SEARCH)
    mapped = (mib(gen / VECTORS) if kind == "flat" else 0.0) + mib(gen / SENTENCE_VECTORS) + mib(gen / TOKENS_FILE)
    print(f"{n:,} paragraphs, {manifest.get('sentences') or 0:,} sentence vectors"
          f"{' (synthetic scale-up)' if manifest.get('synthetic') else ''}; {gen}")
    print(f"vectors held in memory: {in_memory:,.0f} MiB = paragraph index {kind} "
          f"{0.0 if kind == 'flat' else mib(gen / VECTORS):,.0f} + sentence search {search or 'none (flat scan)'} "
          f"{mib(gen / SENTENCE_SEARCH):,.0f}")
    print(f"rows memory-mapped (flat files up to 256 MiB read whole; token rows and bigger files for candidates "
          f"only): {mapped:,.0f} MiB = sentence rows "
          f"{mib(gen / SENTENCE_VECTORS):,.0f} + token rows {mib(gen / TOKENS_FILE):,.0f}"
          f"{f' + flat paragraph rows {mib(gen / VECTORS):,.0f}' if kind == 'flat' else ''}")
    runs = [(f"{kind} (chosen)", "-")]
    if not args.skip_baseline and kind != "flat":
        flat_path = args.index_dir / "flat-baseline.faiss"
        if not flat_path.exists():
            index = faiss.read_index(str(gen / VECTORS))
            flat = faiss.IndexFlatIP(index.d)
            for start in range(0, n, 100_000):
                flat.add(index.reconstruct_n(start, min(100_000, n - start)))
            faiss.write_index(flat, str(flat_path))
            del flat, index
        runs.insert(0, (f"flat paragraph vectors ({mib(flat_path):,.0f} MiB, baseline)", str(flat_path)))
    print(f"{'paragraph vectors':<44} {'open s':>7} | {'after open: RSS':>15} {'anon':>6} {'file':>6} | "
          f"{f'after {args.questions} asks: peak':>22} {'RSS':>6} {'anon':>6} {'file':>6}  (MiB)")
    for label, flat in runs:
        if args.drop_caches:
            os.sync()
            Path("/proc/sys/vm/drop_caches").write_text("1\n")
        r = child(args.index_dir, args.index, flat, args.questions, n)
        a, b = r["after_open"], r["after_asks"]
        print(f"{label:<44} {r['open_s']:>7.2f} | {a['VmRSS']:>15.0f} {a['RssAnon']:>6.0f} {a['RssFile']:>6.0f} | "
              f"{b['VmHWM']:>22.0f} {b['VmRSS']:>6.0f} {b['RssAnon']:>6.0f} {b['RssFile']:>6.0f}  "
              f"({r['cited']} of {args.questions} answers cited a paragraph)")
    print(f"page cache {'emptied before each process' if args.drop_caches else 'as found (warm)'}; "
          f"1-min load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
