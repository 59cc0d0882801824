"""Quote choice and support: the answer-kind cue, idf-weighted coverage and the token-vector share."""

from __future__ import annotations

import numpy as np

from rag.answer.answertype import offers_answer, question_type, states_answer
from rag.answer.extract import _giving_answer, best_quote, coverage
from rag.embedding.embedders import HashEmbedder
from rag.textutil import split_sentences


def test_question_types() -> None:
    assert question_type("When did the embargo end?") == "time"
    assert question_type("In what year was the treaty signed?") == "time"
    assert question_type("How many States ratified it?") == "number"
    assert question_type("Who chairs the Commission?") == "name"
    assert question_type("Which forum does IOM serve as secretariat for?") is None
    # "when" as a conjunction asks no time (A/AC.182/2025/L.2, para. 18: "What is lost when a sanctions regime has no
    # panel of experts?" quoted the sentence asking the question back)
    assert question_type("What is lost when a sanctions regime has no panel of experts?") is None
    assert question_type("When the Council met in May, what did it decide?") is None
    assert question_type("The price of oil was stable until when?") == "time"
    assert question_type("When will the Committee consider the plan?") == "time"
    for asked in ("When exactly did the Council discuss it?", "When in 2024 did it open?", "When's the next session?"):
        assert question_type(asked) == "time", asked


def test_how_often_asks_for_a_frequency() -> None:
    # A/AC.109/2025/L.9, para. 22: a one-line operative paragraph answers with "annually", no number.
    question = "How often must the specialized agencies tell the Secretary-General how they are carrying it out?"
    assert question_type(question) == "frequency"
    assert question_type("How many times a year does the Board meet?") == "frequency"
    assert question_type("How many times had the Council extended the authorizations?") == "number"
    for stated in ("Requests the specialized agencies to report annually to the Secretary-General;",
                   "requests the Special Committee to undertake at least one visiting mission a year",
                   "which requires reporting three times per year", "with regular meetings on a quarterly basis",
                   "The Conference meets every two years.", "The agencies report at intervals of two years.",
                   "It meets in alternate years."):
        assert states_answer("frequency", stated, question), stated
    for unstated in ("Requests the Secretary-General to transmit the present resolution.", "It met in 2024.",
                     "The Secretariat submitted its annual report to the Board.",
                     "The Fund spends $5 million a year on travel.", "In 2024 a year of drought hit the region."):
        assert not states_answer("frequency", unstated, question), unstated


def test_offers_answer_ignores_what_the_question_already_says() -> None:
    assert offers_answer("time", "The embargo ended in March 1974.", "When did the embargo end?")
    assert not offers_answer("time", "The embargo ended in March 1974.", "What happened in March 1974?")
    assert offers_answer("number", "Forty-two States ratified it.", "How many States ratified it?")
    assert not offers_answer("name", "States ratified it quickly.", "Who ratified it?")
    assert not offers_answer(None, "Anything at all in 1974.", "Why?")


def test_idf_weighted_coverage_counts_rare_terms_more() -> None:
    question = "berne initiative secretariat"
    text = "The Berne Initiative met."
    assert coverage(question, text) == 2 / 3
    weights = {"bern": 1.0, "initiativ": 1.0, "secretariat": 4.0}
    assert coverage(question, text, weights) == 2 / 6


def test_best_quote_prefers_the_sentence_with_the_asked_date() -> None:
    embedder = HashEmbedder()
    text = ("The oil embargo was a political act by producing countries. "
            "The embargo was lifted in March 1974 after negotiations.")
    question = "When was the oil embargo lifted?"
    qvec = embedder.encode_queries([question])[0]
    assert best_quote(question, qvec, text, embedder) == "The embargo was lifted in March 1974 after negotiations."
    assert isinstance(qvec, np.ndarray)


def test_a_figure_asked_as_at_a_day_is_quoted_from_the_sentence_writing_that_day() -> None:
    """A/AC.109/2025/L.13, para. 61: the troops "As at 12 October", not the lead's first figure."""
    embedder = HashEmbedder()
    text = ("As a result of the emergency situation that followed the passing of Hurricane Maria through Puerto Rico "
            "in September 2017, in the initial emergency situation, 1,300 active military of the United States Army "
            "National Guard were activated. On 30 September, there were 4,600 personnel from all branches of the "
            "United States armed forces. As at 12 October, the number was estimated at 12,000. Roosevelt Roads, the "
            "site of the closed naval station, was used as the base of operations of the Army’s aid delivery.")
    question = "How many United States military personnel were in Puerto Rico as at 12 October after Hurricane Maria?"
    qvec = embedder.encode_queries([question])[0]
    assert best_quote(question, qvec, text, embedder) == "As at 12 October, the number was estimated at 12,000."
    asked = question.replace("12 October", "30 September")
    assert best_quote(asked, embedder.encode_queries([asked])[0], text, embedder).startswith("On 30 September")
    # Found in review: the day's sentence giving no figure is not quoted for the one giving it
    request = ("On 12 October, the Governor of Puerto Rico requested additional federal military assistance. As at "
               "20 October, the number of United States military personnel was estimated at 12,000.")
    assert best_quote(question, embedder.encode_queries([question])[0], request, embedder).startswith("As at 20")


def test_a_date_asked_is_quoted_from_a_sentence_giving_a_day() -> None:
    """DP/2025/3, para. 33: the guidance issued "on 1 August 2024", not the one "to be released in
    December 2024" that shares more of the question's words."""
    embedder = HashEmbedder()
    text = ("Management response: UNDP considers this recommendation as implemented with respect to budget "
            "preparation through the issuance of its 2025 budget formulation guidance on 1 August 2024. The guidance "
            "encourages business units to continue demonstrating alignment of their budget proposals with the "
            "strategic objectives set forth in the strategic plan, 2022-2025. Similar instructions will be issued in "
            "the UNDP institutional budget execution guidance for 2025, to be released in December 2024.")
    question = "On what date did UNDP put out its guidance for drawing up 2025 budgets?"
    assert "on 1 August 2024" in best_quote(question, embedder.encode_queries([question])[0], text, embedder)
    sentences = split_sentences(text)
    typed = np.array([offers_answer("time", s, question) for s in sentences], dtype=np.float32)
    assert _giving_answer("time", question, sentences, typed).tolist() == [True, False, False]
    weekday = ["The Board met in Geneva in 2016.", "It held its media day on Monday, as it does each year."]
    assert _giving_answer("time", "What day was the media day held?", weekday, np.ones(2)).tolist() == [False, True]


def test_a_note_s_marker_left_at_a_paragraph_s_end_is_never_the_quote() -> None:
    """A/53/603, para. 1 ends with its note's marker, "... relating to the item. 1": asked how many
    countries abstained, the quote was “1”."""
    embedder = HashEmbedder()
    text = ("At its 3rd plenary meeting, on 15 September 1998, the General Assembly, on the recommendation of the "
            "General Committee, decided to include in the agenda of its fifty-third session the item entitled "
            "“Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples by "
            "the specialized agencies and the international institutions associated with the United Nations” and to "
            "allocate it to the Special Political and Decolonization Committee (Fourth Committee). The Assembly also "
            "referred to the Fourth Committee, under the item entitled “Report of the Economic and Social "
            "Council”, "
            "chapter VIII (section D) of the report of the Economic and Social Council, relating to the item. 1")
    question = ("How many countries sat out the vote when the Fourth Committee approved the text on decolonization "
                "help from UN agencies in October 1998?")
    assert best_quote(question, embedder.encode_queries([question])[0], text, embedder) != "1"


SAHEL = ("The Sahel region continued to experience distinct development trajectories, marked by modest economic "
         "growth, structural vulnerabilities and persistent human development challenges. Country performance varied "
         "significantly. The Niger is projected to achieve strong gross domestic product (GDP) growth of 6.6 per cent "
         "in 2025, driven by increased oil exports through a newly operational pipeline to Benin. In Chad, GDP grew by "
         "1.5 per cent in 2024 and is expected to grow by a further 1.7 per cent in 2025 and 3.3 per cent in 2026, "
         "supported by oil production. Despite electoral tensions, Senegal has shown resilience, with GDP growth of "
         "6.7 per cent in 2024 and a forecasted growth of 8.4 per cent in 2025 due to hydrocarbon production. In 2025, "
         "the GDP of Cameroon is estimated to grow by 3.6 per cent, with a projected growth of 4.0 per cent in 2026. "
         "Mauritania recorded a 5.1 per cent GDP growth in 2024, down from 6.5 per cent "
         "in 2023. GDP growth is projected to average 5.1 per cent over the period 2025–2027, driven by the launch "
         "of "
         "gas production and exports under the Grand Tortue Ahmeyim project.")  # E/2025/76, para. 37


def test_a_country_asked_is_quoted_from_the_sentence_naming_it() -> None:
    """E/2025/76, para. 37 gives the growth of several Sahel countries: asked for the Niger's, the
    quote is its sentence alone (it was Chad's, and the answer abstained as "gives Chad's, not Niger's");
    asked for 2027, it gives 2025's figure."""
    from rag.answer.constraints import check_quote

    embedder = HashEmbedder()
    question = "How fast is Niger's economy expected to grow in 2025?"
    quote = best_quote(question, embedder.encode_queries([question])[0], SAHEL, embedder)
    assert quote.startswith("The Niger is projected") and check_quote(question, quote, SAHEL) is None
    assert "Chad" not in quote  # the next sentence, Chad's, does not complete it
    # found in review: a next sentence naming no other country may complete it
    driven = SAHEL.replace(", driven by increased oil exports", ". This growth is driven by increased oil exports")
    asked = "What is driving GDP growth in the Niger in 2025?"
    assert "driven by increased oil exports" in best_quote(asked, embedder.encode_queries([asked])[0], driven,
                                                           embedder)
    later = "What GDP growth is projected for the Niger in 2027?"
    quote = best_quote(later, embedder.encode_queries([later])[0], SAHEL, embedder)
    assert quote.startswith("The Niger is projected")
    assert check_quote(later, quote, SAHEL).describe() == "gives 2025's figure, not 2027's"
    # S/2025/211, para. 31: a quote on the fleeing since 2023, in a paragraph giving 2025's figure
    refugees = ("As at 21 March, over 1.1 million people had fled the conflict in the Sudan since the outbreak of "
                "fighting in the Sudan in April 2023 and arrived in South Sudan. As at March 2025, South Sudan was "
                "hosting 544,437 refugees and asylum-seekers from the Sudan.")
    asked = "How many people who fled Sudan is South Sudan sheltering as refugees as of March 2025?"
    assert check_quote(asked, split_sentences(refugees)[0], refugees) is None


def test_how_long_quotes_the_sentence_giving_an_amount_of_time() -> None:
    """E/CN.6/2025/5, para. 7: the time limit, not the sentence with the most words of the
    question or the first figure ("up to five ministers")."""
    embedder = HashEmbedder()
    text = ("Each ministerial round table will begin with a moderated dialogue among up to five ministers on key "
            "issues arising under the topic. Statements will be delivered through interventions by ministers "
            "physically present in the room. Interventions are not to exceed three minutes, and emphasis will be "
            "placed on dialogue. In order to ensure time management, microphones will be automatically muted when "
            "the allotted time limit is reached.")
    question = "How long may a minister speak at the ministerial round tables before the microphone is muted?"
    qvec = embedder.encode_queries([question])[0]
    quote = best_quote(question, qvec, text, embedder)
    assert quote.startswith("Interventions are not to exceed three minutes") and "five ministers" not in quote


def test_how_much_notice_asks_how_long() -> None:
    """A/79/7/Add.12, para. 32: "How much warning must the UN give the contractor to terminate the
    building E contract?" quoted the sentence on de-scoping "totalling SwF 323 million", not the
    one "allowing termination with 60 days' advance notice": how much notice, time or warning asks
    how long."""
    from rag.answer.answertype import asks_how_long

    embedder = HashEmbedder()
    text = ("The Advisory Committee also enquired about the feasibility of de-scoping building E, totalling SwF 323 "
            "million according to the Secretary-General. The Committee was informed that the contract includes a "
            "clause allowing termination with 60 days' advance notice to the contractor.")
    question = "How much warning must the UN give the contractor to terminate the building E contract?"
    assert asks_how_long(question) and asks_how_long("How much time did the Committee have?")
    assert not asks_how_long("How much money did the contractor receive?")
    quote = best_quote(question, embedder.encode_queries([question])[0], text, embedder)
    assert "60 days" in quote and "SwF 323" not in quote


class _Tokens:
    """A token store whose every paragraph scores `score` (TokenStore.maxsim's interface)."""

    def __init__(self, score: float) -> None:
        self.score = score

    def maxsim(self, query, pids: np.ndarray) -> np.ndarray:
        return np.full(len(pids), self.score)


def _paraphrase_search(sentence: float = 0.6):
    from rag.index.token_vectors import QueryTokens
    from rag.models import Hit
    from rag.search.query import Query, Search

    question = "How many pupils lost their schooling?"
    hit = Hit(pid=0, symbol="A/1", number="1", text="Classrooms shut for 1.5 billion children.", page=None,
              section="", score=1.0, sentence=sentence)
    tokens = QueryTokens(np.zeros((1, 4), dtype=np.float32), np.ones(1))
    query = Query(question, HashEmbedder().encode_queries([question])[0], tokens, {"pupil": 2.0, "lost": 1.0, "school": 1.0})
    return Search(query, [hit])


def test_support_counts_the_token_score_where_the_words_differ() -> None:
    from rag.answer.extract import support

    search = _paraphrase_search()
    hit, query = search.hits[0], search.query
    assert coverage(query.text, hit.text, query.idf) == 0.0
    assert support(hit, query.text, query.idf) == 0.0
    assert np.isclose(support(hit, query.text, query.idf, synonyms=0.5), 0.3)
    shared = "How many children were shut out of classrooms?"
    assert support(hit, shared, None, synonyms=0.0) == support(hit, shared, None, synonyms=0.1)  # terms larger


def test_a_paraphrase_is_answered_only_with_token_vectors_and_a_token_share() -> None:
    from rag.answer.extract import Answerer

    search = _paraphrase_search()
    embedder = HashEmbedder()
    plain = Answerer(embedder, None, threshold=0.26)
    assert plain.support(search) == 0.0 and plain.answer(search).abstained
    no_share = Answerer(embedder, None, threshold=0.26, tokens=_Tokens(0.8))
    assert no_share.synonyms(search.query, search.hits[0]) == 0.0
    weighted = Answerer(embedder, None, threshold=0.26, tokens=_Tokens(0.8), token_share=0.7)
    assert np.isclose(weighted.support(search), 0.6 * 0.7 * 0.8)
    assert not weighted.answer(search).abstained
    assert Answerer(embedder, None, threshold=0.26, tokens=_Tokens(0.5), token_share=0.7).answer(search).abstained


def test_token_share_is_per_model() -> None:
    from rag.answer.extract import token_share_for
    from rag.config import load_settings

    assert token_share_for(load_settings(env={}, model="all-MiniLM-L6-v2")) == 0.7
    assert token_share_for(load_settings(env={}, model="hash:256")) == 0.0
    assert token_share_for(load_settings(env={}, model="some/other-model")) == 0.0


def test_question_type_is_the_first_one_asked():
    assert question_type("How many votes did he obtain when the Parliament elected him?") == "number"
    assert question_type("Which States have given voluntary donations?") == "country"
    assert question_type("Why did the revenue fall in 2024?") == "reason"
    assert question_type("On what grounds did the President dismiss the Government?") == "reason"


def test_states_answer_is_stricter_than_offers_answer():
    from rag.answer.answertype import states_answer

    question = "How many States parties did the Convention have as at 6 June 2025?"
    lead = "The Convention entered into force on 23 December 2010, in accordance with its article 39 (1)."
    assert offers_answer("number", lead, question) and not states_answer("number", lead, question)
    assert states_answer("number", "As at 6 June 2025, there were 77 States Parties.", question)
    assert not states_answer("number", "After 26 months of vacuum, he was elected.", "How many votes did he get?")
    who = "Who directed the Mission after Norbert Holl completed his assignment?"
    assert not states_answer("name", "On 29 December 1997, Mr. Norbert H. Holl completed his assignment as Head.", who)
    assert states_answer("name", "Mr. James C. Ngobi, Deputy Head, has since directed the Mission.", who)
    assert states_answer("reason", "This was due to delays.", "Why?") and not states_answer("reason", "It met.", "Why?")
    # A.79/7/Add.13, para. 30 and E/CN.9/2025/6, para. 22: causes a new user's why-questions asked for
    for cause in ("The delay is related to a change in the design phasing strategy.",
                  "Given the long projection horizon, results are subject to a high degree of uncertainty.",
                  "The increase was driven by higher contributions.", "The fall is attributable to exchange rates."):
        assert states_answer("reason", cause, "Why?"), cause
    assert not states_answer("reason", "Support was given to 12 countries.", "Why?")
    assert not states_answer("reason", "The Committee received information related to the works.", "Why?")



def test_the_days_of_a_date_range_and_an_ordinal_state_no_count():
    from rag.answer.answertype import states_answer

    question = "How many people took part in the UNMISS conference held in Juba in October 2024?"
    assert not states_answer("number", "From 29 to 30 October, UNMISS organized a conference in Juba.", question)
    assert not states_answer("number", "On 16 and 17 October 2024, the Division convened a meeting.", question)
    assert not states_answer("number", "To inform the fifty-eighth session, the Division convened experts.", question)
    assert states_answer("number", "A total of 105 participants (63 women) discussed the impact.", question)


def _first(text: str, n: int) -> str:
    return " ".join(split_sentences(text)[:n])


def _quote(question: str, text: str) -> str:
    embedder = HashEmbedder()
    return best_quote(question, embedder.encode_queries([question])[0], text, embedder)


# Small extracts of real pages (A/80/56, DP/2025/19): a lead sentence, then the figure.
CONVENTION = ("The International Convention for the Protection of All Persons from Enforced Disappearance entered "
              "into force on 23 December 2010, in accordance with its article 39 (1). As at 6 June 2025, there were "
              "77 States Parties and 98 signatory States to the Convention. Of the 77 States Parties, 30 had declared "
              "that they recognized the competence of the Committee.")


def test_a_figure_asked_is_quoted_from_the_sentence_that_states_it_not_the_lead():
    question = "How many States parties did the International Convention for the Protection of All Persons " \
               "from Enforced Disappearance have?"
    quote = _quote(question, CONVENTION)
    assert quote.startswith("As at 6 June 2025, there were 77 States Parties") and "entered into force" not in quote


def test_an_ordinal_answers_how_many_times():
    """"For the eighth time" answers "how many times": the sentence with the ordinal is not set
    below one that counts something else (S/2025/257, para. 1, shortened)."""
    text = ("In its resolution 2733 (2024), the Security Council extended for the eighth time the authorizations "
            "related to the inspection of vessels on the high seas off the coast of Libya. The present report, "
            "which is the second of two reports requested by the Council, was prepared after seeking input from "
            "all Member States.")
    question = "How many times had the Security Council extended the Libya high-seas vessel inspection authorizations?"
    assert "eighth time" in _quote(question, text)


def test_a_sentence_that_states_the_asked_figure_is_quoted_alone():
    question = "When did the International Convention for the Protection of All Persons from Enforced " \
               "Disappearance enter into force?"
    assert _quote(question, CONVENTION) == _first(CONVENTION, 1)


ETHICS = ("While a number of ethics offices outsource the review of filed statements to external vendors, the "
          "Ethics Office conducts in-house reviews of all submitted statements. This results in significant cost "
          "savings. The programme achieved a 100 per cent compliance rate in 2024.")


def test_a_why_question_takes_the_next_sentence_when_the_quote_gives_no_reason():
    question = "Why does the Ethics Office review all filed statements in-house instead of outsourcing them?"
    assert _quote(question, ETHICS) == _first(ETHICS, 2)
    reasoned = ETHICS.replace("statements. This", "statements because of cost. This")
    assert _quote(question, reasoned) == _first(reasoned, 1)


def test_a_next_sentence_holding_much_of_the_question_the_quote_lacks_is_quoted_too():
    text = ("UNV continues to depend on its flexible and unearmarked resource, the Special Voluntary Fund, to "
            "contribute to the implementation of the Strategic Framework results. In 2024, the Fund received "
            "contributions totalling 4.9 million dollars from 11 donors. Strategic uses of the Fund include youth.")
    assert _quote("UNV unearmarked Special Voluntary Fund Strategic Framework donors 2024", text) == _first(text, 2)
    assert _quote("UNV unearmarked Special Voluntary Fund Strategic Framework", text) == _first(text, 1)


def test_a_case_name_s_v_ends_no_sentence() -> None:
    assert split_sentences("The Court ruled in Ukraine v. Russian Federation on 5 May. It found a breach.") == [
        "The Court ruled in Ukraine v. Russian Federation on 5 May.", "It found a breach."]
    assert split_sentences("It is listed under item v. It was adopted.") == ["It is listed under item v.", "It was adopted."]
    # A/80/55, para. 22: the case name asked for was cut from its quote at "et al. v."
    assert split_sentences("In P.L. et al. v. France, the Committee declared the communication inadmissible.") == [
        "In P.L. et al. v. France, the Committee declared the communication inadmissible."]


def test_a_share_asked_is_quoted_from_the_sentence_in_per_cent() -> None:
    """S/2025/342, para. 15 (shortened): the sentence naming the candidate, the country and the
    election counts candidates; the share is in a later one."""
    embedder = HashEmbedder()
    text = ("On 9 March, the Commission in Gabon announced that 4 of 23 presidential candidates had been validated, "
            "including Mr. Oligui Nguema. The presidential election was held on 12 April. On 25 April, the Court "
            "confirmed the results; Mr. Oligui Nguema won 94.85 per cent of the votes.")
    question = "What percentage of votes did Oligui Nguema receive in the Gabon presidential election?"
    quote = best_quote(question, embedder.encode_queries([question])[0], text, embedder)
    assert "94.85 per cent" in quote and "4 of 23" not in quote
    assert not offers_answer("number", "4 of 23 candidates were validated.", question)


def test_a_reference_blanks_its_own_number_only() -> None:
    """S/2025/153, para. 31 and S/2025/269, para. 31 (extracts): a reference is its keyword and
    its own number ("resolution 1325 (2000)"), and "rule" without a number is none, so the count
    that follows is read."""
    from rag.answer.answertype import states_answer

    question = "How many UNIFIL personnel received training on gender mainstreaming?"
    assert states_answer("number", "UNIFIL continued to support the implementation of Security Council resolution "
                         "1325 (2000) on women and peace and security, including by providing training on gender "
                         "mainstreaming for 2,992 UNIFIL military and civilian personnel.", question)
    assert states_answer("number", "Support provided by UNISFA for efforts to enhance the rule of law included the "
                         "screening and profiling of 157 community protection committee members.", question)
    assert not states_answer("number", "as set out in resolution 1325 (2000) and articles 3, 4 and 5 (a).", question)
    # An ordinal is no count: TPNW/MSP/2025/11, para. 1 (extract) counts no States Parties.
    assert not states_answer("number", "At its 10th plenary meeting, on 1 December 2023, the second Meeting of "
                             "States Parties decided that the third Meeting would be held.",
                             "How many States Parties participated in the second Meeting?")
    # A document symbol's digits are no count.
    assert not states_answer("number", "The Assembly welcomed the report of the Special Committee (A/78/19).",
                             "How many members did the Special Committee have?")


def test_the_thing_a_how_many_question_counts() -> None:
    from rag.answer.answertype import counted_thing

    assert {"cases", "case"} <= set(counted_thing("How many new investigation cases did UNDP receive in 2024?"))
    assert {"processes", "process"} <= set(counted_thing("How many processes ran?"))
    assert counted_thing("How many States held complete membership?") == ("states", "state", "countries", "country")
    assert counted_thing("How many parties signed?") == ("parties", "party")
    assert "participants" in counted_thing("How many people took part in the Forum?")
    assert counted_thing("Of the open cases, how many were still open?") == ()
    assert counted_thing("Over the last how many years did the vegetation change?") == ()
    assert counted_thing("How many times did the Office report?") == ()
    assert counted_thing("How many United Nations Principles for Older Persons were adopted?") == ("principles", "principle")
    assert counted_thing("How many Committee's members spoke?") == ("members", "member")


def test_a_paragraph_that_counts_the_thing() -> None:
    from rag.answer.answertype import counted_thing, states_count

    members = counted_thing("How many members did the Committee have?")
    assert states_count("At its 2025 session, the Committee comprised 157 members (see A/AC.121/2025/INF/3).", members)
    assert states_count("The 434 new cases received in 2024 combined with 262 cases carried over",
                        counted_thing("How many cases were received?"))
    assert states_count("The Forum was attended by about 1,145 participants", counted_thing("How many people attended?"))
    assert states_count("Pursuant to resolution 78/291, 157 members attended.", members)
    # No count of the thing: a reference's or a name's digits, a loose quantity, another word.
    assert not states_count("Under rule 61 members may speak twice.", members)
    assert not states_count("Several members of the Committee stressed the mandate.", members)
    assert not states_count("One of the members said that the mandate stood.", members)
    assert not states_count("It welcomed the G20 members.", members)
    assert not states_count("It received 157 membership applications.", members)
    assert not states_count("There were 12 COVID-19 deaths.", counted_thing("How many cases?"))
    assert not states_count("The Assembly heard 45 statements.", counted_thing("How many States took part?"))
    assert not states_count("The 45 participants were welcomed.", counted_thing("How many parties signed?"))
    assert not states_count("Over 64 per cent of registered participants were women.",
                            counted_thing("How many people took part?"))


# A small extract of a real page (E/CN.6/2025/5, para. 7).
ROUND_TABLES = ("Statements will be delivered through interventions by ministers physically present in the room at "
                "United Nations Headquarters only. Interventions are not to exceed three minutes, and emphasis will be "
                "placed on dialogue. Time permitting, ministers may be given the opportunity to make more than one "
                "intervention.")


def test_a_time_limit_asks_for_an_amount_not_a_date():
    assert question_type("What time limit applies to interventions by ministers at the round tables?") == "duration"
    assert question_type("What time did the meeting open?") == "time"
    question = "What time limit applies to interventions by ministers at the ministerial round tables?"
    assert "three minutes" in _quote(question, ROUND_TABLES)


def test_what_was_the_rate_or_budget_asks_for_a_figure() -> None:
    """"What was the average vacancy rate ...?" asks for a figure as "how many" does: DP/2025/10,
    para. 19 (shortened) is quoted with its third sentence, which gives the rate, not the lead
    that only says it was above target. A name or a reason asked is no figure."""
    assert question_type("What was the average vacancy rate in the UNDP audit office?") == "number"
    assert question_type("What is the proposed budget of the Mechanism for 2026?") == "number"
    assert question_type("What share of the reports were rated unsatisfactory?") == "number"
    assert question_type("What was the rationale for the budget?") is None
    assert question_type("What were the reasons for the high vacancy rate?") == "reason"
    embedder = HashEmbedder()
    text = ("While the Office had an average vacancy rate that was above its target in 2024, it completed staff "
            "recruitments much faster than expected. In other words, there were more vacancies than usual during "
            "2024, but the Office was able to fill them relatively quickly. In 2024, the average vacancy rate was "
            "13.7 per cent (against a target of 7 per cent).")
    question = "What was the average vacancy rate in the UNDP audit office?"
    assert "13.7 per cent" in best_quote(question, embedder.encode_queries([question])[0], text, embedder)


def test_a_place_asked_with_where_is_stated_by_a_one_word_name() -> None:
    """A/AC.109/2025/L.25, p. 2, ¶ 5: "Noting that the Pacific regional seminar was held in Dili from
    21 to 23 May 2025," states where; read as stating no name (a name of two words was needed), the
    short paragraph ranked below 40 others as a restatement of the question."""
    from rag.answer.answertype import states_answer

    question = "Where was the Pacific regional seminar on decolonization held in May 2025?"
    assert states_answer("name", "Noting that the Pacific regional seminar was held in Dili from 21 to 23 May 2025,",
                         question)
    assert not states_answer("name", "Noting that the Pacific regional seminar was held in May 2025,", question)
    assert not states_answer("name", "The seminar was held by the Committee.", "Who organized the seminar?")
    # DP/2025/10, para. 73: the lead names the meeting and its host, the next sentence the place
    meeting = "Where was the second Annual Meeting of the United Nations Accountability Mechanisms Network held?"
    assert not states_answer("name", "In 2024, the Unit hosted the second Annual Meeting of the United Nations "
                                     "Accountability Mechanisms Network.", meeting)
    assert states_answer("name", "The meeting was held in a hybrid format in Italy, bringing together over 20 UN "
                                 "colleagues.", meeting)
    assert states_answer("name", "The meeting took place at Headquarters.", meeting)
    for text in ("The meeting was hosted by the Government of Kenya.", "The meeting was held in the city of Bonn.",
                 "The meeting took place in the capital, Nairobi.", "The venue of the meeting was Geneva.",
                 "The meeting was held on the island of Bali."):
        assert states_answer("name", text, meeting), text
    # a country is new unless the question names that country, not one whose name holds it
    assert states_answer("name", "Delegations of the Niger attended.", "Where did the Nigeria talks meet?")
    assert not states_answer("name", "The South Sudan talks were convened by the mediator.",
                             "Where were the talks on Sudan and South Sudan convened?")
    text = ("In 2024, the Unit hosted the second Annual Meeting of the United Nations Accountability Mechanisms "
            "Network. The meeting was held in a hybrid format in Italy, bringing together over 20 UN colleagues, "
            "experts and civil society representatives. The Unit also actively participated in the 21st Annual "
            "Meeting of the Independent Accountability Mechanism Network.")
    assert "Italy" in _quote(meeting, text)


def test_a_count_of_the_thing_as_asked_is_quoted_and_the_teens_are_counts() -> None:
    """JIU/REP/2025/2, para. 16: "Fifteen formal recommendations ... have been issued" is the
    answer to how many formal recommendations; "33 informal recommendations" is not."""
    from rag.answer.answertype import counted_phrase, counts_as_asked, states_count

    q = "How many formal recommendations did the JIU issue in its review of sexual exploitation and abuse?"
    assert counted_phrase(q) == "formal recommendations"
    assert counts_as_asked("Fifteen formal recommendations have been issued.", q)
    assert not counts_as_asked("The review also resulted in 33 informal recommendations.", q)
    assert states_count("Fifteen formal recommendations have been issued.", ("recommendations", "recommendation"))
    embedder = HashEmbedder()
    text = ("Fifteen formal recommendations, which will be tracked and reported on by JIU, have been issued as a result "
            "of the review. The review also resulted in 33 informal recommendations, shown in bold, which complement "
            "or inform the formal recommendations.")
    quote = best_quote(q, embedder.encode_queries([q])[0], text, embedder)
    assert quote.startswith("Fifteen formal recommendations")


def test_how_long_of_a_thing_with_a_length_is_no_duration() -> None:
    """"How long is the border?" asks for a length: the sentence giving one is not passed over for
    one giving an amount of time."""
    embedder = HashEmbedder()
    q = "How long is the border between Sudan and South Sudan?"
    text = ("The border between the Sudan and South Sudan is 2,000 kilometres long. Trade resumed in 2024. "
            "Demarcation of the border has taken ten years so far.")
    assert "2,000 kilometres" in best_quote(q, embedder.encode_queries([q])[0], text, embedder)


def test_a_section_or_subparagraph_reference_ends_no_sentence() -> None:
    """A/79/7/Add.13, para. 30: "(resolution 78/253, sect. XV, para. 12)" split after "sect.", so a
    why-question's quote ran on into "XV, para. 12)." instead of the sentence giving the cause."""
    text = ("The design phase was extended by three months, as approved by the General Assembly (resolution 78/253, "
            "sect. XV, para. 12). The three-month delay in the design is related to a change in the design phasing "
            "strategy. See subpara. (b), A/79/6 (Sect. 29A) and Suppl. No. 5 for details.")
    assert [s[:12] for s in split_sentences(text)] == ["The design p", "The three-mo", "See subpara."]
    assert "is related to a change" in _quote("Why was the design phase delayed by three months?", text)


def test_a_why_question_quotes_the_sentence_giving_the_cause() -> None:
    """DP/2025/20, para. 15: asked why misconduct reporting went up, the quote was the paragraph's
    first two sentences; the third, "He attributed the increase in reporting to ...", gives it."""
    text = ('The Chair of the UNDP AEAC stressed that even "satisfactory" audit ratings require continued vigilance. '
            "He underscored the importance of collaboration among oversight bodies and identified the need to "
            "improve investigation timelines and compliance processes. He attributed the increase in reporting to "
            "expanded awareness-raising, the designation of ethics champions, and more visible management action.")
    question = "Why did the chair of UNDP's Audit and Evaluation Advisory Committee think misconduct reporting had gone up?"
    emb = HashEmbedder(dim=64)
    quote = best_quote(question, emb.encode_queries([question])[0], text, emb)
    assert "He attributed the increase in reporting to expanded awareness-raising" in quote


def test_the_number_of_a_thing_then_its_count_counts_it() -> None:
    """S/2025/223, para. 58: "the number of migrants in Libya exceeded 824,000 as at December 2024"
    answers "How many migrants were in Libya ...?"; the quote was the next sentence's "more than
    5,000 migrants and refugees were intercepted", the only one read as counting migrants."""
    from rag.answer.answertype import counted_thing, counts_as_asked, states_count

    question = "How many migrants were in Libya as at December 2024?"
    first = ("According to the International Organization for Migration, the number of migrants in Libya exceeded "
             "824,000 as at December 2024.")
    assert counts_as_asked(first, question) and states_count(first, counted_thing(question))
    assert not counts_as_asked("The number of migrants in Libya rose sharply.", question)
    text = first + (" Between 11 December 2024 and 31 March 2025, more than 5,000 migrants and refugees were "
                    "intercepted attempting to cross the Mediterranean Sea from the coast of Libya.")
    emb = HashEmbedder(dim=64)
    assert "exceeded 824,000" in best_quote(question, emb.encode_queries([question])[0], text, emb)


def test_a_long_list_is_quoted_by_the_item_that_answers() -> None:
    """E/HLPF/2025/3/Add.1, para. 18 is one sentence of eight lettered items (2,270 characters):
    "natural capital accounting credit ratings" quoted it whole; the reader is shown item (g)."""
    items = [f"({letter}) Strengthen the regional programme on topic number {i} by working with member States and "
             f"partners to mobilize resources and share practices across the continent;" for i, letter in
             enumerate("abcdef", 1)]
    answer = ("(g) Improve the measurement of economic growth by using natural capital accounting techniques in order to "
              "boost credit ratings and to enhance the position from which the continent negotiates access to finance;")
    text = "In the light of the discussion, the Forum agreed that members of ECA should: " + " ".join(items) + " " + \
        answer + " (h) Take stock of progress."
    question = "natural capital accounting credit ratings"
    emb = HashEmbedder(dim=64)
    assert len(text) > 600
    assert best_quote(question, emb.encode_queries([question])[0], text, emb) == answer
    short = "The Forum agreed that members should: (a) act on finance; (b) act on data."
    assert best_quote("finance data", emb.encode_queries(["finance data"])[0], short, emb) == short  # short: whole


def test_a_count_with_the_asked_state_is_quoted() -> None:
    """A/80/44, para. 43 breaks the Committee's 1,260 registered complaints down: "Some 135
    complaints were pending consideration" answers how many were pending; A/79/772, para. 35:
    "14 were classified as 'very high' risks" answers how many were rated very high, not "43 risks
    were identified"."""
    from rag.answer.answertype import asked_state

    pending = "How many complaints were pending before the Committee against Torture as at 2 May 2025?"
    assert asked_state(pending) == ("pend",)
    assert asked_state("How many migrants were in Libya as at December 2024?") == ()
    assert asked_state("How many complaints were still pending?") == ("pend",)
    assert asked_state("How many were registered, and how many were pending?") == ("pend",)
    assert asked_state("How many complaints were not pending?") == ()
    assert asked_state("How many migrants were in camps that are overcrowded?") == ()
    text = ("As at 2 May 2025, the Committee had registered, since 1989, 1,260 complaints concerning 45 States "
            "parties. Of those, 449 complaints had been discontinued and 152 had been declared inadmissible. "
            "Some 135 complaints were pending consideration.")
    embedder = HashEmbedder()
    # The question's idf in the index of the shared PDFs: the state is the rarest of its terms.
    idf = {"complaint": 3.9, "tortur": 3.9, "committe": 1.9, "2025": 1.9, "pend": 4.6, "2": 2.4}
    assert "Some 135 complaints" in best_quote(pending, embedder.encode_queries([pending])[0], text, embedder, idf=idf)
    rated = "How many of the risks in the latest Secretariat-wide risk assessment were rated very high?"
    text = ("Following the most recent Secretariat-wide risk assessment, 43 risks were identified that could have "
            "an impact on the effective functioning of the Secretariat. Of these, 14 were classified as \u201cvery "
            "high\u201d risks necessitating the immediate attention of senior management.")
    assert "14 were classified" in _quote(rated, text)


def test_a_cause_or_purpose_asked_in_other_words_than_why() -> None:
    """"What is driving the severe food insecurity ...?" and "What was the money used for?" ask
    for a reason, as "why" does; a short paragraph states one only in so many words."""
    from rag.answer.answertype import states_cause

    for asked in ("What is driving the severe food insecurity in South Sudan?", "What caused the delay?",
                  "What explains the rise in retaliation requests?",
                  "What was the extra US$ 0.4 million given to the secretariat used for?"):
        assert question_type(asked) == "reason", asked
    assert question_type("What was the budget for 2025?") == "number"
    assert question_type("What was the additional amount approved by the Board used for?") == "reason"
    assert states_cause("The Committee did not discuss follow-up to views due to its limited meeting time.")
    assert not states_cause("The Committee considered the reasons for the delay.")


def test_a_possessive_s_population_asks_for_a_number() -> None:
    """S/2025/323, para. 4: "What is Iraq's population according to the 2024 census?" quoted the
    census's announcement, not "The results show that the population has reached 46.1 million"."""
    question = "What is Iraq's population according to the 2024 census?"
    assert question_type(question) == "number"
    assert question_type("What is the Committee's view?") is None
    assert question_type("What is the Sudan's population?") == "number"
    assert question_type("What are the population's main needs?") is None
    text = ("At a 24 February press conference, the Minister of Planning announced the results of the 2024 general "
            "population and housing census, the country's first comprehensive census since 1987. Iraqi political "
            "leaders praised the census as an essential step. The results show that the population has reached "
            "46.1 million.")
    assert "46.1 million" in _quote(question, text)


def test_a_span_written_as_an_adjective_says_how_long() -> None:
    """E/2025/L.9, para. 10, "Recognizes that graduating countries require an extended five-year
    preparatory period", ranked 48th as a restatement of "How long a preparatory period ...?"; a
    count asked is not answered by it."""
    text = "Recognizes that graduating countries require an extended five-year preparatory period;"
    q = "How long a preparatory period does ECOSOC recognize graduating least developed countries need?"
    assert states_answer("number", text, q)
    assert states_answer("number", "They serve a 12-month term.", "How long is the term?")
    assert not states_answer("number", text, "How many graduating countries require a preparatory period?")


def test_a_count_of_the_thing_written_with_its_kind_after_it_counts_as_asked() -> None:
    """DP/2025/10, para. 78: "In 2024 the Office opened 38 cases related to sexual misconduct"
    answers "How many sexual misconduct cases ... in 2024?"; the quote was the next sentences' 24
    cases of 2023 and the nine carried over."""
    from rag.answer.answertype import counts_as_asked

    question = "How many sexual misconduct cases did UNDP's investigators open in 2024?"
    assert counts_as_asked("In 2024 the Office opened 38 cases related to sexual misconduct.", question)
    assert counts_as_asked("The Office opened 24 cases of sexual misconduct.", question)
    assert not counts_as_asked("The Office opened 38 cases related to fraud and sexual misconduct training.",
                               question)
    assert not counts_as_asked("The Office opened 38 cases.", question)
    text = ("In 2024 the Office opened 38 cases related to sexual misconduct (23 sexual harassment complaints, 8 "
            "sexual assault complaints, and 7 sexual exploitation and sexual abuse complaints). This is a 58 per cent "
            "increase from 2023, when the Office opened 24 cases of sexual misconduct. In addition, the Office carried "
            "over nine sexual misconduct cases from 2023 to 2024 (five sexual exploitation and sexual abuse "
            "complaints, two sexual harassment complaints, and one sexual assault complaint).")
    emb = HashEmbedder(dim=64)
    assert "opened 38 cases" in best_quote(question, emb.encode_queries([question])[0], text, emb)


def test_an_example_or_a_result_is_quoted_with_the_sentence_it_leans_on() -> None:
    """A/AC.109/2025/20, para. 27: asked why the British Virgin Islands had no international
    support after Hurricane Maria, the quote was "For example, the British Virgin Islands had not
    been eligible ...", without the sentence before it giving the cause ("hindered by the
    Territory's status")."""
    text = ("The interlocutors also discussed challenges in accessing development and climate finance which, according "
            "to one of the interlocutors, was hindered by the Territory’s status. For example, the British Virgin "
            "Islands had not been eligible for international support following the damage caused by Hurricane Maria. "
            "The Territory had petitioned the United Nations on that issue.")
    quote = _quote("Why did the British Virgin Islands not get international support after Hurricane Maria?", text)
    assert quote.startswith("The interlocutors also discussed") and "Hurricane Maria" in quote


def test_a_consequence_is_quoted_with_the_cause_before_it() -> None:
    """E/2025/72, para. 43: "Thus, it decided to keep on its agenda ... an item on the 2030
    Agenda" was quoted for why it decided so, without the reason before it; S/2025/495, para. 26:
    "Mali subsequently withdrew ..." without the drone shot down."""
    text = ("The Subcommittee noted that its work builds on best practices, science, data and evidence. Thus, it "
            "decided to keep on its agenda for the 2025–2026 biennium an item on the 2030 Agenda for Sustainable "
            "Development.")
    quote = _quote("Why did the Subcommittee decide to keep an item on the 2030 Agenda on its agenda for 2025–2026?",
                   text)
    assert quote.startswith("The Subcommittee noted")
    text = ("On 1 April, Algerian forces shot down a Malian drone near the border. Mali subsequently withdrew from the "
            "Joint Military Staff Committee of the Sahel Region.")
    quote = _quote("What incident preceded Mali's withdrawal from the Joint Military Staff Committee of the Sahel "
                   "Region?", text)
    assert "shot down a Malian drone" in quote


def test_messrs_ends_no_sentence() -> None:
    """S/2025/202, para. 68: "the Emir of Qatar ... brought Messrs. Kagame and Tshisekedi together"."""
    text = ("Meanwhile, on 18 March, the Emir of Qatar brought Messrs. Kagame and Tshisekedi together for a trilateral "
            "meeting in Doha. The meeting was followed by a joint statement.")
    assert len(split_sentences(text)) == 2


def test_a_digit_inside_a_name_is_no_figure() -> None:
    """DP/2025/8, para. 114: the "(S3i) initiative" sentence was quoted as giving a figure for how
    much surplus UNOPS gave back, not the one refunding "$124 million in excess reserves"."""
    question = "How much surplus money did UNOPS give back to its clients?"
    assert not offers_answer("number", "recover repayments from the former (S3i) initiative", question)
    assert not offers_answer("number", "the response to COVID-19 in the region", question)
    assert offers_answer("number", "It concluded the refund exercise of $124 million in excess reserves.", question)


def test_a_sum_of_money_asked_is_quoted_from_the_sentence_giving_one() -> None:
    """S/2025/495, para. 61: asked the flagship programmes' combined budget, the quote was the
    sentence counting "10 comprehensive flagship programmes", not "a combined budget of $6.9 billion"."""
    text = ("Under the framework of the United Nations integrated strategy for the Sahel, the United Nations system "
            "developed 10 comprehensive flagship programmes for Burkina Faso, Mali and the Niger. Based on national "
            "priorities and with a combined budget of $6.9 billion, the programmes are estimated to benefit over 15 "
            "million people.")
    quote = _quote("What is the combined budget of the UN flagship programmes for Burkina Faso, Mali and the Niger "
                   "under the integrated strategy for the Sahel?", text)
    assert "$6.9 billion" in quote


def test_who_is_quoted_from_the_sentence_naming_someone() -> None:
    """A/80/39, para. 73: asked who kept acting as Rapporteur, the quote was the deferral of the
    election, not "Kereeta Whyte (Barbados) continued to serve in that role"."""
    text = ("The election of the Rapporteur was deferred at the organizational meeting on 24 April 2025 owing to "
            "ongoing consultations. Chapter VI contains more information on that matter. As per the rules of "
            "procedure, Kereeta Whyte (Barbados) continued to serve in that role during the twenty-second session.")
    quote = _quote("Who kept acting as Rapporteur of the South-South committee during its 2025 session while the "
                   "election was deferred?", text)
    assert "Kereeta Whyte" in quote


def test_a_sum_in_any_currency_is_a_sum_of_money() -> None:
    """S/2025/223, para. 35: "allocate 15 million Libyan dinars to the Commission" gives a sum."""
    from rag.answer.answertype import gives_money

    assert gives_money("issued a decision to allocate 15 million Libyan dinars to the Commission")
    assert gives_money("SwF 26.5 million") and gives_money("$6.9 billion")
    assert not gives_money("10 comprehensive flagship programmes")


def test_a_table_in_units_of_money_is_quoted_by_its_figures() -> None:
    """DP/FPA/2025/5, p. 6, table 2 ("in millions of $"): asked the 2023 programme budget
    expenditure, the quote was its footnote's "$2.94 million in 2017", not the row of figures."""
    text = ("Table 2 Expenditures on the evaluation function, 2015-2024 (in millions of $) 2022 2023 Total UNFPA "
            "1 218.3 1 295.7 programme budget expenditure. The majority of the increase (from $2.94 million in 2017 "
            "to $4.1 million in 2024) is due to staffing costs.")
    quote = _quote("What was the total UNFPA programme budget expenditure in 2023?", text)
    assert "1 295.7" in quote


def test_a_sentence_leaning_on_the_one_before_is_read_with_it() -> None:
    """S/2025/176, para. 89 and A/79/7/Add.12: the answer ("However, ... Angola withdrew its advance
    team"; "This Service ... was approved ... effective 1 January 2018") leans on the sentence before
    it, which names what the question names; the quote was that lead sentence alone."""
    text = ("In response to a request by Angola on 14 November, the Mission built a camp at the Goma airport for 91 "
            "mechanism infantry company troops. However, on 26 January, due to worsening security and ceasefire "
            "violations, Angola withdrew its advance team, leaving the camp unused.")
    quote = _quote("Why did Angola withdraw its advance team from the camp built at Goma airport for the "
                   "verification mechanism?", text)
    assert "due to worsening security" in quote
    text = ("In 2018, the Secretariat submitted a proposal to reclassify the Chief of the Overseas Property "
            "Management Unit from the P-5 level to the D-1 level, and established the Global Property Management "
            "Service. This Service, headed by a post at the D-1 level, was approved by the General Assembly "
            "effective 1 January 2018. The Service supports all property projects.")
    quote = _quote("When did the Global Property Management Service, headed at the D-1 level, take effect?", text)
    assert "effective 1 January 2018" in quote and quote.startswith("In 2018")


def test_an_expletive_it_leans_on_nothing() -> None:
    from rag.answer.extract import _leans

    assert not _leans("It was noted that the budget had been cut.")
    assert not _leans("It is important to ratify the Convention.")
    assert _leans("It decided to extend the mandate.") and _leans("However, the camp was left unused.")


def test_a_sentence_that_names_what_the_quote_speaks_of_is_quoted_with_it() -> None:
    """A/80/176, para. 31: "some policy choices continue to exacerbate inequality" is what the
    question restates; the next sentence, opening "Namely,", names the choices."""
    text = ("However, some policy choices continue to exacerbate inequality rather than helping to reduce it. Namely, "
            "financial and labour market deregulation, declines in income tax progressivity and low corporate tax "
            "rates have reinforced inequality. Similarly, although fiscal policy should be a tool for poverty "
            "reduction, in many low- and middle-income countries inequitable fiscal systems are leaving people "
            "living in poverty even worse off.")
    quote = _quote("Which policy decisions have deepened income gaps rather than narrowing them?", text)
    assert "deregulation" in quote and "inequitable fiscal systems" not in quote


def test_that_is_why_opens_no_naming_of_what_the_quote_speaks_of() -> None:
    from rag.answer.extract import _ELABORATES

    assert _ELABORATES.match("That is, the three pillars of the Organization.")
    assert _ELABORATES.match("I.e. the three pillars.")
    assert not _ELABORATES.match("That is why the Fifth Committee deferred its decision.")


KUWAIT_IRAQ = ("On 16 December, the Deputy Prime Minister and Minister for Foreign Affairs of Iraq, Mr. Hussein, met "
               "with Deputy Minister for Foreign Affairs of Kuwait, Sheikh Jarrah Jaber Al-Ahmad Al-Sabah, in Baghdad "
               "to discuss regional developments and bilateral relations. On the same day, the joint Kuwait-Iraq "
               "technical and legal committee to delimit the maritime boundary beyond point 162 held its seventh "
               "meeting. That meeting was the committee’s first since 2023. The committee, chaired by the Deputy "
               "Minister for Foreign Affairs of Kuwait and the Deputy National Security Advisor of Iraq, Issam "
               "al-Saadi, held its eighth meeting in Kuwait on 12 February and its ninth meeting in Baghdad on 13 "
               "April.")  # S/2025/323, para. 17


def test_a_numbered_meeting_asked_is_quoted_from_the_sentence_naming_it() -> None:
    """S/2025/323, para. 17 tells of the committee's seventh, eighth and ninth meetings: asked when
    it held its ninth, the quote gave the seventh's day."""
    embedder = HashEmbedder()
    question = "When did the joint Kuwait-Iraq technical and legal committee hold its ninth meeting?"
    quote = best_quote(question, embedder.encode_queries([question])[0], KUWAIT_IRAQ, embedder)
    assert "ninth meeting in Baghdad on 13 April" in quote and "seventh" not in quote
    seventh = "When did the joint Kuwait-Iraq technical and legal committee hold its seventh meeting?"
    assert "seventh meeting" in best_quote(seventh, embedder.encode_queries([seventh])[0], KUWAIT_IRAQ, embedder)


def test_a_sentence_set_on_the_same_day_is_on_the_asked_day() -> None:
    """S/2025/495, para. 17: the Speaker resigned on 12 May; "On the same day, Richard Nagbe Koon was
    elected": asked who was elected on 12 May, the quote was the resignation's sentence."""
    embedder = HashEmbedder()
    text = ("In Liberia, a prolonged leadership crisis in the House of Representatives ended on 12 May with the "
            "resignation of the Speaker, Jonathan Fonati Koffa. On the same day, Richard Nagbe Koon was elected as "
            "his replacement, following months of legislative paralysis and institutional tension. On 20 May, the "
            "Senate met.")
    question = "Who was elected Speaker of Liberia's House of Representatives on 12 May?"
    assert "Richard Nagbe Koon was elected" in best_quote(question, embedder.encode_queries([question])[0], text,
                                                          embedder)



def test_a_quote_does_not_stop_at_a_title_abbreviation() -> None:
    """S/2025/350, para. 4: the quote stopped at "... remain on the “Syrian side of Mt.”", the
    sentence split at the abbreviation of "Mt. Hermon"."""
    text = ("On 23 February, the Prime Minister of Israel, Benjamin Netanyahu, stated that the Israel Defense Forces "
            "would remain on the “Syrian side of Mt. Hermon and the buffer zone in the Golan Heights for an "
            "unlimited period of time”. On 25 February, UNDOF observed works near position 10A.")
    question = "What did Netanyahu say about how long Israeli forces would stay on Mt. Hermon?"
    quote = best_quote(question, HashEmbedder().encode_queries([question])[0], text, HashEmbedder())
    assert "Hermon and the buffer zone" in quote and quote.startswith("On 23 February")
