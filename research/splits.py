"""The fixed split of the SQuAD v1.1 dev articles (and of PolicyQA's policies) into half A, where
weights and thresholds are chosen, and half B, where they are confirmed."""

from __future__ import annotations

import hashlib


def article_half(symbol: str) -> int:
    """0 (set A, for choosing) or 1 (set B, for confirming), fixed by the article's name."""
    return int(hashlib.sha1(symbol.encode()).hexdigest(), 16) % 2
