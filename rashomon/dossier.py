"""The dossier of one incident for a terminal: every source's version side by
side, the figures with each report and its quote and how many independent
sources back each value, claims, denials and contradictions, why each article
belongs, and the outlet comparison (what each outlet says and leaves out, whom
it cites, the loaded terms it uses, the passages it shares)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rashomon.model import Article, FigureSummary, Incident, LoadedTerm, OutletView, ReusePair
from rashomon.trace import Lexicon, compare_outlets

QUALIFIER_TEXT = {"exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ",
                  "at_most": "at most ", "vague": "~"}


def date_text(inc: Incident) -> str:
    if inc.date is None:
        return "?"
    return str(inc.date) + ("" if inc.date_precision in (None, 1) else f" (±, prec {inc.date_precision})")


def place_text(inc: Incident) -> str:
    if inc.place is None:
        return "?"
    parts = [inc.place.name, inc.place.admin1 if inc.place.admin1 != inc.place.name else None, inc.place.country]
    return ", ".join(p for p in parts if p)


def range_text(inc: Incident, kind: str) -> str:
    fig = inc.figures.get(kind)
    if fig is None:
        return ""
    return str(fig.low) if fig.low == fig.high else f"{fig.low}-{fig.high} (best {fig.best})"


def _published(article: Article | None) -> str:
    if article is None or article.published is None:
        return "?"
    how = {"given": "", "text": " (from text)", "url": " (from its address)", "inferred": " (inferred)", "incident": " (dated by its incident)"}
    return f"{article.published}{how.get(article.published_source, '')}"


def _short(article_id: str) -> str:
    """An article id as the dossier shows it where space is short: its first part (``000_4b...`` -> ``000``)."""
    head = article_id.split("_", 1)[0]
    return head if head != article_id and len(head) >= 3 else article_id[:12]


def source_lines(fig: FigureSummary) -> list[str]:
    """For each reported value, how many independent sources back it, most backed first:
    ``13: 3 independent sources (4 articles: ...)``, ``12: 1 source (001)``, and ``backed only by
    copies of one report`` when several articles give a value and all copy one another."""
    by_value: dict[int, list[str]] = {}
    for r in fig.reports:
        by_value.setdefault(r.value, []).append(r.evidence.article_id)
    lines = []
    for value, ids in sorted(by_value.items(), key=lambda item: (-fig.sources.get(item[0], len(item[1])),
                                                                  -len(item[1]), -item[0])):
        n = fig.sources.get(value, len(ids))
        text = f"{value}: {n} independent sources" if n > 1 else f"{value}: 1 source"
        if len(ids) > 1:
            text += f" ({len(ids)} articles: {', '.join(_short(i) for i in ids)})"
        else:
            text += f" ({_short(ids[0])})"
        if n == 1 and len(ids) > 1:
            text += " — backed only by copies of one report"
        lines.append(text)
    return lines


def print_outlets(console: Console, views: list[OutletView]) -> None:
    """The outlet comparison: one row per article (outlet)."""
    table = Table(title="outlet comparison (evidence, not a score)", show_lines=True, expand=True)
    for column in ("article / outlet", "figures", "cites", "claims and denials", "loaded terms", "shares text with"):
        table.add_column(column, overflow="fold")
    for v in views:
        figures = "\n".join(f"{r.kind.replace('_', ' ')} {QUALIFIER_TEXT[r.qualifier]}{r.value}" for r in v.figures)
        claims = "\n".join([*(f"carries {k}" for k in v.carries), *(f"omits {k}" for k in v.omits)])
        terms = "\n".join(f"{t.term} ({t.category}{', quoted' if t.quoted else ''}): "
                          f"\"{_around(t.evidence.quote, t.term)}\"" for t in _distinct_terms(v))
        shares = "\n".join(f"{_short(other)} ({kind.replace('_', ' ')})" for other, kind in v.shares.items())
        cells = (f"{v.article_id}\n{v.outlet or 'unknown outlet'} ({v.role})", figures, "\n".join(v.cites), claims,
                 terms, shares)
        table.add_row(*(escape(cell) if cell else "—" for cell in cells))  # texts are not markup
    console.print(table)


def _distinct_terms(view: OutletView) -> Iterator[LoadedTerm]:
    """Each (term, sentence) once: a sentence using a term twice is one use."""
    seen = set()
    for t in view.loaded_terms:
        key = (t.term, t.evidence.start)
        if key not in seen:
            seen.add(key)
            yield t


def _around(sentence: str, term: str, width: int = 110) -> str:
    """The sentence, cut to ``width`` characters around the term."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = max(0, sentence.lower().find(term.split()[0].lower()))
    start = max(0, min(at - width // 3, len(sentence) - width))
    return ("…" if start else "") + sentence[start:start + width].strip() + ("…" if start + width < len(sentence) else "")


def print_dossier(console: Console, inc: Incident, articles: dict[str, Article | None],
                  pairs: Iterable[ReusePair] = (), lexicon: Lexicon | None = None) -> None:
    """The whole dossier; ``pairs`` (the reuse passes' pairs of the incident's articles) and ``lexicon``
    (loaded terms; default: the shipped one) feed the outlet comparison."""
    console.rule(f"[bold]{inc.id}[/]: {inc.kind or 'incident'} in {place_text(inc)} on {date_text(inc)}")
    console.print(f"type: {inc.event_type} / {inc.sub_event_type}" + (f"   weapon: {inc.weapon}" if inc.weapon else ""))
    if inc.place is not None and inc.place.latitude is not None:
        console.print(f"place: {inc.place.name} (geonameid {inc.place.geonameid}, {inc.place.latitude:.4f}, "
                      f"{inc.place.longitude:.4f}, precision {inc.place.precision})")

    sources = Table(title="each source's version", show_lines=True, expand=True)
    sources.add_column("")
    for link in inc.articles:
        article = articles.get(link.id)
        outlet = (article.outlet if article else None) or "unknown outlet"
        sources.add_column(f"{link.id}\n{outlet} ({link.role})", overflow="fold")
    rows = {kind: [] for kind in inc.figures}
    for link in inc.articles:
        for kind, fig in inc.figures.items():
            values = [f"{QUALIFIER_TEXT[r.qualifier]}{r.value}" for r in fig.reports if r.evidence.article_id == link.id]
            rows[kind].append(", ".join(values) or "—")
    for kind, cells in rows.items():
        sources.add_row(kind, *cells)
    sources.add_row("published", *[_published(articles.get(l.id)) for l in inc.articles])
    sources.add_row("why it belongs", *[l.reason for l in inc.articles])
    console.print(sources)

    for kind, fig in inc.figures.items():
        table = Table(title=f"{kind}: low {fig.low}, best {fig.best}, high {fig.high} (policy {fig.policy})"
                      + ("  [red]CONTRADICTION[/]" if fig.contradiction else ""), expand=True)
        for column in ("article", "value", "attributed to", "quote"):
            table.add_column(column, overflow="fold")
        table.add_column("source", overflow="fold")
        for r in fig.reports:
            table.add_row(r.evidence.article_id, f"{QUALIFIER_TEXT[r.qualifier]}{r.value}",
                          escape(r.evidence.attributed_to or "—"), escape(r.evidence.quote),
                          _short(r.reuse_cluster or r.evidence.article_id))
        console.print(table)
        console.print(escape(f"{kind} sources: " + "; ".join(source_lines(fig))), highlight=False)

    if inc.actors:
        table = Table(title="actors", expand=True)
        for column in ("name", "role", "alleged by", "denied by"):
            table.add_column(column, overflow="fold")
        for a in inc.actors:
            table.add_row(a.name, a.role, "; ".join(a.alleged_by) or "—", "; ".join(a.denied_by) or "—")
        console.print(table)
    if inc.statements:
        table = Table(title="claims and denials", expand=True)
        for column in ("kind", "who", "article", "quote"):
            table.add_column(column, overflow="fold")
        for s in inc.statements:
            table.add_row(s.kind, escape(s.speaker + (f" ({s.party})" if s.party else "")), s.evidence.article_id,
                          escape(s.evidence.quote))
        console.print(table)
    if inc.contradictions:
        console.print("[bold red]contradictions[/]")
        for c in inc.contradictions:
            console.print(f"  • {c}", highlight=False)
    print_outlets(console, compare_outlets(inc, articles, pairs, lexicon))
