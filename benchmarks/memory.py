"""Peak RSS of loading an index (and answering one query) in a fresh process, for the
chosen vector index type and for the exact IndexFlatIP baseline over the same vectors.

Run benchmarks/warm_query.py first (it leaves scaled indexes under its --work folder):

    python benchmarks/memory.py --index-dir /tmp/rag-bench-warm/n1000000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHILD = r'''
import json, sys
def hwm():  # VmHWM: this process's own peak (ru_maxrss would carry the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
sys.path.insert(0, sys.argv[1])
import faiss, numpy as np
from rag.config import load_settings
from rag.store import open_index
from rag.retrieve import Retriever
import rag.vectors
settings = load_settings(env={}, index_dir=sys.argv[2], model=sys.argv[3])
if sys.argv[4] != "-":  # the baseline: the same index folder with exact flat vectors
    read = faiss.read_index
    faiss.read_index = lambda path, *a: read(sys.argv[4])
    rag.vectors.set_search_params = lambda *a: None
index = open_index(settings)
after_load = hwm()
class Fixed:
    dim = index.vectors.d
    name = "fixed"
    def encode_queries(self, texts):
        return index.vectors.reconstruct_batch(np.array([7], dtype=np.int64))
Retriever(index, Fixed(), settings).search("international cooperation on migration")
print(json.dumps({"after_load": after_load, "after_query": hwm()}))
'''


def child(index_dir: Path, model: str, vectors: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(REPO), str(index_dir), model, vectors],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    import faiss

    from rag.store import VECTORS, current_generation, read_manifest

    gen = current_generation(args.index_dir / "default")
    manifest = read_manifest(gen)
    n = manifest["paragraphs"]
    index = faiss.read_index(str(gen / VECTORS))
    flat_path = args.index_dir / "flat-baseline.faiss"
    if not flat_path.exists():
        flat = faiss.IndexFlatIP(index.d)
        for start in range(0, n, 100_000):
            flat.add(index.reconstruct_n(start, min(100_000, n - start)))
        faiss.write_index(flat, str(flat_path))
        del flat
    del index
    chosen = child(args.index_dir, manifest["model"], "-")
    base = child(args.index_dir, manifest["model"], str(flat_path))
    print(f"{n:,} paragraphs ({manifest.get('synthetic') and 'synthetic scale-up'}); "
          f"vector file {manifest['vector_index']} {os.path.getsize(gen / VECTORS) / 2**20:.0f} MiB, "
          f"flat {os.path.getsize(flat_path) / 2**20:.0f} MiB")
    print(f"{'vectors':<24} {'peak RSS after load MiB':>24} {'after one query MiB':>20}")
    print(f"{'flat (baseline)':<24} {base['after_load']:>24.0f} {base['after_query']:>20.0f}")
    print(f"{manifest['vector_index'] + ' (chosen)':<24} {chosen['after_load']:>24.0f} {chosen['after_query']:>20.0f}")


if __name__ == "__main__":
    main()
