"""Name folding: the one key under which every spelling of a place is indexed.

News spells foreign names many ways (Mingəçevir, Mingecevir, Mingacevir), so
the index and the lookups both go through ``fold_keys``: lowercase, accents
stripped, punctuation and apostrophes normalised, common abbreviations
expanded. Azerbaijani schwa is romanised both as "a" and as "e", so a name
holding it yields two keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SCHWA = "əǝƏƎәӘ"  # Latin schwa and turned e, plus the Cyrillic schwa often typed in their place
_LETTERS = str.maketrans({
    "ı": "i", "İ": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ħ": "h", "Ħ": "h",
    "ŀ": "l", "Ŀ": "l",
})
_APOSTROPHES = re.compile(r"['’‘ʻʼ`´ʹ]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def _plain(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    name = _NON_ALNUM.sub(" ", _APOSTROPHES.sub("", name)).split()
    return " ".join(_ABBREVIATIONS.get(token, token) for token in name)


@lru_cache(maxsize=65536)
def fold_keys(name: str) -> tuple[str, ...]:
    """Every folded key of ``name``: one, or two when it holds a schwa."""
    if not any(ch in _SCHWA for ch in name):
        key = _plain(name)
        return (key,) if key else ()
    keys = {_plain(re.sub(f"[{_SCHWA}]", vowel, name)) for vowel in "ae"}
    return tuple(sorted(key for key in keys if key))


def fold(name: str) -> str:
    """The first folded key of ``name`` (enough when it holds no schwa)."""
    keys = fold_keys(name)
    return keys[0] if keys else ""


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (or a schwa), so it can appear in English text."""
    for ch in name:
        if ch.isalpha() and ch not in _SCHWA and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in name)
