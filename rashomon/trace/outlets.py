"""How each outlet tells one incident: the figures it gives and with what qualifier,
whom it cites, which of the incident's claims and denials it carries or leaves
out, the loaded terms it uses (from a documented, extendable lexicon) and the
passages it shares with the other articles. Evidence side by side, not a score."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rashomon.model import FIGURE_KINDS, Article, Evidence, Incident, LoadedTerm, OutletView, ReusePair, Statement
from rashomon.trace.text import sentence_spans

# Strongest first: what one article is to another when they share several passages.
KIND_RANK = ("syndication", "verbatim", "near_verbatim", "rewrite", "quotation")
_QUOTES = re.compile(r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"|‘[^’\n]{1,300}’")


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    note: str


class Lexicon:
    """Loaded terms, matched as whole words, case-insensitively, a final "s"/"es" allowed."""

    def __init__(self, terms: Iterable[Term]):
        self.terms = {t.term.lower(): t for t in terms}
        self._variants = {}  # a written form (words joined by one space) -> the term
        for key, term in self.terms.items():
            self._variants[key] = term
            if key.endswith("y"):
                self._variants[key[:-1] + "ies"] = term  # atrocity -> atrocities
        alternatives = sorted(self._variants, key=len, reverse=True)  # longest first: "war crime" before "war"
        body = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in alternatives)
        self._pattern = re.compile(rf"(?<![\w-])({body})(?:e?s)?(?![\w-])", re.IGNORECASE) if alternatives else None

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> list[tuple[Term, int, int]]:
        """(term, start, end) of every use in the text."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            written = match.group(1).lower()
            term = self._variants.get(" ".join(written.split())) or self._variants.get(written.replace("-", " "))
            if term is not None:
                found.append((term, match.start(), match.end()))
        return found

    @classmethod
    def load(cls, extra: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None) -> Lexicon:
        """The lexicon shipped in ``rashomon/data/loaded_terms.tsv`` plus the user's files (a path, a
        list of paths, or a string of paths separated by ``os.pathsep``); a user's term replaces ours."""
        terms = list(_read(resources.files("rashomon").joinpath("data/loaded_terms.tsv").read_text(encoding="utf-8")))
        if isinstance(extra, (str, os.PathLike)):
            extra = [p for p in str(extra).split(os.pathsep) if p]
        for path in extra or ():
            terms.extend(_read(Path(path).read_text(encoding="utf-8")))
        return cls(terms)


def _read(text: str) -> Iterable[Term]:
    rows = csv.reader((line for line in text.splitlines() if line.strip() and not line.startswith("#")),
                      delimiter="\t")
    for row in rows:
        if not row or row[0].strip().lower() == "term":
            continue
        term = " ".join(row[0].split()).lower()
        if term:
            yield Term(term, row[1].strip() if len(row) > 1 else "", row[2].strip() if len(row) > 2 else "")


@lru_cache(maxsize=8)
def default_lexicon(extra: str | None = None) -> Lexicon:
    return Lexicon.load(extra)


def statement_key(s: Statement) -> str:
    """What a claim or denial is about, the same across articles: its kind and the side it comes from
    (the speaker's party, else the speaker as written)."""
    who = s.party or re.sub(r"^(?:the|a|an)\s+", "", s.speaker.strip(), flags=re.IGNORECASE)
    return f"{s.kind} by {who}"


def loaded_terms(article: Article, lexicon: Lexicon) -> list[LoadedTerm]:
    """Every use of a lexicon term in the article, with its sentence, and whether it is quoted."""
    found = lexicon.find(article.text)
    if not found:
        return []
    spans = sentence_spans(article.text)
    quotes = [m.span() for m in _QUOTES.finditer(article.text)]
    uses = []
    for term, start, end in found:
        s, e = next(((s, e) for s, e in spans if s <= start < e), (start, end))
        uses.append(LoadedTerm(term=term.term, category=term.category, note=term.note,
                               quoted=any(qs <= start and end <= qe for qs, qe in quotes),
                               evidence=Evidence(article_id=article.id, start=s, end=e, quote=article.text[s:e])))
    return uses


def compare_outlets(incident: Incident, articles: Mapping[str, Article | None] | None = None,
                    pairs: Iterable[ReusePair] = (), lexicon: Lexicon | None = None) -> list[OutletView]:
    """One view per article of the incident, in the incident's article order. Without the articles'
    texts (``articles``), the loaded terms are left empty; everything else comes from the incident."""
    articles = articles or {}
    lexicon = lexicon if lexicon is not None else default_lexicon()
    members = list(dict.fromkeys(link.id for link in incident.articles))
    role = {}
    for link in incident.articles:
        role.setdefault(link.id, link.role)
    keys = list(dict.fromkeys(statement_key(s) for s in incident.statements))
    # What an article can be said to leave out: a claim or denial of a side (a party), or one that
    # several articles carry; not a remark only one article attributes to "the news agencies".
    carriers: dict[str, set[str]] = {}
    for s in incident.statements:
        carriers.setdefault(statement_key(s), set()).add(s.evidence.article_id)
    partisan = {statement_key(s) for s in incident.statements if s.party}
    omissible = [k for k in keys if k in partisan or len(carriers[k]) > 1]
    shares: dict[str, dict[str, str]] = {m: {} for m in members}
    for p in pairs:
        if p.a in shares and p.b in shares and p.a != p.b:
            for mine, other in ((p.a, p.b), (p.b, p.a)):
                known = shares[mine].get(other)
                if known is None or KIND_RANK.index(p.kind) < KIND_RANK.index(known):
                    shares[mine][other] = p.kind
    views = []
    for article_id in members:
        article = articles.get(article_id)
        link_outlet = next((link.outlet for link in incident.articles if link.id == article_id and link.outlet), None)
        figures = [r for kind in FIGURE_KINDS if (fig := incident.figures.get(kind)) is not None
                   for r in fig.reports if r.evidence.article_id == article_id]
        statements = [s for s in incident.statements if s.evidence.article_id == article_id]
        cites = [r.evidence.attributed_to for r in figures if r.evidence.attributed_to]
        cites += [s.speaker for s in statements]
        carried = {statement_key(s) for s in statements}
        views.append(OutletView(
            article_id=article_id,
            outlet=link_outlet or (article.outlet if article else None),
            role=role[article_id],
            figures=figures,
            cites=list(dict.fromkeys(cites)),
            carries=[k for k in keys if k in carried],
            omits=[k for k in omissible if k not in carried],
            loaded_terms=loaded_terms(article, lexicon) if article is not None else [],
            shares=dict(sorted(shares[article_id].items())),
        ))
    return views
