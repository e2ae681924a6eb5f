"""What counts as the same article at ingest: the same text and the same headline."""

from __future__ import annotations

import json

from rashomon.config import Settings
from rashomon.pipeline import Rashomon

PAYWALL = ("Just One More Thing...  We have sent you a verification email. Please check your email and click on the "
           "link to activate your profile.")


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_same_text_under_other_headlines_is_not_a_duplicate(tmp_path):
    corpus = _write(tmp_path / "a.jsonl", [
        {"id": "p1", "title": "4 people shot in southeast Atlanta", "text": PAYWALL, "published": "2014-10-13"},
        {"id": "p2", "title": "Man shoots 4 relatives in Macon, Georgia, killing 2", "text": PAYWALL,
         "published": "2014-10-14"},
        {"id": "p3", "title": "4 people shot in southeast Atlanta", "text": PAYWALL, "published": "2014-10-13"},
    ])
    with Rashomon(tmp_path / "db.sqlite", Settings(default_country="US")) as app:
        report = app.ingest([corpus])
        assert sorted(report.added) == ["p1", "p2"]
        assert report.duplicates == [("p3", "p1")]  # same text and same headline: a copy
        main_of = {a.id: inc for inc in app.incidents() for a in inc.articles if a.role == "main"}
        assert main_of["p1"].id == main_of["p3"].id != main_of["p2"].id
        assert main_of["p2"].place.name == "Macon"
        assert app.ingest([corpus]).added == []  # ingesting again changes nothing
