"""numpy helpers for the query path."""

from __future__ import annotations

import numpy as np


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an integer array: np.unique without the `numpy.ma` import
    it triggers in numpy 2.x (~0.015 s of a cold `rag ask`)."""
    values = np.sort(np.asarray(values).ravel())
    if len(values) < 2:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]
