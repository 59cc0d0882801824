"""What every embedder offers (the `Embedder` protocol) and what it returns for one text's tokens
(`TokenOutput`)."""

from __future__ import annotations

from typing import NamedTuple, Protocol

import numpy as np


class TokenOutput(NamedTuple):
    """The transformer's token embeddings of one text (before pooling), with the token ids and
    each token's character span in the text."""

    ids: np.ndarray  # int32 (n,): token ids, special tokens included
    offsets: np.ndarray  # int32 (n, 2): each token's [start, end) in the text ((0, 0) for specials)
    special: np.ndarray  # bool (n,): [CLS], [SEP] and the like
    vectors: np.ndarray  # float32 (n, dim): last hidden states, not normalised


class Embedder(Protocol):
    """A model as the build, the retriever and the answerer use it. Vectors are float32 rows of
    unit length, so inner product is cosine."""

    name: str
    dim: int
    backend: str  # how it runs: torch-f32, onnxruntime-f32, openvino-bf16, hash...

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        """One vector per text, for paragraphs and sentences."""
        ...

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """One vector per question."""
        ...

    def encode_query(self, text: str) -> tuple[np.ndarray, TokenOutput | None]:
        """One question's vector and, from the same pass, its token embeddings (None where the
        model gives none)."""
        ...

    def encode_with_tokens(self, texts: list[str]) -> tuple[np.ndarray, list[TokenOutput]]:
        """`encode_documents(texts)` and, from the same pass, each text's token embeddings."""
        ...
