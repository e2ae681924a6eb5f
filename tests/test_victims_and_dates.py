"""Rules that read the dependency parse: victims counted one by one, and which date phrase
dates the incident. Real spaCy pipeline, sentences as local news writes them."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from rashomon.config import Settings
from rashomon.extract import Extractor
from rashomon.extract.victims import victims
from rashomon.model import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Settings(default_country="US"))


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def _count(nlp, text):
    people = victims(list(nlp(text).sents))
    return sum(v.killed for v in people), sum(v.harmed and not v.killed for v in people)


@pytest.mark.parametrize("text, killed, injured", [
    ("Antonio Mason, 35, died at the scene. His 11-month-old daughter was also shot in the arm. "
     "Another man, 21, suffered a gunshot wound.", 1, 2),
    ("The man was shot in the chest. The man died at the hospital.", 1, 0),
    ("A 4-year-old girl is dead after being shot in the chest. Police say 4-year-old Geonna Bradley "
     "was accidentally shot by another juvenile.", 1, 0),
    ("PHOENIX -- A 9-year-old boy shot early Wednesday morning during a hunting accident west of Phoenix has died, "
     "the Maricopa County Sheriff's Office said.", 1, 0),
    ("Braison was pronounced dead at the scene.", 1, 0),
    ("A man was shot in the leg. Another man was shot in the arm. A woman was killed.", 1, 2),
])
def test_victims_one_by_one(nlp, text, killed, injured):
    assert _count(nlp, text) == (killed, injured)


def _main(extractor, text, published=dt.date(2014, 1, 29), title=None):
    article = Article(id="t", title=title, text=text, published=published, content_hash="t")
    return next(m for m in extractor.extract(article) if m.role == "main")


def test_a_date_after_an_aftermath_verb_does_not_date_the_incident(extractor):
    # published on a Wednesday; "Tuesday" is when the boy was in critical condition, not when he was shot
    main = _main(extractor, "A 12-year-old was in critical condition Tuesday after he was shot in Raleigh, N.C. "
                            "on Monday night, police said.")
    assert main.date == dt.date(2014, 1, 27)


def test_a_sentence_that_only_says_when_dates_the_incident(extractor):
    main = _main(extractor, "Austin police are investigating a shooting that left a young man dead in Austin, Texas.\\n\\n"
                            "At about 10:20 p.m. Sunday night, officers were dispatched to the 4500 block of Lareina Drive.",
                 published=dt.date(2014, 6, 23))
    assert main.date == dt.date(2014, 6, 22)


def test_a_headline_count_fills_a_text_that_counts_no_one(extractor):
    main = _main(extractor, "Police in Kokomo, Indiana, are looking for the man who opened fire at a bar early Sunday.",
                 title="Shooting at Kokomo bar sends 4 people to the hospital")
    assert [(f.kind, f.value) for f in main.figures] == [("injured", 4)]
    assert main.figures[0].evidence.quote == "Shooting at Kokomo bar sends 4 people to the hospital"


def test_out_of_state_neighbourhood_is_read_at_the_dateline(extractor):
    main = _main(extractor, "MEMPHIS, Tenn -- Police are searching for a group of men who shot five people in Raleigh.")
    assert (main.place.name, main.place.admin1) == ("Memphis", "Tennessee")


def test_a_paywalled_page_keeps_its_headline_incident(extractor):
    main = _main(extractor, "Just One More Thing...  We have sent you a verification email. Please check your email "
                            "and click on the link to activate your profile.", published=dt.date(2014, 10, 13),
                 title="4 people shot in southeast Atlanta")
    assert main.kind == "shooting"
    assert (main.place.name, main.place.admin1) == ("Atlanta", "Georgia")
    assert [(f.kind, f.value) for f in main.figures] == [("injured", 4)]
    assert [e.quote for e in main.evidence] == ["4 people shot in southeast Atlanta"]


def test_a_follow_up_story_does_not_date_the_incident_by_its_publication(extractor):
    main = _main(extractor, "A New Orleans man was sentenced to 40 years in prison for the Bourbon Street shooting "
                            "that killed one woman and injured nine people.", published=dt.date(2016, 3, 24))
    assert main.date is None and main.date_precision is None
    ordinary = _main(extractor, "A New Orleans man was shot and killed on Bourbon Street.", published=dt.date(2016, 3, 24))
    assert (ordinary.date, ordinary.date_precision) == (dt.date(2016, 3, 24), 2)
