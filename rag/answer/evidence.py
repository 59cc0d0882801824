"""What a near-miss check compares: a constraint of the question (`Constraint`), the best
paragraph and its document (`Evidence`), and what the evidence is about instead (`Mismatch`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Constraint:
    """One specific thing a question is about: `kind` (year, period, ordinal, dated, country,
    titled, names, symbol, organization, number, kind, place, event), its canonical `value`
    ("1996", "2018-2021", "59 session", "2023 session", "Kenya", "Abdoulaye Bathily", "A/79/44",
    "UNICEF", "22", "a share", "Jonglei State", "turn down") and how the answer names it (`label`)."""

    kind: str
    value: str
    label: str


# How a mismatch names what the paragraph itself is about instead.
ABOUT = "is about {found}, not {label}"


@dataclass(frozen=True)
class Mismatch:
    """A constraint the evidence contradicts, and what the evidence is about instead."""

    constraint: Constraint
    found: str
    template: str = ABOUT

    def describe(self) -> str:
        """"is about the sixtieth session, not the fifty-ninth session"."""
        return self.template.format(found=self.found, label=self.constraint.label)


@dataclass(frozen=True)
class Evidence:
    """The best paragraph and what its document says: every paragraph's text and its symbols."""

    paragraph: str
    document: str
    symbols: tuple[str, ...] = ()
    date: str = ""  # the document's date as its masthead gives it (ISO), "" when unknown
    title: str = ""  # the document's title as its masthead gives it
    section: str = ""  # the headings the paragraph stands under
    masthead: str = ""  # the document's masthead: issuing body, title, session and venue, one a line
    headings: tuple[str, ...] = ()  # every heading of the document, each once
