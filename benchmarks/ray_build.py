"""Build throughput of a Ray build (rag.index.ray_build) against a local build, in one run on
the same UN texts: paragraphs per second of a local build, then of Ray builds on a loopback
cluster of 1 and of 2 nodes (one CPU each), each printed beside the local baseline, with the
scaling efficiency per node (speed-up over the 1-node Ray build / nodes).

Every build goes into a fresh index folder (empty embedding cache) and embeds with the same
backend (onnxruntime fp32 unless --backend), so the three build the same index. The nodes of a
loopback cluster share this machine's cores: where it has fewer cores than the nodes ask for,
the figures measure Ray's overhead, not its scaling, and the output says so. Usage:

    python -m benchmarks.ray_build [--docs 16] [--repeat 3] [--backend onnx-f32]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rag.config import load_settings
from rag.embedding.embedders import document_embedder
from rag.index.build import build_index

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "un_corpus" / "txt"


def _files(count: int) -> list[Path]:
    """`count` texts of the corpus, the smallest first after skipping the very smallest (a
    fixed, repeatable sample of ordinary reports)."""
    files = sorted(CORPUS.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
    start = max(0, len(files) // 4)
    return files[start:start + count]


def _build(files: list[Path], model: str, backend: str, work: Path, workers=None) -> tuple[int, float]:
    folder = Path(tempfile.mkdtemp(dir=work))
    source = folder / "src"
    source.mkdir()
    for f in files:
        os.symlink(f, source / f.name)
    settings = load_settings(env={}, index_dir=folder, model=model, embed_backend=backend)
    started = time.perf_counter()
    report = build_index(settings, [source], workers=workers)
    seconds = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    return report.paragraphs, seconds


def _ray_build(nodes: int, files: list[Path], model: str, backend: str, work: Path) -> tuple[int, float, float]:
    """A build on a fresh loopback cluster of `nodes` one-CPU nodes; returns paragraphs, build
    seconds and the cluster's start-up seconds (not part of the build's)."""
    import ray
    from ray.cluster_utils import Cluster

    from rag.index.ray_build import ray_workers

    ray._private.ray_constants.ENABLE_RAY_CLUSTER = False  # keep the driver on 127.0.0.1 like the nodes
    started = time.perf_counter()
    node = {"num_cpus": 1, "include_dashboard": False, "node_ip_address": "127.0.0.1"}
    cluster = Cluster(initialize_head=True, head_node_args=node)
    try:
        for _ in range(nodes - 1):
            cluster.add_node(num_cpus=1, node_ip_address="127.0.0.1")
        cluster.wait_for_nodes()
        ray.init(address=cluster.address, log_to_driver=False, logging_level="warning", _node_ip_address="127.0.0.1")
        startup = time.perf_counter() - started
        with ray_workers(cluster.address) as workers:
            paragraphs, seconds = _build(files, model, backend, work, workers)
    finally:
        ray.shutdown()
        cluster.shutdown()
    return paragraphs, seconds, startup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the three builds, in turn; medians reported")
    parser.add_argument("--backend", default="onnx-f32")
    parser.add_argument("--model", default="all-MiniLM-L6-v2")
    args = parser.parse_args()
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parent.parent),
                                                os.environ.get("PYTHONPATH", "")])  # Ray workers import this rag
    files = _files(args.docs)
    cores = len(os.sched_getaffinity(0))
    print(f"{len(files)} UN texts ({sum(f.stat().st_size for f in files) / 1e6:.2f} MB), backend {args.backend}, "
          f"{cores} cores on this machine, {args.repeat} round(s)")
    document_embedder(args.model, 32, args.backend)  # one-time ONNX export (cached), outside the timings
    rates: dict[str, list[float]] = {"local": [], "1": [], "2": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for _ in range(args.repeat):
            paragraphs, seconds = _build(files, args.model, args.backend, work)
            rates["local"].append(paragraphs / seconds)
            for nodes in (1, 2):
                paragraphs, seconds, _startup = _ray_build(nodes, files, args.model, args.backend, work)
                rates[str(nodes)].append(paragraphs / seconds)
            print("round:", ", ".join(f"{k} {v[-1]:.1f}" for k, v in rates.items()), "paragraphs/s", flush=True)
    local, one = statistics.median(rates["local"]), statistics.median(rates["1"])
    print(f"{paragraphs} paragraphs a build; cluster start-up not counted")
    print(f"local build:      {local:6.1f} paragraphs/s (median; {min(rates['local']):.1f}-{max(rates['local']):.1f})")
    for nodes in (1, 2):
        got = rates[str(nodes)]
        rate = statistics.median(got)
        print(f"ray, {nodes} node(s):  {rate:6.1f} paragraphs/s (median; {min(got):.1f}-{max(got):.1f}); "
              f"local {local:.1f}: x{rate / local:.2f}; per-node scaling efficiency {rate / one / nodes:.0%}")
    print(f"note: each node has 1 CPU (one encoder actor, one thread); the nodes of the loopback cluster share "
          f"this machine's {cores} cores with the driver and anything else running, so 2 nodes cannot show "
          "the scaling of 2 machines; a local build uses every core in one process")


if __name__ == "__main__":
    main()
