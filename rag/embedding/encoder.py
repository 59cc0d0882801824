"""A sentence-transformers model run without torch: an exported ONNX graph (transformer,
pooling and any dense/normalise layers in one) plus its `tokenizers` tokenizer.

An *encoder folder* (written by `rag.embedding.onnx_export`) holds:
    model.onnx       the whole model: token ids -> sentence embedding, and the transformer's
                     token embeddings (before pooling) as a second output "tokens"
    model.opt.onnx   the same after onnxruntime's graph optimisations (saved once, so a cold
    model.opt.data   process skips them), weights in a separate file that onnxruntime maps
                     instead of parsing: with pre-packing off, a query session starts in
                     ~0.02 s instead of ~0.3 s (benchmarks/cold_ask.py)
    tokenizer.json   the fast tokenizer, truncating at the model's max_seq_length
    encoder.json     what the runtime needs: inputs, padding, dimension, fingerprint
    wordpiece.json   the vocabulary rag.embedding.wordpiece tokenises plain ASCII questions with (written
                     on first use; `{}` when tokenizer.json is not a BERT WordPiece pipeline)

Two runtimes read the same folder: onnxruntime (fp32, the query side: vectors match
sentence-transformers at cosine >= 0.9999) and OpenVINO (fp32 or bf16, the bulk
indexing side where the CPU has bf16 instructions). Neither imports torch.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from rag.errors import ModelError
from rag.embedding.base import TokenOutput

ENCODER_FORMAT = 3  # bumped when an exported folder changes (its graph, outputs, files)
SPEC = "encoder.json"
ONNX_FILE = "model.onnx"
OPTIMISED_FILE = "model.opt.onnx"
OPTIMISED_DATA = "model.opt.data"
TOKENIZER_FILE = "tokenizer.json"


def read_spec(folder: Path) -> dict[str, Any]:
    """The encoder.json of an encoder folder; ModelError when it is missing or incomplete, or of
    another format than this version exports (such a folder is exported again)."""
    try:
        spec = json.loads((Path(folder) / SPEC).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{folder}: no usable encoder.json ({exc})") from exc
    if spec.get("format") != ENCODER_FORMAT or not (Path(folder) / ONNX_FILE).exists():
        raise ModelError(f"{folder}: encoder folder of another format or without model.onnx")
    return spec


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def _ort_options(threads: int) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")  # idle threads sleep, not spin
    return opts


def optimised_is_current(folder: Path) -> bool:
    """Whether model.opt.onnx was written by this onnxruntime with its weights in model.opt.data
    (a graph holding its ~90 MB of weights inline would be parsed at every start, ~0.2 s)."""
    import onnxruntime as ort

    folder = Path(folder)
    try:
        stamp = (folder / f"{OPTIMISED_FILE}.version").read_text(encoding="utf-8").strip()
    except OSError:
        return False
    return stamp == ort.__version__ and (folder / OPTIMISED_FILE).exists() and (folder / OPTIMISED_DATA).exists()


def save_optimised(folder: Path) -> Path:
    """Write model.opt.onnx + model.opt.data (portable 'extended' optimisations, external
    weights) next to model.onnx, stamped with this onnxruntime's version.

    Written in a scratch folder and moved in, the stamp last, so a process reading the
    folder meanwhile sees either no stamp or a complete pair."""
    import onnxruntime as ort

    folder = Path(folder)
    stamp = folder / f"{OPTIMISED_FILE}.version"
    stamp.unlink(missing_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".opt-", dir=folder))
    try:
        opts = _ort_options(1)
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        opts.optimized_model_filepath = str(scratch / OPTIMISED_FILE)
        opts.add_session_config_entry("session.optimized_model_external_initializers_file_name", OPTIMISED_DATA)
        opts.add_session_config_entry("session.optimized_model_external_initializers_min_size_in_bytes", "1024")
        ort.InferenceSession(str(folder / ONNX_FILE), sess_options=opts, providers=["CPUExecutionProvider"])
        os.replace(scratch / OPTIMISED_DATA, folder / OPTIMISED_DATA)
        os.replace(scratch / OPTIMISED_FILE, folder / OPTIMISED_FILE)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    stamp.write_text(ort.__version__, encoding="utf-8")  # written last: marks the pair complete
    return folder / OPTIMISED_FILE


class _OrtRunner:
    """onnxruntime on the CPU, fp32; starts from the pre-optimised graph, writing it first where
    it is missing or stale (another onnxruntime, or weights not in model.opt.data), else from
    model.onnx."""

    def __init__(self, folder: Path, threads: int, quick_start: bool = False) -> None:
        import onnxruntime as ort

        opts = _ort_options(threads)
        path = folder / ONNX_FILE
        current = optimised_is_current(folder)
        if not current:
            try:
                save_optimised(folder)
                current = True
            except Exception:  # noqa: BLE001 - e.g. a read-only cache: optimise in memory at every start
                pass
        if current:
            path = folder / OPTIMISED_FILE
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            if quick_start:  # pre-packing copies every weight at start; a few queries don't repay it
                opts.add_session_config_entry("session.disable_prepacking", "1")
        self._session = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])

    def __call__(self, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        return self._session.run(None, feeds)

    def run_many(self, batches: Iterable[dict[str, np.ndarray]]) -> Iterator[list[np.ndarray]]:
        """Each batch's outputs, in order (one after another: the threads share each batch)."""
        return (self(feeds) for feeds in batches)


class _OpenVinoRunner:
    """OpenVINO on the CPU; `precision` "bf16" uses AVX512-BF16/AMX where present.

    One stream a core: `run_many` keeps a batch in flight on each core instead of splitting every
    operator of one batch across the cores (~20% more paragraphs/s on two cores: the small
    operators between the matrix products stop waiting for each other)."""

    def __init__(self, path: Path, precision: str, threads: int) -> None:
        import openvino as ov

        self._streams = max(1, threads)
        config = {"INFERENCE_PRECISION_HINT": precision, "INFERENCE_NUM_THREADS": threads,
                  "PERFORMANCE_HINT": "THROUGHPUT", "NUM_STREAMS": self._streams}
        self._compiled = ov.Core().compile_model(str(path), "CPU", config)
        self._queue = ov.AsyncInferQueue(self._compiled, self._streams)

    def __call__(self, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        return next(self.run_many([feeds]))

    def run_many(self, batches: Iterable[dict[str, np.ndarray]]) -> Iterator[list[np.ndarray]]:
        """Each batch's outputs, in order, as they come; batches run concurrently, one per stream
        (at most one batch a stream waits to be read, so memory stays that of a few batches)."""
        results: dict[int, list[np.ndarray]] = {}
        failures: list[BaseException] = []

        def done(request: Any, key: int) -> None:
            try:  # the request's buffers are reused by its next batch: copy
                results[key] = [np.array(request.get_output_tensor(i).data) for i in range(len(self._compiled.outputs))]
            except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread below
                failures.append(exc)

        self._queue.set_callback(done)
        ready = 0
        try:
            for key, feeds in enumerate(batches):
                self._queue.start_async(feeds, key)  # waits for a free stream
                while ready in results:
                    yield results.pop(ready)
                    ready += 1
                if failures:
                    raise failures[0]
        finally:
            self._queue.wait_all()
        if failures:
            raise failures[0]
        while ready in results:
            yield results.pop(ready)
            ready += 1


class OnnxEncoder:
    """Embeds texts with an encoder folder; the `Embedder` protocol of rag.embedding.base."""

    def __init__(self, folder: Path, name: str, runtime: str = "onnxruntime", precision: str = "f32",
                 batch_size: int = 32, threads: int | None = None, quick_start: bool = False) -> None:
        """`threads`: all the cores this process may use unless given. `quick_start` (a process
        answering one question): one thread, no weight pre-packing, and plain ASCII texts
        tokenised by rag.embedding.wordpiece instead of loading `tokenizers` (~0.03 s)."""
        folder = Path(folder)
        self.spec = read_spec(folder)
        self.folder = folder
        self.name = name
        self.dim = int(self.spec["dim"])
        self.batch_size = batch_size
        self.backend = f"{runtime}-{precision}"
        threads = 1 if quick_start else (threads or len(os.sched_getaffinity(0)))
        self._max_length = int(self.spec["max_seq_length"])
        self._tokenizer: Any = None
        self._specials: list[int] | None = None
        self._wordpiece = None
        if quick_start:
            from rag.embedding.wordpiece import load

            self._wordpiece = load(folder, TOKENIZER_FILE, self._max_length)
        if self._wordpiece is None:
            self._load_tokenizer()
        self._inputs: list[str] = list(self.spec["inputs"])
        self._pad_id = int(self.spec.get("pad_id", 0))
        try:
            if runtime == "openvino":
                self._run: Any = _OpenVinoRunner(folder / ONNX_FILE, precision, threads)
            else:
                self._run = _OrtRunner(folder, threads, quick_start)
        except ImportError as exc:
            raise ModelError(f"runtime {runtime} is not installed", fix=f"pip install {runtime}") from exc

    def _load_tokenizer(self) -> Any:
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            self._tokenizer = Tokenizer.from_file(str(self.folder / TOKENIZER_FILE))
            self._tokenizer.enable_truncation(self._max_length)
            self._tokenizer.no_padding()
        return self._tokenizer

    def _tokenise(self, texts: list[str]) -> list[Any]:
        if self._wordpiece is not None and all(map(self._wordpiece.handles, texts)):
            return [self._wordpiece.encode(t) for t in texts]
        return self._load_tokenizer().encode_batch(texts)

    def _batch(self, encodings: list[Any]) -> list[np.ndarray]:
        return self._run(self._feeds(encodings))  # [embedding, tokens]

    def _feeds(self, encodings: list[Any]) -> dict[str, np.ndarray]:
        """The graph's inputs for a batch, padded to its longest text."""
        width = max(len(e.ids) for e in encodings)
        n = len(encodings)
        ids = np.full((n, width), self._pad_id, dtype=np.int64)
        mask = np.zeros((n, width), dtype=np.int64)
        types = np.zeros((n, width), dtype=np.int64)
        for row, e in enumerate(encodings):
            k = len(e.ids)
            ids[row, :k] = e.ids
            mask[row, :k] = e.attention_mask
            types[row, :k] = e.type_ids
        available = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        return {name: available[name] for name in self._inputs}

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised float32 rows, in the order of `texts` (batched by token length)."""
        return self._encode(texts, with_tokens=False)[0]

    def encode_with_tokens(self, texts: list[str]) -> tuple[np.ndarray, list[TokenOutput]]:
        """`encode(texts)` and, from the same pass, each text's token embeddings with their ids
        and character offsets (rag.embedding.base.TokenOutput)."""
        return self._encode(texts, with_tokens=True)

    def _encode(self, texts: list[str], with_tokens: bool) -> tuple[np.ndarray, list[TokenOutput]]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        encodings = self._tokenise(texts) if not with_tokens else self._load_tokenizer().encode_batch(texts)
        order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        tokens: list[Any] = [None] * len(texts)
        chunks = [order[start:start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        results = self._run.run_many(self._feeds([encodings[i] for i in chunk]) for chunk in chunks)
        for chunk, outputs in zip(chunks, results):
            batch = [encodings[i] for i in chunk]
            out[chunk] = outputs[0]
            if with_tokens:
                for row, (i, e) in enumerate(zip(chunk, batch)):
                    k = len(e.ids)
                    tokens[i] = TokenOutput(np.asarray(e.ids, dtype=np.int32),
                                            np.asarray(e.offsets, dtype=np.int32).reshape(k, 2),
                                            np.asarray(e.special_tokens_mask, dtype=bool),
                                            np.asarray(outputs[1][row, :k], dtype=np.float32))
        return normalise(out), tokens

    def encode_query(self, text: str) -> tuple[np.ndarray, TokenOutput | None]:
        """One question's vector and, from the same pass, its token embeddings (offsets not kept:
        zeros)."""
        encoding = self._tokenise([text])[0]
        outputs = self._batch([encoding])
        vector = normalise(outputs[0])[0]
        k = len(encoding.ids)
        ids = np.asarray(encoding.ids, dtype=np.int32)
        return vector, TokenOutput(ids, np.zeros((k, 2), dtype=np.int32), np.isin(ids, self._special_ids()),
                                   np.asarray(outputs[1][0, :k], dtype=np.float32))

    def _special_ids(self) -> list[int]:
        if self._specials is None:
            if self._wordpiece is not None:
                self._specials = [self._wordpiece.cls, self._wordpiece.sep]
            else:
                probe = self._load_tokenizer().encode("x")
                self._specials = [i for i, m in zip(probe.ids, probe.special_tokens_mask) if m]
        return self._specials

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts)
