"""Trace stage: passages shared between articles (verbatim copies, near-verbatim
copies, light rewrites, shared quotations, whole-article syndication), and from
them the independent sources behind each figure.

``find_reuse(articles)`` is the whole pass over a corpus; ``ReuseIndex`` is its
incremental form (index the stored articles once, then ``add`` new ones: only
the new ones are aligned)."""

from __future__ import annotations

from collections.abc import Iterable

from rashomon.model import Article, ReusePair
from rashomon.trace.align import AlignSettings
from rashomon.trace.index import ReuseIndex
from rashomon.trace.outlets import Lexicon, compare_outlets, default_lexicon
from rashomon.trace.sources import COPY_KINDS, source_groups

__all__ = ["REUSE_LINKS", "AlignSettings", "Lexicon", "ReuseIndex", "compare_outlets", "default_lexicon",
           "find_reuse", "source_groups"]

# Kinds of pair that can make two reports one source (a shared quotation cannot).
REUSE_LINKS: tuple[str, ...] = ("syndication", *COPY_KINDS)


def find_reuse(articles: Iterable[Article], **options) -> list[ReusePair]:
    """Every passage pair shared between ``articles``, ordered by (a, b, a_start).

    ``options`` go to ``ReuseIndex`` (``ngram``, ``max_df``, ``min_pair_score``, ``settings``)."""
    return ReuseIndex(**options).add(articles)
