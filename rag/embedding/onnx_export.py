"""Export a sentence-transformers model to an encoder folder (see rag.embedding.encoder), once per model.

Folders live in a cache keyed by the model's fingerprint (a hash of its weights, tokenizer
and module layout), `<cache>/onnx/<fingerprint>/`, where `<cache>` is `$RAG_CACHE_DIR`, else
`$XDG_CACHE_HOME/rag`, else `~/.cache/rag`. The index manifest records the folder and the
fingerprint, so the query side finds it without importing torch. The export runs
`torch.onnx.export` (TorchScript exporter) on the model itself, offline, and checks the
exported graph against sentence-transformers on a few texts before the folder is published.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from rag.embedding.encoder import (ENCODER_FORMAT, ONNX_FILE, SPEC, TOKENIZER_FILE, OnnxEncoder, normalise, read_spec,
                         save_optimised)
from rag.errors import ModelError

MIN_COSINE = 0.9999
_CHECK_TEXTS = [
    "which forum does IOM serve as secretariat for?",
    "x",
    "The Global Forum on Migration and Development is a State-led, informal and non-binding process, "
    "which helps to shape the global debate on migration and development. " * 6,
]


def cache_root() -> Path:
    """Where encoder folders are kept (see the module docstring)."""
    if os.environ.get("RAG_CACHE_DIR"):
        return Path(os.environ["RAG_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rag"


def model_fingerprint(model: Any) -> str:
    """A hash of everything that changes the vectors: weights, tokenizer, modules, max length."""
    digest = hashlib.sha256()
    digest.update(json.dumps([type(m).__name__ for m in model], sort_keys=True).encode())
    digest.update(str(model.max_seq_length).encode())
    digest.update(model.tokenizer.backend_tokenizer.to_str().encode())
    for key, tensor in sorted(model.state_dict().items()):
        digest.update(key.encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()[:24]


class _Wrapped:
    """Builds the torch module that maps token tensors to the sentence embedding and the
    transformer's token embeddings."""

    @staticmethod
    def make(model: Any, inputs: list[str]) -> Any:
        import torch

        class SentenceEmbedding(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.model = model

            def forward(self, *tensors: Any) -> Any:
                out = self.model(dict(zip(inputs, tensors)))
                return out["sentence_embedding"], out["token_embeddings"]

        return SentenceEmbedding().eval()


@contextmanager
def _eager_attention(model: Any) -> Iterator[None]:
    """Plain matmul-softmax attention while exporting, where the transformer allows it: the
    SDPA path traces into NaN guards (IsNaN + Where in every layer) that cost ~13% of an
    OpenVINO bf16 pass. Same vectors; the model's own setting is restored afterwards."""
    configs = [m.config for m in model.modules() if hasattr(getattr(m, "config", None), "_attn_implementation")]
    saved = [c._attn_implementation for c in configs]
    try:
        for c in configs:
            c._attn_implementation = "eager"
        yield
    finally:
        for c, value in zip(configs, saved):
            c._attn_implementation = value


def _export(model: Any, folder: Path, fingerprint: str, name: str, signature: str | None) -> None:
    import sentence_transformers
    import torch

    backend = model.tokenizer.backend_tokenizer
    sample = model.tokenizer(["a short one", "and a slightly longer second text"], padding=True,
                             return_tensors="pt")
    inputs = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in sample]
    axes = {k: {0: "batch", 1: "tokens"} for k in inputs}
    axes["embedding"] = {0: "batch"}
    axes["tokens"] = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings(), _eager_attention(model):
        warnings.simplefilter("ignore")  # tracer notes on shape checks; the result is verified below
        torch.onnx.export(_Wrapped.make(model, inputs), tuple(sample[k] for k in inputs), str(folder / ONNX_FILE),
                          input_names=inputs, output_names=["embedding", "tokens"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)
    backend.save(str(folder / TOKENIZER_FILE))
    pad_id = model.tokenizer.pad_token_id
    spec = {
        "format": ENCODER_FORMAT,
        "model": name,
        "fingerprint": fingerprint,
        "source_signature": signature,
        "dim": int((getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension)()),
        "max_seq_length": int(model.max_seq_length),
        "inputs": inputs,
        "pad_id": int(pad_id) if pad_id is not None else 0,
        "exported_with": {"torch": torch.__version__, "sentence_transformers": sentence_transformers.__version__},
    }
    (folder / SPEC).write_text(json.dumps(spec, indent=2), encoding="utf-8")


def check_encoder(folder: Path, model: Any, name: str) -> float:
    """Lowest cosine between the exported graph and sentence-transformers on sample texts, over
    the sentence vectors and every token embedding."""
    ref = model.encode(_CHECK_TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    ref_tokens = model.encode(_CHECK_TEXTS, output_value="token_embeddings")
    got, tokens = OnnxEncoder(folder, name, batch_size=2, quick_start=True).encode_with_tokens(_CHECK_TEXTS)
    lowest = float((np.asarray(ref, dtype=np.float32) * got).sum(axis=1).min())
    for want, have in zip(ref_tokens, tokens):
        want = np.asarray(want.float().numpy() if hasattr(want, "float") else want, dtype=np.float32)
        if want.shape != have.vectors.shape:
            return -1.0
        lowest = min(lowest, float((normalise(want) * normalise(have.vectors)).sum(axis=1).min()))
    return lowest


def ensure_encoder(model: Any, name: str, root: Path | None = None,
                   signature: str | None = None) -> tuple[Path, str]:
    """The encoder folder of a loaded sentence-transformers model, exporting it on first use.

    `signature` (rag.embedding.embedders.source_signature) lets later builds find the folder without
    loading torch. Returns (folder, fingerprint). Raises ModelError when the model cannot be exported or
    the exported graph does not reproduce the model's vectors (cosine < MIN_COSINE).
    """
    fingerprint = model_fingerprint(model)
    folder = (root or cache_root()) / "onnx" / fingerprint
    try:
        spec = read_spec(folder)
        if spec.get("fingerprint") == fingerprint and (signature is None or spec.get("source_signature") == signature):
            return folder, fingerprint
    except ModelError:
        pass
    tmp = folder.parent / f".tmp-{fingerprint}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        _export(model, tmp, fingerprint, name, signature)
        save_optimised(tmp)
        cosine = check_encoder(tmp, model, name)
        if cosine < MIN_COSINE:
            raise ModelError(f"ONNX export of {name!r} does not reproduce its vectors (cosine {cosine:.5f})")
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(tmp, folder)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        raise ModelError(f"cannot export {name!r} to ONNX: {str(exc).splitlines()[0] if str(exc) else exc!r}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder, fingerprint
