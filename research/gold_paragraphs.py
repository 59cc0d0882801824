"""Does each dev question's gold paragraph, as the product cites it, contain the question's answer?

Usage: python -m research.gold_paragraphs [--questions Q.jsonl] (--index-dir DIR --index NAME | --corpus FOLDER)

For every question of a UN questions file (`symbol`, `para`, `answer`), the paragraph that
`rag show SYMBOL PARA` returns (the document's own paragraph: the body before the annexes, not
a part embedded in it) must contain the answer span once case, punctuation and whitespace are
normalised. Reads the paragraphs from an index, or parses the corpus folder's files directly
(PDFs or text conversions; no index needed). Prints each miss and a summary line; exit status
1 when any question misses.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rag.errors import ParseError, RagError
from rag.ingest import discover, parse_file
from rag.models import Paragraph

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def norm(text: str) -> str:
    """Lower case, every run of non-alphanumerics one space (line breaks and hyphenation aside)."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("-\n", "")).strip()


def contains(text: str, answer: str) -> bool:
    """The answer occurs in the text, normalised; a word split at a line-end hyphen also counts."""
    t, a = norm(text), norm(answer)
    return a in t or a.replace(" ", "") in t.replace(" ", "")


def own_paragraph(paragraphs: list[Paragraph], number: str) -> Paragraph | None:
    """The paragraph `rag show SYMBOL NUMBER` returns: the body's numbered one, then an annex's,
    then a running one; never one of an embedded part."""
    own = [p for p in paragraphs if p.number == number and not getattr(p, "part", "")]
    for pick in (lambda p: not p.running and not p.annex, lambda p: not p.running, lambda p: True):
        found = [p for p in own if pick(p)]
        if found:
            return found[0]
    return None


def _stem(name: str) -> str:
    """"A_47_466.en.pdf" and "A_47_466.txt" -> "A_47_466"."""
    return name.split(".en.")[0] if ".en." in name else name.rsplit(".", 1)[0]


def corpus_reader(folder: Path, files: set[str]):
    """symbol, number -> text, parsing once each file of the folder that a question names (by
    its `file`, the text conversion's name; a PDF of the same stem counts)."""
    by_symbol: dict[str, list[Paragraph]] = {}
    wanted = {_stem(f) for f in files}
    for f in discover([folder])[0]:
        if _stem(f.name) not in wanted:
            continue
        try:
            doc = parse_file(f)
        except ParseError as exc:
            print(f"ERROR {f.name}: {exc.message}", file=sys.stderr)
            continue
        for s in doc.symbols or [doc.symbol]:
            by_symbol.setdefault(s, doc.paragraphs)

    def read(symbol: str, number: str) -> str | None:
        p = own_paragraph(by_symbol.get(symbol, []), number)
        return p.text if p else None
    return read


def index_reader(index_dir: Path, name: str):
    """symbol, number -> text, through `rag show` on an index."""
    from rag.config import load_settings
    from rag.service import Session

    session = Session(load_settings(index_dir=index_dir, index_name=name), with_model=False)

    def read(symbol: str, number: str) -> str | None:
        try:
            return session.show(symbol, number).text
        except RagError:
            return None
    return read


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=DATA / "un_dev" / "questions.jsonl")
    ap.add_argument("--index-dir", type=Path)
    ap.add_argument("--index", default="default")
    ap.add_argument("--corpus", type=Path, help="a folder of documents to parse instead of an index")
    args = ap.parse_args()
    if (args.corpus is None) == (args.index_dir is None):
        ap.error("give either --corpus FOLDER or --index-dir DIR [--index NAME]")
    rows = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    read = corpus_reader(args.corpus, {q["file"] for q in rows}) if args.corpus \
        else index_reader(args.index_dir, args.index)
    misses = 0
    for q in rows:
        text = read(q["symbol"], str(q["para"]))
        if text is None or not contains(text, q["answer"]):
            misses += 1
            why = "no such paragraph" if text is None else f"text: {text[:90]!r}"
            print(f"MISS {q['symbol']}, para. {q['para']} ({q['kind']}): {why}")
    print(f"{misses} of {len(rows)} gold paragraphs miss their answer span")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
