"""Size limits checked before a file is parsed: the file itself, the inflated parts of a zip
container (DOCX) and the inflated streams of a PDF, so a compression bomb or an oversized file
fails alone with one line.

A zip member cannot inflate past the size its central directory declares (Python's zipfile stops
there and checks the CRC), so the declared sizes bound what a loader can be made to read. A PDF
declares nothing to trust: each Flate stream is inflated here, a piece at a time and counted, not
kept, up to the limit (other filters are rare in text PDFs and are not checked).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from rag.errors import ParseError

DEFAULT_MAX_FILE_MB = 64.0  # Settings.max_file_mb
MB = 1 << 20
MAX_RATIO = 200  # inflated / compressed size of one member; Word's XML parts stay below ~30
RATIO_FLOOR = 4 * MB  # members smaller than this inflated are never refused for their ratio
MAX_MEMBERS = 10_000
PDF_TOTAL_FACTOR = 4  # all of a PDF's streams together may inflate to this many times the limit
_INFLATE_PIECE = 1 << 20  # inflated bytes held at a time while counting
# A stream's dictionary and its "stream" keyword: the dictionary's text is searched for the filter.
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_DICT_LOOKBACK = 2048


def _megabytes(limit: int) -> str:
    """The limit in MB as configured: 0.3, not the 0.299999 its byte count divides back to."""
    return f"{round(limit / MB, 3):g}"


def check_size(path: Path, size: int, max_bytes: int) -> None:
    """ParseError for a file larger than the limit."""
    if size > max_bytes:
        raise ParseError(f"{path}: {size / MB:.1f} MB, above the {_megabytes(max_bytes)} MB limit; not indexed "
                         "(raise max_file_mb to index it)")


def check_container(path: Path, data: bytes, max_bytes: int) -> None:
    """ParseError for a zip container whose members would inflate beyond `max_bytes` in all, or
    one of them by more than MAX_RATIO (a zip bomb); a file that is no zip is left to its loader."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    if len(members) > MAX_MEMBERS:
        raise ParseError(f"{path}: a zip container of {len(members)} parts, above {MAX_MEMBERS}; not indexed")
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ParseError(f"{path}: {info.filename} would inflate to {info.file_size / MB:.0f} MB from "
                             f"{info.compress_size / MB:.2f} MB (a zip bomb?); not indexed")
    if total > max_bytes:
        raise ParseError(f"{path}: its parts would inflate to {total / MB:.0f} MB, above the "
                         f"{_megabytes(max_bytes)} MB limit; not indexed (raise max_file_mb to index it)")


def inflated_size(data: bytes, start: int, limit: int) -> int:
    """How many bytes the zlib stream at `data[start:]` inflates to, counted up to just past
    `limit` (a damaged stream counts what came out before the damage)."""
    d = zlib.decompressobj()
    total, pos = 0, start
    try:
        while pos < len(data) and not d.eof and total <= limit:
            total += len(d.decompress(data[pos:pos + _INFLATE_PIECE], _INFLATE_PIECE))
            pos += _INFLATE_PIECE
            while d.unconsumed_tail and not d.eof and total <= limit:
                total += len(d.decompress(d.unconsumed_tail, _INFLATE_PIECE))
    except zlib.error:
        pass
    return total


def check_pdf_streams(path: Path, data: bytes, max_bytes: int) -> None:
    """ParseError for a PDF with a Flate stream that would inflate beyond `max_bytes`, or whose
    streams together would inflate beyond PDF_TOTAL_FACTOR times it (a compression bomb)."""
    total = 0
    for m in _PDF_STREAM.finditer(data):
        head = data[max(0, m.start() - _DICT_LOOKBACK):m.start()]
        head = head[head.rfind(b"obj") + 1:]
        if not head.rstrip().endswith(b">>") or b"/FlateDecode" not in head:
            continue
        size = inflated_size(data, m.end(), max_bytes)
        if size > max_bytes:
            raise ParseError(f"{path}: a stream would inflate beyond the {_megabytes(max_bytes)} MB limit from "
                             f"{len(data) / MB:.2f} MB (a compression bomb?); not indexed (raise max_file_mb to index it)")
        total += size
        if total > PDF_TOTAL_FACTOR * max_bytes:
            raise ParseError(f"{path}: its streams would inflate beyond {PDF_TOTAL_FACTOR * max_bytes / MB:g} MB "
                             f"(a compression bomb?); not indexed (raise max_file_mb to index it)")


CONTAINERS = {".docx": check_container, ".pdf": check_pdf_streams}
