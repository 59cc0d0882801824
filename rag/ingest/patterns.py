"""The printed conventions of UN documents as regular expressions, for every loader and the
assembler: paragraph numbers, heading numbers, annex headings, sentence ends, page furniture
(running symbol, page numbers, job numbers) and footnote markers."""

from __future__ import annotations

import re

from rag.textutil import MONTH_NAMES, MONTH_PATTERN

# Paragraph numbers ---------------------------------------------------------------------------
# Up to four digits: a number above 999 (a year, "in 2003. The") only counts where it continues
# a chain from 999 (rag.ingest.numbering.MAX_OPENING).
# "12. " opening a printed line (PDF, laid-out text); a draft report's bracketed paragraph, left
# to be confirmed, opens "[15. ".
LINE_NUMBER = re.compile(r"^\[?(\d{1,4})\.(?:\s+|$)")
# The number a numbered line opens with, as taken off its text.
NUMBER_PREFIX = re.compile(r"^\[?(\d{1,4})\.\s*")
# A number typed by hand at the start of a Word or HTML paragraph.
TYPED_NUMBER = re.compile(r"^(\d{1,4})\.\s+\S")
# A candidate number inside flat text: start or whitespace, 1-4 digits, a dot, space, then
# something that can open a sentence ("47. Exploring"; not "in 2003. The").
INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,4})\.(?:\s+|(?=[A-Z]))(?=[\"“‘'(\[A-Z0-9])")
# The text before a clean inline number ends a sentence, possibly with a footnote marker.
SENTENCE_END_BEFORE = re.compile(r"(?:^|[.;:!?”\"’)\]]\d{0,3})\s*$")

# Headings ------------------------------------------------------------------------------------
# A heading number opening a line: "IV. ", "B. ", "3. ", "3.1. ".
HEADING_NUMBER = re.compile(r"^(?:[IVXL]{1,6}\.|[A-Z]\.|\d{1,2}(?:\.\d{1,2})*\.)\s+\S")
# A roman numeral of two letters or more (II to XXXIX) whose stop the document left out, before a
# capitalised word: "II Organization of work". A heading number only on a bold or larger line
# ("XL Airways", "LI Peng" and a body line "XXVIII Ibero-American Summit ..." are text).
_ROMAN = r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})"
ROMAN_WITHOUT_STOP = re.compile(rf"^{_ROMAN}(?=\s+[A-Z][a-z])\s+\S")
# A chapter headed by the word: "Chapter IV", "Chapter II Organizational and other matters".
CHAPTER_HEADING = re.compile(r"^(?:Chapter|CHAPTER)\s+[IVXL]+\b")
# A roman or letter heading number opening a line of laid-out text: "IV. ", "B. ".
LETTER_HEADING_START = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.\s+\S")
# A roman heading number opening a line: "IV. ".
ROMAN_HEADING_START = re.compile(r"^[IVXL]{1,6}\.\s+\S")
# A heading with its level: roman numeral (1), capital letter (2), number (3); a roman numeral
# without its stop (ROMAN_WITHOUT_STOP, read on a heading already told by its type) is a chapter's.
HEADING_LEVEL = re.compile(rf"^(?:(?:([IVXL]+)|([A-Z])|(\d{{1,2}}))\.|({_ROMAN})(?=\s+[A-Z][a-z]))\s+(\S.{{1,160}})$")
# "D. Title" run into the end of flat text, after a sentence end (and marker).
INLINE_HEADING = re.compile(
    r"(?:(?<=[.;:!?”\"’])|(?<=[.;:!?]\d)|(?<=[.;:!?]\d\d))\s+((?:[IVXL]+|[A-Z])\.\s+[A-Z][^.;:!?]{2,160})$")
# "D. Title" closing a run of masthead text.
CLOSING_HEADING = re.compile(r"(?:^|\s)((?:[IVXL]+|[A-Z])\.\s+[A-Z][^.;:!?]{2,160})$")
# A part of a report that restarts its numbering: "Part Two" (the report of a committee's second
# session in a volume covering three).
REPORT_PART = re.compile(r"^(?:Part|PART)\s+((?i:one|two|three|four|five|six)|I|II|III|IV|V|VI)$")
# "Annex", "Annex II", "Annexes", "Annex to the letter dated ...".
ANNEX = re.compile(r"^(?:Annex|ANNEX)(?:es|ES)?(?:\s+([IVXLC]{1,6}|\d{1,2}|[A-Z]))?(?:\s+to\s+the\s+.{0,200})?$")

# Embedded texts ------------------------------------------------------------------------------
# A heading that opens a text a report carries in its body: "Draft resolution", "DRAFT
# RESOLUTION II", "Draft decision A", "Decision 22/1", "Resolution 5/3", "Intersessional decision 2"
# (a decision taken between two meetings, by silence procedure).
_PART = (r"(?:(?:Draft|DRAFT)\s+(?:[Rr]esolution|[Dd]ecision|RESOLUTION|DECISION)|Resolution|RESOLUTION|Decision|DECISION"
         r"|(?:Intersessional|INTERSESSIONAL)\s+(?:decision|DECISION))"
         r"(?:\s+(?:[IVXL]{1,6}|[A-Z]|\d{1,3}(?:/\d{1,3})?|(?:19|20)\d\d/\d{1,3}))?")
PART_HEADING = re.compile(rf"^{_PART}$")
# The line closing such a text: "Adopted under agenda item 4 (b)", "Adopted at the 5th plenary meeting".
ADOPTED = re.compile(r"^Adopted\s+(?:under|at|by|on|without)\b")
# The same heading with the text's title run on after it in one block: "Decision 22/1 South-South
# cooperation".
PART_HEADING_TITLED = re.compile(rf"^{_PART}(?=\s+[“\"]?[A-Z][a-z])")
# The enacting words that open such a text: "The General Assembly,", "The Economic and Social
# Council:", "The High-level Committee, having considered ...".
ENACTING = re.compile(r"^The\s+[A-Z][\w\s-]{2,80}?[,:](?:\s|$)")
# The words that introduce such a text at the end of a report's paragraph: "... recommends to
# the General Assembly the adoption of the following draft resolution:".
PART_INTRO = re.compile(r"\bfollowing\s+(draft\s+)?(resolution|decision)(s?)\b[^.;:]{0,100}:\s*$", re.IGNORECASE)
# The sentence that introduces a subsidiary body's report printed in full with its own numbering:
# "The report of Working Group I reads as follows:" (not "Paragraph 12 of the report of the
# Advisory Committee reads as follows:", which quotes one paragraph).
REPORT_INTRO = re.compile(r"(?:^|[.;:]\s+|^\d{1,3}\.\s+)The\s+(report\s+of\s+(?:the\s+)?[A-Z][^.;:,]{0,80}?)"
                          r"\s+reads\s+as\s+follows:\s*$")

# Sentence ends -------------------------------------------------------------------------------
# A line ends a sentence or clause (PDF, Word and HTML lines).
LINE_END = re.compile(r"[.;:!?,]\W{0,2}$")
# Laid-out text: a block ends a sentence.
SENTENCE_END = re.compile(r"[.;:!?]\W{0,2}$")
# Flat text: a block ends a sentence, possibly with a glued footnote marker.
TERMINAL = re.compile(r"[.;:!?”\"’)]\d{0,3}$")

# Page furniture ------------------------------------------------------------------------------
_JOB = r"(?:/\s?\.\s?\.\s?\.\s+)?(?:GE\.)?\d{2}-\d{5}[A-Z]?(?:\s+\d{3,5}[a-z]?)?(?:\s*\([EFS]\))?(?:\s+\d{6}){0,2}" \
       r"(?:\s*/\s?\.\s?\.\s?\.)?"
_PAGE_NO = r"(?:\d{1,4}(?:\s*/\s*\d{1,4})?|[ivxlc]{1,6})"
# A footer line of laid-out text: "2/27 25-04516", "25-04516 3/27", "GE.25-01234 7", "*2504516*",
# "95-37106 (E) 011295 /..." (an older document's job number and continuation mark).
FOOTER = re.compile(rf"^(?:{_PAGE_NO}\s+{_JOB}|{_JOB}(?:\s+{_PAGE_NO})?|\*\d{{6,}}\*|{_PAGE_NO})$")
# A footer that can stand nowhere but at a page's foot: a job number with "page/pages" ("2/27
# 25-04516", "25-04516 3/27"): the page ends there even where the next does not open with the symbol.
PAGE_END_FOOTER = re.compile(rf"^(?:\d{{1,4}}\s*/\s*\d{{1,4}}\s+{_JOB}|{_JOB}\s+\d{{1,4}}\s*/\s*\d{{1,4}})$")
# A line in a PDF page's margin that is furniture: page number, job number, running symbol.
MARGIN_FURNITURE = re.compile(
    r"^(?:\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|(?:GE\.)?\d{2}-\d{5}\b.*"
    r"|(?![IVXL]{1,5}\.\s+[A-Z]|[A-H]\.\s+[A-Z][a-z])[A-Z]{1,6}[/.][\w./\-–\s]*\d[\w./\-–]*"
    r"|\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}.*)$")
# A line of flat text that is furniture: "2/10", job number, bare number, one-letter-organ symbol.
FLAT_FURNITURE = re.compile(
    r"^(?:\d{1,4}/\d{1,4}|\d{2}-\d{5}(?:\s*\(E\))?.*|GE\.\d{2}-\d{5}.*|\d{1,4}|[A-Z]/[\w./-]+)$")
# The lines under the running symbol at the top of a page of an older document: its language
# and page ("English", "Page 10").
HEADER_TAIL = re.compile(r"^(?:English|ENGLISH|Page\s+\d{1,4}|PAGE\s+\d{1,4})$")
# A line that is furniture wherever it stands: the "/..." continuation mark at the foot of an
# older document's page and the "-----" that ends its text, the digitization stamp of a scanned
# one (after that mark on the same line too: "/ ... Digitized by ..."), "Please recycle".
# The Official Records' note on symbols ("Symbols of United Nations documents are composed of
# letters combined with figures. Mention of such a symbol indicates a reference to a United
# Nations document."), whichever line it breaks at, is furniture too, and so is the imprint of
# their covers ("United Nations • New York, 2025").
# Its heading, "Note", goes with it (`notes_heading`).
_NOTE_OPENING = "Symbols of United Nations documents are composed of"
SYMBOLS_NOTE = re.compile(rf"^{_NOTE_OPENING}\b")
FURNITURE_LINE = re.compile(r"^(?:/\s?\.\s?\.\s?\.|-{3,}|[^\w]*Digitized by Dag Hammarskj[öo]ld Library|Please recycle\W*"
                            rf"|{_NOTE_OPENING}[\w\s.]*"
                            r"|[\w\s.]*\bsymbol indicates a reference to a United Nations document\."
                            r"|United Nations\s*•\s*New York,\s*(?:19|20)\d\d"
                            r"|ISSN\s+\d{4}-\d{3}[\dX]"  # a serial's ISSN, and the date of transmittal
                            rf"|\[\d{{1,2}}\s+{MONTH_PATTERN}\s+(?:19|20)\d\d\]"
                            r"|\[Original:\s*[A-Za-z]+(?:\s*[/,]\s*[A-Za-z]+)*\])$")  # an annex's "[Original: French]"


def notes_heading(line: str, next_line: str) -> bool:
    """Whether `line` is the heading "Note" of the Official Records' note on symbols."""
    return line.strip() == "Note" and bool(SYMBOLS_NOTE.match(next_line.strip()))
# A line of a document's cover masthead, above its text: "Distr.: General", "Original: English",
# "29 May 2025", "New York, 10–21 March 2025", "Fiftieth session", "Agenda item 13 (h)", "Item 2
# of the provisional agenda*", the organ, the symbol, the old "UNITED / NATIONS" logo text. A
# block of such lines matches as a whole (MASTHEAD_BLOCK).
_MONTH = MONTH_PATTERN
_DATE = rf"\d{{1,2}}(?:\s*(?:–|-|to|and)\s*\d{{1,2}})?\s+{_MONTH}(?:\s+(?:19|20)\d\d)?"
_PLACE = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
_DAYS = r"\d{1,2}(?:\s*[–-]\s*\d{1,2})?"
_MASTHEAD = (
    r"(?:Distr\.?(?::\s*[A-Za-z]+)?|DISTR\.?|GENERAL|LIMITED|RESTRICTED|General|Limited"
    r"|(?:Original|ORIGINAL):\s*[A-Za-z]+(?:\s*[/,]\s*[A-Za-z]+)*|ENGLISH|FRENCH|SPANISH|English"
    r"|UNITED|NATIONS(?:\s+[A-Z]{1,2})?|United Nations|[A-Z][a-z]+(?:-[a-z]+)? year"
    r"|General Assembly|Security Council|Economic and Social Council|GENERAL ASSEMBLY|SECURITY COUNCIL"
    r"|[A-Z][A-Z0-9.]*(?:/[\w.]+)+(?:-[A-Z][A-Z0-9.]*(?:/[\w.]+)+)*"
    rf"|\(?(?:{_PLACE},\s+)*{_DATE}(?:\s*(?:–|-|to)\s*{_DATE})?(?:\s+(?:19|20)\d\d)?(?:,\s+{_PLACE})?\)?"
    r"|(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{4})(?:\s+(?:regular|special|substantive|annual|resumed|organizational))?"
    r"\s+session(?:\s+\d{4})?"
    r"|(?:Provisional\s+)?(?:[Aa]genda\s+items?|Items?)\s+\d[\w\s(),.]*?(?:\s+of\s+the\s+(?:provisional|preliminary)"
    r"\s+(?:agenda|list))?\*?"
    r"|Note: The present document (?:was|has been) processed in its entirety by [^.]{1,60}\."
    rf"|ISSN\s+\d{{4}}-\d{{3}}[\dX]|\[{_DATE}\]"  # a serial's ISSN, a date of transmittal "[28 March 2025]"
    # a meeting's days over two spans: "New York, 14–18 and 21–23 July 2025", "20–24 and 29–31 January and
    # 11 February 2025"; a forum convened under an organ
    rf"|(?:{_PLACE},\s+)?{_DAYS}(?:\s*(?:,|and)\s*{_DAYS})+\s+{_MONTH}(?:\s+and\s+{_DATE})?(?:\s+(?:19|20)\d\d)?"
    r"|Convened under the auspices of the (?:Economic and Social Council|General Assembly))")
MASTHEAD_BLOCK = re.compile(rf"{_MASTHEAD}(?:\s+{_MASTHEAD})*")
# A line that is nothing but a job number: "25-04603 (E) 280325", "25-00745X (E) 200125", "*2500745*".
JOB_LINE = re.compile(rf"^(?:{_JOB}|\*\d{{6,}}\*)$")
PAGE_FRACTION = re.compile(r"\d{1,4}/\d{1,4}")
# A page number glued to the end of a page's flat text: "...levels.11 15".
TRAILING_PAGE = re.compile(r"(?<=[.;:!?”\"’)])(\d{0,3})\s+(\d{1,4})\s*$")
# Reading a printed page number out of a furniture line.
PAGE_OF_PAGES = re.compile(r"(?<![\d/.\-])(\d{1,4})\s*/\s*\d{1,4}(?![\d/])")
JOB_NUMBER = re.compile(r"(?:GE\.)?\d{2}-\d{5}\S*(?:\s*\(E\))?(?:\s+\d{6}){0,2}|\*\d{7}\*")
SYMBOL_LIKE = re.compile(r"[A-Z][A-Z0-9.]*(?:/[\w.]+)+")
# A table-of-contents line: "Introduction . . . . . 3", "Statement by the Executive Director……….16", "...
# under article 18 of the Convention..... 13" (a shorter leader where the entry fills the line).
LEADER = re.compile(r"(?:(?:\s?[.…]){6,}\s*(?:\d{1,4}|[ivxlc]{1,6})?|(?:\s?[.…]){4,}\s*\d{1,4})\s*$")
# The rule of underscores above a page's footnotes.
RULE = re.compile(r"^\s*_{5,}\s*$")

# Footnote markers ----------------------------------------------------------------------------
# A footnote body's number at the start of a footnote line.
NOTE_START = re.compile(r"^(\d{1,3})(?:\s+(?=\S)|$)")
# Typewritten notes (the one-size Courier reports of the 1990s): "2/" marks a note in the text
# ("... abstentions. 2/ The voting") and opens its body at the foot of the page.
TYPED_NOTE = re.compile(r"^(\d{1,3})/\s+\S")
TYPED_MARK = re.compile(r"(?<![\w/])(\d{1,3})/(?=\s|$)")
# Flat text: a marker glued to a word or to punctuation ("Australia.9", "practices.10").
# A unit of length, area or volume, whose raised 2 or 3 is an exponent ("8,959 km²").
UNIT = r"(?<![\w-])(?:[kcdm]?m|ft|mi)"
GLUED_MARKER = re.compile(r"(?<=[a-z)\]”’\".,;:])(\d{1,3})(?=[\s,;:.)]|$)")
NOT_GLUED_MARKER_AFTER = re.compile(
    r"(?:\b(?:Rev|Add|Corr|No|Nos|para|paras|art|arts|p|pp|Vol|vol|chap|sect|annex|Amend|Suppl|rule|item|op|cit)\.?"
    r"|[/\-]\w*|/\w*\.|\bL\.|" + UNIT + r")$")  # "A/C.4/50/L.7", "and L.12": a symbol's; "km2": an exponent
# Laid-out text: a marker after punctuation ("officials. 1", "Treaty,2") or after a word at the
# end of a line ("instability 1"); not "on 1 December", not "paragraph 1".
SPACED_MARKER = re.compile(r"(?<=[.,;:)\]”’\"])\s?(\d{1,3})(?=\s|$)|(?<=[A-Za-z]) (\d{1,3})\s*$")
NOT_SPACED_MARKER_AFTER = re.compile(
    r"\b(?:paras?|paragraphs?|art|arts|articles?|No|Nos|items?|annex|chapter|resolution|decision|rule|"
    r"section|part|page|Vol|vol|table|figure|box|goal|target|principle|step|phase|level|point|option)\.?$", re.IGNORECASE)

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

# Mastheads (rag.ingest.metadata) -------------------------------------------------------------
MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, start=1)}
# "7 March 2025", "5 October 1992", "5 OCTOBER 1992".
DOCUMENT_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
# One day or several: "1 April 2025", "10–21 March 2025", "12 May–13 June 2025", "28 and 29 April
# 2025", "14–18 and 21–23 July 2025", "25 July 2024–30 July 2025", "3 to 6 June".
_DAYS = r"\d{1,2}(?:\s*(?:[–-]|to)\s*\d{1,2})?"
_DATE_PART = rf"{_DAYS}(?:\s*(?:,|and)\s*{_DAYS})*\s+{_MONTH}(?:\s+\d{{4}})?"
_DATES = (rf"(?:\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\s*(?:[–-]|to)\s*)?{_DATE_PART}"
          rf"(?:\s*(?:,|and)\s*{_DATE_PART})*")
_LANGUAGE = r"(?:Arabic|Chinese|English|French|Russian|Spanish)"
_LANGUAGES = rf"{_LANGUAGE}(?:\s*(?:,|and|/)\s*{_LANGUAGE})*"
# The masthead's furniture around the organ and the subject: symbols, "United Nations" before
# them, "Distr.: General", "Original: English", "English and French only", the emblem's letter.
MASTHEAD_NOISE = re.compile(
    r"(?-i:(?<![\w/])[A-Z][A-Z0-9.]*/[\w./\-]*\d[\w./\-]*\*{0,3})|" + JOB_NUMBER.pattern +
    r"|(?-i:\bORIGINAL)\s*:|(?-i:\b(?:UNITED\s+NATIONS|ARABIC|CHINESE|ENGLISH|FRENCH|RUSSIAN|SPANISH)\b(?:\s+[ASE](?=\s))?)"
    r"|^\s*(?:United\s+Nations(?:\s+System)?\b(?:\s+[ASE](?=\s))?)"
    rf"|\bDistr\.?\s*:?\s*(?:General|Limited|Restricted)\b|\bOriginal\s*:\s*{_LANGUAGES}\b"
    rf"|\b{_LANGUAGES}\s+only\b|\bNote:\s+The\s+present\s+document\s+was\s+processed[^.]{{0,80}}\.", re.IGNORECASE)
_ORG = r"\s+(?:of\s+)?(?:the\s+)?"
# Organs a masthead names (the body of a document), with the name a body is stored under.
ORGANS = [(re.compile(p.replace(" ", r"\s+"), re.IGNORECASE), name) for p, name in (
    ("Human Rights Council", "Human Rights Council"),
    (("Executive Board of the United Nations Development Programme,? (?:the )?United Nations Population Fund "
      "and the United Nations Office for Project Services"),
     "Executive Board of UNDP, UNFPA and UNOPS"),
    ("Executive Board of the United Nations Entity for Gender Equality and the Empowerment of Women",
     "Executive Board of UN-Women"),
    ("Executive Board of the United Nations Children['’]s Fund", "Executive Board of UNICEF"),
    ("Executive Board of the World Food Programme", "Executive Board of WFP"),
    ("Chief Executives Board for Coordination", "Chief Executives Board for Coordination"),
    ("Trade and Development Board", "Trade and Development Board"),
    (r"(?:\w+ )?Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons",
     "Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons"),
    ("Security Council", "Security Council"), ("Economic and Social Council", "Economic and Social Council"),
    ("General Assembly", "General Assembly"))]
# The organs a subsidiary one is printed under, left out of the body when it is named.
PARENT_ORGANS = {"Human Rights Council": "General Assembly"}
# "General Assembly Official Records Eightieth Session Supplement No. 1" (a report's cover).
OFFICIAL_RECORDS = re.compile(
    r"(General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)\s+Official\s+Records\s+"
    r"((?:[A-Za-z]+-)?[A-Za-z]+\s+(?:Session|Year))(?:\s*,?\s*Supplement\s+No\.\s*\d+[A-Z]?(?:\s*\([^)]{1,20}\))?)?",
    re.IGNORECASE)
# A subsidiary organ or meeting named before the session or agenda item: "Commission on the
# Status of Women", "Third Meeting of States Parties to ...", "2025 United Nations Conference ...".
SUBSIDIARY = re.compile(
    r"(?:\w+\s+)?(?:United\s+Nations\s+)?(?:Special\s+|Permanent\s+|Statistical\s+|High-level\s+)?"
    r"(?:Commission|Committee|Board|Forum|Conference|Meeting|Working\s+Group|Expert\s+Mechanism|Council|"
    r"political\s+forum|Assembly)\b", re.IGNORECASE)
_ORDINAL = r"(?:[A-Za-z]+-)?[A-Za-z]+(?:st|nd|rd|th)"
# The session: "Eightieth session", "Resumed seventy-ninth session", "Annual session 2025",
# "First regular session 2025", "Substantive session of 2025", "2025 session", "80th session",
# the Security Council's "Eightieth year"; with the dates that follow it.
SESSION = re.compile(
    rf"(?:(?:Resumed|Special|Emergency)\s+)*(?:(?:{_ORDINAL}|\d{{1,3}}(?:st|nd|rd|th))\s+year(?![\w-])"
    rf"|(?:{_ORDINAL}|\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL}\s+regular"
    rf"|Annual|Substantive|Organizational|Regular|Resumed|Special|\d{{4}})"
    rf"(?:\s+(?:special|regular|emergency\s+special|resumed))?\s+session(?:\s+(?:of\s+)?\d{{4}})?(?![\w-]))"
    rf"(?:\s*,?\s*(?:{_DATES}))?", re.IGNORECASE)
_PLACE = r"(?:New\s+York|Geneva|Vienna|Nairobi|Rome|Bonn|Paris|Santiago|Bangkok|Beirut|Addis\s+Ababa|[A-Z][a-z]+)"
# Where and when a meeting is held: "New York, 10–21 March 2025", "Nice, France, 9–13 June
# 2025", "14–18 July 2025", "3 to 6 June, New York", "(New York, 28 April–2 May 2025)".
MEETING_PLACE = re.compile(
    rf"\(?(?:{_PLACE}\s*,\s*){{0,2}}{_DATES}(?:\s*,\s*{_PLACE})?\)?|{_PLACE}(?=\s+(?:Agenda|Item)\b)")
_ITEM = r"\d{1,3}(?:\s*\([a-z]{1,4}\))*"
# "Agenda item 80", "Agenda items 12 and 115", "Item 3 (c) of the provisional agenda*",
# "Provisional agenda item 4".
AGENDA_ITEM = re.compile(
    rf"(?:(?:Provisional\s+)?agenda\s+items?|items?)\s+{_ITEM}(?:\s*(?:,|and)\s*(?:{_ITEM}|\([a-z]{{1,4}}\)))*"
    rf"(?:\s+of\s+the\s+(?:revised\s+)?(?:provisional\s+|preliminary\s+|annotated\s+)*(?:list\s+of\s+items|agenda))?"
    rf"\*{{0,3}}", re.IGNORECASE)
# Where the text after a masthead's subject begins.
BODY_START = re.compile(
    r"\s(?:(?:Summary(?!\s+(?:of|by|on|for|and|record)\b)|Contents|Abstract|Introduction|Executive summary|I have the honour"
    r"|The Secretary-General has the honour|The present (?:report|note|document)|In (?:accordance|response) with"
    r"|Pursuant to|Prepared by)\b|(?:Chair|Rapporteur(?:-General)?):|[IVX]{1,5}\.(?:\s|$)|\*\s+[A-Z]"
    r"|The [A-Z][\w\s-]{0,80}? (?:has the honour|hereby transmits)"
    # a draft's opening: "The Economic and Social Council, Recalling ...", "The Human Rights Council, Guided by"
    r"|The (?:[A-Z][\w-]*\s+|(?:and|of|on|for|the)\s+){0,8}?(?:Assembly|Council|Conference|Commission|Committee"
    r"|Board|Parties),"
    r"\s+[A-Z][a-z]+(?:ing|ed)\b)")
# The end of a sentence inside what would be the subject (the text has begun), unless the
# word before the full stop is an abbreviation.
TITLE_SENTENCE_END = re.compile(r"(\b\w+)\.(?=\s+[A-Z])")
NOT_SENTENCE_END_AFTER = frozenset(["No", "Nos", "Mr", "Ms", "Mrs", "Dr", "St", "Rev", "Add", "Corr", "Vol",
                                    "para", "art", "Inc", "Ltd", "Sr", "Jr"])
# Bodies named by a symbol's prefix (the first that matches).
SYMBOL_BODIES = (
    ("A/HRC/", "Human Rights Council"), ("DP/", "Executive Board of UNDP, UNFPA and UNOPS"),
    ("UNW/", "Executive Board of UN-Women"), ("E/ICEF/", "Executive Board of UNICEF"),
    ("WFP/EB", "Executive Board of WFP"), ("TD/B/", "Trade and Development Board"),
    ("CEB/", "Chief Executives Board for Coordination"),
    ("TPNW/MSP/", "Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons"), ("JIU/", "Joint Inspection Unit"),
    ("A/", "General Assembly"), ("S/", "Security Council"), ("E/", "Economic and Social Council"))

# Tables --------------------------------------------------------------------------------------
# A table's caption: "Table 3. Distribution of audit conclusions ...", "Table 5: Corporate audits",
# or "Table 2" alone on its line over its title (not "Table 2 provides a breakdown ...", a
# sentence that mentions one).
TABLE_CAPTION = re.compile(r"^Table\s+(\d{1,3}|[IVXL]{1,6})(?:[.:]\s+\S|$)")
# The line of a cover that says who submitted a draft, reports for a body or prepared a report:
# "Draft resolution submitted by the Vice-President of the Council, ...", "Rapporteur: Ms. Eliza
# Grisle (Latvia)", "Rapporteur-General: Omar Hilale (Morocco)", "Prepared by Eileen A. Cronin ...".
CREDIT_LINE = re.compile(r"^(?:(?:Draft\s+(?:resolution|decision|report)|Working\s+paper|Proposal)s?\s+submitted\s+by\s"
                         r"|Rapporteur(?:-General)?:\s*[A-Z]|Prepared\s+by\s+[A-Z])")
# A recommendation printed in a box: its number alone on the box's first line ("Recommendation 10",
# `fullmatch`), or opening the box's text (`match`).
RECOMMENDATION_BOX = re.compile(r"Recommendation\s+(\d{1,3})\b")
# A letter of any alphabet: a block without one is a drawing's numbers or an ornament ("36% 14%", "* * *").
LETTER = re.compile(r"[^\W\d_]")
# The number a captioned table is cited by, its title after it or not.
TABLE_NUMBER = re.compile(r"^Table\s+(\d{1,3}|[IVXL]{1,6})\b")

# A figure's caption: "Figure II", "Figure 3. Audit ratings", "Chart 1 - ...", "Map 2 (a)".
FIGURE_CAPTION = re.compile(r"^(?:Figure|Chart|Map)\s+(?:\d{1,3}|[IVXL]{1,6})\b(?:[.:]|\s+[-–]\s|\s+\(?[A-Z]|\s+\([a-z]\)|\s*$)")
FIGURE_CAPTION_CHARS = 160  # a caption with its title is shorter; a longer line is text that opens with "Figure 2"

# A cover block whose columns a text conversion ran together ("Executive Board of the Distr.: General
# United Nations Development 24 March 2025 ... Item 3 of the provisional agenda Internal audit and
# investigations"): it holds the distribution mark or an agenda item as a masthead prints it.
COVER_MARK = re.compile(r"\bDistr\.?\s*:\s*(?:General|Limited|Restricted)\b|\bDistr\.:"
                        r"|(?-i:\b(?:Provisional\s+)?(?:Agenda\s+items?|Items?)\s+\d[\w\s(),.]*?"
                        r"\s+of\s+the\s+(?:provisional|preliminary)\s+(?:agenda|list)|(?:^|\s)Agenda\s+items?\s+\d)")
# The covers of a volume of the Official Records, outside and inside: "General Assembly Official
# Records Eightieth Session Supplement No. 38".
# A note citing a volume reads "Official Records of the General Assembly, ..., Supplement No. 3".
RECORDS_COVER = re.compile(r"(?-i:\bOfficial\s+Records\b)(?!\s+of\b).{0,60}?(?-i:\bSupplement\s+No\.)\s*\d", re.DOTALL)
