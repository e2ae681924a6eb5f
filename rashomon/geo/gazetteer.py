"""Gazetteer lookups: names to ``Place``s, disambiguated by what the article names.

A bare name has many namesakes (there are dozens of Springfields), so
``resolve`` ranks candidates by the article's context first: a place inside a
region the article names beats one merely in a country it names, which beats
one elsewhere; population only breaks the remaining ties.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from typing import NamedTuple

from rashomon.config import Settings
from rashomon.geo.fold import fold, fold_keys
from rashomon.geo.index import ADMIN1, ADMIN2, CITY, COUNTRY, DATA_DIR, FEATURES, REGION, Index, load_index
from rashomon.model import Place

PRECISION = {"city": 1, "admin2": 3, "admin1": 4, "country": 6, "region": 7}  # UCDP where_prec

# A city this large, or a national capital, is what a bare mention of its name usually means.
PROMINENT_POPULATION = 1_000_000
# A news site named for a city ("buffalonews.com") reports from it: cities this big, names this long.
DOMAIN_CITY_POPULATION = 100_000
DOMAIN_MIN_NAME = 5
DOMAIN_MIN_REGION_NAME = 4  # "ohio", "iowa", "utah" inside a label
# A postal town (too small for GeoNames) whose name a city this big bears is read only with its state written.
POSTAL_SHADOW_POPULATION = 10_000

# Context scores: how strongly the article points at a candidate.
DATELINE, NAMED_ADMIN2, NAMED_ADMIN1, NAMED_COUNTRY, PROMINENT, ELSEWHERE = 5, 4, 3, 2, 1, 0

_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class GeoContext:
    """What an article says about where it is: the countries and regions it names, and its dateline.

    Regions are kept as (country, admin1) and (country, admin1, admin2) name
    tuples so that a context can be written by hand: ``GeoContext(admin1={("US", "Illinois")})``.
    """

    countries: set[str] = field(default_factory=set)
    admin1: set[tuple[str, str]] = field(default_factory=set)
    admin2: set[tuple[str, str, str]] = field(default_factory=set)
    dateline: Place | None = None
    mentions: dict[str, int] = field(default_factory=dict)  # ISO2 -> times the country or a place in it is named
    # US states of the stand-alone cities (AP style) the article names: "across Chicago" puts it in Illinois
    city_states: set[str] = field(default_factory=set)
    # towns whose police the article names ("Birmingham police", "the Boston Police Department"): read
    # once the article's countries are known, their states count as city_states do
    police_towns: list[str] = field(default_factory=list)

    def add_country(self, code: str) -> None:
        """Record that the article names a country (or a place in it) once more."""
        self.countries.add(code)
        self.mentions[code] = self.mentions.get(code, 0) + 1

    def focus(self) -> set[str]:
        """The countries the article is about rather than merely mentions: the dateline's, and
        those named at least half as often as the most named one (Azerbaijan, Armenia; not
        Turkey the ally)."""
        top = max(self.mentions.values(), default=0)
        focus = {code for code, n in self.mentions.items() if 2 * n >= top}
        if self.dateline is not None and self.dateline.country:
            focus.add(self.dateline.country)
        return focus

    def level(self, country: str | None, admin1: str | None = None, admin2: str | None = None) -> int:
        """How directly the article names a place in this country / admin1 / admin2:
        4 its county, 3 its state or province, 2 its country, 0 none of them."""
        if admin2 is not None and (country, admin1 or "", admin2) in self.admin2:
            return NAMED_ADMIN2
        if admin1 is not None and (country, admin1) in self.admin1:
            return NAMED_ADMIN1
        return NAMED_COUNTRY if country in self.countries else ELSEWHERE

    def add(self, place: Place) -> None:
        """Record a place the article names: its country, and the region if it is one."""
        if place.country:
            self.add_country(place.country)
        if place.feature in ("admin1", "admin2") and place.admin1:
            self.admin1.add((place.country, place.admin1))
        if place.feature == "admin2" and place.admin2:
            self.admin2.add((place.country, place.admin1 or "", place.admin2))


class Resolution(NamedTuple):
    """A resolved name with what the choice rested on."""

    place: Place
    population: int
    score: int  # context score: DATELINE ... ELSEWHERE
    prominent: bool  # a national capital or a city of a million


class Gazetteer:
    """Offline lookups over GeoNames places (cities of 500+ people, regions, countries)."""

    def __init__(self, index: Index):
        self._ix = index
        self._capitals = {index.country[row]: row for row, flag in enumerate(index.capital) if flag}
        self._states = self._us_state_abbreviations()
        self._demonyms = self._demonym_table()
        self._capital_names = {fold(index.name[row]): code for code, row in self._capitals.items()}
        self._domain_index: dict[str, list[int]] | None = None
        self._region_name_index: dict[str, dict[str, int]] = {}

    # -- places ------------------------------------------------------------------------------------------
    def place(self, row: int) -> Place:
        """The ``Place`` of an index row (built on demand: the index keeps only columns)."""
        ix = self._ix
        kind = FEATURES[ix.kind[row]]
        admin1 = ix.admin1[row]
        admin2 = ix.admin2[row]
        lat, lon = ix.latitude[row], ix.longitude[row]
        return Place(
            name=ix.name[row],
            admin1=ix.name[admin1] if admin1 >= 0 else None,
            admin2=ix.name[admin2] if admin2 >= 0 else None,
            country=ix.country[row] or None,
            latitude=None if math.isnan(lat) else lat,
            longitude=None if math.isnan(lon) else lon,
            geonameid=ix.geonameid[row] or None,
            precision=PRECISION[kind],
            feature=kind,
        )

    def rows(self, name: str) -> list[int]:
        """Index rows whose name or alternate name folds like ``name``; US state abbreviations included."""
        state = self._states.get(name.strip())
        rows = self._folded_rows(name)
        if state is not None and state not in rows:
            rows.insert(0, state)
        return rows

    def _folded_rows(self, name: str) -> list[int]:
        rows: list[int] = []
        for key in fold_keys(name):
            found = self._ix.keys.get(key)
            if found is None:
                continue
            for row in (found,) if isinstance(found, int) else found:
                if row not in rows:
                    rows.append(row)
        return rows

    def namesake_in(self, place: Place, country: str, admin1: str) -> Place | None:
        """The likeliest place of the same name and kind as ``place`` inside ``admin1`` of ``country``."""
        rows = [r for r in self._folded_rows(place.name) if FEATURES[self._ix.kind[r]] == place.feature
                and self._ix.country[r] == country and self._ix.admin1[r] >= 0 and self._ix.name[self._ix.admin1[r]] == admin1]
        if not rows:
            return None
        return self.place(max(rows, key=lambda r: self._ix.population[r]))

    def namesakes(self, place: Place) -> list[Place]:
        """The other places whose main name is ``place``'s, of the same kind (not those it is an old or
        other name of: "Washington" is no South River, New Jersey)."""
        keys = tuple(fold_keys(place.name))
        return [self.place(r) for r in self._folded_rows(place.name) if FEATURES[self._ix.kind[r]] == place.feature
                and self._ix.geonameid[r] != place.geonameid and self._main_name(r, keys)]

    def namesake_in_country(self, place: Place, country: str) -> Place | None:
        """The likeliest town (else county) of the same name as ``place`` in ``country``: the most populous."""
        rows = [r for r in self._folded_rows(place.name) if self._ix.country[r] == country
                and self._ix.kind[r] in (CITY, ADMIN2) and self._main_name(r, tuple(fold_keys(place.name)))]
        if not rows:
            return None
        return self.place(max(rows, key=lambda r: (self._ix.kind[r] == CITY, self._ix.population[r])))

    def country_forms(self, code: str) -> list[str]:
        """The names and aliases of a country the index knows (folded), ``code`` an ISO2 code."""
        return sorted(name for name, iso in self._ix.country_names.items() if iso == code)

    def population(self, place: Place) -> int:
        """The place's population as the index holds it (0 when unknown)."""
        return max((self._ix.population[r] for r in self._folded_rows(place.name)
                    if self._ix.geonameid[r] == place.geonameid), default=0)

    def region(self, country: str, admin1: str) -> Place | None:
        """The first-level region ``admin1`` of ``country`` as a place."""
        row = next((r for r in self._folded_rows(admin1) if self._ix.kind[r] == ADMIN1 and self._ix.country[r] == country),
                   None)
        return None if row is None else self.place(row)

    def region_in_domain(self, domain: str, country: str | None = None) -> tuple[str, str] | None:
        """(country, admin1) of the place ``place_in_domain`` reads in a news site's domain."""
        place = self.place_in_domain(domain, country)
        return (place.country, place.admin1) if place is not None and place.admin1 else None

    def place_in_domain(self, domain: str, country: str | None = None) -> Place | None:
        """The city or first-level region a news site's domain is named for ("buffalonews.com",
        "nbcconnecticut.com", "chicago.suntimes.com", "fox5sandiego.com"): the longest name of a city of
        ``DOMAIN_CITY_POPULATION`` or more, or of a first-level region, that begins or ends one of its
        labels. A name several such cities share is read at the largest only when it is twice the next
        ("kansascity.com": Kansas City, Missouri); otherwise, and for a region name that several
        countries use, None. ``country``: only places of that country (for an outlet of a US corpus,
        "montgomeryadvertiser.com" is Montgomery, Alabama, not Sahiwal, Pakistan, once named Montgomery)."""
        names = self._domain_names()
        found: list[tuple[int, list[int]]] = []
        labels = [re.sub(r"[^a-z]", "", label) for label in domain.lower().split(".")[:-1]]
        for label in labels:
            for n in range(DOMAIN_MIN_NAME, len(label) + 1):
                for part in {label[:n], label[-n:]}:
                    if part in names:
                        found.append((n, names[part]))
        if country is not None:
            # the country's first-level region named anywhere in a label: "centralillinoisproud.com",
            # "northwestgeorgianews.com", "limaohio.com" (the longest name wins: "arkansas", not "kansas")
            found += [(len(name), [row]) for name, row in self._region_names(country).items()
                      if any(name in label for label in labels)]
        if not found:
            return None
        if country is not None:
            found = [(n, [r for r in rows if self._ix.country[r] == country]) for n, rows in found]
            found = [(n, rows) for n, rows in found if rows]
            if not found:
                return None
        rows = max(found, key=lambda item: item[0])[1]
        cities = sorted((r for r in rows if self._ix.kind[r] == CITY), key=lambda r: -self._ix.population[r])
        if cities:
            if len(cities) > 1 and self._ix.population[cities[0]] < 2 * self._ix.population[cities[1]]:
                return None
            return self.place(cities[0])
        regions = {(self._ix.country[r], self._ix.name[r]): r for r in rows}
        return self.place(regions.popitem()[1]) if len(regions) == 1 else None

    def _region_names(self, country: str) -> dict[str, int]:
        """The country's first-level regions by main name, folded, without spaces (built once per country)."""
        if country not in self._region_name_index:
            ix = self._ix
            self._region_name_index[country] = {
                name: row for row in range(len(ix.name)) if ix.kind[row] == ADMIN1 and ix.country[row] == country
                and len(name := re.sub(r"[^a-z]", "", fold(ix.name[row]))) >= DOMAIN_MIN_REGION_NAME}
        return self._region_name_index[country]

    def _domain_names(self) -> dict[str, list[int]]:
        """Folded names without spaces -> rows of big cities and first-level regions (built once)."""
        if self._domain_index is None:
            ix, index = self._ix, {}
            for key, found in ix.keys.items():
                compact = key.replace(" ", "")
                if len(compact) < DOMAIN_MIN_NAME or not compact.isascii() or not compact.isalpha():
                    continue
                for row in (found,) if isinstance(found, int) else found:
                    if ix.kind[row] == ADMIN1 or (ix.kind[row] == CITY and ix.population[row] >= DOMAIN_CITY_POPULATION):
                        index.setdefault(compact, []).append(row)
            self._domain_index = index
        return self._domain_index

    def has_namesake_elsewhere(self, place: Place, min_population: int = 0, share: float = 0.05) -> bool:
        """Whether another first-level region holds a place of the same name and kind (for towns:
        of at least ``min_population`` people and ``share`` of the place's own: Chicago has none)."""
        rows = self._folded_rows(place.name)
        min_population = max(min_population, int(share * self.population(place)))
        for r in rows:
            if FEATURES[self._ix.kind[r]] != place.feature or self._ix.geonameid[r] == place.geonameid:
                continue
            admin1 = self._ix.name[self._ix.admin1[r]] if self._ix.admin1[r] >= 0 else None
            if (self._ix.country[r], admin1) == (place.country, place.admin1):
                continue
            if place.feature != "city" or self._ix.population[r] >= min_population:
                return True
        return False

    def region_forms(self, admin1: str) -> list[str]:
        """A first-level region's name and, for a US state, its postal code and AP abbreviations."""
        forms = [admin1]
        for form, row in self._states.items():
            if self._ix.name[row] == admin1 and form not in forms:
                forms.append(form)
        return forms

    def known(self, name: str) -> bool:
        """True when some place is called ``name`` (cheaper than building candidates). State
        abbreviations do not count: "OK" or "Ind." alone is no place name."""
        return any(key in self._ix.keys for key in fold_keys(name))

    def only_a_towns_other_name(self, name: str) -> bool:
        """Whether every place called ``name`` is a town that has another main name ("West Charlotte"
        for Charlotte, Vermont)."""
        keys, rows = tuple(fold_keys(name)), self._folded_rows(name)
        return bool(rows) and all(self._ix.kind[r] == CITY and not self._main_name(r, keys) for r in rows)

    def is_state_abbreviation(self, text: str) -> bool:
        """True for a US postal code or AP abbreviation ("OH", "Fla.", "N.C.")."""
        return text.strip() in self._states

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name``, the likeliest first when nothing else is known."""
        return [reading.place for reading in self.readings(name)]

    def readings(self, name: str, context: GeoContext | None = None) -> list[Resolution]:
        """Every place ``name`` can mean, with population and context score, the likeliest first."""
        keys = fold_keys(name)
        rows = sorted(self._placed_by_context(self.rows(name), context, keys), key=lambda r: self._rank(r, context, keys),
                      reverse=True)
        return [self._resolution(r, context, keys) for r in rows]

    def resolve(self, name: str, context: GeoContext | None = None, within: Place | None = None) -> Place | None:
        """The place ``name`` most likely means in ``context``, or None.

        ``within`` restricts the answer to a region ("Springfield" within
        Illinois). A "City, Region" string is split and resolved the same way.
        """
        if "," in name and not self.rows(name):
            head, _, qualifier = name.partition(",")
            found = self.lookup_qualified(head, qualifier, context) or self.lookup(head, context)
        else:
            found = self.lookup(name, context, within)
        return None if found is None else found.place

    def lookup(self, name: str, context: GeoContext | None = None, within: Place | None = None) -> Resolution | None:
        """Like ``resolve`` (without the "City, Region" split), with the population and context score.
        A state abbreviation, written exactly ("Fla.", "OH"), means the state."""
        state = self._states.get(name.strip())
        rows = [state] if state is not None else self.rows(name)
        keys = fold_keys(name)
        if within is not None:
            rows = [r for r in rows if self._row_within(r, within)]
        else:
            rows = self._placed_by_context(rows, context, keys)
        return self._resolution(self._best(rows, context, keys), context, keys)

    def _placed_by_context(self, rows: list[int], context: GeoContext | None, keys: tuple[str, ...]) -> list[int]:
        """The rows, less postal towns (no GeoNames id) in a state or county the article does not name:
        a name too small for GeoNames is that town only where the article says so ("Sanborn" in a story
        that names North Dakota); elsewhere it is more often a street or a neighbourhood ("near Gratiot
        and Whithorn" in Detroit, "Mount Auburn" in Cincinnati). A name a sizeable city bears is that
        city's unless the state is written after it ("Fountain, Fla." is read by ``lookup_qualified``):
        "an Illinois man shot in Detroit" is not in a Detroit of Illinois."""
        ix = self._ix
        if all(ix.geonameid[r] >= 0 for r in rows):
            return rows
        if any(ix.kind[r] == CITY and ix.population[r] >= POSTAL_SHADOW_POPULATION for r in rows):
            return [r for r in rows if ix.geonameid[r] >= 0]
        return [r for r in rows if ix.geonameid[r] >= 0 or self._context_score(r, context, keys) >= NAMED_ADMIN1]

    def lookup_qualified(self, name: str, qualifier: str, context: GeoContext | None = None) -> Resolution | None:
        """``name`` inside the state or country written after it ("Springfield", "Ill."), or None
        when the qualifier is no region or holds no such place."""
        found = self._qualified(name, qualifier, context)
        return None if found is None else self._resolution(found[1], context, fold_keys(name))

    def qualifier_region(self, name: str, qualifier: str) -> Place | None:
        """The region a qualifier names, read as the one holding ``name``: of Georgia the country
        and Georgia the state, "Atlanta, Georgia" means the state."""
        found = self._qualified(name, qualifier, None)
        return None if found is None else self.place(found[0])

    def _qualified(self, name: str, qualifier: str, context: GeoContext | None) -> tuple[int, int] | None:
        for region in self._qualifier_rows(qualifier):
            outer = self.place(region)
            rows = [r for r in self.rows(name) if r != region and self._row_within(r, outer)]
            if rows:
                return region, self._best(rows, context, fold_keys(name))
        return None

    def resolve_qualifier(self, text: str) -> Place | None:
        """The state or country a qualifier names ("Fla.", "OH", "Ohio", "Azerbaijan"), or None."""
        rows = self._qualifier_rows(text)
        return self.place(rows[0]) if rows else None

    def _qualifier_rows(self, text: str) -> list[int]:
        text = text.strip()
        state = self._states.get(text)
        if state is not None:
            return [state]
        keys = fold_keys(text)
        rows = [r for r in self.rows(text) if self._ix.kind[r] in (COUNTRY, ADMIN1)]
        return sorted(rows, key=lambda r: self._rank(r, None, keys), reverse=True)

    def _resolution(self, row: int | None, context: GeoContext | None, keys: tuple[str, ...]) -> Resolution | None:
        if row is None:
            return None
        return Resolution(self.place(row), self._ix.population[row], self._context_score(row, context, keys),
                          self._prominent(row, keys))

    def us_state(self, text: str, abbreviations: bool = True) -> Place | None:
        """A US state from its full name, or (unless ``abbreviations`` is False) its postal code
        ("OH") or AP abbreviation ("Fla.", "N.C.")."""
        row = self._states.get(text.strip()) if abbreviations else None
        if row is None:
            row = next((r for r in self._folded_rows(text) if self._ix.kind[r] == ADMIN1 and self._ix.country[r] == "US"),
                       None)
        return None if row is None else self.place(row)

    def country(self, name_or_code: str, codes: bool = True) -> Place | None:
        """A country from its ISO2 / ISO3 code (in capitals) or any of its names ("Azerbaijan", "U.S.").
        In running text, ``codes=False``: "LUX" is a lounge and "IN" a word in a headline, though
        Luxembourg's and India's codes; the codes news writes as names ("US", "UAE") are names."""
        text = name_or_code.strip()
        row = self._ix.country_row.get(text) if codes and text.isupper() and len(text) in (2, 3) else None
        if row is None:
            code = next((self._ix.country_names[k] for k in fold_keys(text) if k in self._ix.country_names), None)
            row = self._ix.country_row.get(code) if code else None
        return None if row is None else self.place(row)

    @staticmethod
    def km(a: Place, b: Place) -> float:
        """Great-circle distance between two places that have coordinates."""
        lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
        h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        return 12742 * math.asin(math.sqrt(h))

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when ``inner`` is a different place lying inside ``outer`` (a country holds its
        regions and cities, an admin1 its counties and cities, an admin2 its cities; a city or a
        continent-wide region holds nothing here)."""
        if outer.country is None or outer.country != inner.country or _same(outer, inner):
            return False
        if outer.feature == "country":
            return True
        if outer.feature == "admin1":
            return inner.feature in ("admin2", "city") and inner.admin1 == outer.name
        if outer.feature == "admin2":
            return inner.feature == "city" and inner.admin2 == outer.name and inner.admin1 == outer.admin1
        return False

    # -- parties -----------------------------------------------------------------------------------------
    def party_of(self, word: str) -> str | None:
        """ISO2 of the country a demonym, country name or capital points to
        ("Armenians", "Azeri", "Russia's", "Baku"), or None."""
        key = fold(_POSSESSIVE.sub("", word.strip()))
        if not key:
            return None
        return self.demonym(word) or self._ix.country_names.get(key) or self._capital_names.get(key)

    def party_name(self, word: str) -> str | None:
        """The country's short name for ``party_of(word)`` ("Armenian" -> "Armenia")."""
        code = self.party_of(word)
        row = self._ix.country_row.get(code) if code else None
        return None if row is None else self._ix.name[row]

    def demonym(self, word: str) -> str | None:
        """ISO2 for a demonym or adjective only ("Turkish", "Azeris"), not for a place name."""
        key = fold(_POSSESSIVE.sub("", word.strip()))
        code = self._demonyms.get(key)
        if code is None and key.endswith("s"):
            code = self._demonyms.get(key[:-1])
        return code

    # -- ranking -----------------------------------------------------------------------------------------
    def _best(self, rows: list[int], context: GeoContext | None, keys: tuple[str, ...]) -> int | None:
        if not rows:
            return None
        ranked = sorted(rows, key=lambda r: self._rank(r, context, keys), reverse=True)
        best = ranked[0]
        if self._ix.kind[best] in (ADMIN1, ADMIN2):
            # A region named like its largest city (the Ganja municipality and the city of Ganja,
            # New York state and city) is read as the city: the more precise place. Not so
            # Maryland and Maryland City, or Quebec and Québec city (Montreal is larger), or
            # Oklahoma: "Oklahoma" is an alternate name of Oklahoma City, which no one uses for it
            # (a city that big, as New York is, goes by the short name).
            score = self._context_score(best, context, keys)
            for row in ranked[1:]:
                if self._ix.kind[row] == CITY and self._context_score(row, context, keys) == score \
                        and self._region_holds(best, row) and self._ix.population[row] == self._ix.population[best] \
                        and (not self._name_extends(row, keys) or self._ix.population[row] >= PROMINENT_POPULATION):
                    return row
        return best

    def _rank(self, row: int, context: GeoContext | None, keys: tuple[str, ...]) -> tuple[int, bool, bool, bool, bool, int]:
        """Context first; among equals a country, then a capital or big city, then a place in the
        state of a stand-alone city the article names ("Woodlawn" in a story that names Chicago),
        then a place whose main name (not an old or foreign alternate) was written, then the larger."""
        ix = self._ix
        kind = ix.kind[row]
        return (self._context_score(row, context, keys), kind in (COUNTRY, REGION), self._prominent(row, keys),
                self._in_city_state(row, context), self._main_name(row, keys), ix.population[row])

    def _in_city_state(self, row: int, context: GeoContext | None) -> bool:
        ix = self._ix
        return context is not None and bool(context.city_states) and ix.country[row] == "US" \
            and ix.admin1[row] >= 0 and ix.name[ix.admin1[row]] in context.city_states

    def _main_name(self, row: int, keys: tuple[str, ...]) -> bool:
        return any(key in keys for key in fold_keys(self._ix.name[row]))

    def _name_extends(self, row: int, keys: tuple[str, ...]) -> bool:
        """Whether the place's main name is the name written and more ("Oklahoma City" for "Oklahoma")."""
        return any(name.startswith(key + " ") for name in fold_keys(self._ix.name[row]) for key in keys)

    def _prominent(self, row: int, keys: tuple[str, ...]) -> bool:
        """A capital or a city of a million, called by its main name: "Santa Ana" is the
        Californian city, not the old name of a district of Manila."""
        ix = self._ix
        return ix.kind[row] == CITY and (bool(ix.capital[row]) or ix.population[row] >= PROMINENT_POPULATION) \
            and self._main_name(row, keys)

    def _context_score(self, row: int, context: GeoContext | None, keys: tuple[str, ...]) -> int:
        ix = self._ix
        kind = ix.kind[row]
        score = ELSEWHERE
        if context is not None:
            if context.dateline is not None and context.dateline.geonameid == ix.geonameid[row] \
                    and FEATURES[kind] == context.dateline.feature:
                return DATELINE
            admin1 = ix.name[ix.admin1[row]] if ix.admin1[row] >= 0 else None
            admin2 = ix.name[ix.admin2[row]] if ix.admin2[row] >= 0 else None
            score = context.level(ix.country[row], admin1, admin2)
        if kind in (COUNTRY, REGION):
            return max(score, NAMED_COUNTRY)  # a country's name means the country, whatever else the article names
        return max(score, PROMINENT) if self._prominent(row, keys) else score

    def _region_holds(self, region: int, row: int) -> bool:
        ix = self._ix
        return ix.admin1[row] == region or ix.admin2[row] == region

    def _row_within(self, row: int, region: Place) -> bool:
        ix = self._ix
        if ix.country[row] != region.country:
            return False
        if region.feature == "country":
            return True
        admin1 = ix.name[ix.admin1[row]] if ix.admin1[row] >= 0 else None
        if region.feature == "admin1":
            return admin1 == region.name
        admin2 = ix.name[ix.admin2[row]] if ix.admin2[row] >= 0 else None
        return region.feature == "admin2" and admin2 == region.name and admin1 == region.admin1

    # -- tables ------------------------------------------------------------------------------------------
    def _us_state_abbreviations(self) -> dict[str, int]:
        """Postal codes and AP abbreviations of US states, matched exactly (case and dots matter,
        so "OH" and "Ill." are states but "oh" and "ill" are not)."""
        table: dict[str, int] = {}
        for name, postal, abbreviations in _data_rows("geo_us_states.tsv"):
            row = next(r for r in self._folded_rows(name) if self._ix.kind[r] == ADMIN1 and self._ix.country[r] == "US")
            for form in (postal, *abbreviations.split("|")):
                table[form] = row
                table[form.replace(" ", "")] = row
        return table

    @staticmethod
    def _demonym_table() -> dict[str, str]:
        """Folded demonym -> ISO2, from data/geo_demonyms.tsv."""
        table: dict[str, str] = {}
        for code, forms in _data_rows("geo_demonyms.tsv"):
            for form in forms.split("|"):
                table.setdefault(fold(form), code)
        return table


def _same(a: Place, b: Place) -> bool:
    return a.feature == b.feature and a.geonameid is not None and a.geonameid == b.geonameid


def _data_rows(filename: str) -> list[list[str]]:
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


_GAZETTEER: Gazetteer | None = None
_LOCK = threading.Lock()


def get_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The process-wide gazetteer, loaded (or built, the first time ever) on first use."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer(load_index((settings or Settings()).cache_dir))
    return _GAZETTEER
