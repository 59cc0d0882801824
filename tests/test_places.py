"""The place a question sets its fact in, against the place the best paragraph sets it in
(rag.answer.places.check_located)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.answer.constraints import check_constraints
from rag.answer.evidence import Evidence
from rag.answer.places import check_located, located_places
from tests.conftest import said

_ATTACK = ("On 11 March, Al-Shabaab carried out a complex attack involving a vehicle-borne improvised explosive "
           "device and fighters on foot against a hotel in Beledweyne, Hiraan region. The fighting continued "
           "overnight, resulting in at least two confirmed fatalities.")
BELEDWEYNE = Evidence(paragraph=_ATTACK, document=_ATTACK, symbols=("S/2025/194",), title="Situation in Somalia")


def test_a_fact_set_in_another_place_is_a_near_miss():
    miss = check_located("How many people were killed when Al-Shabaab attacked a hotel in Kismayo in March 2025?",
                         BELEDWEYNE)
    assert miss is not None and miss.describe() == "is about Beledweyne, not Kismayo"
    assert check_located("How many people were killed when Al-Shabaab attacked a hotel in Beledweyne?",
                         BELEDWEYNE) is None


def test_a_place_named_with_its_article_is_a_place():
    """S/2025/202, para. 66: the Contact Group "convened in The Hague"."""
    text = ("On 15 October, the International Contact Group for the Great Lakes Region convened in The Hague, Kingdom "
            "of the Netherlands, for a conference on supporting regional peace initiatives in the Great Lakes region.")
    hague = Evidence(paragraph=text, document=text, symbols=("S/2025/202",))
    miss = check_located("When did the International Contact Group for the Great Lakes Region meet in Brussels?", hague)
    assert miss is not None and miss.describe() == "is about The Hague, not Brussels"
    assert check_located("When did the International Contact Group meet in The Hague?", hague) is None


def test_a_city_visited_is_where_the_fact_is_set():
    """S/2025/342, para. 55: the Special Representative "visited Brazzaville and met with the
    President of the Congo"; a visit to Kinshasa is another."""
    text = ("From 19 to 21 February, the Special Representative visited Brazzaville and met with the President of "
            "the Congo, the Minister for Foreign Affairs and various stakeholders.")
    visit = Evidence(paragraph=text, document=text, symbols=("S/2025/342",),
                     title="The situation in Central Africa and the activities of the United Nations Regional Office "
                           "for Central Africa")
    miss = check_located("When did the Special Representative visit Kinshasa to meet the President?", visit)
    assert miss is not None and miss.describe() == "is about Brazzaville, not Kinshasa"
    assert check_located("When did the Special Representative visit Brazzaville?", visit) is None
    assert located_places("Whom did the envoy visit Monday?") == []
    # a people's word of two countries is no place (E/C.2/2025/2: "is about Bouenza, not Congolese")
    assert located_places("When did the Association open its office in the Congolese capital?") == []


def test_the_check_runs_among_the_constraints():
    miss = check_constraints("How many people were killed when Al-Shabaab attacked a hotel in Kismayo?", BELEDWEYNE)
    assert miss is not None and miss.constraint.kind == "place"


@pytest.mark.parametrize("place, written", [
    ("Ologesailie", "the sites at Olorgesailie and Hyrax Hill"),  # mistyped
    ("Misrata", "staff stationed in Misratah"),  # another spelling
    ("Mazra'at al-Aqibiyah", "the attack near Mazra‘at"),  # another apostrophe, the particle left out
])
def test_a_place_the_paragraph_writes_otherwise_is_named(place, written):
    evidence = Evidence(written + ", and others in Tripoli.", "")
    assert check_located(f"What happened in {place}?", evidence) is None


def test_a_paragraph_setting_nothing_in_a_place_is_no_near_miss():
    evidence = Evidence("Over the past 30 years, global sea levels have risen by 9 cm.", "")
    assert check_located("How much have sea levels risen, according to the conference in Nice?", evidence) is None


def test_a_place_the_document_is_about_is_no_constraint():
    evidence = Evidence("The delegation of Nigeria was received in Niamey and then in Abidjan.", "",
                        title="Activities of the United Nations Office for West Africa and the Sahel")
    leading = "In the Secretary-General's mid-2025 report on the UN regional office in Dakar, who led the delegation?"
    assert check_located(leading, evidence) is None
    titled = Evidence("The ruling party won 43 of 46 seats in Chad.", "",
                      title="The situation in Central Africa and the activities of UNOCA")
    assert check_located("How many seats did the ruling party win in Central Africa?", titled) is None


@pytest.mark.parametrize("question", [
    "Which mission operates in the Democratic Republic of the Congo?",  # a country: checked as one
    "What did the Committee decide at its session in the Security Council chamber?",  # a body
    "What did the report say in the Secretary-General's introduction?",  # a possessive
    "How many patrols did UNMISS run in April 2025?",  # a month
    "What did the Secretary-General report in UNDP?",  # an acronym
    "What degree is needed to be a pharmacist in the U.S.?",  # an abbreviation
    "Who painted the retable that is in the V&A collection?",
    "How many people were displaced in Côte d’Ivoire in 2024?",  # a country, with a curly apostrophe
    "How many civilians were killed in Ukrainian cities?",  # a people's word
    "How many refugees live in Turkey?",  # a country's other name
    "What did the Agency for Palestine Refugees in the Near East report?",  # the end of a body's name
    "When will the United Nations Office at Vienna be renovated?",
    "What was said in Mr. Lazzarini's statement?",  # a title
    "Which documents were issued in Spanish?",  # a language
    "How many districts are in Phase 5?",
])
def test_what_is_not_a_place(question):
    assert located_places(question) == []


def test_places_with_particles_and_kinds():
    assert located_places("How many dinghies operate from a base in Village de Dieu?") == ["Village de Dieu"]
    assert located_places("When did the crossing at Bab al-Hawa reopen?") == ["Bab al-Hawa"]
    assert located_places("In Kismayo, how many people died?") == ["Kismayo"]
    assert located_places("How much was approved for reconstruction in the Bekaa Valley?") == ["Bekaa Valley"]
    # the kind of place alone does not name it: "the Valley" is not the Bekaa Valley
    evidence = Evidence("It approved $10 million for the Valley and for reconstruction in South Lebanon.", "")
    miss = check_located("How much was approved for reconstruction in the Bekaa Valley?", evidence)
    assert miss is not None and miss.describe() == "is about South Lebanon, not Bekaa Valley"


def test_the_place_named_is_the_one_set_like_the_asked_one():
    paragraph = ("Beginning in late February, Al-Shabaab launched a series of attacks in Shabelle Dhexe. On 11 March, "
                 "it carried out a complex attack against a hotel in Beledweyne, Hiraan region.")
    miss = check_located("How many people died when Al-Shabaab attacked a hotel in Kismayo?", Evidence(paragraph, ""))
    assert miss is not None and miss.describe() == "is about Beledweyne, not Kismayo"


def test_the_place_the_masthead_sets_the_document_in_is_its_paragraphs_place() -> None:
    """A/CONF.230/2025/3, para. 16 (the conference "Nice, France, 9-13 June 2025"): a letter sent
    "in New York" is no fact set elsewhere than the Nice conference asked about."""
    text = ("Each Ocean Action panel will be presided over by two Co-Chairs. A letter about the Co-Chairs was sent to "
            "all Permanent Representatives to the United Nations in New York on 8 April 2025.")
    question = "Who runs each Ocean Action panel at the conference in Nice?"
    masthead = "2025 United Nations Ocean Conference\nNice, France, 9\u201313 June 2025"
    assert check_located(question, Evidence(text, text, ("A/CONF.230/2025/3",), masthead=masthead)) is None
    assert check_located(question, Evidence(text, text, ("A/CONF.230/2025/3",))) is not None


def test_a_place_the_paragraphs_heading_names_holds_the_places_it_names() -> None:
    """S/2025/176, para. 31 stands under "III. Protection of civilians > Ituri" and names Djugu, a
    territory of Ituri, not Ituri itself."""
    text = ("MONUSCO continued to patrol along main supply routes, including in Djugu and Mahagi territories, to "
            "enhance security. In response to early warnings of possible attacks in Djugu, MONUSCO mobilized "
            "quick reaction forces within hours.")
    question = "How fast was MONUSCO able to react to alerts of possible attacks in Ituri?"
    under = Evidence(text, text, ("S/2025/176",), section="III. Protection of civilians > Ituri")
    assert check_located(question, under) is None
    elsewhere = Evidence(text, text, ("S/2025/176",), section="III. Protection of civilians > North Kivu")
    miss = check_located(question, elsewhere)
    assert miss is not None and miss.describe() == "is about Djugu, not Ituri"
    # a sibling's heading, or one naming two places, holds neither place
    beni = "In Beni territory, Allied Democratic Forces combatants killed at least 52 civilians."
    kill = "How many civilians did the Allied Democratic Forces kill in {}?"
    for place, section in (("South Kivu", "North Kivu"), ("Ituri", "North Kivu and Ituri")):
        evidence = Evidence(beni, beni, ("S/2025/176",), section=f"III. Protection of civilians > {section}")
        assert check_located(kill.format(place), evidence) is not None


def test_an_office_at_another_duty_station_is_a_near_miss() -> None:
    """A/79/7/Add.12, on "the strategic heritage plan of the United Nations Office at Geneva": its
    para. 18 (contingency provisions, naming no place) was cited for the maximum approved cost of
    the strategic heritage plan "of the United Nations Office at Nairobi"."""
    from rag.answer.places import check_body_place

    title = ("Eleventh annual progress report on the strategic heritage plan of the United Nations Office at Geneva "
             "Thirteenth report of the Advisory Committee on Administrative and Budgetary Questions")
    text = ("The General Assembly approved the maximum cost of the project at SwF 836.5 million, with the "
            "contingency provisions established as a percentage of estimated direct costs.")
    evidence = Evidence(text, f"{title}\n{text}", ("A/79/7/Add.12",), "2024-10-15", title)
    nairobi = ("What is the maximum approved cost of the strategic heritage plan of the United Nations Office at "
               "Nairobi?")
    assert said(check_body_place(nairobi, evidence)) == \
        "is about United Nations Office at Geneva, not United Nations Office at Nairobi"
    assert said(check_constraints(nairobi, evidence)) == \
        "is about United Nations Office at Geneva, not United Nations Office at Nairobi"
    assert check_body_place(nairobi.replace("Nairobi", "Geneva"), evidence) is None
    # one reference in passing does not make it the document's office; more than one does
    once = Evidence(text, f"{title}\n{text}\nSee the conference facilities at the United Nations Office at Nairobi.",
                    ("A/79/7/Add.12",), "2024-10-15", title)
    assert check_body_place(nairobi, once) is not None
    twice = replace(once, document=once.document + "\nThe United Nations Office at Nairobi shared its experience.")
    assert check_body_place(nairobi, twice) is None


def test_another_province_of_the_same_name_is_another_place() -> None:
    """S/2025/403, para. 16: "MONUSCO recorded 481 security incidents across Ituri and North Kivu,
    resulting in the reported killing of 489 civilians" was cited for the civilians M23 killed "in
    South Kivu": North Kivu is not South Kivu, and "across" sets a fact in a place too."""
    text = ("Despite movement and access constraints in areas controlled by M23, MONUSCO recorded 481 security "
            "incidents across Ituri and North Kivu, resulting in the reported killing of 489 civilians.")
    evidence = Evidence(text, text, ("S/2025/403",), "2025-06-02", "MONUSCO Report of the Secretary-General")
    assert said(check_located("How many civilians did M23 kill in South Kivu?", evidence)) == \
        "is about Ituri, not South Kivu"
    assert check_located("How many civilians did M23 kill in North Kivu?", evidence) is None
    assert check_located("How many civilians were killed in Kivu?", evidence) is None


def test_a_side_of_a_place_is_named_however_it_is_written() -> None:
    """Found in review: "North and South Kivu", "North-Kivu" and "southern Lebanon" name North Kivu
    and South Lebanon; only another side alone ("North Kivu" for South Kivu) names another place."""
    from rag.answer.places import names_place

    assert names_place("North Kivu", "rose in Ituri, North and South Kivu, killing 300 civilians")
    assert names_place("North Kivu", "In North-Kivu, 300 civilians were killed")
    assert names_place("South Lebanon", "In southern Lebanon, 90,000 people sheltered")
    assert names_place("South Kivu", "the Kivu provinces")
    assert not names_place("South Kivu", "across Ituri and North Kivu")
    assert not names_place("Western Equatoria", "fighting in Central Equatoria")
    assert not names_place("Upper Nile", "in Blue Nile")


def test_the_asked_duty_station_written_with_more_words_or_in_the_title_is_the_document_s() -> None:
    """Found in review: "the United Nations Office at Geneva's strategic heritage plan" asked of the
    Geneva report, and a title naming both the Offices at Geneva and at Nairobi."""
    from rag.answer.places import check_body_place

    title = "Eleventh annual progress report on the strategic heritage plan of the United Nations Office at Geneva"
    text = "The General Assembly approved the maximum cost of the project at SwF 836.5 million."
    evidence = Evidence(text, f"{title}\n{text}", ("A/79/7/Add.12",), "2024-10-15", title)
    for asked in ("What is the maximum cost of the United Nations Office at Geneva's strategic heritage plan?",
                  "What is the maximum cost of the United Nations Office at Geneva Strategic Heritage Plan?"):
        assert check_body_place(asked, evidence) is None, asked
    both = "Progress report on the United Nations Office at Geneva and the United Nations Office at Nairobi"
    evidence = Evidence(text, f"{both}\n{text}", ("A/79/7/Add.13",), "2024-10-15", both)
    assert check_body_place("What did the United Nations Office at Nairobi approve?", evidence) is None


def test_places_joined_to_a_located_one_are_located_too() -> None:
    """S/2025/403, para. 16 counts the civilians killed "across Ituri and North Kivu" and names South
    Kivu only for M23's expansion; asked how many were killed "in South Kivu and Tanganyika", it was
    cited: only South Kivu was read as the question's place."""
    question = "How many civilians were killed in security incidents in South Kivu and Tanganyika according to MONUSCO?"
    assert located_places(question) == ["South Kivu", "Tanganyika"]
    assert located_places("Which towns did the group attack in Gao, Kidal or Ménaka?") == ["Gao", "Kidal", "Ménaka"]
    assert located_places("How many people died in Kismayo, Somalia?") == ["Kismayo"]  # a country is checked as one
    # a comma joins only within a series ending in "and" or "or", and not after a place opening the question
    assert located_places("In Juba, President Salva Kiir appointed whom?") == ["Juba"]
    assert located_places("In Mogadishu, Al-Shabaab and ISIL attacked which hotel?") == ["Mogadishu"]
    text = ("MONUSCO recorded 481 security incidents across Ituri and North Kivu, resulting in the reported killing of "
            "489 civilians. In South Kivu, M23 continued its territorial expansion towards Luhwinja.")
    evidence = Evidence(text, text, ("S/2025/403",), "2025-06-01", "United Nations Organization Stabilization Mission "
                        "in the Democratic Republic of the Congo")
    assert said(check_located(question, evidence)) == "is about Ituri, not Tanganyika"


def test_sub_saharan_africa_is_a_place() -> None:
    """A/80/188, para. 23: "the nearly 700 million people worldwide still lacking in access to
    electricity, three quarters of whom are located in sub-Saharan Africa" was cited for how many
    lack electricity in South Asia."""
    text = ("International cooperation is essential to ensure fair benefit-sharing among States resulting from the "
            "energy transition, specifically targeting the nearly 700 million people worldwide still lacking in access "
            "to electricity, three quarters of whom are located in sub-Saharan Africa.")
    evidence = Evidence(text, text, ("A/80/188",), "2025-07-01", "Human rights and the energy transition")
    question = "How many people lack access to electricity in South Asia?"
    assert said(check_located(question, evidence)) == "is about sub-Saharan Africa, not South Asia"
    assert check_located(question.replace("South Asia", "sub-Saharan Africa"), evidence) is None
