"""From a raw article to an ``Article``: clean text, then the metadata read from it."""

from __future__ import annotations

from rashomon.ingest.cleaning import clean_text, clean_title, content_hash
from rashomon.ingest.errors import BadInput
from rashomon.ingest.formats import RawArticle, cap, truncation_warning
from rashomon.ingest.metadata import detect_language, outlet_of, publication_date, split_title
from rashomon.model import Article


HEADLINE_MIN_WORDS = 4
HEADLINE_ONLY = "no article text left once boilerplate is removed: the headline alone is kept"


def build_article(raw: RawArticle, max_chars: int) -> Article:
    """Clean the body, keep the title apart, and date, credit and identify the article.

    A non-English article is kept, flagged by its language, so the caller can tell it was seen.
    """
    warnings = list(raw.warnings)
    title, body = split_title(raw.text) if raw.title_in_text else (raw.title, raw.text)
    title = clean_title(title)
    text, cut = cap(clean_text(body, title), max_chars)  # paragraph breaks can make the clean text longer
    if not text:
        if title is None or len(title.split()) < HEADLINE_MIN_WORDS:
            raise BadInput("no article text left once boilerplate is removed")
        # a paywall or sign-up page whose headline still tells what happened ("Suspect in Woonsocket
        # shooting surrenders to police"): the headline is the text, and the article says so
        text = title
        warnings.append(HEADLINE_ONLY)
    if cut and truncation_warning(max_chars) not in warnings:
        warnings.append(truncation_warning(max_chars))
    paragraphs = text.split("\n\n")
    published, published_source = publication_date(raw.published, paragraphs, warnings, raw.url)
    outlet, outlet_source = outlet_of(" ".join((raw.outlet or "").split()) or None, paragraphs)
    language = detect_language(title, text)
    if language not in (None, "en"):
        warnings.append(f"non-English ({language}): not extracted")
    return Article(
        id=raw.id, title=title, text=text, outlet=outlet, outlet_source=outlet_source, url=raw.url,
        published=published, published_source=published_source, language=language,
        content_hash=content_hash(text), source=raw.source, warnings=warnings,
    )
