"""Throughput of `rashomon ingest` against the raw spaCy pipeline on the same texts.

    .venv/bin/python benchmarks/bench_ingest.py [--articles ../shared/benchmarks/gva/dev-articles.jsonl] [--limit N] [--workers N]

Prints articles/s, words/s and peak memory of the whole pipeline (ingest, extract,
store, trace, resolve) into a fresh database with N extraction processes, then the
words/s of `nlp.pipe` alone with as many processes (`n_process=N`), and the share of
the raw pipeline's speed the whole pipeline keeps.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rashomon.config import Settings  # noqa: E402
from rashomon.pipeline import Rashomon  # noqa: E402


def peak_mb() -> float:
    """Peak resident memory of this process and of the largest worker it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=ROOT.parent / "shared/benchmarks/gva/dev-articles.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--workers", type=int, default=1, help="processes for both the pipeline and raw spaCy")
    args = parser.parse_args()

    lines = args.articles.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        settings = Settings(workers=args.workers)
        with Rashomon(Path(tmp) / "bench.db", settings) as app:
            app.extractor  # load spaCy and the gazetteer outside the timed part
            start = time.perf_counter()
            report = app.ingest([corpus])
            elapsed = time.perf_counter() - start
        pipeline_wps = words / elapsed
        print(f"pipeline: {len(report.added)} articles, {words} words in {elapsed:.1f} s: "
              f"{len(report.added) / elapsed:.1f} articles/s, {pipeline_wps:.0f} words/s, "
              f"{report.incidents} incidents, peak RSS {peak_mb():.0f} MB (main + largest worker)")

        nlp = app.extractor.nlp
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=args.workers):
            pass
        raw = time.perf_counter() - start
        raw_wps = words / raw
        print(f"raw spaCy ({settings.spacy_model}, nlp.pipe, n_process={args.workers}): {raw:.1f} s, {raw_wps:.0f} words/s")
        print(f"pipeline keeps {pipeline_wps / raw_wps:.2f} of the raw spaCy speed")


if __name__ == "__main__":
    main()
