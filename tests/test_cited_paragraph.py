"""A question that cites a paragraph by symbol and number is answered from that paragraph."""

from __future__ import annotations

from rag.config import Settings
from rag.search.cited import cited_paragraph, without_citation
from rag.service import Session, build
from rag.textutil import content_terms


def test_the_paragraph_a_question_cites() -> None:
    assert cited_paragraph("What does A/79/772, para. 17 say?") == ("A/79/772", "17")
    assert cited_paragraph("what does paragraph 17 of A/79/772 say") == ("A/79/772", "17")
    assert cited_paragraph("In A/80/44 (para. 12), how many States acceded?") == ("A/80/44", "12")
    assert cited_paragraph("Show A/59/377, annex I, para. 3") == ("A/59/377", "annex I, para. 3")
    assert cited_paragraph("para. 3 of annex II to A/59/377") == ("A/59/377", "annex II, para. 3")
    assert cited_paragraph("What does paragraph 10 of the annex to S/2025/303 say?") == ("S/2025/303", "annex, para. 10")
    assert cited_paragraph("paragraph 4 of the annex of document S/2025/303") == ("S/2025/303", "annex, para. 4")
    assert cited_paragraph("What does A/80/38, part two, para. 12 say?") == ("A/80/38", "part two, para. 12")
    assert cited_paragraph("What does A/80/42, para. 21, report of Working Group II, para. 9 say?") == \
        ("A/80/42", "para. 21, report of Working Group II, para. 9")
    assert cited_paragraph("A/50/610, para. 12, draft resolution, para. 8") == \
        ("A/50/610", "para. 12, draft resolution, para. 8")
    # unnumbered text and tables as rag prints them
    assert cited_paragraph("What does E/CN.9/2025/6, annex, p. 15, ¶ 6 say?") == ("E/CN.9/2025/6", "annex, p. 15, ¶ 6")
    assert cited_paragraph("What does DP/FPA/2025/7, p. 4, table 1 say?") == ("DP/FPA/2025/7", "p. 4, table 1")
    assert cited_paragraph("Show A/80/150, p. 1-2, ¶ 2") == ("A/80/150", "p. 1-2, ¶ 2")
    assert not content_terms(without_citation("What does DP/FPA/2025/7, p. 4, table 1 say?"))
    # no symbol with a digit, a range, two paragraphs, or a draft's operative paragraph
    assert cited_paragraph("What does para. 17 of the report say?") is None
    assert cited_paragraph("What do A/79/772, paras. 16-17 say?") is None
    assert cited_paragraph("Compare A/79/772, para. 17 with A/79/772, para. 18") is None
    assert cited_paragraph("by what vote was operative paragraph 16 of draft resolution A/C.2/79/L.21/Rev.1 kept?") is None


def test_what_a_question_asks_of_the_paragraph_it_cites() -> None:
    assert not content_terms(without_citation("What does A/79/772, para. 17 say?"))
    assert not content_terms(without_citation("Show me paragraph 17 of A/79/772"))
    assert content_terms(without_citation("What does A/79/772, para. 17 say about compacts?")) == {"compact"}


def test_a_cited_paragraph_is_the_answer_whatever_its_words(fake_settings: Settings) -> None:
    build(fake_settings, [fake_settings.seeds_dir])
    with Session(fake_settings) as session:
        answer = session.ask("What does A/59/377, para. 47 say?")
        assert not answer.abstained
        assert answer.citations[0].citation == "A/59/377, para. 47"
        assert answer.answer == "Exploring new forms of migration management is currently a priority on the " \
            "international political agenda of the many intergovernmental consultative processes established to that end."
        asked = session.ask("Which forum does IOM serve as secretariat for, per paragraph 48 of A/59/377?")
        assert asked.citations[0].citation == "A/59/377, para. 48"
        missing = session.ask("What does A/59/377, para. 917 say?")
        assert missing.abstained
        assert missing.answer == "No indexed paragraph answers this: A/59/377 has no paragraph '917' (paragraphs 47-49)."
        other = session.ask("What does A/1/2, para. 3 say?")  # a document the index lacks: the search as it is
        assert "A/1/2 has no" not in other.answer


def test_a_paragraph_cited_beside_another_document_is_no_citation_of_the_question() -> None:
    assert cited_paragraph("Under A/RES/78/245, para. 5, what did the Secretary-General report in A/79/772?") is None
    assert cited_paragraph("What does A/79/772, para. 17 say of A/79/772's compacts?") == ("A/79/772", "17")


def test_a_paragraph_writing_a_cited_draft_s_symbol_is_found(tmp_path) -> None:
    """A/50/610, para. 6 (shortened) records the amendments in A/C.4/50/L.7, a document the index
    does not hold; A/48/653 records other amendments in the same words."""
    from rag.search.cited import writes_symbol
    from tests.conftest import indexed_texts

    assert writes_symbol("the amendments contained in document A/C.4/50/L.7.", ["A/C.4/50/L.7"])
    assert not writes_symbol("the amendments in A/C.4/50/L.70 and A/C.4/48/L.7", ["A/C.4/50/L.7"])
    fifty = ("A/50/610\nReport of the Fourth Committee\n\n"
             "5. The Committee considered the item at its 12th meeting and heard statements.\n\n"
             "6. At the 14th meeting, on 3 November, the representative of Spain, on behalf of the European Union, "
             "introduced amendments (A/C.4/50/L.7) to the draft resolution.\n")
    forty_eight = ("A/48/653\nReport of the Fourth Committee\n\n"
                   "6. At the 11th meeting, the Chairman of the Fourth Committee introduced the amendments to the "
                   "draft resolution contained in documents A/C.4/48/L.11 and L.12, in the Fourth Committee.\n\n"
                   "7. The Fourth Committee adopted the amendments introduced at the meeting.\n")
    settings = indexed_texts(tmp_path, {"A_50_610.txt": fifty, "A_48_653.txt": forty_eight})
    with Session(settings) as s:
        hits = s.search("Who introduced the amendments in document A/C.4/50/L.7 in the Fourth Committee?", k=3)
    assert hits[0].citation == "A/50/610, para. 6"
