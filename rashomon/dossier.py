"""The dossier of one incident for a terminal: every source's version side by
side, the figures with each report and its quote, claims, denials and
contradictions, and why each article belongs."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from rashomon.model import Article, Incident

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
    how = {"given": "", "text": " (from text)", "inferred": " (inferred)", "incident": " (dated by its incident)"}
    return f"{article.published}{how.get(article.published_source, '')}"


def print_dossier(console: Console, inc: Incident, articles: dict[str, Article | None]) -> None:
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
        for r in fig.reports:
            table.add_row(r.evidence.article_id, f"{QUALIFIER_TEXT[r.qualifier]}{r.value}",
                          r.evidence.attributed_to or "—", r.evidence.quote)
        console.print(table)

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
            table.add_row(s.kind, s.speaker + (f" ({s.party})" if s.party else ""), s.evidence.article_id, s.evidence.quote)
        console.print(table)
    if inc.contradictions:
        console.print("[bold red]contradictions[/]")
        for c in inc.contradictions:
            console.print(f"  • {c}", highlight=False)
