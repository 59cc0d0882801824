"""Embedded texts: the draft resolutions and decisions a report carries inside its body, and the
reports of its subsidiary bodies that it prints in full.

A committee report recommends "the adoption of the following draft resolution:" at the end of
one of its paragraphs, or prints a heading "Draft resolution I", "DRAFT DECISION", "Decision
22/1"; the text that follows (title, preamble, operative paragraphs numbered 1, 2, ... again)
is a part of its own, cited through the report's paragraph it sits in (`A/50/610, para. 11,
draft resolution, para. 8`). The report's own numbering resumes after it: the part ends at
the line numbered one more than the report's last paragraph where the part's own run of
numbers and the report's resumed run together weigh more than one run through the whole part
(a part whose run the report's numbers would merely continue keeps them: operative paragraphs
1, 2, 3 ... of a decision are not the report's paragraphs 2, 3 ...). A text in lettered sections
("A", "B", "C" on lines of their own), each with its own preamble and operative paragraphs from 1,
is cited by section (`E/2025/72, para. 1, draft resolution, section B, para. 3`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.ingest.blocks import Block, strip_markers
from rag.ingest.headings import ends_sentence
from rag.ingest.numbering import candidates, paragraph_starts, scored_chain
from rag.ingest.patterns import ADOPTED, ANNEX, ENACTING, PART_HEADING, PART_HEADING_TITLED, PART_INTRO, REPORT_INTRO
from rag.models import Paragraph

TITLE_WORDS = 20  # a title run on after a part's heading has at most this many words
ENACTING_LINES = 10  # enacting words come within this many lines under a part's heading


@dataclass
class Part:
    """Lines [start, end) of a segment that hold one embedded text."""

    start: int
    end: int
    label: str  # "draft resolution", "draft resolution II", "decision 22/1"
    within: str  # the number of the report's paragraph it sits in; "" before the first one
    heading: bool  # the first line is the part's heading (not part of its text)


def _label(words: str) -> str:
    """"DRAFT RESOLUTION II" -> "draft resolution II"; "Decision 22/1" -> "decision 22/1"."""
    head, *rest = words.split()
    if head.lower() == "draft" and rest:
        return " ".join(["draft", rest[0].lower(), *rest[1:]])
    return " ".join([head.lower(), *rest])


def _heading(lines: Sequence[Block], i: int) -> str | None:
    """The part a heading line opens, if it is one (after a sentence end, a heading in bold, or as
    the first line); a heading may carry the text's title after it ("Decision 22/1 South-South
    cooperation")."""
    text = " ".join(strip_markers(lines[i].text).split())
    if lines[i].number is not None or not (i == 0 or ends_sentence(lines[i - 1].text) or _heads(lines[i - 1])
                                           or _closes_text(lines[i - 1])):
        return None
    m = PART_HEADING.match(text) or PART_HEADING_TITLED.match(text)
    if m is None or m.end() < len(text) and (ends_sentence(text) or len(text[m.end():].split()) > TITLE_WORDS):
        return None
    return _label(m.group(0))


def _annex_heading(lines: Sequence[Block], i: int) -> str | None:
    """"annex I" when the line heads an annex of the embedded text it sits in (a decision's list
    of organizations, after a sentence end or a heading in bold)."""
    m = ANNEX.match(" ".join(strip_markers(lines[i].text).split()))
    if m is None or not m.group(1) or lines[i].number is not None or i == 0:
        return None
    return f"annex {m.group(1)}" if ends_sentence(lines[i - 1].text) or _heads(lines[i - 1]) or lines[i].bold else None


def _closes_text(line: Block) -> bool:
    """The line that closes an embedded text without a full stop: how it was adopted ("Adopted
    under agenda items 3, 4, 6 and 8", E/2025/70), in italics or as the words say."""
    return (line.italic and not line.bold) or bool(ADOPTED.match(strip_markers(line.text).strip()))


def _heads(line: Block) -> bool:
    """A line in bold that ends no sentence: a heading."""
    return line.bold and not ends_sentence(line.text)


def _intro(lines: Sequence[Block], i: int) -> str | None:
    """The part the words ending line `i` introduce ("... the following draft resolution:", "The
    report of Working Group I reads as follows:")."""
    tail = " ".join(strip_markers(" ".join(b.text for b in lines[max(i - 1, 0):i + 1])).split())
    report = REPORT_INTRO.search(tail)
    if report:
        return report.group(1)
    m = PART_INTRO.search(tail)
    if not m:
        return None
    return ("draft " if m.group(1) else "") + m.group(2).lower() + m.group(3).lower()


def _enacted(lines: Sequence[Block], i: int) -> bool:
    """The text under a heading opens with enacting words ("The General Assembly,") within a few
    lines: a heading "Draft resolution A" over a list of amendments opens no text."""
    return any(ENACTING.match(strip_markers(b.text).strip()) for b in lines[i + 1:i + 1 + ENACTING_LINES])


def openings(lines: Sequence[Block]) -> list[tuple[int, str, bool]]:
    """(first line, label, opens with its heading) of each embedded text, in order. An
    introduction's part gives way to a heading that follows it before any numbered line; a
    heading without an introduction needs enacting words under it."""
    found: list[tuple[int, str, bool]] = []
    pending: tuple[int, str, bool] | None = None  # an introduction's part, until a heading or number
    for i in range(len(lines)):
        annex = _annex_heading(lines, i) if found else None
        if annex:
            found.append((i, f"{found[-1][1].split(', annex ')[0]}, {annex}", True))
            continue
        label = _heading(lines, i)
        if label and (pending or _enacted(lines, i)):
            pending = None
            found.append((i, label, True))
            continue
        if pending and lines[i].number is not None:
            found.append(pending)
            pending = None
        label = _intro(lines, i)
        if label and i + 1 < len(lines):
            if pending:
                found.append(pending)
            pending = (i + 1, label, False)
    if pending:
        found.append(pending)
    return sorted(found)


def _own_score(region: list[tuple[int, int, float]], splits: list[int]) -> tuple[list[int], float]:
    """The part's own run of numbers in the region (indexes into it) and its score: one run, or
    where the part has sections (their first lines `splits`), a run in each."""
    own, score = scored_chain([(n, w) for _, n, w in region])
    if len(splits) > 1:
        bounds = [*splits[1:], region[-1][0] + 1 if region else 0]
        score = sum(scored_chain([(n, w) for i, n, w in region if lo <= i < hi])[1]
                    for lo, hi in zip(splits, bounds))
    return own, score


def _resumption(region: list[tuple[int, int, float]], last: int,
                splits: list[int]) -> tuple[int | None, dict[int, int]]:
    """Where in the region the report's numbering resumes at `last` + 1 (index into region, or
    None) and the report's starts from there on (line index -> number), not before the part's
    last section (`splits`: the first line of the part and of each section). A number
    that would merely continue the part's own run does not resume the report; on a tie with one
    run through the whole region the report resumes."""
    best_score = _own_score(region, splits)[1] - 1e-6
    best: int | None = None
    tail: dict[int, int] = {}
    for j, (_, num, _) in enumerate(region):
        if num != last + 1 or region[j][0] < splits[-1]:
            continue
        own, own_score = _own_score(region[:j], splits)
        if own and region[own[-1]][1] == last or not own and last == 0:
            continue  # a part that opens the segment numbers its own paragraphs from 1
        rest = [c for c in region[j:] if c[1] > last]
        chain, score = scored_chain([(n, w) for _, n, w in rest], from_first=True)
        if score + own_score > best_score:
            best_score, best, tail = score + own_score, j, {rest[k][0]: rest[k][1] for k in chain}
    return best, tail


def split_parts(lines: Sequence[Block], body_size: float) -> tuple[dict[int, str], list[Part]]:
    """The report's own paragraph starts (line index -> number) and its embedded parts."""
    opens = openings(lines)
    if not opens:
        return paragraph_starts(lines, body_size), []
    cands = candidates(lines, body_size)
    bounds = [o[0] for o in opens] + [len(lines)]
    before = [c for c in cands if c[0] < bounds[0]]
    chain, _ = scored_chain([(n, w) for _, n, w in before])
    body = {before[k][0]: before[k][1] for k in chain}
    parts: list[Part] = []
    for k, (start, label, heading) in enumerate(opens):
        last = body[max(body)] if body else 0
        region = [c for c in cands if start <= c[0] < bounds[k + 1]]
        marked = sections(lines[start:bounds[k + 1]])
        resume, tail = _resumption(region, last, [start, *(start + m.start for m in marked)])
        body.update(tail)
        end = region[resume][0] if resume is not None else bounds[k + 1]
        while resume is not None and end - 1 > start and _heads(lines[end - 1]):
            end -= 1  # the headings over the report's resumed paragraph are the report's
        parts.append(Part(start, end, label, str(last) if body and last else "", heading))
    return {i: str(n) for i, n in sorted(body.items())}, parts


_LETTER_MARK = re.compile(r"^([A-H])$")  # a section's letter on a line of its own
_ROMAN_MARK = re.compile(r"^([IVX]{1,5})\.\s+(\S.{0,80})$")  # a subsection's heading: "I. American Samoa"
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
           "XVI", "XVII", "XVIII", "XIX", "XX"]
SECTION_TITLE_LINES = 3  # a section's title under its letter runs to at most this many lines


@dataclass
class Section:
    """A lettered section of an embedded text, or a roman-numbered subsection (of a section or of
    the text), numbering its paragraphs from 1."""

    start: int  # its mark's line
    label: str  # "section B", "section B.I", "section II"
    heading: str  # "B. Individual Territories", "I. American Samoa"
    depth: int  # 1 for a section (or a subsection of a text without sections), 2 for a subsection
    lines: int  # the lines of its mark and title


def _marks(lines: Sequence[Block], lo: int, hi: int, pattern: re.Pattern[str], order: list[str]) -> list[int]:
    """The lines in [lo, hi) marked in order ("A", "B", ... or "I.", "II.", ...), each mark's span
    to the next (the last's to `hi`) numbering a paragraph 1; [] for fewer than two."""
    found: list[int] = []
    for i in range(lo, hi):
        m = pattern.match(strip_markers(lines[i].text).strip()) if lines[i].number is None else None
        if m and len(found) < len(order) and m.group(1) == order[len(found)]:
            found.append(i)
    bounds = [*found, hi]
    restarts = all(any(b.number is not None and int(b.number) == 1 for b in lines[a:z])
                   for a, z in zip(bounds, bounds[1:]))
    return found if len(found) > 1 and restarts else []


def _title(lines: Sequence[Block], i: int, hi: int) -> list[Block]:
    """The title lines under a section's letter: in bold or in capitals, unnumbered."""
    out: list[Block] = []
    for b in lines[i + 1:min(hi, i + 1 + SECTION_TITLE_LINES)]:
        text = strip_markers(b.text).strip()
        if b.number is not None or not (b.bold or text.isupper()) or ends_sentence(text):
            break
        out.append(b)
    return out


def sections(lines: Sequence[Block]) -> list[Section]:
    """The lettered sections of an embedded text ("A", "B", "C" on lines of their own, each
    numbering its paragraphs from 1: E/2025/72's draft resolution) and the roman-numbered
    subsections of each or of the text ("I. American Samoa", "II. Anguilla": A/52/613's draft
    resolution III B, one for each Territory), in order; [] where the text has none."""
    letters = _marks(lines, 0, len(lines), _LETTER_MARK, [chr(ord("A") + k) for k in range(8)])
    spans = list(zip(letters, [*letters[1:], len(lines)])) if letters else [(-1, len(lines))]
    out: list[Section] = []
    for lo, hi in spans:
        letter = strip_markers(lines[lo].text).strip() if lo >= 0 else ""
        if letter:
            title = _title(lines, lo, hi)
            out.append(Section(lo, f"section {letter}", " ".join([f"{letter}.", *(strip_markers(b.text).strip()
                                                                              for b in title)]), 1, 1 + len(title)))
        for r in _marks(lines, lo + 1, hi, _ROMAN_MARK, _ROMANS):
            numeral = strip_markers(lines[r].text).strip().split(".")[0]
            out.append(Section(r, f"section {letter + '.' if letter else ''}{numeral}",
                               " ".join(strip_markers(lines[r].text).split()), 2 if letter else 1, 1))
    return out


# A lettered item's mark at a paragraph's start: "(a)", "(aa)", "(iv)".
_ITEM_MARK = re.compile(r"^\(([a-z]{1,2}|[ivx]{1,5})\)\s")
_ROMAN_ITEM = re.compile(r"^[ivx]{1,5}$")
# The roman numeral after each that is also a letter.
_NEXT_ROMAN = {"i": "ii", "v": "vi", "x": "xi"}


def letter_items(paragraphs: Sequence[Paragraph]) -> None:
    """Cite the lettered items of an embedded text that numbers no paragraph by their letters, as
    the documents cite them (E/2025/70, decision 2025/8: "para. (f)"; a roman sub-item under its
    letter: "para. (b)(i)"), and count its other blocks from 1 again. A text with a numbered
    paragraph, a roman item under no letter, or a letter used twice keeps its running count."""
    if any(not p.running for p in paragraphs):
        return
    found = [m.group(1) if (m := _ITEM_MARK.match(p.text)) else None for p in paragraphs]
    marks: list[str | None] = []
    letter = ""
    for k, mark in enumerate(found):
        if mark is None:
            marks.append(None)
            continue
        after = chr(ord(letter) + 1) if len(letter) == 1 else ""
        # "(i)" after "(h)" is the ninth letter, unless "(ii)" comes next: the first of (h)'s sub-items
        following = next((f for f in found[k + 1:] if f is not None), None)
        roman = _ROMAN_ITEM.match(mark) is not None and (mark != after or following == _NEXT_ROMAN.get(mark))
        if roman:
            if not letter:
                return
            marks.append(f"({letter})({mark})")
        else:
            letter = mark
            marks.append(f"({mark})")
    given = [m for m in marks if m]
    if not given or len(set(given)) < len(given):
        return
    count = 0
    for p, mark in zip(paragraphs, marks):
        if mark:
            p.number, p.running = mark, False
        else:
            count += 1
            p.number = str(count)
