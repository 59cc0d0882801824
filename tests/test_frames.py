"""A name the question sets in a frame that the quote fills with another (rag.answer.frames), on
extracts of the shared UN documents."""

import pytest

from rag.answer.constraints import check_quote
from rag.answer.frames import check_quote_frame

SWAPPED = [
    # S/2025/350, para. 13
    ("How many positions had the Israel Defense Forces established on the Alpha side of the ceasefire line "
     "as at 8 May 2025?",
     "As at 8 May, the Israel Defense Forces maintained and reinforced 12 positions that it had established on "
     "the Bravo side: 10 in the area of separation and 2 in the area of limitation.", "Alpha", "Bravo"),
    # Another country in the asked one's place
    ("How many attacks in Iraq were attributed to Da'esh?", "There were 12 attacks in Iran attributed to the group.",
     "Iraq", "Iran"),
    # S/2025/303, annex, para. 50
    ("How many Venezuelans crossed the Darién Gap in January 2025, according to the Panamanian Migration Service?",
     "In January 2025, according to data from the Panamanian Migration Service, only 32 Haitians crossed the gap, "
     "followed by just 9 in February.", "Venezuelans", "Haitians"),
    # E/2025/70, para. 36
    ("Which division introduced the report on foreign names in Latvian at the 2025 session of the UN Group of "
     "Experts on Geographical Names?",
     "A representative of the Baltic Division introduced the report on foreign names in Estonian "
     "(GEGN.2/2025/108/CRP.108).", "Latvian", "Estonian"),
]


@pytest.mark.parametrize("question,quote,asked,found", SWAPPED)
def test_another_name_in_the_asked_frame_is_a_near_miss(question, quote, asked, found):
    mismatch = check_quote_frame(question, quote)
    assert mismatch is not None and (mismatch.constraint.value, mismatch.found) == (asked, found)
    assert mismatch.describe() == f"names {found} where the question names {asked}"
    assert check_quote(question, quote, quote) == mismatch


ANSWERED = [
    # The name asked for fills the frame (A/80/44, para. 2).
    ("Which State acceded to the Convention against Torture after the Committee adopted its 2024 annual report?",
     "Since the adoption of the Committee's previous annual report (A/79/44), Dominica acceded to the Convention, "
     "on 5 December 2024."),
    # The same name with another apostrophe (S/2025/323).
    ("How many attacks in Iraq were attributed to Da'esh between November 2024 and March 2025?",
     "From 1 November 2024 to 31 March 2025, a total of 23 attacks were attributed to Da’esh."),
    # A frame word written otherwise is no frame: "forces" is not "Armed Forces" (S/2025/153).
    ("How many people were killed on 26 January 2025 when Israeli forces fired on civilians trying to return?",
     "The Ministry of Public Health of Lebanon reported that 24 people, including 6 women and 1 Lebanese Armed "
     "Forces soldier, were killed"),
    # A form of address, and a word the question holds in its possessive (S/2025/202, A/80/275).
    ("Who brought Presidents Kagame and Tshisekedi together in Doha?",
     "On 18 March, the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, brought Messrs. Kagame and Tshisekedi "
     "together in Doha."),
    # A continent is wider than the asked place, not another of its kind.
    ("What city has the biggest port in Germany?", "Duisburg has the largest river port in Europe."),
    # Part of a longer name: the Committee against Torture, not a Committee swapped for a Convention (A/80/44).
    ("According to the Committee against Torture's 2025 report, how many States Parties were there?",
     "As at 2 May 2025, there were 175 States Parties to the Convention against Torture."),
    # A word of a kind that any State fills, and a place inside the asked country (A/80/44, S/2025/323).
    ("How many States acceded to the Convention against Torture in 2024?",
     "Since the adoption of the Committee's previous annual report, Dominica acceded to the Convention."),
    ("How many attacks in Iraq were attributed to Da'esh in 2025?",
     "From 1 November 2024 to 31 March 2025, there were 23 attacks in Kirkuk attributed to Da’esh."),
    # Another name of the asked side (S/2025/154, para. 16), and a frame word across a bracket (A/AC.109/2025/18).
    ("Who were the people walking across from the Syrian side?",
     "UNDOF continued to observe regular crossings of the ceasefire line by individuals from the Bravo side."),
    ("Which academic did the Swahili news service interview?",
     "The Arabic Unit published a feature on the referendum of Timor-Leste (news.un.org/ar/story/2024)."),
    # The asked name written with another apostrophe, another name beside it.
    ("How many attacks were attributed to Da'esh?", "23 attacks were attributed to Daʼesh and 4 to Hurras al-Din."),
    # The quote writes the asked name: whatever else it frames, it is about it.
    ("How many positions on the Alpha side?", "12 positions on the Bravo side and 3 on the Alpha side."),
]


@pytest.mark.parametrize("question,quote", ANSWERED)
def test_the_asked_name_or_none_in_its_frame_answers(question, quote):
    assert check_quote_frame(question, quote) is None


def test_a_name_the_paragraph_writes_elsewhere_is_its_subject():
    """SQuAD's Super_Bowl_50, para. 46: the paragraph on Denver's touchdown quotes "the Broncos";
    a country's name is still checked in the quote (S/2025/303, annex, para. 50 names Venezuelans
    in another sentence)."""
    question = "Who received the ball that Newton lost during a tackle to make it a Denver touchdown?"
    quote = ("Linebacker Von Miller knocked the ball out of Newton's hands, and Ward recovered it for a Broncos "
             "touchdown.")
    assert check_quote_frame(question, quote) is not None
    assert check_quote_frame(question, quote, "Denver led 10-0 early. " + quote) is None
    question, quote, asked, found = SWAPPED[2]
    assert check_quote_frame(question, quote, quote + " Haitians move alongside Venezuelans.") is not None


def test_a_word_opening_a_quoted_theme_or_a_hyphenated_frame_word_fills_no_frame() -> None:
    """A/CONF.230/2025/3, para. 13 lists panel themes: "Ocean Action panel 2, on the theme “Increasing
    ocean-related scientific cooperation ...”". Asked where the Nice ocean conference takes place,
    it "named Increasing where the question names Nice": the first word of a quoted title is
    capitalized as a sentence's is, and "ocean-related" is no "ocean"."""
    question = "In which building, and at what street address, will the Nice ocean conference take place?"
    theme = "Ocean Action panel 2, on the theme “Increasing ocean-related scientific cooperation, knowledge”"
    assert check_quote_frame(question, theme) is None
    assert check_quote_frame(question, "Ocean Action panel 2, on the theme “Increasing ocean cooperation”") is None
    assert check_quote_frame(question, "It held the Monaco ocean conference in 2022.") is not None
