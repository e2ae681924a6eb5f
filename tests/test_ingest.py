"""Ingest: real files in, clean articles or clear problems out (no mocks: real trafilatura, dateparser, py3langid)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from rashomon.ingest import OutletBoilerplate, IngestError, clean_text, content_hash, read_articles
from rashomon.ingest.cleaning import boilerplate_rule, repair_glue
from rashomon.ingest.metadata import byline_outlet, header_date, parse_given_date, publication_date, url_date
from rashomon.model import Article, IngestProblem

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ganja-2020"

FRENCH = (
    "Un incendie s'est déclaré mardi soir dans un immeuble du centre de Lyon. Trois personnes ont été "
    "blessées et une cinquantaine d'habitants ont été évacués, selon les pompiers, qui sont restés sur "
    "place toute la nuit pour éviter une reprise du feu."
)
RUSSIAN = (
    "В результате ракетного удара по Гяндже погибли по меньшей мере тринадцать человек, ещё более сорока "
    "получили ранения, сообщила генеральная прокуратура Азербайджана. Спасатели продолжают разбирать завалы."
)
STORY = (
    "Police said two men were shot outside a bar on Main Street late on Friday night.\n\n"
    "Both were taken to the county hospital, where one of them died early on Saturday, officials said."
)


def read(*paths, **options) -> list[Article | IngestProblem]:
    return list(read_articles([*paths], **options))


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items) -> list[IngestProblem]:
    return [item for item in items if isinstance(item, IngestProblem)]


def only_article(items) -> Article:
    assert not problems(items), problems(items)
    assert len(items) == 1
    return items[0]


def only_problem(items) -> IngestProblem:
    assert len(items) == 1 and isinstance(items[0], IngestProblem), items
    return items[0]


# -- the founding sample -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> dict[str, Article]:
    items = read(SAMPLE)
    assert not problems(items)
    return {article.id[:3]: article for article in items}


def test_sample_ids_are_file_names_and_sources_the_paths(sample):
    assert sorted(sample) == ["000", "001", "002", "003", "004"]
    for path in SAMPLE.glob("*.txt"):
        article = sample[path.name[:3]]
        assert article.id == path.stem
        assert article.source == str(path)


def test_sample_titles(sample):
    assert sample["000"].title == "Death, destruction after Armenia’s missiles hit Azerbaijan’s second city of Ganja"
    assert sample["001"].title == "Missile strikes on the city of Ganja in Azerbaijan, 12 civilians were killed"
    assert sample["004"].title == "Civilians Killed in Nagorno-Karabakh as Truce Fails"
    # 002 opens with a call to follow on Instagram, then a paragraph; 003 with a desk credit: no headline.
    assert sample["002"].title is None
    assert sample["003"].title is None


def test_sample_title_is_not_in_the_text(sample):
    for article in sample.values():
        if article.title:
            assert article.title not in article.text
    assert sample["000"].text.startswith("A missile strike has leveled a row of homes")


@pytest.mark.parametrize("boilerplate", [
    "Back to top button",
    "Stay updated with the latest",
    "Click here to follow us on Instagram",
    "Follow us everywhere",
    "follow our YouTube",
    "Subscribe to Google News",
    "Read more: BulgarianMilitary.com",
    "Be a reporter",
    "Editorial team",
    "Posted in accordance with Title 17",
    "(@azembassyus)",
    "(@presidentaz)",
    "(@MevlutCavusoglu)",
    "pic.twitter.com/abRINrzya4",
])
def test_sample_boilerplate_is_removed(sample, boilerplate):
    assert all(boilerplate not in article.text for article in sample.values())


def test_sample_story_text_is_kept(sample):
    assert "killing at least 13 and injuring more than 40 people" in sample["000"].text
    assert "Twelve people were killed and dozens were injured" in sample["001"].text
    # A tweet without a picture link, and the quote of a tweet, are story text.
    assert "Long live Azerbaijan’s Army! Karabakh is Azerbaijan!" in sample["002"].text
    assert "“Armenia still commits war crimes&massacres civilians." in sample["002"].text
    assert sample["003"].text.startswith("F.P Report\n\nBAKU: On October 17th, a missile raid")
    assert sample["004"].text.endswith("Additional reporting by Seymur Kazimov in Ganja.")


def test_sample_glued_sentences_are_repaired(sample):
    assert "Azerbaijan October 17, 2020. REUTERS/Umit Bektas\n\nThe warring nations" in sample["002"].text
    assert "children. Silence against this atrocity" in sample["002"].text
    assert "murders. Those who have no humanity" in sample["002"].text
    assert "debris of buildings. At least 20 buildings" in sample["003"].text
    assert "U.S. Secretary of State" in sample["002"].text


def test_sample_paragraphs_and_whitespace(sample):
    for article in sample.values():
        assert "\n\n" in article.text
        assert "\n\n\n" not in article.text and "  " not in article.text and "\u00a0" not in article.text
        assert all(p == p.strip() and "\n" not in p for p in article.text.split("\n\n"))


def test_sample_publication_dates(sample):
    assert (sample["004"].published, sample["004"].published_source) == (dt.date(2020, 10, 19), "text")
    assert (sample["002"].published, sample["002"].published_source) == (dt.date(2020, 10, 17), "inferred")
    for undated in ("000", "001", "003"):  # 001 and 003 name days, but never with their year
        assert (sample[undated].published, sample[undated].published_source) == (None, "unknown")


def test_sample_outlets(sample):
    assert (sample["003"].outlet, sample["003"].outlet_source) == ("F.P", "byline")
    for uncredited in ("000", "001", "002", "004"):  # "BAKU, (BM) –" names a source, not the outlet
        assert (sample[uncredited].outlet, sample[uncredited].outlet_source) == (None, "unknown")


def test_sample_language_hash_and_no_warnings(sample):
    for article in sample.values():
        assert article.language == "en" and article.is_english
        assert article.content_hash == content_hash(article.text)
        assert article.warnings == []
    assert len({article.content_hash for article in sample.values()}) == 5


def test_reading_is_deterministic(tmp_path):
    (tmp_path / "b.txt").write_text("Second story\n\n" + STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Third story\n\n" + STORY + " Again.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story\n\n" + STORY + " Yes.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\n" + STORY, encoding="utf-8")
    first = [a.model_dump() for a in read(tmp_path)]
    assert [a["id"] for a in first] == ["a", "b", "c"]
    assert first == [a.model_dump() for a in read(tmp_path)]
    assert [a.model_dump() for a in read(SAMPLE)] == [a.model_dump() for a in read(SAMPLE)]


# -- cleaning rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Stay updated with the latest - Click here to follow us on Instagram",
    "Follow us everywhere and at any time. BulgarianMilitary.com has responsive design and you can open the page.",
    "For more up-to-date news from us, follow our YouTube, Reddit, LinkedIn, Twitter and Facebook pages.",
    "Be sure to follow us on Facebook, too!",
    "Stay Up To Date, Follow KDKA On Twitter",
    "Follow CBSDFW.COM: Facebook | Twitter",
    "Join The Conversation On The KDKA Facebook Page",
    "Back to top button",
    "Subscribe to Google News",
    "Sign up for our newsletter and have the top headlines delivered to your inbox.",
    "Read more: BulgarianMilitary.com 24/7 – All about Nagorno-Karabakh conflict",
    "RELATED: Man arrested in shooting of Kerrville girl",
    "Please enable Javascript to watch this video",
    "Advertisement",
    ">>Be a reporter: Write and send your article.<<",
    "— Azerbaijan Embassy US (@azembassyus) October 17, 2020",
    "Posted in accordance with Title 17, Section 107, US Code, for noncommercial, educational purposes.",
    "Editorial team",
    "Photo: Reuters",
    "(Photo: WKRN)",
    "Photo credit: Prince William police",
    "REUTERS/Umit Bektas",
    "(AP Photo/Matt Rourke)",
    "(Bulent Kilic / AFP)",
    "Copyright 2016 The Associated Press. All rights reserved. This material may not be published.",
    "© 2016 Cox Media Group.",
    "Share this: Facebook",
    "Pinterest",
])
def test_boilerplate_rules_catch(line):
    assert boilerplate_rule(line) is not None


@pytest.mark.parametrize("line", [
    "Police said the shooting happened at about 3 a.m. on Saturday.",
    "He followed the suspect on foot for two blocks before officers arrived.",
    "“Residents should follow our instructions and stay inside,” the chief said.",
    "Read more: the chief said the men had been arguing for hours before one of them pulled a gun and fired twice at "
    "the other, who ran into the street, where a passing driver stopped and called for help; both were taken to "
    "hospital, and one of them died there early on Saturday morning, police said, adding that detectives were still "
    "looking for witnesses.",
    "Reuters reported that at least 13 people were killed in the strike.",
    "The photo shows the school building with its windows blown out.",
    "Subscribers to the local paper were the first to hear the news, the mayor said.",
    "Readers sent in dozens of pictures of the damage.",
    "She wrote on Facebook that no fire was opened on the territory of Azerbaijan.",
    "Advertisements for the concert had been posted all over the town.",
    "Editorial decisions were made by the board, he said.",
    "Nagorno-Karabakh conflict",
])
def test_boilerplate_rules_spare_story_lines(line):
    assert boilerplate_rule(line) is None


def test_tweet_embeds_go_but_tweets_without_pictures_stay():
    text = (
        "The foreign ministry condemned the attack.\n"
        "#Ganja city after missile attack by #Armenia pic.twitter.com/abRINrzya4\n"
        "— Azerbaijan Embassy US (@azembassyus) October 17, 2020\n"
        "Long live Azerbaijan’s Army! Karabakh is Azerbaijan!\n"
        "— Ilham Aliyev (@presidentaz) October 17, 2020\n"
        "Two crowds gathered at the scene pic.twitter.com/Qry30k57zf — Rosanna Smith (@rosannaWSFA) April 23, 2016\n"
        "Rescuers kept digging through the night."
    )
    assert clean_text(text) == (
        "The foreign ministry condemned the attack.\n\n"
        "Long live Azerbaijan’s Army! Karabakh is Azerbaijan!\n\n"
        "Rescuers kept digging through the night."
    )


def test_repeated_lines_are_boilerplate_unless_sentences_quoted_again():
    quote = "“There are only civilians living here,” he told Al Jazeera."
    text = f"Share\n{quote}\nThe attack happened at night.\nShare\nRelated coverage below\n{quote}\nRelated coverage below"
    assert clean_text(text) == f"{quote}\n\nThe attack happened at night."


def test_related_headlines_under_a_heading_go_with_it():
    # twincities.com: the headlines of other stories under "Related Articles", glued to a sentence; and
    # the York Daily Record's "Related" list, WRIC's "Related Coverage <headline>"
    text = ("His family is feeling a lot of anger about what happened. Related Articles Federal judge dismisses "
            "lawsuit filed by AK-47-toting man in St. Cloud\n\nPolice hunt anti-government suspect in Wisconsin gun "
            "store burglary\n\nThe girls’ mother was in critical condition Friday night, police said.")
    assert clean_text(text) == ("His family is feeling a lot of anger about what happened.\n\n"
                                "The girls’ mother was in critical condition Friday night, police said.")
    text = ("Related\n\nManchester boy shoots self in head\n\nFirst-grader brings unloaded gun into York City School"
            "\n\nAdvertisement\n\nA 3-year-old shot his mother in the leg on Tuesday, police said.")
    assert clean_text(text) == "A 3-year-old shot his mother in the leg on Tuesday, police said."
    text = ("Related Coverage Two juveniles shot in Mosby Court in Richmond\n\nRICHMOND, Va. (WRIC) — A local mother "
            "is calling for an end to the violence.")
    assert clean_text(text) == "RICHMOND, Va. (WRIC) — A local mother is calling for an end to the violence."
    # a story line that begins with the word stays
    text = "Related charges were filed Monday against two men in the case\n\nThe men were held without bail."
    assert clean_text(text) == text


def test_a_video_playlist_goes_whole():
    # the Kansas City Star's playlist under its Olathe story: other clips' durations and headlines, the
    # playing one marked "Pause" ("March and prayer vigil for Olathe shooting victims" had placed a
    # Lee's Summit story in Olathe)
    story = "Police said the boy was shot in the leg Friday night."
    text = (f"{story}\n\n2:05 Video shows three males vandalizing Gardner-Edgerton High School Pause\n\n"
            "3:01 A firefighter's widow believes job led to his death from cancer\n\n"
            "3:45 March and prayer vigil for Olathe shooting victims")
    assert clean_text(text) == story
    assert clean_text(f"{story}\n\n1:01 Ulysses Wiggins sentenced to 30 years in prison Pause") == story
    # a timeline of the story itself stays: its times are of the day, not clips' lengths
    timeline = ("7:02 p.m. First call to 911 from the mall\n\n7:05 p.m. Officers arrive\n\n"
                "7:10 p.m. The gunman flees on foot")
    assert clean_text(f"{story}\n\n{timeline}") == f"{story}\n\n{timeline}"
    # two lines with times and no "Pause" are no playlist
    two = "10:30 Mass at St. Mary's\n\n12:00 Burial at Oak Hill"
    assert clean_text(f"{story}\n\n{two}") == f"{story}\n\n{two}"


def test_lines_equal_to_the_title_are_dropped():
    assert clean_text("Storm floods the valley\nThe river rose overnight.", "Storm floods the valley") == \
        "The river rose overnight."


@pytest.mark.parametrize(("glued", "repaired"), [
    ("REUTERS/Umit BektasThe warring nations", "REUTERS/Umit Bektas\nThe warring nations"),
    ("innocent people incl. children.Silence against", "innocent people incl. children. Silence against"),
    ("under the debris of buildings.At least 20", "under the debris of buildings. At least 20"),
    ("blamed Armenia for ‘war crimes.’“Silence in face", "blamed Armenia for ‘war crimes.’ “Silence in face"),
    ("the U.S. and the U.K.", "the U.S. and the U.K."),
    ("a photo pic.twitter.com/abRINrzya4 here", "a photo pic.twitter.com/abRINrzya4 here"),
    ("e.g. Ganja, i.e. the city", "e.g. Ganja, i.e. the city"),
    ("a 3.5 magnitude quake and No.5 school", "a 3.5 magnitude quake and No.5 school"),
    ("see https://example.com/News.Html and www.site.org/Page.Two", "see https://example.com/News.Html and www.site.org/Page.Two"),
    ("write to jane.Doe@example.com", "write to jane.Doe@example.com"),
    ("posted on LinkedIn and YouTube by McDonald", "posted on LinkedIn and YouTube by McDonald"),
    ("St.Louis police", "St.Louis police"),
])
def test_glue_repair(glued, repaired):
    assert repair_glue(glued) == repaired


def test_whitespace_is_normalised_and_hard_wraps_undone():
    text = "\ufeffFirst  paragraph\u00a0starts here,\r\nand goes on\there.\r\n\r\n\r\n  Second\u200b one.  \n"
    assert clean_text(text) == "First paragraph starts here, and goes on here.\n\nSecond one."


def test_the_title_repeated_with_a_symbol_before_it_is_not_body_text():
    # a real GVA page: its first line is the title behind a close button's "×"
    text = "× No charges against 13-year-old boy who accidentally shot, killed friend\n\nPUYALLUP, Wash. — No criminal charges."
    assert clean_text(text, "No charges against 13-year-old boy who accidentally shot, killed friend") == \
        "PUYALLUP, Wash. — No criminal charges."


def test_cp1252_punctuation_read_as_latin1_is_restored():
    # a real GVA article: its quotes came through as C1 control characters, and the parser read
    # "\x93It is ... morning,\x94 Miley" as one noun phrase
    text = "\x93It is just a tragic situation that we have a young person who has been killed this morning,\x94 Miley said."
    assert clean_text(text) == ("\u201cIt is just a tragic situation that we have a young person who has been killed "
                                "this morning,\u201d Miley said.")


def test_content_hash_folds_case_whitespace_and_punctuation():
    base = content_hash("Police said: “Two men were shot.”\n\nBoth died.")
    assert base == content_hash("police said two men were shot   both died")
    assert base == content_hash("POLICE SAID — \"TWO MEN WERE SHOT\"... BOTH DIED!")
    assert base != content_hash("Police said three men were shot. Both died.")
    assert len(base) == 64 and int(base, 16) >= 0


def _outlet_article(n: int, outlet: str, extra: str) -> Article:
    text = f"Story number {n} about a shooting on street {n}.\n\n{extra}"
    return Article(id=str(n), text=text, outlet=outlet, content_hash=content_hash(text))


def test_outlet_boilerplate_learns_lines_repeated_across_an_outlet():
    slogan = "For more neighborhood news, listen to DNAinfo Radio here:"
    learner = OutletBoilerplate(min_articles=3)
    batch = [_outlet_article(n, "dnainfo.com", slogan) for n in range(3)]
    other = _outlet_article(9, "ktla.com", slogan)
    learner.learn(batch[0])
    learner.learn(batch[0])  # the same article twice counts once
    learner.learn(batch[1])
    learner.learn(other)  # another outlet does not count
    assert learner.lines("dnainfo.com") == set()
    learner.learn(batch[2])
    assert learner.lines("dnainfo.com") == {slogan.casefold()}
    stripped = learner.strip(batch[0])
    assert stripped.text == "Story number 0 about a shooting on street 0."
    assert stripped.content_hash == content_hash(stripped.text)
    assert batch[0].text.endswith(slogan)  # the original is untouched
    assert learner.strip(other) is other


# -- dates and outlets -------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "date"), [
    ("October 19th, 2020 - by Jason Ditz / & Al Jazeera", dt.date(2020, 10, 19)),
    ("(October 17, 2020) — At least 13 civilians have been killed", dt.date(2020, 10, 17)),
    ("Published: 10/17/2020", dt.date(2020, 10, 17)),
    ("Updated Oct. 5, 2016 4:32 PM", dt.date(2016, 10, 5)),
    ("Posted on Monday, 5 October 2016", dt.date(2016, 10, 5)),
    ("By Jane Doe, October 5, 2016", dt.date(2016, 10, 5)),
    ("BAKU, Oct. 17, 2020 - Rescuers searched the rubble.", dt.date(2020, 10, 17)),
])
def test_header_date_forms(line, date):
    assert header_date(["Headline words here", line, "The story."]) == date


@pytest.mark.parametrize("line", [
    "October 17 - Rescuers searched the rubble.",  # no year: never a date
    "Rescuers searched the rubble, Ganja, Azerbaijan October 17, 2020.",  # a caption, not a dateline
    "On Saturday, October 17, 2020, rescuers searched the rubble.",
])
def test_header_date_refuses(line):
    assert header_date([line]) is None


def test_first_header_date_wins_over_later_ones():
    assert header_date(["(October 18, 2020) — Late Saturday.", "(October 17, 2020) — At least 13."]) == dt.date(2020, 10, 18)


def test_inferred_date_is_the_latest_full_date_and_needs_a_year():
    warnings: list[str] = []
    paragraphs = ["The strike on October 11, 2020 killed ten.", "A second strike hit on 17 October 2020, and again on October 18."]
    assert publication_date(None, paragraphs, warnings) == (dt.date(2020, 10, 17), "inferred")
    assert publication_date(None, ["It happened on October 17 and May 5."], warnings) == (None, "unknown")
    assert warnings == []


@pytest.mark.parametrize(("url", "date"), [
    ("http://www.starnewsonline.com/news/20160719/girl-7-grazed-by-bullet-man-shot-in-leg", dt.date(2016, 7, 19)),
    ("http://krqe.com/2017/02/10/police-activity-closes-westbound-san-antonio-closes-near-i-25/", dt.date(2017, 2, 10)),
    ("http://www.khou.com:80/story/news/2015/09/21/new-details-emerge", dt.date(2015, 9, 21)),
    ("https://example.com/2016-07-19-a-slug", dt.date(2016, 7, 19)),
    ("http://www.ksla.com:80/story/31008810/boy-3-killed", None),  # a story number, not a day
    ("http://myinforms.com/en/a/19170726-5-injured-in-overnight-shootings", None),  # an id that reads as 1917
    ("http://example.com/2016/13/40/slug", None),
    ("http://www.bostonherald.com/news_opinion/local_coverage/2014/06/5_people_shot_at_birthday_party", None),
    ("http://example.com/news/2016/local/slug", None),
    (None, None),
])
def test_url_date(url, date):
    assert url_date(url) == date


def test_given_date_later_than_the_pages_own_day_is_an_update():
    """The archive's crawl dated a 2016 story 2017-01-29; its address says 2016-07-19, and a given date
    the address confirms is kept even when the header dates the night a blotter reports."""
    warnings: list[str] = []
    paragraphs = ["WILMINGTON -- A 7-year-old girl was grazed by a bullet late Monday."]
    url = "http://www.starnewsonline.com/news/20160719/girl-7-grazed-by-bullet-man-shot-in-leg"
    assert publication_date("2017-01-29", paragraphs, warnings, url) == (dt.date(2016, 7, 19), "url")
    assert warnings == ["given publication date 2017-01-29 is later than the page's address date 2016-07-19: "
                        "dated 2016-07-19"]
    header = ["Posted: Sunday, January 25, 2015 10:20 PM", "Two men were shot."]
    assert publication_date("2017-01-29", header, [], "http://kstp.com/news/stories/S3688091.shtml") == (
        dt.date(2015, 1, 25), "text")
    blotter = ["April 2, 2017 - Patrol report", "Officers answered a shooting."]
    assert publication_date("2017-04-03", blotter, [], "https://ccpdblotter.com/2017/04/03/patrol-report/") == (
        dt.date(2017, 4, 3), "given")
    assert publication_date("2017-04-03", paragraphs, [], url) == (dt.date(2016, 7, 19), "url")
    assert publication_date("2016-07-18", paragraphs, [], url) == (dt.date(2016, 7, 18), "given")  # earlier: given
    assert publication_date(None, paragraphs, [], url) == (dt.date(2016, 7, 19), "url")


@pytest.mark.parametrize(("given", "date"), [
    ("2016-02-09", dt.date(2016, 2, 9)),
    ("2016-02-09T23:10:00-05:00", dt.date(2016, 2, 9)),
    ("Feb 9, 2016", dt.date(2016, 2, 9)),
    ("9 February 2016", dt.date(2016, 2, 9)),
    ("Tue, 09 Feb 2016 10:00:00 GMT", dt.date(2016, 2, 9)),
    ("19.02.2016", dt.date(2016, 2, 19)),
    (1455012000, dt.date(2016, 2, 9)),
    (1455012000000, dt.date(2016, 2, 9)),
])
def test_given_date_forms(given, date):
    assert parse_given_date(given) == date


@pytest.mark.parametrize("given", ["yesterday", "not a date", "2016-13-45", "February 2016", True])
def test_unreadable_given_dates(given):
    assert parse_given_date(given) is None


def test_malformed_given_date_is_a_warning_and_falls_back_to_the_text():
    warnings: list[str] = []
    paragraphs = ["Published: 10/17/2020", "The story."]
    assert publication_date("32/13/2020", paragraphs, warnings) == (dt.date(2020, 10, 17), "text")
    assert warnings == ["unreadable publication date '32/13/2020': dated from the text instead"]


@pytest.mark.parametrize(("paragraph", "outlet"), [
    ("WASHINGTON (Reuters) - The United States said on Friday...", "Reuters"),
    ("DAYTON, Ohio (WDTN) – A man was shot on Friday night.", "WDTN"),
    ("(AP) — Two people were killed.", "AP"),
    ("By Jane Doe for the Guardian", "Guardian"),
    ("By Jane Doe, Reuters", "Reuters"),
    ("F.P Report", "F.P"),
    ("BAKU, (BM) – Twelve people were killed.", None),
    ("Staff Report", None),
    ("AFP said its team in Ganja had seen rows of houses turned to rubble.", None),
    ("By Jason Ditz", None),
])
def test_byline_outlet(paragraph, outlet):
    assert byline_outlet([paragraph, "The story."]) == outlet


# -- formats -----------------------------------------------------------------------------------------


def _jsonl(path: Path, *records) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_json_lines_with_field_aliases(tmp_path):
    path = _jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a1", "title": "Shooting on Main Street", "text": STORY, "published": "2016-02-09",
         "outlet": "ktla.com", "url": "http://ktla.com/a1"},
        {"_id": 7, "headline": "Second shooting", "body": STORY + " More.", "date": "Feb 10, 2016",
         "source": {"id": "cnn", "name": "CNN"}, "link": "http://cnn.com/x"},
        {"content": STORY + " Third.", "published_at": "2016-02-11T10:00:00Z", "site": "wsoctv.com"},
        {"article": STORY + " Fourth.", "pubdate": 1455271200, "domain": "wlwt.com"},
        {"Text": STORY + " Fifth.", "publish_date": "13 February 2016", "publisher": "Chicago Tribune"},
        "",
        {"text": STORY + " Sixth.", "url": "https://www.chicagotribune.com:443/news/x"},
    )
    items = read(path)
    assert not problems(items)
    got = [(a.id, a.title, a.published, a.published_source, a.outlet, a.outlet_source, a.url, a.source) for a in items]
    assert got == [
        ("a1", "Shooting on Main Street", dt.date(2016, 2, 9), "given", "ktla.com", "given", "http://ktla.com/a1", f"{path}:1"),
        ("7", "Second shooting", dt.date(2016, 2, 10), "given", "CNN", "given", "http://cnn.com/x", f"{path}:2"),
        ("feed-3", None, dt.date(2016, 2, 11), "given", "wsoctv.com", "given", None, f"{path}:3"),
        ("feed-4", None, dt.date(2016, 2, 12), "given", "wlwt.com", "given", None, f"{path}:4"),
        ("feed-5", None, dt.date(2016, 2, 13), "given", "Chicago Tribune", "given", None, f"{path}:5"),
        ("feed-7", None, None, "unknown", "chicagotribune.com", "given", "https://www.chicagotribune.com:443/news/x",
         f"{path}:7"),
    ]
    assert items[0].text == STORY


def test_json_lines_bad_lines_are_problems_and_the_rest_is_read(tmp_path):
    path = _jsonl(
        tmp_path / "feed.ndjson",
        {"id": "ok1", "text": STORY},
        '{"id": "broken", "text": "unterminated',
        {"id": "notext", "title": "Only a title"},
        {"id": "numbers", "text": 42},
        "[1, 2]",
        {"id": "ok2", "text": STORY + " Later."},
    )
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok1", "ok2"]
    found = {p.source: p.message for p in problems(items)}
    assert set(found) == {f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"}
    assert found[f"{path}:2"].startswith("invalid JSON")
    assert found[f"{path}:3"].startswith("no article text")
    assert "not a string" in found[f"{path}:4"]
    assert "not a JSON object" in found[f"{path}:5"]


def test_json_line_over_the_size_limit_is_skipped(tmp_path):
    path = _jsonl(tmp_path / "big.jsonl", {"id": "huge", "text": "word " * 5000}, {"id": "small", "text": STORY})
    items = read(path, max_chars=500)
    assert [a.id for a in articles(items)] == ["small"]
    assert only_problem(problems(items)).source == f"{path}:1"
    assert "longer than 4,000 bytes" in problems(items)[0].message


def test_json_line_text_over_max_chars_is_truncated_with_a_warning(tmp_path):
    path = _jsonl(tmp_path / "long.jsonl", {"id": "long", "text": "Police said a man was shot.\n" * 30})
    article = only_article(read(path, max_chars=300))
    assert len(article.text) <= 300
    assert any(w.startswith("truncated") and "300" in w for w in article.warnings)


def test_json_document_with_a_list_of_articles(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([{"headline": "One", "body": STORY}, {"title": "Two"}]), encoding="utf-8")
    items = read(path)
    assert [(a.id, a.title, a.source) for a in articles(items)] == [("dump-0", "One", f"{path}[0]")]
    assert only_problem(problems(items)).source == f"{path}[1]"


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Storm floods the lower valley | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette">
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article>
<p>Heavy rain flooded the lower valley on Tuesday, forcing two hundred residents from their homes, officials said.</p>
<p>The river rose three metres overnight and broke through a levee near the old mill, according to the county emergency office.</p>
<p>Rescue crews used boats to reach families trapped on rooftops. No deaths were reported.</p>
<p>Follow us on Twitter for more updates.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>This is a terrible article, the mayor should resign immediately!!!</p></div>
</section></main>
<footer>Copyright 2021 Valley Gazette</footer>
</body></html>"""


def test_html_page_text_and_metadata(tmp_path):
    path = tmp_path / "storm-floods.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = only_article(read(path))
    assert article.id == "storm-floods"
    assert article.title == "Storm floods the lower valley"
    assert (article.outlet, article.outlet_source) == ("Valley Gazette", "given")
    assert (article.published, article.published_source) == (dt.date(2021, 3, 4), "given")
    assert article.text == (
        "Heavy rain flooded the lower valley on Tuesday, forcing two hundred residents from their homes, officials said.\n\n"
        "The river rose three metres overnight and broke through a levee near the old mill, according to the county "
        "emergency office.\n\n"
        "Rescue crews used boats to reach families trapped on rooftops. No deaths were reported."
    )
    assert "mayor should resign" not in article.text and "Home" not in article.text


def test_json_line_holding_a_whole_page(tmp_path):
    path = _jsonl(
        tmp_path / "pages.jsonl",
        {"id": "p1", "text": HTML_PAGE},
        {"id": "p2", "title": "Given title", "text": HTML_PAGE, "url": "https://www.example.org/storm"},
        {"id": "p3", "text": HTML_PAGE.replace('<meta property="og:site_name" content="Valley Gazette">', ""),
         "url": "https://www.example.org/storm"},
    )
    p1, p2, p3 = read(path)
    assert (p1.title, p1.outlet, p1.published) == ("Storm floods the lower valley", "Valley Gazette", dt.date(2021, 3, 4))
    assert p1.text.startswith("Heavy rain flooded") and "mayor should resign" not in p1.text
    assert (p2.title, p2.outlet, p2.url) == ("Given title", "Valley Gazette", "https://www.example.org/storm")
    assert (p3.outlet, p3.outlet_source) == ("example.org", "given")


def test_unknown_extensions_are_sniffed(tmp_path):
    (tmp_path / "page.dat").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "story.dat").write_text("Two men shot on Main Street\n\n" + STORY, encoding="utf-8")
    page, story = read(tmp_path)
    assert page.title == "Storm floods the lower valley" and page.outlet == "Valley Gazette"
    assert story.title == "Two men shot on Main Street" and story.text == STORY


def test_plain_text_title_skips_boilerplate_above_it(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Advertisement\n\nTwo men shot on Main Street\n\n" + STORY + "\n\nAdvertisement\n", encoding="utf-8")
    article = only_article(read(path))
    assert (article.title, article.text) == ("Two men shot on Main Street", STORY)


def test_gzip_of_text_and_of_json_lines(tmp_path):
    with gzip.open(tmp_path / "story.txt.gz", "wt", encoding="utf-8") as f:
        f.write("Two men shot on Main Street\n\n" + STORY)
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "j1", "text": STORY + " One."}) + "\n" + json.dumps({"text": STORY + " Two."}) + "\n")
    items = read(tmp_path / "story.txt.gz", tmp_path / "feed.jsonl.gz")
    assert not problems(items)
    assert [(a.id, a.source) for a in items] == [
        ("story", str(tmp_path / "story.txt.gz")),
        ("j1", f"{tmp_path / 'feed.jsonl.gz'}:1"),
        ("feed-2", f"{tmp_path / 'feed.jsonl.gz'}:2"),
    ]
    assert items[0].title == "Two men shot on Main Street"


def test_zip_members_are_files(tmp_path):
    path = tmp_path / "pile.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("z-last.txt", "Last story\n\n" + STORY + " Last.")
        archive.writestr("news/page.html", HTML_PAGE)
        archive.writestr("news/feed.jsonl", json.dumps({"id": "j1", "text": STORY + " Feed."}) + "\n")
        archive.writestr("news/", "")
        archive.writestr("__MACOSX/news/._page.html", "\x00\x05\x16\x07")
        archive.writestr("news/.DS_Store", "\x00\x00\x00\x01Bud1")
    items = read(path)
    assert not problems(items)
    assert [(a.id, a.source) for a in items] == [
        ("j1", f"{path}:news/feed.jsonl:1"),
        ("page", f"{path}:news/page.html"),
        ("z-last", f"{path}:z-last.txt"),
    ]
    assert items[1].title == "Storm floods the lower valley"


# -- bad inputs --------------------------------------------------------------------------------------


def test_missing_path(tmp_path):
    problem = only_problem(read(tmp_path / "nowhere.txt"))
    assert problem.source == str(tmp_path / "nowhere.txt")
    assert problem.message == "no such file or folder"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    problem = only_problem(read(path))
    assert (problem.source, problem.message) == (str(path), "empty file")


def test_empty_json_lines_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert only_problem(read(path)).message == "empty file"


@pytest.mark.parametrize("name", ["photo.txt", "photo.png", "photo.jsonl"])
def test_binary_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    problem = only_problem(read(path))
    assert problem.source == str(path)
    assert problem.message.startswith("binary file")


def test_control_byte_soup_is_binary_too(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 200)
    assert only_problem(read(path)).message.startswith("binary file")


def test_latin1_file_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owner shot in Montréal\n\nPolice said José Núñez, the café’s owner, was shot twice.".encode("cp1252"))
    article = only_article(read(path))
    assert article.title == "Café owner shot in Montréal"
    assert article.text == "Police said José Núñez, the café’s owner, was shot twice."
    assert article.warnings == ["not UTF-8: decoded as cp1252"]


def test_utf16_with_byte_order_mark(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(("Two men shot on Main Street\n\n" + STORY).encode("utf-16"))
    article = only_article(read(path))
    assert (article.title, article.text) == ("Two men shot on Main Street", STORY)
    assert article.warnings == ["decoded as UTF-16 (byte order mark)"]


def test_broken_utf8_keeps_the_good_characters(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Armenia’s missiles hit Ganja\n\nThe café’s owner said: ".encode("utf-8") + "“no”".encode("cp1252")
                     + " — nobody was hurt.".encode("utf-8"))
    article = only_article(read(path))
    assert article.title == "Armenia’s missiles hit Ganja"
    assert article.text == "The café’s owner said: “no” — nobody was hurt."
    assert article.warnings == ["broken UTF-8: invalid bytes decoded as cp1252"]


def test_cyrillic_legacy_encoding_is_detected_and_flagged_non_english(tmp_path):
    path = tmp_path / "ganja-ru.txt"
    path.write_bytes(("Ракетный удар по Гяндже\n\n" + RUSSIAN).encode("cp1251"))
    article = only_article(read(path))
    assert article.title == "Ракетный удар по Гяндже"
    assert article.text == RUSSIAN
    assert article.language == "ru" and not article.is_english
    assert article.warnings == ["not UTF-8: decoded as cp1251", "non-English (ru): not extracted"]


def test_non_english_article_is_kept_and_flagged(tmp_path):
    path = _jsonl(tmp_path / "fr.jsonl", {"id": "lyon", "title": "Incendie à Lyon", "text": FRENCH})
    article = only_article(read(path))
    assert article.language == "fr" and not article.is_english
    assert article.text == FRENCH
    assert article.warnings == ["non-English (fr): not extracted"]


def test_malformed_given_date_on_an_article(tmp_path):
    path = _jsonl(tmp_path / "d.jsonl", {"id": "d", "text": "(October 17, 2020) — " + STORY, "published": "soon-ish"})
    article = only_article(read(path))
    assert (article.published, article.published_source) == (dt.date(2020, 10, 17), "text")
    assert article.warnings == ["unreadable publication date 'soon-ish': dated from the text instead"]


def test_huge_text_file_is_truncated_not_loaded_whole(tmp_path):
    path = tmp_path / "huge.txt"
    line = "Police said the shooting on Main Street happened at night and two men were hurt. "
    with path.open("w", encoding="utf-8") as f:
        f.write("A very long report\n\n")
        for n in range(50 * 1024 * 1024 // 100):
            f.write(f"{line}Report number {n}.\n")
    assert path.stat().st_size > 50 * 1024 * 1024
    started = time.perf_counter()
    article = only_article(read(path))
    assert time.perf_counter() - started < 60
    assert article.title == "A very long report"
    assert 1_000_000 < len(article.text) <= 2_000_000
    assert article.warnings == ["truncated: the body is longer than the maximum of 2,000,000 characters"]


def test_json_lines_are_streamed(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for n in range(100_000):
            f.write(json.dumps({"id": f"a{n}", "text": f"Story {n}: " + "police said a man was shot. " * 8}) + "\n")
    next(read_articles([SAMPLE / "000_413ae594904072b5.txt"]))  # load the language model first
    tracemalloc.start()
    try:
        stream = read_articles([path])
        first_three = [next(stream).id for _ in range(3)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first_three == ["a0", "a1", "a2"]
    assert path.stat().st_size > 25_000_000
    assert peak < 5_000_000


def test_corrupt_gzip(tmp_path):
    good = gzip.compress(("Two men shot\n\n" + STORY * 20).encode("utf-8"))
    (tmp_path / "cut.txt.gz").write_bytes(good[: len(good) // 2])
    (tmp_path / "fake.txt.gz").write_bytes(b"this was never gzipped")
    feed = gzip.compress(b"".join(json.dumps({"id": f"x{n}", "text": f"{STORY} {n}"}).encode() + b"\n" for n in range(500)))
    (tmp_path / "cut.jsonl.gz").write_bytes(feed[: len(feed) // 2])
    items = read(tmp_path / "cut.txt.gz", tmp_path / "fake.txt.gz", tmp_path / "cut.jsonl.gz")
    corrupt = [p for p in problems(items) if p.message.startswith("corrupt or truncated compressed data")]
    assert [p.source for p in corrupt] == [str(tmp_path / n) for n in ("cut.txt.gz", "fake.txt.gz", "cut.jsonl.gz")]
    assert items[-1] == corrupt[-1]
    assert len(articles(items)) > 10  # the lines before the damage are read


def test_zip_with_a_bad_member(tmp_path):
    path = tmp_path / "pile.zip"
    secret = b"SECRET STORY " + STORY.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("bad.txt", secret)
        archive.writestr("good.txt", "Good story\n\n" + STORY)
        archive.writestr("image.txt", b"\x00\x01\x02\x03" * 100)
    data = path.read_bytes()
    path.write_bytes(data.replace(b"SECRET", b"XXXXXX", 1))  # the member no longer matches its CRC
    items = read(path)
    assert [a.id for a in articles(items)] == ["good"]
    found = {p.source: p.message for p in problems(items)}
    assert found[f"{path}:bad.txt"].startswith("corrupt zip data")
    assert found[f"{path}:image.txt"].startswith("binary file")


def test_file_that_is_not_a_zip(tmp_path):
    path = tmp_path / "fake.zip"
    path.write_text("no archive here", encoding="utf-8")
    problem = only_problem(read(path))
    assert (problem.source, problem.message) == (str(path), "not a valid zip archive")


def test_only_boilerplate_is_a_problem(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text("Sign up for our newsletter and have the top headlines delivered.\nAdvertisement\n", encoding="utf-8")
    assert only_problem(read(path)).message == "no article text left once boilerplate is removed"


def test_a_page_of_boilerplate_keeps_the_headline_that_tells_what_happened(tmp_path):
    import json

    path = tmp_path / "paywall.jsonl"
    lines = [{"id": "woonsocket", "title": "Suspect in Woonsocket shooting surrenders to police",
              "outlet": "providencejournal.com", "text": "Sign up for our newsletter and have the top headlines from your community delivered right to your inbox."},
             {"id": "short", "title": "Breaking news", "text": "Sign up for our newsletter and have the top headlines delivered."}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    items = read(path)
    (article,) = articles(items)
    assert article.text == article.title == "Suspect in Woonsocket shooting surrenders to police"
    assert "the headline alone is kept" in " ".join(article.warnings)
    # a headline of a word or two tells nothing: the page is still a problem
    assert [p.message for p in problems(items)] == ["no article text left once boilerplate is removed"]


def test_a_bad_input_does_not_stop_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text("First\n\n" + STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Third\n\n" + STORY + " Yes.", encoding="utf-8")
    items = read(tmp_path, tmp_path / "missing")
    assert [type(i).__name__ for i in items] == ["Article", "IngestProblem", "Article", "IngestProblem"]


def test_strict_raises_at_the_first_problem(tmp_path):
    (tmp_path / "a.txt").write_text("First\n\n" + STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    stream = read_articles([tmp_path], strict=True)
    assert next(stream).id == "a"
    with pytest.raises(IngestError) as raised:
        next(stream)
    assert raised.value.problem == IngestProblem(source=str(tmp_path / "b.txt"), message="empty file")
    assert str(raised.value) == f"{tmp_path / 'b.txt'}: empty file"


def test_a_single_path_string_is_one_path(tmp_path):
    (tmp_path / "a.txt").write_text("First\n\n" + STORY, encoding="utf-8")
    assert [a.id for a in read_articles(str(tmp_path / "a.txt"))] == ["a"]
