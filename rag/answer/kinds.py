"""A kind of answer the question asks for that the best paragraph cannot give: a share ("What
share of the vote did Abdirahman Irro win?" answered from a paragraph that says only that he
won; a growth, vacancy or implementation rate), a time of day ("At what time do afternoon
meetings begin?" answered from a paragraph that gives the morning's) or a sum of money ("How
much did the General Assembly appropriate ...?" answered from a paragraph that gives none), a
date ("When was the thirteenth Forum held?" answered from a paragraph that gives its theme) or a
country ("Which country became the seventy-seventh State party ...?" answered from a paragraph
that counts the States parties and names none)."""

from __future__ import annotations

import re

from rag.answer.answertype import (CARDINALS, CENTS_OF_DOLLAR, CENTS_OF_DOLLAR_Q, COUNTED_COUNTRY, COUNTING, asks_count,
                                   gives_money, question_type, states_count_figure)
from rag.answer.countries import ADJECTIVES, COUNTRY_AT, OTHER_NAME_AT, demonym_countries, long_demonym_countries
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.textutil import MONTH_PATTERN

# A share, and a turnout, which is one ("voter turnout was 54.2 per cent").
_SHARE_Q = re.compile(r"\bwhat (?:share|percentage|per ?cent|proportion|fraction)\b|"
                      + CENTS_OF_DOLLAR_Q + r"|"
                      r"\bhow (?:large|big) (?:a )?(?:share|slice|proportion)\b|"
                      r"\bwhat (?:was |is |were )?(?:the )?(?:voter )?turnout\b|"
                      # a rate UN texts give in per cent ("What growth rate does ESCAP forecast ...?")
                      r"\bwhat (?:(?:was|is|were|are|will be) )?(?:the |its |their )?(?:[\w-]+ )?(?:growth|inflation|"
                      r"unemployment|interest|poverty|vacancy|literacy|enrolment|enrollment|completion|participation|"
                      r"implementation|execution|compliance|utilization|occupancy) rates?\b"
                      # not the rate's cause or basis: "What were the budgeted vacancy rates based on?"
                      r"(?!\s+(?:attributed|due|based|driven|caused|affected|explained|used|calculated|determined|"
                      r"applied|linked|owing)\b)", re.IGNORECASE)
# A table's "Percentage" column gives shares: the heading with a figure under it.
_SHARE = re.compile(r"(?:\d|\b(?:one|" + CARDINALS + r"))\s*(?:per\s*cent|%|percent|" + CENTS_OF_DOLLAR + r")|"
                    r"\b(?:half|third|thirds|quarter|quarters|fifth|tenth|majority|"
                    r"proportion|share)\b|(?-i:\bPercentage\b)(?=(?:\s+\S+){0,8}?\s+\d)", re.IGNORECASE)
# One in so many is one too ("one in four women", "Nine out of ten respondents", "One respondent in
# four"), not a label's number ("Goal 16 in five countries") nor a rating ("4 out of 5 on average").
_ONE_IN = re.compile(rf"\b(?:(?:one|{CARDINALS})(?:\s+[a-z]+)?|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+|the\s+)?"
                     rf"(?:{CARDINALS}|\d{{1,3}})\b(?!\s*(?:per\s*cent|%|on\s+average|scale))", re.IGNORECASE)
_LABEL = re.compile(r"\b(?:Goal|Phase|Level|Grade|Tier|Step|paragraph|article|rated|scored|rating\s+of|score\s+of)\s+$",
                    re.IGNORECASE)


def gives_one_in(text: str) -> bool:
    """Whether the text gives a share as one in so many."""
    return any(not _LABEL.search(text[max(0, m.start() - 20):m.start()]) for m in _ONE_IN.finditer(text))


_TIME_Q = re.compile(r"\bat what time\b|\bwhat time of (?:the )?day\b", re.IGNORECASE)  # not "what time period"
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.)|\bnoon\b|\bmidnight\b", re.IGNORECASE)
# "How much did it cost?", "the amount in dollars", "What was the budget of ...?", "What is the
# approved maximum cost of ...?"; not "By how much did the cost of solar power fall?" (a change,
# which a share may give), nor "the cost of the war" (a cost unqualified may be a human one).
_SUM_Q = re.compile(r"\bhow much (?:money|funding|funds)\b|(?<!\bby )\bhow much did\b[^?]{0,80}?\b(?:(?<!\bthe )cost|pledge|raise|spend|"
                    r"contribute|allocate|appropriate|mobilize|embezzle)\b|\bwhat (?:amount|sum) of (?:money|funding)\b|"
                    r"\bhow many dollars\b|\bin (?:United States |US |U\.S\. )?dollars\b|"
                    r"\bwhat (?:is|was|were) the (?:(?:(?:total|approved|annual|proposed|overall|regular|core|"
                    r"revised|maximum|estimated|projected|final)\s+)*budget|(?:(?:total|approved|overall|maximum|"
                    r"estimated|projected|final|revised)\s+)+cost) (?:of|for)\b"
                    r"(?![^?]*\b(?:spent|used|covers?|covering|devoted)\b)", re.IGNORECASE)
_SUM = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|francs?|pounds|CHF|SwF|EUR|USD|shillings?|dinars?|gourdes?|"
                  r"rupees?|yuan|yen|HTG|SSP|KES|ETB|NGN|ZAR|XOF|XAF)\b", re.IGNORECASE)
# "When was ... held?", "When did ... adopt ...?", "When does the session convene?": a date, or the
# time a meeting, session or period gives ("at its 7th meeting", "during the biennium", "in the
# 1990s", "in the 18th century") that the question does not write itself. Not "When does
# photorespiration happen?" nor "When are migrants held in detention?" (the conditions: "does",
# "is" ask for a date only with a verb of the calendar ending the question), nor "When violence
# is used, what is ...?" (a clause of condition).
_DATE_Q = re.compile(r"^\s*(?:When\s+(?:and\s+where\s+)?(?:(?:was|were|did|will|had|has|would)\b|"
                     r"(?:does|do|is|are)\b(?=[^?]*\b(?:convene|convenes|open|opens|begin|begins|start|starts|"
                     r"end|ends|close|closes|conclude|concludes|expire|expires|take place|held|meet|meets|due|"
                     r"scheduled|enter into force)\s*\??\s*$))(?![^?]*,\s*(?:what|which|who|how)\b)"
                     r"|On what date\b|On which date\b|What date\b)", re.IGNORECASE)
_DATE = re.compile(rf"\b(?:{MONTH_PATTERN}|\d{{3,4}}s?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                   r"meetings?|sessions?|quarters?|weeks?|months?|years?|biennium|day|days|decades?|period|annual|"
                   r"centur(?:y|ies)|era|spring|summer|autumn|winter|season|"
                   r"later|earlier|since|until|before|after)\b",
                   re.IGNORECASE)
# "What is the population of Tokyo?", "What was the total number of staff ...?": a count, as "how
# many" asks one (not "the number of the General Assembly resolution ...", a reference).
_FIGURE_Q = re.compile(r"^\s*what\s+(?:is|was|were|are)\s+(?:the\s+)?(?:(?:total|estimated|current|overall|"
                       r"approximate)\s+)?(?:population|number)\s+of\b(?!\s+(?:the|its|this|that|a|an)\b)",
                       re.IGNORECASE)
_KINDS = ((_SHARE_Q, _SHARE, "a share"), (_TIME_Q, _CLOCK, "a time of day"), (_SUM_Q, _SUM, "a sum of money"),
          (_DATE_Q, _DATE, "a date"))
# "In what year ...": the answer is a year the question does not give itself.
_YEAR_Q = re.compile(r"\b(?:what|which) year\b(?!\s+of\s+(?:the|its|their|each)\s+[a-z])",
                     re.IGNORECASE)  # not "which year of the cycle", a place in it
_ERA = re.compile(r"\bcentur(?:y|ies)\b|\b(?:BC|BCE|AD|CE)\b")  # "the 2nd century BCE" answers too
_A_YEAR = re.compile(r"(?<![\d/])(?<!\d[,.])\d{3,4}(?!\d|/|[,.]\d)")  # three or four digits: 1227, AD 711


# "Which country", "What Member States", "Which Governments": a State, as UN texts write it with
# a capital (not "In what state is ...", a state of a federation, nor "which government
# officials"), or counted ("Which two governments"), asked for itself (not "Which country teams",
# "Which State-owned enterprises", "Which Government ministries").
_COUNTRY_ASKED = re.compile(r"\b(?i:which|what)\s+(?:(?i:" + COUNTING + COUNTED_COUNTRY + r"governments?)|(?i:"
                            + COUNTED_COUNTRY + r")(?:(?i:countr(?:y|ies)|nations?)|States?|Governments?|"
                            r"Member States?))\b(?!-|\s+(?i:teams?|offices?|programmes?|programs?|level|specific|"
                            r"owned|reports?|visits?|missions?|presences?|strateg(?:y|ies)|frameworks?|cooperation|"
                            r"partners?|portfolios?|operations?|budgets?|officials?|ministr(?:y|ies)|ministers?|"
                            r"entit(?:y|ies)|agenc(?:y|ies)|institutions?|authorit(?:y|ies)|forces?|departments?|"
                            r"bodies|representatives?|counterparts?)\b)")


def asks_country(question: str) -> bool:
    """The question asks first for a country (rag.answer.answertype.question_type)."""
    return question_type(question) == "country" and _COUNTRY_ASKED.search(question) is not None


def named_countries(text: str) -> set[str]:
    """The countries a text names: by name, by an adjective or short form ("British", "UK"), by
    their people's word ("Chadian", "South African") or by another name ("Czech Republic", "Cape Verde")."""
    text = text.replace("\u2019", "'")  # "Côte d’Ivoire" as the list spells it
    found = set(COUNTRY_AT.findall(text)) | set(demonym_countries(text)) | set(long_demonym_countries(text)) \
        | set(OTHER_NAME_AT.findall(text))
    return found | {c for c, forms in ADJECTIVES.items()
                    if any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text) for f in forms)}


def asks_for_share(question: str) -> bool:
    """Whether the question asks for a share ("What proportion of ...", "What fraction ...")."""
    return _SHARE_Q.search(question) is not None


def gives_share(paragraph: str) -> bool:
    """Whether the paragraph gives a share, as the check of a share asked reads one."""
    return _states(_SHARE, paragraph, "")


def asks_kind(question: str) -> bool:
    """Whether the question asks for a share, a time of day, a sum of money, a year, a country or
    a population or number (`_FIGURE_Q`)."""
    return any(asked.search(question) for asked, _, _ in _KINDS) or _YEAR_Q.search(question) is not None \
        or asks_country(question) or _FIGURE_Q.search(question) is not None


def _states(stated: re.Pattern[str], paragraph: str, question: str) -> bool:
    """Whether the paragraph writes one of the `stated` expressions, a date's word only where the
    question does not write it: "at its eighty-first session" gives no date for "When does the
    eighty-first session convene?"."""
    if stated is _SHARE:
        return stated.search(paragraph) is not None or gives_one_in(paragraph)
    if stated is _SUM:  # any currency's name after the figure too ("2 billion birr", "South African rand")
        return stated.search(paragraph) is not None or gives_money(paragraph)
    if stated is not _DATE:
        return stated.search(paragraph) is not None
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    return any(m.group(0).lower() not in asked for m in stated.finditer(paragraph))


def check_kind(question: str, evidence: Evidence) -> Mismatch | None:
    """The share, time of day or sum the question asks for, where the paragraph states none; the
    count a "how many" question (or "What is the population of ...?") asks for, where the paragraph
    gives no number but sums of money, shares, years, dates and references
    (rag.answer.answertype.states_count_figure); the year it asks for, where the paragraph gives
    none but the question's own; the country it asks for first ("Which country ...", "Which States
    ..."), where the paragraph names none but those the question gives."""
    for asked, stated, label in _KINDS:
        if asked.search(question) and not _states(stated, evidence.paragraph, question):
            return Mismatch(Constraint("kind", label, label), "", "does not give {label}")
    if (asks_count(question) or _FIGURE_Q.search(question)) and not states_count_figure(evidence.paragraph, question):
        return Mismatch(Constraint("kind", "a number", "a number"), "", "does not give {label}")
    if _YEAR_Q.search(question) and not _ERA.search(evidence.paragraph) \
            and not set(_A_YEAR.findall(evidence.paragraph)) - set(_A_YEAR.findall(question)):
        return Mismatch(Constraint("kind", "a year", "a year"), "", "gives no year but the question's own")
    if asks_country(question):
        named = named_countries(evidence.paragraph)
        if not named - named_countries(question):
            return Mismatch(Constraint("kind", "a country", "a country"), "",
                            "names no country but the question's own" if named else "does not name {label}")
    return None
