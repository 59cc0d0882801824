"""Settings precedence: defaults < config file < RAG_* environment < explicit overrides."""

from pathlib import Path

import pytest

from rag.config import load_settings
from rag.errors import UsageError


def test_precedence(tmp_path: Path):
    cfg = tmp_path / "rag.toml"
    cfg.write_text('top_k = 7\nmodel = "from-file"\nindex_name = "filed"\n')
    s = load_settings(config_file=cfg, env={"RAG_MODEL": "from-env"}, index_name="flag")
    assert (s.top_k, s.model, s.index_name) == (7, "from-env", "flag")
    assert load_settings(env={}).model == "all-MiniLM-L6-v2"


def test_unknown_key_rejected(tmp_path: Path):
    cfg = tmp_path / "rag.toml"
    cfg.write_text("top_kk = 3\n")
    with pytest.raises(UsageError, match="unknown setting.*top_kk"):
        load_settings(config_file=cfg, env={})


def test_bad_value_named(tmp_path: Path):
    with pytest.raises(UsageError, match="top_k"):
        load_settings(env={"RAG_TOP_K": "many"})


def test_vector_index_names_the_types_rag_builds():
    """Only the paragraph-vector types are settings (ivf-pq is the sentence search's own size rule);
    a typo is a one-line usage error, not a failure halfway through a build."""
    from rag.config import VECTOR_INDEXES
    from rag.index.vectors import KINDS

    assert VECTOR_INDEXES == ("auto", *KINDS)
    assert load_settings(env={"RAG_VECTOR_INDEX": "hnsw"}).vector_index == "hnsw"
    for bad in ("ivf-pq", "HNSW"):
        with pytest.raises(UsageError, match=f"setting vector_index: '{bad}' is not one of auto, flat, hnsw"):
            load_settings(env={"RAG_VECTOR_INDEX": bad})
