"""A heading that is a paragraph of its own: a management response sets each recommendation it
answers above the numbered paragraph that answers it ("In paragraph 38, the Board recommends that
UNFPA assess and update the terms of reference of its Humanitarian Response Division ...", then
"14. The Humanitarian Response Division will leverage ... to amend the Division's terms of
references"). The recommendation, unnumbered, holds the question's words; the numbered paragraph
under it holds what was done about them. Where the first hit is such a heading and the question
does not ask what was recommended, the paragraph under it goes first."""

from __future__ import annotations

import re

from rag.models import Hit

FOLLOWING = 3  # paragraphs after the heading read for the one it heads

# A question asking what was recommended, by the verb ("What did the Board recommend ...?"); the
# noun asks of the recommendation's fate too ("Does UNDP accept the JIU recommendation ...?").
_ASKS_RECOMMENDED = re.compile(r"\brecommend(?:s|ed|ing)?\b", re.IGNORECASE)


def heads(heading: Hit, under: Hit) -> bool:
    """Whether `under`, a numbered paragraph, stands under `heading`, an unnumbered one of its
    document: its section's last heading is the text of `heading`."""
    return (heading.running and not under.running and under.symbol == heading.symbol
            and under.section.rsplit(" > ", 1)[-1].strip() == heading.text.strip())


def answered_under(question: str, hits: list[Hit], following: list[Hit]) -> Hit | None:
    """The paragraph of `following` (those right after the first hit) that the first hit heads,
    where the question does not ask what was recommended; else None."""
    if not hits or not hits[0].running or _ASKS_RECOMMENDED.search(question):
        return None
    return next((h for h in following if heads(hits[0], h)), None)
