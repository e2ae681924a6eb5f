"""The whole pipeline, incrementally: ingest -> extract -> store -> trace -> resolve.

This is the Python API behind the command line. Each stage is called through
its public entry point only; the store owns all SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.config import Settings
from rashomon.extract.dates import redate
from rashomon.ingest import read_articles
from rashomon.model import Article, Incident, IngestProblem, Mention, Place, ReusePair, SlimMention
from rashomon.resolve import NOT_READ, Grouping, assign_ids, build_incidents, group, incident_date, without_gc
from rashomon.store import Store
from rashomon.trace import REUSE_LINKS, ReuseIndex

# Progress of a long step: (what, done, total or None).
OnProgress = Callable[[str, int, "int | None"], None]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (new id, id of the stored original)
    not_english: list[str] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)
    incidents: int = 0


class Rashomon:
    """An incident database: ``Rashomon("rashomon.db").ingest(["articles/"])``."""

    def __init__(self, db: str | Path = "rashomon.db", settings: Settings | None = None):
        self.settings = settings or Settings()
        self.store = Store(str(db))
        self._extractor = None
        self._reuse_index: ReuseIndex | None = None  # kept between ingests of one session
        self._reuse_indexed: dict[str, str] = {}  # article id -> content hash the index holds

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Rashomon":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def extractor(self):
        if self._extractor is None:
            from rashomon.extract import Extractor  # spaCy loads only when there is something to extract

            self._extractor = Extractor(self.settings)
        return self._extractor

    # -- ingest ------------------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], strict: bool = False,
               on_article: Callable[[Article | IngestProblem], None] | None = None,
               on_progress: OnProgress | None = None) -> IngestReport:
        """Read, extract and store new articles, then update the incidents (``on_progress``: resolution's steps)."""
        report = IngestReport()
        in_flight: dict[tuple[str, str], str] = {}  # story key -> id of an article read but not yet stored
        deferred: list[Article] = []  # copies of articles still in flight

        def new_articles() -> Iterator[Article]:
            for item in read_articles(paths, strict=strict):
                if on_article:
                    on_article(item)
                if isinstance(item, IngestProblem):
                    report.problems.append(item)
                    continue
                stored = self.store.get_article(item.id)
                if stored is not None and stored.content_hash == item.content_hash:
                    report.unchanged.append(item.id)
                    continue
                if in_flight.get(_story_key(item), item.id) != item.id:
                    deferred.append(item)
                    continue
                if self._save_if_duplicate(item, report):
                    continue
                in_flight[_story_key(item)] = item.id
                if not item.is_english:
                    report.not_english.append(item.id)
                    self.store.save_article(item, [])
                    continue
                yield item

        for article, mentions in self.extractor.extract_many(new_articles(), workers=self.settings.workers):
            self.store.save_article(article, mentions)
            report.added.append(article.id)
        for item in deferred:
            self._save_if_duplicate(item, report)
        traced = self.trace()  # before resolution: reconciliation counts independent sources
        if report.added or report.duplicates or traced:
            report.incidents = self.resolve(on_progress)
        else:
            report.incidents = self.store.count()["incidents"]
        return report

    def _save_if_duplicate(self, item: Article, report: IngestReport) -> bool:
        """Store an article whose text and title are already stored under another id as a duplicate
        of it, with copies of its mentions so that it joins the same incidents. The same text under
        another headline (a paywall or sign-up page, a station's copy retitled) is a story of its own."""
        original = next((a for a in self.store.articles_by_hash(item.content_hash)
                         if _same_title(a, item)), None)
        if original is None or original.id == item.id:
            return False
        item.duplicate_of = original.id
        self.store.save_article(item, _copy_mentions(self.store.mentions([original.id]), item.id))
        report.duplicates.append((item.id, original.id))
        return True

    # -- trace -------------------------------------------------------------------------------------------
    def trace(self) -> list[ReusePair]:
        """The reuse pass over the stored articles it has not seen yet (new, or whose text changed),
        against all stored articles; their pairs are stored. Returns the new pairs."""
        traced = self.store.traced()
        if traced == self.store.article_hashes():
            return []
        known, fresh = [], []
        for article in self.store.articles():
            (known if traced.get(article.id) == article.content_hash else fresh).append(article)
        held = {a.id: a.content_hash for a in known}
        if self._reuse_index is None or self._reuse_indexed != held:
            self._reuse_index = ReuseIndex()
            self._reuse_index.add(known, align=False)
        pairs = self._reuse_index.add(fresh)
        self.store.save_reuse(fresh, pairs)
        self._reuse_indexed = held | {a.id: a.content_hash for a in fresh}
        return pairs

    def reuse(self, article_id: str | None = None) -> list[ReusePair]:
        """Stored passage pairs, all or those of one article."""
        return self.store.reuse_pairs(None if article_id is None else [article_id])

    # -- resolve -----------------------------------------------------------------------------------------
    # Without the cyclic GC: its full collections walked the slim mentions and the grouping held for the
    # whole stage again and again (a third of the stage's time at 100k mentions); the stage makes
    # almost no cycles (a few SQL expressions per query), which the next collection after it frees.
    @without_gc
    def resolve(self, on_progress: OnProgress | None = None) -> int:
        """Regroup all stored mentions into incidents, keeping incident ids stable, and store them;
        returns how many there are (read them with ``incidents()``).

        Grouping reads the slim form of each mention (``SlimMention``), never the full mentions; the
        incidents are then built and written a batch at a time, each batch loading the full mentions
        of its clusters, so memory holds the slim mentions and one batch, never the whole corpus."""
        step = on_progress or (lambda what, done, total: None)
        grouped = self._group(step)
        # Articles that give no date of their own are anchored on their main incident's date,
        # then their relative dates ("on Friday", "six days after") are resolved and grouping redone.
        if self._anchor_undated(grouped):
            del grouped  # (not two groupings in memory at once)
            grouped = self._group(step)
        previous: dict[str, list[str]] = {}
        for link in self.store.incident_links():
            if link.mention_id is not None:
                previous.setdefault(link.incident_id, []).append(link.mention_id)
        ids, history = assign_ids(grouped.grouping, previous)
        del previous
        reused = self.store.reused_articles(REUSE_LINKS)
        moved = grouped.moved

        def load(mention_ids: list[str]) -> list[Mention]:
            return [m.model_copy(update={"place": moved[m.id]}) if m.id in moved else m
                    for m in self.store.mentions(ids=mention_ids, without=NOT_READ)]

        def reuse(article_ids: set[str]) -> dict[str, list[ReusePair]]:
            by_article: dict[str, list[ReusePair]] = defaultdict(list)
            if article_ids & reused:
                for pair in self.store.reuse_pairs(article_ids & reused, kinds=REUSE_LINKS):
                    by_article[pair.a].append(pair)
                    by_article[pair.b].append(pair)
            return by_article

        total = len(grouped.grouping.clusters)
        step("building incidents", 0, total)
        incidents = build_incidents(grouped.grouping, ids, load, grouped.published, grouped.outlets,
                                    self.settings.best_policy, reuse,
                                    on_progress=lambda done: step("building incidents", done, total),
                                    population=self._population)
        count = self.store.save_incidents(incidents, history)
        self.store.set_meta("best_policy", self.settings.best_policy)
        return count

    def _population(self, place: Place) -> int:
        """A place's population, to choose between places an incident's reports give equally often
        (the gazetteer is loaded only when some incident needs it)."""
        from rashomon import geo

        return geo.get_gazetteer(self.settings).population(place)

    def _group(self, step: OnProgress) -> _Grouped:
        """One pass over the stored articles and the slim forms of their mentions: places read in their
        outlet's region (``geo.outlets``; stored mentions stay as extracted), then grouped."""
        out = _Grouped()
        records: list[SlimMention] = []
        reader = None
        total = self.store.article_count()
        for n, (article, slim) in enumerate(self.store.slim_mentions(), 1):
            out.published[article.id] = article.published
            out.outlets[article.id] = article.outlet
            if article.published is None:
                main = next((m for m in slim if m.role == "main"), None)
                if main is not None:
                    out.undated[article.id] = main.id
            if slim and reader is None and self.settings.outlet_regions:
                from rashomon import geo

                reader = geo.OutletReader(geo.get_gazetteer(self.settings))
            if reader is not None:
                for m in slim:
                    reader.add(article, m)
            records.extend(slim)
            if n % 10_000 == 0 or n == total:
                step("reading mentions", n, total)
        if reader is not None:
            for position, place in reader.places().items():
                records[position].place = place
                out.moved[records[position].id] = place
            for position, place in reader.home_regions().items():
                out.moved[records[position].id] = place  # placed, but not grouped by it
        step("grouping", 0, None)
        out.grouping = group(records, out.published)
        return out

    def _anchor_undated(self, grouped: _Grouped) -> int:
        """Give each article without a publication date the date of its main incident when that is a
        precise date several articles share; its mentions are re-dated from it. The number anchored."""
        main_of = {mention_id: article_id for article_id, mention_id in grouped.undated.items()}
        records, anchors = grouped.grouping.records, {}
        for positions in grouped.grouping.clusters:
            for k in positions:
                if records[k].id in main_of:
                    date, precision = incident_date([records[p] for p in positions])
                    anchors[main_of[records[k].id]] = (date, precision, len(positions))
        count = 0
        for article_id in sorted(anchors):
            date, precision, size = anchors[article_id]
            if date is None or precision != 1 or size < 2:
                continue
            self.store.set_published(article_id, date, "incident")
            self.store.replace_mentions(article_id, redate(self.store.mentions([article_id]), date))
            count += 1
        return count

    # -- queries -----------------------------------------------------------------------------------------
    def incidents(self, **filters) -> list[Incident]:
        return self.store.incidents(**filters)

    def incident(self, incident_id: str) -> Incident | None:
        return self.store.incident(incident_id)

    def count(self, **filters) -> dict[str, int]:
        return self.store.count(**filters)


@dataclass
class _Grouped:
    """What resolution keeps between its steps: the grouping of the slim mentions and, per article,
    the little the incidents need (publication date, outlet)."""

    grouping: Grouping | None = None
    moved: dict[str, Place] = field(default_factory=dict)  # mention id -> its place read in its outlet's region
    published: dict[str, dt.date | None] = field(default_factory=dict)
    outlets: dict[str, str | None] = field(default_factory=dict)
    undated: dict[str, str] = field(default_factory=dict)  # article without a publication date -> its main mention


def _title_key(article: Article) -> str:
    return " ".join(re.findall(r"\w+", (article.title or "").casefold()))


def _same_title(a: Article, b: Article) -> bool:
    """Titles that fold alike, or a missing one (a text file may carry none)."""
    return not a.title or not b.title or _title_key(a) == _title_key(b)


def _story_key(article: Article) -> tuple[str, str]:
    return article.content_hash, _title_key(article)


def _copy_mentions(mentions: list[Mention], article_id: str) -> list[Mention]:
    """The mentions of a stored article, as those of a duplicate with the same text."""
    copies = []
    for m in mentions:
        data = m.model_dump()
        data["id"] = f"{article_id}#{m.id.split('#', 1)[1]}"
        data["article_id"] = article_id
        copy = Mention.model_validate(data)
        for evidence in [*copy.evidence, *(f.evidence for f in copy.figures), *(s.evidence for s in copy.statements),
                         *(e for a in copy.actors for e in a.evidence), copy.date_evidence, copy.place_evidence]:
            if evidence is not None:
                evidence.article_id = article_id
        copies.append(copy)
    return copies
