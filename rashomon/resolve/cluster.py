"""Grouping mentions into incidents.

Mentions are blocked by place (the same gazetteer entry, or the same country
for mentions without a precise place) so the number of pairs scored grows
with the size of a block, not the corpus. Each pair gets a score from the
evidence that tells incidents apart (date distance, figures, kind, names,
shared words); pairs are merged best first, never putting two mentions of one
article into one incident and never joining incidents whose dates disagree.
Every merge keeps the reasons it was made, so the dossier can say why an
article belongs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from rashomon.model import Mention

MERGE_THRESHOLD = 1.5
# How far apart two dates may be, by the coarser date precision (UCDP date_prec).
DATE_TOLERANCE = {1: 1, 2: 3, 3: 7, 4: 31, 5: 366}
# Dates further apart than their tolerance but within this many days only weigh against a merge:
# a report's date can be wrong by a few days ("Tuesday" read against the wrong week); beyond it, never.
DATE_HARD_LIMIT = 7


@dataclass
class Link:
    a: str
    b: str
    score: float
    reasons: list[str] = field(default_factory=list)


def _place_key(m: Mention) -> str | None:
    if m.place is None:
        return None
    if m.place.geonameid is not None:
        return f"g{m.place.geonameid}"
    return f"n{m.place.name.lower()}|{m.place.country}"


def _date_gap(a: Mention, b: Mention) -> tuple[int, int] | None:
    """(days apart, tolerance) when both dates are known."""
    if a.date is None or b.date is None:
        return None
    tolerance = DATE_TOLERANCE.get(max(a.date_precision or 1, b.date_precision or 1), 366)
    return abs((a.date - b.date).days), tolerance


def _dates_conflict(gap: tuple[int, int] | None) -> bool:
    """Dates too far apart for one incident, whatever else the reports share."""
    return gap is not None and gap[0] > max(gap[1], DATE_HARD_LIMIT)


def _main_figure(m: Mention, kind: str) -> int | None:
    values = [f.value for f in m.figures if f.kind == kind and f.qualifier != "vague"]
    return max(values) if values else None


def score_pair(a: Mention, b: Mention, reported: dict[str, dt.date | None] | None = None) -> Link | None:
    """How strongly two mentions look like one incident; None when they cannot be."""
    if a.article_id == b.article_id:
        return None
    reasons: list[str] = []
    score = 0.0
    same_place = bool(a.place and b.place and _place_key(a) == _place_key(b))
    if same_place:
        score += 1.0
        reasons.append(f"same place ({a.place.name})")
    elif a.place and b.place:
        if a.place.country != b.place.country or (a.place.admin1 and b.place.admin1 and a.place.admin1 != b.place.admin1):
            return None
        if a.place.admin2 and a.place.admin2 == b.place.admin2:
            score += 0.5
            reasons.append(f"same county ({a.place.admin2})")
    gap = _date_gap(a, b)
    if _dates_conflict(gap):
        return None
    if gap is not None:
        days, tolerance = gap
        if days > tolerance:
            score -= 1.0
            reasons.append(f"dates {days} days apart")
        elif days == 0:
            score += 1.5
            reasons.append(f"same day ({a.date})")
        else:
            score += 0.5
            reasons.append(f"dates {days} day(s) apart")
    for kind, weight in (("killed", 1.5), ("injured", 1.0)):
        va, vb = _main_figure(a, kind), _main_figure(b, kind)
        if va is None or vb is None:
            continue
        if va == vb:
            score += weight
            reasons.append(f"{kind} {va} in both")
        elif abs(va - vb) <= max(1, 0.2 * max(va, vb)):
            score += weight / 2
            reasons.append(f"{kind} {va} vs {vb}")
        else:
            score -= weight
    if a.event_type and a.event_type == b.event_type:
        score += 0.5
        reasons.append(f"both {a.event_type.lower()}")
    elif a.weapon and a.weapon == b.weapon:
        score += 0.5
        reasons.append(f"both by {a.weapon}")
    elif a.event_type and b.event_type:
        score -= 0.5
    if gap is None and reported:
        ra, rb = reported.get(a.article_id), reported.get(b.article_id)
        if ra and rb and abs((ra - rb).days) <= 2:
            score += 0.5
            reasons.append("reported within two days of each other")
    if a.role == "main" and b.role == "main":
        score += 0.5
    shared_names = set(a.names) & set(b.names)
    if shared_names:
        score += 1.5
        reasons.append("names " + ", ".join(sorted(shared_names)[:3]))
    shared_words = set(a.keywords) & set(b.keywords)
    jaccard = len(shared_words) / len(set(a.keywords) | set(b.keywords)) if shared_words else 0.0
    if shared_words:
        score += 2 * jaccard
        reasons.append("shared words " + ", ".join(sorted(shared_words)[:5]))
    if not same_place and not shared_names and jaccard < 0.3:
        return None  # without one place, only what identifies the incident itself can join two reports
    return Link(a.id, b.id, score, reasons)


def blocks(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions that may be the same incident: the same place; the same named person; or the same
    region (admin1) on the same or the next day, for places written at different levels."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        key = _place_key(m)
        if key is not None:
            out[key].append(m)
        for name in m.names:
            if len(name) > 5 and " " in name:
                out["n:" + name.lower()].append(m)
        if m.place is not None and m.place.admin1 and m.date is not None and (m.date_precision or 9) <= 2:
            for day in (m.date, m.date + dt.timedelta(days=1)):
                out[f"r:{m.place.country}|{m.place.admin1}|{day}"].append(m)
    return out


def cluster(mentions: list[Mention], reported: dict[str, dt.date | None] | None = None
            ) -> tuple[list[list[Mention]], dict[str, Link]]:
    """Clusters of mentions (deterministic whatever the input order) and, per
    mention, the link that brought it into its cluster."""
    mentions = sorted(mentions, key=lambda m: m.id)
    by_id = {m.id: m for m in mentions}
    links: list[Link] = []
    scored: set[tuple[str, str]] = set()
    for block in blocks(mentions).values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if (a.id, b.id) in scored:
                    continue
                scored.add((a.id, b.id))
                link = score_pair(a, b, reported)
                if link is not None and link.score >= MERGE_THRESHOLD:
                    links.append(link)
    links.sort(key=lambda l: (-l.score, l.a, l.b))

    parent = {m.id: m.id for m in mentions}
    members: dict[str, list[str]] = {m.id: [m.id] for m in mentions}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined_by: dict[str, Link] = {}
    for link in links:
        ra, rb = root(link.a), root(link.b)
        if ra == rb:
            continue
        group = members[ra] + members[rb]
        if not _can_merge([by_id[i] for i in members[ra]], [by_id[i] for i in members[rb]]):
            continue
        keep, drop = sorted((ra, rb))
        parent[drop] = keep
        members[keep] = sorted(group)
        del members[drop]
        joined_by.setdefault(link.b, link)
        joined_by.setdefault(link.a, link)
    clusters = [[by_id[i] for i in ids] for ids in members.values()]
    clusters.sort(key=lambda c: c[0].id)
    return clusters, joined_by


def _can_merge(left: list[Mention], right: list[Mention]) -> bool:
    if {m.article_id for m in left} & {m.article_id for m in right}:
        return False
    for a in left:
        for b in right:
            if _dates_conflict(_date_gap(a, b)):
                return False
    return True

