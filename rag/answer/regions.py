"""A region the question asks about that the document's title gives to another region: "Who
co-chaired the 2025 Asia-Pacific Forum on Sustainable Development?" answered from the report of
the Regional Forum on Sustainable Development for the Economic Commission for Europe Region.
The five regional commissions' regions, by the names documents give them. And a world region the
question sets its fact in, answered with a worldwide figure from a document that never writes the
region ("What percentage of paid domestic workers in Europe are women?" answered "80 per cent of
paid domestic workers worldwide"). And a region the paragraph leaves for another region of the
regional commissions."""

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


def check_paragraph_region(question: str, evidence: Evidence) -> Mismatch | None:
    """The one region the question names, where the paragraph and its section name another region
    of the regional commissions and nothing of the asked one, not even a part of it ("South and
    East Asia" for Asia and the Pacific), and the document's title names neither: "How many SDG
    targets ... are on track in Africa?" of the stakeholders' compilation's paragraph on "the Asia
    and the Pacific SDG Progress Report 2025" is about Asia and the Pacific. Organizations named
    after a region ("the African Union") place nothing."""
    asked = named_regions(question)
    if len(asked) != 1:
        return None
    region = next(iter(asked))
    text = _REGIONAL_BODIES.sub(" ", f"{evidence.section}\n{evidence.paragraph}")
    told = named_regions(text)
    if not told or asked & told or (asked | told) & named_regions(evidence.title) or _PARTS[region].search(text):
        return None
    return Mismatch(Constraint("region", region, region), " and ".join(sorted(told)))


# Bodies named after a region, which say nothing of where a paragraph's fact is.
_REGIONAL_BODIES = re.compile(r"\b(?:African Union|African Development Bank|African Group|Asian Development Bank|"
                              r"Asian Infrastructure Investment Bank|Inter-American Development Bank|"
                              r"Caribbean Community|"
                              r"Pacific Islands Forum|League of Arab States|Arab League)\b")
# A part of each region, by the words a paragraph may write for it.
_PARTS = {
    "Africa": re.compile(r"\bAfrica|\bSahel", re.IGNORECASE),
    "Asia and the Pacific": re.compile(r"\bAsia|\bPacific|\bOceania", re.IGNORECASE),
    "the ECE region": re.compile(r"\bEurope|\bNorth America|\bCentral Asia|\bCaucasus|\bBalkans", re.IGNORECASE),
    "Latin America and the Caribbean": re.compile(r"\bLatin America|\bCaribbean|\bSouth America|\bCentral America",
                                                  re.IGNORECASE),
    "the Arab region": re.compile(r"\bArab|\bMiddle East|\bNorth Africa|\bWestern Asia|\bGulf\b", re.IGNORECASE),
}


# World regions as a question names them, and as a document writing about them does (the region
# or its adjective: "Europe", "European"). A country named after one ("South Africa") is no region.
_WORLD_REGIONS = (
    ("Europe", r"\bEurope\b", r"\bEurope(?:an|ans)?\b"),
    ("Africa", r"(?<!South )(?<!South-)\bAfrica\b", r"\bAfrica(?:n|ns)?\b"),
    ("Asia", r"\bAsia\b", r"\bAsian?s?\b"),
    ("Oceania", r"\bOceania\b", r"\bOceania\b"),
    ("Latin America", r"\bLatin America\b", r"\bLatin Americ(?:a|an|ans)\b"),
    ("the Caribbean", r"\bCaribbean\b", r"\bCaribbean\b"),
    ("the Americas", r"\bAmericas\b", r"\bAmerica(?:s|n|ns)?\b"),
    ("the Middle East", r"\bMiddle East\b", r"\bMiddle East(?:ern)?\b"),
    ("the Pacific", r"\bPacific\b", r"\bPacific\b"),
    ("the Arctic", r"\bArctic\b", r"\bArctic\b"),
)


# A paragraph stating its fact for the whole world.
_WORLDWIDE = re.compile(r"\b(?:worldwide|globally|world-wide|around the world|across the world)\b", re.IGNORECASE)


def check_unwritten_region(question: str, evidence: Evidence) -> Mismatch | None:
    """A world region the question names, where the paragraph states its fact worldwide and the
    document writes the region nowhere, neither its name nor its adjective: the figure asked is
    not the one given. (A region alone is often a paraphrase, "Which leader from Europe spoke?" of
    a report naming France's President: not judged without the worldwide fact.)"""
    if not _WORLDWIDE.search(evidence.paragraph):
        return None
    for region, asked, written in _WORLD_REGIONS:
        if re.search(asked, question) and not re.search(written, f"{evidence.title}\n{evidence.document}"):
            return Mismatch(Constraint("region", region, region), "", "is from a document that never names {label}")
    return None


# Parts of the continents a report's title may name for the office or mission reporting on them
# ("United Nations Office for West Africa and the Sahel").
_SUBREGIONS = {
    "West Africa": r"\bWest(?:ern)? Africa(?![\w-])", "Central Africa": r"\bCentral Africa(?![\w-])",
    "East Africa": r"(?<![-\w])East(?:ern)? Africa(?![\w-])", "North Africa": r"\bNorth(?:ern)? Africa(?![\w-])",
    "Southern Africa": r"\bSouthern Africa(?![\w-])", "the Sahel": r"\bSahel\b",
    "the Horn of Africa": r"\bHorn of Africa\b",
    "the Great Lakes region": r"\bGreat Lakes\b", "Central Asia": r"\bCentral Asia(?![\w-])",
    "South Asia": r"(?<![-\w])South Asia(?![\w-])", "South-East Asia": r"\bSouth-?East Asia(?![\w-])",
    "Central America": r"\bCentral America(?![\w-])",
}
_SUBREGION = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _SUBREGIONS.items()}
# Parts that lie in or across others, as the United Nations' offices divide them: the Sahel with
# West Africa (the Office for West Africa and the Sahel), the Great Lakes region across Central and
# East Africa.
_OVERLAPS = {"the Sahel": {"West Africa"}, "the Horn of Africa": {"East Africa"},
             "the Great Lakes region": {"Central Africa", "East Africa"}}
# Names of groups and offices that hold a part's name and place nothing: "Islamic State West Africa
# Province", "the Special Envoy for the Great Lakes Region", "the Alliance of Sahel States".
_NAMED_AFTER = re.compile(r"\b(?:Islamic State(?: in)? West Africa Province|"
                          r"Special Envoy (?:of the Secretary-General )?for the Great Lakes Region|"
                          r"(?:Alliance|Confederation) of (?:the )?Sahel States|"
                          r"G5 Sahel|Sahel Alliance)\b", re.IGNORECASE)


def named_subregions(text: str) -> set[str]:
    """The parts of the continents a text names ("West Africa", "the Sahel", "Central Asia"), not
    inside a group's or an office's name (_NAMED_AFTER)."""
    text = _NAMED_AFTER.sub(" ", text)
    return {name for name, pattern in _SUBREGION.items() if pattern.search(text)}


def _related(one: str, other: str) -> bool:
    return one == other or other in _OVERLAPS.get(one, ()) or one in _OVERLAPS.get(other, ())


def check_subregion(question: str, evidence: Evidence) -> Mismatch | None:
    """The one part of a continent the question names, where the document's title names others,
    none lying in or across it, and the paragraph and its section do not name it: "What share of
    Central Africa's population are young people?" of the report on the United Nations Office for
    West Africa and the Sahel."""
    asked = named_subregions(question)
    own = named_subregions(evidence.title) if len(asked) == 1 else set()
    if not own:
        return None
    region = next(iter(asked))
    if any(_related(region, o) for o in own) or region in named_subregions(f"{evidence.section}\n{evidence.paragraph}"):
        return None
    return Mismatch(Constraint("region", region, region), " and ".join(sorted(own)))


def check_paragraph_subregion(question: str, evidence: Evidence) -> Mismatch | None:
    """The one part of a continent the question names, where the paragraph and its section name
    others, none lying in or across it, and not it ("a master plan for the industrialization of
    Central Africa" for West Africa's), the document's title naming none (`check_subregion`); a
    part written with another ("West and Central Africa") is named."""
    asked = named_subregions(question)
    if len(asked) != 1 or named_subregions(evidence.title):
        return None
    region = next(iter(asked))
    text = f"{evidence.section}\n{evidence.paragraph}"
    told = named_subregions(text)
    side = region.split()[0]
    if not told or region in told or any(_related(region, t) for t in told) \
            or re.search(rf"\b{side}(?:ern)?\s+(?:and|or)\s+", text, re.IGNORECASE):
        return None
    return Mismatch(Constraint("region", region, region), " and ".join(sorted(told)))
