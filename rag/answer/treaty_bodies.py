"""Near misses between the human rights treaty bodies: the question asks about one committee or
its treaty ("the Committee on Enforced Disappearances", "the Optional Protocol to the
Convention on the Rights of the Child") and the best paragraph is from another committee's
report ("Report of the Committee against Torture"), where neither it nor the title names the one
asked about. Each report says "the Committee" and "the Convention" of its own treaty only, so a
paragraph of one never answers for another."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# Each treaty body: the name its reports' titles give it, then how a text names it or its treaty
# (whole names only: "Racial Discrimination" alone is also the World Conference's).
_BODIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "CAT": ("Committee against Torture", (r"(?i:Convention against Torture)", r"\bCAT\b")),
    "SPT": ("Subcommittee on Prevention of Torture",
            (r"(?i:Subcommittee on (?:the )?Prevention of Torture)", r"\bSPT\b", r"\bOPCAT\b",
             r"(?i:Optional Protocol to the Convention against Torture)")),
    "CED": ("Committee on Enforced Disappearances",
            (r"(?i:Convention for the Protection of All Persons from Enforced Disappearance)", r"\bCED\b")),
    "CRPD": ("Committee on the Rights of Persons with Disabilities",
             (r"(?i:Convention on the Rights of Persons with Disabilities)", r"\bCRPD\b")),
    "CMW": ("Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
            (r"(?i:Committee on (?:the Protection of the Rights of All )?Migrant Workers)",
             r"(?i:Convention on the Protection of the Rights of All Migrant Workers)", r"\bCMW\b")),
    "CEDAW": ("Committee on the Elimination of Discrimination against Women",
              (r"(?i:Convention on the Elimination of All Forms of Discrimination against Women)", r"\bCEDAW\b")),
    "CERD": ("Committee on the Elimination of Racial Discrimination",
             (r"(?i:Convention on the Elimination of All Forms of Racial Discrimination)", r"\bCERD\b")),
    "CRC": ("Committee on the Rights of the Child", (r"(?i:Convention on the Rights of the Child)", r"\bCRC\b")),
    "CESCR": ("Committee on Economic, Social and Cultural Rights",
              (r"(?i:Covenant on Economic, Social and Cultural Rights)", r"\bCESCR\b")),
    "CCPR": ("Human Rights Committee", (r"(?i:Covenant on Civil and Political Rights)", r"\bCCPR\b")),
}
_TITLED = {key: re.compile(re.escape(name), re.IGNORECASE) for key, (name, _) in _BODIES.items()}
_NAMED = {key: re.compile("|".join((f"(?i:{re.escape(name)})", *ways))) for key, (name, ways) in _BODIES.items()}


def named_bodies(text: str) -> dict[str, str]:
    """The treaty bodies a text names (by the committee, its treaty or an acronym), each with the
    words that name it."""
    return {key: m.group(0) for key, pattern in _NAMED.items() if (m := pattern.search(text))}


def _owners(title: str) -> list[str]:
    """The treaty bodies whose report the title says the document is."""
    return [key for key, pattern in _TITLED.items() if pattern.search(title)]


def _the(words: str) -> str:
    return words if words.isupper() else f"the {words}"


def check_treaty_body(question: str, evidence: Evidence) -> Mismatch | None:
    """A treaty body (or its treaty) the question names that neither the paragraph nor its
    document's title names, where the title is another treaty body's report and the question
    does not name that one."""
    owners = _owners(evidence.title)
    if not owners:
        return None
    asked = named_bodies(question)
    if not asked or any(key in asked for key in owners):
        return None
    for key, words in asked.items():
        if not (_NAMED[key].search(evidence.paragraph) or _NAMED[key].search(evidence.title)):
            return Mismatch(Constraint("organization", key, _the(words)), _the(_BODIES[owners[0]][0]))
    return None


def check_paired_treaty_body(question: str, evidence: Evidence) -> Mismatch | None:
    """A treaty body the question names that the paragraph does not, where the paragraph names
    another the question does not, which is not its report's own committee: "its first joint
    meeting with the Committee against Torture" for one with the Committee on the Rights of the
    Child (A/80/48, para. 51)."""
    asked = named_bodies(question)
    owners = _owners(evidence.title)
    told = named_bodies(evidence.paragraph)
    missing = [key for key in asked if key not in told and key not in owners]
    others = [key for key in told if key not in asked and key not in owners]
    if not missing or not others:
        return None
    return Mismatch(Constraint("organization", missing[0], _the(_BODIES[missing[0]][0])),
                    _the(_BODIES[others[0]][0]))
