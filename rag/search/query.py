"""A question made ready once for ranking and answering (`Query`), and what a search returns
(`Search`): the ranked hits with the query they were ranked for."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from rag.errors import UsageError
from rag.index.token_vectors import QueryTokens
from rag.models import Hit

RANKINGS = ("hybrid", "bm25", "dense")  # the product's ranking, and each of its two retrievers alone
EMPTY_QUESTION = "empty question"
MAX_QUESTION_CHARS = 2000  # a longer question is refused (the HTTP API and the CLI alike)


@dataclass(frozen=True)
class Query:
    """One question as the retriever and the answerer read it."""

    text: str  # the question, stripped
    vector: np.ndarray  # its embedding (unit length)
    tokens: QueryTokens | None  # its token embeddings, prepared for late interaction (None: the index keeps none)
    idf: dict[str, float]  # each of its content terms (rag.textutil.content_terms) with its idf in the index
    # Its BM25 and term-pair scores over the whole index, once computed (a second ranking inside
    # one document reads them rather than scoring the postings again): rag.search.retriever.
    whole_index: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Search:
    """The best paragraphs for a query under one ranking, best first."""

    query: Query
    hits: list[Hit]
    focus: Query | None = None  # what the question asks of the top hit's document, when it differs (rag.search.focus)
    # The paragraph the top hit's document was found with, when a rule about what the question
    # asks put another paragraph of it first (rag.search.stated): the answer's support is the
    # larger of the two.
    found_with: Hit | None = None
    # The paragraphs in the top hit's place in the other indexed versions of its document (a
    # revision and its original: rag.search.versions), latest first.
    other_versions: list[Hit] = field(default_factory=list)
    # Whether the first hit is the paragraph the question cites by symbol and number
    # (rag.search.cited): the user named it, so it answers whatever its words.
    cited: bool = False
    # Where the question cites a paragraph its indexed document does not have: what the document
    # has ("S/2025/350 has no paragraph '99' (paragraphs 1-52)").
    not_cited: str = ""

    @property
    def asked(self) -> Query:
        """The query the top hit was ranked for: the focus where there is one, else the question."""
        return self.focus or self.query


# A terminal's colour and cursor codes pasted with a question ("\x1b[31m"), and other control
# characters, which no document writes.
_TERMINAL_CODES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def question_text(question: str) -> str:
    """The question as documents write their text: compatibility forms folded (NFKC: fullwidth
    "ＵＮＤＯＦ" is "UNDOF", a non-breaking space a space), terminal codes and control characters
    dropped, without surrounding blanks; UsageError when no word is left or it is over
    MAX_QUESTION_CHARS."""
    text = _CONTROL.sub(" ", _TERMINAL_CODES.sub("", unicodedata.normalize("NFKC", question))).strip()
    if not any(ch.isalnum() for ch in text):  # blank, or only punctuation and control characters
        raise UsageError(EMPTY_QUESTION, fix="ask something in words, e.g. \"which forum does IOM serve as secretariat for?\"")
    if len(text) > MAX_QUESTION_CHARS:
        raise UsageError(f"question of {len(text):,} characters: at most {MAX_QUESTION_CHARS:,}",
                         fix="ask one thing at a time, in a sentence or two")
    return text


def check_ranking(mode: str) -> str:
    """`mode` when it is one of RANKINGS; UsageError otherwise."""
    if mode not in RANKINGS:
        raise UsageError(f"mode {mode!r}: choose hybrid, bm25 or dense")
    return mode
