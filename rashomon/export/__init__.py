"""Exports: incidents written as JSON lines (the project's contract), ACLED-style
CSV for spreadsheets and conflict-data tools, and GeoJSON for maps.

Every writer takes the incidents, a text file handle and, optionally, the
stored articles by id (to fill in outlets an incident link lacks, and for the
JSON lines' outlet comparison: loaded terms need the texts), the reuse pairs
and the loaded-terms lexicon, and writes the incidents ordered by date then id
so exports are reproducible."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TextIO

from rashomon.export.records import CSV_COLUMNS, contract_record, flat_record, ordered
from rashomon.model import Article, Incident, ReusePair
from rashomon.trace import Lexicon

__all__ = ["CSV_COLUMNS", "FORMATS", "Writer", "contract_record", "flat_record", "write_csv", "write_geojson",
           "write_jsonl"]


class Writer(Protocol):
    def __call__(self, incidents: Iterable[Incident], fh: TextIO, articles: Mapping[str, Article] | None = None,
                 reuse: Sequence[ReusePair] = (), lexicon: Lexicon | None = None) -> None: ...


def write_jsonl(incidents: Iterable[Incident], fh: TextIO, articles: Mapping[str, Article] | None = None,
                reuse: Sequence[ReusePair] = (), lexicon: Lexicon | None = None) -> None:
    """One incident a line, as the incident export contract defines it, with rashomon's extras
    (independent sources per value, the outlet comparison)."""
    by_article: dict[str, list[ReusePair]] = {}
    for pair in reuse:
        by_article.setdefault(pair.a, []).append(pair)
        by_article.setdefault(pair.b, []).append(pair)
    for incident in ordered(incidents):
        pairs = {id(p): p for link in incident.articles for p in by_article.get(link.id, ())}.values()
        fh.write(json.dumps(contract_record(incident, articles, pairs, lexicon), ensure_ascii=False) + "\n")


def write_csv(incidents: Iterable[Incident], fh: TextIO, articles: Mapping[str, Article] | None = None,
              reuse: Sequence[ReusePair] = (), lexicon: Lexicon | None = None) -> None:
    """ACLED's column names where ACLED has the field, then every figure's range; empty cells for unknowns."""
    writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for incident in ordered(incidents):
        writer.writerow(flat_record(incident, articles))


def write_geojson(incidents: Iterable[Incident], fh: TextIO, articles: Mapping[str, Article] | None = None,
                  reuse: Sequence[ReusePair] = (), lexicon: Lexicon | None = None) -> None:
    """A FeatureCollection of the incidents that have coordinates, one Point each,
    with the CSV row as properties so the map layer joins the table on ``event_id_cnty``."""
    features = []
    for incident in ordered(incidents):
        properties = flat_record(incident, articles)
        longitude, latitude = properties.pop("longitude"), properties.pop("latitude")
        if longitude is None or latitude is None:
            continue
        features.append({"type": "Feature", "id": incident.id,
                         "geometry": {"type": "Point", "coordinates": [longitude, latitude]},  # RFC 7946: lon, lat
                         "properties": properties})
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    fh.write("\n")


FORMATS: dict[str, Writer] = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
