"""What the masthead reader (rag.ingest.metadata) finds in each document of the UN corpus: title,
date, body and session per document, and how many documents have each, for the PDFs and the
plain-text conversions (the fields `build_document` stores for every format). "title as guessed":
how many titles open with the same 40 letters as somewhere in MANIFEST.jsonl's rough `title_guess`.

    python -m research.document_metadata [--corpus ../shared/data/un_corpus] [--format pdf|txt|both] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from rag.ingest import _loaders
from rag.ingest.metadata import read_metadata, session_number
from rag.ingest.symbols import document_symbols, symbol_from_filename

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "un_corpus"
FIELDS = ("title", "date", "body", "session")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--format", choices=("pdf", "txt", "both"), default="both")
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    args = ap.parse_args()
    loaders = _loaders()
    guesses = {json.loads(ln)["symbol"]: json.loads(ln).get("title_guess", "")
               for ln in (args.corpus / "MANIFEST.jsonl").read_text().splitlines() if ln.strip()}
    for fmt in (("pdf", "txt") if args.format == "both" else (args.format,)):
        files = sorted((args.corpus / fmt).iterdir())
        counts = dict.fromkeys(FIELDS, 0)
        numbered = agree = 0
        for path in files:
            pages = loaders[path.suffix.lower()](path, path.read_bytes())
            symbols = document_symbols(pages)
            symbol = symbols[0] if symbols else symbol_from_filename(path)
            meta = read_metadata(pages, symbol)
            for f in FIELDS:
                counts[f] += bool(getattr(meta, f))
            numbered += session_number(meta.session) is not None
            agree += bool(meta.title) and _letters(meta.title)[:40] in _letters(guesses.get(symbol, ""))
            if not args.quiet:
                print(f"{fmt} {symbol:28} {meta.date:10} | {meta.body} | {meta.session}"
                      f" ({session_number(meta.session)})\n    title: {meta.title}\n"
                      f"    guess: {guesses.get(symbol, '')[:200]}")
        print(f"{fmt}: {len(files)} documents; " + ", ".join(f"{f} {counts[f]}" for f in FIELDS)
              + f"; session number {numbered}; title as guessed {agree}")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


if __name__ == "__main__":
    main()
