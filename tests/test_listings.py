"""A meeting report's list of documents (its "Documentation" annex, one table unit a page) gives
way to the report's text unless the question asks for a document."""

from __future__ import annotations

from rag.models import TABLE, Hit
from rag.search.listings import lists_documents, listings_last

# TPNW/MSP/2025/11, annex IV, p. 27 (shortened): the rows repeat the meeting's name and the
# working papers' titles, so the table shares words with most questions about the meeting.
DOCUMENTS = Hit(pid=1, symbol="TPNW/MSP/2025/11", number="1", page="27", section="Documentation", score=3.0,
                part=TABLE, annex="annex IV",
                text="Symbol Description TPNW/MSP/2025/NGO/29 Proposed reflections on the delegitimization of "
                     "nuclear weapons: working paper submitted by Youth for TPNW TPNW/MSP/2025/NGO/30 Nuclear "
                     "weapons and our climate: working paper submitted by International Campaign to Abolish Nuclear "
                     "Weapons, Australia TPNW/MSP/2025/NGO/31 Statement on the occasion of the Third Meeting of "
                     "States Parties to the Treaty on the Prohibition of Nuclear Weapons")
ATTENDED = Hit(pid=2, symbol="TPNW/MSP/2025/11", number="16", page="4", section="", score=2.0,
               text="Representatives of 163 relevant non-governmental organizations attended the Meeting under "
                    "rule 1 (3) of the rules of procedure.")
# A table of figures and a paragraph citing documents in its sentences are no lists of documents.
FIGURES = Hit(pid=3, symbol="A/79/7/Add.13", number="2", page="11", section="", score=1.0, part=TABLE,
              text="Resource requirements for 2025 Construction 1,200.0 Consultancy 310.5 Total 1,510.5")
CITING = Hit(pid=4, symbol="A/80/44", number="3", page="2", section="", score=1.0,
             text="The Committee had before it the reports of the States parties (CAT/C/ARG/5, CAT/C/BEN/3 and "
                  "CAT/C/ZAF/2) and adopted concluding observations on each of them after a constructive dialogue.")


def test_a_table_listing_documents_by_symbol_is_a_list_of_documents() -> None:
    assert lists_documents(DOCUMENTS)
    assert not lists_documents(FIGURES)
    assert not lists_documents(CITING)
    assert not lists_documents(ATTENDED)
    # A/80/38, table 1: the reports a treaty body considered, another series, are what it is asked about.
    considered = Hit(pid=5, symbol="A/80/38", number="1", page="20", section="", score=1.0, part=TABLE,
                     text="CEDAW/C/BRA/8-9 Combined eighth and ninth periodic reports of Brazil CEDAW/C/BEN/5 Fifth "
                          "periodic report of Benin CEDAW/C/BLZ/5-9 Combined fifth to ninth periodic reports of Belize")
    assert not lists_documents(considered)
    # a table of figures citing its sources, N/A cells and a unit's code are no list
    costs = Hit(pid=6, symbol="A/79/7/Add.12", number="1", page="18", section="", score=1.0, part=TABLE,
                text="Vacancy rates (percentage) Budgeted 7.5 Actual 9.1 N/A GS/OL Sources: A/79/352, A/79/6 and "
                     "A/79/7, tables 3-5; the rates of the biennium before as reported in A/78/503 " + "figure " * 60)
    assert not lists_documents(costs)


def test_the_list_gives_way_to_the_text_after_it() -> None:
    question = "How many NGOs attended the third TPNW Meeting of States Parties under rule 1 (3)?"
    assert [h.pid for h in listings_last(question, [DOCUMENTS, ATTENDED, FIGURES])] == [2, 3, 1]


def test_a_question_asking_for_a_document_keeps_the_list_first() -> None:
    for question in ("Which working papers did Youth for TPNW submit to the third Meeting?",
                     "Under what symbol was the financial report of the third Meeting issued?",
                     "Which reports did the Meeting have before it?", "What is TPNW/MSP/2025/NGO/30 about?"):
        assert listings_last(question, [DOCUMENTS, ATTENDED]) == [DOCUMENTS, ATTENDED]


def test_hits_that_are_all_lists_or_none_keep_their_order() -> None:
    question = "What did the third Meeting decide?"
    assert listings_last(question, [DOCUMENTS]) == [DOCUMENTS]
    assert listings_last(question, [ATTENDED, FIGURES]) == [ATTENDED, FIGURES]
    assert listings_last(question, []) == []


def test_the_first_text_hit_is_what_found_the_document() -> None:
    from rag.search.listings import first_text

    assert first_text("How many NGOs attended the third Meeting?", [DOCUMENTS, ATTENDED]) is ATTENDED
    assert first_text("Which papers did Youth for TPNW submit?", [DOCUMENTS, ATTENDED]) is DOCUMENTS
    assert first_text("How many NGOs attended the third Meeting?", [DOCUMENTS]) is None
    assert first_text("How many NGOs attended the third Meeting?", []) is None
