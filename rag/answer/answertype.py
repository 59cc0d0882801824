"""What kind of answer a question asks for (a time, a number, a name, a country, a reason) and
whether a sentence offers one that the question does not already contain: a small, generic cue
for quoting."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.answer.countries import COUNTRIES
from rag.textutil import MONTH_PATTERN, STOPWORDS, SYMBOL, terms, words

# "When" asks a time ("When did ...", "When exactly ...", "... since when?"), except as the conjunction
# before a clause's subject ("What is lost when a sanctions regime has no panel?").
_TIME_Q = re.compile(r"\bwhen\b(?!\s+(?:the|a|an|it|its|they|their|he|she|his|her|we|you|there|this|these|those|"
                     r"one|some|people)\b)|"
                     r"\bwhat (?:year|years|decade|century|date|day|month|time(?! limit)|era|period)\b|"
                     r"\bwhich (?:year|century|decade|month|day)\b|\bhow long ago\b", re.IGNORECASE)
_NUMBER_Q = re.compile(r"\bhow (?:many|much|long|old|far|large|big|tall|high|fast)\b|"
                       r"\bwhat (?:percentage|percent|number|amount|proportion|fraction|size|population|share|ratio)\b|"
                       # "What was the average vacancy rate ...?", "What is the proposed budget ...?", "What is
                       # Iraq's population ...?"
                       # (not "What was the amount used for?": a purpose)
                       r"\bwhat (?:was|were|is|are|will be)\s+(?:the|its|their|(?:the\s+)?(?-i:[A-Z])[\w-]*['’]s)\s+"
                       r"(?:(?!(?:for|of|on|in|to|behind|about)\b)[\w-]+\s+){0,3}?"
                       r"(?:rates?|percentage|proportion|ratio|budget|amount|cost|total|turnout|balance|population)\b"
                       r"(?!['’]s)(?!\s+(?:for|of)\s+(?:the\s+)?(?:reasons?|purpose|causes?)\b)"
                       r"(?![^?]*\b(?:used|intended|meant|earmarked|spent)\s+for\s*\?)",
                       re.IGNORECASE)
# How often something happens: "How often must the agencies report?" ("report annually").
_FREQUENCY_Q = re.compile(r"\bhow (?:often|frequently)\b|\bat what (?:intervals?|frequency)\b|\bwith what frequency\b|"
                          r"\bhow many times (?:a|per|each|every) (?:year|month|week|day|session)\b", re.IGNORECASE)
# A time limit asks for an amount of time ("not to exceed three minutes"), not a date.
_DURATION_Q = re.compile(r"\btime limits?\b", re.IGNORECASE)
_NAME_Q = re.compile(r"\b(?:who|whom|whose|where)\b", re.IGNORECASE)
# A cause or purpose asked: "why", "what caused ...", "what is driving ...", "... used for?".
_REASON_Q = re.compile(r"\bwhy\b|\bfor what (?:reason|purpose)\b|\bon what (?:grounds|basis)\b|"
                       r"\bwhat (?:was|were|is|are) the (?:reasons?|grounds|causes?|purpose)\b|"
                       r"\bwhat (?:is|was|are|were|has been|have been) (?:driving|causing|behind|fuel?ling)\b|"
                       r"\bwhat (?:drove|drives|caused|causes|led to|leads to|explains|explained|prompted|triggered)\b|"
                       r"\b(?:used|intended|meant|earmarked|spent) for\s*\?", re.IGNORECASE)

_MONTH = MONTH_PATTERN
_TIME = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})s?\b|\b" + _MONTH + r"\b|\bcentur(?:y|ies)\b|\b\d{1,2}:\d{2}\b|"
                   r"\b(?:BC|AD|BCE|CE)\b")
# The cardinal words from two: with "one", "dozen", "half" and "several" a number; alone, a count.
CARDINALS = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
              r"million|billion")
# "which two countries", "which small island developing States", "which least developed
# countries": a count and words of the kind of country between the words
COUNTING = r"(?:one|other|both|" + CARDINALS + r")\s+"
COUNTED_COUNTRY = ("(?:" + COUNTING + r")?(?:(?:small|island|least|developing|developed|landlocked|donor|host|neighbouring|"
                   r"African|Arab|Asian|European|Pacific|Caribbean)\s+){0,3}")
_COUNTRY_Q = re.compile(rf"\b(?:which|what) {COUNTED_COUNTRY}(?:countr(?:y|ies)|States?|Member States?|Governments?|nations?)\b",
                        re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)(?>\d+(?:[.,]\d+)*)(?![A-Za-z])|\b(?:one|" + CARDINALS
                     + r"|dozen|half|several)\b(?!-)", re.IGNORECASE)  # not "fifty-eighth"
_DURATION = re.compile(r"\b(?:\d+(?:[.,]\d+)?|one|" + CARDINALS + r"|a few|several|half an?)\s+"
                       r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE)
_EVERY = r"(?:other|second|third|fourth|fifth|two|three|four|five|six|ten|\d+)"
_PERIOD = r"(?:years?|months?|weeks?|days?|sessions?)"
_FREQUENCY = re.compile(r"\b(?:annually|biennially|biannually|triennially|quadrennially|"
                        r"(?:annual|biennial|triennial|quadrennial)(?!\s+(?:reports?|budgets?|programmes?|plans?))|"
                        r"yearly|monthly|weekly|daily|quarterly|regularly|periodically|in alternate years|"
                        rf"every\s+(?:{_EVERY}\s+(?:(?:to|or)\s+{_EVERY}\s+)?)?{_PERIOD}|"
                        rf"at intervals of\s+\S+\s+{_PERIOD}|"
                        r"each\s+(?:year|month|week|day|session)|"
                        r"(?:once|twice|thrice|(?:\d+|three|four|five|six)\s+times)\s+(?:a|per|each|every)\s+"
                        r"(?:year|month|week|day|session|biennium)|per\s+(?:year|month|week|day|session|annum)|"
                        r"(?<![$€£\d.,])(?!(?:19|20)\d\d\b)(?:one|two|three|four|\d+)\s+"
                        r"(?!(?:million|billion|thousand|per)\b)"
                        r"(?:[\w-]+\s+){0,3}?a\s+(?:year|month|week|day))\b", re.IGNORECASE)
# A capitalised word that does not open the sentence.
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
_COUNTRY = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))
                      + r")(?![\w-])")

# A reference's number: "39 (1)", "79/38", "1325 (2000)", "5.a"; after a comma, one of a list
# only where the list goes on or ends ("articles 3, 4 and 5", not "resolution 78/291, 157 members").
_REFERENCE = r"\d[\w/.-]*(?:\s*\(\w{1,4}\))*"
_LISTED = r"(?=\s*(?:,|and\b|to\b|[–-]|[.;:)]|$))"
# What a sentence states as an answer, more strictly than what it offers as a cue: a count that
# is no part of a date, a reference ("article 39 (1)", "resolution 79/38"; a document symbol is
# blanked first: _without_dates_or_references) or a duration; a name of two or more capitalised
# words; a cause or purpose.
_DATE_OR_REFERENCE = re.compile(
    r"\b\d{1,2}(?:\s*(?:[–-]|to|and)\s*\d{1,2})?\s+" + _MONTH + r"(?:\s+\d{4})?|"  # "29 to 30 October 2024"
    r"\b" + _MONTH + r"\s+\d{1,4}(?:,\s*\d{4})?|\b(?:19|20)\d\d\b|"
    r"\b(?:article|articles|paragraph|paragraphs|para|paras|resolution|resolutions|decision|decisions|Goal|Goals|"
    r"rule|rules|section|chapter|annex|table|figure|target)s?\.?\s+" + _REFERENCE + r"(?:\s*(?:and|to|[–-])\s*"
    + _REFERENCE + r"|,\s*" + _REFERENCE + _LISTED + r")*|\(\d{1,2}\)|"
    r"\d+(?:[.,]\d+)*\s+(?:years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)


def _without_dates_or_references(text: str) -> str:
    """`text` with its document symbols, dates, references and durations blanked: what is left
    of its numbers are counts."""
    return _DATE_OR_REFERENCE.sub(" ", SYMBOL.sub(" ", text))


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*))+")
_TITLES = frozenset(("mr", "mrs", "ms", "dr", "prof", "sir", "h.e"))
_REASON = re.compile(r"\b(?:because|due to|owing to|as a result|results? in|resulted in|led to|leads? to|in order to|"
                     r"so as to|so that|since|given that|on the grounds|reasons?|cited|caused|aimed at|with a view to|"
                     r"in response to|following|stemm(?:ed|ing) from|attribut(?:ed|ing)\s+(?:[\w’'-]+\s+){0,6}?to|thanks to|"
                     r"(?:is|was|are|were|be|been)\s+(?:\w+ly\s+)?related to|"
                     r"attributable to|driven by|on account of|in (?:light|view) of)\b|^\W*Given\b", re.IGNORECASE)


# A cause or purpose stated in so many words, not a lead-in ("reasons", "following", "cited").
_CAUSE = re.compile(r"\b(?:because|due to|owing to|as a result of|on account of|attributable to|driven by|"
                    r"in order to|so as to|so that|caused by|stemm(?:ed|ing) from)\b", re.IGNORECASE)


def states_cause(text: str) -> bool:
    """Whether `text` states a cause or purpose in so many words ("due to its limited meeting time")."""
    return _CAUSE.search(text) is not None


def question_type(question: str) -> str | None:
    """"time", "frequency", "number", "duration", "name", "country", "reason", or None when the
    question does not say; where it names several, the one it asks first ("How many votes ... when
    ...?": a number)."""
    found = [(m.start(), order, kind) for order, (kind, pattern) in enumerate(_QUESTIONS)
             if (m := pattern.search(question))]
    return min(found)[2] if found else None  # at one place, the first of _QUESTIONS ("how many times a year")


# A question answered yes or no: it opens with an auxiliary verb ("Were any vessel inspections
# attempted but not carried out?", "Didn't the Commission adopt any recommendations?"), offers no
# alternatives ("... by consensus, or put to a vote?") and asks for nothing else ("Can you tell me
# how many ...?").
_WHETHER_Q = re.compile(r"^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|shall|should|may|"
                        r"might|must)(?:n['’]t)?\s", re.IGNORECASE)
_NOT_WHETHER = re.compile(r"\b(?:or|how|what|which|who|whom|whose|when|where|why)\b", re.IGNORECASE)
# A statement: a lower-case verb ("had been attempted", "were adopted"), which an agenda line
# ("Question of Western Sahara") lacks.
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|been|did|does|will|would|could|should|can|may|must|"
                   r"[a-z]{3,}ed)\b")


def asks_whether(question: str) -> bool:
    """Whether the question is answered yes or no: a paragraph stating what it asks about, in its
    words, answers it."""
    return _WHETHER_Q.match(question) is not None and not _NOT_WHETHER.search(question)


def is_statement(text: str) -> bool:
    """Whether the text states something: it has a verb in lower case (not a heading or an agenda
    line)."""
    return _VERB.search(text) is not None


# A question asking which resolution or decision, and a paragraph citing one by its number
# ("Multilingualism (resolution 78/330)", "decision 2024/15").
_RESOLUTION_Q = re.compile(r"\b(?:which|what)\s+(?:(?:General\s+Assembly|Security\s+Council|Council|Assembly|"
                           r"Economic\s+and\s+Social\s+Council|Board|Commission)\s+)?(?:resolutions?|decisions?)\b",
                           re.IGNORECASE)
_CITED_NUMBER = re.compile(r"\b(?:resolutions?|decisions?)\s+(\d{1,4}/\d{1,4}|\d{1,4}\s*\(\d{4}\))", re.IGNORECASE)


def asks_resolution(question: str) -> bool:
    """Whether the question asks which resolution or decision."""
    return _RESOLUTION_Q.search(question) is not None


def cites_resolution(text: str, question: str) -> bool:
    """Whether the text cites a resolution or decision by a number the question does not give."""
    return any(m.group(1) not in question for m in _CITED_NUMBER.finditer(text))


# A query in keywords: no question mark and no question or instruction opening it ("use of the
# veto agenda item resolution 76/262", not "What is ...", "List the ...", "Explain ...").
_ASKING = re.compile(r"^\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|has|have|"
                     r"had|can|could|will|would|shall|should|may|might|must|according|list|name|give|describe|"
                     r"explain|tell|show|find|summari[sz]e|compare)\b", re.IGNORECASE)


def in_keywords(query: str) -> bool:
    """Whether the query is a string of keywords, not a question or an instruction."""
    return "?" not in query and _ASKING.match(query) is None


_QUESTIONS = (("time", _TIME_Q), ("frequency", _FREQUENCY_Q), ("number", _NUMBER_Q), ("duration", _DURATION_Q),
              ("country", _COUNTRY_Q), ("reason", _REASON_Q), ("name", _NAME_Q))
_PATTERNS = {"time": _TIME, "number": _NUMBER, "duration": _DURATION, "name": _NAME, "country": _COUNTRY,
             "frequency": _FREQUENCY}


# A question asking for a share, and the words a sentence gives one in.
# A share of spending asked in cents ("How many cents of each (UNDP) dollar ...?"), and given so ("91
# cents of every dollar"), an owner's words only after "each" or "every" ("cents of a US dollar" is a
# price); rag.answer.kinds reads both too.
CENTS_OF_DOLLAR_Q = (r"\bhow many cents (?:of|in|out of) (?:(?:each|every) (?:(?!of\b|the\b)[\w’'.-]+\s+){0,3}|a )"
                     r"dollar\b")
CENTS_OF_DOLLAR = r"cents?\s+(?:of|in|out\s+of)\s+(?:(?:each|every)\s+(?:(?!of\b|the\b)[\w’'.-]+\s+){0,3}|a\s+)dollar"
# A question for a share: "What percentage ...", "How many per cent ...", "How many cents of each
# dollar ..." (a share of spending, given in per cent).
_SHARE_Q = re.compile(rf"\bwhat (?:percentage|percent|share|proportion)\b|\bhow many per ?cent\b|{CENTS_OF_DOLLAR_Q}",
                      re.IGNORECASE)
# A share written: "per cent", "%", "91 cents of every dollar".
_SHARE = re.compile(rf"\bper ?cent\b|%|\bpercentage\b|\b{CENTS_OF_DOLLAR}\b", re.IGNORECASE)
# A question for a sum of money, and a sum written: a currency's sign or code before the figure,
# or its name after it.
_MONEY_Q = re.compile(r"\b(?:budgets?|costs?|costing|funding|spending|expenditures?|appropriat\w*|income|revenues?|"
                      r"prices?|money|dollars|francs|euros|contributions?|allocations?|allotments?|grants?)\b",
                      re.IGNORECASE)
_CURRENCIES = ("dollars|euros|francs|dinars|dirhams|shillings|rupees|pesos|yuan|renminbi|yen|naira|riyals|"
               "rials|lira|liras|leones|cedis|kwacha|birr|afghanis|hryvnias|roubles|rubles|taka|kyats|reais|"
               "lempiras|gourdes|shekels|sheqalim|manat|tenge|lari|kroner|kronor|zlotys|forints")
# Pounds, rand and won are money only after a country's word ("South Sudanese pounds", "South
# African rand"): "500 pounds of explosives", "in 2024 won a majority".
# A currency's sign or code before a figure: "$", "US$", "SwF ".
# South Sudanese pounds by their code, not a climate scenario ("SSP5-8.5", "SSP 5-8.5").
_CURRENCY_SIGN = (r"(?:US\s?\$|\$|€|£|\b(?:SwF|CHF|EUR|USD|GBP|HTG|KES|ETB|NGN|ZAR|XOF|XAF)\s?|"
                  r"\bSSP\s?(?=\d)(?!\d+(?:\.\d)?-\d))")
_MONEY = re.compile(_CURRENCY_SIGN + r"\s?\d"
                    r"|(?<![\d,.])(?>\d[\d,.]*)\s*(?:million\s+|billion\s+)?"
                    r"(?:(?:[A-Z][a-z]+\s+){0,2}(?i:" + _CURRENCIES + r")"
                    r"|(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:an|ese|ish|i)\s+(?:pounds|rand|won))\b")
# A question for how much a thing changed, answered in per cent as often as in money.
_CHANGE_Q = re.compile(r"\b(?:rise|rose|risen|increase[sd]?|fall|fell|fallen|decrease[sd]?|decline[sd]?|grow|grew|"
                       r"grown|drop(?:ped)?|by how much)\b", re.IGNORECASE)


# A count an ordinal answers: "How many times had the Council extended ...?" ("for the eighth
# time"), "How many years in a row ...?" ("its thirteenth consecutive opinion").
_ORDINAL_COUNT_Q = re.compile(r"\bhow many (?:times|terms|consecutive)\b|\bin a row\b|\bconsecutive(?:ly)?\b",
                              re.IGNORECASE)


def asks_ordinal_count(question: str) -> bool:
    """Whether an ordinal may answer the question's count ("for the eighth time")."""
    return _ORDINAL_COUNT_Q.search(question) is not None


_HOW_LONG = re.compile(r"\bhow long\b|\bhow much (?:(?:advance|prior)\s+)?(?:time|notice|warning|lead time)\b",
                       re.IGNORECASE)


def asks_how_long(question: str) -> bool:
    """Whether the question asks how long: an amount of time ("How long may a minister speak?"),
    or a length ("How long is the border?": `gives_length`)."""
    return _HOW_LONG.search(question) is not None


_LENGTH = re.compile(r"\d[\d,.]*\s*(?:km|kilometres?|kilometers?|miles?|metres?|meters?|pages?|words)\b", re.IGNORECASE)


def gives_length(sentence: str) -> bool:
    """Whether the sentence gives a length ("2,000 kilometres", "45 pages")."""
    return _LENGTH.search(sentence) is not None


def asks_money(question: str) -> bool:
    """Whether the question asks for a sum of money ("What is the combined budget of ...?", "How
    much was appropriated ...?"), not a share of one."""
    return _MONEY_Q.search(question) is not None and not asks_share(question) and not _CHANGE_Q.search(question) \
        and "how many" not in question.lower()


def gives_money(sentence: str) -> bool:
    """Whether the sentence gives a sum of money ("$6.9 billion", "SwF 26.5 million", "500 euros")."""
    return _MONEY.search(sentence) is not None


# A sum of money whole, to blank it: "$25 million", "SwF 954.7 million", "500 euros".
_MONEY_FIGURE = re.compile(_CURRENCY_SIGN + r"\s?\d[\d,.]*"
                           r"(?:\s*(?:million|billion|trillion|thousand)\b)?|" + _MONEY.pattern)
# A figure given as a share: "over 47 per cent", "12%".
_SHARE_FIGURE = re.compile(r"\d[\d,.]*\s*(?:per\s*cent|%|percent)", re.IGNORECASE)
# "How many ...?" for a count, not for money, a share or a time ("How many US dollars", "how many
# per cent", "within how many days": "within 30 days" is a duration, which a stated count leaves out).
_DURATIONS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries")
_COUNT_Q = re.compile(r"\bhow many\b(?!\s+(?:per\s*cent|percent|percentage|times|" + CENTS_OF_DOLLAR + "|"
                      + "|".join(_DURATIONS) + r")\b)"
                      r"(?!\s+(?:[A-Z][\w.]*\s+){0,2}(?:million\s+|billion\s+)?"
                      r"(?:" + _CURRENCIES + r"|pounds|rand|won)\b)", re.IGNORECASE)
# A count in words: "no new complaints", "both reports", "tens of thousands of people".
_COUNT_WORDS = re.compile(r"\b(?:no|none|all|both|(?:tens|hundreds|thousands|millions|dozens|scores)\s+of|"
                          r"a\s+(?:handful|dozen)\s+of)\b", re.IGNORECASE)


# A second thing asked beside the count: "How many members, and which countries, joined?".
_SECOND_ASK = re.compile(r"\b(?:and|or)\s+(?:which|what|who|whom|when|where|how|why)\b", re.IGNORECASE)


def asks_count(question: str) -> bool:
    """Whether the question asks how many of a thing and nothing else ("How many staff ...?"), not
    a sum or a share."""
    return question_type(question) == "number" and _COUNT_Q.search(question) is not None \
        and not _SECOND_ASK.search(question) and not asks_ordinal_count(question)


def states_count_figure(text: str, question: str) -> bool:
    """Whether the text gives a number that may count a thing: none of its sums of money
    ("$25 million"), shares ("over 47 per cent") or years ("(2023: $24 million)") counts
    (`states_answer` for the rest); a number of a date the question gives is no number it gives
    ("On 18 May, 18 members ... signed" counts for "the statement of 18 May"); a count in words
    does ("no new complaints", "both reports", "tens of thousands of people")."""
    if _COUNT_WORDS.search(text):
        return True
    # years, dates and references ("decision 2006/13") are blanked by `states_answer`
    figures = _SHARE_FIGURE.sub(" ", _MONEY_FIGURE.sub(" ", text))
    return states_answer("number", figures, _without_dates_or_references(question))  # "18 members" for "of 18 May"


def asks_share(question: str) -> bool:
    """Whether the question asks for a share ("What percentage of votes ...")."""
    return _SHARE_Q.search(question) is not None


@lru_cache(maxsize=64)
def _asked_words(question: str) -> frozenset[str]:
    """The question's lower-cased words (read once per question: every candidate is checked)."""
    return frozenset(words(question))


def offers_answer(kind: str | None, sentence: str, question: str) -> bool:
    """True when `sentence` holds a `kind` of expression (date, frequency, number, name, country) absent
    from the question; a number asked as a share ("What percentage ...") is one in per cent."""
    if kind is None or kind not in _PATTERNS:
        return False
    if kind == "number" and asks_share(question) and not _SHARE.search(sentence):
        return False
    asked = _asked_words(question)
    return any(m.group(0).lower() not in asked for m in _PATTERNS[kind].finditer(sentence))


def _new_name(sentence: str, asked: set[str]) -> bool:
    """A run of two or more capitalised words holding one the question does not."""
    for run in _NAME_RUN.finditer(sentence):
        names = [w.lower().strip(".") for w in run.group(0).split() if len(w.strip(".")) > 1]
        if any(w not in asked and w not in _TITLES and not re.fullmatch(_MONTH.lower(), w) for w in names):
            return True
    return False


def states_answer(kind: str | None, sentence: str, question: str) -> bool:
    """True when `sentence` states the kind of answer asked for: strictly for a number (no date,
    reference or duration counts, unless the question asks how long) and a name (a name of two or
    more words), as for `offers_answer` otherwise; a cause or purpose for a reason. Always True
    when the kind is unknown (nothing to check)."""
    if kind == "reason":
        return bool(_REASON.search(sentence))
    if kind == "number" and not asks_how_long(question):  # "several" gives no figure
        return offers_answer(kind, _SEVERAL.sub(" ", _without_dates_or_references(sentence)), question)
    if kind == "number" and _SPAN_ADJECTIVE.search(sentence):
        return True  # "an extended five-year preparatory period" says how long
    if kind == "name":  # where: a place's one-word name will do ("held in Dili")
        return _new_name(sentence, _asked_words(question)) or (_WHERE_Q.search(question) is not None
                                                             and _new_place(sentence, question))
    return kind is None or offers_answer(kind, sentence, question)


_SEVERAL = re.compile(r"\bseveral\b", re.IGNORECASE)
# A span of time as an adjective: "a five-year preparatory period", "a 12-month term".
_SPAN_ADJECTIVE = re.compile(r"\b(?:\d+|one|" + CARDINALS + r")-(?:year|month|week|day|hour)\b", re.IGNORECASE)


# A place a sentence sets something in: "held in Dili", "took place at Headquarters", "in the city
# of Bonn", "in the capital, Nairobi", "hosted by the Government of Kenya", "The venue ... was Geneva".
_PLACE = re.compile(r"\b(?:in|at|on)\s+(?:the\s+)?(?:(?:city|capital|island|town|province|region)\s+of\s+|"
                    r"capital,\s+)?([A-Z][\w'’-]+)|"
                    r"\bhosted\s+by\s+(?:the\s+)?(?:Government\s+of\s+)?([A-Z][\w'’-]+)|"
                    r"\bvenue\b[^.]{0,60}?\b(?:was|is|will be)\s+([A-Z][\w'’-]+)")


def _new_place(sentence: str, question: str) -> bool:
    """Whether the sentence sets something in or at a place the question does not name, or names
    a country it does not."""
    asked = _asked_words(question)
    places = [next(g for g in m.groups() if g) for m in _PLACE.finditer(sentence)]
    return any(p.lower() not in asked and not re.fullmatch(_MONTH, p) for p in places) \
        or not set(_COUNTRY.findall(sentence)) <= _asked_countries(question)


@lru_cache(maxsize=64)
def _asked_countries(question: str) -> frozenset[str]:
    """The countries the question names (read once per question: every sentence is checked)."""
    return frozenset(_COUNTRY.findall(question))


# "Where was ...?", not the relative "the meeting where it was agreed".
_WHERE_Q = re.compile(r"\bwhere\s+(?:was|were|is|are|will|would|did|does|do|has|have|had|can|could|should|must)\b",
                      re.IGNORECASE)


# "How many <counted thing>": the thing is the first plural noun of the next five words, before
# a function word ("how many new investigation cases did ..." counts cases).
_HOW_MANY = re.compile(r"\bhow many((?:\s+[\w’'-]+){1,5})", re.IGNORECASE)
_IRREGULAR_PLURALS = frozenset(("people", "staff", "personnel", "children", "women", "men", "police", "troops"))
# Words after "how many" that name no thing a document counts: repeats and durations (a stated
# count leaves durations out).
_NOT_COUNTED = frozenset(("times", "others", *_DURATIONS))
# Proper names whose last word reads as a plural ("how many United Nations Principles").
_NAMES_IN_PLURAL = frozenset((("united", "nations"), ("united", "states")))
# Words that count the same people or States as the question's word.
_SAME_COUNT = {"people": ("people", "persons", "individuals", "participants"),
               "persons": ("people", "persons", "individuals", "participants"),
               "states": ("states", "countries"), "countries": ("states", "countries")}


@lru_cache(maxsize=256)
def counted_thing(question: str) -> tuple[str, ...]:
    """The word forms of the thing a "how many" question counts, singular and plural ("how many
    new recommendations did ..." -> ("recommendation", "recommendations")), with the words that
    count the same people or States; empty when the question counts nothing it names ("how many
    times", "how many of them")."""
    m = _HOW_MANY.search(question)
    if m is None:
        return ()
    after = m.group(1).lower().split()
    for before, word in zip(["", *after], after):
        if word in _NOT_COUNTED or word in STOPWORDS:
            return ()
        if (before, word) in _NAMES_IN_PLURAL or word.endswith(("'s", "’s")):
            continue
        if word in _IRREGULAR_PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us"))):
            return tuple(dict.fromkeys(f for w in _SAME_COUNT.get(word, (word,)) for f in _forms(w)))
    return ()


def _forms(plural: str) -> tuple[str, ...]:
    """A plural with its singulars ("countries" -> "country", "cases" -> "case", "buses" -> "bus")."""
    if plural in _IRREGULAR_PLURALS:
        return (plural,)
    if plural.endswith("ies"):
        return plural, plural[:-3] + "y"
    if plural.endswith(("ses", "xes", "zes", "ches", "shes")):
        return plural, plural[:-1], plural[:-2]
    return plural, plural[:-1]


# A count as documents write one: digits (not inside a name: "COVID-19", "G20") or a cardinal word.
_COUNT = r"(?<![\w/-])\d+(?:[.,]\d+)*(?!\w)|\b(?:" + CARDINALS + r")\b(?!-)"


@lru_cache(maxsize=256)
def _count_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A count up to three words before one of `forms` ("434 new cases"; a share, "64 per cent of
    participants", is none)."""
    thing = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?:{_COUNT})(?!\s*(?:per\s*cent|percent|%))(?:\s+[\w’'-]+){{0,3}}?\s+(?:{thing})\b",
                      re.IGNORECASE)


# "the number of migrants in Libya exceeded 824,000": the count after the thing it counts.
_NUMBER_OF = (r"\bnumbers?\s+of\s+(?:[\w’'-]+\s+){{0,3}}?(?:{thing})\b[^.;:]{{0,60}}?\b(?:was|were|is|are|stood at|"
              r"reached|exceeded|rose to|fell to|totalled|totaled|increased to|decreased to|grew to|dropped to)\s+"
              r"(?:about|some|over|more than|nearly|approximately|almost|around|close to)?\s*(?:{count})"
              r"(?!\s*(?:per\s*cent|percent|%|times\b|-fold))")


def _number_of(text: str, thing: str) -> bool:
    """Whether `text` writes "the number of <thing> ... was/exceeded <count>" (`thing`: a pattern)."""
    return re.search(_NUMBER_OF.format(thing=thing, count=_COUNT), text, re.IGNORECASE) is not None


def states_count(text: str, forms: tuple[str, ...]) -> bool:
    """Whether `text` gives a count of the thing of `forms` (counted_thing): a number of two or
    more, no part of a date or reference, up to three words before it ("434 new cases",
    "comprised 157 members"; not "one of the members", "several members"), or after "the number
    of" the thing ("the number of migrants in Libya exceeded 824,000")."""
    if not forms:
        return False
    text = _without_dates_or_references(text)
    return _count_pattern(forms).search(text) is not None \
        or _number_of(text, "|".join(re.escape(f) for f in forms))


# Words after "no" that count none of something else: "no new States" (the total asked is more),
# "no change in staff", "zero tolerance to allegations".
_NOT_NONE = frozenset(("new", "further", "additional", "more", "other", "change", "changes", "tolerance", "longer"))


def states_none(text: str, forms: tuple[str, ...]) -> bool:
    """Whether `text` counts none of the thing of `forms` (counted_thing): "recorded no allegations
    of misconduct", "no reported cases", "zero cases"."""
    if not forms:
        return False
    thing = "|".join(re.escape(f) for f in forms)
    return any(m.group(1) is None or m.group(1).strip().lower() not in _NOT_NONE
               for m in re.finditer(rf"\b(?:no\s+([\w’'-]+\s+)??|zero\s+)(?:{thing})\b", text, re.IGNORECASE))


def states_figure(text: str, question: str) -> bool:
    """Whether `text` states the figure a number question asks for (`states_answer`) or counts none
    of the thing it counts ("recorded no allegations": `states_none`)."""
    return states_answer("number", text, question) or states_none(text, counted_thing(question))


@lru_cache(maxsize=256)
def counted_phrase(question: str) -> str:
    """The words a "how many" question counts with, up to the counted thing ("How many formal
    recommendations did ..." -> "formal recommendations"); "" where it counts nothing it names."""
    forms = counted_thing(question)
    m = _HOW_MANY.search(question)
    if not forms or m is None:
        return ""
    out: list[str] = []
    for word in m.group(1).split():
        out.append(word)
        if word.lower() in forms:
            return " ".join(out)
    return ""


def counts_as_asked(text: str, question: str) -> bool:
    """Whether `text` gives a count right before the question's own words for the thing
    ("Fifteen formal recommendations", not "33 informal recommendations", for "How many formal
    recommendations ...?"), after "the number of" them, or before the thing with its kind after it
    (`_kind_after`)."""
    phrase = counted_phrase(question)
    if not phrase:
        return False
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    text = _without_dates_or_references(text)
    return re.search(rf"(?:{_COUNT})\s+{words}\b", text, re.IGNORECASE) is not None or _number_of(text, words) \
        or _kind_after(text, phrase.split())


# The kind of a counted thing written after it: "38 cases related to sexual misconduct" for
# "sexual misconduct cases".
_KIND_AFTER = r"(?:related\s+to|relating\s+to|of|involving|concerning|regarding|on|about)\s+(?:the\s+)?"


def _kind_after(text: str, phrase: list[str]) -> bool:
    """Whether `text` counts the phrase's last word with the words before it written after it."""
    if len(phrase) < 2:
        return False
    kind = r"\s+".join(re.escape(w) for w in phrase[:-1])
    return re.search(rf"(?:{_COUNT})\s+(?:[\w’'-]+\s+){{0,2}}?{re.escape(phrase[-1])}\s+{_KIND_AFTER}{kind}\b",
                     text, re.IGNORECASE) is not None


# The state a "how many" question asks its things to be in: the words after its verb "were", "are",
# "had been" ... up to a preposition, article or the end ("How many complaints were pending before
# ..." -> "pending").
_ASKED_STATE = re.compile(
    r"\bhow many\b(?:(?!\bhow many\b|\b(?:that|which|who)\b)[^?])*?"
    r"\b(?:were|was|are|is|(?:have|has|had) been|remain(?:s|ed)?)\s+(?:(?:still|currently|reportedly|already|now|"
    r"also)\s+)?(?!not\b|yet\b)"
    r"((?:(?!(?:in|at|on|before|by|for|of|the|a|an|to|as|during|since|between|from|with|under|over|than|"
    r"per|and|or|there|still|each|every|that|which|who)\b)[\w’'-]+\s*){1,3})", re.IGNORECASE)


@lru_cache(maxsize=256)
def asked_state(question: str) -> tuple[str, ...]:
    """The index terms of the state a "how many" question asks about ("How many complaints were
    still pending ...?" -> ("pend",)), of its last "how many" where it asks two; empty where it
    asks none ("How many migrants were in Libya?") or a state denied ("were not pending")."""
    found = list(_ASKED_STATE.finditer(question))
    return tuple(terms(found[-1].group(1))) if found else ()
