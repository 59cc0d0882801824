"""What a file parses into: symbol, headings, paragraph numbers with page and first words, footnotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rag.errors import SourceError, printable
from rag.ingest import parse_file
from rag.models import TABLE, render_citation


def inspect_file(path: Path, words: int = 8) -> dict[str, Any]:
    """The parsed structure of one file as plain data (raises ParseError like a build would;
    SourceError, as a build does, for a path that does not exist or is a folder)."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{printable(str(path))}: no such file")
    if path.is_dir():
        raise SourceError(f"{printable(str(path))}: is a folder; `rag inspect` reads one file",
                          fix="name one file in it")
    doc = parse_file(path)
    headings: list[str] = []
    paragraphs = []
    for p in doc.paragraphs:
        if p.section and (not headings or headings[-1] != p.section):
            headings.append(p.section)
        paragraphs.append({
            "number": p.number, "annex": p.annex, "part": p.part, "part_of": p.part_of, "running": p.running,
            "page": p.page, "section": p.section, "start": " ".join(p.text.split()[:words]),
            "citation": render_citation(doc.symbol, p.number, running=p.running, annex=p.annex, page=p.page,
                                        part=p.part, part_of=p.part_of),
            "footnotes": [{"marker": f.marker, "text": f.text} for f in p.footnotes],
        })
    return {"file": str(path), "symbol": doc.symbol, "symbols": doc.symbols, "pages": doc.pages,
            "paragraphs": paragraphs, "headings": headings,
            "footnotes": sum(len(p["footnotes"]) for p in paragraphs)}


def format_inspection(data: dict[str, Any]) -> list[str]:
    """Human-readable lines for `rag inspect`."""
    out = [f"File      {data['file']}",
           f"Symbol    {data['symbol']}" + (f" (also {', '.join(data['symbols'][1:])})" if len(data["symbols"]) > 1 else ""),
           f"Pages     {data['pages'] or '-'}",
           (f"Contents  {len(data['paragraphs'])} paragraph(s), {len(data['headings'])} heading path(s), "
            f"{data['footnotes']} footnote reference(s)"), ""]
    section = None
    for p in data["paragraphs"]:
        if p["section"] != section:
            section = p["section"]
            out.append(f"## {section or '(no heading)'}")
        label = ("¶ " if p["running"] else "") + p["number"]
        where = f"p. {p['page']}" if p["page"] else ""
        within = f"para. {p['part_of']}" if p["part"] and p["part"] != TABLE and p["part_of"] else ""
        prefix = "".join(f"{w}, " for w in (p["annex"], within, p["part"]) if w)
        out.append(f"  {prefix}{label:>5}  {where:<9} {p['start']}…")
        for f in p["footnotes"]:
            out.append(f"           note {f['marker']}: {f['text'][:100] or '(body not found)'}")
    return out
