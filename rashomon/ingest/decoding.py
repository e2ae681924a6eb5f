"""Bytes to text: refuse binary files, survive legacy encodings, and cap the size read.

Articles come from scrapers and archives of every age, so a file that is not
valid UTF-8 is common and must still give clean text (no mojibake), with a
warning naming the encoding used. The size cap keeps a runaway file from
stalling a batch.
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from rashomon.ingest.errors import BadInput

BINARY_SAMPLE_BYTES = 8192
# Bytes that never occur in text (NUL aside): C0 controls other than tab, newlines, form feed, escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")
_MAX_CONTROL_SHARE = 0.05
# A valid multi-byte UTF-8 sequence: its presence in an invalid file means "UTF-8 with a few bad bytes".
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Text whose letters are mostly non-ASCII once read as cp1252 is probably Cyrillic, Greek, ...: ask the detector.
_MAX_WESTERN_NON_ASCII_SHARE = 0.3
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_FALLBACK_ERRORS = "rashomon-cp1252"


def _decode_bad_bytes_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """Read the bytes UTF-8 rejects as cp1252 (Latin-1 for the five it leaves undefined)."""
    bad = error.object[error.start:error.end]
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in bad), error.end


codecs.register_error(_FALLBACK_ERRORS, _decode_bad_bytes_as_cp1252)


def read_capped(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """Read at most ``max_bytes``; the flag says whether the input was longer."""
    data = stream.read(max_bytes + 1)
    return data[:max_bytes], len(data) > max_bytes


def reject_binary(sample: bytes) -> None:
    """Raise ``BadInput`` for data that is not text at all (images, archives, executables)."""
    sample = sample[:BINARY_SAMPLE_BYTES]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return
    if b"\x00" in sample:
        raise BadInput("binary file (contains NUL bytes), not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise BadInput("binary file (control bytes), not text")


def decode(data: bytes, truncated: bool = False) -> tuple[str, str | None]:
    """Decode a whole file: (text, warning naming the encoding if it was not UTF-8).

    ``truncated`` tells that ``data`` was cut, so a multi-byte character split
    at the end is dropped instead of decoded as garbage.
    """
    reject_binary(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), f"decoded as {encoding.upper()} (byte order mark)"
    try:
        return _utf8(data, truncated, "strict"), None
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        text = _utf8(data, truncated, _FALLBACK_ERRORS)
        return text, "broken UTF-8: invalid bytes decoded as cp1252"
    text, encoding = _legacy(data)
    return text, f"not UTF-8: decoded as {encoding}"


def decode_line(data: bytes) -> tuple[str, str | None]:
    """Decode one JSON line: UTF-8, else UTF-8 with its bad bytes read as cp1252 (JSON lines are UTF-8 by spec)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors=_FALLBACK_ERRORS), "broken UTF-8: invalid bytes decoded as cp1252"


def _utf8(data: bytes, truncated: bool, errors: str) -> str:
    return codecs.getincrementaldecoder("utf-8-sig")(errors).decode(data, final=not truncated)


def _legacy(data: bytes) -> tuple[str, str]:
    """A file with no UTF-8 at all: cp1252 for Western text, the detector's guess for other scripts.

    charset-normalizer alone misreads short Western texts (cp1250, cp775...), so it
    is only asked when cp1252 gives mostly accented letters, the sign of another script.
    """
    text = data.decode("cp1252", errors=_FALLBACK_ERRORS)
    letters = [c for c in text[:BINARY_SAMPLE_BYTES] if c.isalpha()]
    non_ascii = sum(1 for c in letters if not c.isascii())
    if letters and non_ascii / len(letters) > _MAX_WESTERN_NON_ASCII_SHARE:
        from charset_normalizer import from_bytes  # only for the rare non-Western legacy file

        best = from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    return text, "cp1252"
