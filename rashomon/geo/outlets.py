"""Where an outlet reports from, learned from its own articles, to read the
ambiguous place names of its other articles.

A local station writes "Greene County" or "Montgomery" without a state: its
readers know which one. Among an outlet's articles, those that place their
incident in a state they name themselves ("Dayton, Ohio", "GAINESVILLE, Fla."),
or at a name no other state has, show where the outlet reports from. When at
least ``MIN_ARTICLES`` of them agree (``MIN_SHARE`` of its anchored articles),
or, short of that, when the outlet's domain is named for a city or state
("buffalonews.com", "nbcconnecticut.com") that its articles do not contradict,
an incident of that outlet placed at a name the article never ties to a state
is read in the outlet's state, if the gazetteer has a place of that name and
kind there. So is a small town the gazetteer has only in another state, far
from every place the outlet's anchored reports are at ("West Stockbridge" in a
Shreveport station's story is a place of Louisiana the gazetteer lacks).

An outlet's stories that settle their state also show where it reports from when they are too few,
or too spread, for a profile: a name none of whose namesakes lies in the outlet's state (or an outlet
with no state) is read at its namesake within ``NAMESAKE_NEAR_HOME_KM`` of those stories, when the
place read is farther than ``FAR_FROM_HOME_KM`` from all of them (a Philadelphia station's
"Wilmington" is Delaware's). Re-resolving the GVA dev split's run: state 0.935 -> 0.940, 14 fixed,
none broken.

An incident placed at such a name is read at the namesake other articles
settle for the same name within a day of it ("Jacksonville" on 14 October is
the Jacksonville, N.C. that two other reports of that day name with its state,
or with its county: "JACKSONVILLE, ONSLOW COUNTY"), when they all settle on
one; that comes before the outlet's profile (a Cincinnati station's
"Highland Heights" is in Kentucky when that day's other report says so).

A main incident whose article names no place at all is read in its outlet's state, when the profile
settles one; that reading places the incident, but grouping does not use it (two placeless reports
of one outlet are not one incident for sharing a state).

The pass is a function of all stored articles and their mentions as
extracted (nothing is written back), so its result does not depend on the
order articles arrive in. The place's evidence stays the sentence that names
it; the outlet's profile, or the other reports, are the reason for the reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from rashomon.geo.fold import fold
from rashomon.geo.gazetteer import Gazetteer
from rashomon.model import Article, Mention, Place, SlimMention

MIN_ARTICLES = 3
MIN_SHARE = 0.6
# Namesakes smaller than this do not make a name ambiguous ("Montgomery, Texas" does, a hamlet does not).
NAMESAKE_MIN_POPULATION = 1_000
# A town this big is read where the gazetteer has it even when the outlet reports from another state.
KNOWN_BEYOND_ITS_STATE = 100_000
# How far apart in days a report that settles a name's state may be from one that does not.
SAME_DAYS = 1
# A town farther than this from every place an outlet's anchored reports are at, in another state, is
# no town of that name the outlet meant ("West Stockbridge, Mass." in a Shreveport station's story).
FAR_FROM_HOME_KM = 200
# A town this close to where an outlet reports is the one it means, across a state line too (a New
# York station's "Newark" is the New Jersey city, not Newark, N.Y.).
NEAR_HOME_KM = 40
# A namesake this close to where an outlet reports is the one it means when the place read is far from it.
NAMESAKE_NEAR_HOME_KM = 100
# A corpus is of one country's news when that country holds this share of at least this many main
# incidents its articles place in a state themselves (the GVA dev split: 98% US of 2,091).
CORPUS_SHARE = 0.9
CORPUS_MIN_ARTICLES = 50
# An outlet whose anchored reports are this often in one town reports from it (on the dev split, of the
# placeless stories of outlets whose top town held half their reports, 18 of 22 were in that town).
HOME_TOWN_SHARE = 0.5


def outlet_regions(articles: dict[str, Article], mentions: list[Mention], gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Outlet -> (country, admin1) it mostly reports from, for outlets with enough anchored articles."""
    reader = OutletReader(gaz)
    for m in mentions:
        reader.add(articles.get(m.article_id), m)
    return reader.regions()


def reread_by_outlet(articles: dict[str, Article], mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions, with places the article leaves ambiguous read in its outlet's region."""
    reader = OutletReader(gaz)
    for m in mentions:
        reader.add(articles.get(m.article_id), m)
    local = reader.places()
    return [m.model_copy(update={"place": local[i]}) if i in local else m for i, m in enumerate(mentions)]


class _Home(NamedTuple):
    """Where one of an outlet's anchored reports is, for distances."""

    country: str | None
    admin1: str
    latitude: float
    longitude: float


class OutletReader:
    """``reread_by_outlet`` in one pass over a stream: ``add`` each mention (full or slim: its
    ``article_id``, ``role`` and ``place``) with its article, in order, then ``places()`` gives the
    new place of each mention it rereads, by its position in the stream. Only what the decision
    needs is kept of each article (whether it names a state), so the articles, texts and all, can
    be read one at a time from the store."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.votes: dict[str, Counter] = defaultdict(Counter)
        # position, outlet, place, whether its article names its state, the mention's date, whether
        # the article names neither the place's state nor its country
        self.pending: list[tuple[int, str, Place, bool, dt.date | None, bool]] = []
        # (folded name, kind, day) -> the (country, admin1) that reports of that day settle the name in
        self.settled: dict[tuple[str, str, dt.date], set[tuple[str, str]]] = defaultdict(set)
        self.count = 0
        self._elsewhere: dict[tuple, bool] = {}
        self.placeless: list[tuple[int, str]] = []  # main mentions that name no place: position, outlet
        self.outlets: set[str] = set()
        self._named: dict[tuple[str, str], Place | None] = {}  # (outlet, country) -> the place its domain names
        # outlet -> where its anchored main incidents are, to a tenth of a degree: where it reports from
        self.homes: dict[str, set[_Home]] = defaultdict(set)
        # outlet -> the towns of its anchored main incidents, counted: the one it mostly reports from
        self.towns: dict[str, Counter] = defaultdict(Counter)
        self._town_place: dict[tuple, Place] = {}

    def add(self, article: Article | None, m: Mention | SlimMention) -> None:
        position, self.count = self.count, self.count + 1
        place = m.place
        if article is not None and article.outlet:
            self.outlets.add(article.outlet)
        if article is not None and place is None and m.role == "main" and article.outlet:
            self.placeless.append((position, article.outlet))
        if article is None or place is None:
            return
        rereadable = place.feature in ("city", "admin2")
        read = m.role == "main" or rereadable  # whose article is searched for its state (and country)
        text = _text_of(article) if read else ""
        named = bool(place.admin1) and read and _state_named_in(text, place, self.gaz)
        # votes: main incidents placed in a state the article settles itself
        if article.outlet and m.role == "main" and place.admin1 and self._anchored(place, named):
            self.votes[article.outlet][(place.country, place.admin1)] += 1
            if place.latitude is not None:
                self.homes[article.outlet].add(_Home(place.country, place.admin1, round(place.latitude, 1),
                                                     round(place.longitude, 1)))
            if place.feature == "city" and place.precision == 1:
                key = (place.geonameid, place.name, place.admin1)
                self.towns[article.outlet][key] += 1
                self._town_place.setdefault(key, place)
        # rereadings wait until the outlets' regions are known
        if rereadable:
            # a town of another country than most of the corpus's, in an article that names neither
            # its region nor its country, may be read at its namesake in the corpus's country
            foreign = not named and place.country is not None and not _country_named(text, place.country, self.gaz)
            self.pending.append((position, article.outlet, place, named, m.date, foreign))
            if m.date is not None and place.admin1 and named:
                self.settled[(fold(place.name), place.feature, m.date)].add((place.country, place.admin1))
                if place.feature == "city" and place.admin2:  # "Palestine, Texas" settles "Anderson County"
                    self.settled[(fold(place.admin2), "admin2", m.date)].add((place.country, place.admin1))

    def regions(self) -> dict[str, tuple[str, str]]:
        """Outlet -> the (country, admin1) it reports from: the state its anchored articles settle, else
        the one its domain is named for ("buffalonews.com") unless its articles mostly settle another."""
        regions = {}
        # the country a domain's name is read in: the outlet's own, else the one most outlets report from
        corpus_country = self.corpus_country()
        for outlet in self.outlets:
            counter = self.votes.get(outlet, Counter())
            if counter:
                (region, n), total = counter.most_common(1)[0], sum(counter.values())
                if n >= MIN_ARTICLES and n >= MIN_SHARE * total:
                    regions[outlet] = region
                    continue
            own = _by_country(counter).most_common(1)
            country = own[0][0] if own else corpus_country
            named = _region_of(self._domain_place(outlet, country))
            if named is not None and counter.get(named, 0) >= max(counter.values(), default=0):
                regions[outlet] = named
        return regions

    def corpus_country(self, dominant: bool = False) -> str | None:
        """The country most outlets' anchored main incidents are in; with ``dominant``, only when
        it holds CORPUS_SHARE of at least CORPUS_MIN_ARTICLES of them (a corpus of one country's news)."""
        countries = sum((_by_country(counter) for counter in self.votes.values()), Counter())
        if not countries:
            return None
        country, n = countries.most_common(1)[0]
        total = sum(countries.values())
        if dominant and (total < CORPUS_MIN_ARTICLES or n < CORPUS_SHARE * total):
            return None
        return country

    def places(self) -> dict[int, Place]:
        """Position in the stream -> the place the mention is read at in its outlet's region."""
        regions, out = self.regions(), {}
        corpus_country = self.corpus_country(dominant=True)
        for position, outlet, place, named, date, foreign in self.pending:
            if named:
                continue
            settled = self._same_days_region(place, date)
            if self._anchored(place, named):
                if settled is not None and settled != (place.country, place.admin1):
                    # "Campbellsburg" read at the one of its name with 1,000 people (Kentucky's) is the
                    # Campbellsburg that another report of that day names with its state (Indiana's)
                    local = self.gaz.namesake_in(place, *settled)
                    if local is not None:
                        out[position] = local
                        continue
                # the one place of that name in the gazetteer, but a small one far from where the outlet reports
                region = regions.get(outlet)
                if region is None or (place.country, place.admin1) == region or not self._far_from_home(place, outlet, region) \
                        or (self.gaz.population(place) >= KNOWN_BEYOND_ITS_STATE and not (foreign and place.country != region[0])):
                    continue
                local = self.gaz.namesake_in(place, *region)
            else:
                region = settled or regions.get(outlet)
                if region is None and foreign and corpus_country is not None and place.country != corpus_country:
                    # "York" in a story of an outlet with no known home, in a corpus of US news: York,
                    # Pa., not the larger York of Ontario, when the story names neither Ontario nor Canada
                    local = self.gaz.namesake_in_country(place, corpus_country)
                    if local is not None:
                        out[position] = local
                    continue
                if region is not None and (place.country, place.admin1) == region:
                    continue
                if region is not None and settled is None and self._near_home(place, outlet, region):
                    continue  # "Newark" in a New York station's story: the Newark across the river
                local = self.gaz.namesake_in(place, *region) if region is not None else None
                if local is None and settled is None:
                    # no namesake where the outlet reports from: the one nearest the places its stories
                    # settle ("Wilmington" in a Philadelphia station's story is Delaware's)
                    local = self._nearest_namesake(place, outlet, region)
                    if local is None and region is None:
                        continue
            if local is None and region == regions.get(outlet):
                local = self._unlisted(place, region, abroad=foreign and place.country != region[0])
            if local is not None:
                out[position] = local
        return out

    def _near_home(self, place: Place, outlet: str, region: tuple[str, str]) -> bool:
        """Whether ``place`` lies within ``NEAR_HOME_KM`` of a place the outlet's anchored reports in
        its ``region`` are at: a metropolitan area that spans a state line."""
        return place.latitude is not None and any(
            self.gaz.km(place, home) <= NEAR_HOME_KM for home in self._homes(outlet, region))

    def _nearest_namesake(self, place: Place, outlet: str, region: tuple[str, str] | None) -> Place | None:
        """The place of the same name and kind within ``NAMESAKE_NEAR_HOME_KM`` of where the outlet's
        anchored reports are (in its ``region``, if it has one), when ``place`` is farther than
        ``FAR_FROM_HOME_KM`` from all of them."""
        homes = self._homes(outlet, region)
        if not self._far_from(place, homes):
            return None
        near = [(min(self.gaz.km(other, home) for home in homes), other) for other in self.gaz.namesakes(place)
                if other.latitude is not None]
        near = [(km, other) for km, other in near if km <= NAMESAKE_NEAR_HOME_KM]
        return min(near, key=lambda item: item[0])[1] if near else None

    def _far_from_home(self, place: Place, outlet: str, region: tuple[str, str]) -> bool:
        """Whether ``place`` lies farther than ``FAR_FROM_HOME_KM`` from every place the outlet's
        anchored reports in its ``region`` are at (a Memphis station's "Southaven, Miss." is near)."""
        return self._far_from(place, self._homes(outlet, region))

    def _homes(self, outlet: str, region: tuple[str, str] | None) -> list[_Home]:
        """Where the outlet's anchored reports are, in ``region`` (None: anywhere)."""
        return [h for h in self.homes.get(outlet, ()) if region is None or (h.country, h.admin1) == region]

    def _far_from(self, place: Place, homes: list[_Home]) -> bool:
        """Whether ``place`` lies farther than ``FAR_FROM_HOME_KM`` from every one of ``homes`` (and there are some)."""
        return place.latitude is not None and bool(homes) and \
            all(self.gaz.km(place, home) > FAR_FROM_HOME_KM for home in homes)

    def home_regions(self) -> dict[int, Place]:
        """Position in the stream -> the outlet's home, for main incidents whose article names no place
        at all (a paywall page, a story that takes its town for granted): a local paper's story is of
        its own state (UCDP where_prec 4; only for outlets whose profile settles a state), and of the
        city its domain is named for when that city lies in that state ("kansascity.com": Kansas City,
        Missouri), else of the town that most of its anchored reports are in ("wisn.com": Milwaukee), both
        where_prec 2, the city's area. On the dev split, of 37 such stories whose outlet's domain names a
        city, 22 were in that city."""
        regions, out = self.regions(), {}
        states = {region: self.gaz.region(*region) for region in set(regions.values())}
        for position, outlet in self.placeless:
            region = regions.get(outlet)
            state = states.get(region)
            if state is None:
                continue
            city = self._domain_place(outlet, region[0])
            if city is None or city.feature != "city" or (city.country, city.admin1) != region:
                city = self._home_town(outlet, region)
            out[position] = city.model_copy(update={"precision": 2}) if city is not None else state
        return out

    def _home_town(self, outlet: str, region: tuple[str, str]) -> Place | None:
        """The town in ``region`` that holds ``HOME_TOWN_SHARE`` of the outlet's anchored reports placed
        at a town, at least ``MIN_ARTICLES`` of them: where a story that names no place happened."""
        towns = self.towns.get(outlet)
        if not towns:
            return None
        key, n = max(towns.items(), key=lambda item: (item[1], str(item[0])))
        place = self._town_place[key]
        if n < MIN_ARTICLES or n < HOME_TOWN_SHARE * sum(towns.values()) or (place.country, place.admin1) != region:
            return None
        return place

    def _domain_place(self, outlet: str, country: str | None) -> Place | None:
        if (outlet, country) not in self._named:
            self._named[(outlet, country)] = self.gaz.place_in_domain(outlet, country)
        return self._named[(outlet, country)]

    def _unlisted(self, place: Place, region: tuple[str, str], abroad: bool = False) -> Place | None:
        """A Boston paper's "Roxbury" with no state named is not Roxbury, Wis.: it is a place the
        gazetteer lacks (a neighbourhood) in the outlet's state. The written name is kept, located
        at the state (UCDP where_prec 4: the coordinates are the first-level region's). A city big
        enough to be known beyond its state ("Portland" in a Seattle paper) stays where it is, unless
        it is abroad and the story names neither its region nor its country (``abroad``: a Nashville
        station's "Bordeaux" is a neighbourhood of Nashville, not the French city)."""
        state = self.gaz.region(*region)
        if state is None or (self.gaz.population(place) >= KNOWN_BEYOND_ITS_STATE and not abroad):
            return None
        return Place(name=place.name, admin1=state.name, country=state.country, latitude=state.latitude,
                     longitude=state.longitude, precision=4, feature=place.feature)

    def _same_days_region(self, place: Place, date: dt.date | None) -> tuple[str, str] | None:
        """The one state that the reports naming this place within ``SAME_DAYS`` of ``date``
        settle, if they agree."""
        if date is None:
            return None
        name, regions = fold(place.name), set()
        for offset in range(-SAME_DAYS, SAME_DAYS + 1):  # looked up by day: a common name has many reports
            regions |= self.settled.get((name, place.feature, date + dt.timedelta(days=offset)), set())
        return regions.pop() if len(regions) == 1 else None

    def _anchored(self, place: Place, named: bool) -> bool:
        """Whether the article itself settles the place's state: it names that state (``named``), or
        no other state has a place of that name and kind."""
        if not place.admin1:
            return False
        if named:
            return True
        key = (place.name, place.feature, place.geonameid, place.country, place.admin1)
        if key not in self._elsewhere:
            self._elsewhere[key] = self.gaz.has_namesake_elsewhere(place, NAMESAKE_MIN_POPULATION)
        return not self._elsewhere[key]


def _by_country(votes: Counter) -> Counter:
    """Votes per (country, admin1) summed per country."""
    out: Counter = Counter()
    for (country, _), n in votes.items():
        out[country] += n
    return out


def _region_of(place: Place | None) -> tuple[str, str] | None:
    """(country, admin1) of a city, or of a first-level region itself."""
    return (place.country, place.admin1) if place is not None and place.admin1 else None


def _text_of(article: Article) -> str:
    """The title and text an article names places in."""
    return f"{article.title or ''}\n{article.text}"


def _state_named_in(text: str, place: Place, gaz: Gazetteer) -> bool:
    """Whether the article (``_text_of``) names the place's state, or the county it read a town in
    ("JACKSONVILLE, ONSLOW COUNTY -"): a town and a county of it are read together in one state."""
    if place.feature == "city" and place.admin2 and _county_named(text, place.admin2):
        return True
    return _state_named(text, place.admin1, gaz)


def _county_named(text: str, admin2: str) -> bool:
    pattern = _county_pattern(admin2)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=4096)
def _county_pattern(admin2: str) -> re.Pattern[str] | None:
    """"Onslow County", "Rutherford Co.", "Orleans Parish"; None for a county not so called ("City of Saint Louis")."""
    county = re.sub(r"\s+(?:County|Parish|Borough)$", "", admin2)
    return re.compile(rf"\b{re.escape(county)}\s+(?:(?:County|Parish|Borough)\b|Co\.)", re.I) if county != admin2 else None


def _state_named(text: str, admin1: str, gaz: Gazetteer) -> bool:
    return bool(_state_pattern(admin1, _region_forms(gaz, admin1)).search(text))


def _country_named(text: str, country: str, gaz: Gazetteer) -> bool:
    pattern = _country_pattern(_country_forms(gaz, country))
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=512)
def _country_forms(gaz: Gazetteer, country: str) -> tuple[str, ...]:
    return tuple(gaz.country_forms(country))


@lru_cache(maxsize=512)
def _country_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of a country's names and aliases, longest first; None for a country the index names not."""
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b", re.I)


@lru_cache(maxsize=512)
def _region_forms(gaz: Gazetteer, admin1: str) -> tuple[str, ...]:
    return tuple(gaz.region_forms(admin1))


@lru_cache(maxsize=512)
def _state_pattern(admin1: str, forms: tuple[str, ...]) -> re.Pattern[str]:
    """The region's full name anywhere; its abbreviations after a comma ("Greenville, N.C."), and those
    written with a period after a name without one too ("Northeast Washington D.C.")."""
    short = [re.escape(f) for f in forms if f != admin1]
    dotted = [re.escape(f) for f in forms if f != admin1 and "." in f]
    parts = [rf"\b{re.escape(admin1)}\b"] + ([rf",\s*(?:{'|'.join(short)})(?!\w)"] if short else []) \
        + ([rf"(?<=[a-z]) (?:{'|'.join(dotted)})(?!\w)"] if dotted else [])
    return re.compile("|".join(parts))
