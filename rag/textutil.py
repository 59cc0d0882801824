"""Text helpers shared by lexical search and answering: tokens, stems, sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The months, in order, as English documents write them.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"  # one month's name, as a regular expression
# A document symbol: "A/78/36", "DP/FPA/2025/2", "E/HLPF/2025/3/Add.5".
SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.]+)+")
# "15 January 2025", "July 2025", "January–March 2025", "1 January to 31 March 2025", "between
# March and August 2025".
_MONTH_YEAR = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})"
                         rf"(?:\s*(?:[–-]|to|and)\s*(?:\d{{1,2}}\s+)?({MONTH_PATTERN}))?\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class NamedMonth:
    """A month a text names with its year: `month` (1-12), the `day` before it where one is
    written, the `last` month of a range of months ("January–March 2025": 1, last 3), and where
    the words stand in the text (`start`, `end`)."""

    start: int
    end: int
    day: int | None
    month: int
    last: int | None
    year: int


def named_months(text: str) -> list[NamedMonth]:
    """Each month named with its year in `text`, in order ("15 January 2025", "January–March
    2025"); a year alone is no month."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        day, first, last, year = m.groups()
        out.append(NamedMonth(m.start(), m.end(), int(day) if day else None, MONTH_NAMES.index(first) + 1,
                              MONTH_NAMES.index(last) + 1 if last else None, int(year)))
    return out

STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves also however thus whose within upon may might must shall
""".split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ies", "ied",
             "ness", "ers", "er", "ed", "es", "s")


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """A light suffix stripper: 'serves'/'served'/'serving' -> 'serv'; British and American
    spellings meet ('mobilised'/'mobilized'/'mobilisation' -> 'mobiliz', 'analysed' -> 'analyz'); a
    word typed without its accents meets the printed one ('Côte' and 'Cote' -> 'cote')."""
    word = without_accents(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word[:-1] + "z" if len(word) >= 6 and word.endswith(("is", "ys")) else word


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def terms(text: str) -> list[str]:
    """Index terms: stems of non-stopword tokens (numbers kept)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def named_terms(text: str) -> set[str]:
    """The index terms of the words `text` capitalises as names: a capitalised word that does not
    open it, or an acronym anywhere ("Who chaired the Committee at UNDP?": committe, undp)."""
    found = set()
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group(0)
        if word[0].isupper() and (i > 0 or word.isupper()) and word.lower() not in STOPWORDS:
            found.add(stem(word.lower().replace("’", "'")))
    return found


def without_terms(text: str, dropped: set[str]) -> str:
    """`text` without the words whose index term is one of `dropped`, blanks collapsed."""
    kept = _WORD.sub(lambda m: "" if stem(m.group(0).lower().replace("’", "'")) in dropped else m.group(0), text)
    return re.sub(r"\s+", " ", kept).strip()


def content_terms(text: str) -> set[str]:
    """The distinct index terms of a question, used for coverage."""
    return set(terms(text))


# Numbers in words, each at its value's index.
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
LISTED_IN_WORDS = 10  # the most others `listing` counts in words ("and ten others", "and 11 others")


def listing(names: list[str], shown: int = 3) -> str:
    """Names as a sentence lists them, the first `shown` by name and the rest counted: "A, B and
    C", "A, B, C and two others"."""
    if len(names) <= shown:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    rest = len(names) - shown
    count = NUMBER_WORDS[rest] if rest <= LISTED_IN_WORDS else str(rest)
    return ", ".join(names[:shown]) + f" and {count} other" + ("s" if rest > 1 else "")


def overlap(a: set[str], b: set[str]) -> float:
    """The Jaccard share of two term sets (0 for two empty ones)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def coverage(question: str, text: str, weights: dict[str, float] | None = None) -> float:
    """Share of the question's content terms found in `text`, each counted with its weight
    (its idf, say) when `weights` are given."""
    q = content_terms(question)
    if not q:
        return 0.0
    found = q & set(terms(text))
    if weights is None:
        return len(found) / len(q)
    total = sum(weights.get(t, 0.0) for t in q)
    return sum(weights.get(t, 0.0) for t in found) / total if total > 0 else len(found) / len(q)


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Messrs|Mmes|Dr|Prof|St|No|Nos|para|paras|subpara|subparas|sect|sects|Sect|Sects|"
    r"Suppl|art|arts|p|pp|vol|Vol|chap|e\.g|i\.e|etc|cf|al|Inc|Ltd|Co|Corp|Rev|Add|Corr|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N)|\b[A-Z])\.$")
# A case name's "v." after a party's capitalised name ("Turhan v. Sweden") or "et al." ("P.L. et al. v.
# France"), not "item v.".
_CASE_NAME = re.compile(r"(?:\b[A-Z][\w'’.-]*|\bet al\.?)\s+vs?\.$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, verbatim (joining them with spaces gives the text back)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        candidate = text[start:m.start()]
        if _ABBREV.search(candidate.rstrip("\"”’)")) or _CASE_NAME.search(candidate):
            continue
        if candidate.strip():
            out.append(candidate.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def without_accents(text: str) -> str:
    """The text with its letters' accents dropped ("Préval" -> "Preval"; "ø" has none to drop)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Ordinal words, "first" to "ninety-ninth", as UN documents number sessions and reports.
_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")


def _ordinal_words() -> dict[str, int]:
    """"first" -> 1 ... "ninety-ninth" -> 99."""
    out = {w: i for i, w in enumerate(_UNITS) if w}
    out.update({w: 10 + i for i, w in enumerate(_TEENS)})
    for t in range(2, 10):
        out[f"{_TENS[t]}ieth"] = 10 * t
        for u in range(1, 10):
            out[f"{_TENS[t]}y-{_UNITS[u]}"] = 10 * t + u
    return out


ORDINALS = _ordinal_words()
_WORD_OF = {n: w for w, n in ORDINALS.items()}


def ordinal_name(n: int) -> str:
    """59 -> "fifty-ninth"; numbers past 99 as "460th"."""
    if n in _WORD_OF:
        return _WORD_OF[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
