"""The store on real SQLite files: round trips, transactions, pragmas, queries and history."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateTable

from rashomon.model import (
    Actor,
    Article,
    DateExpr,
    Evidence,
    FigureReport,
    FigureSummary,
    Incident,
    IncidentArticle,
    Mention,
    Place,
    Statement,
)
from rashomon.store import HistoryEvent, SchemaVersionError, Store
from rashomon.store.schema import SCHEMA_VERSION, metadata

GANJA = Place(name="Gəncə", admin1="Ganja", country="AZ", latitude=40.68278, longitude=46.36056, geonameid=587084)
CHICAGO = Place(name="Chicago", admin1="Illinois", admin2="Cook County", country="US", latitude=41.85, longitude=-87.65,
                geonameid=4887398)


def article(aid: str, text: str = "Thirteen people were killed in Ganja, officials said.", **fields) -> Article:
    return Article(id=aid, text=text, content_hash=fields.pop("content_hash", f"hash-{aid}-{len(text)}"), **fields)


def evidence(aid: str, quote: str = "Thirteen people were killed", who: str | None = "officials") -> Evidence:
    return Evidence(article_id=aid, start=0, end=len(quote), quote=quote, attributed_to=who)


def mention(aid: str, n: int = 0, killed: int | None = 13, place: Place | None = GANJA, **fields) -> Mention:
    ev = evidence(aid)
    return Mention(
        id=f"{aid}#{n}", article_id=aid, kind="missile strike", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", date=dt.date(2020, 10, 17), date_precision=1,
        date_expr=DateExpr(text="on Saturday", kind="weekday", weekday=5, anchor=dt.date(2020, 10, 18)),
        date_evidence=ev, place=place, place_evidence=ev,
        actors=[Actor(name="Armenia", role="alleged_perpetrator", alleged_by=["Azerbaijan"], denied_by=["Armenia"],
                      evidence=[ev])],
        figures=[] if killed is None else [FigureReport(kind="killed", value=killed, qualifier="about", evidence=ev)],
        statements=[Statement(kind="denial", speaker="the Armenian Defence Ministry", party="Armenia", evidence=ev)],
        evidence=[ev], names=["Ganja"], keywords=["missile"], **fields,
    )


def summary(*values: int, kind: str = "killed", aid: str = "a1") -> FigureSummary:
    reports = [FigureReport(kind=kind, value=v, evidence=evidence(aid)) for v in values]
    return FigureSummary(low=min(values), best=max(values), high=max(values), policy="latest_corroborated",
                         reports=reports, contradiction=len(set(values)) > 1)


def incident(iid: str, aids: tuple[str, ...] = ("a1",), date: dt.date | None = dt.date(2020, 10, 17),
             place: Place | None = GANJA, killed: tuple[int, ...] = (12, 13), injured: tuple[int, ...] = (),
             kind: str = "missile strike", sub_event_type: str = "Shelling/artillery/missile attack") -> Incident:
    figures = {"killed": summary(*killed)} if killed else {}
    if injured:
        figures["injured"] = summary(*injured, kind="injured")
    return Incident(
        id=iid, kind=kind, event_type="Explosions/Remote violence", sub_event_type=sub_event_type, date=date,
        date_precision=1, place=place, figures=figures,
        actors=[Actor(name="Armenia", role="alleged_perpetrator", evidence=[evidence(aids[0])])],
        statements=[Statement(kind="claim", speaker="Azerbaijani officials", evidence=evidence(aids[0]))],
        articles=[IncidentArticle(id=a, role="main" if i == 0 else "mention", outlet=f"outlet-{a}",
                                  mention_id=f"{a}#0", reason="same place and date") for i, a in enumerate(aids)],
        mention_ids=[f"{a}#0" for a in aids], contradictions=["killed: reports range from 12 to 13"],
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rashomon.db") as opened:
        yield opened


def saved_articles(store: Store, *aids: str) -> None:
    for aid in aids:
        store.save_article(article(aid), [mention(aid)])


# -- articles and mentions -----------------------------------------------------------------------------------

def test_article_and_mentions_round_trip_with_nested_evidence(store):
    stored = article("a1", title="Strike on Ganja", outlet="Reuters", outlet_source="given", url="https://x.test/1",
                     published=dt.date(2020, 10, 17), published_source="given", language="en", source="in.jsonl:1",
                     warnings=["no byline"])
    mentions = [mention("a1", 0), mention("a1", 2, role="mention", killed=None, place=None), mention("a1", 10)]
    store.save_article(stored, mentions)

    assert store.get_article("a1") == stored
    assert store.mentions() == mentions  # in the order given, not by id ("a1#10" < "a1#2")
    assert store.mentions(["a1"]) == mentions
    assert store.get_article("nope") is None


def test_saving_an_article_again_replaces_its_mentions(store):
    store.save_article(article("a1"), [mention("a1", 0), mention("a1", 1)])
    store.save_article(article("a1"), [mention("a1", 0), mention("a1", 1)])
    assert store.article_count() == 1
    assert [m.id for m in store.mentions()] == ["a1#0", "a1#1"]

    changed = article("a1", text="Fourteen people were killed.")
    store.save_article(changed, [mention("a1", 0, killed=14)])
    assert store.get_article("a1") == changed
    assert [(m.id, m.figures[0].value) for m in store.mentions()] == [("a1#0", 14)]


def test_failed_article_save_leaves_the_previous_version_intact(store):
    original = article("a1")
    store.save_article(original, [mention("a1", 0)])
    with pytest.raises(IntegrityError):  # two mentions with one id: the second insert fails after the first writes
        store.save_article(article("a1", text="A new text."), [mention("a1", 5), mention("a1", 5)])
    assert store.get_article("a1") == original
    assert [m.id for m in store.mentions()] == ["a1#0"]


def test_mentions_of_another_article_are_refused(store):
    with pytest.raises(ValueError, match="a2#0"):
        store.save_article(article("a1"), [mention("a2")])
    assert store.article_count() == 0


def test_mentions_selects_articles_across_chunks(store):
    saved_articles(store, "a1", "a2", "a3")
    wanted = [f"missing-{i}" for i in range(1200)] + ["a3", "a1"]
    assert [m.article_id for m in store.mentions(wanted)] == ["a1", "a3"]
    assert store.mentions([]) == []


def test_slim_mentions_are_what_mention_slim_gives_and_follow_every_write(store):
    store.save_article(article("b"), [mention("b", 0), mention("b", 2, role="mention", killed=None, place=None),
                                      mention("b", 10)])
    store.save_article(article("a"), [])
    store.save_article(article("c"), [mention("c", 0, killed=14)])
    streamed = list(store.slim_mentions())
    assert [(a.id, [m.id for m in slim]) for a, slim in streamed] == [("a", []), ("b", ["b#0", "b#2", "b#10"]),
                                                                     ("c", ["c#0"])]
    assert [m for _, slim in streamed for m in slim] == [m.slim() for m in store.mentions()]
    assert streamed[1][0] == store.get_article("b")
    b0, b10 = streamed[1][1][0], streamed[1][1][2]
    assert b0.place is b10.place and b0.keywords[0] is b10.keywords[0]  # shared, not a copy per mention
    assert b0.figures == (("killed", 13, "about"),)

    store.replace_mentions("b", [mention("b", 3, killed=15)])
    store.save_article(article("c", text="Nothing happened."), [])
    assert [[m.id for m in slim] for _, slim in store.slim_mentions()] == [[], ["b#3"], []]
    with store._engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles WHERE id = 'b'")
    assert [[m.id for m in slim] for _, slim in store.slim_mentions()] == [[], []]


def test_mentions_by_id_in_store_order_and_without_fields(store):
    saved_articles(store, "a1", "a2")
    store.save_article(article("a3"), [mention("a3", 0), mention("a3", 2), mention("a3", 10)])
    wanted = ["a3#2", "a1#0"] + [f"missing-{i}" for i in range(1200)] + ["a3#10"]
    assert [m.id for m in store.mentions(ids=wanted)] == ["a1#0", "a3#2", "a3#10"]
    slim = store.mentions(ids=["a3#2"], without=("evidence", "date_evidence"))[0]
    full = store.mentions(ids=["a3#2"])[0]
    assert slim.evidence == [] and slim.date_evidence is None and full.evidence
    assert slim == full.model_copy(update={"evidence": [], "date_evidence": None})


def test_bulk_save_articles(store):
    saved_articles(store, "a2")
    count = store.save_articles((article(aid), [mention(aid, n) for n in range(k)])
                                for k, aid in enumerate(["a1", "a2", "a3"]))
    assert count == 3 and store.article_count() == 3
    assert [m.id for m in store.mentions()] == ["a2#0", "a3#0", "a3#1"]
    assert [[m.id for m in slim] for _, slim in store.slim_mentions()] == [[], ["a2#0"], ["a3#0", "a3#1"]]


def test_a_version_2_database_gets_its_slim_mentions(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.save_article(article("a1"), [mention("a1", 0), mention("a1", 1, killed=2)])
        expected = [m.slim() for m in store.mentions()]
    with sqlite3.connect(path) as raw:  # as version 2 wrote it: no mention_features
        raw.execute("DROP TABLE mention_features")
        raw.execute("UPDATE schema_version SET version = 2")
    with Store(path) as store:
        assert [m for _, slim in store.slim_mentions() for m in slim] == expected
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION,)


def test_a_version_3_database_gets_its_slim_mentions_refilled(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:  # a report that names no day: dated by its publication
        store.save_article(article("a1"), [mention("a1", 0).model_copy(update={"date_expr": None})])
        expected = [m.slim() for m in store.mentions()]
    assert expected[0].date_assumed
    with sqlite3.connect(path) as raw:  # as version 3 wrote it: no date_assumed among the features
        features = json.loads(raw.execute("SELECT features FROM mention_features").fetchone()[0])
        del features["date_assumed"]
        raw.execute("UPDATE mention_features SET features = ?", (json.dumps(features),))
        raw.execute("UPDATE schema_version SET version = 3")
    with Store(path) as store:
        assert [m for _, slim in store.slim_mentions() for m in slim] == expected


def test_articles_streams_by_id_and_find_by_hash_prefers_the_original(store):
    store.save_article(article("b", content_hash="same"), [])
    store.save_article(article("a", content_hash="same", duplicate_of="b"), [])
    assert [a.id for a in store.articles()] == ["a", "b"]
    assert store.find_by_hash("same").id == "b"
    assert store.find_by_hash("other") is None


def test_set_published_and_replace_mentions(store):
    saved_articles(store, "a1")
    store.set_published("a1", dt.date(2020, 10, 18), "incident")
    stored = store.get_article("a1")
    assert (stored.published, stored.published_source) == (dt.date(2020, 10, 18), "incident")

    store.replace_mentions("a1", [mention("a1", 3, killed=14)])
    assert [m.id for m in store.mentions()] == ["a1#3"]
    with pytest.raises(KeyError):
        store.set_published("nope", dt.date(2020, 1, 1), "incident")


# -- the database itself -------------------------------------------------------------------------------------

def test_wal_and_foreign_keys_are_on(store, tmp_path):
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with sqlite3.connect(tmp_path / "rashomon.db") as raw:  # WAL is recorded in the file itself
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_deleting_an_article_cascades_to_its_mentions(store, tmp_path):
    saved_articles(store, "a1")
    with store._engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles WHERE id = 'a1'")
    assert store.mentions() == []


def test_data_survives_reopening_and_a_foreign_schema_is_refused(tmp_path):
    path = tmp_path / "nested" / "folder" / "r.db"
    with Store(path) as first:
        saved_articles(first, "a1")
    with Store(str(path)) as second, Store(f"sqlite:///{path}") as by_url:
        assert second.article_count() == by_url.article_count() == 1
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(SchemaVersionError, match="99"):
        Store(path)


def test_meta_key_values(store):
    assert store.get_meta("best_policy") is None
    store.set_meta("best_policy", "conservative")
    store.set_meta("best_policy", "latest_corroborated")
    assert store.get_meta("best_policy") == "latest_corroborated"


def test_schema_compiles_for_postgresql():
    ddl = "\n".join(str(CreateTable(table).compile(dialect=postgresql.dialect()))
                    for table in metadata.sorted_tables)
    assert "payload JSONB NOT NULL" in ddl
    assert "ON DELETE CASCADE" in ddl


# -- incidents -----------------------------------------------------------------------------------------------

def test_incident_round_trip_and_article_links(store):
    saved_articles(store, "a1", "a2", "a3")
    ganja = incident("inc-1", ("a1", "a2"))
    other = incident("inc-2", ("a2", "a3"), date=dt.date(2020, 10, 11), killed=(10,))
    store.save_incidents([ganja, other], [])

    assert store.incident("inc-1") == ganja
    assert store.incident("nope") is None
    assert store.incidents() == [other, ganja]  # by date
    assert [i.id for i in store.incidents_of_article("a2")] == ["inc-2", "inc-1"]
    assert store.incidents_of_article("a1") == [ganja]


def test_save_incidents_replaces_the_set(store, tmp_path):
    saved_articles(store, "a1", "a2", "a3")
    store.save_incidents([incident("inc-1", ("a1",)), incident("inc-2", ("a2",))], [])
    grown = incident("inc-1", ("a1", "a3"))
    store.save_incidents([grown, incident("inc-2", ("a2",))], [])
    with sqlite3.connect(tmp_path / "rashomon.db") as raw:
        stamps = dict(raw.execute("SELECT id, created_at < updated_at FROM incidents").fetchall())
    assert stamps == {"inc-1": 1, "inc-2": 0}  # only the incident that changed was updated

    store.save_incidents([grown], [])
    assert [i.id for i in store.incidents()] == ["inc-1"]
    assert store.incidents_of_article("a2") == []
    with sqlite3.connect(tmp_path / "rashomon.db") as raw:
        links = raw.execute("SELECT incident_id, seq, article_id, role FROM incident_articles").fetchall()
        sizes = raw.execute("SELECT n_articles, n_sources FROM incidents").fetchall()
    assert links == [("inc-1", 0, "a1", "main"), ("inc-1", 1, "a3", "mention")]
    assert sizes == [(2, 2)]


def test_save_incidents_streams_a_generator_in_chunks(store, monkeypatch):
    import rashomon.store.db as db

    monkeypatch.setattr(db, "_CHUNK", 2)  # several chunks, and a stored incident in each
    saved_articles(store, "a1", "a2", "a3")
    first = [incident(f"inc-{n}", ("a1", "a2") if n % 2 else ("a3",)) for n in range(5)]
    assert store.save_incidents(iter(first), []) == 5
    second = [first[0], incident("inc-1", ("a1",)), *first[3:], incident("inc-9", ("a2",))]
    assert store.save_incidents((i for i in second), []) == 5  # inc-2 goes, inc-9 comes, inc-1 changes
    assert {i.id: i for i in store.incidents()} == {i.id: i for i in second}
    links = [(row.incident_id, row.article_id, row.role, row.mention_id) for row in store.incident_links()]
    assert sorted(links) == sorted((i.id, a.id, a.role, a.mention_id) for i in second for a in i.articles)


def test_failed_incident_save_keeps_the_previous_set(store):
    saved_articles(store, "a1")
    before = incident("inc-1", ("a1",))
    store.save_incidents([before], [{"incident_id": "inc-1", "action": "created", "reason": "new incident"}])
    with pytest.raises(IntegrityError):  # links an article that was never stored: the foreign key refuses it
        store.save_incidents([incident("inc-2", ("ghost",))],
                             [{"incident_id": "inc-2", "action": "created", "reason": "new incident"}])
    assert store.incidents() == [before]
    assert [h.incident_id for h in store.history()] == ["inc-1"]


def test_incident_filters(store):
    saved_articles(store, "a1", "a2", "a3", "a4")
    ganja = incident("ganja", ("a1",), killed=(12, 13))
    barda = incident("barda", ("a2",), date=dt.date(2020, 10, 28), killed=(21,),
                     place=Place(name="Barda", admin1="Barda", country="AZ"))
    chicago = incident("chicago", ("a3",), date=dt.date(2016, 1, 2), killed=(), injured=(2,), place=CHICAGO,
                       kind="shooting", sub_event_type="Armed clash")
    undated = incident("undated", ("a4",), date=None, place=None, killed=(0,))
    store.save_incidents([ganja, barda, chicago, undated], [])

    def ids(**filters) -> list[str]:
        return [i.id for i in store.incidents(**filters)]

    assert ids() == ["chicago", "ganja", "barda", "undated"]  # by date, undated last
    assert ids(place="GƏNCƏ") == ids(place="ganja") == ["ganja"]  # name or admin1, non-ASCII case folded
    assert ids(place="cook county") == ["chicago"]
    assert ids(place="Gan") == []  # a whole name, not a substring
    assert ids(country="az") == ["ganja", "barda"]
    assert ids(date_from=dt.date(2020, 10, 17), date_to=dt.date(2020, 10, 27)) == ["ganja"]
    assert ids(date_from=dt.date(2020, 1, 1)) == ["ganja", "barda"]
    assert ids(type="SHOOTING") == ids(type="armed clash") == ["chicago"]
    assert ids(type="Explosions/Remote violence", country="AZ") == ["ganja", "barda"]
    assert ids(min_killed=13) == ["ganja", "barda"]
    assert ids(min_killed=0) == ["ganja", "barda", "undated"]  # chicago gives no toll at all


def test_count_uses_best_figures(store):
    saved_articles(store, "a1", "a2", "a3")
    store.save_incidents([
        incident("ganja", ("a1",), killed=(12, 13), injured=(40, 45)),
        incident("barda", ("a2",), date=dt.date(2020, 10, 28), killed=(21,)),
        incident("chicago", ("a3",), date=dt.date(2016, 1, 2), killed=(), injured=(2,), place=CHICAGO),
    ], [])
    assert store.count() == {"incidents": 3, "killed": 34, "injured": 47}
    assert store.count(country="AZ") == {"incidents": 2, "killed": 34, "injured": 45}
    assert store.count(place="Nowhere") == {"incidents": 0, "killed": 0, "injured": 0}


def test_history_is_appended_and_found_from_either_side(store):
    saved_articles(store, "a1", "a2")
    store.save_incidents([incident("inc-1", ("a1",)), incident("inc-2", ("a2",))], [
        {"incident_id": "inc-1", "action": "created", "other_incident_id": None, "reason": "new incident"},
        {"incident_id": "inc-2", "action": "created", "other_incident_id": None, "reason": "new incident"},
    ])
    store.save_incidents([incident("inc-1", ("a1", "a2"))], [
        {"incident_id": "inc-1", "action": "merged", "other_incident_id": "inc-2", "reason": "same strike"},
        {"incident_id": "inc-2", "action": "removed", "other_incident_id": None, "reason": "merged away"},
    ])

    events = store.history()
    assert [(e.id, e.incident_id, e.action, e.other_incident_id) for e in events] == [
        (1, "inc-1", "created", None), (2, "inc-2", "created", None),
        (3, "inc-1", "merged", "inc-2"), (4, "inc-2", "removed", None)]
    assert all(isinstance(e, HistoryEvent) and e.at.tzinfo is not None for e in events)
    assert [e.action for e in store.history("inc-2")] == ["created", "merged", "removed"]
    assert [e.action for e in store.history("inc-1")] == ["created", "merged"]
    with pytest.raises(IntegrityError):  # an unknown action is refused by the table's check
        store.save_incidents([], [{"incident_id": "inc-1", "action": "vanished"}])
