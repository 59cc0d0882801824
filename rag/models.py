"""Plain data records shared across the pipeline: documents, paragraphs, hits, answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


@dataclass
class Footnote:
    """A footnote referenced from a paragraph: its printed marker and its body text."""

    marker: str
    text: str = ""


@dataclass
class Paragraph:
    """One numbered paragraph as printed in its document."""

    number: str
    text: str
    page: str | None = None
    section: str = ""
    footnotes: list[Footnote] = field(default_factory=list)
    running: bool = False  # True when the document has no numbering and `number` is a running count
    annex: str = ""  # "annex", "annex II"... when the paragraph sits in an annex (numbering restarts)
    part: str = ""  # "draft resolution", "decision 22/1"... for a text embedded in the document (own numbering)
    part_of: str = ""  # the number of the document's paragraph the embedded text sits in ("" if none)


TABLE = "table"  # `Paragraph.part` of a captioned table, a unit of its own numbered as its caption
# `Paragraph.part` of a recommendation printed in a box between the paragraphs (a JIU report's
# "Recommendation 1"), numbered through the document as printed and cited so: "recommendation 1".
RECOMMENDATION = "recommendation"


@dataclass
class Document:
    """A parsed source file: its symbol, what its masthead says of it, and its paragraphs."""

    symbol: str
    source: str
    paragraphs: list[Paragraph]
    title: str = ""
    content_hash: str = ""
    pages: int = 0
    symbols: list[str] = field(default_factory=list)  # every symbol the document is issued under
    date: str = ""  # date of issue, ISO YYYY-MM-DD ("" when not printed)
    body: str = ""  # issuing organ(s): "Security Council", "General Assembly; Security Council"
    session: str = ""  # as printed: "Eightieth session", "Annual session 2025"
    venue: str = ""  # where and when the meeting it serves is held, as printed: "Nice, France, 9–13 June 2025"
    index_title: bool = False  # BM25 indexes the title with each paragraph (a corpus's article titles)


def render_citation(symbol: str, number: str, *, running: bool = False, annex: str = "",
                    page: str | None = None, with_page: bool = False, part: str = "", part_of: str = "") -> str:
    """Render a citation the way such documents are cited: `A/59/377, para. 49`; a paragraph of
    a text embedded in the document through the paragraph it sits in: `A/50/610, para. 11,
    draft resolution, para. 8`; a table by its page and its own number: `DP/FPA/2025/6, p. 11,
    table 3`; a boxed recommendation by its number: `JIU/REP/2025/2, recommendation 1`; unnumbered text by its page and place there: `A/52/687, annex, p. 14, ¶ 1`."""
    prefix = f"{symbol}, {annex}, " if annex else f"{symbol}, "
    if part == RECOMMENDATION:
        return f"{prefix}recommendation {number}"
    if part == TABLE:
        return f"{prefix}p. {page}, table {number}" if page else f"{prefix}table {number}"
    if part:
        where = prefix + (f"para. {part_of}, " if part_of else "") + f"{part}, "
        return f"{where}¶ {number}" if running else f"{where}para. {number}"
    if running:  # unnumbered text: the n-th block of its page, in the annex it is in
        return f"{prefix}p. {page}, ¶ {number}" if page else f"{prefix}¶ {number}"
    out = f"{prefix}para. {number}"
    if with_page and page:
        out += f", p. {page}"
    return out


class DocumentText(NamedTuple):
    """What the near-miss checks read of a document: the symbols it is issued under, its text (its
    masthead's lines, then its paragraphs, one a line) and the masthead's lines alone (issuing
    body, title, session and venue, where each is known) and its headings, each once, in order."""

    symbols: tuple[str, ...]
    text: str
    masthead: str
    headings: tuple[str, ...] = ()


@dataclass
class Hit:
    """A ranked paragraph returned by retrieval."""

    pid: int
    symbol: str
    number: str
    text: str
    page: str | None
    section: str
    score: float
    lexical: float = 0.0
    dense: float = 0.0
    sentence: float = 0.0  # best cosine of the question with one of the paragraph's sentences
    running: bool = False
    annex: str = ""
    source: str = ""
    footnotes: list[Footnote] = field(default_factory=list)
    part: str = ""  # the embedded text it belongs to (rag.models.Paragraph.part)
    part_of: str = ""
    doc_title: str = ""  # its document's masthead title and date (ISO), for ranking (not in to_json)
    doc_date: str = ""

    @property
    def citation(self) -> str:
        return render_citation(self.symbol, self.number, running=self.running,
                               annex=self.annex, page=self.page, part=self.part, part_of=self.part_of)

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "paragraph": self.number,
            "annex": self.annex,
            "running": self.running,
            "part_of": self.part_of,
            "page": self.page,
            "section": self.section,
            "text": self.text,
            "score": round(self.score, 4),
            "lexical": round(self.lexical, 4),
            "dense": round(self.dense, 4),
            "citation": self.citation,
            "part": self.part,
            "footnotes": [asdict(f) for f in self.footnotes],
        }


@dataclass
class Citation:
    """One cited paragraph in an answer with its verbatim quote."""

    symbol: str
    paragraph: str
    page: str | None
    section: str
    quote: str
    score: float
    citation: str
    text: str = ""
    footnotes: list[Footnote] = field(default_factory=list)
    part: str = ""  # the embedded text the paragraph belongs to ("" for the document's own)
    annex: str = ""  # "annex", "annex II"; "" for the body
    running: bool = False  # `paragraph` is a running count of unnumbered text ("¶ 2"), not a printed number
    part_of: str = ""  # the document's paragraph the embedded text sits in

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "paragraph": self.paragraph,
            "annex": self.annex,
            "running": self.running,
            "part_of": self.part_of,
            "page": self.page,
            "section": self.section,
            "quote": self.quote,
            "score": round(self.score, 4),
            "citation": self.citation,
            "text": self.text,
            "part": self.part,
            "footnotes": [asdict(f) for f in self.footnotes],
        }


@dataclass
class Closest:
    """The paragraph an abstention came closest to citing, the question's constraint it
    contradicts ("is about the sixtieth session, not the fifty-ninth session"), and the sentence
    of it that comes nearest to answering (for the reader to check; it is not cited)."""

    symbol: str
    paragraph: str
    citation: str
    mismatch: str
    annex: str = ""
    running: bool = False
    page: str | None = None
    part: str = ""
    quote: str = ""


@dataclass
class DigestItem:
    """One paragraph of an evidence digest: its best supporting sentence(s) and citation, and
    the citations of the near-identical paragraphs folded into it (a revision's, a summary's)."""

    paragraph: str
    quote: str
    citation: str
    score: float  # its support for the question (rag.answer.extract.support)
    page: str | None = None
    also: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"paragraph": self.paragraph, "quote": self.quote, "citation": self.citation,
                "score": round(self.score, 4), "page": self.page, "also": list(self.also)}


@dataclass
class DigestGroup:
    """A digest's paragraphs of one document, in the document's order."""

    symbol: str
    title: str
    date: str  # ISO YYYY-MM-DD, "" when the document prints none
    items: list[DigestItem]

    def to_json(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "title": self.title, "date": self.date,
                "items": [i.to_json() for i in self.items]}


@dataclass
class Answer:
    """The answer to a question: quote + citations, or an honest abstention; with `digest`,
    the supporting paragraphs of several documents too (rag.answer.digest)."""

    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    reason: str = ""
    # the paragraph an abstention names: a near miss caught (rag.answer.constraints), or the best
    # paragraph where the support is a little under the threshold (then `nearest` is the same)
    closest: Closest | None = None
    nearest: Closest | None = None  # abstaining for support a little under the threshold: the best paragraph
    digest: list[DigestGroup] | None = None  # asked for: the evidence digest (empty when abstaining)
    generated: Any = None  # asked for: the model's answer as checked (rag.answer.generate.Generated)
    note: str = ""  # why a generated answer asked for is missing ("no language model configured")
    generation_error: Any = None  # the RagError that stopped the model's answer (time-out, bad stream, refusal)

    @property
    def near_miss(self) -> bool:
        """Whether the answer abstains because the best paragraph is about something else."""
        return self.closest is not None and self.nearest is None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
        }
        if self.closest is not None:
            out["closest"] = asdict(self.closest)
        if self.nearest is not None:
            out["nearest"] = asdict(self.nearest)
        if self.digest is not None:
            out["digest"] = [g.to_json() for g in self.digest]
        if self.generated is not None:
            out["generated"] = self.generated.to_json()
        if self.note:
            out["note"] = self.note
        if self.generation_error is not None:
            out["generation_error"] = {"error": str(self.generation_error), "type": type(self.generation_error).__name__}
        return out


@dataclass
class ShownParagraph:
    """One paragraph as `rag show` prints it: its text, where it sits and how it is cited."""

    symbol: str
    paragraph: str  # its number as printed, or its running count for unnumbered text
    annex: str
    running: bool
    page: str | None
    section: str
    text: str
    footnotes: list[Footnote]
    source: str
    citation: str
    part: str = ""  # the embedded text it belongs to ("" for the document's own paragraph)
    part_of: str = ""  # the document's paragraph that embedded text sits in

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
