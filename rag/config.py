"""One typed settings object: defaults < config file < RAG_* environment < explicit overrides."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rag.errors import UsageError, check_text

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_MODEL = "all-MiniLM-L6-v2"
VECTOR_INDEXES = ("auto", "flat", "hnsw", "hnsw-sq8", "ivf-sq8")  # rag.index.vectors.KINDS (not imported: --help stays light)


def _project_root() -> Path | None:
    """The source checkout holding this package (editable install), if any."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").exists() else None


def _default_index_dir() -> Path:
    root = _project_root()
    if root is not None:
        return root / "indexes"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "rag" / "indexes"


def _default_seeds_dir() -> Path | None:
    root = _project_root()
    return (root / "seeds") if root is not None and (root / "seeds").is_dir() else None


def _is_default_dir(path: Path) -> bool:
    try:
        return Path(path).resolve() == _default_index_dir().resolve()
    except (OSError, RuntimeError):
        return False


@dataclass(frozen=True)
class Settings:
    """Every setting the product reads, each with a default and a description."""

    index_dir: Path = field(default_factory=_default_index_dir,
                            metadata={"help": "folder holding one sub-folder per index"})
    index_name: str = field(default="default", metadata={"help": "name of the index to use"})
    store: str = field(default="", metadata={
        "help": "where questions read the index: empty for the index folder, or a PostgreSQL URL "
                "(postgresql://USER@HOST:PORT/DATABASE) that builds publish into (docs/postgres.md)"})
    model: str = field(default=DEFAULT_MODEL, metadata={
        "help": "sentence-transformers model name or path; the default is the bundled all-MiniLM-L6-v2"})
    seeds_dir: Path | None = field(default_factory=_default_seeds_dir, metadata={
        "help": "corpus indexed on first use when the default index of the default index folder does not "
                "exist yet (the demo; not used for an index folder the user names, unless set too)"})
    batch_size: int = field(default=32, metadata={"help": "embedding batch size"})
    embed_backend: str = field(default="auto", metadata={
        "help": "indexing backend: auto (fastest accepted one this CPU supports), torch-f32, torch-bf16, "
                "onnx-f32, openvino-f32 or openvino-bf16"})
    vector_index: str = field(default="auto", metadata={
        "help": "FAISS index type: auto (by size), flat, hnsw, hnsw-sq8 or ivf-sq8"})
    sentence_vectors: bool = field(default=True, metadata={
        "help": "also keep a vector for every sentence, the mean of its token embeddings in its paragraph's "
                "pass (best-sentence scores and quotes): docs/quality.md measures what it adds"})
    token_vectors: bool = field(default=True, metadata={
        "help": "keep every paragraph's token embeddings (64 bytes a token, from the paragraph's own pass) "
                "to re-score the best candidates by token-level similarity: docs/quality.md measures it"})
    bm25_k1: float = field(default=0.9, metadata={"help": "BM25 term-frequency saturation"})
    bm25_b: float = field(default=0.75, metadata={"help": "BM25 length normalisation"})
    candidates: int = field(default=100, metadata={"help": "candidates taken from each retriever before fusion"})
    top_k: int = field(default=5, metadata={"help": "hits returned by search"})
    max_file_mb: float = field(default=64.0, metadata={
        "help": "a file larger than this many MB, or a DOCX or PDF whose parts or streams would inflate beyond it, is not indexed "
                "(one error line; the rest is): a build's memory grows with its largest file, docs/performance.md"})
    llm_url: str | None = field(default=None, metadata={
        "help": "OpenAI-compatible endpoint for `rag ask --generate` (Ollama, llama.cpp server, vLLM...): "
                "its base URL, e.g. http://127.0.0.1:11434/v1; the key, if any, only from RAG_LLM_API_KEY"})
    llm_model: str | None = field(default=None, metadata={"help": "the model the endpoint serves, e.g. llama3.1:8b"})
    llm_timeout: float = field(default=300.0, metadata={
        "help": "seconds a generated answer may take in all, from the request to its last part"})
    abstain_threshold: float | None = field(default=None, metadata={
        "help": "answer only when the support score (best-sentence cosine x idf-weighted share of the "
                "question's terms in the top paragraph) reaches this; unset: the threshold calibrated "
                "for the model (rag.answer.extract.CALIBRATED_THRESHOLDS, docs/quality.md)"})

    @property
    def index_path(self) -> Path:
        return Path(self.index_dir) / self.index_name


_CASTS = {"int": int, "float": float, "str": str}
_KIND_WORDS = {"bool": "true or false", "int": "a whole number", "float": "a number"}
# The least (and, for bm25_b, the greatest) value each numeric setting can work with.
_BOUNDS: dict[str, tuple[float, float | None]] = {
    "batch_size": (1, None), "candidates": (1, None), "top_k": (1, None), "bm25_k1": (0, None),
    "bm25_b": (0, 1), "max_file_mb": (1e-6, None), "llm_timeout": (1e-6, None)}


def _in_bounds(name: str, value: Any) -> Any:
    """`value`, or UsageError naming the setting where it is out of the range it can work with."""
    low, high = _BOUNDS.get(name, (None, None))
    if low is not None and not value >= low or high is not None and not value <= high:  # NaN is in no range
        limits = f"from {low:g} to {high:g}" if high is not None else \
            (f"{low:g} or more" if low >= 1 or low == 0 else "above 0")
        raise UsageError(f"setting {name}: {value!r} is out of range (it takes {limits})")
    return value


def _coerce(name: str, value: Any) -> Any:
    f = next(f for f in fields(Settings) if f.name == name)
    kind = str(f.type)
    try:
        if kind.startswith("bool"):
            if isinstance(value, bool):
                return value
            lowered = str(value).strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if "Path" in kind:
            return Path(value).expanduser() if value not in (None, "") else None
        for key, cast in _CASTS.items():
            if kind.startswith(key):
                if key == "int" and isinstance(value, float) and not value.is_integer():
                    raise ValueError(value)
                return _in_bounds(name, cast(value)) if key != "str" else cast(value)
    except (TypeError, ValueError) as exc:
        wanted = next((w for k, w in _KIND_WORDS.items() if kind.startswith(k)), kind)
        raise UsageError(f"setting {name}: cannot read {value!r} as {wanted}") from exc
    return value


def _check_location(values: dict[str, Any]) -> None:
    """UsageError for an index folder or name that is not UTF-8, or a name that is a path."""
    for name in ("index_dir", "index_name"):
        if values.get(name) is not None:
            check_text(str(values[name]), f"setting {name}")
    index_name = str(values.get("index_name", "default"))
    if "/" in index_name or index_name in ("", ".", ".."):
        raise UsageError(f"setting index_name: {index_name!r} is not a name (no '/', '.' or '..')",
                         fix="pass a folder with --index-dir and a plain name with --index")


def _read_config(path: Path) -> dict[str, Any]:
    """The settings of a TOML config file; UsageError naming the file when it cannot be read."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"config file {path} does not exist", fix="give the path of a TOML file") from None
    except OSError as exc:  # a folder, no permission
        raise UsageError(f"config file {path} cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # not UTF-8, not TOML
        raise UsageError(f"config file {path}: {exc}") from exc


# Settings the command line names otherwise, accepted by those names too.
_FLAG_NAMES = {"index": "index_name"}


def _overrides(overrides: dict[str, Any], names: set[str]) -> dict[str, Any]:
    """The caller's settings, coerced, by their names or the command line's (`_FLAG_NAMES`); an
    unknown one, or one given by both names, is a UsageError."""
    given = dict(overrides)
    for flag, name in _FLAG_NAMES.items():
        value = given.pop(flag, None)
        if value is None:  # not given
            continue
        if given.get(name) is not None:
            raise UsageError(f"settings {flag} and {name} are one setting: give one")
        given[name] = value
    unknown = sorted(set(given) - names)
    if unknown:
        raise UsageError(f"unknown setting(s) {', '.join(unknown)} (settings: {', '.join(sorted(names))})")
    return {k: _coerce(k, v) for k, v in given.items() if v is not None}


def load_settings(config_file: Path | None = None, env: dict[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Build Settings from defaults, a TOML config file, RAG_* variables and overrides (by their
    names, or as the command line's flags name them: `index` for index_name)."""
    env = dict(os.environ) if env is None else env
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or (Path(env["RAG_CONFIG"]) if env.get("RAG_CONFIG") else None)
    if path is not None:
        data = _read_config(Path(path))
        unknown = sorted(set(data) - names)
        if unknown:
            raise UsageError(f"config file {path}: unknown setting(s) {', '.join(unknown)}")
        values.update({k: _coerce(k, v) for k, v in data.items()})
    for name in names:
        key = f"RAG_{name.upper()}"
        if env.get(key):
            values[name] = _coerce(name, env[key])
    values.update(_overrides(overrides, names))
    _check_location(values)
    if "seeds_dir" not in values and "index_dir" in values and not _is_default_dir(values["index_dir"]):
        values["seeds_dir"] = None  # the demo is built only into the checkout's own index folder
    store = str(values.get("store") or "")
    if store and not store.startswith(("postgresql://", "postgres://")):
        raise UsageError(f"setting store: {store!r} is not a PostgreSQL URL",
                         fix="pass --store postgresql://USER@HOST:PORT/DATABASE, or nothing for the index folder")
    if values.get("vector_index", "auto") not in VECTOR_INDEXES:
        raise UsageError(f"setting vector_index: {values['vector_index']!r} is not one of {', '.join(VECTOR_INDEXES)}")
    return replace(Settings(), **values)
