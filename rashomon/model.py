"""The typed data model every pipeline stage shares.

Stages talk only through these types. They are pydantic models so that they
serialise to JSON (for the store, the exports and a process pool) without any
stage knowing how another one stores them.

Every extracted value carries an ``Evidence``: the article, the character span
of the sentence in the article's clean text, the sentence itself and who the
article says gave the information.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, Literal

from pydantic import BaseModel, Field

FigureKind = Literal["killed", "injured", "missing", "buildings_destroyed"]
FIGURE_KINDS: tuple[str, ...] = ("killed", "injured", "missing", "buildings_destroyed")

Qualifier = Literal["exact", "at_least", "more_than", "about", "at_most", "vague"]
ActorRole = Literal["perpetrator", "alleged_perpetrator", "target", "victim"]
ArticleRole = Literal["main", "mention"]

# How the publication date of an article was obtained.
PublishedSource = Literal["given", "text", "url", "inferred", "incident", "unknown"]
# How the outlet of an article was obtained.
OutletSource = Literal["given", "byline", "unknown"]


class Evidence(BaseModel):
    """The sentence that supports a value: offsets are into ``Article.text``."""

    article_id: str
    start: int
    end: int
    quote: str
    attributed_to: str | None = None


class Article(BaseModel):
    """One news article after ingest: clean text and metadata, nothing extracted yet."""

    id: str
    title: str | None = None
    text: str
    outlet: str | None = None
    outlet_source: OutletSource = "unknown"
    url: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    language: str | None = None
    content_hash: str
    source: str = ""  # file (and line) the article came from
    duplicate_of: str | None = None  # id of a stored article with the same content
    warnings: list[str] = Field(default_factory=list)

    @property
    def is_english(self) -> bool:
        return self.language in (None, "en")


class Place(BaseModel):
    """A gazetteer entry. ``precision`` follows UCDP's where_prec (1 exact place ... 7 country or wider)."""

    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    precision: int = 1
    feature: Literal["city", "admin2", "admin1", "country", "region"] = "city"


class DateExpr(BaseModel):
    """A date phrase as the article wrote it, kept so it can be re-resolved
    when a better anchor (publication date, main incident date) becomes known."""

    text: str
    kind: Literal["absolute", "weekday", "relative_days", "offset_from_main", "same_as_main", "period", "holiday"]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    last: bool = False  # "last Saturday": the latest such day before the anchor, never the anchor itself
    days: int = 0  # offset in days (relative_days: from the anchor; offset_from_main: from the main incident)
    precision: int = 1  # UCDP date_prec of the phrase itself
    anchor: dt.date | None = None  # a section date line in the text overriding the publication date


class FigureReport(BaseModel):
    """One figure as one article gives it. ``reuse_cluster`` (set in an incident's figures) names the
    report's independent source: reports copied from one another (syndicated articles, or the figure's
    sentence inside a shared passage) share it; it is the smallest article id among them."""

    kind: FigureKind
    value: int
    qualifier: Qualifier = "exact"
    evidence: Evidence
    reuse_cluster: str | None = None


class Actor(BaseModel):
    name: str
    role: ActorRole
    alleged_by: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Statement(BaseModel):
    """A claim or a denial the article reports, with who made it."""

    kind: Literal["claim", "denial"]
    speaker: str  # as written ("the Armenian Defence Ministry")
    party: str | None = None  # normalised country/party of the speaker ("Armenia")
    evidence: Evidence


class Mention(BaseModel):
    """One incident as one article tells it."""

    id: str  # "<article id>#<n>"
    article_id: str
    role: ArticleRole = "main"
    kind: str | None = None  # finer kind: missile strike, shelling, shooting, ...
    event_type: str | None = None
    sub_event_type: str | None = None
    date: dt.date | None = None
    date_precision: int | None = None
    date_expr: DateExpr | None = None
    date_evidence: Evidence | None = None
    place: Place | None = None
    place_evidence: Evidence | None = None
    actors: list[Actor] = Field(default_factory=list)
    figures: list[FigureReport] = Field(default_factory=list)
    weapon: str | None = None
    statements: list[Statement] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)  # every sentence assigned to this mention
    # Features used by resolution to tell incidents apart.
    names: list[str] = Field(default_factory=list)  # victim / suspect names
    keywords: list[str] = Field(default_factory=list)  # distinctive lemmas

    def figure(self, kind: str) -> list[FigureReport]:
        return [f for f in self.figures if f.kind == kind]

    def slim(self) -> SlimMention:
        """What resolution groups this mention by (the store keeps it beside the mention)."""
        return SlimMention(self.id, self.article_id, self.role, self.event_type, self.weapon, self.date,
                           self.date_precision, self.place, tuple(self.names), tuple(self.keywords),
                           tuple((f.kind, f.value, f.qualifier) for f in self.figures), self.date_assumed)

    @property
    def date_assumed(self) -> bool:
        """Whether the date is no day the article names but its publication day (the main incident of
        a report that says no day): the incident happened on or before it, not necessarily on it."""
        return self.role == "main" and self.date is not None and self.date_expr is None


class SlimMention:
    """A mention as resolution groups it: the fields blocking and scoring read, and the figures
    without their evidence. A full ``Mention`` (evidence, actors, statements, date phrase) is about
    forty times larger; grouping a million mentions reads only these, and the full mentions are
    loaded a batch of incidents at a time to build them. Not a pydantic model: a million of them
    are held at once, so it has ``__slots__`` and shares its strings and places (``from_json``)."""

    __slots__ = ("id", "article_id", "role", "event_type", "weapon", "date", "date_precision", "place", "names",
                 "keywords", "figures", "date_assumed")

    def __init__(self, id: str, article_id: str, role: str = "main", event_type: str | None = None,
                 weapon: str | None = None, date: dt.date | None = None, date_precision: int | None = None,
                 place: Place | None = None, names: tuple[str, ...] = (), keywords: tuple[str, ...] = (),
                 figures: tuple[tuple[str, int, str], ...] = (), date_assumed: bool = False):
        self.id, self.article_id, self.role = id, article_id, role
        self.date_assumed = date_assumed  # see Mention.date_assumed
        self.event_type, self.weapon = event_type, weapon
        self.date, self.date_precision, self.place = date, date_precision, place
        self.names, self.keywords, self.figures = names, keywords, figures  # figures: (kind, value, qualifier)

    def to_json(self) -> dict[str, Any]:
        """Everything but the two ids (the store keeps those as columns)."""
        return {"role": self.role, "event_type": self.event_type, "weapon": self.weapon,
                "date": self.date.isoformat() if self.date else None, "date_precision": self.date_precision,
                "place": self.place.model_dump(mode="json") if self.place else None,
                "names": list(self.names), "keywords": list(self.keywords), "figures": [list(f) for f in self.figures],
                "date_assumed": self.date_assumed}

    @classmethod
    def from_json(cls, id: str, article_id: str, data: dict[str, Any], places: dict[tuple, Place] | None = None
                  ) -> SlimMention:
        """Read back ``to_json``; strings are interned and equal places shared through ``places``."""
        intern = sys.intern
        place = data["place"]
        if place is not None:
            key = tuple(place.values())
            found = places.get(key) if places is not None else None
            if found is None:
                found = Place.model_validate(place)
                if places is not None:
                    places[key] = found
            place = found
        date = data["date"]
        return cls(id, intern(article_id), intern(data["role"]),
                   intern(data["event_type"]) if data["event_type"] else data["event_type"],
                   intern(data["weapon"]) if data["weapon"] else data["weapon"],
                   dt.date.fromisoformat(date) if date else None, data["date_precision"], place,
                   tuple(intern(n) for n in data["names"]), tuple(intern(k) for k in data["keywords"]),
                   tuple((intern(k), v, intern(q)) for k, v, q in data["figures"]), data.get("date_assumed", False))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SlimMention) and all(getattr(self, a) == getattr(other, a) for a in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  (mutable: resolution re-reads its place)

    def __repr__(self) -> str:
        return f"SlimMention({self.id!r}, place={self.place.name if self.place else None!r}, date={self.date})"


class FigureSummary(BaseModel):
    """A reconciled figure: the range, the chosen value, and every report beside it.
    ``sources``: for each reported value, how many independent sources give it (copies of one
    report count once; compare with the number of reports giving it)."""

    low: int
    best: int
    high: int
    policy: str
    reports: list[FigureReport]
    contradiction: bool = False
    sources: dict[int, int] = Field(default_factory=dict)

    def articles_giving(self, value: int) -> list[str]:
        return [r.evidence.article_id for r in self.reports if r.value == value]


class IncidentArticle(BaseModel):
    id: str
    role: ArticleRole
    outlet: str | None = None
    mention_id: str | None = None
    reason: str = ""  # why this article belongs to the incident


class Incident(BaseModel):
    id: str
    kind: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    date: dt.date | None = None
    date_precision: int | None = None
    place: Place | None = None
    actors: list[Actor] = Field(default_factory=list)
    figures: dict[str, FigureSummary] = Field(default_factory=dict)
    statements: list[Statement] = Field(default_factory=list)
    articles: list[IncidentArticle] = Field(default_factory=list)
    mention_ids: list[str] = Field(default_factory=list)
    contradictions: list[str] = Field(default_factory=list)
    weapon: str | None = None


ReuseKind = Literal["verbatim", "near_verbatim", "rewrite", "quotation", "syndication"]
REUSE_KINDS: tuple[str, ...] = ("verbatim", "near_verbatim", "rewrite", "quotation", "syndication")


class ReusePair(BaseModel):
    """A passage two articles share (``rashomon reuse``, one row each).

    ``a`` < ``b`` (article ids); offsets are into each article's clean text, so
    ``text[a_start:a_end] == a_text``. ``similarity`` is the share of the shorter
    passage's content words found in the other. ``kind``: ``verbatim`` (the same
    words), ``near_verbatim`` (the same words in the same order but for a few),
    ``rewrite`` (reordered clauses, changed connectives, words swapped),
    ``quotation`` (the shared part is inside quotation marks), ``syndication``
    (the whole shorter article). ``direction``: ``a->b`` when a was published
    first (b copied a), ``b->a`` the other way, null when the dates do not tell."""

    a: str
    b: str
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    kind: ReuseKind
    direction: Literal["a->b", "b->a"] | None = None


class LoadedTerm(BaseModel):
    """A term from the loaded-terms lexicon as an article uses it, with its sentence; ``quoted``:
    the term is inside quotation marks (a speaker's word, not the outlet's own voice)."""

    term: str  # the lexicon entry
    category: str
    note: str = ""
    quoted: bool = False
    evidence: Evidence


class OutletView(BaseModel):
    """How one article (outlet) tells an incident: evidence side by side, not a score."""

    article_id: str
    outlet: str | None = None
    role: ArticleRole = "main"
    figures: list[FigureReport] = Field(default_factory=list)  # the figures it gives, with qualifiers
    cites: list[str] = Field(default_factory=list)  # whom its figures and statements are attributed to
    carries: list[str] = Field(default_factory=list)  # claims and denials of the incident it reports
    omits: list[str] = Field(default_factory=list)  # claims and denials of the incident it leaves out
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)
    shares: dict[str, str] = Field(default_factory=dict)  # article of the incident -> kind of passage they share


class IngestProblem(BaseModel):
    """What was wrong with one input, reported instead of raised, so a batch goes on."""

    source: str  # file, and line for JSON lines
    message: str
    fatal: bool = True  # False: the article was kept, with a warning
