"""Date phrases: find them in a clause, keep them as ``DateExpr``, resolve them
against an anchor (the publication date, or a date line inside the text).

A phrase is kept unresolved when the article has no anchor, so that the
pipeline can resolve it later against the date of the article's main incident.
dateparser handles absolute dates; weekday and relative phrases follow our own
rules because dateparser gets "early hours of Saturday" or "six days after"
wrong.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser
from dateutil.easter import easter

from rashomon.extract.numbers import parse_number_word
from rashomon.model import DateExpr, Mention

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "October 17, 2020", "Oct. 5", "October 17th"
MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>{_DAY_RE})\b(?:,?\s+(?P<year>(?:19|20)\d\d))?")
# "17 October 2020", "5 Oct"
DAY_MONTH = re.compile(rf"\b(?P<day>{_DAY_RE})\s+(?:of\s+)?(?P<month>{_MONTH_RE})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
# "10/5/2016", "10/5"
NUMERIC = re.compile(r"(?<![\d/])(?<!\d\s)(?P<month>1[0-2]|0?[1-9])/(?P<day>[12][0-9]|3[01]|0?[1-9])(?:/(?P<year>(?:19|20)?\d\d))?(?![\d/])"
                     # a fraction, not a date: "for 1/2 mile", "3 1/2 inches", "a 2 1/2 year old", "1 1/2-story"
                     r"(?!\s*-?\s*(?:miles?|mi\b|inch|in\.|feet|foot|ft\b|yards?|pounds?|lbs?|hours?|cups?|percent|%))")
# "last Saturday", "early Saturday", "Saturday night", "Monday's shooting"
WEEKDAY = re.compile(rf"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<weekday>{_WEEKDAY_RE})\b(?!,?\s+{_MONTH_RE})", re.I)
# "six days after", "two days earlier", "a week before"
OFFSET = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>after|before|earlier|later|ago)\b",
    re.I,
)
# "last weekend": the Saturday before the anchor, give or take a day
WEEKEND = re.compile(r"\b(?:last|this\s+past)\s+weekend\b", re.I)
# "last November", "in early March 2014", "mid-October": a month, dated at its middle (UCDP precision 4)
MONTH_PERIOD = re.compile(
    rf"\b(?:(?P<last>[Ll]ast)\s+|[Ii]n\s+(?:(?:early|late|mid)[\s-]+)?|(?:[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)"
    rf"(?P<month>{_MONTH_RE})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
# "the June 2013 shooting": a month with its year needs no preposition
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_RE}),?\s+(?P<year>(?:19|20)\d\d)\b")
LAST_MONTH = re.compile(r"\blast\s+month\b", re.I)
# "on Christmas Eve", "New Year's Day", "Thanksgiving night", "the Fourth of July": a holiday names its day.
HOLIDAY = re.compile(
    r"\b(?P<name>Christmas(?:\s+(?:Eve|Day))?|New\s+Year[’']?s(?:\s+(?:Eve|Day))?|Thanksgiving(?:\s+Day)?"
    r"|Fourth\s+of\s+July|July\s+Fourth|Independence\s+Day|Halloween|Easter\s+Sunday|(?<=on\s)Easter"
    r"|Memorial\s+Day|Labor\s+Day|Mother[’']?s\s+Day|Father[’']?s\s+Day|Valentine[’']?s\s+Day"
    r"|St\.?\s+Patrick[’']?s\s+Day|Veterans\s+Day|Cinco\s+de\s+Mayo)\b"
    # a season, a thing or a span named for the holiday is no day ("Christmas tree", "Thanksgiving break")
    r"(?!\s+(?:trees?|gifts?|presents?|shopping|lights|decorations?|cards?|breaks?|season|holidays?|vacation|"
    r"week|weekend|time|carols?|music|sales?|lists?|spirit|bonus|displays?|toys?)\b)")
# "before Christmas", "home for Christmas", "spent Christmas in jail", "a party in honor of Father's Day": a
# day other than the holiday, or none
_HOLIDAY_NOT_ON = re.compile(
    r"\b(?:before|after|since|until|till|by|following|ahead\s+of|up\s+to|for|spen[dt]s?|spending|honou?r(?:ing|\s+of)?|"
    r"celebrat(?:e|es|ed|ing)|mark(?:s|ed|ing)?)\s+(?:the\s+|this\s+)?$", re.I)
# A holiday without a fixed day of the month: its day in a given year.
_MOVABLE_HOLIDAYS = {
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "easter": easter,
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "mother's day": lambda year: _nth_weekday(year, 5, 6, 2),
    "father's day": lambda year: _nth_weekday(year, 6, 6, 3),
}
_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas eve": (12, 24), "new year's eve": (12, 31), "new year's": (1, 1),
    "fourth of july": (7, 4), "july fourth": (7, 4), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "st patrick's day": (3, 17), "veterans day": (11, 11), "cinco de mayo": (5, 5),
}
SAME_TIME = re.compile(r"\b(?:at|around)\s+(?:around\s+|about\s+)?the\s+same\s+time\b", re.I)
RELATIVE_WORDS: list[tuple[re.Pattern[str], int, int]] = [
    # (pattern, days from anchor, precision)
    (re.compile(r"\b(?:earlier\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b|\bearlier\s+in\s+the\s+day\b", re.I), 0, 1),
    (re.compile(r"\byesterday\b|\blast\s+night\b|\bthe\s+previous\s+(?:day|night)\b", re.I), -1, 1),
    (re.compile(r"\bovernight\b", re.I), 0, 2),
    # A week's span, dated at its middle: "last week" is 1 to 9 days back, "earlier this week" 1 to 4.
    (re.compile(r"\blast\s+week\b", re.I), -5, 3),
    (re.compile(r"\bearlier\s+this\s+week\b", re.I), -2, 3),
    (re.compile(r"\bearlier\s+this\s+month\b", re.I), 0, 4),
]
# Section date lines inside republished pieces: "(October 17, 2020) —"
SECTION_DATE = re.compile(rf"^\s*\((?P<date>{_MONTH_RE}\s+{_DAY_RE},?\s+(?:19|20)\d\d)\)\s*[—–-]", re.M)


# Days two resolved phrases may differ and still name the same day, by precision (UCDP date_prec).
TOLERANCE_DAYS = {1: 0, 2: 1, 3: 7, 4: 31, 5: 366}


def _year_for(month: int, day: int, anchor: dt.date | None) -> int | None:
    """A month and day without a year: the latest such date not far after the anchor."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor + dt.timedelta(days=2):
            return year
    return anchor.year - 1


# "Posted: Tuesday, January 28, 2014 8:18 PM EST Updated: Friday, ...": when the page changed, not the event.
_PAGE_STAMP = re.compile(
    r"\b(?:posted|updated|published|last updated|modified|created)\s*(?::|on)?\s*"
    r"(?:\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\b)?,?\s*)?"  # "Published: 15:41 GMT, 16 December 2014"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$",
    re.I)
# A date a clock time follows with no "at" ("Feb 21, 2016 - 6:52 PM", "Nov 22, 2014, 00:10"), or a
# date alone on its line: a page's stamp, not the day of what it reports.
_STAMP_AFTER = re.compile(r"^,?\s*(?:[-–—|,]\s*)?\d{1,2}:\d\d(?!\d)(?:\s*[ap]\.?m\b)?|^\s*$", re.I)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", re.I)
STAMP_CHARS = 600  # page stamps sit at the top of a page


# "Date of Birth: 01/6/1992", "DOB 5/3/98", "born on May 3": someone's birthday, not the event's day.
_BIRTH_BEFORE = re.compile(r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born(?:\s+on)?)\s*:?\s*$", re.I)
# "Juan Palacios (12/09/1991)", "Muhammad Hasan Nawazkhan 07/04/1988 DECEASED": a full numeric date right
# after a name is the person's date of birth (police blotters, arrest logs)
_NAME_BEFORE = re.compile(r"\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:On|Date|Dated|Posted|Updated|Published|"
                          r"Since|Until|From|To|By|Through)\b)[A-Z][a-z]+\s*\(?$")
_CLOCK = re.compile(r"\b(1[0-2]|0?[1-9])(?::[0-5]\d)?\s*([ap])\.?m\b\.?", re.I)
_STAMP_BEFORE = re.compile(r"\b(?:posted|updated|published|created|modified|last updated)\b[^.\n]{0,40}$", re.I)


def first_clock_hour(text: str) -> int | None:
    """The hour (0-23) of the first time of day a text gives ("about 11:30 p.m."), not a page's stamp."""
    for m in _CLOCK.finditer(text):
        if _STAMP_BEFORE.search(text[max(0, m.start() - 48):m.start()]):
            continue
        return int(m.group(1)) % 12 + (12 if m.group(2).lower() == "p" else 0)
    return None


def _month(m: re.Match[str]) -> int | None:
    """The month of a date match: a number ("10/5") or a name ("Oct.", "October")."""
    text = m["month"]
    return int(text) if text.isdigit() else MONTHS.get(text.rstrip(".").lower())


def _day(m: re.Match[str]) -> int:
    return int(re.sub(r"\D", "", m["day"]))  # "17th" -> 17


def page_stamp_date(text: str) -> dt.date | None:
    """The earliest full date a page stamp near the top gives ("Created: 08/09/2014 5:14 AM",
    "Posted: Tuesday, January 28, 2014"): when the page was first written."""
    head = text[:STAMP_CHARS]
    found = []
    for pattern in (MONTH_DAY, DAY_MONTH, NUMERIC):
        for m in pattern.finditer(head):
            if not m["year"] or not _PAGE_STAMP.search(head[max(0, m.start() - 32):m.start()]):
                continue
            year = int(m["year"]) if len(m["year"]) == 4 else 2000 + int(m["year"])
            try:
                found.append(dt.date(year, _month(m), _day(m)))
            except (TypeError, ValueError):
                continue
    return min(found, default=None)


def find_date_exprs(text: str) -> list[tuple[int, int, DateExpr]]:
    """Every date phrase in ``text`` with its span, most specific first at each position."""
    found: list[tuple[int, int, DateExpr]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], expr: DateExpr) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        if _PAGE_STAMP.search(text[max(0, m.start() - 48):m.start()]) \
                or _BIRTH_BEFORE.search(text[max(0, m.start() - 24):m.start()]) \
                or (m.re is NUMERIC and m["year"] and _NAME_BEFORE.search(text[max(0, m.start() - 24):m.start()])):
            return
        line_end = text.find("\n", m.end())
        after = text[m.end():m.end() + 24] if line_end < 0 else text[m.end():min(line_end, m.end() + 24)]
        if expr.kind == "absolute" and _STAMP_AFTER.match(after) and (
                after.strip() or _LINE_START.search(text[max(0, m.start() - 24):m.start()])):
            return
        found.append((m.start(), m.end(), expr))

    for pattern in (MONTH_DAY, DAY_MONTH):
        for m in pattern.finditer(text):
            month, day = _month(m), _day(m)
            if month is None:
                continue
            year = int(m["year"]) if m["year"] else None
            add(m, DateExpr(text=m.group(0), kind="absolute", year=year, month=month, day=day))
    for m in NUMERIC.finditer(text):
        year = m["year"]
        if year and len(year) == 2:
            year = "20" + year
        add(m, DateExpr(text=m.group(0), kind="absolute", year=int(year) if year else None,
                        month=int(m["month"]), day=int(m["day"])))
    for m in OFFSET.finditer(text):
        n = 1 if m["n"].lower() in ("a", "an") else parse_number_word(m["n"])
        if n is None:
            continue
        days = n * (7 if m["unit"].lower().startswith("week") else 1)
        direction = m["dir"].lower()
        # "X came six days after <event>": the embedded event is six days before X.
        sign = -1 if direction in ("after", "later") else 1
        if direction == "ago":
            add(m, DateExpr(text=m.group(0), kind="relative_days", days=-days, precision=1 if days < 7 else 2))
        else:
            add(m, DateExpr(text=m.group(0), kind="offset_from_main", days=sign * days,
                            precision=1 if days < 7 else 2))
    for m in MONTH_PERIOD.finditer(text):
        month = _month(m)
        if month is not None:
            add(m, DateExpr(text=m.group(0), kind="period", month=month, year=int(m["year"]) if m["year"] else None,
                            last=bool(m["last"]), precision=4))
    for m in MONTH_YEAR.finditer(text):
        month = _month(m)
        if month is not None:
            add(m, DateExpr(text=m.group(0), kind="period", month=month, year=int(m["year"]), precision=4))
    for m in LAST_MONTH.finditer(text):
        add(m, DateExpr(text=m.group(0), kind="period", last=True, precision=4))
    for m in HOLIDAY.finditer(text):
        if not _HOLIDAY_NOT_ON.search(text[max(0, m.start() - 24):m.start()]):
            # "New Year's" alone may be the night before (a celebration's gunfire): a day either side
            add(m, DateExpr(text=m.group(0), kind="holiday", precision=2 if holiday_key(m["name"]) == "new year's" else 1))
    for m in SAME_TIME.finditer(text):
        add(m, DateExpr(text=m.group(0), kind="same_as_main"))
    for m in WEEKDAY.finditer(text):
        add(m, DateExpr(text=m.group(0), kind="weekday", weekday=WEEKDAYS.index(m["weekday"].lower()),
                        last=bool(m["last"]) and m["last"].strip().lower() == "last"))
    for m in WEEKEND.finditer(text):
        add(m, DateExpr(text=m.group(0), kind="weekday", weekday=5, last=True, precision=2))
    for pattern, days, precision in RELATIVE_WORDS:
        for m in pattern.finditer(text):
            add(m, DateExpr(text=m.group(0), kind="relative_days" if precision < 4 else "period",
                            days=days, precision=precision))
    found.sort(key=lambda item: item[0])
    return found


def section_anchors(text: str) -> list[tuple[int, dt.date]]:
    """Date lines that start a republished section: (offset, date), in text order."""
    anchors = []
    for m in SECTION_DATE.finditer(text):
        parsed = dateparser.parse(m["date"], languages=["en"])
        if parsed:
            anchors.append((m.start(), parsed.date()))
    return anchors


def resolve(expr: DateExpr, anchor: dt.date | None, main_date: dt.date | None = None) -> tuple[dt.date | None, int]:
    """The calendar date a phrase denotes and its precision (UCDP date_prec)."""
    anchor = expr.anchor or anchor
    if expr.kind == "absolute":
        year = expr.year or (_year_for(expr.month, expr.day, anchor) if expr.month and expr.day else None)
        if year is None or expr.month is None or expr.day is None:
            return None, 5
        try:
            return dt.date(year, expr.month, expr.day), expr.precision
        except ValueError:
            return None, 5
    if expr.kind == "holiday":
        day = holiday_date(expr.text, anchor)
        return (day, expr.precision) if day else (None, 5)
    if expr.kind == "offset_from_main":
        return (main_date + dt.timedelta(days=expr.days), expr.precision) if main_date else (None, 5)
    if expr.kind == "same_as_main":
        return (main_date, 1) if main_date else (None, 5)
    if expr.kind == "period" and expr.month is not None and expr.year is not None:
        return _mid_month(expr.year, expr.month, anchor), expr.precision
    if anchor is None:
        return None, 5
    if expr.kind == "weekday":
        # The latest such weekday on or before the anchor; "last X" is the latest before it
        # ("last Thursday" in Monday's paper is four days back, not eleven).
        back = (anchor.weekday() - expr.weekday) % 7
        if expr.last and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back), expr.precision
    if expr.kind == "relative_days":
        return anchor + dt.timedelta(days=expr.days), expr.precision
    if expr.kind == "period" and expr.month is not None:
        # "in November": the latest November up to the anchor's month; "last November" is before it
        this_year = expr.month < anchor.month or (expr.month == anchor.month and not expr.last)
        return _mid_month(anchor.year if this_year else anchor.year - 1, expr.month, anchor), expr.precision
    if expr.kind == "period" and expr.last:  # "last month"
        year, month = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
        return _mid_month(year, month, anchor), expr.precision
    if expr.kind == "period":
        return anchor, expr.precision
    return None, 5


def holiday_key(name: str) -> str:
    """A holiday's name folded to a key of the tables ("New Year’s  Day" -> "new year's")."""
    key = re.sub(r"\s+", " ", name.replace("’", "'").replace(".", "")).lower()
    key = re.sub(r" (?:day|sunday)$", "", key) if key not in _FIXED_HOLIDAYS and key not in _MOVABLE_HOLIDAYS else key
    return key


def holiday_date(name: str, anchor: dt.date | None) -> dt.date | None:
    """The holiday's latest day not far after the anchor (as ``_year_for``)."""
    if anchor is None:
        return None
    key = holiday_key(name)
    for year in (anchor.year, anchor.year - 1):
        if key in _FIXED_HOLIDAYS:
            day = dt.date(year, *_FIXED_HOLIDAYS[key])
        elif key in _MOVABLE_HOLIDAYS:
            day = _MOVABLE_HOLIDAYS[key](year)
        else:
            return None
        if day <= anchor + dt.timedelta(days=2):
            return day
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (Monday = 0); n = -1: the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _mid_month(year: int, month: int, anchor: dt.date | None) -> dt.date:
    """A month's middle day, or the anchor if the month is the anchor's and its middle is yet to come."""
    middle = dt.date(year, month, 15)
    return anchor if anchor is not None and (anchor.year, anchor.month) == (year, month) and anchor < middle \
        else middle


def redate(mentions: list[Mention], anchor: dt.date) -> list[Mention]:
    """The mentions of one article with their dates resolved against a new anchor
    (for an article that gives no date, the date of its main incident)."""
    main = next((m for m in mentions if m.role == "main"), None)
    main_date = None
    if main is not None:
        main_date, _ = resolve(main.date_expr, anchor) if main.date_expr else (anchor, 2)
    out = []
    for m in mentions:
        m = m.model_copy(deep=True)
        if m.date_expr is not None:
            m.date, m.date_precision = resolve(m.date_expr, anchor, main_date)
        elif m is main or m.role == "main":
            m.date, m.date_precision = main_date, 2
        out.append(m)
    return out
