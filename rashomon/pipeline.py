"""The whole pipeline, incrementally: ingest -> extract -> store -> trace -> resolve.

This is the Python API behind the command line. Each stage is called through
its public entry point only; the store owns all SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.config import Settings
from rashomon.extract.dates import redate
from rashomon.ingest import read_articles
from rashomon.model import Article, Incident, IngestProblem, Mention, ReusePair
from rashomon.resolve import resolve
from rashomon.store import Store
from rashomon.trace import REUSE_LINKS, ReuseIndex


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
               on_article: Callable[[Article | IngestProblem], None] | None = None) -> IngestReport:
        """Read, extract and store new articles, then update the incidents."""
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
            report.incidents = len(self.resolve())
        else:
            report.incidents = len(self.store.incidents())
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
    def resolve(self) -> list[Incident]:
        """Regroup all stored mentions into incidents, keeping incident ids stable."""
        articles = {a.id: a for a in self.store.articles()}
        stored = self.store.mentions()
        previous = {inc.id: inc.mention_ids for inc in self.store.incidents()}
        reuse = self.store.reuse_pairs(kinds=REUSE_LINKS)
        incidents, history = resolve(self._read_places(articles, stored), articles, previous,
                                     self.settings.best_policy, reuse)
        # Articles that give no date of their own are anchored on their main incident's date,
        # then their relative dates ("on Friday", "six days after") are resolved and grouping redone.
        redated = self._anchor_undated(articles, stored, incidents)
        if redated:
            stored = self.store.mentions()
            articles = {a.id: a for a in self.store.articles()}
            incidents, more = resolve(self._read_places(articles, stored), articles, previous,
                                      self.settings.best_policy, reuse)
            history = more
        self.store.save_incidents(incidents, history)
        self.store.set_meta("best_policy", self.settings.best_policy)
        return incidents

    def _read_places(self, articles: dict[str, Article], mentions: list[Mention]) -> list[Mention]:
        """Mentions as resolution sees them: ambiguous place names read in their outlet's region
        (``geo.outlets``; stored mentions stay as extracted)."""
        if not self.settings.outlet_regions or not mentions:
            return mentions
        from rashomon import geo

        return geo.reread_by_outlet(articles, mentions, geo.get_gazetteer(self.settings))

    def _anchor_undated(self, articles: dict[str, Article], mentions: list[Mention], incidents: list[Incident]) -> int:
        incident_of = {mid: inc for inc in incidents for mid in inc.mention_ids}
        by_article: dict[str, list[Mention]] = {}
        for m in mentions:
            by_article.setdefault(m.article_id, []).append(m)
        count = 0
        for article_id, article_mentions in by_article.items():
            article = articles.get(article_id)
            if article is None or article.published is not None:
                continue
            main = next((m for m in article_mentions if m.role == "main"), None)
            incident = incident_of.get(main.id) if main else None
            if incident is None or incident.date is None or incident.date_precision != 1 or len(incident.articles) < 2:
                continue
            self.store.set_published(article_id, incident.date, "incident")
            self.store.replace_mentions(article_id, redate(article_mentions, incident.date))
            count += 1
        return count

    # -- queries -----------------------------------------------------------------------------------------
    def incidents(self, **filters) -> list[Incident]:
        return self.store.incidents(**filters)

    def incident(self, incident_id: str) -> Incident | None:
        return self.store.incident(incident_id)

    def count(self, **filters) -> dict[str, int]:
        return self.store.count(**filters)


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
