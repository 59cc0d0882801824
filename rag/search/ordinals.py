"""The paragraph naming the session, meeting or report the question asks about before one of
the same document that names another of them: "When is the Committee of Experts on Public
Administration to hold its twenty-fifth session?" had "... its twenty-fourth session ..." first
and the paragraph that schedules the twenty-fifth second."""

from __future__ import annotations

from rag.answer.constraints import numbered_things
from rag.answer.answertype import asks_how_long, asks_ordinal_count, asks_share, question_type, states_answer
from rag.answer.kinds import asks_country, named_countries
from rag.models import Hit

ORDINAL_DEPTH = 3  # the hits read for one that names the asked ordinal


def asked_numbered_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the first names another ordinal of a thing the question numbers ("the
    twenty-fourth session" for "the twenty-fifth session") and not the asked one, with the next
    hit of its document up to ORDINAL_DEPTH that names the asked one put first."""
    asked = set(numbered_things(question))
    if not asked or not hits:
        return hits
    first = set(numbered_things(hits[0].text))
    nouns = {noun for _, noun in asked}
    if asked & first or not any(noun in nouns for _, noun in first):
        return hits
    for i, hit in enumerate(hits[1:ORDINAL_DEPTH], start=1):
        if hit.symbol == hits[0].symbol and asked & set(numbered_things(hit.text)):
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits


def asked_country_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks which country and the first names none but the
    question's own, with the next hit of its document up to ORDINAL_DEPTH that names another put
    first ("Which Government volunteered to host the first session ...?": A/47/466, para. 21's
    "The Government of Germany has offered to host the session" under para. 26 on preparing it)."""
    if not hits or not asks_country(question):
        return hits
    asked = named_countries(question)
    if named_countries(hits[0].text) - asked:
        return hits
    for i, hit in enumerate(hits[1:ORDINAL_DEPTH], start=1):
        if hit.symbol == hits[0].symbol and named_countries(hit.text) - asked:
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits


def asked_figure_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks how many or how much (not a share, a duration or how
    many times) and the first states no figure (rag.answer.answertype.states_answer), with the
    next hit of its document up to ORDINAL_DEPTH that states one put first."""
    if not hits or question_type(question) != "number" or asks_ordinal_count(question) or asks_share(question) \
            or asks_how_long(question) or states_answer("number", hits[0].text, question):
        return hits
    for i, hit in enumerate(hits[1:ORDINAL_DEPTH], start=1):
        if hit.symbol == hits[0].symbol and states_answer("number", hit.text, question):
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits
