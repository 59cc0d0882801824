"""Headings: which lines are headings, and the section path they build."""

from __future__ import annotations

import re

from rag.ingest.blocks import Block, strip_markers
from rag.ingest.joining import SUSPENDED_RE, clean_text
from rag.ingest.patterns import (
    CHAPTER_HEADING,
    HEADING_LEVEL,
    HEADING_NUMBER,
    LINE_END,
    ROMAN_HEADING_START,
    ROMAN_WITHOUT_STOP,
)

LARGER = 0.9  # points above the body size that make a line's type larger
MAX_HEADING = 180  # characters


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence (or a clause: a comma, a colon), not with an abbreviation
    that runs on ("the cases Armenia v." before the italic "Azerbaijan ...", A/80/1, para. 100)."""
    line = strip_markers(text).rstrip()
    return bool(LINE_END.search(line)) and not _RUNS_ON.search(line) or _PLACEHOLDER.fullmatch(line) is not None


# An editor's placeholder standing for a paragraph's text: "[To be completed]", "18. [To be completed]".
_PLACEHOLDER = re.compile(r"(?:\d{1,4}\.\s+)?\[[^\[\]]{1,60}\]")


# Abbreviations after which the sentence goes on ("Supplement No." but not "The answer is No.").
_RUNS_ON = re.compile(r"(?<![\w.])(?:v|vs|Mr|Ms|Mrs|Messrs|Dr|para|paras|pp|cf)\.$|\b[A-Z][a-z]+\s+Nos?\.$")


def larger(ln: Block, body_size: float) -> bool:
    """Set in larger type than the document's body text."""
    return bool(body_size and ln.size > body_size + LARGER)


def heading_like(ln: Block, body_size: float) -> bool:
    """A line that may be a heading: a heading by the loader (at most MAX_HEADING characters when
    it has type facts; flat text's loader measures its own), or short text that does not end a
    sentence and is bold, larger, italic or numbered like a heading (a numbered heading in bold or
    larger type may end with the comma where it wraps)."""
    text = strip_markers(ln.text).strip()
    if not text or ln.text_only or len(text) > MAX_HEADING and (ln.size or ln.bold):
        return False
    if ln.kind == "heading":
        return True
    styled = ln.bold or larger(ln, body_size)
    if len(text) > MAX_HEADING or _goes_on(text, styled) or text[0].islower() \
            or text.startswith(("(", "•", "-", "–")):
        return False
    words = len(text.split())
    if styled:
        return words <= 24
    if ln.italic:  # in smaller type than the body it is a table's column heads or a note, not a heading
        return words <= 14 and not (body_size and ln.size and ln.size < body_size - LARGER)
    return bool(HEADING_NUMBER.match(text)) and words <= 14


def capitals(text: str, least: int = 4) -> bool:
    """Text whose letters are all capitals, at least `least` of them."""
    letters = [c for c in strip_markers(text) if c.isalpha()]
    return len(letters) >= least and all(c.isupper() for c in letters)


def capital_heading(ln: Block) -> bool:
    """A roman heading number and capitals ("II. CONSIDERATION OF PROPOSALS"): the heading of a
    typewritten document, set in its one type. A letter is left out: "A. UNICEF" lists."""
    text = strip_markers(ln.text).strip()
    m = ROMAN_HEADING_START.match(text)
    return bool(m) and capitals(text[m.end() - 1:]) and len(text) <= MAX_HEADING


def _goes_on(text: str, styled: bool) -> bool:
    """The line's sentence ends there or goes on past it: a sentence end, or a word broken at the
    line's end. In bold or larger type a heading may wrap after a broken word or a comma (not a
    list after its colon: "In favour: Andorra, Armenia,")."""
    if text.endswith("\ufffe"):
        return not styled
    wraps = text.endswith(",") and styled and (bool(HEADING_NUMBER.match(text)) or ":" not in text)
    return ends_sentence(text) and not wraps


def numbered_heading(ln: Block, body_size: float) -> bool:
    """A line opening with a heading number ("IV. ", "B. ", "3. "), or, bold or larger, with a
    roman numeral whose stop the document left out ("II Organization of work") or with the word
    "Chapter" and its numeral ("Chapter II")."""
    return bool(HEADING_NUMBER.match(ln.text)) or (
        (ln.bold or larger(ln, body_size))
        and (ROMAN_WITHOUT_STOP.match(ln.text) is not None or CHAPTER_HEADING.match(ln.text) is not None))


def strong_heading(ln: Block, body_size: float) -> bool:
    """A heading by its type alone: a styled heading, larger type, bold with a heading number,
    or a numbered heading in capitals."""
    return ln.kind == "heading" or larger(ln, body_size) or (ln.bold and bool(HEADING_NUMBER.match(ln.text))) \
        or capital_heading(ln)


UNSIZED_WRAP = 16.0  # points between the baselines of a wrapped heading's lines where type sizes are unknown


def continues_heading(ln: Block, head: Block, body_size: float) -> bool:
    """A wrapped heading's next line: same type, styled like a heading (or in capitals under a
    heading in capitals), no heading number. Where type sizes are unknown (an OCR layer), a line
    in capitals right under a heading in capitals."""
    in_capitals = capital_heading(head) and capitals(ln.text) and not ends_sentence(ln.text)
    styled = ln.bold or larger(ln, body_size) or in_capitals
    if ln.size:
        same_type = abs(ln.size - head.size) < 0.3
    else:
        same_type = not head.size and in_capitals and 0 < head.y - ln.y <= UNSIZED_WRAP
    return styled and same_type and ln.bold == head.bold and ln.page == head.page \
        and not numbered_heading(ln, body_size) and ln.number is None and not ln.text_only


def heading_text(ln: Block) -> str:
    return clean_text(strip_markers(ln.text))


# A segment of an Executive Board's session ("UNFPA segment", "Joint segment"): above its
# roman-numbered chapters.
_SEGMENT = re.compile(r"^(?:[A-Z][\w-]*\s+)?segment$")


# A decimal heading number: "1.1. ", "2.3 ", "1.2.1. ".
_DECIMAL = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s")


class Sections:
    """The heading path in force: roman numerals, then capital letters, then the rest; among the
    rest, a heading set in the type of one in force takes its level."""

    def __init__(self) -> None:
        self.levels: dict[int, str] = {}
        self.styles: dict[int, tuple] = {}  # the type of each unnumbered heading in force

    def push(self, heading: str, under: bool = False, style: tuple | None = None) -> None:
        """Put `heading` in force. `under`: a subheading set right under the last heading in
        smaller type, nested below it whatever its numbering says; `style`: its type (size,
        bold, italic), where known."""
        heading = clean_text(heading)
        level = 0 if _SEGMENT.match(heading) else self._numbered_level(heading)
        if under and self.levels and level == 3:  # a roman or lettered heading keeps its level
            level = max(level, max(self.levels) + 1)
        elif level == 3 and style is not None:
            level = self._styled_level(style)
        self.levels = {k: v for k, v in self.levels.items() if k < level}
        self.styles = {k: v for k, v in self.styles.items() if k < level}
        self.levels[level] = heading
        if style is not None and level >= 3:
            self.styles[level] = style

    def _numbered_level(self, heading: str) -> int:
        """The level a heading's number gives it: 1 for a roman numeral or a chapter, 2 for a
        capital letter, 3 for none or any other, one more for each further part of a decimal
        number ("1.1. Summary" under "1. Climate Change and Financing")."""
        decimal = _DECIMAL.match(heading)
        if decimal:
            return 3 + decimal.group(0).rstrip(". ").count(".")
        m = HEADING_LEVEL.match(heading)
        level = 1 if (m and (m.group(1) or m.group(4))) else 2 if (m and m.group(2)) else 3
        if level == 1 and m is not None and self._next_letter(m.group(1) or ""):
            return 2  # "I. Rapporteur on reprisals" after "H. Participation of ...": the letter I
        return 1 if CHAPTER_HEADING.match(heading) else level

    def _styled_level(self, style: tuple) -> int:
        """An unnumbered heading's level: that of a heading in force set in the same type
        ("Goal 5" in the bold type of "Goal 3"), else the first unnumbered level."""
        return next((k for k in sorted(self.styles) if self.styles[k] == style), 3)

    def _next_letter(self, numeral: str) -> bool:
        """Whether a one-letter roman numeral ("I", "V", "X", "L") follows the lettered heading in
        force in the alphabet, so that it is a letter."""
        lettered = HEADING_LEVEL.match(self.levels.get(2, ""))
        return len(numeral) == 1 and lettered is not None and lettered.group(2) == chr(ord(numeral) - 1)

    def copy(self) -> Sections:
        """A path that starts as this one and then changes on its own."""
        out = Sections()
        out.levels, out.styles = dict(self.levels), dict(self.styles)
        return out

    def nested(self, headings: list[str]) -> Sections:
        """A copy of this path with `headings` below its deepest level, in order, whatever their
        numbering (an embedded text's section "B. Individual Territories" and its "I. American
        Samoa")."""
        out = self.copy()
        for heading in headings:
            out.levels[max(out.levels, default=0) + 1] = clean_text(heading)
        return out

    def extend_last(self, more: str) -> None:
        """A heading wrapped over two lines: add the second line to the deepest heading (not to a
        segment's, which is whole: the line is the first heading in the segment)."""
        if self.levels and _SEGMENT.match(self.levels[max(self.levels)]):
            self.push(more)
        elif self.levels:
            deepest = max(self.levels)
            head = self.levels[deepest]
            # a line ending in a hyphen runs on into the next: "inter-" / "agency", unless the
            # hyphen is suspended ("science-" / "and evidence-based")
            glue = "" if re.search(r"\w-$", head) and not SUSPENDED_RE.match(more) else " "
            self.levels[deepest] = clean_text(head + glue + more)

    @property
    def path(self) -> str:
        return " > ".join(self.levels[k] for k in sorted(self.levels))
