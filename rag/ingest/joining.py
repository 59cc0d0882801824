"""Lines into running text: whitespace collapsed, line-end hyphenation repaired."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.ingest.patterns import WORD
from rag.textutil import STOPWORDS, SYMBOL

_HYPHEN_RE = re.compile(r"(\w)-\n\s*([a-z])")
_SOFT = "\ufffe\u00ad"  # a hyphen the PDF marks as a line-end break (soft hyphen or U+FFFE)
_HEAD_RE = re.compile(r"([A-Za-z]+)[\ufffe\u00ad-]$")
_TAIL_RE = re.compile(r"[a-z]+")
# A line that opens so continues a suspended hyphen: "science-" / "and evidence-based".
_SUSPENDED_WORD = r"(?:and|or|nor|to)\s"
SUSPENDED_RE = re.compile(_SUSPENDED_WORD)
# pdfium's line-end hyphen left inside one line (a heading or a title joined from its lines).
_SUSPENDED_FFFE_RE = re.compile(rf"\ufffe\s*(?={_SUSPENDED_WORD})")
_FFFE_RE = re.compile(r"\ufffe\s*")


# A compound's hyphen that a PDF's text sets after a space: "a mid -level suspect", "the twenty
# -fourth meeting", "Guinea -Bissau" (a dash between spaces is a dash: "the Committee - its sixth -
# is scheduled").
_INLINE_SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z]) -(?=[A-Za-z])")


# Cyrillic letters that look like Latin ones, as a PDF's font may set them inside a Latin word
# ("Vetёvendosje", "UҪK" in S/2025/200).
_LOOK_ALIKES = str.maketrans("АВЕЁКМНОРСТУХІЈЅҪаеёорсхуіјѕҫ", "ABEËKMHOPCTYXIJSÇaeëopcxyijsç")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _latin_look_alikes(text: str) -> str:
    """Cyrillic look-alikes inside a word that mixes them with Latin letters, read as Latin; a
    wholly Cyrillic word stays as printed."""
    if not _CYRILLIC.search(text):
        return text
    return _LETTERS.sub(lambda m: m.group(0).translate(_LOOK_ALIKES)
                        if _CYRILLIC.search(m.group(0)) and _LATIN.search(m.group(0)) else m.group(0), text)


def clean_text(text: str) -> str:
    """Collapse whitespace and repair hyphenation at a line break inside the text; a line-end
    hyphen pdfium marks (U+FFFE) reads as a hyphen, or as a suspended one before "and"; a
    compound's hyphen after a space joins its words; Cyrillic look-alikes inside a Latin word
    read as Latin."""
    text = _latin_look_alikes(_FFFE_RE.sub("-", _SUSPENDED_FFFE_RE.sub("- ", text)))
    return _INLINE_SPACED_HYPHEN.sub("-", re.sub(r"\s+", " ", _HYPHEN_RE.sub(r"\1\2", text))).strip()


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The lower-cased words of a document, to tell "well-known" from "docu-ment"."""
    vocab: set[str] = set()
    for text in texts:
        vocab.update(w.lower() for w in WORD.findall(text))
    return vocab


def _joins_word(out: str, part: str, vocab: set[str]) -> bool:
    """Whether a hyphen ending `out` breaks one word continued in `part`: a soft hyphen always,
    a plain one when the joined word occurs in the document and the hyphenated form does not."""
    head, tail = _HEAD_RE.search(out), _TAIL_RE.match(part)
    if not (head and tail):
        return False
    if out[-1] == "\u00ad":
        return True
    joined, hyphenated = head.group(1) + tail.group(0), f"{head.group(1)}-{tail.group(0)}"
    return joined.lower() in vocab and hyphenated.lower() not in vocab


_SPACED_HYPHEN = re.compile(r"(\w+) -$")  # "long -" / "term": a compound set with a space before its hyphen


def _spaced_compound(head: re.Match[str], part: str, vocab: set[str]) -> bool:
    """Whether "long -" / "term" (`head` the match of "long -") is a compound set with a space
    before its hyphen ("long-term"), not a dash between words ("children -" / "had reportedly"):
    the document writes the compound, or neither side is a function word."""
    tail = re.match(r"\w+", part)
    if tail is None:
        return False
    if f"{head.group(1)}-{tail.group(0)}".lower() in vocab or part[tail.end():tail.end() + 1] == "-":
        return True  # the document writes the compound, or the next line goes on with one ("and-arrest")
    return not ({head.group(1).lower(), tail.group(0).lower()} & _FUNCTION_WORDS)


_FUNCTION_WORDS = frozenset(STOPWORDS | {"including", "mainly", "notably", "particularly", "especially"})


# A web address at the end of a line, and a line that opens with its continuation: after a
# slash or an underscore, a segment with an address's characters in it ("en/new-york", "1bad5c44-d6c0",
# "index.html", "#documents"); elsewhere, a segment with a slash in it ("d034f722a/2025-04-30."),
# in lower case or digits. A line that opens with an address of its own goes on with it.
_URL_END = re.compile(r"(?:https?://|www\.)\S*$")
_URL_SEGMENT = re.compile(r"^(?!https?:|www\.)\S*[/\-_.?=#&%\d]")
_URL_GOES_ON = re.compile(r"^(?!https?:|www\.)[a-z0-9][\w.\-~%]*/\S*")


# A document symbol ending a line with the hyphen of a joint symbol, and a line opening with one.
_SYMBOL_BEFORE_HYPHEN = re.compile(rf"{SYMBOL.pattern}-$")
_SYMBOL_OPENS = re.compile(rf"^{SYMBOL.pattern.removeprefix(chr(92) + 'b')}")


def _unbroken(out: str, part: str) -> bool:
    """Whether `part` goes on with the token `out` ends in, with no space: a web address broken over
    lines, or a joint symbol broken after its hyphen ("A/79/79-" / "E/2024/54")."""
    if _URL_END.search(out) and (_URL_GOES_ON.match(part) or out[-1] in "/_" and _URL_SEGMENT.match(part)):
        return True
    return out[-1] == "-" and bool(_SYMBOL_BEFORE_HYPHEN.search(out)) and bool(_SYMBOL_OPENS.match(part))


def _join_two(out: str, part: str, vocab: set[str]) -> str:
    last = out[-1]
    if _unbroken(out, part):
        return out + part
    if last in _SOFT + "-" and part[:1].islower():
        spaced = _SPACED_HYPHEN.search(out)
        if spaced:
            if SUSPENDED_RE.match(part):
                return out[:-2] + "- " + part
            return out[:-2] + "-" + part if _spaced_compound(spaced, part, vocab) else out + " " + part
        if _joins_word(out, part, vocab):
            return out[:-1] + part
        return out[:-1] + ("- " if SUSPENDED_RE.match(part) else "-") + part
    if last in _SOFT + "-–" and part[:1].isdigit() and (out[-2:-1].isdigit() or _NUMBERED_SPACED.search(out)):
        # a range or a number broken at its dash: "2022-" / "2025"; "Act No. 2022 -" / "407" (pdfium's space)
        return out[:-2 if out[-2] == " " else -1] + ("–" if last == "–" else "-") + part
    if last in _SOFT:
        return out[:-1] + "-" + part
    if (compound := _capital_compound(out, part, vocab)) is not None:
        return compound
    return out + part if _closes_word(out, part) else out + " " + part


# A line ending in a word and a hyphen (pdfium may set a space before it), before a line opening in
# a capital: a compound the document writes whole elsewhere ("Secretary-General") is joined.
_CAPITAL_COMPOUND = re.compile(r"(\w+) ?-$")


def _capital_compound(out: str, part: str, vocab: set[str]) -> str | None:
    """"Secretary -" / "General" joined as "Secretary-General" where the document writes that
    compound; None otherwise."""
    head = _CAPITAL_COMPOUND.search(out)
    tail = re.match(r"[A-Z]\w*", part)
    if head is None or tail is None or f"{head.group(1)}-{tail.group(0)}".lower() not in vocab:
        return None
    return out[:head.end(1)] + "-" + part


# An instrument's number broken at its hyphen, pdfium's space before it: "Act No. 2022 -" ("in 2024 -"
# before "15 States reported" is a dash).
_NUMBERED_SPACED = re.compile(r"\bNos?\.\s*\d+ -$")


def _closes_word(out: str, part: str) -> bool:
    """A line opening with the punctuation that ends the word before it ("km²" / ", including")."""
    return part.startswith((",", ";", ")")) and out[-1:].isalnum() or out.endswith(("²", "³")) \
        and part.startswith((",", ";", ":", ".", ")"))


def join_lines(parts: list[str], vocab: set[str]) -> str:
    """Join lines with spaces, repairing line-end hyphenation with the document's vocabulary."""
    out = ""
    for part in parts:
        part = part.strip()
        if part:
            out = _join_two(out, part, vocab) if out else part
    return out.replace("\ufffe", "-").replace("\u00ad", "")
