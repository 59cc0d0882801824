"""Acronyms users type that the documents spell out are searched both ways."""

from __future__ import annotations

from rag.search.acronyms import with_spelled_out


def test_an_acronym_is_searched_with_what_the_documents_write() -> None:
    """E/2025/15, para. 2 writes "7 per cent of measurable Sustainable Development Goal targets"."""
    assert with_spelled_out("What proportion of SDG targets are on track in Africa?") == \
        "What proportion of SDG (Sustainable Development Goal) targets are on track in Africa?"
    assert with_spelled_out("Which NGOs and CSOs spoke?") == \
        "Which NGOs (non-governmental organizations) and CSOs (civil society organizations) spoke?"
    # spelled out already, or a longer word: left as asked
    assert with_spelled_out("Which SDG, the Sustainable Development Goal on water?") == \
        "Which SDG, the Sustainable Development Goal on water?"
    assert with_spelled_out("What did SDGsX and UNSCOM do?") == "What did SDGsX and UNSCOM do?"


def test_the_question_is_embedded_spelled_out_and_answered_as_asked(fake_settings, tmp_path) -> None:
    """The embedding and the term weights read the spelled-out name; the question stays as asked."""
    from rag.service import Session, build

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "E_2025_15.txt").write_text(
        "E/2025/15\n\nRegional cooperation\n\n"
        "1. The Economic Commission for Africa region held its forum in Addis Ababa in April 2025.\n\n"
        "2. Progress is on track for 7 per cent of measurable Sustainable Development Goal indicators in Africa.\n",
        encoding="utf-8")
    build(fake_settings, [folder])
    with Session(fake_settings) as s:
        query = s.retriever.prepare("How many SDG targets are on track?")
        spelled = s.embedder.encode_queries(["How many SDG (Sustainable Development Goal) targets are on track?"])[0]
    assert query.text == "How many SDG targets are on track?"
    assert {"sustainabl", "develop", "goal"} <= set(query.idf)
    assert float(query.vector @ spelled) > 0.999


def test_an_acronym_spelled_out_in_lower_case_is_written_for_the_near_miss_check() -> None:
    """E/2025/64, para. 5 writes "13 to 20 per cent of gross domestic product": the question's "GDP"
    is no name the document never writes."""
    from rag.answer.constraints import check_constraints
    from rag.answer.evidence import Evidence

    paragraph = "Public procurement, accounting for 13 to 20 per cent of gross domestic product globally, matters."
    evidence = Evidence(paragraph, paragraph, ("E/2025/64",))
    assert check_constraints("What share of world GDP does public procurement represent?", evidence) is None
    assert with_spelled_out("Who spoke for the host country of FfD4?") == \
        "Who spoke for the host country of FfD4 (Fourth International Conference on Financing for Development)?"


def test_an_x_spelled_by_a_word_opening_with_ex() -> None:
    """E/CN.3/2025/8 writes "Statistical Data and Metadata Exchange", never SDMX: the acronym is
    written (a question asking about SDMX is no near miss for want of the name)."""
    from rag.answer.subjects import writes_acronym

    assert writes_acronym("transmitted through the Statistical Data and Metadata Exchange standard", "SDMX")
    assert not writes_acronym("transmitted through the Statistical Data and Metadata standard", "SDMX")


def test_the_neet_rate_is_written_as_the_documents_spell_it() -> None:
    """E/CN.5/2025/4, para. 45 writes "the global not in employment, education or training rate",
    never NEET: a question on the NEET rate is no near miss for want of the name."""
    from rag.answer.subjects import writes_acronym

    assert writes_acronym("the global not in employment, education or training rate among young people", "NEET")
    # and in the order of SDG indicator 8.6.1, as E/HLPF/2025/2 writes it
    assert writes_acronym("youth not in education, employment, or training", "NEET")


def test_a_programme_s_acronym_is_written_by_its_words_in_lower_case() -> None:
    """E/2025/76, para. 19 writes "disarmament, demobilization and reintegration" and "security
    sector reform", never "DDR": asked why DDR commitments were outstanding, the answer abstained
    as "from a document that never names DDR"."""
    from rag.answer.constraints import check_constraints
    from rag.answer.evidence import Evidence

    assert with_spelled_out("Why are DDR commitments outstanding?") == \
        "Why are DDR (disarmament, demobilization and reintegration) commitments outstanding?"
    text = ("Key provisions on security sector reform and on disarmament, demobilization and reintegration remain "
            "outstanding due to political mistrust between key signatories.")
    evidence = Evidence(text, text, ("E/2025/76",))
    assert check_constraints("Why are security sector reform and DDR commitments in South Sudan still outstanding?",
                             evidence) is None


def test_disarmament_acronyms_are_written_as_their_names() -> None:
    """A/80/42 is the report of the Disarmament Commission and never writes UNDC; the TPNW
    declaration (TPNW/MSP/2025/11, annex I, para. 21) spells out the Comprehensive Nuclear-Test-Ban
    Treaty, never CTBT."""
    from rag.answer.evidence import Evidence
    from rag.answer.subjects import check_unnamed_organization

    commission = Evidence(paragraph="The Disarmament Commission held its organizational session for 2025.",
                          document="Report of the Disarmament Commission for 2025", symbols=("A/80/42",))
    assert check_unnamed_organization("UNDC 2025 note listing documents submitted by the Secretary-General",
                                      commission) is None
    treaty = Evidence(paragraph="We call on all States that have not yet done so to sign and ratify the Comprehensive "
                                "Nuclear-Test-Ban Treaty without delay.", document="", symbols=("TPNW/MSP/2025/11",))
    assert check_unnamed_organization("Which States are called on to ratify the CTBT without delay?", treaty) is None
    assert check_unnamed_organization("Which States are called on to ratify the CTBT without delay?", commission) \
        is not None


def test_a_kind_of_organization_asked_for_with_a_word_before_it_is_no_organization_named() -> None:
    """E/2025/60, para. 30 names "Nhimbe Trust, a Zimbabwe-based civil society partner": "Which
    Zimbabwean NGO ...?" asks for one, whatever the document calls it; an organization named by
    its acronym that the document never writes is still another's."""
    from rag.answer.evidence import Evidence
    from rag.answer.subjects import check_unnamed_organization

    text = ("OHCHR held a virtual consultation with Nhimbe Trust, a Zimbabwe-based civil society partner, on "
            "cultural rights.")
    evidence = Evidence(text, text, ("E/2025/60",))
    assert check_unnamed_organization("Which Zimbabwean NGO did the UN human rights office team up with?",
                                      evidence) is None
    assert check_unnamed_organization("Which UNICEF partner did the office team up with?", evidence) is not None


def test_a_numbered_cop_is_searched_and_counted_as_the_documents_write_it() -> None:
    """E/HLPF/2025/3/Add.2, para. 10 writes "the thirtieth session of the Conference of the Parties
    to the United Nations Framework Convention on Climate Change, to be held in Belém do Pará";
    a user asks where COP30 takes place. A paragraph writing the acronym itself keeps it."""
    from rag.answer.extract import support
    from rag.models import Hit
    from rag.search.acronyms import as_written, without_spelled_out

    assert with_spelled_out("Where will COP30 take place?") == \
        "Where will COP30 (thirtieth session of the Conference of the Parties) take place?"
    assert "twenty-ninth session of the Conference" in with_spelled_out("the outcome of COP 29")
    paragraph = ("The session on the thirtieth session of the Conference of the Parties to the United Nations "
                 "Framework Convention on Climate Change, to be held in Belém do Pará, Brazil, was moderated.")
    assert "COP30" not in without_spelled_out("Where will COP30 take place?", paragraph)
    assert "COP31" in without_spelled_out("Where will COP31 take place?", paragraph)
    assert as_written("Where will COP30 take place?", paragraph) == \
        "Where will thirtieth session of the Conference of the Parties take place?"
    assert as_written("How many NGOs attended?", "Some 120 NGOs attended.") == "How many NGOs attended?"
    assert as_written("How many NGOs attended?", "Some 120 non-governmental organizations attended.") == \
        "How many non-governmental organizations attended?"
    # the support counts the spelled-out words the paragraph writes
    hit = Hit(pid=0, symbol="E/HLPF/2025/3/Add.2", number="10", text=paragraph, page="3", section="", score=1.0,
              sentence=0.6)
    assert support(hit, "Where will COP30 take place?") > 0.6 * 0.5


def test_isil_is_named_by_its_arabic_acronym() -> None:
    """S/2025/323, para. 20 calls ISIL "Da’esh" only; asked how many attacks were blamed on ISIL in
    Iraq, it abstained as "from a document that never names ISIL"."""
    from rag.answer.evidence import Evidence
    from rag.answer.subjects import check_unnamed_organization

    text = ("During the reporting period, Da’esh continued to conduct asymmetric attacks, primarily in Anbar, "
            "Baghdad, Diyala, Kirkuk and Salah al-Din Governorates.")
    evidence = Evidence(text, text, ("S/2025/323",))
    assert check_unnamed_organization("How many attacks were blamed on ISIL in Iraq between November 2024 and March "
                                      "2025?", evidence) is None
    assert check_unnamed_organization("How many attacks were blamed on UNAMI in Iraq?", evidence) is not None
