"""Numbers as news writes them: digits, words, vague quantities, and the
qualifier in front of them ("at least", "more than", "about", "up to")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "both": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12, "a dozen": 12,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

# Vague quantities: a documented conventional value, always with qualifier "vague".
VAGUE = {
    "a couple": 2, "couple": 2, "a few": 3, "few": 3, "several": 3, "a handful": 3, "handful": 3,
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
}

QUALIFIERS: list[tuple[str, str]] = [
    (r"at least|no fewer than|not less than|a minimum of|as many as|upwards of", "at_least"),
    (r"more than|over|above|in excess of|upward of", "more_than"),
    (r"about|around|approximately|roughly|nearly|almost|some|an estimated|close to|estimated|up to about", "about"),
    (r"up to|at most|no more than|fewer than|less than|under", "at_most"),
]
QUALIFIER_RE = re.compile(r"\b(" + "|".join(p for p, _ in QUALIFIERS) + r")\s*$", re.I)
_QUALIFIER_OF = [(re.compile(rf"^(?:{p})$", re.I), q) for p, q in QUALIFIERS]

_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMBER_RE = re.compile(
    r"(?<![\w.\-/$:#\[])(?<!\d,)(?:"  # not the "000" of "$5,000", nor a citation mark "[46]"
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,/:]\d)(?!-year|-month|-week|-day|-hour|\s*(?:%|percent|years?\b|yr|a\.m|p\.m|am\b|pm\b|mm\b|caliber|calibre))"
    rf"|(?P<words>{_WORD}(?:[- ]{_WORD})?)(?!-year|-month|-week|-day)"
    r"|(?P<dozen>a dozen)|(?P<both>both)"
    r"|(?P<vague>a couple|a few|several|a handful|dozens|scores|hundreds|thousands)"
    r")\b",
    re.I,
)


def parse_number_word(word: str) -> int | None:
    """'six' -> 6, 'twenty-one' -> 21, '13' -> 13."""
    word = word.strip().lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and _UNITS[parts[1]] < 10:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    if len(parts) == 1 and parts[0] in _TENS:
        return _TENS[parts[0]]
    return None


def qualifier_before(prefix: str) -> str | None:
    """The qualifier that ends ``prefix`` (the text just before a number), if any."""
    m = QUALIFIER_RE.search(prefix)
    if not m:
        return None
    phrase = re.sub(r"\s+", " ", m.group(1).lower())
    for pattern, qualifier in _QUALIFIER_OF:
        if pattern.match(phrase):
            return qualifier
    return None


def find_numbers(text: str) -> list[tuple[int, int, int, str]]:
    """Every count in ``text``: (start, end, value, qualifier). Qualifier is
    'exact' unless a qualifier phrase precedes or the quantity is vague."""
    found = []
    for m in NUMBER_RE.finditer(text):
        if m["digits"]:
            # Years, times and house numbers are not counts.
            value = int(m["digits"].replace(",", ""))
            if 1900 <= value <= 2100 and "," not in m["digits"]:
                continue
        elif m["words"]:
            value = parse_number_word(m["words"])
            if value is None:
                continue
        elif m["dozen"]:
            value = 12
        elif m["both"]:
            value = 2
        else:
            value = VAGUE[m["vague"].lower()]
        qualifier = "vague" if m["vague"] else (qualifier_before(text[max(0, m.start() - 25):m.start()]) or "exact")
        found.append((m.start(), m.end(), value, qualifier))
    return found
