"""Size limits checked before a file is parsed: the file itself, and the inflated parts of a zip
container (DOCX), so a zip bomb or an oversized file fails alone with one line.

A zip member cannot inflate past the size its central directory declares (Python's zipfile stops
there and checks the CRC), so the declared sizes bound what a loader can be made to read.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from rag.errors import ParseError

DEFAULT_MAX_FILE_MB = 64.0  # Settings.max_file_mb
MB = 1 << 20
MAX_RATIO = 200  # inflated / compressed size of one member; Word's XML parts stay below ~30
RATIO_FLOOR = 4 * MB  # members smaller than this inflated are never refused for their ratio
MAX_MEMBERS = 10_000
CONTAINERS = (".docx",)


def check_size(path: Path, size: int, max_bytes: int) -> None:
    """ParseError for a file larger than the limit."""
    if size > max_bytes:
        raise ParseError(f"{path}: {size / MB:.1f} MB, above the {max_bytes / MB:g} MB limit; not indexed "
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
                         f"{max_bytes / MB:g} MB limit; not indexed (raise max_file_mb to index it)")
