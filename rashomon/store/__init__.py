"""Storage: the incident database and the only place that writes SQL."""

from rashomon.store.db import HistoryEvent, SchemaVersionError, Store

__all__ = ["HistoryEvent", "SchemaVersionError", "Store"]
