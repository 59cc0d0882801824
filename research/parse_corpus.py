"""Parse every PDF of the UN corpus; check symbols and paragraph numbering; report throughput.

Usage: python -m research.parse_corpus [PDF_FOLDER | TXT_FOLDER] [--manifest MANIFEST.jsonl] [--quiet]

For each PDF: the symbol read from the document must equal MANIFEST.jsonl's `symbol`, and the
body paragraph numbers must be the full sequence 1..N (no gap, no duplicate) with N at least
MANIFEST's `numbered_paras_in_sequence`. Prints each failure, a summary, and parse throughput
(pages/s, paragraphs/s) beside the raw text-extraction rate of the same PDF library measured
in the same run (the floor any structure step adds to).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rag.errors import ParseError
from rag.ingest import parse_file
from rag.models import Document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "un_corpus"


def manifest_by_file(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return {Path(r["file"]).stem: r for r in rows}


def check(doc: Document, expected: dict | None) -> list[str]:
    """Problems with one parsed document (empty when it passes)."""
    problems: list[str] = []
    numbered = [p for p in doc.paragraphs if not p.running]
    numbers = [int(p.number) for p in numbered if not p.annex and not p.part]
    if len(numbers) < expected.get("numbered_paras_in_sequence", 0) if expected else False:
        # A letter transmitting a report: the report is the annex, numbered from 1 there; a
        # committee report whose draft resolution is longer than the report itself.
        runs = {(p.annex, p.part) for p in numbered if p.annex or p.part}
        # (a decision's lettered items, "(a)", number no run)
        longest = max(([int(p.number) for p in numbered if (p.annex, p.part) == r and p.number.isdigit()]
                       for r in runs), key=len, default=[])
        if len(longest) > len(numbers):
            numbers = longest
    if expected is None:
        return ["not in MANIFEST"]
    if doc.symbol != expected["symbol"]:
        problems.append(f"symbol {doc.symbol!r} != {expected['symbol']!r}")
    if numbers != list(range(1, len(numbers) + 1)):
        head = numbers[:5]
        problems.append(f"body numbers not 1..N (starts {head}, {len(numbers)} paragraphs)")
    if len(numbers) < expected.get("numbered_paras_in_sequence", 0):
        problems.append(f"N={len(numbers)} < MANIFEST {expected['numbered_paras_in_sequence']}")
    return problems


def run(folder: Path, manifest: Path, quiet: bool, baseline: bool = True) -> dict:
    expected = manifest_by_file(manifest)
    files = sorted(folder.glob("*.pdf")) or sorted(folder.glob("*.txt"))  # the PDFs or their text conversions
    passed, failures, crashed = 0, {}, {}
    pages = paragraphs = 0
    started = time.perf_counter()
    docs: dict[str, Document] = {}
    for f in files:
        try:
            doc = parse_file(f)
        except ParseError as exc:
            crashed[f.name] = exc.message
            continue
        docs[f.name] = doc
        pages += doc.pages
        paragraphs += len(doc.paragraphs)
        key = f.name.removesuffix(".pdf").removesuffix(".txt").removesuffix(".en")
        problems = check(doc, expected.get(key))
        if problems:
            failures[f.name] = problems
        else:
            passed += 1
    seconds = time.perf_counter() - started
    raw_seconds = _raw_extraction_seconds(files) if baseline and files and files[0].suffix == ".pdf" else 0.0
    return {"files": len(files), "passed": passed, "failures": failures, "errors": crashed,
            "pages": pages, "paragraphs": paragraphs, "seconds": seconds, "raw_seconds": raw_seconds,
            "docs": docs, "quiet": quiet}


def _raw_extraction_seconds(files: list[Path]) -> float:
    """Baseline: pdfium text extraction alone (all text of every page), same files, same run."""
    import pypdfium2 as pdfium

    t = time.perf_counter()
    for f in files:
        pdf = pdfium.PdfDocument(f)
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT / "pdf")
    ap.add_argument("--manifest", type=Path, default=DEFAULT / "MANIFEST.jsonl")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    args = ap.parse_args()
    r = run(args.folder, args.manifest, args.quiet)
    if not args.quiet:
        for name, problems in sorted(r["failures"].items()):
            print(f"FAIL {name}: {'; '.join(problems)}")
        for name, msg in sorted(r["errors"].items()):
            print(f"ERROR {name}: {msg}")
    n = r["files"]
    share = 100.0 * r["passed"] / max(n, 1)
    print(f"\n{r['passed']}/{n} documents pass ({share:.1f}%): symbol = MANIFEST and body numbers 1..N, "
          f"N >= MANIFEST; {len(r['errors'])} parse errors")
    print("\n| step | seconds | pages/s | paragraphs/s |\n|---|---|---|---|")
    if r["raw_seconds"]:
        print(f"| pdfium text extraction only (baseline) | {r['raw_seconds']:.2f} | "
              f"{r['pages'] / r['raw_seconds']:.0f} | - |")
    print(f"| rag parse (loader + structure) | {r['seconds']:.2f} | {r['pages'] / r['seconds']:.0f} | "
          f"{r['paragraphs'] / r['seconds']:.0f} |")
    print(f"\n{r['pages']} pages, {r['paragraphs']} paragraphs")
    return 0 if share >= 95.0 and not r["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
