"""Near misses by a sibling of a closed set: the question asks about lithium, onshore wind,
methane or the Pacific, and the best paragraph gives its figure for silicon, solar power, carbon
dioxide or the Caribbean, never naming the asked one. Each set holds things reports set side
by side (energy sources, greenhouse gases, minerals, seas, a committee's draft resolutions and
draft decisions, the richest and the poorest, the major groups at the high-level political
forum, the morning and the afternoon, general, special and roster consultative status, the
least developed, landlocked developing and small island developing States, the low-, middle- and
high-income countries), so a
paragraph naming one member and not the asked one tells of the other, however close its words. A
paragraph naming no member is not checked: it may speak of the asked thing in other words."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# The major groups of Agenda 21: the name an answer gives, and the words texts name each by, as
# "the women's major group" or "the Major Group for Children and Youth".
_MAJOR_GROUPS = {
    "the women's major group": r"women(?:['’]s)?",
    "the children and youth major group": r"children\s+and\s+youth",
    "the Indigenous Peoples major group": r"indigenous\s+peoples(?:['’]s?)?",
    "the non-governmental organizations major group": r"(?:non-governmental\s+organizations?|NGOs?)",
    "the local authorities major group": r"local\s+authorities",
    "the workers and trade unions major group": r"workers\s+and\s+trade\s+unions",
    "the business and industry major group": r"business\s+and\s+industry",
    "the scientific and technological community major group": r"scientific\s+and\s+technological\s+communit(?:y|ies)",
    "the farmers major group": r"farmers(?:['’])?",
}
_CONSULTATIVE = r"consultative\s+"  # "special consultative status" ("roster status" goes without it)
# An income group's ending, hyphened or before the grouped ("low income countries"), not an amount
# ("low income inequality").
_INCOME = r"(?:-income|\s+income(?=\s+(?:countr|econom|nation|setting|group|level)))"
# A word left hanging before a list's shared ending: "low-, middle- and high-income", "low- to middle-income".
_SUSPENDED = r"\s*(?:,|and\b|or\b|to\b)[^.;]{0,40}?-income"
# Each set's members: the name an answer gives, and how texts write it.
_SETS: dict[str, dict[str, str]] = {
    "energy source": {
        "solar power": r"solar|photovoltaics?",
        "wind power": r"wind(?:\s+(?:power|energy|farms?|turbines?))?(?!\s+(?:down|up|speeds?)\b)",
        "hydropower": r"hydro(?:power|electric|electricity)",
        "geothermal energy": r"geothermal",
        "nuclear power": r"nuclear\s+(?:power|energy|plants?|reactors?)",
        "coal": r"coal",
        "bioenergy": r"bio(?:energy|mass|fuels?)",
    },
    "greenhouse gas": {
        "carbon dioxide": r"carbon\s+dioxide|CO2|CO₂",
        "methane": r"methane",
        "nitrous oxide": r"nitrous\s+oxide",
        "hydrofluorocarbons": r"hydrofluorocarbons?|HFCs?",
    },
    "mineral": {
        "lithium": r"lithium", "cobalt": r"cobalt", "nickel": r"nickel", "copper": r"copper",
        "silicon": r"(?:poly)?silicon", "graphite": r"graphite", "manganese": r"manganese",
        "rare earths": r"rare[\s-]earths?(?:\s+elements?)?", "zinc": r"zinc", "bauxite": r"bauxite",
        "uranium": r"uranium", "platinum": r"platinum",
    },
    "draft text": {"a draft resolution": r"draft\s+resolutions?", "a draft decision": r"draft\s+decisions?"},
    # the ends of the income scale a report sets side by side ("the poorest 50 per cent ... the
    # richest 10 per cent")
    "income group": {
        "the richest": r"richest|wealthiest|top\s+(?:\d{1,2}|one|ten|twenty)\s+per\s*cent|top\s+(?:decile|quintile)",
        "the poorest": r"poorest|bottom\s+(?:\d{1,2}|half|forty|fifty)(?:\s+per\s*cent)?|bottom\s+(?:decile|quintile)",
    },
    # the major groups of Agenda 21, each speaking for itself at the high-level political forum
    "major group": {name: rf"{words}\s+major\s+group|major\s+group\s+(?:for|of)\s+(?:the\s+)?{words}"
                    for name, words in _MAJOR_GROUPS.items()},
    # the parts of a day meetings are set in ("morning meetings should begin at 10 a.m."; not "the
    # attacks ... continued into the afternoon")
    "part of the day": {f"the {part}": rf"{part}s?(?=(?:\s+and\s+(?:morning|afternoon|evening)s?)?\s+(?:meetings?|"
                                          rf"sessions?|sittings?|plenar(?:y|ies)))|{part}(?=\s+of\s+\d)|"
                                          rf"(?<=[a-z], ){part}(?=\s+[A-Z(])"
                        for part in ("morning", "afternoon", "evening")},
    # the categories of consultative status with the Economic and Social Council, as a
    # committee's list of quadrennial reports heads each organization's entry ("Afrique
    # Espérance Special, 2020") or as texts write them
    "consultative status": {name: rf"{kind}\s+{between}status|"
                            rf"(?-i:{kind.capitalize()}),\s+(?:19|20)\d\d(?=\s+Introduction\b)"
                            for name, kind, between in (("general consultative status", "general", _CONSULTATIVE),
                                                        ("special consultative status", "special", _CONSULTATIVE),
                                                        ("roster status", "roster", f"(?:{_CONSULTATIVE})?"))},
    # the groups of countries the United Nations sets apart, each with its own category and
    # graduation ("graduated from the category of least developed countries" is no word on small
    # island developing States)
    "group of countries": {
        "least developed countries": r"least\s+developed\s+countr(?:y|ies)|LDCs?",
        "landlocked developing countries": r"land-?locked\s+(?:developing\s+)?countr(?:y|ies)|LLDCs?",
        "small island developing States": r"small\s+island\s+developing\s+States?|SIDS\d?",
    },
    # the World Bank's income groups of countries, which reports give figures for side by side
    # ("low- and middle-income countries" names the low and the middle, "low-, middle- and
    # high-income" all three, "lower-middle-income" the middle too)
    "country income group": {
        "low-income countries": rf"low{_INCOME}|low-(?={_SUSPENDED})"
                                rf"|low\s+(?:and|or|to)\s+(?:lower-)?middle{_INCOME}",
        "lower-middle-income countries": rf"lower[\s-]middle{_INCOME}|lower-middle-(?={_SUSPENDED})",
        "upper-middle-income countries": rf"upper[\s-]middle{_INCOME}|upper-middle-(?={_SUSPENDED})",
        "middle-income countries": rf"(?:(?:lower|upper)[\s-])?middle{_INCOME}|middle-(?={_SUSPENDED})",
        "high-income countries": rf"high{_INCOME}|high-(?={_SUSPENDED})",
    },
    "sea": {
        # not a body named after the sea: "Pacific Islands Forum", "North Atlantic Treaty Organization"
        "the Pacific": r"Pacific(?!\s+Islands\s+Forum)", "the Caribbean": r"Caribbean",
        "the Atlantic": r"Atlantic(?!\s+Treaty)", "the Mediterranean": r"Mediterranean",
        "the Indian Ocean": r"Indian\s+Ocean(?!\s+Rim)", "the Arctic": r"Arctic(?!\s+Council)",
        "the Antarctic": r"Antarctic|Antarctica", "the Baltic": r"Baltic",
    },
}
# A member may open a compound ("lithium-ion", "coal-fired"), not close one ("Asia-Pacific").
_PATTERNS = {kind: {name: re.compile(rf"(?<![\w-])(?:{p})(?!\w)", re.IGNORECASE if kind != "sea" else 0)
                    for name, p in members.items()} for kind, members in _SETS.items()}


def _named(text: str) -> dict[str, set[str]]:
    """The members of each set a text names."""
    found = {kind: {name for name, p in members.items() if p.search(text)} for kind, members in _PATTERNS.items()}
    return {kind: names for kind, names in found.items() if names}


def named_alternatives(question: str) -> bool:
    """Whether the question names a member of any set."""
    return bool(_named(question))


def alternatives(text: str) -> list[tuple[str, str]]:
    """(member, set) pairs of the members a text names: [("silicon", "mineral")]."""
    return [(name, kind) for kind, names in _named(text).items() for name in names]


def check_alternative(question: str, evidence: Evidence) -> Mismatch | None:
    """A member of a set the question names where the paragraph names another member of that set
    and none the question names: "What share of the global supply of lithium ...?" of "35 per cent
    of the global supply of silicon for the solar industry" is about silicon, not lithium."""
    given = _named(evidence.paragraph)
    for kind, asked in _named(question).items():
        others = given.get(kind, set())
        if others and not others & asked:
            label = " or ".join(sorted(asked))
            return Mismatch(Constraint("alternative", label, label), " and ".join(sorted(others)))
    return None
