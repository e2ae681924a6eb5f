"""The database schema, in SQLAlchemy Core so one definition serves SQLite and
PostgreSQL. docs/schema.md explains every table and column.

Columns that queries filter or sort on are real columns; nested evidence lives
in a ``payload`` JSON column holding the full model dump, so reading a row back
gives exactly the object that was saved."""

from __future__ import annotations

from typing import Literal, get_args

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

from rashomon.model import REUSE_KINDS

# Bump when a table or column changes; Store refuses a database of another version, except those
# listed in MIGRATIONS, which it brings up to date when it opens them.
SCHEMA_VERSION = 4
# version -> what opening a database of that version adds. Only additive changes (new tables, made by
# create_all): 1 -> 2 adds the reuse tables; the articles of a version-1 database are untraced, so the
# next ingest runs the reuse pass over all of them. 2 -> 3 adds mention_features, which Store fills
# from the stored mentions when it opens the database; 3 -> 4 refills it (a feature was added).
MIGRATIONS: dict[int, str] = {1: "reuse_pairs and reuse_traced added, mention_features filled",
                              2: "mention_features added and filled from the stored mentions",
                              3: "mention_features refilled (date_assumed added)"}

# JSONB on PostgreSQL can be indexed and queried; elsewhere plain JSON (text).
Json = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()

version_table = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
)

meta_table = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

article_table = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("outlet", String),
    Column("outlet_source", String, nullable=False),
    Column("url", Text),
    Column("published", Date),
    Column("published_source", String, nullable=False),
    Column("language", String),
    Column("content_hash", String, nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("duplicate_of", String, ForeignKey("articles.id")),
    Column("warnings", Json, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

mention_table = Table(
    "mentions", metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("role", String, CheckConstraint("role IN ('main', 'mention')"), nullable=False),
    Column("kind", String),
    Column("event_type", String),
    Column("sub_event_type", String),
    Column("date", Date, index=True),
    Column("date_precision", Integer),
    Column("place_geonameid", Integer, index=True),
    Column("place_name", String),
    Column("place_country", String),
    Column("payload", Json, nullable=False),
)

# What resolution groups a mention by (rashomon.model.SlimMention), written with the mention: a small
# row in a table of its own, so that grouping a million mentions reads these and never the payloads.
feature_table = Table(
    "mention_features", metadata,
    Column("mention_id", String, ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("features", Json, nullable=False),
    Index("ix_mention_features_article", "article_id", "seq"),
)

incident_table = Table(
    "incidents", metadata,
    Column("id", String, primary_key=True),
    Column("kind", String),
    Column("event_type", String),
    Column("sub_event_type", String),
    Column("date", Date, index=True),
    Column("date_precision", Integer),
    Column("place_name", String),
    Column("admin1", String),
    Column("admin2", String),
    Column("country", String, index=True),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geonameid", Integer),
    Column("killed_low", Integer),
    Column("killed_best", Integer),
    Column("killed_high", Integer),
    Column("injured_low", Integer),
    Column("injured_best", Integer),
    Column("injured_high", Integer),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("payload", Json, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

link_table = Table(
    "incident_articles", metadata,
    Column("incident_id", String, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", String, CheckConstraint("role IN ('main', 'mention')"), nullable=False),
    Column("mention_id", String),
    Column("reason", Text, nullable=False),
)

HistoryAction = Literal["created", "grew", "merged", "split", "removed"]
HISTORY_ACTIONS: tuple[str, ...] = get_args(HistoryAction)

history_table = Table(
    "incident_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String, nullable=False, index=True),
    Column("action", String, CheckConstraint(f"action IN {HISTORY_ACTIONS!r}"), nullable=False),
    Column("other_incident_id", String),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# Passages two articles share (rashomon.model.ReusePair); the texts are not stored, they are the
# articles' text between the offsets.
reuse_table = Table(
    "reuse_pairs", metadata,
    Column("a", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("b", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("a_start", Integer, primary_key=True),
    Column("b_start", Integer, primary_key=True),
    Column("a_end", Integer, nullable=False),
    Column("b_end", Integer, nullable=False),
    Column("similarity", Float, nullable=False),
    Column("kind", String, CheckConstraint(f"kind IN {REUSE_KINDS!r}"), nullable=False),
    Column("direction", String, CheckConstraint("direction IN ('a->b', 'b->a')")),
    CheckConstraint("a < b", name="reuse_pair_order"),
)

# Articles the reuse pass has seen, and the text (hash) it saw.
traced_table = Table(
    "reuse_traced", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("content_hash", String, nullable=False),
)
