"""Exports of hand-built incidents, checked literally against the incident export contract
(/work/shared/benchmarks/README.md) and the ACLED-style columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from rashomon.export import CSV_COLUMNS, FORMATS, write_csv, write_geojson, write_jsonl
from rashomon.model import (
    Actor,
    Article,
    Evidence,
    FigureReport,
    FigureSummary,
    Incident,
    IncidentArticle,
    Place,
    Statement,
)

KILLED_12 = "Twelve civilians were killed, the prosecutor's office said."
KILLED_13 = "The death toll rose to 13, officials said."
NONE_MISSING = "No one was reported missing."
DENIAL = "Armenia denied targeting civilians."


def ev(article: str, quote: str, who: str | None = None) -> Evidence:
    return Evidence(article_id=article, start=0, end=len(quote), quote=quote, attributed_to=who)


def ganja() -> Incident:
    killed = [FigureReport(kind="killed", value=12, qualifier="exact",
                           evidence=ev("az-1", KILLED_12, "prosecutor's office")),
              FigureReport(kind="killed", value=13, qualifier="at_least", evidence=ev("bbc-2", KILLED_13, "officials"))]
    missing = [FigureReport(kind="missing", value=0, evidence=ev("bbc-2", NONE_MISSING))]
    return Incident(
        id="inc-ganja", kind="missile strike", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", weapon="missile",
        date=dt.date(2020, 10, 17), date_precision=1,
        place=Place(name="Ganja", admin1="Ganja", country="AZ", latitude=40.68278, longitude=46.36056,
                    geonameid=587084, precision=1),
        actors=[Actor(name="Armenia", role="alleged_perpetrator", alleged_by=["Azerbaijan"],
                      denied_by=["the Armenian Defence Ministry"]),
                Actor(name="civilians", role="victim")],
        figures={"missing": FigureSummary(low=0, best=0, high=0, policy="latest_corroborated", reports=missing),
                 "killed": FigureSummary(low=12, best=13, high=13, policy="latest_corroborated", reports=killed,
                                         contradiction=True)},
        statements=[Statement(kind="denial", speaker="the Armenian Defence Ministry", party="Armenia",
                              evidence=ev("bbc-2", DENIAL))],
        articles=[IncidentArticle(id="az-1", role="main", outlet="Azertac", mention_id="az-1#0", reason="only report"),
                  IncidentArticle(id="bbc-2", role="main", mention_id="bbc-2#0", reason="same place and date"),
                  IncidentArticle(id="tass-3", role="mention", outlet="TASS", mention_id="tass-3#1",
                                  reason="names Ganja")],
        mention_ids=["az-1#0", "bbc-2#0", "tass-3#1"],
        contradictions=["killed: reports range from 12 to 13"],
    )


def unplaced() -> Incident:
    """An incident the system knows little about: no place, no date, no figure."""
    return Incident(id="inc-vague", kind="shooting", event_type="Violence against civilians",
                    articles=[IncidentArticle(id="x-9", role="main")])


ARTICLES = {"bbc-2": Article(id="bbc-2", text="...", outlet="BBC", content_hash="h2")}

GANJA_RECORD = {
    "id": "inc-ganja",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "date": "2020-10-17",
    "date_precision": 1,
    "location": {"name": "Ganja", "admin1": "Ganja", "admin2": None, "country": "AZ", "latitude": 40.68278,
                 "longitude": 46.36056, "geonameid": 587084, "precision": 1},
    "actors": [{"name": "Armenia", "role": "alleged_perpetrator", "alleged_by": ["Azerbaijan"],
                "denied_by": ["the Armenian Defence Ministry"]},
               {"name": "civilians", "role": "victim", "alleged_by": [], "denied_by": []}],
    "figures": {
        "killed": {"low": 12, "best": 13, "high": 13, "policy": "latest_corroborated", "contradiction": True,
                   "reports": [{"article": "az-1", "value": 12, "qualifier": "exact", "quote": KILLED_12,
                                "attributed_to": "prosecutor's office", "reuse_cluster": "az-1"},
                               {"article": "bbc-2", "value": 13, "qualifier": "at_least", "quote": KILLED_13,
                                "attributed_to": "officials", "reuse_cluster": "bbc-2"}],
                   "sources": {"12": 1, "13": 1}},
        "missing": {"low": 0, "best": 0, "high": 0, "policy": "latest_corroborated", "contradiction": False,
                    "reports": [{"article": "bbc-2", "value": 0, "qualifier": "exact", "quote": NONE_MISSING,
                                 "attributed_to": None, "reuse_cluster": "bbc-2"}],
                    "sources": {"0": 1}},
    },
    "articles": [{"id": "az-1", "role": "main", "outlet": "Azertac"},
                 {"id": "bbc-2", "role": "main", "outlet": "BBC"},
                 {"id": "tass-3", "role": "mention", "outlet": "TASS"}],
    "kind": "missile strike",
    "weapon": "missile",
    "statements": [{"kind": "denial", "speaker": "the Armenian Defence Ministry", "party": "Armenia",
                    "article": "bbc-2", "quote": DENIAL}],
    "contradictions": ["killed: reports range from 12 to 13"],
    "outlets": [  # the outlet comparison; no loaded terms without the articles' texts
        {"article": "az-1", "outlet": "Azertac", "role": "main",
         "figures": [{"kind": "killed", "value": 12, "qualifier": "exact", "attributed_to": "prosecutor's office"}],
         "cites": ["prosecutor's office"], "carries": [], "omits": ["denial by Armenia"], "loaded_terms": [],
         "shares": {}},
        {"article": "bbc-2", "outlet": "BBC", "role": "main",
         "figures": [{"kind": "killed", "value": 13, "qualifier": "at_least", "attributed_to": "officials"},
                     {"kind": "missing", "value": 0, "qualifier": "exact", "attributed_to": None}],
         "cites": ["officials", "the Armenian Defence Ministry"], "carries": ["denial by Armenia"], "omits": [],
         "loaded_terms": [], "shares": {}},
        {"article": "tass-3", "outlet": "TASS", "role": "mention", "figures": [], "cites": [], "carries": [],
         "omits": ["denial by Armenia"], "loaded_terms": [], "shares": {}},
    ],
}


def export(writer, incidents, articles=ARTICLES) -> str:
    out = io.StringIO()
    writer(incidents, out, articles)
    return out.getvalue()


def test_jsonl_follows_the_contract_literally():
    lines = export(write_jsonl, [unplaced(), ganja()]).splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record == GANJA_RECORD
    assert list(record) == list(GANJA_RECORD)  # key order too
    assert list(record["figures"]) == ["killed", "missing"]


def test_jsonl_leaves_unreported_figures_out_and_keeps_a_reported_zero():
    record = json.loads(export(write_jsonl, [ganja()]))
    assert "injured" not in record["figures"] and "buildings_destroyed" not in record["figures"]
    assert record["figures"]["missing"]["best"] == 0
    vague = json.loads(export(write_jsonl, [unplaced()]))
    assert vague["figures"] == {}
    assert vague["date"] is None and vague["date_precision"] is None
    assert vague["location"] == dict.fromkeys(GANJA_RECORD["location"])  # same keys, all unknown
    assert vague["articles"] == [{"id": "x-9", "role": "main", "outlet": None}]


def test_csv_header_and_row():
    rows = list(csv.reader(io.StringIO(export(write_csv, [unplaced(), ganja()]))))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[0][:18] == ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                            "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
                            "geo_precision", "source", "notes", "fatalities"]
    row = dict(zip(rows[0], rows[1]))
    assert row == {
        "event_id_cnty": "inc-ganja", "event_date": "2020-10-17", "year": "2020", "time_precision": "1",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Armenia", "actor2": "civilians", "country": "Azerbaijan", "admin1": "Ganja", "admin2": "",
        "location": "Ganja", "latitude": "40.68278", "longitude": "46.36056", "geo_precision": "1",
        "source": "Azertac; BBC; TASS",
        "notes": 'Missile strike in Ganja, AZ on 2020-10-17: 13 killed (reports 12-13), 0 missing. '
                 f'"{KILLED_13}" (BBC)',
        "fatalities": "13",
        "killed_low": "12", "killed_best": "13", "killed_high": "13",
        "injured_low": "", "injured_best": "", "injured_high": "",
        "missing_low": "0", "missing_best": "0", "missing_high": "0",
        "buildings_destroyed_low": "", "buildings_destroyed_best": "", "buildings_destroyed_high": "",
        "n_sources": "3", "country_code": "AZ",
    }
    vague = dict(zip(rows[0], rows[2]))
    assert vague["fatalities"] == "" and vague["country"] == "" and vague["n_sources"] == "1"
    assert vague["notes"] == "Shooting in an unknown place on an unknown date."


def test_geojson_is_a_feature_collection_of_lon_lat_points():
    collection = json.loads(export(write_geojson, [unplaced(), ganja()]))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 1  # the incident without coordinates cannot be mapped
    feature = collection["features"][0]
    assert feature["type"] == "Feature" and feature["id"] == "inc-ganja"
    assert feature["geometry"] == {"type": "Point", "coordinates": [46.36056, 40.68278]}
    properties = feature["properties"]
    assert "latitude" not in properties and "longitude" not in properties
    assert properties["event_id_cnty"] == "inc-ganja"
    assert properties["fatalities"] == 13 and properties["injured_best"] is None and properties["missing_best"] == 0


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_exports_are_deterministic(name):
    writer = FORMATS[name]
    first = export(writer, [ganja(), unplaced()])
    assert first == export(writer, [unplaced(), ganja()]) == export(writer, [unplaced(), ganja()])


def test_formats_registry_and_outlets_without_an_article_lookup():
    assert set(FORMATS) == {"jsonl", "csv", "geojson"}
    out = io.StringIO()
    FORMATS["jsonl"]([ganja()], out)  # as the CLI calls it
    assert [a["outlet"] for a in json.loads(out.getvalue())["articles"]] == ["Azertac", None, "TASS"]
