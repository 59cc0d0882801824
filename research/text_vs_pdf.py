"""How closely the plain-text conversions of the UN corpus parse like their PDFs.

For each document in MANIFEST.jsonl with both a .txt and a PDF: the numbered paragraphs
(annex, number) of each parse, and for the keys both have, whether the first 40 letters and
the page agree. The PDF parse is the reference, not the truth: where the two disagree, either
may be wrong (the PDF path, for one, takes a draft resolution's numbering for a few old reports).

    python -m research.text_vs_pdf [--corpus ../shared/data/un_corpus] [--show 15]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from rag.ingest import parse_file

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "un_corpus"


def keyed(doc) -> dict:
    """Numbered paragraphs by (annex, embedded part, number), the first where an enclosure reuses a label."""
    out: dict = {}
    for p in doc.paragraphs:
        if not p.running:
            out.setdefault((p.annex, p.part, p.number), p)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=15, help="documents below 90%% text agreement to list")
    args = ap.parse_args()
    norm = lambda s: re.sub(r"\W+", "", s)[:40]  # noqa: E731
    tot = dict(docs=0, same_keys=0, pdf_paras=0, shared=0, text=0, page=0)
    low = []
    for line in (args.corpus / "MANIFEST.jsonl").read_text().splitlines():
        name = Path(json.loads(line)["file"]).stem
        pdfs = sorted((args.corpus / "pdf").glob(f"{name}.en.pdf")) or sorted((args.corpus / "pdf").glob(f"{name}*.pdf"))
        if not pdfs:
            continue
        kp, kt = keyed(parse_file(pdfs[0])), keyed(parse_file(args.corpus / "txt" / f"{name}.txt"))
        both = [k for k in kp if k in kt]
        text = sum(norm(kp[k].text) == norm(kt[k].text) for k in both)
        tot["docs"] += 1
        tot["same_keys"] += set(kp) == set(kt)
        tot["pdf_paras"] += len(kp)
        tot["shared"] += len(both)
        tot["text"] += text
        tot["page"] += sum(kp[k].page == kt[k].page for k in both)
        if text < 0.9 * len(kp):
            low.append((name, len(kp), len(kt), text))
    n = tot["pdf_paras"]
    print(f"{tot['docs']} documents; same set of numbered paragraphs in {tot['same_keys']}")
    print(f"| measure | share of the PDF's {n} numbered paragraphs |\n|---|---|")
    print(f"| same (annex, number) in the text parse | {tot['shared'] / n:.3f} |")
    print(f"| ... and the same first 40 letters | {tot['text'] / n:.3f} |")
    print(f"| ... and the same page | {tot['page'] / n:.3f} |")
    print(f"\n{len(low)} documents below 90% text agreement (name, PDF paragraphs, text paragraphs, agreeing):")
    for row in low[: args.show]:
        print("  ", row)


if __name__ == "__main__":
    main()
