"""A document and its revisions in one index: TPNW/MSP/2025/11 and TPNW/MSP/2025/11/Rev.1.

A revision reissues the whole document under its symbol plus "/Rev.N", most of its paragraphs
word for word. Where the two versions hold a paragraph equally well, the latest revision is
cited (`revisions_first`: the superseded version loses ties). Where the question's constraints
rule out the version found ("the report as originally issued in March"), the paragraph in the
same place of the other versions is the answer's next candidate (`same_place`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


_REVISION = re.compile(r"^(?P<base>.+)/Rev\.(?P<n>\d+)$", re.IGNORECASE)
TIE = 1e-6  # the part of the best score a superseded version loses: enough to break a tie, no more


@dataclass(frozen=True)
class Versions:
    """The indexed versions of each document that has more than one, by document row."""

    superseded: frozenset[int]  # rows of the documents whose revision is indexed too
    others: dict[int, tuple[int, ...]]  # row -> rows of the document's other indexed versions, latest first


def _version(symbol: str) -> tuple[str, int]:
    """("TPNW/MSP/2025/11", 1) for "TPNW/MSP/2025/11/Rev.1"; the original is revision 0."""
    m = _REVISION.match(symbol)
    return (m.group("base").upper(), int(m.group("n"))) if m else (symbol.upper(), 0)


def find_versions(documents: Iterable[tuple[int, str]]) -> Versions:
    """The documents, (row, symbol), indexed in more than one version (their symbols differ by
    "/Rev.N")."""
    families: dict[str, list[tuple[int, int]]] = {}
    for row, symbol in documents:
        base, n = _version(symbol)
        families.setdefault(base, []).append((n, row))
    superseded: set[int] = set()
    others: dict[int, tuple[int, ...]] = {}
    for members in families.values():
        if len(members) < 2:
            continue
        members.sort(reverse=True)
        superseded.update(row for _, row in members[1:])
        for _, row in members:
            others[row] = tuple(r for _, r in members if r != row)
    return Versions(frozenset(superseded), others)


def revisions_first(scores: np.ndarray, documents: np.ndarray, versions: Versions) -> np.ndarray:
    """`scores` of candidates whose documents are `documents` (rows), where a superseded
    version's paragraphs lose their ties with the revision's."""
    if not versions.superseded or len(scores) == 0:
        return scores
    old = np.isin(documents, np.fromiter(versions.superseded, dtype=np.int64))
    if not old.any():
        return scores
    return scores - old * TIE * max(1.0, float(np.abs(scores).max()))


def place(row: dict) -> tuple:
    """Where a paragraph sits in its document, the way a citation names it."""
    return row["annex"], row["part"], row["part_of"], row["number"], bool(row["running"])
