"""The benchmark metrics against values computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from rashomon.evaluate.gva import score
from rashomon.evaluate.metrics import bcubed, ceaf_e, conll_f1, fold_name, muc
from rashomon.model import Evidence, FigureReport, FigureSummary, Incident, IncidentArticle, Place

GOLD = {"a": "1", "b": "1", "c": "2"}
SYSTEM = {"a": "x", "b": "y", "c": "y"}


def test_bcubed_by_hand():
    assert bcubed(GOLD, SYSTEM) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_muc_by_hand():
    assert muc(GOLD, SYSTEM) == (0.0, 0.0, 0.0)
    assert muc(GOLD, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    assert muc(GOLD, {"a": "x", "b": "y", "c": "z"}) == (0.0, 0.0, 0.0)  # no links proposed


def test_ceaf_e_and_conll_by_hand():
    assert ceaf_e(GOLD, SYSTEM) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert conll_f1(GOLD, SYSTEM) == pytest.approx(4 / 9)
    assert conll_f1(GOLD, {"a": "p", "b": "p", "c": "q"}) == pytest.approx((1 + 1 + 1) / 3)


@pytest.mark.parametrize("raw, folded", [
    ("Chicago (Englewood)", "chicago"), ("Henry (county)", "henry"), ("Cook County", "cook"), ("Mägdeburg", "magdeburg"),
])
def test_fold_name(raw, folded):
    assert fold_name(raw) == folded


def _incident(iid, date, city, state, killed=None, injured=None, articles=()):
    def fig(value):
        ev = Evidence(article_id="x", start=0, end=1, quote="q")
        return FigureSummary(low=value, best=value, high=value, policy="p",
                             reports=[FigureReport(kind="killed", value=value, evidence=ev)])
    figures = {}
    if killed is not None:
        figures["killed"] = fig(killed)
    if injured is not None:
        figures["injured"] = fig(injured)
    return Incident(id=iid, date=date, place=Place(name=city, admin1=state, country="US"), figures=figures,
                    articles=[IncidentArticle(id=a, role="main") for a in articles])


def test_score_facts_and_counting_by_hand():
    gold = [
        {"incident_id": "g1", "gold_available": True, "date": "2016-01-02", "city": "Chicago (Englewood)",
         "state": "Illinois", "killed": 1, "injured": 0, "articles": ["a", "b"]},
        {"incident_id": "g2", "gold_available": True, "date": "2016-01-20", "city": "Chicago",
         "state": "Illinois", "killed": 0, "injured": 2, "articles": ["c"]},
        {"incident_id": "g3", "gold_available": False, "date": None, "city": None, "state": None,
         "killed": None, "injured": None, "articles": ["d"]},
    ]
    incidents = [
        _incident("s1", dt.date(2016, 1, 2), "Chicago", "Illinois", killed=1, articles=["a", "b"]),
        _incident("s2", dt.date(2016, 1, 21), "Chicago", "Illinois", injured=3, articles=["c"]),
    ]
    result = score(gold, incidents, {"a": "s1", "b": "s1", "c": "s2"})
    m = result.metrics
    assert m["bcubed_f1"] == pytest.approx(1.0)
    assert m["date_accuracy"] == 0.5 and m["date_within_1_accuracy"] == 1.0
    assert m["city_accuracy"] == 1.0 and m["state_accuracy"] == 1.0
    assert m["killed_accuracy"] == 1.0  # g2: nobody killed, the system gives no figure: 0 == 0
    assert m["injured_accuracy"] == 0.5 and m["injured_mae"] == 0.5
    # one question (Chicago, Illinois, 2016-01): 2 incidents, 1 killed, 2 injured; the system says 2, 1, 3
    assert (m["count_incidents_exact"], m["count_killed_exact"], m["count_injured_exact"]) == (1.0, 1.0, 0.0)
    assert result.errors["injured"][0]["gold"] == 2 and result.errors["injured"][0]["system"] == 3
