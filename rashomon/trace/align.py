"""Passage alignment between two articles that share rare n-grams.

The shared rare n-grams are anchors. Each pair of sentences (or quotations)
holding anchors is a seed, scored by how much of the *shorter* of the two is
contained in the other (content tokens, counted with multiplicity): a light
rewrite that reorders clauses or changes connectives keeps most of its tokens,
so it scores high where word-shingle Jaccard does not. Accepted seeds that touch
in both articles are merged into passages (a sentence split in two by the
copier, or three consecutive copied sentences, become one passage).

A passage counts as reuse only with evidence of copying, not of two reporters
writing the same facts: most of the shorter passage shared, or a good part of
it with a long run of identical words; enough rare material (the anchors'
weights); and the two articles must share enough words over all their
passages, so that one formula sentence ("was taken to Mercy Hospital in good
condition") never pairs two unrelated articles. Boilerplate sentences (calls
for tips, contact lines, promotion) never anchor anything.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from rapidfuzz.distance import LCSseq

from rashomon.model import ReusePair
from rashomon.trace.text import Doc, Unit, words


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds of the alignment; the defaults are the measured ones (README, "Provenance")."""

    min_containment: float = 0.5  # share of the shorter passage's content tokens found in the other
    min_tokens: int = 5  # content tokens the two passages share, at least
    copy_containment: float = 0.8  # a passage shows copying when this much of the shorter one is shared ...
    copy_run: int = 7  # ... or when it has a run of this many identical words (function words included) ...
    run_containment: float = 0.6  # ... and this much shared
    min_specificity: float = 1.0  # summed anchor weights of a passage (1 = one n-gram only these two articles have)
    min_pair_specificity: float = 2.0  # summed anchor weights over the whole pair of articles
    min_pair_shared: int = 10  # content tokens shared over all passages of a pair: one formula sentence is not reuse
    syndication: float = 0.9  # share of the shorter article's content tokens shared: the whole article is a copy
    syndication_coverage: float = 0.8  # share of the shorter article inside aligned passages, for a syndication
    quotation: float = 0.6  # share of a passage's content tokens inside quotation marks: a shared quotation
    near_verbatim: float = 0.85  # ordered word overlap (LCS) against the shorter passage


@dataclass
class Passage:
    """Aligned units: sentence range, characters and token range on each side, the anchors inside,
    and, once scored, the evidence of copying."""

    a_sent: tuple[int, int]
    b_sent: tuple[int, int]
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    a_tok: tuple[int, int]
    b_tok: tuple[int, int]
    a_anchors: set[int] = field(default_factory=set)
    b_anchors: set[int] = field(default_factory=set)
    containment: float = 0.0
    shared: int = 0
    specificity: float = 0.0
    run: int = 0

    def touches(self, other: Passage) -> bool:
        return (self.a_sent[0] <= other.a_sent[1] + 1 and other.a_sent[0] <= self.a_sent[1] + 1
                and self.b_sent[0] <= other.b_sent[1] + 1 and other.b_sent[0] <= self.b_sent[1] + 1)

    def repeats(self, other: Passage) -> bool:
        """The same words of one side aligned to two places of the other (a text that prints a
        quotation twice): two passages, not one."""
        return ((_share(self.a_anchors, other.a_anchors) > 0.5 and not self.b_anchors & other.b_anchors)
                or (_share(self.b_anchors, other.b_anchors) > 0.5 and not self.a_anchors & other.a_anchors))

    def merged(self, other: Passage) -> Passage:
        def hull(x: tuple[int, int], y: tuple[int, int]) -> tuple[int, int]:
            return min(x[0], y[0]), max(x[1], y[1])

        return Passage(hull(self.a_sent, other.a_sent), hull(self.b_sent, other.b_sent),
                       hull(self.a_span, other.a_span), hull(self.b_span, other.b_span),
                       hull(self.a_tok, other.a_tok), hull(self.b_tok, other.b_tok),
                       self.a_anchors | other.a_anchors, self.b_anchors | other.b_anchors)


def _passage(a_unit: Unit, b_unit: Unit) -> Passage:
    return Passage((a_unit.sentence, a_unit.sentence_last), (b_unit.sentence, b_unit.sentence_last),
                   (a_unit.start, a_unit.end), (b_unit.start, b_unit.end),
                   (a_unit.first, a_unit.last), (b_unit.first, b_unit.last))


def containment(a_tokens: list[str], b_tokens: list[str]) -> tuple[float, int]:
    """Shared content tokens (with multiplicity) and their share of the shorter sequence."""
    if not a_tokens or not b_tokens:
        return 0.0, 0
    shared = sum((Counter(a_tokens) & Counter(b_tokens)).values())
    return shared / min(len(a_tokens), len(b_tokens)), shared


def longest_run(a_words: list[str], b_words: list[str]) -> int:
    """Length of the longest run of identical words two texts share."""
    if not a_words or not b_words:
        return 0
    return SequenceMatcher(None, a_words, b_words, autojunk=False).find_longest_match().size


class PairAligner:
    """Aligns one pair of prepared articles, given the anchors (shared rare n-grams) and their weights."""

    def __init__(self, settings: AlignSettings | None = None):
        self.settings = settings or AlignSettings()

    def align(self, a: Doc, b: Doc, anchors: list[tuple[int, int, float]], exact: bool = False) -> list[ReusePair]:
        """Passages shared by ``a`` and ``b``; one ``syndication`` pair when the whole shorter article is shared.

        ``anchors`` are (token position in a, token position in b, weight) of shared rare n-grams;
        ``exact``: the two texts are the same (up to case and punctuation)."""
        if exact:
            return [self._pair(a, b, (0, len(a.text)), (0, len(b.text)), 1.0, "syndication")]
        if sum({pa: w for pa, _, w in anchors}.values()) < self.settings.min_pair_specificity:
            return []
        passages = self.passages(a, b, anchors)
        syndicated = self._syndication(a, b, passages)
        if syndicated is not None:
            return [syndicated]
        accepted = [p for p in passages if self.accepts(p)]
        if _evidence(accepted) < self.settings.min_pair_shared:
            return []
        return [self._pair(a, b, p.a_span, p.b_span, p.containment, self._kind(a, b, p)) for p in accepted]

    def accepts(self, p: Passage) -> bool:
        s = self.settings
        return (p.shared >= s.min_tokens and p.specificity >= s.min_specificity
                and (p.containment >= s.copy_containment
                     or (p.containment >= s.run_containment and p.run >= s.copy_run)))

    def passages(self, a: Doc, b: Doc, anchors: list[tuple[int, int, float]]) -> list[Passage]:
        """Every candidate passage, scored (accepted or not)."""
        if not anchors:
            return []
        merged = self._merge(a, b, self._seeds(a, b, anchors))
        weight = {pa: w for pa, _, w in anchors}
        for p in merged:
            p.containment, p.shared = containment(a.tokens[p.a_tok[0]:p.a_tok[1]], b.tokens[p.b_tok[0]:p.b_tok[1]])
            p.specificity = sum(weight[pa] for pa in p.a_anchors)
            p.run = longest_run(words(a.text[p.a_span[0]:p.a_span[1]]), words(b.text[p.b_span[0]:p.b_span[1]]))
        return merged

    # -- seeds -------------------------------------------------------------------------------------------
    def _seeds(self, a: Doc, b: Doc, anchors: list[tuple[int, int, float]]) -> list[tuple[Passage, bool]]:
        """One candidate per pair of sentences (or quotations) holding anchors, and whether it passes alone.
        Of a sentence and a quotation inside it, the tighter unit that scores as well is kept."""
        s = self.settings
        a_firsts = np.array([u.first for u in a.sentences])
        b_firsts = np.array([u.first for u in b.sentences])
        pa = np.array([x[0] for x in anchors])
        pb = np.array([x[1] for x in anchors])
        sa = np.searchsorted(a_firsts, pa, side="right") - 1
        sb = np.searchsorted(b_firsts, pb, side="right") - 1
        groups: dict[tuple[int, int], list[int]] = {}
        for i, key in enumerate(zip(sa.tolist(), sb.tolist())):
            groups.setdefault(key, []).append(i)
        seeds = []
        for (i, j), members in groups.items():
            a_pos = [int(pa[m]) for m in members]
            b_pos = [int(pb[m]) for m in members]
            a_units = [a.sentences[i], *([q] if (q := _quote_of(a, a_pos)) else [])]
            b_units = [b.sentences[j], *([q] if (q := _quote_of(b, b_pos)) else [])]
            best = None
            for ua in a_units:
                for ub in b_units:
                    score, shared = containment(a.tokens[ua.first:ua.last], b.tokens[ub.first:ub.last])
                    ok = score >= s.min_containment and shared >= s.min_tokens
                    rank = (ok, round(score, 3) if ok else shared, -(ua.size + ub.size))
                    if best is None or rank > best[0]:
                        best = (rank, ua, ub)
            (ok, _, _), ua, ub = best
            seed = _passage(ua, ub)
            seed.a_anchors = {p for p in a_pos if ua.first <= p < ua.last}
            seed.b_anchors = {p for p in b_pos if ub.first <= p < ub.last}
            seeds.append((seed, ok))
        return seeds

    def _merge(self, a: Doc, b: Doc, seeds: list[tuple[Passage, bool]]) -> list[Passage]:
        """Accepted seeds that touch in both articles become one passage; a seed too small to be
        accepted alone, but as similar, joins a passage it touches when the passage stays similar."""
        s = self.settings
        passages = [p for p, ok in sorted(seeds, key=lambda x: (x[0].a_span, x[0].b_span)) if ok]
        changed = True
        while changed:
            changed = False
            for i in range(len(passages)):
                for j in range(i + 1, len(passages)):
                    if passages[i].touches(passages[j]) and not passages[i].repeats(passages[j]):
                        passages[i] = passages[i].merged(passages[j])
                        del passages[j]
                        changed = True
                        break
                if changed:
                    break
        # Seeds too small to stand alone (a short sentence the copier split off) but as similar.
        weak = [p for p, ok in seeds if not ok and self._similar(a, b, p)]
        for k, p in enumerate(passages):
            for w in weak:
                if p.touches(w) and not p.repeats(w):
                    candidate = p.merged(w)
                    score, _ = containment(a.tokens[candidate.a_tok[0]:candidate.a_tok[1]],
                                           b.tokens[candidate.b_tok[0]:candidate.b_tok[1]])
                    if score >= s.min_containment:
                        p = candidate
            passages[k] = p
        return passages

    def _similar(self, a: Doc, b: Doc, p: Passage) -> bool:
        score, _ = containment(a.tokens[p.a_tok[0]:p.a_tok[1]], b.tokens[p.b_tok[0]:p.b_tok[1]])
        return score >= self.settings.min_containment

    # -- whole articles ----------------------------------------------------------------------------------
    def _syndication(self, a: Doc, b: Doc, passages: list[Passage]) -> ReusePair | None:
        """One pair for the whole shorter article when nearly all of it is shared, spread over the article."""
        s = self.settings
        if not passages:
            return None
        a_story = [t for t, boiler in zip(a.tokens, a.boilerplate) if not boiler]
        b_story = [t for t, boiler in zip(b.tokens, b.boilerplate) if not boiler]
        score, _ = containment(a_story, b_story)
        if score < s.syndication:
            return None
        shorter = a if len(a_story) <= len(b_story) else b
        covered = np.zeros(len(shorter.tokens), dtype=bool)
        for p in passages:
            lo, hi = p.a_tok if shorter is a else p.b_tok
            covered[lo:hi] = True
        if covered[~shorter.boilerplate].mean() < s.syndication_coverage:
            return None
        a_span = (0, len(a.text)) if shorter is a else (min(p.a_span[0] for p in passages), max(p.a_span[1] for p in passages))
        b_span = (0, len(b.text)) if shorter is b else (min(p.b_span[0] for p in passages), max(p.b_span[1] for p in passages))
        return self._pair(a, b, a_span, b_span, score, "syndication")

    # -- kinds -------------------------------------------------------------------------------------------
    def _kind(self, a: Doc, b: Doc, p: Passage) -> str:
        s = self.settings
        if max(_quoted_share(a, p.a_tok), _quoted_share(b, p.b_tok)) >= s.quotation:
            return "quotation"
        wa = words(a.text[p.a_span[0]:p.a_span[1]])
        wb = words(b.text[p.b_span[0]:p.b_span[1]])
        shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        if not shorter:
            return "rewrite"
        if f" {' '.join(shorter)} " in f" {' '.join(longer)} ":
            return "verbatim"
        if LCSseq.similarity(shorter, longer) / len(shorter) >= s.near_verbatim:
            return "near_verbatim"
        return "rewrite"

    def _pair(self, a: Doc, b: Doc, a_span: tuple[int, int], b_span: tuple[int, int], similarity: float,
              kind: str) -> ReusePair:
        if a.id > b.id:
            a, b, a_span, b_span = b, a, b_span, a_span
        return ReusePair(a=a.id, b=b.id, a_text=a.text[a_span[0]:a_span[1]], b_text=b.text[b_span[0]:b_span[1]],
                         a_start=a_span[0], a_end=a_span[1], b_start=b_span[0], b_end=b_span[1],
                         similarity=round(min(1.0, similarity), 3), kind=kind, direction=direction(a, b))


def direction(a: Doc, b: Doc) -> str | None:
    """Who copied whom, from publication dates: ``a->b`` when a was published first."""
    if isinstance(a.published, dt.date) and isinstance(b.published, dt.date) and a.published != b.published:
        return "a->b" if a.published < b.published else "b->a"
    return None


def _evidence(passages: list[Passage]) -> int:
    """Content tokens the accepted passages share, each passage of either side counted once
    (a sentence that matches three sentences of the other article is one sentence of evidence)."""
    a_side: dict[tuple[int, int], int] = {}
    b_side: dict[tuple[int, int], int] = {}
    for p in passages:
        a_side[p.a_span] = max(a_side.get(p.a_span, 0), p.shared)
        b_side[p.b_span] = max(b_side.get(p.b_span, 0), p.shared)
    return min(sum(a_side.values()), sum(b_side.values()))


def _share(x: set[int], y: set[int]) -> float:
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _quote_of(doc: Doc, positions: list[int]) -> Unit | None:
    """The quotation holding most of these token positions, if any holds one."""
    best, count = None, 0
    for q in doc.quotes:
        n = sum(q.first <= p < q.last for p in positions)
        if n > count:
            best, count = q, n
    return best


def _quoted_share(doc: Doc, tok: tuple[int, int]) -> float:
    if tok[1] <= tok[0]:
        return 0.0
    return float(doc.quoted[tok[0]:tok[1]].mean())
