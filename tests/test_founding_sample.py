"""What the founding sample (samples/ganja-2020) must give, end to end, through
the same code that runs on every corpus."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from rashomon.export import FORMATS
from rashomon.pipeline import Rashomon

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ganja-2020"
GANJA, MINGACHEVIR, TARTAR = 586523, 585514, 584871


def _ingest(tmp_path: Path, order: list[str] | None = None) -> Rashomon:
    tmp_path.mkdir(parents=True, exist_ok=True)
    app = Rashomon(tmp_path / "sample.db")
    files = sorted(SAMPLE.glob("*.txt"))
    if order is not None:
        files = [next(f for f in files if f.name.startswith(prefix)) for prefix in order]
    for f in files:  # one by one: incremental updates as articles arrive
        app.ingest([f])
    return app


def _at(incidents, geonameid, date=None):
    return [i for i in incidents if i.place and i.place.geonameid == geonameid and (date is None or i.date == date)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    app = _ingest(tmp_path_factory.mktemp("sample"))
    yield app
    app.close()


def test_one_incident_for_the_ganja_strike_main_in_all_five(sample):
    strikes = _at(sample.incidents(), GANJA, dt.date(2020, 10, 17))
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.event_type == "Explosions/Remote violence"
    assert strike.kind == "missile strike"
    mains = sorted(a.id[:3] for a in strike.articles if a.role == "main")
    assert mains == ["000", "001", "002", "003", "004"]


def test_killed_and_injured_ranges_with_each_report_quoted(sample):
    strike = _at(sample.incidents(), GANJA, dt.date(2020, 10, 17))[0]
    killed = strike.figures["killed"]
    assert (killed.low, killed.high, killed.best) == (12, 13, 13)
    by_article = {r.evidence.article_id[:3]: r.value for r in killed.reports}
    assert by_article == {"000": 13, "001": 12, "002": 13, "003": 13, "004": 13}
    raw = {p.stem[:3]: " ".join(p.read_text(encoding="utf-8").split()) for p in SAMPLE.glob("*.txt")}
    for report in killed.reports:
        stored = sample.store.get_article(report.evidence.article_id).text
        # verbatim in the stored clean text, at the offsets given; and in the file, up to whitespace
        assert stored[report.evidence.start:report.evidence.end].strip() == report.evidence.quote
        assert " ".join(report.evidence.quote.split()) in raw[report.evidence.article_id[:3]]
        assert str(report.value) in report.evidence.quote or "Twelve" in report.evidence.quote
    injured = strike.figures["injured"]
    assert injured.low == 40
    assert injured.high >= 52


def test_armenia_alleged_perpetrator_and_its_denial(sample):
    strike = _at(sample.incidents(), GANJA, dt.date(2020, 10, 17))[0]
    armenia = [a for a in strike.actors if a.name == "Armenia"]
    assert armenia and armenia[0].role == "alleged_perpetrator"
    assert armenia[0].denied_by
    denials = [s for s in strike.statements if s.kind == "denial"]
    assert any(s.party == "Armenia" for s in denials)


def test_earlier_strike_on_ganja_is_separate(sample):
    earlier = _at(sample.incidents(), GANJA, dt.date(2020, 10, 11))
    assert len(earlier) == 1
    assert earlier[0].figures["killed"].best == 10


def test_mingachevir_separate_without_deaths(sample):
    found = _at(sample.incidents(), MINGACHEVIR)
    assert found
    assert all("killed" not in i.figures for i in found)
    assert all(not any(a.role == "main" for a in i.articles) for i in found)


def test_terter_funeral_shelling(sample):
    found = _at(sample.incidents(), TARTAR, dt.date(2020, 10, 16))
    assert len(found) == 1
    assert found[0].figures["killed"].best == 4
    assert found[0].figures["injured"].best == 4


def _export(app: Rashomon) -> list[dict]:
    import io

    buffer = io.StringIO()
    FORMATS["jsonl"](app.incidents(), buffer)
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_ingesting_twice_changes_nothing(tmp_path):
    app = _ingest(tmp_path)
    before = _export(app)
    report = app.ingest([SAMPLE])
    assert report.added == [] and len(report.unchanged) == 5
    assert _export(app) == before
    app.close()


def test_order_does_not_change_the_grouping(tmp_path):
    def grouping(app):
        return sorted(sorted(a["id"] for a in inc["articles"]) for inc in _export(app))

    forward = _ingest(tmp_path / "a")
    backward = _ingest(tmp_path / "b", order=["004", "003", "002", "001", "000"])
    assert grouping(forward) == grouping(backward)
    forward.close()
    backward.close()


def test_duplicate_text_under_new_id_joins_the_same_incidents(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in SAMPLE.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    shutil.copy(SAMPLE / "004_4963ab4e94cfc0ee.txt", folder / "copy-of-004.txt")
    app = Rashomon(tmp_path / "dup.db")
    report = app.ingest([folder])
    assert report.duplicates == [("copy-of-004", "004_4963ab4e94cfc0ee")]
    strike = _at(app.incidents(), GANJA, dt.date(2020, 10, 17))[0]
    assert {"copy-of-004", "004_4963ab4e94cfc0ee"} <= {a.id for a in strike.articles}
    app.close()
