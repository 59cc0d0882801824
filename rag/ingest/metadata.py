"""What a document's masthead says about it: its title, date, issuing body and session.

A UN document's first page opens with a masthead before its first numbered paragraph: the
organ ("General Assembly", "Executive Board of the United Nations Entity for ..."), the symbol,
"Distr.: General", the date of issue, "Original: English", the session ("Eightieth session",
"Annual session 2025"), the agenda item, then the subject ("Report of the Secretary-General on
..."). Loaders differ in how they cut it into blocks (a PDF line per block, laid-out text a
run of lines, two printed columns sometimes interleaved), so the masthead is read as one
string: the furniture of the header is taken out (rag.ingest.patterns MASTHEAD_NOISE), the
organ, session and agenda item are matched at its start, and the title is what follows, up to
the summary, contents or first sentence of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.ingest.blocks import PageText, strip_markers
from rag.ingest.joining import clean_text
from rag.ingest.patterns import (AGENDA_ITEM, BODY_START, DOCUMENT_DATE, MASTHEAD_NOISE, MEETING_PLACE, MONTHS,
                                 NOT_SENTENCE_END_AFTER, OFFICIAL_RECORDS, ORGANS, PARENT_ORGANS, SESSION,
                                 SUBSIDIARY, SYMBOL_BODIES, TITLE_SENTENCE_END)

MASTHEAD_CHARS = 2500  # the masthead is read from at most this much of the first page's text
TITLE_CHARS = 400  # a longer subject is cut at a word boundary
SHORT_FIRST_PAGE = 300  # a first page with less text than this is read on into the second
# Between two parts of the header: spaces, punctuation, stray one- or two-character tokens ("I'",
# "!", "A", the "E / 2 5" of a damaged symbol), but not a day opening a date ("7 March 2025",
# "14-18 July") nor a word of the header ("of", "and").
_JUNK = re.compile(r"\s*(?:[^\w\s(]+|\b\w{1,2}\b(?![\w–-])(?!\s*[–-])(?!\s+(?:session|of|and|[A-Z][a-z]+\s+\d{4})))?\s*")
# What opens a subject, so a subsidiary body's name cannot run into it.
_SUBJECT = re.compile(r"\b(?:Report of|Note by|Letter dated|Letter of|Draft|[Dd]ecision of)\b")
# A subject that opens a document's title after the body's name (not "decision of", which a
# title may open with the body's name: "Special Committee decision of 20 June 2024 ...").
_SUBJECT_OPENING = re.compile(r"Report of|Note by|Letter dated|Letter of|Draft")
_TITLE_CASE_NAME = re.compile(r"[A-Z][\w’'-]*(?:,?\s+(?:[A-Z][\w’'-]*|of|on|the|with|regard|to|and|for|in|against))+")


@dataclass
class Metadata:
    """What the masthead says; empty strings where it says nothing recognisable."""

    title: str = ""
    date: str = ""  # ISO YYYY-MM-DD (YYYY where only a cover's imprint dates it)
    body: str = ""
    session: str = ""
    venue: str = ""  # the header's meeting place and dates


def masthead_text(pages: list[PageText]) -> str:
    """The first page's text before its first numbered paragraph, in the loader's order, one
    space between blocks (footnotes left out); the second page's too where the first holds
    only a line or two (a cover, or a masthead the loader split off). Where the loader kept
    the masthead apart (PageText.masthead: flat text), that text."""
    if pages and pages[0].masthead is not None:
        return " ".join(strip_markers(pages[0].masthead).split())[:MASTHEAD_CHARS]
    parts: list[str] = []
    for page in pages[:2]:
        if parts and sum(len(p) for p in parts) >= SHORT_FIRST_PAGE:
            break
        for block in page.blocks:
            text = " ".join(strip_markers(block.text).split())
            if block.kind == "footnote" or not text:
                continue
            if block.number is not None or re.match(r"^1\.\s", text):
                return " ".join(parts)[:MASTHEAD_CHARS]
            parts.append(text)
            if sum(len(p) for p in parts) > MASTHEAD_CHARS:
                break
    return " ".join(parts)[:MASTHEAD_CHARS]


_DISTRIBUTION = re.compile(r"\bDistr\.?\s*:")
OVERPRINT_CHARS = 40  # from a second "Distr.:" to its date of issue ("Distr.: Limited 9 June 2025")


def _issue_dates(masthead: str) -> list[re.Match[str]]:
    """The first full date ("7 March 2025") that is not one end of a range ("17-19 June 2025",
    "25 July 2024-30 July 2025") nor part of the subject ("Letter dated 9 May 2025"); the first
    two where the masthead prints its distribution twice (a draft printed over the masthead of
    the document it was made from: "Distr.: General 6 February 2025 ... Distr.: Limited 9 June
    2025")."""
    distributions = [m.end() for m in _DISTRIBUTION.finditer(masthead)]
    found: list[re.Match[str]] = []
    for m in DOCUMENT_DATE.finditer(masthead):
        before, after = masthead[:m.start()].rstrip(), masthead[m.end():].lstrip()
        if before.endswith(("-", "–", "and", "to", "dated")) or after.startswith(("-", "–")):
            continue
        if not 1 <= int(m.group(1)) <= 31 or not 1945 <= int(m.group(3)) <= 2100:
            continue
        if found:  # the second masthead's date, just after its "Distr.: Limited"
            if len(distributions) >= 2 and 0 <= m.start() - distributions[1] <= OVERPRINT_CHARS:
                found.append(m)
            break
        found.append(m)
        if len(distributions) < 2:
            break
    return found


def document_date(masthead: str) -> str:
    """The date of issue as ISO YYYY-MM-DD (the later of two printed over each other); "" if the
    masthead prints none."""
    return max((_iso(m) for m in _issue_dates(masthead)), default="")


def _iso(m: re.Match[str]) -> str:
    """A day, month name and year matched as groups 1-3, as ISO YYYY-MM-DD."""
    return f"{int(m.group(3)):04d}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


def symbol_body(symbol: str) -> str:
    """The body a symbol's prefix names (A/HRC/ -> Human Rights Council, S/ -> Security
    Council); "" for a prefix not listed."""
    upper = symbol.upper()
    for prefix, body in SYMBOL_BODIES:
        if upper.startswith(prefix):
            return body
    return ""


@dataclass
class _Header:
    """The masthead's header read from its start: the organs it names, the subsidiary bodies
    printed under them, its session, and where the subject begins."""

    organs: list[str]
    session: str
    end: int
    venue: str = ""
    subsidiaries: list[str] = field(default_factory=list)


def _header(text: str) -> _Header:
    """Organs, subsidiary bodies, session, meeting place and dates, agenda item, one after the
    other (a few stray characters between them are skipped), from the start of `text`."""
    organs: list[str] = []
    subsidiaries: list[str] = []
    session = venue = ""
    at = 0
    while True:
        start = _skip_junk(text, at)
        m, name = next(((m, name) for organ, name in ORGANS if (m := organ.match(text, start))), (None, ""))
        if m:
            organs.append(name)
            session = session or _numbered_meeting(m.group(0))
        elif m := SESSION.match(text, start):
            session = session or " ".join(m.group(0).split())
        elif not (m := AGENDA_ITEM.match(text, start)) and (m := MEETING_PLACE.match(text, start)):
            venue = venue or " ".join(m.group(0).strip("()").split())
        end = m.end() if m else _subsidiary_end(text, start)
        if end is None or end <= at:
            return _Header(organs, session, at, venue, subsidiaries)
        if not m and (name := _subsidiary_name(text[start:end])):
            # "Economic and Social Council forum on financing for development follow-up": the
            # organ's name, matched first, opens the subsidiary's
            subsidiaries.append(f"{organs[-1]} {name}" if name[0].islower() and organs else name)
        at = end


def _numbered_meeting(organ: str) -> str:
    """The meeting an organ's printed name numbers, which is the document's session: "Third
    Meeting of States Parties to the Treaty ..." -> "Third Meeting"; "" for an unnumbered name."""
    m = re.match(r"((?:[a-z]+-)?[a-z]+|\d{1,3}(?:st|nd|rd|th))\s+Meeting\b", organ, re.IGNORECASE)
    return f"{m.group(1).capitalize()} Meeting" if m and session_number(m.group(1)) else ""


# What may precede or follow a subsidiary body's name in the header without being part of it:
# the language line of a translation ("English" above "Original: French"), the words after the
# name ("Convened under the auspices of the Economic and Social Council") and a conference's
# theme after its colon ("... Sustainable Development Goal 14: Conserve and sustainably use ...").
_LANGUAGE = re.compile(r"^(?:English|French|Spanish|Arabic|Chinese|Russian)\s+")
_NAME_END = re.compile(r"\s+Convened\b|:|\s+[-–]\s+")


def _subsidiary_name(text: str) -> str:
    """The name of a subsidiary body or meeting as the header prints it, without what surrounds it."""
    name = _LANGUAGE.sub("", " ".join(text.split()).strip(" ,;*"))
    return name[:m.start()] if (m := _NAME_END.search(name)) else name


def _subsidiary_end(text: str, start: int) -> int | None:
    """Where a subsidiary body's name opening at `start` ends: where a session, meeting place
    or agenda item follows within 250 characters."""
    if not SUBSIDIARY.match(text, start):
        return None
    window = text[start:start + 250]
    ends = [m.start() for p in (SESSION, MEETING_PLACE, AGENDA_ITEM) if (m := p.search(window, 1))]
    subject = _SUBJECT.search(window, 0, min(ends) if ends else len(window))
    if subject is None:
        return start + min(ends) if ends else None
    # a body's name in title case right before the subject ends there ("Special Committee on the
    # Situation with regard to ... Peoples" over "Draft resolution submitted by the Chair")
    named = _TITLE_CASE_NAME.fullmatch(window[:subject.start()].strip())
    return start + subject.start() if named and _SUBJECT_OPENING.match(window, subject.start()) else None


def _skip_junk(text: str, at: int) -> int:
    """Past the junk (_JUNK) at `at`."""
    while (m := _JUNK.match(text, at)) is not None and m.end() > at:
        at = m.end()
    return at


def printed_body(masthead: str) -> str:
    """The organ(s) the masthead's header names ("General Assembly; Security Council" for a
    joint document), a subsidiary organ rather than the parent it is printed under ("Human
    Rights Council", not "General Assembly"); or those of a report's Official Records cover;
    then the subsidiary body or meeting printed under them ("Economic and Social Council;
    Commission on the Status of Women"; a conference's name alone); "" if none."""
    record = OFFICIAL_RECORDS.search(masthead)
    header = _header(_denoised(masthead))
    organs = list(dict.fromkeys(header.organs))
    if not organs and record:
        organs = [name for organ, name in ORGANS if organ.fullmatch(" ".join(record.group(1).split()))]
    organs = [o for o in organs if o not in {PARENT_ORGANS.get(x) for x in organs}]
    return "; ".join(dict.fromkeys(organs + header.subsidiaries))


def document_session(masthead: str) -> str:
    """The session as the header prints it ("Eightieth session", "Annual session 2025",
    "2025 session"), capitalised, without its dates; "" if none."""
    session = _header(_denoised(masthead)).session
    record = OFFICIAL_RECORDS.search(masthead)
    if not session and record:
        session = record.group(2).lower()
    m = re.match(r".*?session(?:\s+(?:of\s+)?\d{4})?", session, re.IGNORECASE)
    text = m.group(0) if m else session if session.lower().endswith(" meeting") else ""
    return text[:1].upper() + text[1:]


def session_number(session: str) -> int | None:
    """The ordinal of a numbered session ("Fifty-ninth session" -> 59, "80th session" -> 80);
    None for a session named by its year or kind."""
    m = re.search(r"\b(\d{1,3})(?:st|nd|rd|th)\b", session)
    if m:
        return int(m.group(1))
    for word in re.findall(r"[a-z]+(?:-[a-z]+)?", session.lower()):
        tens, _, unit = word.partition("-")
        if unit and tens in _TENS and unit in _ORDINALS and _ORDINALS[unit] < 10:
            return _TENS[tens] + _ORDINALS[unit]
        if not unit and (word in _ORDINALS or word in _TENS_ORDINAL):
            return _ORDINALS.get(word) or _TENS_ORDINAL[word]
    return None


def document_title(masthead: str) -> str:
    """The subject: what follows the header (organ, session, agenda item), up to the summary,
    contents or the first sentence of the text; "" if nothing is left."""
    text = _denoised(masthead)
    title = " " + text[_header(text).end:].strip(" ,;:*")
    stop = BODY_START.search(title)
    if stop:
        title = title[:stop.start()]
    for m in TITLE_SENTENCE_END.finditer(title):
        if m.group(1) not in NOT_SENTENCE_END_AFTER:
            title = title[:m.end()]
            break
    title = title.strip(" ,;:*")
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0]
    return title if re.search(r"[A-Za-z]{3}", title) else ""


def read_metadata(pages: list[PageText], symbol: str) -> Metadata:
    """Title, date, body, session and venue of a document from its first page (the date from a
    bracketed line of its front matter where the masthead prints none); the body from the
    symbol's prefix where the masthead names none."""
    masthead = masthead_text(pages)
    return Metadata(title=document_title(masthead),
                    date=document_date(masthead) or bracketed_date(pages) or imprint_year(pages),
                    body=printed_body(masthead) or symbol_body(symbol), session=document_session(masthead),
                    venue=_header(_denoised(masthead)).venue)


FRONT_PAGES = 8  # pages of front matter (cover, contents, transmittal) read for a bracketed date
_BRACKETED_DATE = re.compile(r"\[\s*(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\s*\]", re.IGNORECASE)


def bracketed_date(pages: list[PageText]) -> str:
    """The date a report of the Official Records prints alone in brackets under its letter of
    transmittal or foreword ("[25 June 2025]"), as ISO YYYY-MM-DD; "" if its front matter holds
    none."""
    for page in pages[:FRONT_PAGES]:
        for block in page.blocks:
            m = _BRACKETED_DATE.fullmatch(" ".join(strip_markers(block.text).split()))
            if m and 1 <= int(m.group(1)) <= 31:
                return _iso(m)
    return ""


# A publication's imprint on its cover: "United Nations • New York, 2025", "Geneva, 2024".
_IMPRINT = re.compile(r"(?:United Nations\W{0,3})?(?:New York|Geneva|Vienna|Nairobi)\s*,\s*((?:19|20)\d\d)")


def imprint_year(pages: list[PageText]) -> str:
    """The year of a cover's imprint line ("United Nations • New York, 2025"), the year of issue
    of a report that prints no date; "" if its front matter holds none."""
    for page in pages[:FRONT_PAGES]:
        for block in page.blocks:
            m = _IMPRINT.fullmatch(" ".join(strip_markers(block.text).split()))
            if m:
                return m.group(1)
    return ""


def _denoised(masthead: str) -> str:
    """The masthead without its header furniture (symbols, "Distr.: General", the date of
    issue, "Original: English", the emblem's letter), whitespace collapsed."""
    for issued in reversed(_issue_dates(masthead)):
        masthead = masthead[:issued.start()] + " " + masthead[issued.end():]
    masthead = OFFICIAL_RECORDS.sub(" ", masthead)
    for _ in range(2):  # "United Nations" opens the masthead once the symbol before it is gone
        masthead = " ".join(MASTHEAD_NOISE.sub(" ", masthead).split())
    return clean_text(_SCAN_SPECKS.sub(" ", masthead))


# Specks a scanned page's text layer reads as characters standing alone ("possible ! ] i
# requirements" in A/47/466): a bracket, bar or mark, or a lower-case letter other than "a".
_SCAN_SPECKS = re.compile(r"(?<!\S)(?:[!|\[\]{}`^~¦]|[b-z])(?!\S)")


_ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"],
    start=1)}
_TENS = {w: 10 * i for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
_TENS_ORDINAL = {w: 10 * i for i, w in enumerate(
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"], start=2)}
