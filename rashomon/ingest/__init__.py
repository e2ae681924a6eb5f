"""Ingest: any pile of articles (files, folders, JSON lines, HTML, .gz, .zip) in, clean ``Article``s out.

``read_articles`` streams: it yields each article as soon as it is read, and an
``IngestProblem`` for each input that cannot become one, so a batch never stops
on a bad file unless ``strict`` asks it to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rashomon.ingest.articles import build_article
from rashomon.ingest.cleaning import OutletBoilerplate, clean_text, content_hash
from rashomon.ingest.errors import BadInput, IngestError
from rashomon.ingest.formats import RawArticle, read_entry
from rashomon.ingest.sources import READ_ERRORS, describe_read_error, iter_entries
from rashomon.model import Article, IngestProblem

__all__ = ["DEFAULT_MAX_CHARS", "IngestError", "OutletBoilerplate", "clean_text", "content_hash", "read_articles"]

# Longest body kept from one input; longer ones are cut with a warning so a runaway file cannot stall a batch.
DEFAULT_MAX_CHARS = 2_000_000


def read_articles(paths: Iterable[str | Path], strict: bool = False,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | IngestProblem]:
    """Yield an ``Article`` for each article under ``paths`` and an ``IngestProblem`` for each bad input.

    Inputs that were read with a doubt (another encoding, truncated, an unreadable
    date, not English) are articles carrying warnings, not problems. With
    ``strict``, the first problem raises ``IngestError`` instead. A body longer
    than ``max_chars`` is cut there, with a warning.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for item in _read(paths, max_chars):
        if strict and isinstance(item, IngestProblem):
            raise IngestError(item)
        yield item


def _read(paths: Iterable[str | Path], max_chars: int) -> Iterator[Article | IngestProblem]:
    for entry in iter_entries(paths):
        if isinstance(entry, IngestProblem):
            yield entry
            continue
        try:
            for raw in read_entry(entry, max_chars):
                yield raw if isinstance(raw, IngestProblem) else _article(raw, max_chars)
        except BadInput as error:
            yield IngestProblem(source=entry.source, message=str(error))
        except READ_ERRORS as error:
            yield IngestProblem(source=entry.source, message=describe_read_error(error))


def _article(raw: RawArticle, max_chars: int) -> Article | IngestProblem:
    try:
        return build_article(raw, max_chars)
    except BadInput as error:
        return IngestProblem(source=raw.source, message=str(error))
