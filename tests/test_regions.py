"""A question about one region's forum answered from another region's report is a near miss."""

from __future__ import annotations

from rag.answer.constraints import check_constraints
from rag.answer.evidence import Evidence
from rag.answer.regions import check_region, check_unwritten_region, named_regions
from tests.conftest import said

# E/HLPF/2025/3/Add.3 and Add.4: the titles of the ECE and the Asia-Pacific forums' reports.
_ECE = "Report of the Regional Forum on Sustainable Development for the Economic Commission for Europe Region"
_ASIA = "Report on the Twelfth Asia-Pacific Forum on Sustainable Development"


def _report(title: str, text: str = "The Co-Chairs, Ioannis Ghikas and Ana Lopez, introduced the panel.") -> Evidence:
    return Evidence(text, f"{title}\n{text}", ("E/HLPF/2025/3/Add.3",), "2025-05-05", title)


def test_the_regions_a_text_names() -> None:
    assert named_regions("the 2025 Asia-Pacific Forum") == {"Asia and the Pacific"}
    assert named_regions("ECE region; Latin America and the Caribbean") == {"the ECE region",
                                                                          "Latin America and the Caribbean"}
    assert named_regions("South Africa and the Central African Republic") == set()
    assert named_regions("the Africa Regional Forum") == {"Africa"}


def test_another_regions_forum_is_a_near_miss() -> None:
    question = "Who co-chaired the 2025 Asia-Pacific Forum on Sustainable Development?"
    assert said(check_region(question, _report(_ECE))) == "is about the ECE region, not Asia and the Pacific"
    assert said(check_constraints(question, _report(_ECE))) == "is about the ECE region, not Asia and the Pacific"
    assert check_region(question, _report(_ASIA)) is None
    # a title naming no region, or a question naming two, is not judged
    assert check_region(question, _report("Multi-stakeholder forum on science, technology and innovation")) is None
    assert check_region("How do Africa and Asia-Pacific compare?", _report(_ECE)) is None


def test_a_south_african_or_central_african_name_is_no_region() -> None:
    assert named_regions("What did the South African Government report?") == set()
    assert named_regions("the Economic Community of Central African States") == set()
    assert named_regions("the African Union") == {"Africa"}


# E/CN.6/2025/4, para. 9: a global figure, in a report that never names Europe.
_CARE = ("An estimated 80 per cent of paid domestic workers worldwide are women, 90 per cent of whom do not have "
         "access to social security.")


def _proposals(text: str = _CARE) -> Evidence:
    title = "Proposals on priority themes and review themes of the Commission on the Status of Women"
    return Evidence(_CARE, f"{title}\n{text}", ("E/CN.6/2025/4",), "2024-12-02", title)


def test_a_region_the_document_never_names_is_a_near_miss() -> None:
    question = "What percentage of paid domestic workers in Europe are women?"
    assert said(check_unwritten_region(question, _proposals())) == "is from a document that never names Europe"
    assert said(check_constraints(question, _proposals())) == "is from a document that never names Europe"
    # the document writing the region, or its adjective, answers for it
    assert check_unwritten_region(question, _proposals(_CARE + " In Europe, most are migrants.")) is None
    assert check_unwritten_region(question, _proposals(_CARE + " European care systems differ.")) is None
    assert check_unwritten_region("How many people in the Middle East need care?", _proposals()) is not None
    assert check_unwritten_region("How many people in Latin America need care?",
                                  _proposals(_CARE + " in Latin American cities")) is None
    # "South Africa" is a country (its own check), not the region
    assert check_unwritten_region("How many people in South Africa need care?", _proposals()) is None


def test_a_paragraph_on_another_region_is_a_near_miss() -> None:
    """E/HLPF/2025/2, para. 54 (the Asia-Pacific section of the stakeholders' compilation) gives the
    ESCAP progress report's count of targets on track; asked of Africa, it is about another region."""
    from rag.answer.regions import check_paragraph_region

    text = ("In the publication Asia and the Pacific SDG Progress Report 2025 of the Economic and Social Commission "
            "for Asia and the Pacific, it is shown that only 16 out of the 117 targets with data are on track.")
    title = "Discussion papers on the theme of the high-level political forum"
    evidence = Evidence(text, f"{title}\n{text}", ("E/HLPF/2025/2",), "2025-05-01", title, "XII. Asia-Pacific")
    africa = "How many SDG targets with data are on track in Africa?"
    assert said(check_paragraph_region(africa, evidence)) == "is about Asia and the Pacific, not Africa"
    assert said(check_constraints(africa, evidence)) == "is about Asia and the Pacific, not Africa"
    assert check_paragraph_region("How many SDG targets are on track in Asia and the Pacific?", evidence) is None
    # a section or title naming the asked region, or a paragraph naming none, is not judged
    assert check_paragraph_region(africa, Evidence(text, text, (), "", title, "XI. Africa")) is None
    assert check_paragraph_region(africa, Evidence("Only 17 per cent of targets are on track.", "", (), "", title)) \
        is None


def test_a_part_of_the_asked_region_or_a_body_named_after_another_is_no_other_region() -> None:
    """Found in review: "South and East Asia" is part of Asia and the Pacific, "the Caribbean" of
    Latin America and the Caribbean; "the African Union" places nothing in Africa."""
    from rag.answer.regions import check_paragraph_region

    def ev(text: str) -> Evidence:
        return Evidence(text, text, ("E/2025/1",), "2025-01-01", "World economic situation and prospects")

    poverty = ev("Extreme poverty continued to fall in South and East Asia, while it rose in sub-Saharan Africa.")
    assert check_paragraph_region("How did extreme poverty change in Asia and the Pacific?", poverty) is None
    debt = ev("Debt burdens are highest in small island developing States in Africa and the Caribbean.")
    assert check_paragraph_region("How heavy is the debt burden in Latin America and the Caribbean?", debt) is None
    union = ev("The African Union and the United Nations signed a framework on peace operations in Asia.")
    assert check_paragraph_region("What did the framework do in Asia and the Pacific?", union) is None


def test_a_part_of_a_continent_the_title_gives_to_another() -> None:
    """S/2025/495, the report on the United Nations Office for West Africa and the Sahel: "What
    share of Central Africa's population are young people?" was answered with West Africa's 65 per
    cent."""
    from rag.answer.regions import check_subregion, named_subregions

    title = "Activities of the United Nations Office for West Africa and the Sahel Report of the Secretary-General"
    evidence = Evidence("Young people, who comprise about 65 per cent of the region's population, ...", "",
                        ("S/2025/495",), title=title)
    miss = check_subregion("What share of Central Africa's population are young people?", evidence)
    assert miss is not None and miss.describe() == "is about West Africa and the Sahel, not Central Africa"
    assert check_subregion("What share of West Africa's population are young people?", evidence) is None
    assert check_subregion("What share of the population are young people?", evidence) is None
    assert named_subregions("the Central African Republic and South Africa") == set()
    # the paragraph names the asked part; a part lying in or across it; a group named after one
    own = Evidence("... reshaping the political and security landscape of West Africa.", "", ("E/2025/76",),
                   title="United Nations integrated strategy for the Sahel")
    assert check_subregion("How did the withdrawal reshape the landscape of West Africa?", own) is None
    lakes = Evidence("UNOCA met the Office of the Special Envoy.", "", ("S/2025/342",), title="The situation in "
                     "Central Africa and the activities of the United Nations Regional Office for Central Africa")
    assert check_subregion("How did UNOCA work with the Great Lakes region's envoy?", lakes) is None
    assert check_subregion("How many soldiers did Islamic State West Africa Province kill?", lakes) is None


def test_a_paragraph_on_another_part_of_a_continent_is_a_near_miss() -> None:
    """A/80/271, para. 27: "a master plan for the industrialization of Central Africa. Both were
    adopted by the Assembly of Heads of State and Government of the African Union ... in Malabo" was
    cited for where the master plan for West Africa was adopted. "West and Central Africa" names both."""
    from rag.answer.regions import check_paragraph_subregion

    text = ("ECCAS, with support from ECA, developed a master plan for the industrialization of Central Africa. Both "
            "were adopted by the Assembly of Heads of State and Government of the African Union held in October 2024, "
            "in Malabo.")
    evidence = Evidence(text, text, ("A/80/271",), "2025-07-20", "Integrated and coordinated implementation")
    asked = ("Where did the Assembly of Heads of State of the African Union adopt the master plan for "
             "industrialization of West Africa?")
    assert said(check_paragraph_subregion(asked, evidence)) == "is about Central Africa, not West Africa"
    assert said(check_constraints(asked, evidence)) == "is about Central Africa, not West Africa"
    assert check_paragraph_subregion(asked.replace("West", "Central"), evidence) is None
    both = Evidence(text.replace("of Central Africa", "of West and Central Africa"), text, ("A/80/271",))
    assert check_paragraph_subregion(asked, both) is None


def test_a_continent_asked_in_passing_names_no_region_asked() -> None:
    """Found in review: "trying to reach Europe" or "fighters from Asia" is no region a question
    sets its fact in; Asia and Europe alone name no regional commission's region."""
    assert named_regions("How many migrants drowned trying to reach Europe in 2025?") == set()
    assert named_regions("How many foreign fighters from Asia joined?") == set()
