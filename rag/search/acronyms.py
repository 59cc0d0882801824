"""Acronyms users type that official documents spell out: the question is searched with both.

UN documents rarely write "SDG" or "ECOSOC": they write "the Sustainable Development Goals" and
"the Economic and Social Council". A question that uses the acronym shares neither its words nor
much of its meaning (in the embedding) with the paragraph that answers it; searching with the
spelled-out name beside the acronym finds it. The question itself, as quoted and checked, is left
as asked."""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.textutil import ordinal_name

# The acronym (or the common name) as users type it -> what the documents write.
SPELLED_OUT = {
    "SDG": "Sustainable Development Goal", "SDGs": "Sustainable Development Goals",
    "ECOSOC": "Economic and Social Council", "UNGA": "General Assembly", "UNSC": "Security Council",
    "UNSG": "Secretary-General", "HRC": "Human Rights Council",
    "C-34": "Special Committee on Peacekeeping Operations", "C-24": "Special Committee on Decolonization",
    "LDC": "least developed country", "LDCs": "least developed countries",
    "LLDC": "landlocked developing country", "LLDCs": "landlocked developing countries",
    "SIDS": "small island developing States", "ODA": "official development assistance",
    "GBV": "gender-based violence", "IDP": "internally displaced person", "IDPs": "internally displaced persons",
    "CSO": "civil society organization", "CSOs": "civil society organizations",
    "NGO": "non-governmental organization", "NGOs": "non-governmental organizations",
    "PrEP": "pre-exposure prophylaxis",
    "GDP": "gross domestic product", "GNI": "gross national income", "FDI": "foreign direct investment",
    "FfD4": "Fourth International Conference on Financing for Development",
    "PAHO": "Pan American Health Organization", "PEPFAR": "President's Emergency Plan for AIDS Relief",
    "UNSDG": "United Nations Sustainable Development Group", "QCPR": "quadrennial comprehensive policy review",
    "HLPF": "high-level political forum", "SRSG": "Special Representative of the Secretary-General",
    "UNCT": "United Nations country team", "UNCTs": "United Nations country teams",
    "PBC": "Peacebuilding Commission", "PBF": "Peacebuilding Fund",
    "NEET": "not in employment, education or training",
    "DDR": "disarmament, demobilization and reintegration", "SSR": "security sector reform",
    "NCD": "non-communicable disease", "NCDs": "non-communicable diseases", "UHC": "universal health coverage",
    "FGM": "female genital mutilation", "CRSV": "conflict-related sexual violence",
    "IED": "improvised explosive device", "IEDs": "improvised explosive devices",
    "SALW": "small arms and light weapons",
    "MDGs": "Millennium Development Goals",
    "UNDC": "Disarmament Commission", "CTBT": "Comprehensive Nuclear-Test-Ban Treaty",
    "CTBTO": "Comprehensive Nuclear-Test-Ban Treaty Organization",
    "NPT": "Treaty on the Non-Proliferation of Nuclear Weapons",
    "CELAC": "Community of Latin American and Caribbean States", "ICJ": "International Court of Justice",
    "World Court": "International Court of Justice",
    "Earth Summit": "United Nations Conference on Environment and Development",
}
_ACRONYM = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(SPELLED_OUT, key=len, reverse=True))
                      + r")(?![\w-])")
# A numbered session of a treaty's Conference of the Parties as users type it: "COP30", "COP 29", "COP-16".
_NUMBERED_COP = re.compile(r"(?<![\w-])COP[\s-]?(\d{1,2})(?![\w-])")


def _spelled(m: re.Match[str]) -> str:
    """What the documents write for an acronym of SPELLED_OUT or a numbered "COP30" ("thirtieth
    session of the Conference of the Parties")."""
    if m.re is _ACRONYM:
        return SPELLED_OUT[m.group(1)]
    return f"{ordinal_name(int(m.group(1)))} session of the Conference of the Parties"


def _each_acronym(text: str, replace: Callable[[re.Match[str]], str]) -> str:
    """`text` with each acronym of SPELLED_OUT and each numbered "COP30" replaced by `replace`."""
    return _NUMBERED_COP.sub(replace, _ACRONYM.sub(replace, text))


def without_spelled_out(text: str, document: str) -> str:
    """`text` without the acronyms of SPELLED_OUT (and "World Court") and the numbered sessions of
    a Conference of the Parties ("COP30") whose spelled-out name the document writes: a name it
    writes in other words."""
    lowered = document.lower()
    return _each_acronym(text, lambda m: " " if _spelled(m).lower() in lowered else m.group(0))


def with_spelled_out(text: str) -> str:
    """`text` with what the documents write after each acronym of SPELLED_OUT it uses, in
    brackets ("SDG targets" -> "SDG (Sustainable Development Goal) targets"); `text` itself where
    it uses none or already spells the name out."""
    def spell(m: re.Match[str]) -> str:
        name = _spelled(m)
        return m.group(0) if name.lower() in text.lower() else f"{m.group(0)} ({name})"
    return _each_acronym(text, spell)


def as_written(text: str, paragraph: str) -> str:
    """`text` with each acronym of SPELLED_OUT and each numbered "COP30" that `paragraph` writes
    only spelled out put as the paragraph writes it: the question's words counted as the
    paragraph's ("Where will COP30 take place?" of "the thirtieth session of the Conference of the
    Parties ... to be held in Belém")."""
    lowered = paragraph.lower()

    def written(m: re.Match[str]) -> str:
        name = _spelled(m)
        return name if name.lower() in lowered and m.group(0) not in paragraph else m.group(0)
    return _each_acronym(text, written)
