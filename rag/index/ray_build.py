"""A build's parsing and encoding on a Ray cluster (`rag index build --ray ADDRESS`).

The build itself stays in this process (the driver): it decides which files to parse and which
texts to embed (only new or changed files, only texts the embedding cache lacks), and writes
what comes back through the same scratch rows, writer and atomic switch as a local build, so
the index is the same. Ray only runs the two heavy steps:

- parsing: one Ray task per file (`max_retries` set: a task whose worker dies runs again);
- encoding: Ray Data `map_batches` over a pool of actors, one per CPU of the cluster, each
  loading the encoder once, with the backend the driver picked (the same vectors as a local
  build); an actor that dies is restarted and its batch retried (`max_restarts`,
  `max_task_retries`). Batches stream back in order (`iter_batches`) and go to the scratch
  rows as they come: the driver never holds every vector. The token projection is fitted on
  the driver, on the first encoder call's token embeddings, as a local build fits it; the
  actors of the other calls project token rows and late-chunk sentence vectors themselves, so
  what comes back is what the build keeps. A few sentences past a paragraph's window are
  embedded on the driver (a pool would take longer to start).

The index switches only after every batch is in; a build that fails or is interrupted leaves
the previous index answering. Files are read by the workers at the paths the driver found, so a
cluster of several machines needs the sources on a shared file system, and `rag` installed on
every node. Ray is imported only here, and only for a build that asks for it.
"""

from __future__ import annotations

import logging
import os
import socket
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from rag.embedding.base import TokenOutput
from rag.errors import ClusterError
from rag.index.store import ProgressFn
from rag.index.token_vectors import TOKEN_DIM, ParagraphTokens, Projection
from rag.index.workers import (
    Encoding,
    Kept,
    LocalEncoding,
    Parsed,
    Wants,
    kept_from_pass,
    parse_one,
)

LOCAL = "local"  # `--ray local`: a cluster of this machine, started for the build
BATCH_TEXTS = 32  # texts an actor encodes per batch
PARSE_RETRIES = 3  # runs of a parse task whose worker died, after the first
ACTOR_RESTARTS = 3  # restarts of an encoding actor whose process or node died
BATCH_RETRIES = 3  # runs of a batch whose actor died, after the first
CONNECT_TIMEOUT_S = 5.0
LOCAL_PLAIN_TEXTS = 256  # up to this many texts to embed alone (sentences past a window) are embedded here
INSTALL = 'pip install -e ".[ray]"'


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ClusterError("a Ray build needs Ray, which is not installed", fix=INSTALL) from None
    return ray


def _host_port(address: str) -> tuple[str, int] | None:
    """The host and port an address names (None for `auto`, which Ray resolves itself)."""
    bare = address.removeprefix("ray://")
    if bare == "auto":
        return None
    host, _, port = bare.rpartition(":")
    if not host or not port.isdigit():
        raise ClusterError(f"{address}: not a Ray address", fix="give HOST:PORT, ray://HOST:PORT or local")
    return host.strip("[]"), int(port)


def _check_reachable(address: str) -> None:
    """ClusterError naming `address` unless something accepts connections there (Ray itself
    would retry for a minute before it gave up)."""
    target = _host_port(address)
    if target is None:
        return
    try:
        socket.create_connection(target, timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ClusterError(f"{address}: cannot reach the Ray cluster ({reason}); the index is unchanged",
                           fix="start it with `ray start --head`, or build with --ray local") from None


def _connect(ray: Any, address: str) -> bool:
    """Connect this process to the cluster at `address` (start one where `local`); False where
    it already is connected (the caller's session is kept)."""
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray's C++ log lines (an "E" line for each actor pool with restarts, a "W" line a second
    # while it retries an address) would read as the build's errors; what fails reaches the
    # build as an exception, one line. Set RAY_BACKEND_LOG_LEVEL to see them.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
    if address == LOCAL:
        options = {"address": "local", "include_dashboard": False, "_node_ip_address": "127.0.0.1"}
    else:
        _check_reachable(address)
        options = {"address": address}
    try:
        with _stderr_silenced():
            ray.init(**options, **quiet)
    except Exception as exc:  # noqa: BLE001 - any failure to connect is one line naming the address
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ClusterError(f"{address}: cannot connect to the Ray cluster ({reason}); the index is unchanged",
                           fix="check the address and that the cluster runs the same Ray version") from None
    return True


@contextmanager
def _stderr_silenced() -> Iterator[None]:
    """File descriptor 2 sent to /dev/null for the block (Ray's start-up lines; the processes a
    local cluster starts keep their own log files)."""
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


@contextmanager
def ray_workers(address: str) -> Iterator[RayWorkers]:
    """Workers on the Ray cluster at `address` (HOST:PORT, ray://HOST:PORT, auto, or `local`),
    for one build; disconnects afterwards where it connected."""
    ray = _import_ray()
    connected = _connect(ray, address)
    try:
        yield RayWorkers(ray)
    finally:
        if connected:
            ray.shutdown()


def _cluster_failure(what: str, exc: BaseException) -> ClusterError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ClusterError(f"{what} failed on the Ray cluster ({reason}); the index is unchanged",
                        fix="check the cluster (`ray status`) and build again")


class RayWorkers:
    """Parsing tasks and an encoding actor pool on the connected cluster."""

    def __init__(self, ray: Any) -> None:
        self._ray = ray
        self.cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self.parse_tasks = 0  # files sent to parse tasks (a build's report counts them too)
        self.texts_sent = 0  # texts sent to the encoding actors

    def parse(self, paths: list[Path], max_mb: float, tick: ProgressFn) -> Iterator[tuple[Path, Parsed]]:
        """One task per file; results in the order they finish."""
        ray = self._ray
        tick("parse", 0, len(paths))
        task = ray.remote(num_cpus=1, max_retries=PARSE_RETRIES, retry_exceptions=False)(parse_one)
        pending = {task.remote(p, max_mb): p for p in paths}
        self.parse_tasks += len(paths)
        refs, done = list(pending), 0
        while refs:
            ready, refs = ray.wait(refs, num_returns=min(len(refs), 16), timeout=1.0)
            for ref in ready:
                path = pending.pop(ref)
                try:
                    parsed = ray.get(ref)
                except Exception as exc:  # noqa: BLE001 - a task that failed for good: the build stops, one line
                    raise _cluster_failure(f"parsing {path}", exc) from None
                done += 1
                tick("parse", done, len(paths))
                yield path, parsed

    def encoding(self, embedder: Any, backend: str, batch_size: int) -> Encoding:
        from rag.embedding.embedders import HASH_PREFIX, choose_backend

        pinned = backend if embedder.name.startswith(HASH_PREFIX) else choose_backend(backend)
        return RayEncoding(self, embedder, pinned, batch_size)


class _Encoder:
    """A Ray Data actor: the encoder loaded once, then batches of texts encoded. `mode`: "plain"
    (vectors), "raw" (vectors and token embeddings, for the driver to fit the token projection
    on) or "kept" (vectors, token rows projected with `projection`, late sentence vectors: what
    the build keeps, a small part of the token embeddings' size)."""

    def __init__(self, model: str, backend: str, batch_size: int, mode: str, threads: int,
                 projection: Projection | None = None) -> None:
        from rag.embedding.embedders import document_embedder

        if backend.startswith("torch"):
            import torch

            torch.set_num_threads(threads)
        self._embedder, _ = document_embedder(model, batch_size, backend, threads=threads)
        self._mode, self._projection = mode, projection

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        texts = [str(t) for t in batch["text"]]
        out = {"call": batch["call"], "key": batch["key"]}
        if self._mode == "plain":
            return {**out, "pooled": self._embedder.encode_documents(texts)}
        vectors, outputs = self._embedder.encode_with_tokens(texts)
        if self._mode == "raw":
            return {**out, "pooled": vectors, **{f: _ragged([getattr(t, f) for t in outputs]) for f in TokenOutput._fields}}
        kept = [kept_from_pass(t, bool(s), v, o, self._projection)
                for t, s, v, o in zip(texts, batch["split"], vectors, outputs)]
        return {**out, **_kept_columns(kept, self._embedder.dim)}


def _ragged(arrays: list[np.ndarray]) -> np.ndarray:
    """Arrays of different lengths as one column (Ray Data keeps it as a variable-shaped tensor)."""
    column = np.empty(len(arrays), dtype=object)
    column[:] = arrays
    return column


def _kept_columns(kept: list[Kept], dim: int) -> dict[str, np.ndarray]:
    """`Kept` rows as columns: a past-the-window sentence is a zero row with `reached` false."""
    late = [np.stack([v if v is not None else np.zeros(dim, np.float32) for v in k.late]).astype(np.float32)
            if k.late else np.zeros((0, dim), np.float32) for k in kept]
    columns = {"pooled": np.stack([k.vector for k in kept]), "late": _ragged(late),
               "reached": _ragged([np.array([v is not None for v in k.late], dtype=bool) for k in kept])}
    if kept and kept[0].tokens is not None:
        columns["ids"] = _ragged([k.tokens.ids for k in kept if k.tokens is not None])
        columns["rows"] = _ragged([k.tokens.rows for k in kept if k.tokens is not None])
    return columns


def _kept_of_row(row: dict[str, Any]) -> Kept:
    late = np.asarray(row["late"], dtype=np.float32)
    tokens = ParagraphTokens(np.asarray(row["ids"], np.int32), np.asarray(row["rows"], np.int8).reshape(-1, TOKEN_DIM)) \
        if "ids" in row else None
    return Kept(np.asarray(row["pooled"], np.float32), tokens,
                [late[j] if ok else None for j, ok in enumerate(np.asarray(row["reached"], dtype=bool))])


class RayEncoding:
    """Encoder calls answered by a Ray Data actor pool, in order, one call at a time. Where the
    token projection is not known yet, the first call's token embeddings come back to fit it
    (as a local build fits it), and the other calls go to a pool that projects them itself."""

    def __init__(self, workers: RayWorkers, embedder: Any, backend: str, batch_size: int) -> None:
        self._workers, self._embedder, self._backend, self._batch_size = workers, embedder, backend, batch_size

    def with_tokens(self, calls: list[list[str]], texts: Mapping[str, str], wants: Wants
                    ) -> Iterator[tuple[list[str], list[Kept]]]:
        rest = calls
        if wants.tokens and wants.projection is None and calls:
            for keys, rows in self._calls(calls[:1], texts, "raw", wants):
                outputs = [TokenOutput(*(np.asarray(r[f]) for f in TokenOutput._fields)) for r in rows]
                projection = wants.fitted(outputs)
                yield keys, [kept_from_pass(texts[k], k in wants.split, r["pooled"], t, projection)
                             for k, r, t in zip(keys, rows, outputs)]
            rest = calls[1:]
        for keys, rows in self._calls(rest, texts, "kept", wants):
            yield keys, [_kept_of_row(r) for r in rows]

    def plain(self, calls: list[list[str]], texts: Mapping[str, str]) -> Iterator[tuple[list[str], np.ndarray]]:
        if sum(len(c) for c in calls) <= LOCAL_PLAIN_TEXTS:  # a few sentences: no pool to start for them
            yield from LocalEncoding(self._embedder).plain(calls, texts)
            return
        for keys, rows in self._calls(calls, texts, "plain", None):
            yield keys, np.stack([r["pooled"] for r in rows])

    def _calls(self, calls: list[list[str]], texts: Mapping[str, str], mode: str, wants: Wants | None
               ) -> Iterator[tuple[list[str], list[dict[str, Any]]]]:
        """Each call's keys and their rows, as the actors' batches stream back."""
        if not calls:
            return
        want = [len(c) for c in calls]
        current, rows = 0, []
        for row in self._stream(calls, texts, mode, wants):
            rows.append(row)
            if len(rows) == want[current]:
                keys = [str(r["key"]) for r in rows]
                if keys != calls[current]:
                    raise ClusterError("the Ray cluster returned texts out of order; the index is unchanged")
                yield keys, rows
                current, rows = current + 1, []
        if current != len(calls):
            raise ClusterError("the Ray cluster returned fewer texts than it was sent; the index is unchanged")

    def _dataset(self, items: list[dict[str, Any]], mode: str, wants: Wants | None) -> Any:
        ray = self._workers._ray
        blocks = max(1, -(-len(items) // BATCH_TEXTS))  # one block a batch: every actor gets work
        with warnings.catch_warnings():  # Ray Data deprecates naming the retries; they are its defaults, bounded here
            warnings.simplefilter("ignore")
            return ray.data.from_items(items, override_num_blocks=blocks).map_batches(
                _Encoder, batch_size=BATCH_TEXTS, batch_format="numpy", num_cpus=1,
                compute=ray.data.ActorPoolStrategy(size=min(self._workers.cpus, blocks)),
                fn_constructor_kwargs={"model": self._embedder.name, "backend": self._backend,
                                       "batch_size": self._batch_size, "mode": mode, "threads": 1,
                                       "projection": wants.projection if wants is not None and wants.tokens else None},
                max_restarts=ACTOR_RESTARTS, max_task_retries=BATCH_RETRIES)

    def _stream(self, calls: list[list[str]], texts: Mapping[str, str], mode: str,
                wants: Wants | None) -> Iterator[dict[str, Any]]:
        """The encoded rows in the order sent."""
        split = wants.split if wants is not None else set()
        items = [{"call": i, "key": k, "text": texts[k], "split": k in split} for i, chunk in enumerate(calls)
                 for k in chunk]
        self._workers.texts_sent += len(items)
        context = self._workers._ray.data.DataContext.get_current()
        saved = (context.execution_options.preserve_order, context.enable_progress_bars)
        context.execution_options.preserve_order = True  # rows come back in the order sent
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        try:
            dataset = self._dataset(items, mode, wants)
            del items
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                columns = list(batch)
                for i in range(len(batch["key"])):
                    yield {c: batch[c][i] for c in columns}
        except ClusterError:
            raise
        except Exception as exc:  # noqa: BLE001 - a batch that failed for good: the build stops, one line
            raise _cluster_failure("encoding", exc) from None
        finally:
            context.execution_options.preserve_order, context.enable_progress_bars = saved
