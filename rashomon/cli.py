"""The command line: the same operations as the Python API (``rashomon.pipeline``).

A user's mistake (missing file, unknown incident, bad option) gets one clear
line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from rashomon import dossier
from rashomon.model import IngestProblem

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rashomon: news articles in, a traceable database of real-world incidents out.")
console = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="Database file (SQLite) or SQLAlchemy URL.")]


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _open(db: Path, must_exist: bool = True):
    from rashomon.pipeline import Rashomon

    if must_exist and "://" not in str(db) and not db.exists():
        fail(f"no database at {db} (run `rashomon ingest PATH --db {db}` first)")
    return Rashomon(str(db))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, .jsonl, .gz or .zip archives.")],
    db: DbOption = Path("rashomon.db"),
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", help="Processes extracting in parallel (default: RASHOMON_WORKERS or 1).", min=1)] = None,
) -> None:
    """Run the whole pipeline on PATHS, incrementally: new articles are added, known ones skipped."""
    from rashomon.ingest import IngestError

    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    with _open(db, must_exist=False) as app_, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as progress:
        task = progress.add_task("reading and extracting", total=None)

        def tick(item) -> None:
            if isinstance(item, IngestProblem):
                progress.console.print(f"[yellow]skipped[/] {item.source}: {item.message}", highlight=False)
            else:
                for warning in item.warnings:
                    progress.console.print(f"[yellow]warning[/] {item.source}: {warning}", highlight=False)
            progress.advance(task)

        steps: dict[str, Any] = {}

        def step(what: str, done: int, total: int | None) -> None:  # resolution's steps, one bar each
            if what not in steps:
                steps[what] = progress.add_task(what, total=total)
            progress.update(steps[what], completed=done, total=total)

        if workers is not None:
            app_.settings.workers = workers
        try:
            report = app_.ingest(paths, strict=strict, on_article=tick, on_progress=step)
        except IngestError as exc:
            fail(f"stopped (--strict): {exc}")
    console.print(
        f"{len(report.added)} new article(s), {len(report.unchanged)} unchanged, {len(report.duplicates)} duplicate(s), "
        f"{len(report.not_english)} not English, {len(report.problems)} skipped; {report.incidents} incident(s) in {db}",
        highlight=False,
    )


def _filters(place, country, date_from, date_to, type_, min_killed) -> dict:
    return dict(place=place, country=country, date_from=date_from, date_to=date_to, type=type_, min_killed=min_killed)


def _date(value: Optional[str], option: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} wants a date as YYYY-MM-DD, not {value!r}")


@app.command()
def incidents(
    db: DbOption = Path("rashomon.db"),
    place: Annotated[Optional[str], typer.Option(help="Place, admin1 or admin2 name.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. AZ.")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", help="Event type, sub-type or kind.")] = None,
    min_killed: Annotated[Optional[int], typer.Option(help="Only incidents with at least this many killed (best).")] = None,
    count: Annotated[bool, typer.Option("--count", help="Only print how many incidents, killed and injured.")] = False,
) -> None:
    """List incidents: date, place, type, killed and injured ranges, number of sources."""
    filters = _filters(place, country, _date(date_from, "--from"), _date(date_to, "--to"), type_, min_killed)
    with _open(db) as app_:
        if count:
            totals = app_.count(**filters)
            console.print(f"incidents: {totals['incidents']}  killed: {totals['killed']}  injured: {totals['injured']}")
            return
        rows = app_.incidents(**filters)
    table = Table(title=f"{len(rows)} incident(s)")
    for column in ("id", "date", "place", "type", "killed", "injured", "articles"):
        table.add_column(column, overflow="fold")
    for inc in rows:
        table.add_row(inc.id, dossier.date_text(inc), dossier.place_text(inc), inc.kind or "",
                      dossier.range_text(inc, "killed"), dossier.range_text(inc, "injured"), str(len(inc.articles)))
    console.print(table)


@app.command()
def show(
    incident_id: Annotated[str, typer.Argument(help="Incident id, or `largest` for the one most articles report.")],
    db: DbOption = Path("rashomon.db"),
) -> None:
    """Print an incident's dossier: each source's version side by side, quotes, contradictions, claims, denials."""
    with _open(db) as app_:
        if incident_id == "largest":
            rows = app_.incidents()
            if not rows:
                fail(f"no incidents in {db}")
            incident = max(rows, key=lambda i: (sum(a.role == "main" for a in i.articles), len(i.articles)))
        else:
            incident = app_.incident(incident_id)
            if incident is None:
                fail(f"no incident {incident_id!r} in {db} (see `rashomon incidents`)")
        articles = {a.id: app_.store.get_article(a.id) for a in incident.articles}
        pairs = app_.store.reuse_pairs(list(articles))
        lexicon = _lexicon(app_.settings)
    dossier.print_dossier(console, incident, articles, pairs, lexicon)


def _lexicon(settings):
    """The loaded-terms lexicon: the shipped one plus the user's (RASHOMON_LOADED_TERMS)."""
    from rashomon.trace import default_lexicon

    try:
        return default_lexicon(settings.loaded_terms)
    except OSError as exc:
        fail(f"cannot read the loaded-terms lexicon: {exc}")


@app.command()
def reuse(
    db: DbOption = Path("rashomon.db"),
    article: Annotated[Optional[str], typer.Option("--article", help="Only the pairs of this article.")] = None,
    format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
) -> None:
    """Passages shared between articles (copies, rewrites, shared quotations, syndication), one pair a row."""
    import json

    from rich.markup import escape

    if format not in ("table", "jsonl"):
        fail(f"unknown format {format!r}; choose table or jsonl")
    with _open(db) as app_:
        if article is not None and app_.store.get_article(article) is None:
            fail(f"no article {article!r} in {db}")
        pairs = app_.reuse(article)
    if format == "jsonl":
        lines = "".join(json.dumps(p.model_dump(mode="json"), ensure_ascii=False) + "\n" for p in pairs)
        if output is None:
            sys.stdout.write(lines)
        else:
            output.write_text(lines, encoding="utf-8")
            err.print(f"{len(pairs)} pair(s) written to {output}")
        return
    table = Table(title=f"{len(pairs)} shared passage(s)", show_lines=True)
    for column in ("a", "b", "kind", "similarity", "direction", "a passage", "b passage"):
        table.add_column(column, overflow="fold")
    for p in pairs:
        table.add_row(escape(p.a), escape(p.b), p.kind, f"{p.similarity:.2f}", p.direction or "—",
                      escape(f"[{p.a_start}:{p.a_end}] {_clip(p.a_text)}"),
                      escape(f"[{p.b_start}:{p.b_end}] {_clip(p.b_text)}"))  # texts, not markup
    if output is None:
        console.print(table)
    else:
        with output.open("w", encoding="utf-8") as fh:
            Console(file=fh, width=200).print(table)
        err.print(f"{len(pairs)} pair(s) written to {output}")


def _clip(text: str, width: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or geojson.")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    db: DbOption = Path("rashomon.db"),
) -> None:
    """Write every incident in an exchange format."""
    from rashomon.export import FORMATS

    if format not in FORMATS:
        fail(f"unknown format {format!r}; choose one of {', '.join(sorted(FORMATS))}")
    with _open(db) as app_:
        rows = app_.incidents()
        wanted = {link.id for inc in rows for link in inc.articles}
        articles = {a.id: a for a in app_.store.articles() if a.id in wanted}
        pairs = app_.store.reuse_pairs()
        lexicon = _lexicon(app_.settings)
    if output is None:
        FORMATS[format](rows, sys.stdout, articles, reuse=pairs, lexicon=lexicon)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            FORMATS[format](rows, fh, articles, reuse=pairs, lexicon=lexicon)
        err.print(f"{len(rows)} incident(s) written to {output}")


evaluate_app = typer.Typer(no_args_is_help=True, help="Score the pipeline on a public benchmark with gold answers.")
app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("gva")
def evaluate_gva(
    articles: Annotated[Path, typer.Option("--articles", help="Benchmark articles (JSON lines).")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold incidents (JSON lines).")],
    first: Annotated[Optional[int], typer.Option("--first", help="Only the first N gold incidents and their articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    examples: Annotated[int, typer.Option("--examples", help="Error examples shown per kind.")] = 3,
    country: Annotated[Optional[str], typer.Option(
        "--country", help="Country the corpus is about (the GVA benchmark is US news); '' for none.")] = "US",
    workers: Annotated[Optional[int], typer.Option(
        "--workers", help="Processes extracting in parallel (default: RASHOMON_WORKERS or 1).", min=1)] = None,
) -> None:
    """Run the pipeline into a fresh database and print grouping, fact and counting scores with error examples."""
    import json

    from rashomon.config import Settings
    from rashomon.evaluate.gva import evaluate

    for path in (articles, gold):
        if not path.exists():
            fail(f"{path}: no such file")
    settings = Settings(default_country=country or None)
    if workers is not None:
        settings.workers = workers
    result = evaluate(articles, gold, first=first, settings=settings)
    if as_json:
        console.print_json(json.dumps(result.to_json(), default=str))
        return
    table = Table(title="GVA evaluation " + ", ".join(f"{k} {v}" for k, v in result.counts.items()))
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in result.metrics.items():
        table.add_row(name, f"{value:.3f}")
    console.print(table)
    for kind, rows in result.errors.items():
        if not rows:
            continue
        console.print(f"[bold]wrong {kind}[/] (first {min(examples, len(rows))})")
        for row in rows[:examples]:
            console.print(f"  gold {row['gold']!r} system {row.get('system')!r} article {row.get('article')}: "
                          f"{row.get('evidence')!r}", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
