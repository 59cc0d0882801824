"""A region the question asks about that the document's title gives to another region: "Who
co-chaired the 2025 Asia-Pacific Forum on Sustainable Development?" answered from the report of
the Regional Forum on Sustainable Development for the Economic Commission for Europe Region.
The five regional commissions' regions, by the names documents give them."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

_REGIONS = {
    "Africa": re.compile(r"(?<!South )(?<!South-)\bAfrica\b|(?<!South )(?<!Central )\bAfrican\b(?! Republic)|\bECA\b"),
    "Asia and the Pacific": re.compile(r"\bAsia[- ]Pacific\b|\bAsia and the Pacific\b|\bESCAP\b|\bAPFSD\b"),
    "the ECE region": re.compile(r"\bEconomic Commission for Europe\b|\bUNECE\b|\bECE\b"),
    "Latin America and the Caribbean": re.compile(r"\bLatin America\b|\bECLAC\b"),
    "the Arab region": re.compile(r"\bArab (?:region|States|Forum|countries)\b|\bESCWA\b|\bWestern Asia\b"),
}


def named_regions(text: str) -> set[str]:
    """The regional commissions' regions a text names ("Asia-Pacific", "ECE", "Latin America")."""
    return {region for region, pattern in _REGIONS.items() if pattern.search(text)}


def check_region(question: str, evidence: Evidence) -> Mismatch | None:
    """The one region the question names, where the document's title names one other region and
    not it: the document reports on that other region."""
    asked = named_regions(question)
    own = named_regions(evidence.title) if len(asked) == 1 else set()
    if len(own) != 1 or own == asked:
        return None
    region = next(iter(asked))
    return Mismatch(Constraint("region", region, region), next(iter(own)))
