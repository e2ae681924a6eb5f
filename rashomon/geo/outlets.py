"""Where an outlet reports from, learned from its own articles, to read the
ambiguous place names of its other articles.

A local station writes "Greene County" or "Montgomery" without a state: its
readers know which one. Among an outlet's articles, those that place their
incident in a state they name themselves ("Dayton, Ohio", "GAINESVILLE, Fla."),
or at a name no other state has, show where the outlet reports from. When at
least ``MIN_ARTICLES`` of them agree (``MIN_SHARE`` of its anchored articles),
an incident of that outlet placed at a name the article never ties to a state
is read in the outlet's state, if the gazetteer has a place of that name and
kind there.

The pass is a function of all stored articles and their mentions as
extracted (nothing is written back), so its result does not depend on the
order articles arrive in. The place's evidence stays the sentence that names
it; the outlet's profile is the reason for the reading.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rashomon.geo.gazetteer import Gazetteer
from rashomon.model import Article, Mention, Place

MIN_ARTICLES = 3
MIN_SHARE = 0.6
# Namesakes smaller than this do not make a name ambiguous ("Montgomery, Texas" does, a hamlet does not).
NAMESAKE_MIN_POPULATION = 1_000


def outlet_regions(articles: dict[str, Article], mentions: list[Mention], gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Outlet -> (country, admin1) it mostly reports from, for outlets with enough anchored articles."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        article = articles.get(m.article_id)
        if m.role != "main" or article is None or not article.outlet or m.place is None or not m.place.admin1:
            continue
        if _anchored(article, m.place, gaz):
            votes[article.outlet][(m.place.country, m.place.admin1)] += 1
    regions = {}
    for outlet, counter in votes.items():
        (region, n), total = counter.most_common(1)[0], sum(counter.values())
        if n >= MIN_ARTICLES and n >= MIN_SHARE * total:
            regions[outlet] = region
    return regions


def reread_by_outlet(articles: dict[str, Article], mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions, with places the article leaves ambiguous read in its outlet's region."""
    regions = outlet_regions(articles, mentions, gaz)
    out = []
    for m in mentions:
        article = articles.get(m.article_id)
        region = regions.get(article.outlet) if article is not None and article.outlet else None
        place = m.place
        if region is None or place is None or place.feature not in ("city", "admin2") \
                or (place.country, place.admin1) == region or _anchored(article, place, gaz):
            out.append(m)
            continue
        local = gaz.namesake_in(place, *region)
        out.append(m if local is None else m.model_copy(update={"place": local}))
    return out


def _anchored(article: Article, place: Place, gaz: Gazetteer) -> bool:
    """Whether the article itself settles the place's state: it names that state, or no other
    state has a place of that name and kind."""
    if not place.admin1:
        return False
    text = f"{article.title or ''}\n{article.text}"
    if _state_named(text, place.admin1, gaz):
        return True
    return not gaz.has_namesake_elsewhere(place, NAMESAKE_MIN_POPULATION)


def _state_named(text: str, admin1: str, gaz: Gazetteer) -> bool:
    return bool(_state_pattern(admin1, tuple(gaz.region_forms(admin1))).search(text))


@lru_cache(maxsize=512)
def _state_pattern(admin1: str, forms: tuple[str, ...]) -> re.Pattern[str]:
    """The region's full name anywhere; its abbreviations only after a comma ("Greenville, N.C.")."""
    short = [re.escape(f) for f in forms if f != admin1]
    parts = [rf"\b{re.escape(admin1)}\b"] + ([rf",\s*(?:{'|'.join(short)})(?!\w)"] if short else [])
    return re.compile("|".join(parts))
