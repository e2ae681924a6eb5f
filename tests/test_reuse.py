"""The trace stage: passages shared between articles, whole-article syndication,
independent sources and the outlet comparison, on the founding sample (whose
passages were checked by reading the five texts), on synthetic articles built
to fail a naive matcher, and on a slice of the GVA benchmark."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest

from rashomon.config import Settings
from rashomon.ingest import content_hash, read_articles
from rashomon.model import Article, Evidence, FigureReport, ReusePair
from rashomon.pipeline import Rashomon
from rashomon.resolve import reconcile
from rashomon.store import Store
from rashomon.store.schema import SCHEMA_VERSION
from rashomon.trace import Lexicon, ReuseIndex, compare_outlets, default_lexicon, find_reuse, source_groups
from rashomon.trace.text import is_boilerplate, prepare, sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ganja-2020"
GVA = ROOT.parent / "shared" / "benchmarks" / "gva"
RASHOMON = Path(sys.executable).parent / "rashomon"  # the installed console script
FIELDS = ["a", "b", "a_text", "b_text", "a_start", "a_end", "b_start", "b_end", "similarity", "kind", "direction"]


def short(article_id: str) -> str:
    return article_id[:3]


def article(aid: str, text: str, published: dt.date | None = None, outlet: str | None = None) -> Article:
    return Article(id=aid, text=text, content_hash=content_hash(text), published=published,
                   published_source="given" if published else "unknown", outlet=outlet)


@pytest.fixture(scope="module")
def sample_articles() -> dict[str, Article]:
    return {short(a.id): a for a in read_articles([SAMPLE])}


@pytest.fixture(scope="module")
def sample_pairs(sample_articles) -> list[ReusePair]:
    return find_reuse(sample_articles.values())


def passages(pairs, a: str, b: str) -> list[ReusePair]:
    return [p for p in pairs if (short(p.a), short(p.b)) == (a, b)]


def found(pairs, a: str, b: str, *phrases: str) -> ReusePair:
    """The passage pair of articles a and b whose both sides contain every phrase."""
    for p in passages(pairs, a, b):
        if all(x in p.a_text and x in p.b_text for x in phrases):
            return p
    raise AssertionError(f"no {a}/{b} passage with {phrases}: {[(p.a_text, p.b_text) for p in passages(pairs, a, b)]}")


# -- the founding sample -----------------------------------------------------------------------------------

def test_the_rewritten_pairs_of_the_issue_are_found(sample_pairs):
    # 000/004: clauses reordered around "six days after" and the city's population
    six_days = found(sample_pairs, "000", "004", "only six days after a missile struck another residential part",
                     "more than 300,000 people")
    assert six_days.kind == "rewrite" and six_days.similarity >= 0.9
    # 000/003: the Mingachevir power plant paragraph and the school in Ganja, rewritten
    plant = found(sample_pairs, "000", "003", "hydroelectric power plant", "Mingacevir",
                  "intercepted and destroyed by the Azerbaijan")
    assert plant.kind == "rewrite" and plant.similarity >= 0.6
    school = found(sample_pairs, "000", "003", "fell near a school in Ganja city")
    assert school.kind in ("rewrite", "near_verbatim")
    # 002/004: the Turkish foreign minister's tweet, quoted by both
    tweet = [p for p in passages(sample_pairs, "002", "004") if "Silence against this atrocity" in p.a_text]
    assert tweet and all("Silence against this atrocity" in p.b_text for p in tweet)
    assert {p.kind for p in tweet} == {"quotation"}
    assert any("Armenia still commits war crimes" in p.a_text and "Armenia still commits war crimes" in p.b_text
               for p in passages(sample_pairs, "002", "004"))


def test_no_unrelated_pair_is_reported(sample_pairs):
    # Read from the texts: 000, 003 and 004 rewrite the same AFP story (its lead: "a row of homes ...
    # in their sleep in a sharp escalation"), 002 and 004 share Al Jazeera's text (the tweet, Jafarov,
    # the Armenian denial). 001 (BulgarianMilitary, from the Bulgarian agency Sega) shares nothing, and
    # 002 and 003 only quote the same tweet in two different translations.
    assert {(short(p.a), short(p.b)) for p in sample_pairs} == {("000", "003"), ("000", "004"), ("002", "004"),
                                                                 ("003", "004")}
    lead = found(sample_pairs, "003", "004", "a row of homes", "in their sleep in a sharp escalation")
    assert lead.kind == "rewrite"


def test_offsets_slice_the_clean_text(sample_articles, sample_pairs):
    texts = {a.id: a.text for a in sample_articles.values()}
    for p in sample_pairs:
        assert texts[p.a][p.a_start:p.a_end] == p.a_text
        assert texts[p.b][p.b_start:p.b_end] == p.b_text
        assert p.a < p.b and 0 <= p.similarity <= 1


def test_incremental_pass_aligns_only_new_articles_and_finds_the_same(sample_articles, sample_pairs):
    articles = list(sample_articles.values())
    index = ReuseIndex()
    first = index.add(articles[:3])
    second = index.add(articles[3:])
    assert all(p.a in {a.id for a in articles[3:]} or p.b in {a.id for a in articles[3:]} for p in second)
    key = lambda p: (p.a, p.b, p.a_start, p.b_start)  # noqa: E731
    assert {(short(p.a), short(p.b)) for p in first + second} == {(short(p.a), short(p.b)) for p in sample_pairs}
    assert {key(p) for p in first + second} >= {key(p) for p in sample_pairs if p.kind != "quotation"}
    with pytest.raises(ValueError, match="already indexed"):
        index.add(articles[:1])


# -- what must and must not count ---------------------------------------------------------------------------

STORY = ("Firefighters battled a blaze at the Riverside paper mill in Norwood for eleven hours on Tuesday. "
         "The fire started in a storage hall holding recycled cardboard and spread to the roof of the main plant. "
         "Mill manager Ellen Prescott said the company would pay its 240 workers while the plant stays closed. "
         "Investigators from the state fire marshal's office are expected at the site on Wednesday.")


def test_boilerplate_and_generic_sentences_are_not_reuse():
    tip = "Anyone with information is asked to call the Springfield Police Department at 555-123-4567."
    legal = "Copyright 2016 The Associated Press. All rights reserved. This material may not be published."
    generic = "He was taken to Springfield General Hospital in good condition, police said."
    one = article("one", f"A man was shot in the leg outside a grocery store on Maple Avenue on Friday night. {generic} "
                         f"Officers found three shell casings near the entrance of the store. {tip} {legal}")
    two = article("two", f"A woman was wounded when someone fired into her car on Route 9 early Sunday. {generic} "
                         f"The driver of the other vehicle fled toward the interstate, witnesses said. {tip} {legal}")
    assert is_boilerplate(tip) and is_boilerplate("All rights reserved.") and not is_boilerplate(generic)
    assert find_reuse([one, two]) == []


def test_a_light_rewrite_is_found_and_a_paraphrase_of_the_same_facts_is_not():
    source = article("a-wire", STORY, dt.date(2016, 5, 3))
    rewrite = article("b-local", "Crews fought the fire for eleven hours. The company will pay its 240 workers "
                      "while the plant stays closed, mill manager Ellen Prescott said, and investigators from the "
                      "state fire marshal's office are expected at the site on Wednesday. The town council meets on "
                      "Thursday.", dt.date(2016, 5, 4))
    paraphrase = article("c-other", "A paper mill in Norwood burned for most of Tuesday. Its 240 employees will be "
                         "paid during the closure, the manager told reporters, and state officials arrive Wednesday.")
    pairs = find_reuse([source, rewrite, paraphrase])
    assert {(p.a, p.b) for p in pairs} == {("a-wire", "b-local")}
    (p,) = pairs
    assert p.kind == "rewrite" and "Ellen Prescott" in p.a_text and "Ellen Prescott" in p.b_text
    assert p.direction == "a->b"  # the wire story was published first


def test_verbatim_near_verbatim_and_syndication():
    original = article("orig", STORY + " The mill reopened in 1998 after a flood closed it for two years.",
                       dt.date(2016, 5, 4))
    same = article("same", STORY.upper() + "  The mill reopened in 1998 after a flood closed it for two years!",
                   dt.date(2016, 5, 3))
    grown = article("grown", "NORWOOD (AP) - " + STORY + " The mill reopened in 1998 after a flood closed it for "
                    "two years. Local news: a bake sale raised money for the workers' families on Saturday.")
    pairs = {(p.a, p.b): p for p in find_reuse([original, same, grown])}
    assert set(pairs) == {("grown", "orig"), ("grown", "same"), ("orig", "same")}
    identical = pairs[("orig", "same")]
    assert identical.kind == "syndication" and identical.similarity == 1.0 and identical.direction == "b->a"
    assert (identical.a_start, identical.a_end) == (0, len(original.text))
    contained = pairs[("grown", "orig")]
    assert contained.kind == "syndication" and contained.similarity >= 0.9
    assert (contained.b_start, contained.b_end) == (0, len(original.text))  # the shorter article, whole
    assert "bake sale" not in contained.a_text

    said = ("we will rebuild every house on this street before winter, and every family that lost a roof will "
            "be home for Christmas with the city paying the bill")
    quote_a = article("qa", f"The mayor spoke on Monday. “{said[0].upper()}{said[1:]},” she said at the scene. "
                      "Nobody was hurt in the collapse.")
    quote_b = article("qb", f"Rain is expected. Residents were told that “{said},” the mayor said. "
                      "The storm also cut power to 3,000 homes in Millbrook.")
    copy_a = article("va", "Three people were hurt when the scaffolding on the Hartley Building collapsed onto "
                     "Fourth Street during the storm on Monday evening. The city closed the street.")
    copy_b = article("vb", "Three people were hurt when scaffolding on the Hartley Building collapsed onto Fourth "
                     "Street during the storm Monday evening, the city said. Rain continued overnight.")
    kinds = {(p.a, p.b): p.kind for p in find_reuse([quote_a, quote_b, copy_a, copy_b])}
    assert kinds == {("qa", "qb"): "quotation", ("va", "vb"): "near_verbatim"}


def test_sentences_keep_abbreviations_and_quotations_are_units():
    text = "Sgt. J. Smith of the U.S. Army said it. “It was a missile. It hit the school,” he said. Then it rained."
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans[0] == "Sgt. J. Smith of the U.S. Army said it."
    doc = prepare("x", text)
    assert [text[q.start:q.end] for q in doc.quotes] == ["“It was a missile. It hit the school,”"]
    assert doc.quoted.any() and not doc.quoted.all()


# -- independent sources ------------------------------------------------------------------------------------

def report(aid: str, value: int, start: int = 0, end: int = 40, cluster: str | None = None) -> FigureReport:
    return FigureReport(kind="killed", value=value, qualifier="exact", reuse_cluster=cluster,
                        evidence=Evidence(article_id=aid, start=start, end=end, quote="x" * (end - start)))


def pair(a: str, b: str, kind: str, a_span=(0, 40), b_span=(0, 40)) -> ReusePair:
    return ReusePair(a=a, b=b, a_text="", b_text="", a_start=a_span[0], a_end=a_span[1], b_start=b_span[0],
                     b_end=b_span[1], similarity=0.9, kind=kind)


def test_copies_of_one_report_are_one_source():
    reports = {"a": [report("a", 13)], "b": [report("b", 13)], "c": [report("c", 13, 100, 140)],
               "d": [report("d", 13)], "e": [report("e", 12)]}
    pairs = [pair("a", "b", "rewrite"),  # the figure's sentence in the shared passage: one source
             pair("c", "d", "rewrite"),  # d's figure sentence is shared with c, which gives 13 elsewhere
             pair("b", "e", "verbatim"),  # the same passage, but e gives another value: not a copy of this report
             pair("a", "d", "quotation")]  # a shared quotation does not make one source
    groups = source_groups(reports, pairs)
    assert groups == {"a": "a", "b": "a", "c": "c", "d": "c", "e": "e"}
    assert source_groups(reports, [pair("a", "e", "syndication")])["e"] == "a"
    assert source_groups(reports, [pair("c", "e", "rewrite", (200, 300), (200, 300))])["e"] == "e"


def test_policies_count_independent_sources_not_articles():
    d1, d2 = dt.date(2020, 10, 17), dt.date(2020, 10, 18)
    reports = [(report("a", 12, cluster="a"), d1), (report("b", 12, cluster="b"), d1),
               (report("c", 14, cluster="c"), d2), (report("d", 14, cluster="c"), d2)]
    summary = reconcile.summarise(reports, "latest_corroborated")
    assert summary.sources == {12: 2, 14: 1}
    assert summary.best == 12  # 14 comes from one report copied twice: not corroborated
    assert reconcile.summarise(reports, "most_reported").best == 12
    uncopied = [(r.model_copy(update={"reuse_cluster": None}), d) for r, d in reports]
    assert reconcile.summarise(uncopied, "latest_corroborated").best == 14


def test_the_hurt_a_report_counted_before_a_death_are_fewer_by_the_dead():
    d1, d2 = dt.date(2016, 5, 1), dt.date(2016, 5, 2)
    hurt = lambda aid, value: report(aid, value).model_copy(update={"kind": "injured"})  # noqa: E731
    # "a 5-year-old child was shot overnight", then "the boy has died"
    killed = reconcile.summarise([(report("later", 1), d2)], "latest_corroborated")
    injured = reconcile.summarise([(hurt("early", 1), d1)], "latest_corroborated")
    read = reconcile.without_the_dead(injured, killed)
    assert (read.low, read.best, read.high) == (0, 0, 1)
    assert [r.value for r in read.reports] == [1]  # the report keeps its own value
    # "a man was shot", and "a woman was killed and a man wounded": the man is still hurt
    killed = reconcile.summarise([(report("both", 1), d2)], "latest_corroborated")
    injured = reconcile.summarise([(hurt("early", 1), d1), (hurt("both", 1), d2)], "latest_corroborated")
    assert reconcile.without_the_dead(injured, killed).best == 1
    # "six people were hurt" and "one killed, six hurt": the six are besides the dead
    killed = reconcile.summarise([(report("full", 1), d2)], "latest_corroborated")
    injured = reconcile.summarise([(hurt("early", 6), d1), (hurt("full", 6), d2)], "latest_corroborated")
    assert reconcile.without_the_dead(injured, killed).best == 6


# -- the pipeline, the store, the command line ---------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reuse") / "sample.db"
    with Rashomon(path) as app:
        for f in sorted(SAMPLE.glob("*.txt")):  # one by one: each ingest traces only the new article
            app.ingest([f])
    return path


def test_pipeline_stores_pairs_and_reingest_changes_nothing(sample_db, sample_pairs):
    with Rashomon(sample_db) as app:
        stored = app.reuse()
        traced = app.store.traced()
        incidents = [i.model_dump() for i in app.incidents()]
        assert {(short(p.a), short(p.b)) for p in stored} == {(short(p.a), short(p.b)) for p in sample_pairs}
        report = app.ingest([SAMPLE])
        assert len(report.unchanged) == 5 and not report.added
        assert app.trace() == []
        assert app.reuse() == stored and app.store.traced() == traced
        assert [i.model_dump() for i in app.incidents()] == incidents
        texts = {a.id: a.text for a in app.store.articles()}
        for p in stored:
            assert texts[p.a][p.a_start:p.a_end] == p.a_text and texts[p.b][p.b_start:p.b_end] == p.b_text


def test_killed_figure_counts_independent_sources(sample_db):
    with Rashomon(sample_db) as app:
        strike = max(app.incidents(), key=lambda i: len(i.articles))
    killed = strike.figures["killed"]
    assert (killed.low, killed.best, killed.high) == (12, 13, 13)
    clusters = {short(r.evidence.article_id): short(r.reuse_cluster) for r in killed.reports}
    # 000's 13 is in the AFP lead it rewrote, which 003 and 004 (both giving 13) also carry: one source.
    # 002 rewrote Al Jazeera's (004) Jafarov paragraph adding "the 13 people": the same source again,
    # as long as extraction reads a killed figure there. 12 (001, from the Bulgarian agency) is its own.
    assert clusters["000"] == clusters["003"] == clusters["004"] == "000" and clusters["001"] == "001"
    assert clusters["002"] == "000"
    assert killed.sources == {12: 1, 13: 1}
    ten = next(i for i in app_incidents(sample_db) if i.date == dt.date(2020, 10, 11))
    assert ten.figures["killed"].sources == {10: 1}  # 000 and 004 share the "six days after" sentence


def test_a_copy_under_a_new_id_is_syndication_and_adds_no_source(sample_db, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(sample_db.read_bytes())
    original = next(SAMPLE.glob("004_*.txt"))
    (tmp_path / "004-republished.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    with Rashomon(db) as app:
        report = app.ingest([tmp_path / "004-republished.txt"])
        assert report.duplicates == [("004-republished", original.stem)]
        pairs = app.reuse("004-republished")
        strike = max(app.incidents(), key=lambda i: len(i.articles))
    assert ("004-republished", original.stem, "syndication", 1.0) in [(p.a, p.b, p.kind, p.similarity) for p in pairs]
    # and it shares with the other articles what 004 shares with them
    assert {short(p.a) for p in pairs if p.kind != "syndication"} == {"000", "002", "003"}
    killed = strike.figures["killed"]
    assert len([r for r in killed.reports if r.value == 13]) == 5
    assert killed.sources == {12: 1, 13: 1}  # five articles, still one source


def app_incidents(path: Path):
    with Rashomon(path) as app:
        return app.incidents()


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(RASHOMON), *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def test_reuse_command_jsonl_contract(sample_db, tmp_path):
    result = run("reuse", "--db", str(sample_db), "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r) == FIELDS for r in rows)
    assert {r["kind"] for r in rows} <= {"verbatim", "near_verbatim", "rewrite", "quotation", "syndication"}
    assert all(r["direction"] in ("a->b", "b->a", None) and 0 <= r["similarity"] <= 1 for r in rows)
    with Store(sample_db) as store:
        texts = {a.id: a.text for a in store.articles()}
    for r in rows:
        assert texts[r["a"]][r["a_start"]:r["a_end"]] == r["a_text"]
        assert texts[r["b"]][r["b_start"]:r["b_end"]] == r["b_text"]
    one = next(iter(texts))
    out = tmp_path / "one.jsonl"
    only = run("reuse", "--db", str(sample_db), "--article", one, "--format", "jsonl", "-o", str(out), cwd=tmp_path)
    assert only.returncode == 0
    mine = [json.loads(line) for line in out.read_text().splitlines()]
    assert mine == [r for r in rows if one in (r["a"], r["b"])]
    table = run("reuse", "--db", str(sample_db), cwd=tmp_path)
    assert table.returncode == 0 and "rewrite" in table.stdout and "quotation" in table.stdout
    wrong = run("reuse", "--db", str(sample_db), "--article", "nope", cwd=tmp_path)
    assert wrong.returncode != 0 and "no article 'nope'" in wrong.stderr and "Traceback" not in wrong.stderr


def test_reuse_command_uses_the_default_database(sample_db, tmp_path):
    (tmp_path / "rashomon.db").write_bytes(sample_db.read_bytes())
    result = run("reuse", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.count("\n") >= 4


def test_dossier_shows_sources_and_the_outlet_comparison(sample_db, tmp_path):
    result = run("show", "largest", "--db", str(sample_db), cwd=tmp_path, env={"COLUMNS": "1000"})  # no cell wraps
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "killed sources: 13: 1 source (4 articles: 000, 002, 003, 004) — backed only by copies of one report; " \
           "12: 1 source (001)" in out
    assert "injured sources: 40: 3 independent sources (4 articles" in out
    assert "outlet comparison" in out and "omits denial by Armenia" in out and "carries denial by Armenia" in out
    assert "liberated (territorial control, quoted)" in out
    assert re.search(r"separatist \(actor label\)", out)


def test_outlet_comparison_says_who_carries_the_denial_and_which_terms(sample_db):
    with Rashomon(sample_db) as app:
        strike = max(app.incidents(), key=lambda i: len(i.articles))
        articles = {a.id: app.store.get_article(a.id) for a in strike.articles}
        views = {short(v.article_id): v for v in compare_outlets(strike, articles, app.reuse())}
    assert [k for k, v in views.items() if "denial by Armenia" in v.omits] == ["000", "003"]
    assert [k for k, v in views.items() if "denial by Armenia" in v.carries] == ["001", "002", "004"]
    terms = {k: {t.term for t in v.loaded_terms} for k, v in views.items()}
    assert {"liberated", "separatist"} <= terms["000"]
    assert {"seized", "war crime", "liberated"} <= terms["002"]
    assert {"occupied", "separatist", "war crime"} <= terms["003"]
    liberated = next(t for t in views["000"].loaded_terms if t.term == "liberated")
    assert liberated.quoted and "“liberated” several villages" in liberated.evidence.quote
    assert articles[liberated.evidence.article_id].text[liberated.evidence.start:liberated.evidence.end] == \
        liberated.evidence.quote
    assert views["000"].shares == {strike.articles[3].id: "rewrite", strike.articles[4].id: "rewrite"}
    assert [f"{r.kind} {r.qualifier} {r.value}" for r in views["001"].figures][:1] == ["killed exact 12"]
    assert "the Azerbaijani prosecutor general’s office" in views["002"].cites


def test_json_export_has_sources_and_outlets(sample_db, tmp_path):
    out = tmp_path / "incidents.jsonl"
    assert run("export", "--format", "jsonl", "-o", str(out), "--db", str(sample_db), cwd=tmp_path).returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    strike = max(records, key=lambda r: len(r["articles"]))
    assert strike["figures"]["killed"]["sources"] == {"12": 1, "13": 1}
    assert {r["reuse_cluster"][:3] for r in strike["figures"]["killed"]["reports"]} == {"000", "001"}
    outlets = {o["article"][:3]: o for o in strike["outlets"]}
    assert sorted(outlets) == ["000", "001", "002", "003", "004"]
    assert "denial by Armenia" in outlets["003"]["omits"]
    assert any(t["term"] == "occupied" and not t["quoted"] for t in outlets["003"]["loaded_terms"])


def test_user_lexicon_extends_the_shipped_one(sample_db, tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my terms\nterm\tcategory\tnote\nrubble\timagery\tdestruction shown, not counted\n"
                     "war crime\tcharge\tmy category replaces the shipped one\n", encoding="utf-8")
    lexicon = Lexicon.load(str(extra))
    assert len(lexicon) == len(default_lexicon()) + 1
    assert lexicon.terms["war crime"].category == "charge" and lexicon.terms["rubble"].category == "imagery"
    assert Settings().loaded_terms is None
    result = run("show", "largest", "--db", str(sample_db), cwd=tmp_path,
                 env={"RASHOMON_LOADED_TERMS": str(extra), "COLUMNS": "1000"})
    assert result.returncode == 0 and "rubble (imagery)" in result.stdout
    missing = run("show", "largest", "--db", str(sample_db), cwd=tmp_path,
                  env={"RASHOMON_LOADED_TERMS": str(tmp_path / "none.tsv")})
    assert missing.returncode != 0 and "loaded-terms lexicon" in missing.stderr and "Traceback" not in missing.stderr


def test_store_replaces_an_articles_pairs_and_migrates_a_version_1_database(tmp_path):
    a, b, c = (article(x, f"{STORY} ({x})") for x in "abc")
    path = tmp_path / "r.db"
    with Store(path) as store:
        for x in (a, b, c):
            store.save_article(x, [])
        pairs = find_reuse([a, b, c])
        assert len(pairs) == 3 and {p.kind for p in pairs} == {"syndication"}
        store.save_reuse([a, b, c], pairs)
        assert store.reuse_pairs() == pairs
        assert [(p.a, p.b) for p in store.reuse_pairs(["c"])] == [("a", "c"), ("b", "c")]
        store.save_reuse([c], [])  # c re-traced: its pairs are gone, the others stay
        assert [(p.a, p.b) for p in store.reuse_pairs()] == [("a", "b")]
        with pytest.raises(ValueError, match="none of the traced"):
            store.save_reuse([c], [pairs[0]])
    with sqlite3.connect(path) as raw:  # as rashomon before the trace stage left it
        raw.execute("DROP TABLE reuse_pairs")
        raw.execute("DROP TABLE reuse_traced")
        raw.execute("DROP TABLE mention_features")
        raw.execute("UPDATE schema_version SET version = 1")
    with Store(path) as store:
        assert store.traced() == {} and store.reuse_pairs() == [] and store.article_count() == 3
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION,)


# -- GVA: identical bodies under different ids ---------------------------------------------------------------

def test_gva_slice_identical_bodies_are_syndication(tmp_path):
    if not (GVA / "dev-articles.jsonl").exists():
        pytest.fail(f"the GVA benchmark is missing at {GVA} (../shared beside the repository)")
    lines = (GVA / "dev-articles.jsonl").read_text(encoding="utf-8").splitlines()[:1200]
    (tmp_path / "slice.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = [a for a in read_articles([tmp_path / "slice.jsonl"]) if isinstance(a, Article)]
    groups = defaultdict(list)
    for a in articles:
        groups[" ".join(re.sub(r"[\W_]+", " ", a.text.lower()).split())].append(a.id)
    identical = {tuple(sorted(p)) for ids in groups.values() for p in combinations(ids, 2)}
    assert len(identical) >= 20  # the slice holds several syndicated groups
    pairs = ReuseIndex().add(articles)
    syndicated = {(p.a, p.b) for p in pairs if p.kind == "syndication"}
    assert identical <= syndicated
    assert len(syndicated & identical) / len(syndicated) >= 0.9
    texts = {a.id: a.text for a in articles}
    for p in pairs:
        assert texts[p.a][p.a_start:p.a_end] == p.a_text and texts[p.b][p.b_start:p.b_end] == p.b_text
