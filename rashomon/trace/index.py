"""An inverted index of word n-grams over the articles, as passim uses one: only
n-grams that few articles share (document frequency between 2 and ``max_df``)
propose candidate pairs, each weighted 1 / (df - 1), so that the cost grows with
the number of rarely shared n-grams, near-linearly with the corpus, and a phrase
that fifty articles print weighs almost nothing.

The index is incremental: ``add`` aligns the new articles against the stored
ones and among themselves, never two stored articles again.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from rashomon.model import Article, ReusePair
from rashomon.trace.align import AlignSettings, PairAligner
from rashomon.trace.text import Doc, prepare

# Publication dates that say when the article appeared (not a lower bound from the text, not its incident's).
DATED_SOURCES = ("given", "text", "url")


def ngram_keys(tokens: list[str], n: int) -> np.ndarray:
    """One 64-bit key per n-gram of content tokens (position i: tokens i .. i+n-1)."""
    if len(tokens) < n:
        return np.zeros(0, dtype=np.int64)
    return np.fromiter((hash(tuple(tokens[i:i + n])) for i in range(len(tokens) - n + 1)), dtype=np.int64,
                       count=len(tokens) - n + 1)


def story_grams(boilerplate: np.ndarray, n: int) -> np.ndarray:
    """Per n-gram position: True when none of its tokens lies in a boilerplate sentence."""
    if len(boilerplate) < n:
        return np.zeros(0, dtype=bool)
    inside = np.convolve(boilerplate.astype(np.int64), np.ones(n, dtype=np.int64), mode="valid")
    return inside == 0


class ReuseIndex:
    """Articles indexed for the reuse pass: ``pairs = ReuseIndex().add(articles)``.

    ``add(stored, align=False)`` only indexes (articles whose pairs are known);
    ``add(new)`` returns every passage pair that involves a new article."""

    def __init__(self, ngram: int = 3, max_df: int = 100, min_pair_score: float = 2.0,
                 settings: AlignSettings | None = None, exact_shortcut: bool = True):
        self.ngram = ngram
        self.exact_shortcut = exact_shortcut  # identical texts (same content hash) are syndication without alignment
        self.max_df = max_df
        self.min_pair_score = min_pair_score
        self.aligner = PairAligner(settings or AlignSettings())
        self.docs: list[Doc] = []
        self._position: dict[str, int] = {}
        self._by_fingerprint: dict[str, list[int]] = {}
        self._keys = np.zeros(0, dtype=np.int64)  # sorted; one entry per (n-gram, article)
        self._key_docs = np.zeros(0, dtype=np.int64)
        self._unique = np.zeros(0, dtype=np.int64)  # distinct n-grams, sorted
        self._df = np.zeros(0, dtype=np.int64)  # their document frequency

    def __len__(self) -> int:
        return len(self.docs)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._position

    def add(self, articles: Iterable[Article], align: bool = True) -> list[ReusePair]:
        """Index ``articles``; with ``align``, return the passage pairs between them and every indexed article."""
        old = len(self.docs)
        for article in articles:
            if article.id in self._position:
                raise ValueError(f"article {article.id} is already indexed")
            published = article.published if article.published_source in DATED_SOURCES else None
            doc = prepare(article.id, article.text, published, fingerprint=article.content_hash)
            doc.grams = ngram_keys(doc.tokens, self.ngram)
            doc.gram_ok = story_grams(doc.boilerplate, self.ngram)
            self._position[doc.id] = len(self.docs)
            self.docs.append(doc)
        if len(self.docs) == old:
            return []
        self._index(old)
        if not align:
            for i in range(old, len(self.docs)):
                self._by_fingerprint.setdefault(self.docs[i].fingerprint, []).append(i)
            return []
        exact = self._exact_pairs(old) if self.exact_shortcut else set()
        candidates = self._candidates(old) | exact
        pairs: list[ReusePair] = []
        for i, j in sorted(candidates):
            a, b = self.docs[i], self.docs[j]
            pairs.extend(self.aligner.align(a, b, [] if (i, j) in exact else self._anchors(a, b), exact=(i, j) in exact))
        pairs.sort(key=lambda p: (p.a, p.b, p.a_start, p.b_start))
        return pairs

    # -- internals ---------------------------------------------------------------------------------------
    def _index(self, old: int) -> None:
        new_keys = [np.unique(d.grams[d.gram_ok]) for d in self.docs[old:]]
        docs = np.concatenate([np.full(len(k), old + i, dtype=np.int64) for i, k in enumerate(new_keys)])
        keys = np.concatenate([self._keys, *new_keys])
        key_docs = np.concatenate([self._key_docs, docs])
        order = np.argsort(keys, kind="stable")
        self._keys, self._key_docs = keys[order], key_docs[order]
        self._unique, self._df = np.unique(self._keys, return_counts=True)

    def _exact_pairs(self, old: int) -> set[tuple[int, int]]:
        """Articles whose whole text is the same up to case, accents and punctuation."""
        pairs = set()
        for i in range(old, len(self.docs)):
            fingerprint = self.docs[i].fingerprint
            if not fingerprint:
                continue
            same = self._by_fingerprint.setdefault(fingerprint, [])
            pairs.update((j, i) for j in same)
            same.append(i)
        return pairs

    def _candidates(self, old: int) -> set[tuple[int, int]]:
        """Pairs involving a new article whose shared rare n-grams weigh at least ``min_pair_score``."""
        keys, docs = self._keys, self._key_docs
        if len(keys) == 0:
            return set()
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        lengths = np.diff(np.r_[starts, len(keys)])
        newest = np.maximum.reduceat(docs, starts)
        keep = (lengths >= 2) & (lengths <= self.max_df) & (newest >= old)
        starts, lengths = starts[keep], lengths[keep]
        n = len(self.docs)
        codes, weights = [], []
        for length in np.unique(lengths):
            runs = starts[lengths == length]
            members = docs[runs[:, None] + np.arange(length)]  # each row: the articles sharing one n-gram
            iu, ju = np.triu_indices(length, 1)
            x, y = members[:, iu].ravel(), members[:, ju].ravel()
            lo, hi = np.minimum(x, y), np.maximum(x, y)
            fresh = hi >= old
            codes.append(lo[fresh] * n + hi[fresh])
            weights.append(np.full(int(fresh.sum()), 1.0 / (length - 1)))
        if not codes:
            return set()
        code, inverse = np.unique(np.concatenate(codes), return_inverse=True)
        score = np.bincount(inverse, weights=np.concatenate(weights))
        chosen = code[score >= self.min_pair_score]
        return {(int(c // n), int(c % n)) for c in chosen}

    def _anchors(self, a: Doc, b: Doc) -> list[tuple[int, int, float]]:
        """Positions of the rare n-grams two articles share, and their weight 1 / (df - 1)."""
        common = np.intersect1d(a.grams[a.gram_ok], b.grams[b.gram_ok])
        if len(common) == 0:
            return []
        df = self._df[np.searchsorted(self._unique, common)]
        common = common[(df >= 2) & (df <= self.max_df)]
        if len(common) == 0:
            return []
        weight = {int(k): 1.0 / (int(d) - 1) for k, d in zip(common, self._df[np.searchsorted(self._unique, common)])}
        b_positions: dict[int, list[int]] = {}
        for pos in np.flatnonzero(np.isin(b.grams, common) & b.gram_ok).tolist():
            b_positions.setdefault(int(b.grams[pos]), []).append(pos)
        anchors = []
        for pos in np.flatnonzero(np.isin(a.grams, common) & a.gram_ok).tolist():
            key = int(a.grams[pos])
            for other in b_positions[key][:4]:
                anchors.append((pos, other, weight[key]))
        return anchors
