"""Extract stage: an ``Article`` in, the incident ``Mention``s it reports out.

The work per article is a pure function of the article plus read-only
resources (the spaCy pipeline and the gazetteer), so it can run in a process
pool or on Dask unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy

from rashomon import geo
from rashomon.config import Settings
from rashomon.extract.frames import FrameBuilder
from rashomon.model import Article, Mention


class Extractor:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        try:
            self.nlp = spacy.load(self.settings.spacy_model)
        except OSError as exc:
            raise RuntimeError(
                f"spaCy pipeline {self.settings.spacy_model!r} is not installed "
                "(set RASHOMON_SPACY_MODEL to an installed pipeline)"
            ) from exc
        self.builder = FrameBuilder(geo.get_gazetteer(self.settings), geo, self.settings.default_country)

    def extract(self, article: Article) -> list[Mention]:
        """Mentions of one article (none for a non-English one)."""
        return next(self.extract_many([article]))[1]

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Mention]]]:
        """Mentions of each article, in input order, parsing English texts in batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, batch: list[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        parsable = [a for a in batch if a.is_english and a.text.strip()]
        docs = dict(zip((a.id for a in parsable), self.nlp.pipe(a.text for a in parsable)))
        for article in batch:
            doc = docs.get(article.id)
            if doc is None:
                yield article, []
                continue
            title_doc = self.nlp(article.title) if article.title else None
            yield article, self.builder.build(article, doc, title_doc)
