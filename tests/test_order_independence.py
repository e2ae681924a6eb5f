"""Ingesting articles in a different order gives the same grouping, on a slice of real data:
the articles of the first 40 gold incidents of the GVA dev split, ingested through the real
``Rashomon`` API in file order in one batch, and shuffled / reversed in several incremental
ingest calls. Incidents that merely gained articles between two calls keep their ids, and the
history records it.

Extraction is a pure function of an article, so it runs once per article here (a memo in front
of the real ``Extractor``); reading, storage, resolution and anchoring run for real every time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rashomon.config import Settings
from rashomon.evaluate.gva import load_gold, slice_corpus
from rashomon.model import Article, Mention
from rashomon.pipeline import Rashomon
from rashomon.resolve import resolve

GVA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "gva"
FIRST = 40  # gold incidents in the slice
SETTINGS = Settings(default_country="US")  # as `rashomon evaluate gva` runs: the benchmark is US news


class MemoExtractor:
    """The real extractor, run once per article (same id, text and publication date)."""

    def __init__(self, extractor):
        self.extractor = extractor
        self.cache: dict[tuple, tuple[dict, list[dict]]] = {}

    def extract_many(self, articles, **options):  # batch size, workers: irrelevant to the result
        for article in articles:  # one by one: the pipeline's reading side effects stay interleaved
            key = (article.id, article.content_hash, article.published, article.title)
            if key not in self.cache:
                done, mentions = next(self.extractor.extract_many([article]))
                self.cache[key] = (done.model_dump(), [m.model_dump() for m in mentions])
            done, mentions = self.cache[key]
            yield Article.model_validate(done), [Mention.model_validate(m) for m in mentions]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    if not (GVA / "dev-articles.jsonl").exists():
        pytest.fail(f"the GVA benchmark is missing at {GVA} (../shared beside the repository)")
    _, chosen = slice_corpus(GVA / "dev-articles.jsonl", load_gold(GVA / "dev-gold.jsonl"), FIRST)
    return chosen


@pytest.fixture(scope="module")
def extractor() -> MemoExtractor:
    from rashomon.extract import Extractor

    return MemoExtractor(Extractor(SETTINGS))


def _ingest(folder: Path, extractor: MemoExtractor, batches: list[list[str]]) -> tuple[Rashomon, list[dict]]:
    """A fresh database fed ``batches`` (lists of JSON lines), one ingest call each; and, after each
    call, every incident's id and mention ids."""
    folder.mkdir(parents=True, exist_ok=True)
    app = Rashomon(folder / "db.sqlite", SETTINGS)
    app._extractor = extractor
    states = []
    for n, batch in enumerate(batches):
        path = folder / f"batch-{n}.jsonl"
        path.write_text("".join(batch), encoding="utf-8")
        report = app.ingest([path])
        assert not report.problems and len(report.added) + len(report.duplicates) == len(batch)
        states.append({inc.id: frozenset(inc.mention_ids) for inc in app.incidents()})
    return app, states


def _main_partition(app: Rashomon) -> set[frozenset[str]]:
    """Articles grouped by the incident they are mainly about."""
    groups = {frozenset(a.id for a in inc.articles if a.role == "main") for inc in app.incidents()}
    return groups - {frozenset()}


def _mention_partition(app: Rashomon) -> set[frozenset[str]]:
    return {frozenset(inc.mention_ids) for inc in app.incidents()}


def _split(items: list[str], parts: int) -> list[list[str]]:
    size = -(-len(items) // parts)
    return [items[i:i + size] for i in range(0, len(items), size)]


@pytest.fixture(scope="module")
def runs(lines, extractor, tmp_path_factory):
    shuffled = list(lines)
    random.Random(4).shuffle(shuffled)
    plans = {
        "file order, one batch": [lines],
        "reversed, one article at a time": [[line] for line in reversed(lines)],
        "shuffled, three batches": _split(shuffled, 3),
    }
    out = {name: _ingest(tmp_path_factory.mktemp("order"), extractor, batches) for name, batches in plans.items()}
    yield out
    for app, _ in out.values():
        app.close()


def test_slice_is_the_fixed_one(lines):
    assert len(lines) == 54


def test_same_grouping_in_any_order(runs):
    reference, _ = runs["file order, one batch"]
    expected_main, expected_all = _main_partition(reference), _mention_partition(reference)
    assert len(expected_main) > 20  # a real grouping, not all singletons or one blob
    for name, (app, _) in runs.items():
        assert _main_partition(app) == expected_main, name
        assert _mention_partition(app) == expected_all, name


def test_same_incidents_in_any_order(runs):
    """Beyond the grouping: the same incidents in every field (dates, places, figures with every
    report, actors, the reason each article belongs), whatever order the reports came in. Only the
    ids may differ: an incident keeps the id it was given when it first appeared."""

    def incidents(app):
        return sorted((inc.model_dump(exclude={"id"}) for inc in app.incidents()), key=lambda d: d["mention_ids"])

    reference, _ = runs["file order, one batch"]
    expected = incidents(reference)
    for name, (app, _) in runs.items():
        found = incidents(app)
        assert [d["mention_ids"] for d in found] == [d["mention_ids"] for d in expected], name
        for mine, theirs in zip(found, expected):
            assert mine == theirs, (name, mine["mention_ids"])


def test_incidents_keep_their_ids_when_they_grow(runs):
    grown = 0
    for name, (app, states) in runs.items():
        history = app.store.history()
        for before, after in zip(states, states[1:]):
            owner = {mid: inc for inc, mids in after.items() for mid in mids}
            for inc, mids in before.items():
                successors = {owner.get(mid) for mid in mids}
                if len(successors) > 1:  # new evidence split it: one part keeps the id, the split is recorded
                    assert inc in successors, (name, inc, successors)
                    for part in successors - {inc}:
                        assert any(e.incident_id == part and e.action in ("split", "merged") for e in history), (name, part)
                    continue
                successor = successors.pop()
                absorbed = [other for other, others in before.items() if other != inc and others <= after[successor]]
                if not absorbed:  # it only gained articles (or nothing): same id
                    assert successor == inc, (name, inc, successor)
                    if after[successor] != mids:
                        grown += 1
                        assert any(e.incident_id == inc and e.action == "grew" for e in history), (name, inc)
                else:  # two earlier incidents became one: one id survives, the merge is recorded
                    survivor = successor
                    assert survivor in (inc, *absorbed), (name, survivor)
                    for other in {inc, *absorbed} - {survivor}:
                        assert any(e.incident_id == survivor and e.action == "merged" and e.other_incident_id == other
                                   for e in history), (name, survivor, other)
    assert grown > 0  # the slice does exercise incidents gaining articles across ingest calls


def test_resolve_ignores_the_order_of_its_input(runs):
    """The resolve stage itself: the same mentions in any order give the same incidents, ids included."""
    app, _ = runs["file order, one batch"]
    mentions = app.store.mentions()
    articles = {a.id: a for a in app.store.articles()}
    reference, _ = resolve(mentions, articles, {}, SETTINGS.best_policy)
    for seed in range(3):
        shuffled = list(mentions)
        random.Random(seed).shuffle(shuffled)
        incidents, _ = resolve(shuffled, dict(reversed(list(articles.items()))), {}, SETTINGS.best_policy)
        assert [i.model_dump() for i in incidents] == [i.model_dump() for i in reference], seed


# -- the fast clustering is exact ---------------------------------------------------------------------------
def _reference_cluster(mentions, reported):
    """Clustering the plain way: every pair of every block scored (but for the documented bound on
    undated mentions), merged best first, each merge checked against every pair of mentions."""
    from rashomon.resolve import cluster as cluster_module  # noqa: F401  (the function)
    import sys

    c = sys.modules["rashomon.resolve.cluster"]
    mentions = sorted(mentions, key=lambda m: m.id)
    by_id = {m.id: m for m in mentions}

    def full_names(m):
        return {n.lower() for n in m.names if len(n) > 5 and " " in n}

    def candidate(a, b):
        if (a.date is None) == (b.date is None) and a.date is not None:
            return True
        if a.date is not None:
            a, b = b, a  # a undated
        pa, pb = reported.get(a.article_id), reported.get(b.article_id)
        if c.UNDATED_WINDOW is None or pa is None:
            return True
        # two reports naming one person in full: a trial's report may come years later
        reach = max(c.NAMED_REACH, c.UNDATED_WINDOW) if full_names(a) & full_names(b) else c.UNDATED_WINDOW
        if b.date is not None:
            return -reach <= (b.date - pa).days <= c.DATE_HARD_LIMIT
        return pb is None or abs((pb - pa).days) <= reach

    links = {}
    busy = c.place_busyness(mentions, reported)
    for block in c.blocks(mentions).values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.id != b.id and (a.id, b.id) not in links and candidate(a, b):
                    link = c.score_pair(a, b, reported, busy)
                    if link is not None and link.score >= c.MERGE_THRESHOLD:
                        links[(a.id, b.id)] = link
    groups = {m.id: [m.id] for m in mentions}
    owner = {m.id: m.id for m in mentions}

    def conflict(left, right):
        if {by_id[x].article_id for x in left} & {by_id[x].article_id for x in right}:
            return True
        for x in left:
            for y in right:
                a, b = by_id[x], by_id[y]
                # a publication day standing in for a day the report does not name bounds nothing
                if a.date and b.date and not a.date_assumed and not b.date_assumed:
                    tolerance = c.DATE_TOLERANCE.get(max(a.date_precision or 1, b.date_precision or 1), 366)
                    if abs((a.date - b.date).days) > max(tolerance, c.DATE_HARD_LIMIT):
                        return True
        return False

    def stated(x):
        return by_id[x].date is not None and not by_id[x].date_assumed

    joined = {}
    for link in sorted(links.values(), key=lambda l: (-l.score, l.a, l.b)):
        ra, rb = owner[link.a], owner[link.b]
        if ra == rb or conflict(groups[ra], groups[rb]):
            continue
        if not c.UNDATED_BRIDGES and not (stated(link.a) and stated(link.b)) \
                and any(map(stated, groups[ra])) and any(map(stated, groups[rb])):
            continue  # a report that names no day joins two dated incidents to nothing
        keep, drop = sorted((ra, rb))
        groups[keep] += groups.pop(drop)
        for x in groups[keep]:
            owner[x] = keep
        joined.setdefault(link.b, link)
        joined.setdefault(link.a, link)
    return sorted(sorted(g) for g in groups.values()), {k: (v.a, v.b, v.score, v.reasons) for k, v in joined.items()}


def _perturbed(mentions, seed):
    """The slice's mentions with dates dropped, coarsened and moved, so that every path of the date
    windows is taken: undated mentions, month and year precision a few weeks off, reports of one
    incident a few days apart (chains of them too long for one incident)."""
    import datetime as dt

    rng = random.Random(seed)
    out = []
    for m in mentions:
        roll, change = rng.random(), {}
        if roll < 0.12:
            change = {"date": None}
        elif roll < 0.3 and m.date:
            change = {"date_precision": rng.choice([4, 5]), "date": m.date + dt.timedelta(days=rng.choice([-25, -12, 10, 20]))}
        elif roll < 0.55 and m.date:
            change = {"date": m.date + dt.timedelta(days=rng.choice([-6, -5, -2, -1, 1, 2, 5, 6, 8, 9]))}
        out.append(m.model_copy(update=change))
    # chains: copies of a report, as other articles, four and eight days later: each may join its
    # neighbour, but the first and the last are too far apart for one incident
    dated = [m for m in mentions if m.date and m.place and m.role == "main"]
    for m in rng.sample(dated, min(6, len(dated))):
        for step in (1, 2):
            article = f"{m.article_id}~{step}"
            out.append(m.model_copy(update={"id": f"{article}#0", "article_id": article, "date_precision": 1,
                                            "date": m.date + dt.timedelta(days=4 * step)}))
    # neighbours: copies in another place of the same state on the same day, which only a shared name,
    # or keywords with a Jaccard around the 0.3 bar, may join to the report they copy
    regional = [m for m in dated if m.place.admin1 and len(m.keywords) >= 8]
    for n, m in enumerate(rng.sample(regional, min(12, len(regional)))):
        kept = rng.choice([3, 4, 5, 6, 7, 8]) if n % 2 else 0
        keywords = list(m.keywords[:kept]) + [f"{m.id}-{k}" for k in range(len(m.keywords) - kept)]
        place = m.place.model_copy(update={"geonameid": (m.place.geonameid or 0) + 10**8, "name": m.place.name + " Heights"})
        out.append(m.model_copy(update={"id": f"{m.article_id}~n#0", "article_id": f"{m.article_id}~n", "place": place,
                                        "date_precision": 1, "keywords": keywords,
                                        "names": list(m.names) if n % 2 == 0 else []}))
    return out


@pytest.mark.parametrize("window", ["default", None])
def test_fast_clustering_equals_scoring_every_pair(runs, window, monkeypatch):
    import sys

    from rashomon.resolve import cluster

    c = sys.modules["rashomon.resolve.cluster"]
    if window is None:
        monkeypatch.setattr(c, "UNDATED_WINDOW", None)
    app, _ = runs["file order, one batch"]
    mentions = app.store.mentions()
    reported = {a.id: a.published for a in app.store.articles()}
    for seed in range(8):
        sample = mentions if seed == 0 else _perturbed(mentions, seed)
        clusters, joined = cluster(list(reversed(sample)), reported)
        found = (sorted(sorted(m.id for m in c_) for c_ in clusters),
                 {k: (v.a, v.b, v.score, v.reasons) for k, v in joined.items()})
        assert found == _reference_cluster(sample, reported), seed


# -- resolution from the store is resolve() in memory ----------------------------------------------------------
def test_store_backed_resolution_equals_in_memory_resolve(runs, monkeypatch):
    """``Rashomon.resolve`` groups the slim mentions the store keeps and builds and writes the incidents
    a batch at a time (the full mentions loaded without their evidence sentences); the in-memory
    ``resolve`` gets every full mention. Same incidents in every field, ids included, and same history,
    whatever the batches (small ones here, and small store chunks, so every boundary is crossed)."""
    import rashomon.resolve as resolve_module
    import rashomon.store.db as db
    from rashomon import geo
    from rashomon.trace import REUSE_LINKS

    monkeypatch.setattr(resolve_module, "BATCH", 7)
    monkeypatch.setattr(db, "_CHUNK", 5)
    compared = 0
    for name, (app, _) in runs.items():
        app.resolve()  # settles any anchoring of undated articles, so the next call only regroups
        mentions = app.store.mentions()
        articles = {a.id: a for a in app.store.articles()}
        previous = {inc.id: inc.mention_ids for inc in app.incidents()}
        read = geo.reread_by_outlet(articles, mentions, geo.get_gazetteer(SETTINGS))
        expected, history = resolve(read, articles, previous, SETTINGS.best_policy,
                                    app.store.reuse_pairs(kinds=REUSE_LINKS),
                                    population=geo.get_gazetteer(SETTINGS).population)
        logged = len(app.store.history())
        assert app.resolve() == len(expected), name
        assert [i.model_dump() for i in app.incidents()] == [i.model_dump() for i in expected], name
        assert [(e.incident_id, e.action, e.other_incident_id, e.reason) for e in app.store.history()[logged:]] == \
            [(h["incident_id"], h["action"], h.get("other_incident_id"), h["reason"]) for h in history], name
        assert articles == {a.id: a for a in app.store.articles()}, name  # nothing was re-dated meanwhile
        compared += len(expected)
    assert compared > 60


def test_grouping_reads_no_mention_payload(runs, monkeypatch):
    """Grouping works from the slim mentions: until the mentions are grouped, no SQL statement reads a
    mention's payload; building the incidents afterwards does."""
    from sqlalchemy import event

    import rashomon.pipeline as pipeline

    app, _ = runs["file order, one batch"]
    statements: list[str] = []
    grouped_after: list[int] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    def group(*args, **kwargs):
        grouped_after.append(len(statements))
        return real_group(*args, **kwargs)

    real_group = pipeline.group
    monkeypatch.setattr(pipeline, "group", group)
    event.listen(app.store._engine, "before_cursor_execute", record)
    try:
        app.resolve()
    finally:
        event.remove(app.store._engine, "before_cursor_execute", record)
    before, after = statements[:grouped_after[0]], statements[grouped_after[0]:]
    assert any("mention_features" in s for s in before)
    assert not any("mentions.payload" in s for s in before)
    assert any("mentions.payload" in s for s in after)  # (the check does see payload reads)
