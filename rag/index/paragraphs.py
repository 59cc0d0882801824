"""Reading one paragraph as it is cited: by document symbol, paragraph number (or running count,
"¶2"), annex and embedded part ("draft resolution"), from a generation's SQLite store."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from rag.errors import NotFoundError
from rag.index.symbols import find_document_id, suggestion
from rag.models import RECOMMENDATION, TABLE, DocumentText, Footnote, ShownParagraph, render_citation

# "para. 11, draft resolution, para. 8", "draft decision II, para. 3", "decision 22/1, ¶ 2", "para.
# 20, report of Working Group I, para. 3", "para. 2, decision 2025/2, para. (b) (i)": a paragraph
# of an embedded text as cited, after the symbol.
CITED_PART = re.compile(r"^(?:paras?\.\s*(\w+)\s*,\s*)?((?:draft\s+|intersessional\s+)?(?:resolution|decision)s?\b[^,]*?"
                        r"(?:\s*,\s*(?:annex(?:\s+[IVXLC\d]+)?|(?:section|sect\.|part)\s*(?:[A-H](?:\.[IVX]+)?|[IVX]+)))?"
                        r"|report\s+of\s+[^,]+?)"
                        r"\s*,\s*"
                        r"(?:paras?\.\s*)?(¶\s*)?(\w+|\([a-z]{1,2}\)(?:\s*\([ivx]{1,5}\))?)$", re.IGNORECASE)
# "p. 11, table 3", "table 3": a captioned table as cited (rag.models.TABLE).
CITED_TABLE = re.compile(r"^(?:pp?\.\s*([\w–-]+)\s*,\s*)?table\s+(\w+)$", re.IGNORECASE)
# "recommendation 1": a boxed recommendation as cited (rag.models.RECOMMENDATION).
CITED_RECOMMENDATION = re.compile(r"^recommendation\s+(\d+)$", re.IGNORECASE)


def split_cited_part(number: str) -> tuple[str, str | None, str | None]:
    """("8", "draft resolution", "11") from "para. 11, draft resolution, para. 8": the number,
    the embedded part and the report's paragraph it sits in (None where not given); ("3",
    "table", None) from "p. 11, table 3", ("1", "recommendation", None) from "recommendation 1"; a
    plain number comes back as it is, with no part."""
    t = CITED_TABLE.match(" ".join(number.split()))
    if t:
        return t.group(2), TABLE, None
    r = CITED_RECOMMENDATION.match(" ".join(number.split()))
    if r:
        return r.group(1), RECOMMENDATION, None
    m = CITED_PART.match(" ".join(number.split()))
    if not m:
        return number, None, None
    number = ((m.group(3) or "") + m.group(4)).replace(" ", "")
    return (number.lower() if number.startswith("(") else number), m.group(2), m.group(1)


# "para. 37", "paragraph 37", "para 37": the number itself; "p. 3, ¶ 2" and "¶ 2": the running "¶2".
_PARA_WORD = re.compile(r"^(?:paragraph|paras?\.?)\s*(?=\w)", re.IGNORECASE)
# "annex II, para. 3", "part two, para. 15", "part three, annex I, ¶ 4" as cited.
_CITED_ANNEX = re.compile(r"^((?:part\s+[a-z]+\s*,\s*)?annex(?:\s+[IVXLC\d]+)?|part\s+[a-z]+)"
                          r"(?:\s*,\s*|\s+(?=(?:para|¶|p\.)))(.+)$", re.IGNORECASE)
_RUNNING = re.compile(r"^(?:pp?\.\s*([\w–-]+)\s*,\s*)?¶\s*(\w+)$")
_PRINTED_NUMBER = re.compile(r"(?:\((\d+[a-z]?)\)|(\d+[a-z]?))\.?")


# A lettered section of an embedded text as a user may cite it: "part B", "sect. B", "section B".
_SECTION = re.compile(r",\s*(?:section|sect\.|part)\s*([A-H](?:\.[IVX]+)?|[IVX]+)$", re.IGNORECASE)


def section_label(part: str) -> str:
    """An embedded text's lettered section in the form stored ("draft resolution, section B" from
    "draft resolution, part B" or "sect. B"); any other part as it is."""
    return _SECTION.sub(lambda m: f", section {m.group(1).upper()}", part)


def plain_number(number: str) -> tuple[str, str | None]:
    """A paragraph number as typed or copied from a citation, in the form `show_paragraph` reads,
    and the page a running count or a table is cited with: "para. 37" -> ("37", None), "p. 1-2,
    ¶ 1" -> ("¶1", "1-2"), "p. 11, table 3" -> ("p. 11, table 3", "11") (two tables may share a
    number); a part's or a table's citation stays as it is."""
    text = " ".join(number.split())
    running = _RUNNING.match(text)
    if running:
        return "¶" + running.group(2), (running.group(1) or "").replace("–", "-") or None
    table = CITED_TABLE.match(text)
    if table:
        return text, (table.group(1) or "").replace("–", "-") or None
    if "," in text:
        return text, None
    plain = _PARA_WORD.sub("", text)
    printed = _PRINTED_NUMBER.fullmatch(plain)  # "49." or "(49)" as the document prints it
    return (printed.group(1) or printed.group(2) if printed else plain), None


def annex_label(annex: str) -> str:
    """"I", "annex i", "Annex I" -> "annex I"; "annex" stays "annex"; a later part of a report
    and an annex of it as cited: "Part Two" -> "part two", "part three, annex ii" -> "part
    three, annex II"."""
    out = []
    for piece in annex.split(","):
        a = piece.strip()
        if a.lower().startswith("part "):
            out.append(" ".join(a.lower().split()))
            continue
        a = a[5:].strip() if a.lower().startswith("annex") else a
        out.append(f"annex {a.upper()}" if a else "annex")
    return ", ".join(out)


def find_document(conn: sqlite3.Connection, symbol: str) -> sqlite3.Row:
    """The document issued under `symbol`, as a user types it (rag.index.symbols); NotFoundError
    naming the closest indexed symbols otherwise."""
    doc_id = find_document_id(conn, symbol)
    if doc_id is None:
        known = [r[0] for r in conn.execute("SELECT symbol FROM symbols")]
        raise NotFoundError(f"unknown symbol {symbol.strip()!r}{suggestion(symbol, known)}",
                            fix="list the documents with `rag index status --documents`")
    return conn.execute("SELECT id, symbol, source FROM documents WHERE id = ?", (doc_id,)).fetchone()


def document_text(conn: sqlite3.Connection, symbol: str) -> DocumentText:
    """The symbols a document is issued under and its text: its masthead's issuing body, title,
    session and venue (rag.ingest.metadata), then its paragraphs' text in order, one a line, each
    heading that is a sentence before the first paragraph under it ("In paragraph 89, the Board
    recommends ... .": a recommendation set as the heading of its status is the document's text
    too); and every heading over a paragraph, each once."""
    row = conn.execute("SELECT id, symbols, title, session, venue, body FROM documents WHERE symbol = ?",
                       (symbol,)).fetchone()
    if row is None:
        return DocumentText((symbol,), "", "")
    # the issuing organ, not the entities an Executive Board serves ("of UNDP, UNFPA and UNOPS")
    organs = "; ".join("Executive Board" if b.startswith("Executive Board") else b for b in row["body"].split("; ")
                       if b)
    masthead = [t for t in (organs, row["title"], row["session"], row["venue"]) if t]
    texts: list[str] = []
    path: list[str] = []
    headings: dict[str, None] = {}
    for text, section in conn.execute("SELECT text, section FROM paragraphs WHERE doc_id = ? ORDER BY ord", (row[0],)):
        heads = section.split(" > ") if section else []
        # the headings that are sentences, as they open (not a title's "(2024-2033)", whose years
        # would pass for the document's own)
        texts += [h for i, h in enumerate(heads) if path[:i + 1] != heads[:i + 1] and h.rstrip().endswith(".")]
        path = heads
        headings.update(dict.fromkeys(heads))
        texts.append(text)
    return DocumentText(tuple(json.loads(row["symbols"])), "\n".join(masthead + texts), "\n".join(masthead),
                        tuple(headings))


def check_annex(conn: sqlite3.Connection, doc: sqlite3.Row, label: str) -> None:
    """NotFoundError unless the document has the annex `label` (case aside)."""
    annexes = [r[0] for r in conn.execute(
        "SELECT DISTINCT annex FROM paragraphs WHERE doc_id = ? AND annex != '' ORDER BY ord", (doc["id"],))]
    if label.lower() not in {a.lower() for a in annexes}:
        held = f" (it has: {'; '.join(annexes)})" if annexes else \
            "" if label.lower() == "annex" else " (it has no annex)"
        raise NotFoundError(f"{doc['symbol']} has no {label}{held}")


def _has_annex(conn: sqlite3.Connection, doc: sqlite3.Row, label: str) -> bool:
    return conn.execute("SELECT 1 FROM paragraphs WHERE doc_id = ? AND lower(annex) = ? LIMIT 1",
                        (doc["id"], label)).fetchone() is not None


def check_part(conn: sqlite3.Connection, doc: sqlite3.Row, part: str, within: str | None = None) -> None:
    """NotFoundError unless the document embeds the part `part` (case aside), in its paragraph
    `within` where given."""
    rows = conn.execute("SELECT DISTINCT part, part_of FROM paragraphs WHERE doc_id = ? AND part != '' ORDER BY ord",
                        (doc["id"],)).fetchall()
    if not any(r["part"].lower() == part.lower() and within in (None, r["part_of"]) for r in rows):
        held = ", ".join(dict.fromkeys((f"para. {r['part_of']}, " if r["part_of"] and r["part"] != TABLE else "")
                                       + r["part"] for r in rows))
        where = f"para. {within}, " if within is not None else ""
        raise NotFoundError(f"{doc['symbol']} embeds no {where}{part} (it has: {held or 'no embedded text'})")


def _given(*conditions: tuple[str, str | None]) -> tuple[str, list[str]]:
    """The SQL " AND ..." clauses of the conditions whose value is given, and their arguments."""
    given = [(clause, value) for clause, value in conditions if value is not None]
    return "".join(f" AND {clause}" for clause, _ in given), [value for _, value in given]


def _check_unambiguous(conn: sqlite3.Connection, doc: sqlite3.Row, number: str, running: bool, label: str | None,
                       part: str, within: str | None) -> None:
    """NotFoundError naming the places when a running count without its page ("¶3"), a table
    number without its page ("table 3"), or a part's paragraph without the report's paragraph
    it sits in ("draft resolution, ¶ 1") is found in more than one place of the document (as
    cited, "p. 28, ¶ 3", "p. 11, table 3" or "para. 16, draft resolution, ¶ 1" says which). A
    number not marked running is looked for as `find_row` looks: numbered, else running."""
    table = part.lower() == TABLE
    embedded = bool(part) and not table
    clauses, given = _given(("lower(annex) = lower(?)", label), ("part_of = ?", within))
    query = "SELECT DISTINCT page, annex, part_of FROM paragraphs WHERE doc_id = ? AND number = ? " \
            "AND lower(part) = lower(?)" + clauses
    args: list[Any] = [doc["id"], number, part, *given]
    rows: list[sqlite3.Row] = []
    for flag in ((None,) if table else (1,) if running else (0, 1)):
        rows = conn.execute(query + ("" if flag is None else f" AND running = {flag}") + " ORDER BY ord",
                            args).fetchall()
        if rows:
            running = flag == 1
            break
    places = list({(r["annex"], r["part_of"] if embedded else r["page"]): r for r in rows}.values())
    if len(places) > 1:
        what = f"table {number}" if table else f"¶ {number}" if running else f"para. {number}"
        where = [(f"para. {r['part_of']}, {part}" if r["part_of"] else part) if embedded else f"p. {r['page']}"
                 for r in places]
        cited = [", ".join(x for x in (r["annex"], w) if x) + f", {what}" for r, w in zip(places[:4], where)]
        raise NotFoundError(f"{doc['symbol']} has {what} in {len(places)} places: {'; '.join(cited)}",
                            fix=f"give it as cited, e.g. rag show {doc['symbol']} \"{cited[0]}\"")


def find_row(conn: sqlite3.Connection, doc_id: int, number: str, running: bool,
             label: str | None, part: str = "", page: str | None = None, within: str | None = None) -> sqlite3.Row | None:
    """The paragraph row of the document's own text, or of the embedded `part` (the one inside
    the report's paragraph `within` where given); the body's before the annexes' unless `label`
    names the annex; on `page` where given (a running count as cited, "p. 3, ¶ 2"). A number not
    marked running ("2") also finds running ¶ 2 of a document whose text is unnumbered."""
    clauses, given = _given(("lower(annex) = lower(?)", label), ("page = ?", page), ("part_of = ?", within))
    query = "SELECT * FROM paragraphs WHERE doc_id = ? AND number = ? AND running = ? AND lower(part) = lower(?)" \
        + clauses
    for flag in ((1,) if running else (0, 1)):
        args = [doc_id, number, flag, part, *given]
        row = conn.execute(query + " ORDER BY annex != '', ord LIMIT 1", args).fetchone()
        if row is not None:
            return row
    return None


def number_span(conn: sqlite3.Connection, doc_id: int, running: bool, label: str | None, part: str = "",
                within: str | None = None) -> str:
    """"1-52": the first and last paragraph numbers of the body or of the annex (of the embedded
    `part`, inside the report's paragraph `within` where given), or "" for none."""
    clauses, given = _given(("part_of = ?", within))
    query = ("SELECT number FROM paragraphs WHERE doc_id = ? AND running = ? AND lower(annex) = lower(?) "
             "AND lower(part) = lower(?)") + clauses
    nums = [r[0] for r in conn.execute(query + " ORDER BY ord", [doc_id, int(running), label or "", part, *given])]
    return f"{nums[0]}-{nums[-1]}" if nums else ""


def _not_found(conn: sqlite3.Connection, doc: sqlite3.Row, raw: str, running: bool, label: str | None, part: str,
               within: str | None) -> NotFoundError:
    """The error for a paragraph the document lacks, naming the paragraphs it has where it was
    looked for, or the annexes' where a letter's unnumbered body was."""
    span = number_span(conn, doc["id"], running, label, part, within)
    if part.lower() == TABLE:
        held = f"tables {span}" if span else "no captioned table"
        return NotFoundError(f"{doc['symbol']} has no table {raw!r}{f' in {label}' if label else ''} ({held})")
    where = "".join(f" in {w}" for w in (label, f"para. {within}, {part}" if within else part) if w)
    held = f"paragraphs {span}" if span else \
        "it has no unnumbered text" if running else "it has no numbered paragraphs"
    plain = not (running or part or label)  # a numbered paragraph of the document's own body asked for
    annexes = _numbered_annexes(conn, doc["id"]) if plain else []
    if span and annexes:  # the annexes number paragraphs of their own too
        held = "; ".join([held] + [f"{a} has paragraphs {s}" for a, s in annexes])
    elif annexes:  # a letter transmitting a numbered report as its annex
        held = "; ".join(["its body has no numbered paragraphs"] + [f"{a} has paragraphs {s}" for a, s in annexes])
        return NotFoundError(f"{doc['symbol']} has no paragraph {raw!r} ({held})",
                             fix=f"give the annex as cited, e.g. rag show {doc['symbol']} \"{annexes[0][0]}, para. "
                                 f"{annexes[0][1].split('-')[0]}\"")
    embedded = _in_embedded_text(conn, doc, raw, held) if plain else None
    return embedded or NotFoundError(f"{doc['symbol']} has no paragraph {raw!r}{where} ({held})")


def _in_embedded_text(conn: sqlite3.Connection, doc: sqlite3.Row, raw: str, held: str) -> NotFoundError | None:
    """The error for a number only a text the document embeds prints ("A/52/622, para. 7, draft
    resolution, para. 9"), naming where it is; None where no embedded text has it."""
    embedded = conn.execute(
        "SELECT DISTINCT part_of, part FROM paragraphs WHERE doc_id = ? AND number = ? AND part != '' AND part_of != '' "
        "AND annex = '' AND running = 0 ORDER BY ord", (doc["id"], raw)).fetchall()
    if not embedded:
        return None
    cited = [f"para. {r['part_of']}, {r['part']}, para. {raw}" for r in embedded]
    return NotFoundError(f"{doc['symbol']} has no paragraph {raw!r} of its own ({held}); "
                         f"{' and '.join(cited)} is one of a text it embeds",
                         fix=f"give the embedded text as cited, e.g. rag show {doc['symbol']} \"{cited[0]}\"")


def _not_on_page(conn: sqlite3.Connection, doc: sqlite3.Row, number: str, running: bool, label: str | None,
                 part: str, page: str) -> NotFoundError:
    """The error for a running count or a table cited with a page that has none of that number,
    naming where the document has it ("table 1 is on p. 4")."""
    table = part.lower() == TABLE
    what = f"table {number}" if table else f"¶ {number}"
    clauses, given = _given(("lower(annex) = lower(?)", label))
    rows = conn.execute("SELECT DISTINCT annex, page FROM paragraphs WHERE doc_id = ? AND number = ? AND "
                        "lower(part) = lower(?)" + ("" if table else f" AND running = {int(running)}") + clauses
                        + " ORDER BY ord", [doc["id"], number, part, *given]).fetchall()
    cited = [", ".join(x for x in (r["annex"], f"p. {r['page']}", what) if x) for r in rows[:4]]
    if not cited:
        return NotFoundError(f"{doc['symbol']} has no {what} on p. {page} nor on any other page")
    return NotFoundError(f"{doc['symbol']} has no {what} on p. {page} (it has {'; '.join(cited)})",
                         fix=f"give it as cited, e.g. rag show {doc['symbol']} \"{cited[0]}\"")


def _numbered_annexes(conn: sqlite3.Connection, doc_id: int) -> list[tuple[str, str]]:
    """Each annex of the document that prints paragraph numbers, with their span ("1-52")."""
    annexes = [a for (a,) in conn.execute(
        "SELECT DISTINCT annex FROM paragraphs WHERE doc_id = ? AND running = 0 AND part = '' AND annex != '' "
        "ORDER BY ord", (doc_id,))]
    return [(a, number_span(conn, doc_id, False, a)) for a in annexes]


def _check_not_sectioned(conn: sqlite3.Connection, doc: sqlite3.Row, number: str, label: str | None, part: str,
                         within: str | None) -> None:
    """NotFoundError naming the sections where an embedded text numbers its paragraphs by lettered
    section and the number is cited without one ("draft resolution, para. 3" of E/2025/72, whose
    sections A, B and C each have a para. 3)."""
    clauses, given = _given(("lower(annex) = lower(?)", label), ("part_of = ?", within))
    own = conn.execute("SELECT 1 FROM paragraphs WHERE doc_id = ? AND number = ? AND running = 0 AND lower(part) = "
                       "lower(?)" + clauses + " LIMIT 1", [doc["id"], number, part, *given]).fetchone()
    rows = conn.execute("SELECT DISTINCT part_of, part FROM paragraphs WHERE doc_id = ? AND number = ? AND running = 0 "
                        "AND (lower(part) LIKE lower(?) || ', section %' OR lower(part) LIKE lower(?) || '.%')"
                        + clauses + " ORDER BY ord", [doc["id"], number, part, part, *given]).fetchall()
    if own is None and rows:
        cited = [(f"para. {r['part_of']}, " if r["part_of"] else "") + f"{r['part']}, para. {number}" for r in rows]
        raise NotFoundError(f"{doc['symbol']}'s {part} numbers its paragraphs by section: {'; '.join(cited)}",
                            fix=f"give the section as cited, e.g. rag show {doc['symbol']} \"{cited[0]}\"")


def _cited_row(conn: sqlite3.Connection, symbol: str, number: str, annex: str | None,
               part: str | None) -> tuple[sqlite3.Row, sqlite3.Row]:
    """The document and the paragraph row `show_paragraph` shows; NotFoundError naming what the
    document has where it has no such paragraph."""
    doc = find_document(conn, symbol)
    in_annex = _CITED_ANNEX.match(" ".join(number.split()))
    if in_annex and annex is None:  # "annex II, para. 3" as cited
        annex, number = in_annex.group(1), in_annex.group(2)
    plain, page = plain_number(number)
    raw, cited, within = split_cited_part(plain)
    part = section_label(" ".join((part if part is not None else cited or "").split()))
    running = raw.startswith("¶")
    label = annex_label(annex) if annex is not None else None
    if label == "part one" and _has_annex(conn, doc, "part two"):
        label = ""  # a report printed in parts: its first part is the body
    if label:
        check_annex(conn, doc, label)
    if part:
        check_part(conn, doc, part, within)
    if (running or part) and page is None:
        _check_unambiguous(conn, doc, raw.lstrip("¶").strip(), running, label, part, within)
    if part and not running:
        _check_not_sectioned(conn, doc, raw, label, part, within)
    row = find_row(conn, doc["id"], raw.lstrip("¶").strip(), running, label, part, page, within)
    if row is None and page is not None:
        raise _not_on_page(conn, doc, raw.lstrip("¶").strip(), running, label, part, page)
    if row is None:
        raise _not_found(conn, doc, raw, running, label, part, within)
    return doc, row


def show_paragraph(conn: sqlite3.Connection, symbol: str, number: str, annex: str | None = None,
                   part: str | None = None) -> ShownParagraph:
    """One paragraph by symbol and number as cited, with page, section and footnotes.

    `number` is a paragraph number ("49"), a running count as cited for unnumbered text ("¶2"),
    or a paragraph of an embedded text as cited ("para. 11, draft resolution, para. 8");
    `annex` picks an annex ("annex I", "I"); without it the body comes first, then the annexes;
    `part` picks an embedded text ("draft resolution"); without it, the document's own paragraph."""
    doc, row = _cited_row(conn, symbol, number, annex, part)
    citation = render_citation(doc["symbol"], row["number"], running=bool(row["running"]), annex=row["annex"],
                               page=row["page"], part=row["part"], part_of=row["part_of"])
    return ShownParagraph(symbol=doc["symbol"], paragraph=row["number"], annex=row["annex"],
                          running=bool(row["running"]), page=row["page"], section=row["section"], text=row["text"],
                          footnotes=[Footnote(**f) for f in json.loads(row["footnotes"])], source=doc["source"],
                          citation=citation, part=row["part"], part_of=row["part_of"])


def cited_paragraph_id(conn: sqlite3.Connection, symbol: str, number: str) -> int | None:
    """The id of the paragraph `show_paragraph` shows for `symbol` and `number` as cited ("17",
    "part two, para. 12", "para. 21, report of Working Group II, para. 9"); None where the index
    holds no such document; NotFoundError naming what the document has where it holds no such
    paragraph."""
    if find_document_id(conn, symbol) is None:
        return None
    return int(_cited_row(conn, symbol, number, None, None)[1]["id"])


def around(conn: sqlite3.Connection, shown: ShownParagraph, n: int) -> dict[str, list[dict[str, Any]]]:
    """The `n` paragraphs before and after a shown one in its document, in reading order, each
    with its citation, page, section and text: `{"before": [...], "after": [...]}`."""
    doc = find_document(conn, shown.symbol)
    row = conn.execute("SELECT ord FROM paragraphs WHERE doc_id = ? AND number = ? AND annex = ? AND part = ? "
                       "AND part_of = ? AND running = ? AND coalesce(page, '') = ?",
                       (doc["id"], shown.paragraph, shown.annex, shown.part, shown.part_of, int(shown.running),
                        shown.page or "")).fetchone()
    if row is None:
        return {"before": [], "after": []}
    rows = conn.execute("SELECT * FROM paragraphs WHERE doc_id = ? AND ord BETWEEN ? AND ? AND ord != ? ORDER BY ord",
                        (doc["id"], row[0] - n, row[0] + n, row[0])).fetchall()
    near = {"before": [], "after": []}
    for r in rows:
        citation = render_citation(doc["symbol"], r["number"], running=bool(r["running"]), annex=r["annex"],
                                   page=r["page"], part=r["part"], part_of=r["part_of"])
        near["before" if r["ord"] < row[0] else "after"].append(
            {"paragraph": r["number"], "annex": r["annex"], "running": bool(r["running"]), "part": r["part"],
             "citation": citation, "page": r["page"], "section": r["section"], "text": r["text"]})
    return near
