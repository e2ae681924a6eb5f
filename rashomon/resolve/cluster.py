"""Grouping mentions into incidents.

Mentions are blocked by place (the same gazetteer entry), by a named person,
by region (admin1) and day (places written at different levels: a county and a
town in it pair whatever their words), and by day alone for a report that names
no place, so the number of pairs scored grows with the size of a block, not the
corpus. Within a block only pairs whose dates could belong to one incident are
scored: mentions are sorted by date and each is compared with those within its
date window (``DATE_HARD_LIMIT`` days, or the tolerance of a coarse date), so a
city's block over ten years costs what its busiest weeks cost. A mention without
a date is compared with mentions dated (or, undated, published) within
``UNDATED_WINDOW`` days before its article's publication date; only when its
article has no publication date either is it compared with the whole block. A
main mention dated by its publication alone (the article names no day) is
also compared with the stated days of that window before it: a funeral or an
arrest reported weeks later joins its incident on a shared name or words.

Each pair gets a score from the evidence that tells incidents apart (date
distance, figures, kind, names, shared words), where "same place" counts for
less in a place with reports on many other days nearby (``BUSY_DAYS``); pairs
are merged best first (ties broken by mention id, so the result does not depend
on the input order), never putting two mentions of one article into one
incident and never joining incidents whose dates disagree. Every merge keeps
the reasons it was made, so the dossier can say why an article belongs.

For speed, what a pair's score needs is computed once per mention
(``_Features``); scores and reasons come from the same function, so
``score_pair`` and ``cluster`` cannot disagree. Features are computed from a
mention's slim form (``SlimMention``: ``Mention.slim()``, or as the store
keeps it), so ``group`` can cluster a million mentions without loading them:
it returns positions and, per mention, the partner whose merge brought it in,
and a merge's reasons are worked out only when an incident is built.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from typing import TypeVar

from rashomon.model import Mention, SlimMention

# A pair merges at this score or above. Re-grouping the whole GVA dev split's stored mentions at 1.0 to
# 3.0: B-cubed F1 0.876, 0.878 (1.25), 0.881 (1.5), 0.882 (1.75), 0.883 (2.0), 0.884 (2.25, 2.5), 0.883 (3.0);
# CoNLL F1 peaks at 0.810-0.811 from 1.75 to 2.25; counting incidents exactly falls from 0.649 beyond 2.0.
MERGE_THRESHOLD = 2.0
# How far apart two dates may be, by the coarser date precision (UCDP date_prec).
DATE_TOLERANCE = {1: 1, 2: 3, 3: 7, 4: 31, 5: 366}
# Dates further apart than their tolerance but within this many days only weigh against a merge:
# a report's date can be wrong by a few days ("Tuesday" read against the wrong week); beyond it, never.
DATE_HARD_LIMIT = 7
# A mention without a date of its own is compared with mentions of its place (or person) dated from
# this many days before its article's publication date to DATE_HARD_LIMIT days after it (undated ones:
# published within this many days of it). An article reports what happened before it was published,
# mostly days before: of the GVA dev articles, 88% appear within 10 days of their gold incident, 95%
# within 92 days, 0.8% up to a week before it. Without a bound an undated mention is scored against
# every incident of its city in every year, and joins one (on the dev split: shootings months or years
# apart, or after the article). 92 days keeps every grouping score on the dev split at or above the
# unbounded one (B-cubed, MUC, CEAF-e, CoNLL), and resolution near-linear. None: no bound.
UNDATED_WINDOW: int | None = 92
# Two reports that name one person in full (a name block): a report that names no day of the incident
# joins it up to this many days later (a trial, a sentence: on the GVA dev split, 12 such reports came
# more than UNDATED_WINDOW days after an incident they share a full name with).
NAMED_REACH: int | None = 3 * 366
# A report dated by its publication alone joins an incident a week or more before it only on a shared
# full name or keywords with this Jaccard: the bar reports of two different places must meet too.
LATE_JACCARD = 0.3
# Two reports of different places are scored only when their keywords have this Jaccard (or they share
# a full name); NEAR_WORDS_BAR for precise reports of one state at most a day apart that share a county,
# or their day and a toll of two or more. Of such pairs of main reports on the GVA dev split with a
# Jaccard from 0.2 to 0.3 (a run at 9c8acbf), 44 in 46 of one county and 14 in 14 of one day and toll are
# one incident; of one day and one dead, 18 in 21 (Indio and Oakland joined: too common a toll). Re-resolving
# a run at d3767fa: B-cubed F1 0.906 -> 0.908, CoNLL 0.852 -> 0.855, with the county's towns both quiet
# (see BUSY_DAYS: a city and its suburb have reports most days, the Chicago and Elmhurst of one week joined).
# NEAR_WORDS_BAR too for a town the gazetteer lacks, read in its state ("Roseland" in a Chicago paper):
# re-resolving a run at c9a9113, B-cubed F1 0.908 -> 0.909, CoNLL 0.856 -> 0.857, precision unchanged.
WORDS_BAR = 0.3
NEAR_WORDS_BAR = 0.2
# A place where something is reported on many days (a big city) makes "same place" weak evidence: of
# the pairs of main reports that share a city and score a merge on the GVA dev split, those a day or
# more apart are one incident 73% of the time where no other day of that place within BUSY_DAYS has a
# report, 45% with one or two such days, 30% with three to five and 11% beyond; on the same day, 98%
# falling to 57%. So each other reported day of the place weighs against a merge (BUSY_WEIGHT, half
# on the same day), up to BUSY_CAP days.
BUSY_DAYS = 15
BUSY_WEIGHT = 0.5
BUSY_CAP = 5
# The lower keyword bar for nearby towns (NEAR_WORDS_BAR) holds in a sparse corpus, where a county or a
# state's day has one incident at most; where the corpus covers every incident (the 1M synthetic set:
# some 150 incidents a day), a county has reports most weeks and a state several places a day, and the
# bar joined different incidents (100k synthetic: B-cubed precision 0.867 without the lower bar, 0.857
# with it ungated). So a county is crowded when it has reports on a day more than a day from the pair's
# within BUSY_DAYS, a state's day when its reports that day and the next name more than
# CROWDED_PLACES places; crowded, the bar stays WORDS_BAR.
COUNTY_CROWDED = 1
REGION_CROWDED = 2
CROWDED_PLACES = 3
# A report that names no day of its own (none at all, or only its publication's) is linked by place and
# words alone: it may join one dated incident, but its links do not bring a dated report into an incident
# that has dated reports, nor join two such incidents. On the GVA dev split a sentencing story scored with
# each Philadelphia shooting of the three months before it had chained four of them, days apart, into one.
# Re-resolving the run of the commit before this rule: B-cubed precision 0.957 -> 0.961, F1 0.910 -> 0.912,
# CoNLL 0.858 -> 0.859, date 0.811 -> 0.814, counting incidents exactly 0.699 -> 0.702. True: they may.
UNDATED_BRIDGES = False


_EMPTY: frozenset[str] = frozenset()
T = TypeVar("T")


def without_gc(function: Callable[..., T]) -> Callable[..., T]:
    """Run ``function`` with the cyclic garbage collector paused: resolution allocates millions of
    small objects and no reference cycles, and each full collection would walk the whole corpus."""

    @wraps(function)
    def wrapper(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper


@dataclass
class Link:
    a: str
    b: str
    score: float
    reasons: list[str] = field(default_factory=list)


def _place_key(m: SlimMention) -> str | None:
    if m.place is None:
        return None
    if m.place.geonameid is not None:
        return sys.intern(f"g{m.place.geonameid}")
    return sys.intern(f"n{m.place.name.lower()}|{m.place.admin1}|{m.place.country}")


def _tolerance(precision: int) -> int:
    return DATE_TOLERANCE.get(precision, 366)


def _window(precision: int) -> int:
    """The largest number of days a mention of this date precision may be from another of the same
    incident (with a finer or equal precision)."""
    return max(_tolerance(precision), DATE_HARD_LIMIT)


def _main_figure(m: SlimMention, kind: str) -> int | None:
    values = [value for k, value, qualifier in m.figures if k == kind and qualifier != "vague"]
    return max(values) if values else None


def _slim(m: Mention | SlimMention) -> SlimMention:
    return m if isinstance(m, SlimMention) else m.slim()


class _Features:
    """What scoring and blocking need of one mention, computed once."""

    __slots__ = ("index", "record", "id", "article", "place_key", "has_place", "country", "admin1", "admin2",
                 "day", "precision", "window", "killed", "injured", "event_type", "weapon", "main", "names",
                 "keywords", "published", "name_keys", "region", "county", "precise", "busy", "crowd", "assumed",
                 "town")

    def __init__(self, index: int, m: SlimMention, reported: dict[str, dt.date | None] | None, keywords: bool = True):
        self.index = index
        self.record = m
        self.id = m.id
        self.article = m.article_id
        self.place_key = _place_key(m)
        place = m.place
        self.has_place = place is not None
        self.country = place.country if place else None
        self.admin1 = place.admin1 if place else None
        self.admin2 = place.admin2 if place else None
        self.county = place is not None and place.feature == "admin2"
        self.town = sys.intern(place.name.lower()) if place is not None and place.feature == "city" else None
        self.day = m.date.toordinal() if m.date is not None else None
        self.precision = m.date_precision or 1
        self.window = _window(self.precision)
        self.assumed = m.date_assumed and self.day is not None  # its publication day: on or before it
        self.killed = _main_figure(m, "killed")
        self.injured = _main_figure(m, "injured")
        self.event_type = m.event_type
        self.weapon = m.weapon
        self.main = m.role == "main"
        self.names = frozenset(m.names) if m.names else _EMPTY
        self.keywords = self.keyword_set() if keywords else None  # see cluster(): built per block
        published = reported.get(m.article_id) if reported else None
        self.published = published.toordinal() if published else None
        # blocks: a named person (two words or more), and its region on its day and the next, for precise dates
        self.name_keys = frozenset(n.lower() for n in m.names if len(n) > 5 and " " in n) if m.names else _EMPTY
        self.precise = m.date is not None and (m.date_precision or 9) <= 2
        self.busy = 0  # other days its place has reports on, near its own (see place_busyness)
        self.crowd = 0  # COUNTY_CROWDED | REGION_CROWDED (see _set_crowd)
        self.region = None
        if place is not None and place.admin1 and self.precise:
            self.region = sys.intern(f"{place.country}|{place.admin1}")

    def keyword_set(self) -> frozenset[str]:
        return frozenset(self.record.keywords) if self.record.keywords else _EMPTY


def _reach(a: _Features, b: _Features) -> int | None:
    """How long after an incident a report that names no day of it may join it: ``NAMED_REACH`` for
    two that name one person in full, else ``UNDATED_WINDOW`` (None: no bound)."""
    return _named_reach() if a.name_keys & b.name_keys else UNDATED_WINDOW


def _named_reach() -> int | None:
    return None if UNDATED_WINDOW is None or NAMED_REACH is None else max(NAMED_REACH, UNDATED_WINDOW)


def _reported_later(a: _Features, b: _Features) -> bool:
    """Whether one of two dated mentions has only its report's day (``assumed``), after the other's
    day and within ``_reach`` of it: a report that names no day may come weeks after the incident
    (an arrest, a funeral), as an undated one may."""
    later, earlier = (a, b) if a.day > b.day else (b, a)
    reach = _reach(a, b)
    return later.assumed and not earlier.assumed and (reach is None or later.day - earlier.day <= reach)


def _same_toll(a: _Features, b: _Features) -> bool:
    """Whether two mentions give the same dead and hurt, one of them at least in both."""
    told = [(x, y) for x, y in ((a.killed, b.killed), (a.injured, b.injured)) if x is not None and y is not None]
    return bool(told) and all(x == y for x, y in told) and any(x > 0 for x, _ in told)


def _town_word(lone: _Features, placed: _Features) -> bool:
    """Whether ``lone`` names no place but has ``placed``'s quiet town among its words, on its day."""
    return (not lone.has_place and placed.town is not None and not placed.busy and lone.day is not None
            and lone.day == placed.day and lone.keywords is not None
            and all(w in lone.keywords for w in placed.town.split()))


def _words_bar(a: _Features, b: _Features, same_county: bool) -> float:
    """The keyword Jaccard two reports of different places must share to be scored at all: WORDS_BAR,
    or NEAR_WORDS_BAR for precise reports of one state a day apart at most that share a county (both
    quiet towns, the county not crowded), or one at a town the gazetteer lacks, or their day (not crowded)
    and a toll of two or more."""
    if a.region is None or a.region != b.region or abs(a.day - b.day) > 1:
        return WORDS_BAR
    crowd = a.crowd | b.crowd
    quiet_county = same_county and not a.busy and not b.busy and not crowd & COUNTY_CROWDED
    # a place the gazetteer lacks, read in its state ("Roseland", "Algiers": a neighbourhood of the city
    # another report names; see geo.outlets), is no other town
    unlisted = (_unlisted(a) or _unlisted(b)) and not crowd & REGION_CROWDED
    if quiet_county or unlisted or (a.day == b.day and not crowd & REGION_CROWDED and _same_toll(a, b)
                                    and (a.killed or 0) + (a.injured or 0) > 1):
        return NEAR_WORDS_BAR
    return WORDS_BAR


def _unlisted(f: _Features) -> bool:
    """Whether a mention's town is one the gazetteer lacks, located at its state (UCDP where_prec 4)."""
    place = f.record.place
    return f.town is not None and place.admin2 is None and (place.precision or 1) >= 4


def _score(a: _Features, b: _Features, reasons: list[str] | None = None) -> float | None:
    """The score of a pair, None when the two cannot be one incident; ``reasons`` (when given) gets
    what the score rests on."""
    if a.article == b.article:
        return None
    same_place = a.place_key is not None and a.place_key == b.place_key
    same_county = (not same_place and a.admin2 is not None and a.admin2 == b.admin2 and a.admin1 == b.admin1
                   and a.country == b.country)
    # a county and a town in it: a report written at the county level ("Harris County deputies") and
    # one naming the town are the same place at two precisions
    within = same_county and (a.county or b.county)
    # two quiet towns of one county on one day, with the same toll: a report may name the town of the
    # hospital, the sheriff or a neighbour for where it happened (not in busy places: a city and its
    # suburb each have deaths most days, and the 1M synthetic benchmark's precision fell 0.62 -> 0.58)
    county_day = (same_county and not within and a.day is not None and a.day == b.day
                  and not a.busy and not b.busy and _same_toll(a, b))
    # a report that names no place but has a quiet town's name among its words ("Running Joliet Teen
    # Slipped in Mud", where the finder took no place), on that town's report's day
    town_word = _town_word(a, b) or _town_word(b, a)
    bar = _words_bar(a, b, same_county)
    if not same_place and not within and not county_day and not town_word and not (a.names & b.names):
        # without one place, only what identifies the incident itself can join two reports (checked
        # first: most pairs of a region block end here)
        if _jaccard(a.keywords, b.keywords) < bar:
            return None
    score = 0.0
    if same_place:
        score += 1.0
        if reasons is not None:
            reasons.append(f"same place ({a.record.place.name})")
        # each mention counts the other's day among its place's other days when theirs differ
        apart = a.day is None or b.day is None or a.day != b.day
        busy = min(max(0, min(a.busy, b.busy) - (1 if apart else 0)), BUSY_CAP)
        if busy:
            score -= BUSY_WEIGHT * busy * (1.0 if apart else 0.5)
            if reasons is not None:
                reasons.append(f"but {a.record.place.name} has reports on {busy}{'+' if busy == BUSY_CAP else ''}"
                               f" other day(s) within {BUSY_DAYS} days")
    elif a.has_place and b.has_place:
        two_states = a.country != b.country or (a.admin1 and b.admin1 and a.admin1 != b.admin1)
        if two_states and not (
                a.day is not None and b.day is not None and abs(a.day - b.day) <= 1 and (
                    a.name_keys & b.name_keys or (a.town is not None and a.town == b.town and (
                        a.names & b.names or _jaccard(a.keywords, b.keywords) >= LATE_JACCARD)))):
            # two states, unless both name one person in full on one day, or a town of one name and
            # the same people on one day: one state is misread ("Woodville" read in Florida and in
            # Louisiana, in reports that name the same Dabill and Schriefer)
            return None
        if two_states and reasons is not None:
            reasons.append(f"read in {a.admin1 or a.country} and {b.admin1 or b.country}: one state misread")
        if within:
            score += 0.75
            if reasons is not None:
                reasons.append(f"{(b if a.county else a).record.place.name} is in {a.admin2}")
        elif a.admin2 and a.admin2 == b.admin2:
            score += 0.5
            if reasons is not None:
                reasons.append(f"same county ({a.admin2})")
    dated = a.day is not None and b.day is not None
    late = False  # one was reported weeks later, on no day it names
    if dated:
        days = abs(a.day - b.day)
        tolerance = _tolerance(max(a.precision, b.precision))
        if days > max(tolerance, DATE_HARD_LIMIT):
            if not _reported_later(a, b):
                return None
            late = True
            if reasons is not None:
                reasons.append(f"reported {days} days later, on no day it names")
        elif days > tolerance:
            score -= 1.0
            if reasons is not None:
                reasons.append(f"dates {days} days apart")
        elif days == 0:
            score += 1.5
            if reasons is not None:
                reasons.append(f"same day ({a.record.date})")
        else:
            score += 0.5
            if reasons is not None:
                reasons.append(f"dates {days} day(s) apart")
    for kind, va, vb, weight in (("killed", a.killed, b.killed, 1.5), ("injured", a.injured, b.injured, 1.0)):
        if va is None or vb is None:
            continue
        if va == vb:
            score += weight
            if reasons is not None:
                reasons.append(f"{kind} {va} in both")
        elif abs(va - vb) <= max(1, 0.2 * max(va, vb)):
            score += weight / 2
            if reasons is not None:
                reasons.append(f"{kind} {va} vs {vb}")
        else:
            score -= weight
    if a.event_type and a.event_type == b.event_type:
        score += 0.5
        if reasons is not None:
            reasons.append(f"both {a.event_type.lower()}")
    elif a.weapon and a.weapon == b.weapon:
        score += 0.5
        if reasons is not None:
            reasons.append(f"both by {a.weapon}")
    elif a.event_type and b.event_type:
        score -= 0.5
    if not dated and a.published is not None and b.published is not None and abs(a.published - b.published) <= 2:
        score += 0.5
        if reasons is not None:
            reasons.append("reported within two days of each other")
    if a.main and b.main:
        score += 0.5
    shared_names = a.names & b.names
    if shared_names:
        score += 1.5
        if reasons is not None:
            reasons.append("names " + ", ".join(sorted(shared_names)[:3]))
    shared_words = a.keywords & b.keywords
    jaccard = _jaccard(a.keywords, b.keywords, shared_words)
    if shared_words:
        score += 2 * jaccard
        if reasons is not None:
            reasons.append("shared words " + ", ".join(sorted(shared_words)[:5]))
    if town_word and reasons is not None:
        reasons.append(f"names {(a if a.town else b).record.place.name} among its words")
    if not same_place and not within and not county_day and not town_word and not shared_names and jaccard < bar:
        return None  # (checked first above, kept here as the rule)
    if late and not shared_names and jaccard < LATE_JACCARD:
        return None  # a place, a toll and a kind are shared by many incidents weeks apart
    return score


def score_pair(a: Mention, b: Mention, reported: dict[str, dt.date | None] | None = None,
               busy: dict[str, int] | None = None) -> Link | None:
    """How strongly two mentions look like one incident; None when they cannot be. ``busy``: what
    ``place_busyness`` gives for the corpus the two come from (none: quiet places)."""
    reasons: list[str] = []
    fa, fb = _Features(0, _slim(a), reported), _Features(1, _slim(b), reported)
    if busy:
        fa.busy, fb.busy = busy.get(a.id, 0), busy.get(b.id, 0)
    score = _score(fa, fb, reasons)
    return None if score is None else Link(a.id, b.id, score, reasons)


def _set_busy(features: list[_Features]) -> None:
    """Each mention's ``busy``: how many other days its place has main reports (with a precise date)
    on, within BUSY_DAYS of its own day (or of its article's publication, when it has no date)."""
    days: dict[str, list[int]] = defaultdict(list)
    for f in features:
        if f.place_key is not None and f.main and f.precise:
            days[f.place_key].append(f.day)
    unique = {key: sorted(set(d)) for key, d in days.items()}
    for f in features:
        place_days = unique.get(f.place_key) if f.place_key is not None else None
        anchor = f.day if f.day is not None else f.published
        if not place_days or anchor is None:
            continue
        f.busy = _days_within(place_days, anchor, BUSY_DAYS) - _days_within(place_days, anchor, 0)


def _days_within(days: list[int], day: int, reach: int) -> int:
    """How many of the sorted ``days`` lie within ``reach`` days of ``day``."""
    return bisect.bisect_right(days, day + reach) - bisect.bisect_left(days, day - reach)


def _set_crowd(features: list[_Features]) -> None:
    """Each precise mention's ``crowd``: COUNTY_CROWDED when its county has main reports on a day more
    than a day from its own within BUSY_DAYS; REGION_CROWDED when its state's main reports of its day and
    the next name more than CROWDED_PLACES places (see COUNTY_CROWDED)."""
    county_days: dict[tuple, list[int]] = defaultdict(list)
    region_places: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in features:
        if f.main and f.precise:
            if f.admin2 is not None:
                county_days[(f.country, f.admin1, f.admin2)].append(f.day)
            if f.region is not None and f.place_key is not None:
                region_places[(f.region, f.day)].add(f.place_key)
    unique = {key: sorted(set(d)) for key, d in county_days.items()}
    for f in features:
        if not f.precise:
            continue
        days = unique.get((f.country, f.admin1, f.admin2)) if f.admin2 is not None else None
        if days and _days_within(days, f.day, BUSY_DAYS) > _days_within(days, f.day, 1):
            f.crowd |= COUNTY_CROWDED
        if f.region is not None and len(region_places.get((f.region, f.day), set())
                                        | region_places.get((f.region, f.day + 1), set())) > CROWDED_PLACES:
            f.crowd |= REGION_CROWDED


def place_busyness(mentions: list[Mention], reported: dict[str, dt.date | None] | None = None) -> dict[str, int]:
    """Per mention id, the number of other days its place has reports on near its own (see BUSY_DAYS)."""
    features = [_Features(i, _slim(m), reported, keywords=False) for i, m in enumerate(mentions)]
    _set_busy(features)
    return {f.id: f.busy for f in features}


def _block_keys(f: _Features) -> Iterator[tuple[str, str, int]]:
    """(kind, key, day): the blocks of a mention: its place, each named person, its region on its day and
    the next; and the whole day and the next, where a report that names no place finds the others."""
    if f.place_key is not None:
        yield "place", f.place_key, 0
    if f.town is not None and f.precise:
        yield "town", f.town, 0
    for name in f.name_keys:
        yield "name", name, 0
    if f.region is not None:
        yield "region", f.region, f.day
        yield "region", f.region, f.day + 1
    if f.precise:
        yield "day", "", f.day
        yield "day", "", f.day + 1


def blocks(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions that may be the same incident: the same place; the same named person; the same
    region (admin1) on the same or the next day, for places written at different levels; or the
    same or the next day anywhere, for a report that names no place."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for kind, key, day in _block_keys(_Features(i, _slim(m), None)):
            out[f"{kind}:{key}" + (f"|{dt.date.fromordinal(day)}" if kind in ("region", "day") else "")].append(m)
    return out


def _owns(block: tuple[str, str, int], a: _Features, b: _Features) -> bool:
    """Whether a pair found in ``block`` is scored there: a pair in several blocks is scored in one
    only (its place block, else its first shared name, else its region on the later of its days, else
    the later of its days; ``_day_pairs`` gives a day block only pairs of which one names no place)."""
    kind, key, day = block
    if kind == "place":
        return True
    if a.place_key is not None and a.place_key == b.place_key:
        # its place block's, unless further apart than the place block pairs a report that names no day
        # with the incident before it (see NAMED_REACH)
        return kind == "name" and UNDATED_WINDOW is not None and _apart(a, b) > UNDATED_WINDOW
    shared = a.name_keys & b.name_keys
    if kind == "name":
        return key == min(shared)
    if kind == "town":
        return not shared  # _town_pairs gives only towns of one name in two states
    return not shared and day == max(a.day, b.day)


def _apart(a: _Features, b: _Features) -> int:
    """Days between two mentions' dates (or, undated, their publication days); 0 when unknown."""
    x, y = (a.day if a.day is not None else a.published), (b.day if b.day is not None else b.published)
    return abs(x - y) if x is not None and y is not None else 0


def _candidates(block: list[_Features], reach: int | None = UNDATED_WINDOW) -> Iterator[tuple[_Features, _Features]]:
    """Each pair of a block whose dates allow one incident, once; a report that names no day is paired
    with those up to ``reach`` days before it."""
    dated = sorted((f for f in block if f.day is not None), key=lambda f: (f.day, f.index))
    days = [f.day for f in dated]
    smallest = min((f.window for f in dated), default=0)
    for k, a in enumerate(dated):
        # forward: pairs this mention's window covers, unless the other one's window is wider;
        # backward: only pairs whose other mention has a narrower window (the wider window owns a pair)
        end = bisect.bisect_right(days, a.day + a.window, k + 1)
        for b in dated[k + 1:end]:
            if b.window <= a.window:
                yield a, b
        if a.window > smallest:
            start = bisect.bisect_left(days, a.day - a.window, 0, k)
            for b in dated[start:k]:
                if b.window < a.window:
                    yield a, b
        if a.assumed:
            # a report dated by its publication alone, and the stated days before its window (see
            # _reported_later); those within either window were paired above
            first = a.day - (reach if reach is not None else a.day)
            for b in dated[bisect.bisect_left(days, first, 0, k):bisect.bisect_left(days, a.day - a.window, 0, k)]:
                if not b.assumed and a.day - b.day > b.window:
                    yield a, b
    undated = [f for f in block if f.day is None]
    if not undated:
        return
    bounded = reach is not None
    published = sorted((f for f in undated if bounded and f.published is not None), key=lambda f: (f.published, f.index))
    pub_days = [f.published for f in published]
    for k, u in enumerate(published):
        p = u.published
        yield from ((u, b) for b in dated[bisect.bisect_left(days, p - reach):
                                          bisect.bisect_right(days, p + DATE_HARD_LIMIT)])
        yield from ((u, b) for b in published[k + 1:bisect.bisect_right(pub_days, p + reach, k + 1)])
    unknown = [f for f in undated if not bounded or f.published is None]
    for k, u in enumerate(unknown):  # neither a date nor a publication date: anything in the block
        yield from ((u, b) for b in dated)
        yield from ((u, b) for b in published)
        yield from ((u, b) for b in unknown[k + 1:])


def _jaccard(a: frozenset[str], b: frozenset[str], shared: frozenset[str] | None = None) -> float:
    """The Jaccard index of two keyword sets (``shared``: their intersection, when already made)."""
    if shared is None:
        shared = a & b
    return len(shared) / (len(a) + len(b) - len(shared)) if shared else 0.0


def _town_pairs(block: list[_Features]) -> Iterator[tuple[_Features, _Features]]:
    """The pairs of a town block that may score: a town of one name read in two states on the same or
    the next day (one report's state misread, see ``_score``); a name only one state has gives none."""
    if len({(f.country, f.admin1) for f in block}) < 2:
        return
    dated = sorted(block, key=lambda f: (f.day, f.index))
    days = [f.day for f in dated]
    for k, a in enumerate(dated):
        for b in dated[k + 1:bisect.bisect_right(days, a.day + 1, k + 1)]:
            if (a.country, a.admin1) != (b.country, b.admin1):
                yield a, b


def _prefix(f: _Features, rank: dict[str, int], bar: float = WORDS_BAR) -> list[tuple[int, str]]:
    """The rarest keywords of a mention (see ``_region_pairs``) and its names, as index tokens: two sets
    with a Jaccard of ``bar`` or more share one of their prefixes' words."""
    words = sorted(f.keywords, key=lambda w: (rank[w], w))
    tenths = round(bar * 10)  # in whole tenths: 0.3 * 10 is 3.0000000000000004
    return [(0, w) for w in words[:len(words) - (tenths * len(words) + 9) // 10 + 1]] + [(1, n) for n in f.names]


def _day_pairs(block: list[_Features], rank: dict[str, int]) -> Iterator[tuple[_Features, _Features]]:
    """The pairs of a day block that may score: one report names no place, so only a shared name or
    keywords with a Jaccard of 0.3 or more join it (prefix filtering as in ``_region_pairs``). A day
    holds every report of the country, and only a few name no place: so only their prefixes are
    built, and the placed reports are filed only under the words those prefixes hold (a pair with a
    Jaccard of 0.3 shares a word of the placeless one's prefix). Keyword sets are made only for the
    mentions of a pair (the caller clears them after the block)."""
    lone = [f for f in block if not f.has_place]
    prefixes = []
    for f in lone:
        f.keywords = f.keyword_set()
        prefixes.append(_prefix(f, rank))
    words = {w for tokens in prefixes for kind, w in tokens if kind == 0}
    names = {n for tokens in prefixes for kind, n in tokens if kind == 1}
    placed: dict[tuple[int, str], list[_Features]] = defaultdict(list)
    for f in block:
        # most of a day's reports share no word with its few placeless ones: a set test in C skips them
        if not f.has_place or (words.isdisjoint(f.record.keywords) and names.isdisjoint(f.names)
                               and f.town not in words):
            continue
        for w in words.intersection(f.record.keywords):
            placed[(0, w)].append(f)
        if f.town in words and f.town not in f.record.keywords:
            placed[(0, f.town)].append(f)  # its town among a placeless report's words (see _town_word)
        for n in names.intersection(f.names):
            placed[(1, n)].append(f)
    earlier: dict[tuple[int, str], list[_Features]] = defaultdict(list)
    for f, tokens in zip(lone, prefixes):
        seen: set[int] = set()
        for token in tokens:
            for g in earlier[token] + placed.get(token, []):
                if g.index not in seen:
                    seen.add(g.index)
                    if g.keywords is None:
                        g.keywords = g.keyword_set()
                    yield g, f
        for token in tokens:
            earlier[token].append(f)


def _region_pairs(block: list[_Features], rank: dict[str, int]) -> Iterator[tuple[_Features, _Features]]:
    """The pairs of a region block that may score: mentions of different places are joined only by a
    shared name or keywords with a Jaccard of NEAR_WORDS_BAR or more (see ``_score``), and two keyword
    sets that similar share at least one of their rarest words (prefix filtering: with keywords ordered
    rarest first, sets whose prefixes of ``len - ceil(0.2 len) + 1`` words are disjoint overlap by less
    than 0.2 of either). A county and the towns in it are joined whatever their words, so they pair through
    their county: a county mention looks up the towns filed under it and the other way round; two
    towns of one county pair only when both are quiet (see ``_score``). So only pairs sharing a name,
    a prefix word or a county are enumerated, not every pair of a busy state's day."""
    index: dict[tuple[int, str], list[_Features]] = defaultdict(list)
    for f in block:
        tokens = _prefix(f, rank, NEAR_WORDS_BAR)  # the lower bar of the two a pair of a state's day may meet
        probes = list(tokens)
        if f.admin2 is not None:
            tokens.append((2 if f.county else 3, f.admin2))
            probes.append((3 if f.county else 2, f.admin2))
            if not f.county and not f.busy and not f.crowd & COUNTY_CROWDED:
                # two quiet towns of one county on one day (see _score): a busy town pairs with none
                tokens.append((4, f.admin2))
                probes.append((4, f.admin2))
        seen: set[int] = set()
        for token in probes:
            for g in index[token]:
                if g.index not in seen:
                    seen.add(g.index)
                    yield g, f
        for token in tokens:
            index[token].append(f)


class Grouping:
    """The clusters of a set of mentions: ``records`` (their slim forms) sorted by id, ``clusters``
    as positions in ``records`` (each ascending, the clusters by their first), and ``partner[k]``
    the position of the mention whose merge brought mention k into its cluster (-1: none); ``busy[k]``
    the other days mention k's place has reports on and ``crowd[k]`` how crowded its county and state's
    day are (see ``_set_busy`` and ``_set_crowd``), which its scores read."""

    __slots__ = ("records", "clusters", "partner", "reported", "busy", "crowd")

    def __init__(self, records: list[SlimMention], clusters: list[list[int]], partner: array,
                 reported: dict[str, dt.date | None] | None, busy: array, crowd: array):
        self.records, self.clusters, self.partner, self.reported = records, clusters, partner, reported
        self.busy, self.crowd = busy, crowd

    def link(self, k: int) -> Link | None:
        """The link that brought mention ``k`` into its cluster, with its reasons (worked out now:
        a million links with their reasons would take more memory than the mentions)."""
        return self.links([k]).get(self.records[k].id)

    def links(self, positions: Iterable[int]) -> dict[str, Link]:
        """``link`` of each of these mentions that has one, by mention id; each mention's features are
        made once and each pair scored once (the two mentions of a merge are often each other's link)."""
        features: dict[int, _Features] = {}
        made: dict[tuple[int, int], Link] = {}
        out: dict[str, Link] = {}
        for k in positions:
            other = self.partner[k]
            if other < 0:
                continue
            pair = (min(k, other), max(k, other))
            if pair not in made:
                for i in pair:
                    if i not in features:
                        features[i] = self._features(i)
                a, b = features[pair[0]], features[pair[1]]
                reasons: list[str] = []
                made[pair] = Link(a.id, b.id, _score(a, b, reasons), reasons)
            out[self.records[k].id] = made[pair]
        return out

    def _features(self, k: int) -> _Features:
        f = _Features(k, self.records[k], self.reported)
        f.busy, f.crowd = self.busy[k], self.crowd[k]
        return f


@without_gc
def group(records: list[SlimMention], reported: dict[str, dt.date | None] | None = None) -> Grouping:
    """Cluster mentions given in slim form (deterministic whatever the input order)."""
    records = sorted(records, key=lambda m: m.id)
    # keyword sets, the largest feature, exist only for the block being scored: a million of them
    # would take most of the memory clustering needs
    features = [_Features(i, m, reported, keywords=False) for i, m in enumerate(records)]
    _set_busy(features)
    _set_crowd(features)
    busy = array("h", (f.busy for f in features))
    crowd = array("b", (f.crowd for f in features))
    by_key: dict[tuple[str, str, int], list[_Features]] = defaultdict(list)
    for f in features:
        for key in _block_keys(f):
            by_key[key].append(f)

    # how rare each keyword is among the mentions of region and day blocks (rarest first, for _prefix)
    rank = Counter(w for f in features if f.precise for w in set(f.record.keywords))

    scores, lefts, rights = array("d"), array("q"), array("q")
    for key, block in by_key.items():
        if len(block) < 2 or (key[0] == "day" and all(f.has_place for f in block)):
            continue
        place_block = key[0] == "place"
        if key[0] != "day":
            for f in block:
                f.keywords = f.keyword_set()
        # a region block holds precise dates a day apart at most: any two may be one incident by date
        pairs = (_region_pairs(block, rank) if key[0] == "region" else _day_pairs(block, rank) if key[0] == "day"
                 else _town_pairs(block) if key[0] == "town"
                 else _candidates(block, _named_reach() if key[0] == "name" else UNDATED_WINDOW))
        for a, b in pairs:
            if a.index > b.index:
                a, b = b, a
            if not place_block and not _owns(key, a, b):
                continue
            score = _score(a, b)
            if score is not None and score >= MERGE_THRESHOLD:
                scores.append(score)
                lefts.append(a.index)
                rights.append(b.index)
        for f in block:
            f.keywords = None
    del by_key, rank

    # best first; ties by mention ids (indices follow the ids)
    import numpy as np

    order = np.lexsort((np.frombuffer(rights, dtype=np.int64), np.frombuffer(lefts, dtype=np.int64),
                        -np.frombuffer(scores, dtype=np.float64))) if scores else np.empty(0, dtype=np.int64)
    del scores

    parent = list(range(len(records)))
    groups: dict[int, _Group] = {}  # root -> what _can_merge needs, for clusters of two or more
    partner = array("q", [-1]) * len(records)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for position in order.tolist():
        i, j = lefts[position], rights[position]
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        gi, gj = groups.get(ri), groups.get(rj)
        # a link from a report that names no day of its own (see UNDATED_BRIDGES)
        bridge = not UNDATED_BRIDGES and not (_stated(features[i]) and _stated(features[j]))
        if gi is None and gj is None:
            # two lone mentions: i and j themselves, whose pair scored, so they fit together
            gi = groups[ri] = _Group.of(features[ri])
            gi.add(features[rj])
        elif gj is None or gi is None:
            if gi is None:
                ri, rj, gi = rj, ri, gj
            if not gi.admits(features[rj]) or (bridge and gi.spans and _stated(features[rj])):
                continue
            gi.add(features[rj])
        else:
            if not gi.can_merge(gj) or (bridge and gi.spans and gj.spans):
                continue
            if len(gi.members) < len(gj.members):
                ri, rj, gi, gj = rj, ri, gj, gi
            gi.absorb(gj)
            groups[ri] = gi
            del groups[rj]
        parent[rj] = ri
        # each mention keeps the first merge that brought it in (the pair i, j: i < j)
        if partner[j] < 0:
            partner[j] = i
        if partner[i] < 0:
            partner[i] = j
    del order, lefts, rights, features

    clusters: list[list[int]] = []
    for r in range(len(records)):
        if parent[r] == r:
            clusters.append(sorted(groups[r].members) if r in groups else [r])
    clusters.sort(key=lambda c: c[0])  # positions follow the ids
    return Grouping(records, clusters, partner, reported, busy, crowd)


def cluster(mentions: list[Mention], reported: dict[str, dt.date | None] | None = None
            ) -> tuple[list[list[Mention]], dict[str, Link]]:
    """Clusters of mentions (deterministic whatever the input order) and, per
    mention, the link that brought it into its cluster: ``group`` on their slim forms."""
    mentions = sorted(mentions, key=lambda m: m.id)
    grouping = group([_slim(m) for m in mentions], reported)
    joined_by = {mentions[k].id: grouping.link(k) for k in range(len(mentions)) if grouping.partner[k] >= 0}
    return [[mentions[k] for k in c] for c in grouping.clusters], joined_by


def _stated(f: _Features) -> bool:
    """Whether a mention's day bounds its cluster's: a publication day (``assumed``) does not."""
    return f.day is not None and not f.assumed


class _Group:
    """A cluster's members, articles and the span of their stated dates per precision: enough to
    tell whether two clusters may merge without comparing every pair of their mentions."""

    __slots__ = ("members", "articles", "spans")

    def __init__(self, members: list[int], articles: set[str], spans: dict[int, tuple[int, int]]):
        self.members, self.articles, self.spans = members, articles, spans

    @classmethod
    def of(cls, f: _Features) -> _Group:
        return cls([f.index], {f.article}, {f.precision: (f.day, f.day)} if _stated(f) else {})

    def admits(self, f: _Features) -> bool:
        """Whether a lone mention may join: ``can_merge`` with a group of one."""
        if f.article in self.articles:
            return False
        if _stated(f):
            for p, (lo, hi) in self.spans.items():
                if max(hi - f.day, f.day - lo) > _window(max(p, f.precision)):
                    return False
        return True

    def add(self, f: _Features) -> None:
        self.members.append(f.index)
        self.articles.add(f.article)
        if _stated(f):
            mine = self.spans.get(f.precision)
            self.spans[f.precision] = (min(f.day, mine[0]), max(f.day, mine[1])) if mine else (f.day, f.day)

    def can_merge(self, other: _Group) -> bool:
        if not self.articles.isdisjoint(other.articles):
            return False
        for p, (lo, hi) in self.spans.items():
            for q, (other_lo, other_hi) in other.spans.items():
                if max(hi - other_lo, other_hi - lo) > _window(max(p, q)):
                    return False  # some pair of dates is too far apart for one incident
        return True

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        self.articles |= other.articles
        for p, (lo, hi) in other.spans.items():
            mine = self.spans.get(p)
            self.spans[p] = (min(lo, mine[0]), max(hi, mine[1])) if mine else (lo, hi)

