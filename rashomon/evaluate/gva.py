"""Evaluation on the GVA benchmark (../shared/benchmarks/gva): run the pipeline
into a fresh database and score it against the gold incidents.

Metrics, as defined in ../shared/benchmarks/README.md:
1. article grouping (each article's main incident is its cluster): B-cubed
   P/R/F1, MUC, CEAF-e and CoNLL F1;
2. incident facts for gold incidents with ``gold_available``: the system
   incident that is the main incident of most of its articles is compared on
   date (exact, within one day), city, state, killed, injured (a figure the
   system does not give counts as 0), with mean absolute errors;
3. counting questions per (city, state, month): incidents, killed, injured.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.config import Settings
from rashomon.evaluate.metrics import bcubed, ceaf_e, conll_f1, fold_name, muc
from rashomon.model import Incident, Mention
from rashomon.pipeline import Rashomon

ERROR_KINDS = ("date", "city", "state", "killed", "injured")


@dataclass
class Evaluation:
    metrics: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    errors: dict[str, list[dict]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"metrics": self.metrics, "counts": self.counts, "errors": self.errors}


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def slice_corpus(articles: Path, gold: list[dict], first: int | None) -> tuple[list[dict], list[str]]:
    """The first ``first`` gold incidents (all when None) and the article lines they cite."""
    chosen = gold if first is None else gold[:first]
    wanted = {a for g in chosen for a in g["articles"]}
    with articles.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and json.loads(line)["id"] in wanted]
    return chosen, lines


def _city_match(gold_city: str, inc: Incident | None) -> bool:
    if inc is None or inc.place is None:
        return False
    target = fold_name(gold_city)
    return bool(target) and target in {fold_name(inc.place.name), fold_name(inc.place.admin2)}


def _state_match(gold_state: str, inc: Incident | None) -> bool:
    return inc is not None and inc.place is not None and fold_name(inc.place.admin1) == fold_name(gold_state)


def _figure(inc: Incident | None, kind: str) -> int:
    if inc is None or kind not in inc.figures:
        return 0
    return inc.figures[kind].best


def score(gold: list[dict], incidents: list[Incident], main_of: dict[str, str],
          mentions: dict[str, Mention] | None = None, max_examples: int = 5) -> Evaluation:
    """All metrics from gold incidents, system incidents and article -> main incident id."""
    mentions = mentions or {}
    by_id = {inc.id: inc for inc in incidents}
    gold_of: dict[str, str] = {}
    for g in gold:
        for a in g["articles"]:
            gold_of.setdefault(a, g["incident_id"])
    system = {a: main_of.get(a, f"none:{a}") for a in gold_of}
    result = Evaluation()
    m = result.metrics
    m["bcubed_precision"], m["bcubed_recall"], m["bcubed_f1"] = bcubed(gold_of, system)
    m["muc_f1"] = muc(gold_of, system)[2]
    m["ceafe_f1"] = ceaf_e(gold_of, system)[2]
    m["conll_f1"] = conll_f1(gold_of, system)

    # 2. incident facts
    hits: Counter[str] = Counter()
    abs_err: Counter[str] = Counter()
    errors: dict[str, list[dict]] = {k: [] for k in ERROR_KINDS}
    evaluated = 0
    for g in gold:
        if not g.get("gold_available", True):
            continue
        evaluated += 1
        votes = Counter(main_of[a] for a in g["articles"] if a in main_of)
        inc = by_id.get(max(votes, key=lambda k: (votes[k], k))) if votes else None
        gold_date = dt.date.fromisoformat(g["date"])
        sys_date = inc.date if inc else None
        checks = {
            "date": sys_date == gold_date,
            "city": _city_match(g["city"], inc),
            "state": _state_match(g["state"], inc),
            "killed": _figure(inc, "killed") == g["killed"],
            "injured": _figure(inc, "injured") == g["injured"],
        }
        hits["date_within_1"] += sys_date is not None and abs((sys_date - gold_date).days) <= 1
        for kind, ok in checks.items():
            hits[kind] += ok
            if not ok and len(errors[kind]) < max_examples:
                errors[kind].append(_example(kind, g, inc, mentions))
        abs_err["killed"] += abs(_figure(inc, "killed") - g["killed"])
        abs_err["injured"] += abs(_figure(inc, "injured") - g["injured"])
    if evaluated:
        for kind in ("date", "date_within_1", "city", "state", "killed", "injured"):
            m[f"{kind}_accuracy"] = hits[kind] / evaluated
        m["killed_mae"] = abs_err["killed"] / evaluated
        m["injured_mae"] = abs_err["injured"] / evaluated
    result.errors = errors

    # 3. counting questions
    questions: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for g in gold:
        if g.get("gold_available", True) and g.get("date"):
            questions[(fold_name(g["city"]), fold_name(g["state"]), g["date"][:7])].append(g)
    main_incidents = [by_id[i] for i in set(main_of.values()) if i in by_id]
    answered: Counter[str] = Counter()
    for (city, state, month), golds in questions.items():
        chosen = [inc for inc in main_incidents
                  if inc.date and inc.date.isoformat()[:7] == month and inc.place is not None
                  and fold_name(inc.place.admin1) == state
                  and city in {fold_name(inc.place.name), fold_name(inc.place.admin2)}]
        answered["incidents"] += len(chosen) == len(golds)
        answered["killed"] += sum(_figure(i, "killed") for i in chosen) == sum(g["killed"] for g in golds)
        answered["injured"] += sum(_figure(i, "injured") for i in chosen) == sum(g["injured"] for g in golds)
    for kind in ("incidents", "killed", "injured"):
        m[f"count_{kind}_exact"] = answered[kind] / len(questions) if questions else 0.0
    result.counts = {"articles": len(gold_of), "gold_incidents": len(gold), "evaluated_incidents": evaluated,
                     "system_incidents": len(main_incidents), "questions": len(questions)}
    return result


def _example(kind: str, g: dict, inc: Incident | None, mentions: dict[str, Mention]) -> dict:
    """What the system said, and the sentence it relied on, next to the gold value."""
    gold_value = {"date": g["date"], "city": g["city"], "state": g["state"], "killed": g["killed"],
                  "injured": g["injured"]}[kind]
    example = {"gold_incident": g["incident_id"], "gold": gold_value, "system_incident": inc.id if inc else None}
    if inc is None:
        example["system"] = None
        return example
    main = next((mentions[a.mention_id] for a in inc.articles if a.role == "main" and a.mention_id in mentions), None)
    if kind == "date":
        example["system"] = str(inc.date) if inc.date else None
        example["evidence"] = main.date_evidence.quote if main and main.date_evidence else None
    elif kind in ("city", "state"):
        example["system"] = ", ".join(p for p in (inc.place.name, inc.place.admin2, inc.place.admin1) if p) if inc.place else None
        example["evidence"] = main.place_evidence.quote if main and main.place_evidence else None
    else:
        fig = inc.figures.get(kind)
        example["system"] = fig.best if fig else None
        example["evidence"] = [r.evidence.quote for r in fig.reports][:3] if fig else None
    example["article"] = main.article_id if main else None
    return example


def evaluate(articles: Path, gold_path: Path, first: int | None = None, db: Path | None = None,
             settings: Settings | None = None) -> Evaluation:
    """Run the pipeline on the benchmark articles (or those of its first incidents) and score it."""
    gold, lines = slice_corpus(articles, load_gold(gold_path), first)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("".join(lines), encoding="utf-8")
        db_path = db or Path(tmp) / "evaluate.db"
        with Rashomon(db_path, settings) as app:
            app.ingest([corpus])
            incidents = app.incidents()
            main_of = {a.id: inc.id for inc in incidents for a in inc.articles if a.role == "main"}
            mentions = {m.id: m for m in app.store.mentions()}
    result = score(gold, incidents, main_of, mentions)
    return result
