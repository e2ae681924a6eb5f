"""What an article says about itself: title, publication date, outlet and language.

Given metadata wins; otherwise only explicit statements near the top of the text
are trusted (a dateline, a byline, an agency credit), and each value records how
it was obtained so later stages can weigh it. A date is never taken without its year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from rashomon.ingest.cleaning import boilerplate_rule
from rashomon.model import OutletSource, PublishedSource

HEADER_PARAGRAPHS = 6  # the "top" of an article, where datelines and bylines live
MAX_TITLE_CHARS = 200
QUICK_LANGUAGE_SAMPLE_CHARS = 600
LANGUAGE_SAMPLE_CHARS = 5000
_MIN_LETTERS_FOR_LANGUAGE = 20
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_YEARS = range(1900, 2101)

# -- dates -------------------------------------------------------------------------------------------

_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ORDINAL = r"(?:st|nd|rd|th)?"
# Dates written with a month name or in ISO form: unambiguous, so they can be read anywhere in a text.
_NAMED_DATE = (
    rf"(?P<m1>{_MONTH})\.? (?P<d1>\d{{1,2}}){_ORDINAL},? (?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL} (?:of )?(?P<m2>{_MONTH})\.?,? (?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
)
# 10/17/2020: month first (day first only when the first number cannot be a month); trusted in a header only.
_NUMERIC_DATE = r"(?P<m4>\d{1,2})/(?P<d4>\d{1,2})/(?P<y4>\d{4})"
_FULL_DATE = re.compile(rf"\b(?:{_NAMED_DATE})(?!\d)", re.IGNORECASE)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )"
_DATE_LABEL = r"(?:(?:first |last )?(?:published|posted|updated|created|date)(?: on| at)?:? )"
# A header line that states a date: "(October 17, 2020) —", "October 19th, 2020 - by ...",
# "Published: 10/17/2020", "Updated Oct. 5, 2016 4:32 PM", "By Jane Doe, October 5, 2016", "BAKU, Oct. 17, 2020 -".
_HEADER_DATE = re.compile(
    rf"^(?:\W{{0,3}}{_DATE_LABEL}?|by [^,|\n]{{2,60}}[,|–—-] ?|(?-i:[A-Z][A-Z .'-]+), ){_WEEKDAY}?"
    rf"(?:{_NAMED_DATE}|{_NUMERIC_DATE})(?!\d)",
    re.IGNORECASE,
)


def _date_of(match: re.Match[str]) -> dt.date | None:
    """The calendar date a date match denotes, or None if it is not one (31 February, year 0217, "may 5, 2016")."""
    g = match.groupdict()
    if g["y1"] or g["y2"]:
        month_name = g["m1"] or g["m2"]
        if month_name == "may":  # the verb, not the month
            return None
        year, month, day = int(g["y1"] or g["y2"]), _MONTHS[month_name[:3].lower()], int(g["d1"] or g["d2"])
    elif g["y3"]:
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        year, month, day = int(g["y4"]), int(g["m4"]), int(g["d4"])
        if month > 12:
            month, day = day, month
    if year not in _YEARS:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_given_date(value: object) -> dt.date | None:
    """A publication date from metadata: ISO, a Unix timestamp, or any form dateparser reads
    with day, month and year (relative forms such as "yesterday" are refused: they depend on today)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch
        try:
            day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
        return day if day.year in _YEARS else None
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = _FULL_DATE.match(value)
    if match and (day := _date_of(match)):
        return day
    import dateparser  # slow to import; only the unusual date forms need it

    parsed = dateparser.parse(value, settings={
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
    return parsed.date() if parsed and parsed.year in _YEARS else None


def header_date(paragraphs: list[str]) -> dt.date | None:
    """The first date stated as the article's own (dateline, byline, "Published:") near the top."""
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        match = _HEADER_DATE.match(paragraph)
        if match and (day := _date_of(match)):
            return day
    return None


def latest_full_date(text: str) -> dt.date | None:
    """The latest complete date the text mentions: an article is not older than what it reports."""
    return max(_full_dates(text), default=None)


def _full_dates(text: str) -> Iterator[dt.date]:
    for match in _FULL_DATE.finditer(text):
        if day := _date_of(match):
            yield day


# A page's address that carries its day: ".../2016/07/19/slug", ".../news/20160719/slug", ".../2016-07-19-slug".
_FIRST_WEB_YEAR = 1990
# Month and day of two digits each, and a separator after: ".../2014/06/5_people_shot..." is no day.
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/-])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)|(?P<mc>[01]\d)(?P<dc>[0-3]\d))"
                       r"(?=[/.-]|$)")


def url_date(url: str | None) -> dt.date | None:
    """The day a page's address names, or None (no full date in it, or not a calendar day)."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        day = dt.date(int(match["y"]), int(match["m"] or match["mc"]), int(match["d"] or match["dc"]))
    except ValueError:
        return None
    return day if day.year >= _FIRST_WEB_YEAR else None  # "/19170726-5-injured-in..." is an id, not 1917


def publication_date(given: object, paragraphs: list[str], warnings: list[str],
                     url: str | None = None) -> tuple[dt.date | None, PublishedSource]:
    """Given date, else the header's, else the address's, else the latest the text mentions; a bad
    given date is a warning. A given date later than the day the header or the address states is a
    date the page was updated or collected, not first published: the earlier day is taken, and the
    article says so, unless the address confirms the given day (a police blotter's header may date
    the night it reports). On the GVA dev split this moves 26 given dates earlier; of the 23 articles
    with a gold incident date, 18 were within a day of the earlier date, 5 of the given one."""
    addressed = url_date(url)
    stated = [(day, source) for day, source in ((header_date(paragraphs), "text"), (addressed, "url"))
              if day is not None]
    if given not in (None, ""):
        day = parse_given_date(given)
        if day is not None:
            earlier = min((s for s in stated if s[0] < day), default=None)
            if earlier is None or addressed == day:
                return day, "given"
            where = "header" if earlier[1] == "text" else "address"
            warnings.append(f"given publication date {day} is later than the page's {where} date {earlier[0]}: "
                            f"dated {earlier[0]}")
            return earlier
        warnings.append(f"unreadable publication date {given!r}: dated from the text instead")
    if stated:
        return stated[0]
    day = latest_full_date("\n".join(paragraphs))
    if day is not None:
        return day, "inferred"
    return None, "unknown"


# -- outlet ------------------------------------------------------------------------------------------

_KNOWN_AGENCIES = {
    "AP", "AFP", "AA", "UPI", "PTI", "ANI", "IANS", "DPA", "EFE", "ANSA", "TASS", "CNN", "BBC", "NPR",
    "Reuters", "Bloomberg", "Xinhua", "Anadolu", "Interfax", "Kyodo", "Yonhap",
}
_AGENCY_NAMES = "|".join(sorted(_KNOWN_AGENCIES, key=len, reverse=True))
# "WASHINGTON (Reuters) -", "DAYTON, Ohio (WDTN) –", "(AP) —". The dateline before the credit is in capitals
# and never ends with a comma: "BAKU, (BM) –" names a source the outlet quotes, not the outlet.
_AGENCY_CREDIT = re.compile(
    r"^(?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)*(?:, [A-Z][\w.]*(?: [\w.]+){0,3})? )?"
    r"\((?P<outlet>[A-Z][\w&.' -]{1,39})\) ?[-–—:]"
)
# Up to four capitalised words ("WDTN", "Al Jazeera", "KTLA-TV"); two-letter codes only if known ("AP", "AA").
_CREDIT_NAME = re.compile(r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}")
_MIN_UNKNOWN_CREDIT_CHARS = 3
# "By Jane Doe for the Guardian"
_BY_FOR = re.compile(r"^by .{2,80}? for (?:the )?(?P<outlet>(?-i:[A-Z])[\w&.'’ -]{1,50}?)\.?$", re.IGNORECASE)
# "By Jane Doe, Reuters", "By Jane Doe | AP"
_BY_AGENCY = re.compile(rf"^by [^,|\n]{{2,60}}[,|/] ?(?P<outlet>{_AGENCY_NAMES})$", re.IGNORECASE)
# "F.P Report", "APP Report": an outlet crediting its own desk by its initials.
_DESK_REPORT = re.compile(r"^(?P<outlet>[A-Z][A-Z.&]{1,9}) Report$")
_MAX_BYLINE_CHARS = 150


def byline_outlet(paragraphs: list[str]) -> str | None:
    """The outlet an explicit credit near the top names, or None."""
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        outlet = _credit(paragraph)
        if outlet:
            return outlet
    return None


def _credit(paragraph: str) -> str | None:
    match = _AGENCY_CREDIT.match(paragraph)
    if match:
        name = match["outlet"].strip()
        if name in _KNOWN_AGENCIES or (len(name) >= _MIN_UNKNOWN_CREDIT_CHARS and _CREDIT_NAME.fullmatch(name)):
            return name
    if len(paragraph) > _MAX_BYLINE_CHARS:
        return None
    for pattern in (_BY_FOR, _BY_AGENCY, _DESK_REPORT):
        match = pattern.match(paragraph)
        if match:
            return match["outlet"].strip()
    return None


def outlet_of(given: str | None, paragraphs: list[str]) -> tuple[str | None, OutletSource]:
    """The given outlet, else the one a byline credits."""
    if given:
        return given, "given"
    outlet = byline_outlet(paragraphs)
    return (outlet, "byline") if outlet else (None, "unknown")


# -- title -------------------------------------------------------------------------------------------

_MAX_SENTENCE_TITLE_WORDS = 12


def looks_like_title(line: str) -> bool:
    """A headline: short, more than one word, not a byline, a credit, a date line or a paragraph."""
    words = line.split()
    if len(line) > MAX_TITLE_CHARS or len(words) < 2 or boilerplate_rule(line) is not None:
        return False
    if _credit(line) or _HEADER_DATE.match(line) or line.lower().startswith("by "):
        return False
    return not (line.endswith(".") and len(words) > _MAX_SENTENCE_TITLE_WORDS)


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) of a plain-text article whose first real line is its headline.

    Boilerplate lines above it are skipped; if the first real line is no headline
    (a byline, a paragraph) there is no title and the whole text is the body.
    """
    lines = text.splitlines()
    for i, line in enumerate(lines):
        line = " ".join(line.split())
        if not line or boilerplate_rule(line) is not None:
            continue
        if looks_like_title(line):
            return line, "\n".join(lines[:i] + lines[i + 1:])
        return None, text
    return None, text


# -- language ----------------------------------------------------------------------------------------


def detect_language(title: str | None, text: str) -> str | None:
    """ISO 639-1 code of the article's language (639-3 for the few languages without one),
    None if there is too little text to tell.

    The model reads text in capitals (transcripts, headlines) as another language, so it
    sees lower case. A short sample decides for English; any other answer is checked on
    a longer one, since a wrong one keeps an article from being extracted.
    """
    import py3langid  # loads its model on first use

    text = f"{title or ''}\n{text}"
    sample = text[:QUICK_LANGUAGE_SAMPLE_CHARS].lower()
    if len(_NOT_LETTERS.sub("", sample)) < _MIN_LETTERS_FOR_LANGUAGE:
        return None
    language = py3langid.classify(sample)[0]
    if language != "en" and len(text) > len(sample):
        language = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS].lower())[0]
    return language
