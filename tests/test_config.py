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


def test_unknown_override_rejected():
    """A library caller's misspelt keyword is named with the valid ones, not a StopIteration."""
    with pytest.raises(UsageError, match="unknown setting.*indexx.*index_name"):
        load_settings(env={}, indexx="t")


def test_an_override_by_the_command_lines_name():
    """`index`, as `rag ask --index` names it, is index_name; both at once is an error."""
    assert load_settings(env={}, index="t").index_name == "t"
    with pytest.raises(UsageError, match="index and index_name"):
        load_settings(env={}, index="t", index_name="u")
    assert load_settings(env={}, index=None, index_name="u").index_name == "u"  # None is not given


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


@pytest.mark.parametrize("name, value, says", [("top_k", "-5", "1 or more"), ("candidates", "0", "1 or more"),
                                               ("bm25_b", "1.5", "from 0 to 1"), ("bm25_b", "nan", "from 0 to 1"),
                                               ("llm_timeout", "0", "above 0"),
                                               ("max_file_mb", "-1", "above 0")])
def test_a_setting_out_of_its_range_is_named(name, value, says):
    with pytest.raises(UsageError, match=f"setting {name}: .* is out of range \\(it takes {says}\\)"):
        load_settings(env={f"RAG_{name.upper()}": value})


def test_a_setting_that_is_no_number_says_what_it_takes(tmp_path: Path):
    cfg = tmp_path / "rag.toml"
    cfg.write_text('abstain_threshold = "x"\n')
    with pytest.raises(UsageError, match="setting abstain_threshold: cannot read 'x' as a number$"):
        load_settings(config_file=cfg, env={})
    cfg.write_text("top_k = 2.5\n")
    with pytest.raises(UsageError, match="setting top_k: cannot read 2.5 as a whole number$"):
        load_settings(config_file=cfg, env={})


def test_a_missing_or_unreadable_config_file_is_named_in_plain_words(tmp_path: Path):
    with pytest.raises(UsageError, match=r"config file .*nowhere\.toml does not exist") as missing:
        load_settings(config_file=tmp_path / "nowhere.toml", env={})
    assert "Errno" not in str(missing.value)
    with pytest.raises(UsageError, match=r"config file .* cannot be read") as folder:
        load_settings(config_file=tmp_path, env={})
    assert "Errno" not in str(folder.value)
