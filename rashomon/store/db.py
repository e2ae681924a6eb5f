"""``Store``: every read and write of the incident database, and the only SQL in rashomon.

Writes are grouped so that a crash never leaves half an article or half an
incident set behind: one transaction per article, one for the whole incident
set. SQLite is the embedded default; a SQLAlchemy URL (``postgresql+psycopg://``)
runs the same schema elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    URL,
    Connection,
    Engine,
    Row,
    Select,
    Text,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from rashomon.model import Article, Incident, Mention, Place, ReusePair, SlimMention
from rashomon.store.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryAction,
    article_table,
    feature_table,
    history_table,
    incident_table,
    link_table,
    mention_table,
    meta_table,
    metadata,
    reuse_table,
    traced_table,
    version_table,
)

# Rows per IN (...) list: far below SQLite's bound-parameter limit.
_CHUNK = 500

# What an Article is read from: its fields' columns, by position (not ``ingested_at``, whose datetime
# parse per row, and reading columns by name, each cost as much as validating the article).
_ARTICLE_FIELDS = tuple(Article.model_fields)
_ARTICLE_COLUMNS = tuple(article_table.c[name] for name in _ARTICLE_FIELDS)


class _JsonText(str):
    """A JSON column's value already serialised (pydantic's ``model_dump_json``, in Rust): the engine's
    serializer writes it as is, on SQLite and PostgreSQL alike, instead of dumping a dict in Python."""


class SchemaVersionError(RuntimeError):
    """The database was written by a rashomon with another schema."""


class HistoryEvent(BaseModel):
    """One change in the incident set, so an incident id can be traced across re-resolutions."""

    id: int
    incident_id: str
    action: HistoryAction
    other_incident_id: str | None = None
    reason: str = ""
    at: dt.datetime


class Store:
    """The incident database: ``with Store("rashomon.db") as store: store.incidents(country="AZ")``.

    ``url_or_path`` is a file path (an SQLite database, created if missing) or a
    SQLAlchemy URL used as is."""

    def __init__(self, url_or_path: str | os.PathLike[str]):
        self._engine = _engine(url_or_path)
        with self._engine.begin() as conn:
            metadata.create_all(conn)
            found = conn.scalar(select(version_table.c.version))
            if found is None:
                conn.execute(insert(version_table).values(version=SCHEMA_VERSION))
            elif found in MIGRATIONS and found < SCHEMA_VERSION:  # additive: create_all made what is new
                if found < 4:
                    _fill_features(conn)
                conn.execute(update(version_table).values(version=SCHEMA_VERSION))
            elif found != SCHEMA_VERSION:
                raise SchemaVersionError(f"database schema version {found}, "
                                         f"this rashomon reads version {SCHEMA_VERSION}")

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles and mentions ---------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(*_ARTICLE_COLUMNS).where(article_table.c.id == article_id)).first()
        return _article(row) if row else None

    def find_by_hash(self, content_hash: str) -> Article | None:
        """The stored article with this text; an original before any of its duplicates."""
        found = self.articles_by_hash(content_hash)
        return found[0] if found else None

    def articles_by_hash(self, content_hash: str) -> list[Article]:
        """Every stored article with this text, originals before duplicates."""
        query = (select(*_ARTICLE_COLUMNS).where(article_table.c.content_hash == content_hash)
                 .order_by(article_table.c.duplicate_of.is_not(None), article_table.c.id))
        with self._engine.connect() as conn:
            return [_article(row) for row in conn.execute(query)]

    def articles(self) -> Iterator[Article]:
        """Every article by id, streamed so a large corpus is never all in memory."""
        with self._engine.connect() as conn:
            query = select(*_ARTICLE_COLUMNS).order_by(article_table.c.id)
            for row in conn.execution_options(yield_per=_CHUNK).execute(query):
                yield _article(row)

    def article_hashes(self) -> dict[str, str]:
        """Every article's id and content hash, without the texts."""
        with self._engine.connect() as conn:
            return {row.id: row.content_hash
                    for row in conn.execute(select(article_table.c.id, article_table.c.content_hash))}

    def article_count(self) -> int:
        with self._engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(article_table)) or 0

    def save_article(self, article: Article, mentions: Sequence[Mention]) -> None:
        """Insert or replace an article and all its mentions in one transaction."""
        _check_owner(article.id, mentions)
        row = article.model_dump() | {"ingested_at": _now()}
        with self._engine.begin() as conn:
            _upsert(conn, article_table, article_table.c.id, row)
            _write_mentions(conn, article.id, mentions)

    def save_articles(self, items: Iterable[tuple[Article, Sequence[Mention]]]) -> int:
        """``save_article`` for many articles in one transaction (a bulk import: all or nothing),
        written a chunk of articles per statement."""
        count = 0
        with self._engine.begin() as conn:
            for chunk in _batches(items, _CHUNK):
                ids = [article.id for article, _ in chunk]
                for article, mentions in chunk:
                    _check_owner(article.id, mentions)
                known = set(conn.scalars(select(article_table.c.id).where(article_table.c.id.in_(ids))))
                now = _now()
                rows = [article.model_dump() | {"ingested_at": now} for article, _ in chunk]
                for row in rows:
                    if row["id"] in known:
                        conn.execute(update(article_table).where(article_table.c.id == row["id"]).values(**row))
                fresh = [row for row in rows if row["id"] not in known]
                if fresh:
                    conn.execute(insert(article_table), fresh)
                conn.execute(delete(feature_table).where(feature_table.c.article_id.in_(ids)))
                conn.execute(delete(mention_table).where(mention_table.c.article_id.in_(ids)))
                mentions = [(seq, m) for _, ms in chunk for seq, m in enumerate(ms)]
                if mentions:
                    conn.execute(insert(mention_table), [_mention_row(m, seq) for seq, m in mentions])
                    conn.execute(insert(feature_table), [_feature_row(m.slim(), seq) for seq, m in mentions])
                count += len(chunk)
        return count

    def set_published(self, article_id: str, published: dt.date, source: str) -> None:
        """Record a publication date found after ingest (e.g. from the article's incident)."""
        with self._engine.begin() as conn:
            result = conn.execute(update(article_table).where(article_table.c.id == article_id)
                                  .values(published=published, published_source=source))
            if result.rowcount == 0:
                raise KeyError(article_id)

    def replace_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None:
        _check_owner(article_id, mentions)
        with self._engine.begin() as conn:
            _write_mentions(conn, article_id, mentions)

    def mentions(self, article_ids: Iterable[str] | None = None, ids: Iterable[str] | None = None,
                 without: Sequence[str] = ()) -> list[Mention]:
        """The mentions of the given articles, or with the given ids (all when neither is given), by
        article then position in the article. ``without``: top-level fields left out (the database
        drops them before they are read, e.g. the evidence sentences that are most of a mention):
        they get their defaults, so only for a reader that never looks at them."""
        query = (select(self._payload_text(without).label("payload"))
                 .order_by(mention_table.c.article_id, mention_table.c.seq))
        with self._engine.connect() as conn:
            if article_ids is None and ids is None:
                payloads = conn.scalars(query).all()
            else:
                column, keys = (mention_table.c.article_id, article_ids) if ids is None else (mention_table.c.id, ids)
                chunks = list(_chunks(sorted(set(keys))))
                if len(chunks) > 1:  # each chunk comes back in order; so must their union
                    query = query.add_columns(mention_table.c.article_id, mention_table.c.seq)
                    rows = sorted((row for chunk in chunks for row in conn.execute(query.where(column.in_(chunk)))),
                                  key=lambda row: (row.article_id, row.seq))
                    payloads = [row.payload for row in rows]
                else:
                    payloads = [p for chunk in chunks for p in conn.scalars(query.where(column.in_(chunk)))]
        return [Mention.model_validate_json(p) for p in payloads]

    def _payload_text(self, without: Sequence[str]) -> ColumnElement[str]:
        """The mention payload as JSON text (parsed by pydantic at once, not by json then pydantic)."""
        payload = mention_table.c.payload
        if self._engine.dialect.name == "postgresql":
            for name in without:
                payload = payload.op("-")(literal(name))
        elif without:
            payload = func.json_remove(payload, *(f"$.{name}" for name in without))
        return self._json_text(payload)

    def _json_text(self, column: Any) -> ColumnElement[str]:
        """A JSON column read as its text, not parsed."""
        return cast(column, Text) if self._engine.dialect.name == "postgresql" else type_coerce(column, Text)

    def slim_mentions(self) -> Iterator[tuple[Article, list[SlimMention]]]:
        """Every article, by id, with the slim form of its mentions (``Mention.slim``) in their order:
        what resolution groups by, streamed, without reading a mention's payload. Strings and equal
        places are shared between the mentions."""
        places: dict[tuple, Place] = {}
        articles = select(*_ARTICLE_COLUMNS).order_by(article_table.c.id)
        features = select(feature_table).order_by(feature_table.c.article_id, feature_table.c.seq)
        with self._engine.connect() as conn:
            rows = iter(conn.execution_options(yield_per=_CHUNK).execute(features))
            row = next(rows, None)
            for article_row in conn.execution_options(yield_per=_CHUNK).execute(articles):
                article = _article(article_row)
                slim = []
                # both ordered by article id, so an article's mentions are the next rows
                while row is not None and row.article_id == article.id:
                    slim.append(SlimMention.from_json(row.mention_id, article.id, row.features, places))
                    row = next(rows, None)
                yield article, slim
            if row is not None:
                raise RuntimeError(f"mention {row.mention_id} is out of article order or has no article")

    # -- reuse -------------------------------------------------------------------------------------------
    def traced(self) -> dict[str, str]:
        """Articles the reuse pass has seen: id -> the content hash of the text it saw."""
        with self._engine.connect() as conn:
            return {row.article_id: row.content_hash for row in conn.execute(select(traced_table))}

    def save_reuse(self, articles: Sequence[Article], pairs: Sequence[ReusePair]) -> None:
        """Record the reuse pass over ``articles`` in one transaction: their earlier pairs go, ``pairs``
        (each involving one of them) are written, and they are marked traced with their text's hash."""
        ids = sorted({a.id for a in articles})
        strangers = [p for p in pairs if p.a not in ids and p.b not in ids]
        if strangers:
            raise ValueError(f"pair {strangers[0].a} / {strangers[0].b} involves none of the traced articles")
        rows = {(p.a, p.b, p.a_start, p.b_start): {
            "a": p.a, "b": p.b, "a_start": p.a_start, "b_start": p.b_start, "a_end": p.a_end, "b_end": p.b_end,
            "similarity": p.similarity, "kind": p.kind, "direction": p.direction} for p in pairs}
        with self._engine.begin() as conn:
            for chunk in _chunks(ids):
                conn.execute(delete(reuse_table).where(or_(reuse_table.c.a.in_(chunk), reuse_table.c.b.in_(chunk))))
                conn.execute(delete(traced_table).where(traced_table.c.article_id.in_(chunk)))
            if rows:
                conn.execute(insert(reuse_table), list(rows.values()))
            conn.execute(insert(traced_table), [{"article_id": a.id, "content_hash": a.content_hash}
                                                for a in {a.id: a for a in articles}.values()])

    def reuse_pairs(self, article_ids: Iterable[str] | None = None, kinds: Iterable[str] | None = None
                    ) -> list[ReusePair]:
        """Passage pairs involving any of the given articles (all when None), optionally of the given
        kinds only, with the passages' texts, ordered by (a, b, a_start, b_start)."""
        a_article = article_table.alias("a_article")
        b_article = article_table.alias("b_article")
        r = reuse_table.c
        query = (select(r.a, r.b, r.a_start, r.a_end, r.b_start, r.b_end, r.similarity, r.kind, r.direction,
                        func.substr(a_article.c.text, r.a_start + 1, r.a_end - r.a_start).label("a_text"),
                        func.substr(b_article.c.text, r.b_start + 1, r.b_end - r.b_start).label("b_text"))
                 .join_from(reuse_table, a_article, a_article.c.id == r.a)
                 .join(b_article, b_article.c.id == r.b)
                 .order_by(r.a, r.b, r.a_start, r.b_start))
        if kinds is not None:
            query = query.where(r.kind.in_(list(kinds)))
        with self._engine.connect() as conn:
            if article_ids is None:
                rows = conn.execute(query).all()
            else:
                found = {}
                for chunk in _chunks(sorted(set(article_ids))):
                    for row in conn.execute(query.where(or_(r.a.in_(chunk), r.b.in_(chunk)))):
                        found[(row.a, row.b, row.a_start, row.b_start)] = row
                rows = [found[key] for key in sorted(found)]
        return [ReusePair.model_validate(row._asdict()) for row in rows]

    # -- incidents ---------------------------------------------------------------------------------------
    def save_incidents(self, incidents: Iterable[Incident], history: Sequence[dict[str, Any]]) -> int:
        """Make ``incidents`` the whole incident set, in one transaction, and append ``history``; the
        number of incidents. ``incidents`` may be a generator: they are written a chunk at a time, so
        the set is never all in memory.

        An incident whose content is unchanged keeps its ``updated_at``; one that
        disappears is deleted with its article links."""
        now = _now()
        written: set[str] = set()
        with self._engine.begin() as conn, _large_cache(conn):
            stored_ids = set(conn.scalars(select(incident_table.c.id)))
            conn.execute(delete(link_table))
            for batch in _batches(incidents, _CHUNK):
                rows = {inc.id: _incident_row(inc) for inc in batch}
                known = sorted(set(rows) & stored_ids)
                stored = {row.id: row.payload for row in conn.execute(
                    select(incident_table.c.id, self._json_text(incident_table.c.payload).label("payload"))
                    .where(incident_table.c.id.in_(known)))}
                added = [row | {"created_at": now, "updated_at": now}
                         for iid, row in rows.items() if iid not in stored_ids and iid not in written]
                if added:
                    conn.execute(insert(incident_table), added)
                for iid, row in rows.items():
                    if iid in stored and not _same_json(stored[iid], row["payload"]):
                        conn.execute(update(incident_table).where(incident_table.c.id == iid)
                                     .values(**row, updated_at=now))
                links = [{"incident_id": inc.id, "seq": seq, "article_id": link.id, "role": link.role,
                          "mention_id": link.mention_id, "reason": link.reason}
                         for inc in batch for seq, link in enumerate(inc.articles)]
                if links:
                    conn.execute(insert(link_table), links)
                written.update(rows)
            for chunk in _chunks(sorted(stored_ids - written)):
                conn.execute(delete(incident_table).where(incident_table.c.id.in_(chunk)))
            events = [{"incident_id": h["incident_id"], "action": h["action"],
                       "other_incident_id": h.get("other_incident_id"), "reason": h.get("reason", ""), "at": now}
                      for h in history]
            if events:
                conn.execute(insert(history_table), events)
        return len(written)

    def incident_links(self) -> Iterator[Row]:
        """Every (incident_id, article_id, role, mention_id) of the incident set, incidents in the order
        of ``incidents()``, streamed: the members of each incident without reading its payload."""
        c = link_table.c
        query = (select(c.incident_id, c.article_id, c.role, c.mention_id)
                 .join_from(link_table, incident_table, incident_table.c.id == c.incident_id)
                 .order_by(incident_table.c.date.asc().nulls_last(), incident_table.c.id, c.seq))
        with self._engine.connect() as conn:
            yield from conn.execution_options(yield_per=_CHUNK).execute(query)

    def reused_articles(self, kinds: Iterable[str] | None = None) -> set[str]:
        """The articles in any passage pair (of the given kinds)."""
        query = select(reuse_table.c.a, reuse_table.c.b)
        if kinds is not None:
            query = query.where(reuse_table.c.kind.in_(list(kinds)))
        with self._engine.connect() as conn:
            return {article_id for row in conn.execute(query) for article_id in row}

    def incidents(self, place: str | None = None, country: str | None = None, date_from: dt.date | None = None,
                  date_to: dt.date | None = None, type: str | None = None, min_killed: int | None = None,
                  ) -> list[Incident]:
        """Incidents matching every given filter, by date (undated last) then id.

        ``place`` matches the place name, admin1 or admin2 and ``type`` the event
        type, sub-event type or kind, both case-insensitively; ``min_killed``
        compares the best killed figure, so incidents nobody gives a toll for drop out."""
        where = _filters(place, country, date_from, date_to, type, min_killed)
        return self._incidents(select(incident_table.c.payload).where(*where))

    def incident(self, incident_id: str) -> Incident | None:
        found = self._incidents(select(incident_table.c.payload).where(incident_table.c.id == incident_id))
        return found[0] if found else None

    def incidents_of_article(self, article_id: str) -> list[Incident]:
        """Every incident an article reports, as main story or in passing."""
        linked = select(link_table.c.incident_id).where(link_table.c.article_id == article_id)
        return self._incidents(select(incident_table.c.payload).where(incident_table.c.id.in_(linked)))

    def count(self, place: str | None = None, country: str | None = None, date_from: dt.date | None = None,
              date_to: dt.date | None = None, type: str | None = None, min_killed: int | None = None,
              ) -> dict[str, int]:
        """How many incidents match the filters (same as ``incidents``) and their best killed and injured totals."""
        where = _filters(place, country, date_from, date_to, type, min_killed)
        query = select(func.count(), func.coalesce(func.sum(incident_table.c.killed_best), 0),
                       func.coalesce(func.sum(incident_table.c.injured_best), 0)).where(*where)
        with self._engine.connect() as conn:
            n, killed, injured = conn.execute(query).one()
        return {"incidents": n, "killed": int(killed), "injured": int(injured)}

    def history(self, incident_id: str | None = None) -> list[HistoryEvent]:
        """Incident history, oldest first; for one incident, every event naming it on either side."""
        query = select(history_table).order_by(history_table.c.id)
        if incident_id is not None:
            query = query.where(or_(history_table.c.incident_id == incident_id,
                                    history_table.c.other_incident_id == incident_id))
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [HistoryEvent(**(row._asdict() | {"at": _utc(row.at)})) for row in rows]

    # -- settings ----------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        """A stored setting, e.g. the best-value policy the incidents were reconciled with."""
        with self._engine.connect() as conn:
            return conn.scalar(select(meta_table.c.value).where(meta_table.c.key == key))

    def set_meta(self, key: str, value: str) -> None:
        with self._engine.begin() as conn:
            _upsert(conn, meta_table, meta_table.c.key, {"key": key, "value": value})

    def _incidents(self, query: Select) -> list[Incident]:
        query = query.order_by(incident_table.c.date.asc().nulls_last(), incident_table.c.id)
        with self._engine.connect() as conn:
            return [Incident.model_validate(p) for p in conn.scalars(query)]


def _engine(url_or_path: str | os.PathLike[str]) -> Engine:
    target = os.fspath(url_or_path)
    if "://" in target:
        url: str | URL = target
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        url = URL.create("sqlite", database=target)
    engine = create_engine(url, json_serializer=_json_dumps)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _json_dumps(value: Any) -> str:
    # (psycopg's Jsonb adapter calls it too: SQLAlchemy makes it the connection's json dumps)
    return value if type(value) is _JsonText else json.dumps(value, ensure_ascii=False)


def _same_json(stored: str, new: str) -> bool:
    """Whether two JSON texts hold the same value: the texts first, the values when they differ (a
    payload an older rashomon wrote with ``json.dumps``; PostgreSQL's JSONB prints its own way)."""
    return stored == new or json.loads(stored) == json.loads(new)


@contextmanager
def _large_cache(conn: Connection) -> Iterator[None]:
    """A 64 MB SQLite page cache (the default is 2 MB) for one large write, given back after it: an
    incident set is written into its id and link indexes in random order, which the default cache
    made 1.7 times slower at 500k incidents."""
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection SQLite setup: SQLite keeps none of this in the file except WAL.

    - the driver's own transaction handling is switched off so that the BEGIN
      emitted by the engine covers reads and DDL too (the sqlite3 driver's
      legacy mode starts transactions only at the first INSERT/UPDATE/DELETE);
    - WAL lets readers (a CLI query) run while an ingest writes;
    - foreign keys are off by default in SQLite, and ON DELETE CASCADE needs them;
    - ``lower()`` is replaced by Python's, since SQLite's folds ASCII letters only
      and place names are often not ASCII (PostgreSQL's is Unicode-aware already)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    dbapi_connection.create_function("lower", 1, lambda s: s.lower() if isinstance(s, str) else s, deterministic=True)


def _filters(place: str | None, country: str | None, date_from: dt.date | None, date_to: dt.date | None,
             type: str | None, min_killed: int | None) -> list[ColumnElement[bool]]:
    c = incident_table.c
    where: list[ColumnElement[bool]] = []
    if place:
        where.append(or_(*(func.lower(col) == place.lower() for col in (c.place_name, c.admin1, c.admin2))))
    if country:
        where.append(c.country == country.upper())
    if date_from:
        where.append(c.date >= date_from)
    if date_to:
        where.append(c.date <= date_to)
    if type:
        where.append(or_(*(func.lower(col) == type.lower() for col in (c.event_type, c.sub_event_type, c.kind))))
    if min_killed is not None:
        where.append(c.killed_best >= min_killed)
    return where


def _write_mentions(conn: Connection, article_id: str, mentions: Sequence[Mention]) -> None:
    conn.execute(delete(feature_table).where(feature_table.c.article_id == article_id))  # cascades too, where on
    conn.execute(delete(mention_table).where(mention_table.c.article_id == article_id))
    if mentions:
        conn.execute(insert(mention_table), [_mention_row(m, seq) for seq, m in enumerate(mentions)])
        conn.execute(insert(feature_table), [_feature_row(m.slim(), seq) for seq, m in enumerate(mentions)])


def _fill_features(conn: Connection) -> None:
    """The slim form of every stored mention, for a database written before mention_features existed."""
    conn.execute(delete(feature_table))
    query = (select(mention_table.c.id, mention_table.c.seq, mention_table.c.payload)
             .order_by(mention_table.c.id).limit(_CHUNK))
    last = None
    while True:
        rows = conn.execute(query if last is None else query.where(mention_table.c.id > last)).all()
        if not rows:
            return
        conn.execute(insert(feature_table), [_feature_row(Mention.model_validate(row.payload).slim(), row.seq)
                                             for row in rows])
        last = rows[-1].id


def _feature_row(slim: SlimMention, seq: int) -> dict[str, Any]:
    return {"mention_id": slim.id, "article_id": slim.article_id, "seq": seq, "features": slim.to_json()}


def _check_owner(article_id: str, mentions: Sequence[Mention]) -> None:
    """Refuse mentions of another article before anything is written."""
    strangers = sorted({m.id for m in mentions if m.article_id != article_id})
    if strangers:
        raise ValueError(f"mentions {', '.join(strangers)} do not belong to article {article_id}")


def _upsert(conn: Connection, table: Any, key: Any, row: dict[str, Any]) -> None:
    """Update the row with this key, or insert it: portable where ON CONFLICT syntax is not."""
    if conn.execute(update(table).where(key == row[key.name]).values(**row)).rowcount == 0:
        conn.execute(insert(table).values(**row))


def _article(row: Row) -> Article:
    """An article from a row of ``_ARTICLE_COLUMNS``."""
    return Article.model_validate(dict(zip(_ARTICLE_FIELDS, row)))


def _mention_row(mention: Mention, seq: int) -> dict[str, Any]:
    place = mention.place
    return {
        "id": mention.id, "article_id": mention.article_id, "seq": seq, "role": mention.role,
        "kind": mention.kind, "event_type": mention.event_type, "sub_event_type": mention.sub_event_type,
        "date": mention.date, "date_precision": mention.date_precision,
        "place_geonameid": place.geonameid if place else None, "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "payload": _JsonText(mention.model_dump_json()),
    }


def _incident_row(incident: Incident) -> dict[str, Any]:
    """The queryable columns of an incident, beside its full dump."""
    place = incident.place
    row: dict[str, Any] = {
        "id": incident.id, "kind": incident.kind, "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type, "date": incident.date, "date_precision": incident.date_precision,
        "place_name": place.name if place else None, "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None, "country": place.country if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "geonameid": place.geonameid if place else None,
        "n_articles": len({link.id for link in incident.articles}),
        "n_sources": _source_count(incident),
        "payload": _JsonText(incident.model_dump_json()),
    }
    for kind in ("killed", "injured"):
        figure = incident.figures.get(kind)
        for bound in ("low", "best", "high"):
            row[f"{kind}_{bound}"] = getattr(figure, bound) if figure else None
    return row


def _source_count(incident: Incident) -> int:
    """Distinct outlets; an article whose outlet is unknown counts as a source of its own."""
    outlets = {link.outlet for link in incident.articles if link.outlet}
    anonymous = {link.id for link in incident.articles if not link.outlet}
    return len(outlets) + len(anonymous)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
