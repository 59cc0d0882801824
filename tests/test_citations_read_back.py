"""Every citation the product prints reads back, through `rag show`, to the paragraph it cites."""

from __future__ import annotations

import shutil
from pathlib import Path

from rag.errors import RagError
from rag.index.build import build_index
from rag.models import render_citation
from rag.service import Session
from tests.conftest import shared_path

# Real documents with what is hardest to cite: two tables numbered 3 (DP/FPA/2025/6), the decisions
# a report carries (E/2025/70), unnumbered annex text (A/52/687), draft resolutions (A/50/610), two
# unnumbered draft resolutions in one report (A/CONF.230/2025/15), a summary on the front matter's
# page iii (A/80/44), recommendations printed in boxes (JIU/REP/2025/2).
DOCUMENTS = ("DP_FPA_2025_6.en.pdf", "E_2025_70.en.pdf", "A_52_687.en.pdf", "A_50_610.en.pdf",
             "A_CONF.230_2025_15.en.pdf", "A_80_44.en.pdf", "JIU_REP_2025_2.en.pdf")


def test_every_printed_citation_reads_back_to_its_paragraph(fake_settings, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in DOCUMENTS:
        shutil.copy(shared_path("data", "un_corpus", "pdf", name), folder)
    build_index(fake_settings, [folder])
    with Session(fake_settings, with_model=False) as session:
        rows = session.index.conn.execute(
            "SELECT d.symbol, p.number, p.running, p.annex, p.page, p.part, p.part_of, p.text FROM paragraphs p "
            "JOIN documents d ON d.id = p.doc_id").fetchall()
        wrong = []
        for symbol, number, running, annex, page, part, part_of, text in rows:
            cited = render_citation(symbol, number, running=bool(running), annex=annex, page=page, part=part,
                                    part_of=part_of)
            try:
                shown = session.show(symbol, cited[len(symbol) + 2:])
            except RagError as exc:
                wrong.append(f"{cited}: {exc}")
                continue
            if shown.citation != cited or shown.text != text:
                wrong.append(f"{cited} shows {shown.citation}")
        # a table continued on the next page, asked without its page, names both places
        try:
            session.show("DP/FPA/2025/6", "table 2")
            ambiguous = ""
        except RagError as exc:
            ambiguous = str(exc)
    assert len(rows) > 300 and wrong == []
    assert any(row[4] == "iii" for row in rows)  # A/80/44's summary, cited on the page printed iii
    assert "has table 2 in 2 places: p. 8, table 2; p. 9, table 2" in ambiguous
    boxed = [row for row in rows if row[5] == "recommendation"]
    assert [row[1] for row in boxed] == [str(n) for n in range(1, 16)]  # JIU/REP/2025/2's fifteen
    assert boxed[0][7].startswith("Recommendation 1 Executive heads") and boxed[0][7].endswith("procedures.")


def test_a_running_count_is_the_place_on_its_page(fake_settings, tmp_path: Path) -> None:
    """Unnumbered text is cited "p. 4, ¶ 1": the first paragraph that starts on page 4, so a reader
    finds it by counting there (A/AC.109/2025/L.2's annex runs unnumbered over four pages)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(shared_path("data", "un_corpus", "pdf", "A_AC.109_2025_L.2.en.pdf"), folder)
    build_index(fake_settings, [folder])
    with Session(fake_settings, with_model=False) as session:
        rows = session.index.conn.execute(
            "SELECT p.number, p.annex, p.page FROM paragraphs p WHERE p.running = 1 AND p.part = '' "
            "ORDER BY p.ord").fetchall()
        seen: dict[tuple[str, str], int] = {}
        wrong = []
        for number, annex, page in rows:
            start = (annex, page.split("-")[0])
            seen[start] = seen.get(start, 0) + 1
            if number != str(seen[start]):
                wrong.append(f"{annex} p. {page}, ¶ {number} is no. {seen[start]} there")
        pages = {start for start in seen}
        shown = session.show("A/AC.109/2025/L.2", "annex, p. 4, ¶ 1")
    assert len(pages) >= 4 and max(seen.values()) > 1 and wrong == []
    assert shown.page == "4" and shown.text.startswith("Pitcairn")
