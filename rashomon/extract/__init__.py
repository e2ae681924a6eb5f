"""Extract stage: an ``Article`` in, the incident ``Mention``s it reports out.

The work per article is a pure function of the article plus read-only
resources (the spaCy pipeline and the gazetteer), so it can run in a process
pool or on Dask unchanged."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rashomon import geo
from rashomon.config import Settings
from rashomon.extract.frames import FrameBuilder
from rashomon.model import Article, Mention


PARAGRAPHS = "rashomon_paragraph_breaks"


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after a line break: a page's stamp ("Posted: Sunday, June 23, 2013 11:24 AM")
    or a heading ("UPDATE (3/10 at 12:45 p.m.):") is no part of the sentence below it. The parser
    keeps boundaries set before it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


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
        if "parser" in self.nlp.pipe_names and PARAGRAPHS not in self.nlp.pipe_names:
            self.nlp.add_pipe(PARAGRAPHS, before="parser")
        self.builder = FrameBuilder(geo.get_gazetteer(self.settings), geo, self.settings.default_country)

    def extract(self, article: Article) -> list[Mention]:
        """Mentions of one article (none for a non-English one)."""
        return next(self.extract_many([article]))[1]

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32,
                     workers: int = 1) -> Iterator[tuple[Article, list[Mention]]]:
        """Mentions of each article, in input order, parsing English texts in batches; with
        ``workers`` > 1 the batches run in that many processes."""
        batches = _batches(articles, batch_size)
        if workers <= 1:
            for batch in batches:
                yield from self._batch(batch)
            return
        yield from self._in_pool(batches, workers)

    def _in_pool(self, batches: Iterator[list[Article]], workers: int) -> Iterator[tuple[Article, list[Mention]]]:
        """Batches extracted by forked copies of this extractor (the model and gazetteer are
        shared copy-on-write, not loaded again), results in input order, a few batches ahead."""
        global _POOL_EXTRACTOR
        _POOL_EXTRACTOR = self
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            pending: deque[Future] = deque()
            for batch in batches:
                pending.append(pool.submit(_extract_batch, batch))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def _batch(self, batch: list[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        parsable = [a for a in batch if a.is_english and a.text.strip()]
        docs = dict(zip((a.id for a in parsable), self.nlp.pipe(a.text for a in parsable)))
        titled = [a for a in parsable if a.title]
        titles = dict(zip((a.id for a in titled), self.nlp.pipe(a.title for a in titled)))
        for article in batch:
            doc = docs.get(article.id)
            if doc is None:
                yield article, []
                continue
            yield article, self.builder.build(article, doc, titles.get(article.id))


# The extractor a forked worker inherits from the process that started the pool.
_POOL_EXTRACTOR: Extractor | None = None


def _extract_batch(batch: list[Article]) -> list[tuple[Article, list[Mention]]]:
    return list(_POOL_EXTRACTOR._batch(batch))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
