"""`rag index verify` for the PostgreSQL store: the live generation's tables against its manifest."""

from __future__ import annotations

import numpy as np

from rag.config import Settings
from rag.errors import RagError
from rag.index.flatfile import UNIT_NORM_TOLERANCE

REPUBLISH = "run `rag index rebuild` with --store"


def verify_store(settings: Settings) -> list[str]:
    """Every problem found in the live generation, one line each (empty: it is sound)."""
    from rag.index.postgres.read import open_pg_index

    try:
        index = open_pg_index(settings)
    except RagError as exc:
        return [str(exc)]
    try:
        return _problems(index)
    finally:
        index.close()


def _problems(index: object) -> list[str]:
    manifest, conn = index.manifest, index.conn  # type: ignore[attr-defined]
    where = str(index.path)  # type: ignore[attr-defined]
    expected = {"documents": manifest["documents"], "paragraphs": manifest["paragraphs"],
                "pvec": manifest["paragraphs"], "paragraph_terms": manifest["paragraphs"]}
    if manifest.get("sentences") is not None:
        expected["svec"] = manifest["sentences"]
    if index.tokens is not None:  # type: ignore[attr-defined]
        expected["tokens"] = manifest["paragraphs"]
    problems = []
    for table, count in expected.items():
        (found,) = conn.native(f"SELECT count(*) FROM {table}").fetchone()
        if found != count:
            problems.append(f"{where}: table {table} has {found} rows, manifest says {count} ({REPUBLISH})")
    (off,) = conn.native(f"SELECT count(*) FROM pvec WHERE abs(vector_norm(v) - 1) > {UNIT_NORM_TOLERANCE}").fetchone()
    if off:
        problems.append(f"{where}: {off} paragraph vector(s) are not unit vectors ({REPUBLISH})")
    lengths = np.asarray(index.lexical._lengths)  # type: ignore[attr-defined]
    if len(lengths) != manifest["paragraphs"]:
        problems.append(f"{where}: {len(lengths)} paragraph lengths, manifest says {manifest['paragraphs']} ({REPUBLISH})")
    return problems
