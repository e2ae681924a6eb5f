"""The command line as a user meets it: real files, a real database, the real
console script in a subprocess."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ganja-2020"
RASHOMON = [sys.executable, "-m", "rashomon.cli"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([*RASHOMON, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    result = run("ingest", str(SAMPLE), "--db", str(folder / "r.db"), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "5 new article(s)" in result.stdout
    return folder / "r.db"


def test_incidents_table_and_count(db):
    result = run("incidents", "--db", str(db), cwd=db.parent)
    assert result.returncode == 0
    assert "Ganja" in result.stdout and "12-13" in result.stdout
    counted = run("incidents", "--db", str(db), "--place", "Ganja", "--count", cwd=db.parent)
    assert "incidents: 2" in counted.stdout and "killed: 23" in counted.stdout


def test_show_prints_the_dossier(db):
    result = run("show", "largest", "--db", str(db), cwd=db.parent)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for expected in ("each source's version", "killed: low 12, best 13, high 13", "Twelve people were killed",
                     "alleged_perpetrator", "denial", "contradictions"):
        assert expected in out


def test_exports(db, tmp_path):
    out = tmp_path / "incidents.jsonl"
    assert run("export", "--format", "jsonl", "-o", str(out), "--db", str(db), cwd=db.parent).returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert all({"id", "event_type", "sub_event_type", "date", "location", "actors", "figures", "articles"} <= set(r)
               for r in records)
    csv_out = run("export", "--format", "csv", "--db", str(db), cwd=db.parent).stdout
    rows = list(csv.DictReader(io.StringIO(csv_out)))
    assert {"event_date", "event_type", "fatalities", "killed_low", "killed_high"} <= set(rows[0])
    geo = json.loads(run("export", "--format", "geojson", "--db", str(db), cwd=db.parent).stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"


@pytest.mark.parametrize("args, message", [
    (["show", "nope"], "no incident 'nope'"),
    (["export", "--format", "xml"], "unknown format 'xml'"),
    (["incidents", "--from", "yesterday"], "--from wants a date"),
])
def test_user_mistakes_get_one_line_and_nonzero_exit(db, args, message):
    result = run(*args, "--db", str(db), cwd=db.parent)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_database_and_path(tmp_path):
    result = run("incidents", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert result.returncode != 0 and "no database" in result.stderr
    result = run("ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db"), cwd=tmp_path)
    assert result.returncode != 0 and "no such file" in result.stderr and "Traceback" not in result.stderr


def _bad_batch(folder: Path) -> Path:
    bad = folder / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "latin1.txt").write_bytes("Café shooting\n\nA man was shot in the café on Monday, police said.".encode("latin-1"))
    lines = [json.dumps({"id": "ok-1", "title": "Man shot", "text": "A man was shot and killed in Dayton on Monday.",
                         "published": "2016-03-01", "outlet": "example.com"}), "{broken json", ""]
    (bad / "feed.jsonl").write_text("\n".join(lines))
    with gzip.open(bad / "archive.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("Stabbing\n\nTwo people were stabbed in Columbus, Ohio, on Friday night, police said.")
    (bad / "french.txt").write_text("Fusillade\n\nUn homme a été tué par balle samedi soir à Marseille, a indiqué "
                                    "la police. Une enquête a été ouverte et deux suspects sont recherchés.")
    return bad


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path):
    bad = _bad_batch(tmp_path)
    db = tmp_path / "r.db"
    assert run("ingest", str(SAMPLE), "--db", str(db), cwd=tmp_path).returncode == 0
    before = run("export", "--db", str(db), cwd=tmp_path).stdout
    result = run("ingest", str(bad), "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert "empty.txt" in err and "binary.txt" in err and "feed.jsonl:2" in err
    assert "not English" in result.stdout
    assert "Traceback" not in err
    after = run("export", "--db", str(db), cwd=tmp_path).stdout
    # what was stored before is all still there, unchanged
    old = {json.loads(l)["id"]: json.loads(l) for l in before.splitlines()}
    new = {json.loads(l)["id"]: json.loads(l) for l in after.splitlines()}
    assert set(old) <= set(new)
    ganja_before = next(r for r in old.values() if r["figures"].get("killed", {}).get("high") == 13)
    assert new[ganja_before["id"]]["figures"] == ganja_before["figures"]


def test_strict_stops_at_the_first_bad_input(tmp_path):
    bad = _bad_batch(tmp_path)
    result = run("ingest", str(bad), "--db", str(tmp_path / "s.db"), "--strict", cwd=tmp_path)
    assert result.returncode != 0
    assert "stopped (--strict)" in result.stderr and "Traceback" not in result.stderr


def test_demo_database_is_reproducible(tmp_path):
    """Ingesting a copy of the sample under a new folder gives the same incidents."""
    copy = tmp_path / "copy"
    shutil.copytree(SAMPLE, copy)
    a = run("ingest", str(SAMPLE), "--db", str(tmp_path / "a.db"), cwd=tmp_path)
    b = run("ingest", str(copy), "--db", str(tmp_path / "b.db"), cwd=tmp_path)
    assert a.returncode == b.returncode == 0
    export_a = run("export", "--db", str(tmp_path / "a.db"), cwd=tmp_path).stdout
    export_b = run("export", "--db", str(tmp_path / "b.db"), cwd=tmp_path).stdout
    assert export_a == export_b
