"""What an embedder returns for one text's tokens: the transformer's token embeddings (before
pooling), with the token ids and each token's character span in the text."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class TokenOutput(NamedTuple):
    ids: np.ndarray  # int32 (n,): token ids, special tokens included
    offsets: np.ndarray  # int32 (n, 2): each token's [start, end) in the text ((0, 0) for specials)
    special: np.ndarray  # bool (n,): [CLS], [SEP] and the like
    vectors: np.ndarray  # float32 (n, dim): last hidden states, not normalised
