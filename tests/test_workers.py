"""Extraction in a process pool (`--workers`) gives exactly what one process gives, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.config import Settings
from rashomon.extract import Extractor
from rashomon.ingest import read_articles
from rashomon.model import Article
from rashomon.pipeline import Rashomon

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ganja-2020"
GVA = ROOT.parent / "shared" / "benchmarks" / "gva" / "dev-articles.jsonl"


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The founding sample and the first 40 GVA dev articles: 45 articles, two batches of 32."""
    paths = [SAMPLE]
    if GVA.exists():
        corpus = tmp_path_factory.mktemp("gva") / "first.jsonl"
        with GVA.open(encoding="utf-8") as fh:
            corpus.write_text("".join(next(fh) for _ in range(40)), encoding="utf-8")
        paths.append(corpus)
    return [a for a in read_articles(paths) if isinstance(a, Article)]


def _dump(results):
    return [(article.id, [m.model_dump(mode="json") for m in mentions]) for article, mentions in results]


def test_pool_matches_one_process(articles):
    extractor = Extractor(Settings())
    alone = _dump(extractor.extract_many(articles, batch_size=32))
    pooled = _dump(extractor.extract_many(articles, batch_size=32, workers=2))
    assert [a for a, _ in pooled] == [a.id for a in articles]
    assert pooled == alone
    assert sum(len(m) for _, m in pooled) >= len(articles) // 2  # the comparison is not between empty lists


def test_cli_workers_option_gives_the_same_database(tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app

    runner = CliRunner()
    for name, workers in (("one.db", "1"), ("two.db", "2")):
        result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(tmp_path / name), "--workers", workers])
        assert result.exit_code == 0, result.output
    with Rashomon(tmp_path / "one.db") as one, Rashomon(tmp_path / "two.db") as two:
        first = sorted(json.dumps(i.model_dump(mode="json"), sort_keys=True) for i in one.incidents())
        second = sorted(json.dumps(i.model_dump(mode="json"), sort_keys=True) for i in two.incidents())
    assert first and first == second
