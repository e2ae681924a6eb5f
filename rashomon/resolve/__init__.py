"""Resolve stage: mentions across articles become incidents, each with its
reconciled figures, actors, claims and denials, and the reason every article
belongs to it.

Incident ids are stable: a new grouping inherits the id of the previous
incident it shares most mentions with, so an incident keeps its id when it
gains articles; merges and splits are returned as history events.

``resolve`` does it all in memory. At scale the stage runs in three steps
(``Rashomon.resolve``): ``group`` the slim forms of the mentions (``SlimMention``,
what the store keeps for grouping), ``assign_ids``, then ``build_incidents``,
which loads the full mentions of a batch of incidents at a time, so that
neither the full mentions nor the incidents are ever all in memory."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

from rashomon.model import Actor, Article, Incident, IncidentArticle, Mention, Place, ReusePair, SlimMention, Statement
from rashomon.resolve import reconcile
from rashomon.resolve.cluster import Grouping, Link, cluster, group, without_gc
from rashomon.trace import source_groups

__all__ = ["BATCH", "NOT_READ", "Grouping", "assign_ids", "build_incidents", "cluster", "group", "incident_date",
           "resolve", "without_gc"]

# Mentions loaded at a time to build incidents (whole clusters: a batch may hold more).
BATCH = 5000
# Fields of a mention that building an incident never reads (grouping read its slim form): a loader
# may leave them out. The sentences assigned to a mention are most of its size.
NOT_READ: tuple[str, ...] = ("evidence", "date_evidence", "place_evidence", "date_expr", "names", "keywords")


def _new_id(mention_ids: list[str]) -> str:
    return "inc-" + hashlib.sha1(min(mention_ids).encode()).hexdigest()[:10]


def assign_ids(grouping: Grouping, previous: dict[str, list[str]]) -> tuple[list[str], list[dict]]:
    """An id per cluster of ``grouping`` (see ``_assign_ids``), and the history events."""
    records = grouping.records
    return _assign_ids([[records[k].id for k in c] for c in grouping.clusters], previous)


def _assign_ids(clusters: list[list[str]], previous: dict[str, list[str]]) -> tuple[list[str], list[dict]]:
    """An id per cluster (of mention ids), inherited from the previous incident with the largest overlap."""
    owner = {mid: inc for inc, mids in previous.items() for mid in mids}
    claims: list[tuple[int, str, int]] = []
    for index, members in enumerate(clusters):
        overlap = Counter(owner[m] for m in members if m in owner)
        for inc, n in overlap.items():
            claims.append((n, inc, index))
    ids: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    for n, inc, index in sorted(claims, key=lambda c: (-c[0], c[1], c[2])):
        if ids[index] is None and inc not in taken:
            ids[index], _ = inc, taken.add(inc)
    history: list[dict] = []
    for index, members in enumerate(clusters):
        sources = sorted({owner[m] for m in members if m in owner})
        if ids[index] is None:
            ids[index] = _new_id(members)
            while ids[index] in taken:
                ids[index] += "x"
            taken.add(ids[index])
            action = "split" if sources else "created"
            history.append({"incident_id": ids[index], "action": action,
                            "other_incident_id": sources[0] if sources else None,
                            "reason": "mentions separated from " + ", ".join(sources) if sources else "new incident"})
        else:
            for other in sources:
                if other != ids[index]:
                    history.append({"incident_id": ids[index], "action": "merged", "other_incident_id": other,
                                    "reason": f"{other} shares evidence with {ids[index]}"})
            grown = [m for m in members if m not in previous.get(ids[index], [])]
            if grown:
                history.append({"incident_id": ids[index], "action": "grew", "other_incident_id": None,
                                "reason": "new mentions " + ", ".join(grown[:5])})
    for inc in previous:
        if inc not in taken:
            history.append({"incident_id": inc, "action": "removed", "other_incident_id": None,
                            "reason": "its mentions now belong to other incidents"})
    return [i for i in ids if i is not None], history


def _earliest_mode(days: list[dt.date]) -> dt.date | None:
    counts = Counter(days)
    return max(counts, key=lambda d: (counts[d], -d.toordinal())) if counts else None


def _mode(values: list, default=None):
    values = [v for v in values if v is not None]
    if not values:
        return default
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], str(v)))


def incident_date(members: list[Mention] | list[SlimMention]) -> tuple[dt.date | None, int | None]:
    """The date and date precision of the incident these mentions make (full or slim: the same)."""
    mains = [m for m in members if m.role == "main"] or members
    # The day most reports give to the day, the articles it is the main incident of first; of days
    # given equally often the earlier (a report's weekday read against a later publication drifts later).
    precise_dates = [m.date for m in mains if m.date and (m.date_precision or 9) <= 1] \
        or [m.date for m in members if m.date and (m.date_precision or 9) <= 1]
    date = _earliest_mode(precise_dates) or _earliest_mode([m.date for m in members if m.date])
    date_precision = 1 if precise_dates else min((m.date_precision for m in members if m.date), default=None)
    return date, date_precision


def _most_reported_place(places: list[Place], population: Callable[[Place], int] | None) -> Place | None:
    """The place most reports give; of places given equally often, the larger (reports of one incident
    that name a suburb and the city beside it: incident datasets code the city, the postal address),
    then the first by id."""
    counts = Counter(p.geonameid or p.name for p in places)
    if not counts:
        return None
    first = {}
    for p in places:
        first.setdefault(p.geonameid or p.name, p)
    top = max(counts.values())
    tied = [key for key, n in counts.items() if n == top]
    # populations are looked up only for a tie (most incidents have one place, or a clear one)
    size = {key: population(first[key]) for key in tied} if population is not None and len(tied) > 1 else {}
    return first[max(tied, key=lambda key: (size.get(key, 0), str(key)))]


def _incident(incident_id: str, members: list[Mention], published: Mapping[str, dt.date | None],
              outlets: Mapping[str, str | None], joined_by: dict[str, Link], policy: str,
              reuse: Mapping[str, list[ReusePair]] | None = None,
              population: Callable[[Place], int] | None = None) -> Incident:
    mains = [m for m in members if m.role == "main"] or members
    kind = _mode([m.kind for m in mains]) or _mode([m.kind for m in members])
    typed = next(m for m in members if m.kind == kind) if kind else members[0]
    date, date_precision = incident_date(members)
    places = [m.place for m in members if m.place is not None]
    # the most precise level any report gives: a town, else a county, else what there is
    city_places = [p for p in places if p.feature == "city"] or [p for p in places if p.feature == "admin2"] or places
    place = _most_reported_place(city_places, population)

    figures = {}
    for kind_name in ("killed", "injured", "missing", "buildings_destroyed"):
        per_article = defaultdict(list)
        for m in members:
            for f in m.figures:
                if f.kind == kind_name:
                    per_article[m.article_id].append(f)
        if per_article:
            # Reports copied from one another (syndicated articles, a shared passage carrying the figure)
            # are one independent source: their reuse cluster.
            pairs = {id(p): p for aid in per_article for p in (reuse or {}).get(aid, ())}.values()
            group = source_groups(per_article, pairs)
            reports = [(reconcile.article_report(rs).model_copy(update={"reuse_cluster": group[aid]}), published.get(aid))
                       for aid, rs in sorted(per_article.items())]
            figures[kind_name] = reconcile.summarise(reports, policy)
    if "injured" in figures and "killed" in figures:
        figures["injured"] = reconcile.without_the_dead(figures["injured"], figures["killed"])

    actors: dict[str, Actor] = {}
    for m in members:
        for a in m.actors:
            merged = actors.setdefault(a.name, Actor(name=a.name, role=a.role))
            merged.alleged_by = sorted(set(merged.alleged_by) | set(a.alleged_by))
            merged.denied_by = sorted(set(merged.denied_by) | set(a.denied_by))
            merged.evidence.extend(a.evidence)
            if a.role == "alleged_perpetrator":
                merged.role = "alleged_perpetrator"
    statements: list[Statement] = [s for m in members for s in m.statements]
    denying_parties = {s.party for s in statements if s.kind == "denial" and s.party}
    for actor in actors.values():
        if actor.name in denying_parties:
            actor.role = "alleged_perpetrator"
            for s in statements:
                if s.kind == "denial" and s.party == actor.name and s.speaker not in actor.denied_by:
                    actor.denied_by.append(s.speaker)

    contradictions = [f"{k}: reports range from {f.low} to {f.high}" for k, f in figures.items() if f.contradiction]
    dates = sorted({m.date for m in members if m.date and (m.date_precision or 9) <= 1})
    if len(dates) > 1:
        contradictions.append("date: reports give " + ", ".join(str(d) for d in dates))
    perpetrators = {a.name for a in actors.values() if a.role in ("perpetrator", "alleged_perpetrator")}
    if len(perpetrators) > 1:
        contradictions.append("perpetrator: reports blame " + ", ".join(sorted(perpetrators)))
    for actor in actors.values():
        if actor.denied_by:
            contradictions.append(f"perpetrator: {actor.name} is blamed and denies it ({'; '.join(actor.denied_by)})")

    incident_articles = []
    for m in sorted(members, key=lambda m: (m.role != "main", m.article_id)):
        link = joined_by.get(m.id)
        reason = "; ".join(link.reasons) if link and len(members) > 1 else "only report"
        incident_articles.append(IncidentArticle(id=m.article_id, role=m.role, mention_id=m.id,
                                                 outlet=outlets.get(m.article_id), reason=reason))
    return Incident(
        id=incident_id, kind=kind, event_type=typed.event_type, sub_event_type=typed.sub_event_type,
        weapon=typed.weapon, date=date, date_precision=date_precision, place=place,
        actors=list(actors.values()), figures=figures, statements=statements, articles=incident_articles,
        mention_ids=sorted(m.id for m in members), contradictions=contradictions,
    )


def build_incidents(grouping: Grouping, ids: list[str], load: Callable[[list[str]], Iterable[Mention]],
                    published: Mapping[str, dt.date | None], outlets: Mapping[str, str | None], policy: str,
                    reuse: Callable[[set[str]], Mapping[str, list[ReusePair]]] | None = None,
                    batch: int | None = None, on_progress: Callable[[int], None] | None = None,
                    population: Callable[[Place], int] | None = None) -> Iterator[Incident]:
    """The incidents of ``grouping`` (``ids`` from ``assign_ids``), cluster by cluster, in cluster order.
    The full mentions are loaded (``load``: mention ids -> mentions) and the reuse pairs of their
    articles looked up (``reuse``: article ids -> pairs of each) a batch of clusters at a time, so
    only one batch is in memory. ``on_progress`` gets the number of clusters done after each batch;
    ``population`` (a gazetteer's) chooses between places the reports give equally often."""
    records, clusters = grouping.records, grouping.clusters
    batch = batch or BATCH
    start = 0
    while start < len(clusters):
        end, size = start, 0
        while end < len(clusters) and (size < batch or end == start):
            size += len(clusters[end])
            end += 1
        wanted = [records[k].id for c in clusters[start:end] for k in c]
        full = {m.id: m for m in load(wanted)}
        pairs = reuse({full[mid].article_id for mid in wanted}) if reuse is not None else {}
        for index in range(start, end):
            positions = clusters[index]
            members = [full[records[k].id] for k in positions]
            joined_by = grouping.links(positions) if len(positions) > 1 else {}
            yield _incident(ids[index], members, published, outlets, joined_by, policy, pairs, population)
        start = end
        if on_progress is not None:
            on_progress(end)


@without_gc  # millions of small objects, no cycles: full collections would walk the corpus again and again
def resolve(mentions: list[Mention], articles: dict[str, Article], previous: dict[str, list[str]] | None = None,
            policy: str = "latest_corroborated", reuse: Iterable[ReusePair] = (),
            population: Callable[[Place], int] | None = None) -> tuple[list[Incident], list[dict]]:
    """Incidents from all mentions; ``previous`` maps existing incident ids to their mention ids;
    ``reuse``: passage pairs between the articles (the trace stage), so that copies of one report
    count as one independent source; ``population``: see ``build_incidents``."""
    published = {aid: a.published for aid, a in articles.items()}
    outlets = {aid: a.outlet for aid, a in articles.items()}
    by_id = {m.id: m for m in mentions}
    grouping = group([m.slim() for m in mentions], published)
    ids, history = assign_ids(grouping, previous or {})
    by_article: dict[str, list[ReusePair]] = defaultdict(list)
    for pair in reuse:
        by_article[pair.a].append(pair)
        by_article[pair.b].append(pair)
    incidents = list(build_incidents(grouping, ids, lambda wanted: [by_id[mid] for mid in wanted], published, outlets,
                                     policy, lambda _: by_article, batch=len(mentions) or 1, population=population))
    incidents.sort(key=lambda inc: (inc.date or dt.date.max, inc.id))
    return incidents, history
