"""Read one input in its format (plain text, HTML, JSON lines, JSON) into raw articles.

A raw article is what the input states, nothing cleaned or inferred yet. JSON
lines are read one line at a time and every read is capped, so a huge file
costs bounded memory and time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import BinaryIO
from urllib.parse import urlsplit

from rashomon.ingest.decoding import BINARY_SAMPLE_BYTES, decode, decode_line, read_capped, reject_binary
from rashomon.ingest.errors import BadInput
from rashomon.ingest.sources import Entry
from rashomon.model import IngestProblem

# UTF-8 needs at most 4 bytes a character; JSON escapes ("\u00e9") up to 6, plus the other fields.
BYTES_PER_CHAR = 4
JSON_BYTES_PER_CHAR = 8

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")

# Field names, in order of preference, that JSON inputs use for each article field.
ID_FIELDS = ("id", "article_id", "_id")
TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
PUBLISHED_FIELDS = ("published", "date", "published_at", "pubdate", "publish_date", "date_publish", "datepublished")
OUTLET_FIELDS = ("outlet", "source", "site", "domain", "publisher", "sitename", "source_domain")
URL_FIELDS = ("url", "link")

_MARKUP_START = re.compile(r"\s*(?:<!doctype html|<html\b|<head\b|<body\b|<\?xml\b)", re.IGNORECASE)
_MARKUP_TAG = re.compile(r"</?(?:p|div|br|span|a|article|section|h[1-6]|ul|li|table|img|meta|script)\b[^>]*>", re.IGNORECASE)
_MIN_TAGS_FOR_MARKUP = 4
_SNIFF_CHARS = 4096


@dataclass
class RawArticle:
    """An article as its input gives it, before cleaning and before anything is inferred."""

    id: str
    source: str
    text: str
    title: str | None = None
    title_in_text: bool = False  # plain text: the first real line is the headline
    published: object = None  # as given: a string, a timestamp, or None
    outlet: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_entry(entry: Entry, max_chars: int) -> Iterator[RawArticle | IngestProblem]:
    """The articles of one input; a bad JSON line is a problem, a bad file raises ``BadInput``."""
    suffix = PurePath(entry.name).suffix.lower()
    stem = PurePath(entry.name).stem
    if suffix in JSON_LINES_SUFFIXES:
        yield from _json_lines(entry, stem, max_chars)
    elif suffix == ".json":
        yield from _json_document(entry, stem, max_chars)
    else:
        yield _document(entry, suffix, stem, max_chars)


def looks_like_markup(text: str) -> bool:
    """HTML, whatever the file is called: it starts like a page or has several common tags at the top."""
    head = text[:_SNIFF_CHARS]
    return bool(_MARKUP_START.match(head)) or len(_MARKUP_TAG.findall(head)) >= _MIN_TAGS_FOR_MARKUP


def truncation_warning(max_chars: int) -> str:
    return f"truncated: the body is longer than the maximum of {max_chars:,} characters"


def cap(text: str, max_chars: int) -> tuple[str, bool]:
    """At most ``max_chars``, ending at a line break when one is in the second half; True if cut."""
    if len(text) <= max_chars:
        return text, False
    text = text[:max_chars]
    line_end = text.rfind("\n")
    return (text[:line_end] if line_end > max_chars // 2 else text).rstrip(), True


# -- text and HTML files -----------------------------------------------------------------------------


def _document(entry: Entry, suffix: str, stem: str, max_chars: int) -> RawArticle:
    with entry.open() as stream:
        data, truncated = read_capped(stream, max_chars * BYTES_PER_CHAR)
    if not data.strip():
        raise BadInput("empty file")
    text, warning = decode(data, truncated)
    warnings = [warning] if warning else []
    if not text.strip():
        raise BadInput("empty file")
    if suffix in HTML_SUFFIXES or (suffix != ".txt" and looks_like_markup(text)):
        raw = from_html(text, stem, entry.source)
    else:
        raw = RawArticle(id=stem, source=entry.source, text=text, title_in_text=True)
    raw.text, cut = cap(raw.text, max_chars)
    raw.warnings = warnings + ([truncation_warning(max_chars)] if truncated or cut else [])
    return raw


def from_html(markup: str, article_id: str, source: str) -> RawArticle:
    """The main text of a page (comments excluded) and its metadata: title, date, site name or host."""
    import trafilatura  # slow to import; only HTML needs it

    try:
        document = trafilatura.bare_extraction(markup, include_comments=False, with_metadata=True)
    except Exception as error:  # lxml and trafilatura raise many kinds of errors on odd markup
        raise BadInput(f"HTML extraction failed: {type(error).__name__}: {error}") from error
    if document is None or not (document.text or "").strip():
        raise BadInput("no article text found in the HTML")
    return RawArticle(
        id=article_id, source=source, text=document.text, title=document.title, published=document.date,
        outlet=document.sitename or document.hostname, url=document.url,
    )


# -- JSON lines and JSON -----------------------------------------------------------------------------


def _json_lines(entry: Entry, stem: str, max_chars: int) -> Iterator[RawArticle | IngestProblem]:
    """One article per line, read lazily; a bad line is a problem for that line only."""
    max_line_bytes = max_chars * JSON_BYTES_PER_CHAR
    has_content = False
    with entry.open() as stream:
        reject_binary(stream.peek(BINARY_SAMPLE_BYTES))  # every stream ingest opens is buffered
        for number, line in enumerate(_lines(stream, max_line_bytes), start=1):
            source = f"{entry.source}:{number}"
            if line is None:
                has_content = True
                yield IngestProblem(source=source, message=f"line longer than {max_line_bytes:,} bytes, skipped")
                continue
            if not line.strip():
                continue
            has_content = True
            yield _json_line(line, f"{stem}-{number}", source, max_chars)
    if not has_content:
        raise BadInput("empty file")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The stream's lines, None for a line over ``max_bytes`` (skipped without being held in memory)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(max_bytes)
        yield None


def _json_line(line: bytes, default_id: str, source: str, max_chars: int) -> RawArticle | IngestProblem:
    text, warning = decode_line(line)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return IngestProblem(source=source, message=f"invalid JSON: {error.msg} (column {error.colno})")
    try:
        raw = from_record(record, default_id, source, max_chars)
    except BadInput as error:
        return IngestProblem(source=source, message=str(error))
    if warning:
        raw.warnings.insert(0, warning)
    return raw


def _json_document(entry: Entry, stem: str, max_chars: int) -> Iterator[RawArticle | IngestProblem]:
    """A JSON file holding one article object or a list of them (loaded whole, so capped)."""
    max_bytes = max_chars * JSON_BYTES_PER_CHAR
    with entry.open() as stream:
        data, truncated = read_capped(stream, max_bytes)
    if truncated:
        raise BadInput(f"JSON file over {max_bytes:,} bytes: split it into JSON lines")
    if not data.strip():
        raise BadInput("empty file")
    text, warning = decode(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from error
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records):
        source = f"{entry.source}[{index}]" if isinstance(document, list) else entry.source
        default_id = f"{stem}-{index}" if isinstance(document, list) else stem
        try:
            raw = from_record(record, default_id, source, max_chars)
        except BadInput as error:
            yield IngestProblem(source=source, message=str(error))
            continue
        if warning:
            raw.warnings.insert(0, warning)
        yield raw


def _first(fields: dict[str, object], names: tuple[str, ...]) -> tuple[str | None, object]:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _text_value(fields: dict[str, object], names: tuple[str, ...]) -> str | None:
    value = _first(fields, names)[1]
    return value.strip() or None if isinstance(value, str) else None


def _host(url: str | None) -> str | None:
    """The site an article URL names ("chicago.suntimes.com"): given metadata, like an HTML page's host."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[broken"
        return None
    return host.removeprefix("www.") if host else None


def from_record(record: object, default_id: str, source: str, max_chars: int) -> RawArticle:
    """An article from a JSON object, whichever usual names its fields have (``body``, ``headline``, ``link``...)."""
    if not isinstance(record, dict):
        raise BadInput(f"not a JSON object but a {type(record).__name__}")
    fields = {str(key).lower(): value for key, value in record.items()}
    text_field, text = _first(fields, TEXT_FIELDS)
    if text_field is None:
        raise BadInput(f"no article text (none of the fields {', '.join(TEXT_FIELDS)})")
    if not isinstance(text, str):
        raise BadInput(f"field {text_field!r} is not a string but a {type(text).__name__}")
    if not text.strip():
        raise BadInput(f"field {text_field!r} is blank")
    given_id = _first(fields, ID_FIELDS)[1]
    outlet = _first(fields, OUTLET_FIELDS)[1]
    if isinstance(outlet, dict):  # {"id": "cnn", "name": "CNN"}, as news APIs give it
        outlet = outlet.get("name")
    raw = RawArticle(
        id=str(given_id) if isinstance(given_id, (str, int)) else default_id,
        source=source,
        text=text,
        title=_text_value(fields, TITLE_FIELDS),
        published=_first(fields, PUBLISHED_FIELDS)[1],
        outlet=outlet.strip() or None if isinstance(outlet, str) else None,
        url=_text_value(fields, URL_FIELDS),
    )
    if looks_like_markup(text):
        page = from_html(text, raw.id, source)
        raw.text = page.text
        raw.title = raw.title or page.title
        raw.published = raw.published or page.published
        raw.outlet = raw.outlet or page.outlet
        raw.url = raw.url or page.url
    raw.outlet = raw.outlet or _host(raw.url)
    raw.text, cut = cap(raw.text, max_chars)
    if cut:
        raw.warnings.append(truncation_warning(max_chars))
    return raw
