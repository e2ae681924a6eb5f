"""Quality guard on real gold: the first 80 incidents of the GVA dev split
(118 articles nobody here wrote) must keep scoring at least these floors.
Raise a floor when the system gets better; never lower one to make a change pass, unless what the slice
loses was right by accident, and then say so beside the floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.config import Settings
from rashomon.evaluate.gva import evaluate

GVA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "gva"

FLOORS = {
    # 0.92 / 0.855 until 2026-11-24: two reports of the May 2014 Atlanta school shooting had joined on a
    # death neither tells ("Please don't let my baby die" read as one dead); with it read as no death, they
    # count five hurt and one hurt and stay apart. On the whole dev split the same fix broke nothing.
    # Back to 0.92 / 0.855 on 2026-11-25 (the slice scores 0.923 / 0.860). Date 0.74 until then: the second
    # of those reports dated its shooting by "the accused shooter faced a judge for the first time
    # Wednesday" in Tuesday's paper, six days back, and the slice's date was right by accident (its other
    # incident, "Tuesday's shooting", had joined the first report). That day is no longer read (the
    # publication-day-early rule, `frames._day_after`; whole dev split: date 0.806 -> 0.810, 11 fixed,
    # 1 broken, that one); the two reports' main incidents stay apart, the first dated by its publication.
    # CoNLL 0.855 -> 0.85 on 2026-11-25 (the slice scores 0.850): WWL's "Jury finds Trung Le guilty in
    # Bourbon Street shooting" writes "The July 29, 2014, shooting" of the June 29 shooting; it had been
    # dated by "wounds they still cope with today", and so a later sentencing report that names no day
    # had joined it. Read by its own (wrong) date, the two stay apart. Whole dev split: date 0.810 -> 0.814.
    "bcubed_f1": 0.92,
    "conll_f1": 0.85,
    "date_accuracy": 0.73,
    "date_within_1_accuracy": 0.8,
    "city_accuracy": 0.72,
    "state_accuracy": 0.89,
    "killed_accuracy": 0.9,
    "injured_accuracy": 0.75,
    "count_incidents_exact": 0.6,
    "count_killed_exact": 0.66,
    "count_injured_exact": 0.65,
}


@pytest.fixture(scope="module")
def result():
    if not (GVA / "dev-articles.jsonl").exists():
        pytest.fail(f"the GVA benchmark is missing at {GVA} (../shared beside the repository)")
    # as `rashomon evaluate gva` runs it: the benchmark is US news
    return evaluate(GVA / "dev-articles.jsonl", GVA / "dev-gold.jsonl", first=80, settings=Settings(default_country="US"))


def test_slice_is_the_fixed_one(result):
    assert result.counts["gold_incidents"] == 80 and result.counts["articles"] == 118


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_stays_above_its_floor(result, metric):
    assert result.metrics[metric] >= FLOORS[metric], (metric, result.metrics[metric])
