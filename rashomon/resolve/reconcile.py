"""Reconciliation: every figure of an incident as low / best / high with every
report beside it. ``best`` is chosen by a named policy; nothing is averaged
and no report is dropped.

Policies (``Settings.best_policy`` / ``RASHOMON_BEST_POLICY``):

- ``conservative``: the lowest precise value, as ACLED codes fatalities.
- ``latest_corroborated`` (default): the value of the most recently published
  report among values that at least two independent sources give; when no
  value is corroborated, the most recent report. A later "death toll rose to
  14" outranks an earlier 12 once a second source confirms it, or when it is
  the latest word.
- ``most_reported``: the value the most independent sources give (ties: the
  one more articles give, then the higher).
- ``highest``: the highest precise value.

Independent sources: reports copied from one another (syndicated articles, or
the figure's sentence in a passage one article took from another; see
``rashomon.trace.sources``) carry the same ``reuse_cluster`` and count once, so
two copies of one wire report do not corroborate each other. A report without a
cluster is a source of its own.

Vague reports ("dozens", "hundreds") stay in the report list but only set the
range when no article gives a precise number.

A victim who died is killed, not also injured: the injured ``best`` is at most
the most people any one report counts as hit (dead and hurt together) less the
killed ``best`` ("a 5-year-old was shot", then "the boy has died": one person;
``without_the_dead``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

from rashomon.model import FigureReport, FigureSummary

Report = tuple[FigureReport, dt.date | None]  # a report and the publication date of its article


def source_of(report: FigureReport) -> str:
    """The independent source a report belongs to: its reuse cluster, else its own article."""
    return report.reuse_cluster or report.evidence.article_id


def independent_sources(reports: Iterable[FigureReport]) -> dict[int, int]:
    """For each value, how many independent sources give it."""
    sources: dict[int, set[str]] = {}
    for r in reports:
        sources.setdefault(r.value, set()).add(source_of(r))
    return {value: len(found) for value, found in sorted(sources.items())}


def _latest_corroborated(reports: list[Report]) -> int:
    counts = independent_sources(r for r, _ in reports)
    corroborated = [(d or dt.date.min, r.value) for r, d in reports if counts[r.value] >= 2]
    pool = corroborated or [(d or dt.date.min, r.value) for r, d in reports]
    latest = max(day for day, _ in pool)
    return max(value for day, value in pool if day == latest)


def _most_reported(reports: list[Report]) -> int:
    counts = independent_sources(r for r, _ in reports)
    articles = Counter(r.value for r, _ in reports)
    return max(counts, key=lambda v: (counts[v], articles[v], v))


POLICIES: dict[str, Callable[[list[Report]], int]] = {
    "conservative": lambda reports: min(r.value for r, _ in reports),
    "latest_corroborated": _latest_corroborated,
    "most_reported": _most_reported,
    "highest": lambda reports: max(r.value for r, _ in reports),
}


def article_report(reports: list[FigureReport]) -> FigureReport:
    """One article's figure when it gives several: the highest precise one
    (tolls grow as a story develops), else its first vague one."""
    precise = [r for r in reports if r.qualifier != "vague"]
    if precise:
        return max(precise, key=lambda r: r.value)
    return reports[0]


def _contradicts(a: FigureReport, b: FigureReport) -> bool:
    """Two precise reports that cannot both be true."""
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    return hi_a < lo_b or hi_b < lo_a


def _interval(r: FigureReport) -> tuple[float, float]:
    v = r.value
    return {
        "exact": (v, v),
        "at_least": (v, float("inf")),
        "more_than": (v + 1, float("inf")),
        "about": (v * 0.8, v * 1.2),
        "at_most": (0, v),
        "vague": (0, float("inf")),
    }[r.qualifier]


def summarise(reports: list[Report], policy: str) -> FigureSummary:
    """The reconciled figure from one report per article."""
    if policy not in POLICIES:
        raise ValueError(f"unknown best-value policy {policy!r}; choose one of {', '.join(POLICIES)}")
    precise = [(r, d) for r, d in reports if r.qualifier != "vague"]
    pool = precise or reports
    values = [r.value for r, _ in pool]
    contradiction = any(_contradicts(a, b) for i, (a, _) in enumerate(precise) for b, _ in precise[i + 1:])
    ordered = sorted((r for r, _ in reports), key=lambda r: (r.evidence.article_id, r.value))
    return FigureSummary(low=min(values), best=POLICIES[policy](pool), high=max(values), policy=policy,
                         reports=ordered, contradiction=contradiction,
                         sources=independent_sources(r for r, _ in reports))


def without_the_dead(injured: FigureSummary, killed: FigureSummary) -> FigureSummary:
    """The injured figure once the dead are known: no report counts more people hit, dead and hurt
    together, than the most any one report counts, so the hurt are at most that many less the dead
    ("a 5-year-old was shot", then "the boy has died": one person, killed, not also injured; but "a
    man was shot" and "a woman was killed and a man wounded": two). Every report keeps its own value."""
    dead: dict[str, int] = {}
    hurt: dict[str, int] = {}
    for summary, per_article in ((killed, dead), (injured, hurt)):
        for r in summary.reports:
            if r.qualifier != "vague":
                per_article[r.evidence.article_id] = max(r.value, per_article.get(r.evidence.article_id, 0))
    hit = max(dead.get(aid, 0) + hurt.get(aid, 0) for aid in set(dead) | set(hurt)) if dead or hurt else 0
    best = min(injured.best, max(0, hit - killed.best))
    if best == injured.best:
        return injured
    return injured.model_copy(update={"best": best, "low": min(injured.low, best)})
