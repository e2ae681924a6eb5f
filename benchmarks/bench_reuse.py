"""The reuse pass (`rashomon.trace`) over the GVA dev split: time, peak memory, and
syndication found against an exact-text check.

    .venv/bin/python benchmarks/bench_reuse.py [--articles ../shared/benchmarks/gva/dev-articles.jsonl] [--limit N]

Articles are read and cleaned as `rashomon ingest` reads them (`read_articles`).
The reference: every pair of articles (different ids) whose normalised body text
(lower case, punctuation and spacing folded) is identical. Reported: precision
and recall of the `syndication` pairs against it, over all articles and over
story-length bodies (50 words or more; most identical short bodies are paywall
and sign-in pages), the recall of the alignment alone on those (without the
exact-text shortcut), the pairs per kind, and, when the gold file is there, how
many passage pairs join articles of different gold incidents (a ceiling on
"unrelated" pairs: roundups and shared background legitimately do).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rashomon.ingest import read_articles  # noqa: E402
from rashomon.model import REUSE_KINDS, Article  # noqa: E402
from rashomon.trace import ReuseIndex  # noqa: E402
from rashomon.trace.text import prepare, words  # noqa: E402
from rapidfuzz.distance import LCSseq  # noqa: E402

STORY_WORDS = 50


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def identical_pairs(articles: list[Article]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        body = normalised(a.text)
        if body:
            groups[body].append(a.id)
    return {tuple(sorted(p)) for ids in groups.values() for p in combinations(ids, 2)}


def ordered_overlap(a: str, b: str) -> float:
    """Words of the shorter text found in the other in the same order (LCS), as a share of the shorter."""
    wa, wb = words(a), words(b)
    shorter = min(len(wa), len(wb))
    return LCSseq.similarity(wa, wb) / shorter if shorter else 1.0


def score(found: set, truth: set) -> tuple[float, float, int, int, int]:
    hit = len(found & truth)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(truth) if truth else 1.0
    return precision, recall, hit, len(found), len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=ROOT.parent / "shared/benchmarks/gva/dev-articles.jsonl")
    parser.add_argument("--gold", type=Path, default=None, help="gold incidents (default: dev-gold.jsonl beside the articles)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = parser.parse_args()

    start = time.perf_counter()
    articles = [a for a in read_articles([args.articles]) if isinstance(a, Article)]
    if args.limit:
        articles = articles[: args.limit]
    read_s = time.perf_counter() - start
    words = sum(len(a.text.split()) for a in articles)

    start = time.perf_counter()
    pairs = ReuseIndex().add(articles)
    reuse_s = time.perf_counter() - start
    print(f"reuse pass: {len(articles)} articles, {words} words in {reuse_s:.1f} s "
          f"({len(articles) / reuse_s:.0f} articles/s; reading and cleaning {read_s:.1f} s before), "
          f"peak RSS {peak_mb():.0f} MB")

    kinds = Counter(p.kind for p in pairs)
    print(f"{len(pairs)} passage pairs between {len({(p.a, p.b) for p in pairs})} article pairs: "
          + ", ".join(f"{k} {kinds[k]}" for k in REUSE_KINDS))

    story = {a.id for a in articles if len(a.text.split()) >= STORY_WORDS}
    truth = identical_pairs(articles)
    syndicated = {(p.a, p.b) for p in pairs if p.kind == "syndication"}
    outlet = {a.id: a.outlet for a in articles}
    for label, keep in (("all bodies", lambda p: True),
                        (f"bodies of {STORY_WORDS}+ words", lambda p: p[0] in story and p[1] in story),
                        ("different outlets", lambda p: outlet[p[0]] != outlet[p[1]])):
        t = {p for p in truth if keep(p)}
        f = {p for p in syndicated if keep(p)}
        precision, recall, hit, n_found, n_truth = score(f, t)
        print(f"syndication vs identical text, {label}: precision {precision:.3f} recall {recall:.3f} "
              f"({hit} of {n_found} found, {n_truth} identical pairs)")
    near = sorted(syndicated - truth)
    if near:
        # How close the "false positives" are: the share of the shorter text's words found, in order, in the other.
        texts = {a.id: a.text for a in articles}
        overlap = sorted(ordered_overlap(texts[a], texts[b]) for a, b in near)
        print(f"{len(near)} syndication pair(s) whose texts are not identical: near-identical copies "
              f"(ordered word overlap with the shorter text: min {overlap[0]:.2f}, median {overlap[len(overlap) // 2]:.2f}), e.g.:")
        for a, b in near[:3]:
            print(f"  {a} / {b}: {texts[a][:70]!r} / {texts[b][:70]!r}")

    # The alignment alone, without the exact-text shortcut, on story-length bodies.
    stories = [a for a in articles if a.id in story]
    aligned = {(p.a, p.b) for p in ReuseIndex(exact_shortcut=False).add(stories) if p.kind == "syndication"}
    t = {p for p in truth if p[0] in story and p[1] in story}
    precision, recall, hit, n_found, n_truth = score(aligned, t)
    boilerplate_only = {a.id for a in stories if all(s.boilerplate for s in prepare(a.id, a.text).sentences)}
    missed = t - aligned
    print(f"alignment alone (no exact-text shortcut), bodies of {STORY_WORDS}+ words: recall {recall:.3f} "
          f"({hit} of {n_truth}; of the {len(missed)} missed, {sum(p[0] in boilerplate_only for p in missed)} are "
          f"pages whose every sentence is boilerplate), precision {precision:.3f}")

    gold = args.gold or args.articles.with_name("dev-gold.jsonl")
    if gold.exists():
        incidents: dict[str, set[str]] = defaultdict(set)
        for line in gold.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for article_id in record["articles"]:
                incidents[article_id].add(record["incident_id"])
        passage_pairs = {(p.a, p.b) for p in pairs if p.kind != "syndication"}
        apart = {p for p in passage_pairs if not incidents[p[0]] & incidents[p[1]]}
        print(f"passage (non-syndication) article pairs: {len(passage_pairs)}, "
              f"of which {len(apart)} join articles of different gold incidents")


if __name__ == "__main__":
    main()
