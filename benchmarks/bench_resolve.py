"""Resolution at scale: time and memory of the resolve stage on synthetic mention sets
of 10k, 100k and 1M mentions drawn from the distribution of the GVA dev split.

    .venv/bin/python benchmarks/bench_resolve.py [--sizes 10000,100000,1000000] [--mode store|memory]
                                                 [--db-dir DIR] [--mentions-db FILE]

What is timed (``--mode store``, the default): the resolve stage as the pipeline runs it,
``Rashomon(db).resolve()``, on a database the synthetic set was written to. Per size, one child
process synthesizes the set and writes its articles and mentions into a fresh SQLite store
(``Store.save_articles``, not timed; about 4 minutes and 5 GB at 1M), then a fresh child process
opens the store and runs ``resolve()``: the slim mentions streamed from ``mention_features`` with
their articles, outlet regions (the gazetteer is loaded), grouping, anchoring of undated articles,
id assignment against the stored incident set, then incidents built a batch at a time from the
full mentions loaded from the store and written to it. "input MB" is that process's resident
memory just before ``resolve()`` (the store opened, nothing read); "peak MB" its highest resident
memory (``ru_maxrss``), which the stage sets. The databases go to a temporary folder, or to
``--db-dir``, where an existing one is reused: resolving it again is a re-resolution against the
incident set the last run stored ("previous" in the table).

``--mode memory`` times ``rashomon.resolve.resolve(mentions, articles, previous={}, policy)`` on the
set built in memory as pydantic objects, without outlet regions; "input MB" is then the resident
memory of the built set. It is the same grouping code (B-cubed differs from store mode only by what
outlet regions re-read), and its memory is the input's: about 3.8 KB a mention, 7.9 GB at 1M.

Where the real mentions come from: ``--mentions-db FILE`` (a database the pipeline filled from the
dev split, e.g. ``rashomon ingest ../shared/benchmarks/gva/dev-articles.jsonl --db dev.db``), else a
cache (``<cache dir>/bench-resolve-dev.json.gz``) written the first time, else the pipeline is run
over the dev split once (about 10 minutes) and its mentions cached.

How a synthetic corpus is drawn (``synthesize``): it is made of copies of real incidents. A copy
takes one gold incident of the dev split (uniformly, so the distribution of reports per incident is
the gold one) with every mention the pipeline extracted from its articles, main and passing, as they
are: kinds, figures, date precisions, missing places and dates, and the real disagreements between
the reports of one incident (a date off by one, a figure missing or different, places written at
different levels). Per copy, consistently across its articles:

- dates and publication dates move by one offset, so that the incident falls on a day drawn
  uniformly over the time span (below); the reports' relative dates are kept;
- person and other names get new tokens (first and other tokens drawn from the real name tokens),
  so copies of one incident do not share victims' names, while the reports of one copy share them
  as the real reports did;
- rare keywords (in at most 5 real mentions: street and people names, local words) are replaced
  by other rare keywords; common ones (shooting, police, Sunday) are kept;
- with probability ``p_new`` the copy happens in new places: each of its places becomes a new
  gazetteer entry (fresh geonameid, same name, county, state and country). ``p_new`` is the
  Good-Turing estimate of the chance that the next incident is in a place not seen yet (the
  share of dev incidents whose place no other dev incident has, about a third), so the place
  set grows with N as it does in real data instead of piling every copy onto the dev cities.

In memory, a copy shares its evidence objects (quoted sentences) with the real mention it copies:
only what resolution reads is new. So "input MB" of memory mode is about 3.8 KB per mention (with
its article); a real mention loaded from the store, with its own evidence, takes about 16 KB. In
the store each mention has its own payload (about 2.9 KB of JSON) and slim row (about 0.5 KB).

Time span (``--span realistic``, the default): the dev split covers 2013-01 to 2017-04 with 2,572
incidents, a sample of the Gun Violence Archive, which records about 55,000 incidents a year in the
US; at the dev split's reporting rate (about 2.15 mentions per incident) full coverage is about
120,000 mentions a year. The span is the dev span or ``N / 120,000`` years, whichever is longer:
10k and 100k mentions spread over the dev span, 1M over 8.3 years. The busiest place (Chicago,
about 4.7% of the mentions) then gets about 10 mentions, some 5 incidents, a day at 1M, while in
the real Chicago more than 4,000 people were shot in 2016: dense, as complete coverage is, not denser.
Density grows with N up to that point, so the work per mention grows too; ``--span dev`` keeps the
dev split's mentions per day at every size (the span grows with N), which isolates how the
algorithm itself scales.

Grouping quality on the synthetic truth (each article's main mention against the copy it came
from) is scored with B-cubed, so an optimisation that wrecks grouping shows in the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rashomon.config import Settings  # noqa: E402
from rashomon.model import Article, Mention, Place  # noqa: E402

GVA = ROOT.parent / "shared" / "benchmarks" / "gva"
CACHE_NAME = "bench-resolve-dev.json.gz"
MENTIONS_PER_YEAR = 120_000  # full GVA coverage (~55k incidents a year) at the dev split's ~2.15 mentions per incident
RARE_KEYWORD = 5  # a keyword in at most this many real mentions is local to its incident


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the real mentions ------------------------------------------------------------------------------------
def _from_db(db: Path) -> dict:
    from rashomon.store import Store

    with Store(str(db)) as store:
        mentions = [m.model_dump(mode="json") for m in store.mentions()]
        articles = {a.id: {"published": a.published.isoformat() if a.published else None, "outlet": a.outlet}
                    for a in store.articles()}
    return {"mentions": mentions, "articles": articles}


def real_corpus(mentions_db: Path | None, articles: Path, refresh: bool) -> dict:
    """Mentions and article dates extracted from the dev split, from a database or the cache."""
    cache = Settings().cache_dir / CACHE_NAME
    if mentions_db is None and cache.exists() and not refresh:
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    if mentions_db is None:
        from rashomon.pipeline import Rashomon

        print(f"extracting the mentions of {articles} once (about 10 minutes); cached in {cache}", file=sys.stderr)
        with tempfile.TemporaryDirectory() as tmp:
            with Rashomon(Path(tmp) / "dev.db", Settings(default_country="US")) as app:
                app.ingest([articles])
            data = _from_db(Path(tmp) / "dev.db")
    else:
        data = _from_db(mentions_db)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(cache, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    return data


# -- the synthetic corpus ---------------------------------------------------------------------------------
class Template:
    """One gold incident with the real mentions of its articles."""

    def __init__(self, gold_id: str, anchor: dt.date, articles: list[tuple[str, dt.date | None, str | None, list[Mention]]]):
        self.gold_id = gold_id
        self.anchor = anchor
        self.articles = articles
        self.size = sum(len(ms) for *_, ms in articles)


def _place_key(p: Place) -> str:
    return f"g{p.geonameid}" if p.geonameid is not None else f"n{p.name.lower()}|{p.country}"


class Generator:
    def __init__(self, real: dict, gold: list[dict], seed: int = 0, span: str = "realistic"):
        self.rng = random.Random(seed)
        self.span = span
        by_article: dict[str, list[Mention]] = defaultdict(list)
        for payload in real["mentions"]:
            m = Mention.model_validate(payload)
            by_article[m.article_id].append(m)
        self.real_mentions = sum(len(ms) for ms in by_article.values())
        info = real["articles"]
        used: set[str] = set()
        self.templates: list[Template] = []
        for g in gold:
            chosen = []
            for aid in g["articles"]:
                if aid in used or aid not in info:
                    continue
                used.add(aid)
                published = dt.date.fromisoformat(info[aid]["published"]) if info[aid]["published"] else None
                chosen.append((aid, published, info[aid]["outlet"], by_article.get(aid, [])))
            if not chosen or not any(ms for *_, ms in chosen):
                continue
            anchor = (dt.date.fromisoformat(g["date"]) if g.get("date")
                      else min((p for _, p, _, _ in chosen if p), default=None))
            if anchor is None:
                continue
            self.templates.append(Template(g["incident_id"], anchor, chosen))
        anchors = sorted(t.anchor for t in self.templates)
        self.start, self.dev_span = anchors[0], (anchors[-1] - anchors[0]).days + 1
        self.mentions_per_incident = sum(t.size for t in self.templates) / len(self.templates)

        # Good-Turing: the share of incidents whose place no other incident has.
        place_of = [self._main_place(t) for t in self.templates]
        seen = Counter(p for p in place_of if p)
        self.p_new = sum(1 for p in place_of if p and seen[p] == 1) / max(1, sum(1 for p in place_of if p))

        tokens = [n.split() for ms in by_article.values() for m in ms for n in m.names]
        self.first_tokens = sorted({t[0] for t in tokens if t})
        self.other_tokens = sorted({w for t in tokens for w in t[1:]}) or self.first_tokens
        df = Counter(k for ms in by_article.values() for m in ms for k in set(m.keywords))
        self.rare_keywords = sorted(k for k, n in df.items() if n <= RARE_KEYWORD)
        self.rare = set(self.rare_keywords)
        self._next_place = 10**9

    @staticmethod
    def _main_place(t: Template) -> str | None:
        for *_, ms in t.articles:
            for m in ms:
                if m.role == "main" and m.place is not None:
                    return _place_key(m.place)
        return None

    def span_days(self, n: int) -> int:
        if self.span == "dev":  # as many mentions a day as the dev split, whatever N
            return max(self.dev_span, round(self.dev_span * n / sum(t.size for t in self.templates)))
        return max(self.dev_span, round(n / MENTIONS_PER_YEAR * 365.25))

    def synthesize(self, n: int) -> tuple[list[Mention], dict[str, Article], dict[str, str]]:
        """About ``n`` mentions (whole incidents), their articles and each article's true incident."""
        rng, span = self.rng, self.span_days(n)
        mentions: list[Mention] = []
        articles: dict[str, Article] = {}
        truth: dict[str, str] = {}
        copy = 0
        while len(mentions) < n:
            template = rng.choice(self.templates)
            copy += 1
            day = self.start + dt.timedelta(days=rng.randrange(span))
            offset = day - template.anchor
            relocate = rng.random() < self.p_new
            places: dict[str, Place] = {}
            tokens: dict[str, str] = {}
            words: dict[str, str] = {}

            def name(value: str) -> str:
                parts = value.split()
                out = []
                for i, token in enumerate(parts):
                    if token not in tokens:
                        tokens[token] = rng.choice(self.first_tokens if i == 0 else self.other_tokens)
                    out.append(tokens[token])
                return " ".join(out)

            def keyword(word: str) -> str:
                if word not in self.rare:
                    return word
                if word not in words:
                    words[word] = rng.choice(self.rare_keywords)
                return words[word]

            def place(p: Place | None) -> Place | None:
                if p is None or not relocate:
                    return p
                key = _place_key(p)
                if key not in places:
                    self._next_place += 1
                    places[key] = p.model_copy(update={"geonameid": self._next_place})
                return places[key]

            incident_id = f"{template.gold_id}~{copy}"
            for aid, published, outlet, ms in template.articles:
                new_aid = f"{aid}~{copy}"
                articles[new_aid] = Article.model_construct(
                    id=new_aid, text="", content_hash="", outlet=outlet, outlet_source="given", title=None, url=None,
                    published=published + offset if published else None, published_source="given", language="en",
                    source="", duplicate_of=None, warnings=[])
                truth[new_aid] = incident_id
                for m in ms:
                    mentions.append(m.model_copy(update={
                        "id": f"{new_aid}#{m.id.rsplit('#', 1)[1]}", "article_id": new_aid,
                        "date": m.date + offset if m.date else None, "place": place(m.place),
                        "names": [name(x) for x in m.names], "keywords": [keyword(w) for w in m.keywords],
                    }))
        return mentions, articles, truth


# -- one size, in child processes -----------------------------------------------------------------------
def _generator(args: argparse.Namespace) -> Generator:
    real = real_corpus(args.mentions_db, args.articles, refresh=False)
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Generator(real, gold, seed=args.seed, span=args.span)


def write_child(args: argparse.Namespace) -> None:
    """Synthesize a set and write it into a fresh store (not timed), with its truth beside it."""
    from rashomon.store import Store

    generator = _generator(args)
    mentions, articles, truth = generator.synthesize(args.write)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    start = time.perf_counter()
    with Store(args.db) as store:
        store.save_articles((a, by_article.get(aid, [])) for aid, a in sorted(articles.items()))
    Path(f"{args.db}.truth.json").write_text(json.dumps({
        "truth": truth, "size": len(mentions), "p_new": generator.p_new, "span_days": generator.span_days(args.write),
        "places": len({_place_key(m.place) for m in mentions if m.place})}), encoding="utf-8")
    print(f"wrote {len(mentions):,} mentions, {len(articles):,} articles to {args.db} "
          f"in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def store_child(args: argparse.Namespace) -> None:
    """The resolve stage as the pipeline runs it (``Rashomon.resolve``) on a store the set was written to."""
    from rashomon.evaluate.metrics import bcubed
    from rashomon.pipeline import Rashomon

    info = json.loads(Path(f"{args.db}.truth.json").read_text(encoding="utf-8"))
    truth = info.pop("truth")
    with Rashomon(args.db, Settings(best_policy=args.policy)) as app:
        previous = app.store.count()["incidents"]
        gc.collect()
        input_mb = rss_mb()
        start = time.perf_counter()
        incidents = app.resolve()
        seconds = time.perf_counter() - start
        peak = peak_mb()
        main_of = {link.article_id: link.incident_id for link in app.store.incident_links() if link.role == "main"}
        articles = app.store.article_count()
    system = {aid: main_of.get(aid, f"none:{aid}") for aid in truth}
    precision, recall, f1 = bcubed(truth, system)
    print(json.dumps(info | {
        "articles": articles, "true_incidents": len(set(truth.values())), "previous": previous,
        "incidents": incidents, "seconds": seconds, "input_mb": input_mb, "peak_mb": peak,
        "db_mb": Path(args.db).stat().st_size / 2**20, "bcubed": [precision, recall, f1]}))


def memory_child(args: argparse.Namespace) -> None:
    """``rashomon.resolve.resolve`` on the set built in memory (``--mode memory``)."""
    from rashomon.evaluate.metrics import bcubed
    from rashomon.resolve import resolve

    generator = _generator(args)
    start = time.perf_counter()
    mentions, articles, truth = generator.synthesize(args.child)
    built = time.perf_counter() - start
    gc.collect()
    input_mb = rss_mb()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    incidents, history = resolve(mentions, articles, {}, args.policy)
    seconds = time.perf_counter() - start
    peak = peak_mb()
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
    main_of = {a.id: inc.id for inc in incidents for a in inc.articles if a.role == "main"}
    system = {aid: main_of.get(aid, f"none:{aid}") for aid in truth}
    precision, recall, f1 = bcubed(truth, system)
    print(json.dumps({
        "size": len(mentions), "articles": len(articles), "true_incidents": len(set(truth.values())), "previous": 0,
        "incidents": len(incidents), "seconds": seconds, "build_seconds": built, "input_mb": input_mb,
        "peak_mb": peak, "bcubed": [precision, recall, f1], "p_new": generator.p_new,
        "span_days": generator.span_days(args.child), "places": len({_place_key(m.place) for m in mentions if m.place}),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated mention counts")
    parser.add_argument("--mode", choices=("store", "memory"), default="store",
                        help="store: Rashomon.resolve on a database the set was written to (the real path); "
                             "memory: rashomon.resolve.resolve on the set built in memory")
    parser.add_argument("--db-dir", type=Path, help="keep the databases here (default: a temporary folder); a "
                        "database already there is reused, and resolving it again is a re-resolution")
    parser.add_argument("--mentions-db", type=Path, help="database filled from the dev split (refreshes the cache)")
    parser.add_argument("--articles", type=Path, default=GVA / "dev-articles.jsonl")
    parser.add_argument("--gold", type=Path, default=GVA / "dev-gold.jsonl")
    parser.add_argument("--refresh", action="store_true", help="extract the dev split again instead of the cache")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--span", choices=("realistic", "dev"), default="realistic",
                        help="time span: realistic (the dev span, or N / 120,000 years when longer) or dev "
                             "(grows with N: the dev split's mentions a day at every size)")
    parser.add_argument("--policy", default="latest_corroborated")
    parser.add_argument("--profile", action="store_true", help="cProfile the resolve call (to stderr; memory mode)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--write", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        write_child(args)
        return
    if args.child:
        (store_child if args.db else memory_child)(args)
        return

    real = real_corpus(args.mentions_db, args.articles, args.refresh)
    print(f"real mentions: {len(real['mentions'])} from {len(real['articles'])} dev articles", file=sys.stderr)
    del real
    common = ["--seed", str(args.seed), "--policy", args.policy, "--span", args.span,
              "--articles", str(args.articles), "--gold", str(args.gold)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.db_dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in (int(s) for s in args.sizes.split(",")):
            command = [sys.executable, __file__, "--child", str(size), *common]
            if args.mode == "store":
                db = folder / f"bench-resolve-{size}-{args.span}-{args.seed}.db"
                if not Path(f"{db}.truth.json").exists():
                    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                        stale.unlink(missing_ok=True)
                    subprocess.run([sys.executable, __file__, "--write", str(size), "--db", str(db), *common], check=True)
                command += ["--db", str(db)]
            elif args.profile:
                command.append("--profile")
            done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"{row['size']:>9,} mentions: {row['seconds']:.1f} s, peak {row['peak_mb']:.0f} MB", file=sys.stderr)

    print(f"{args.mode} mode" + (" (re-resolution of a stored incident set: see 'previous')"
                                 if any(r["previous"] for r in rows) else ""))
    print(f"{'mentions':>10} {'articles':>9} {'span':>6} {'places':>7} {'previous':>8} {'seconds':>8} {'mentions/s':>10} "
          f"{'input MB':>8} {'peak MB':>8} {'incidents':>9} {'true':>8} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} "
          f"{'time x':>7} {'peak x':>7}")
    for i, r in enumerate(rows):
        growth = ""
        if i:  # per 10x more mentions: 10.0 is linear growth
            prev = rows[i - 1]
            per10 = 10 / (r["size"] / prev["size"])
            growth = f"{r['seconds'] / prev['seconds'] * per10:7.1f} {r['peak_mb'] / prev['peak_mb'] * per10:7.1f}"
        p, rc, f = r["bcubed"]
        print(f"{r['size']:>10,} {r['articles']:>9,} {r['span_days'] / 365.25:5.1f}y {r['places']:>7,} {r['previous']:>8,} "
              f"{r['seconds']:8.1f} {r['size'] / r['seconds']:10,.0f} {r['input_mb']:8.0f} {r['peak_mb']:8.0f} "
              f"{r['incidents']:>9,} {r['true_incidents']:>8,} {p:6.3f} {rc:6.3f} {f:6.3f} {growth}")


if __name__ == "__main__":
    main()
