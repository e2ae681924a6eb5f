"""Reading ambiguous place names in the region an outlet reports from (geo.outlets)."""

from __future__ import annotations

import datetime as dt

import pytest

from rashomon.geo import get_gazetteer, outlet_regions, reread_by_outlet
from rashomon.model import Article, Evidence, Mention


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _article(aid: str, outlet: str, text: str) -> Article:
    return Article(id=aid, title=None, text=text, outlet=outlet, published=dt.date(2014, 1, 31), content_hash=aid)


def _mention(aid: str, place) -> Mention:
    quote = "the sentence"
    return Mention(id=f"{aid}#0", article_id=aid, kind="shooting", place=place,
                   place_evidence=Evidence(article_id=aid, start=0, end=len(quote), quote=quote))


def _home_stories(gaz, outlet: str, city: str, abbr: str, state: str, prefix: str = "a", n: int = 3):
    """``n`` stories of ``outlet`` that its home settles: a dateline ("GREENVILLE, N.C. -") and the state
    written out; as (articles by id, mentions)."""
    home = gaz.resolve(f"{city}, {abbr}")
    articles = {f"{prefix}{i}": _article(f"{prefix}{i}", outlet, f"{city.upper()}, {abbr} - Story {i} in {city}, {state}.")
                for i in range(n)}
    return articles, [_mention(aid, home) for aid in articles]


def _add_story(articles: dict, mentions: list, aid: str, outlet: str, text: str, place) -> None:
    articles[aid] = _article(aid, outlet, text)
    mentions.append(_mention(aid, place))


def _corpus(gaz, anchored: int):
    """An outlet with ``anchored`` articles that name North Carolina, and one that names only
    "Greene County" (which the gazetteer reads in Missouri when nothing else is known)."""
    articles, mentions = _home_stories(gaz, "wnct.com", "Greenville", "N.C.", "North Carolina", n=anchored)
    _add_story(articles, mentions, "b", "wnct.com", "The Greene County Sheriff's Office is charging the father.",
               gaz.resolve("Greene County"))
    _add_story(articles, mentions, "c", "other.com", "The Greene County Sheriff's Office said.", gaz.resolve("Greene County"))
    return articles, mentions


def test_ambiguous_county_is_read_in_the_outlets_state(gaz):
    articles, mentions = _corpus(gaz, anchored=3)
    assert mentions[-2].place.admin1 == "Missouri"  # what the article alone gives
    assert outlet_regions(articles, mentions, gaz) == {"wnct.com": ("US", "North Carolina")}
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["b"].place.admin1 == "North Carolina" and reread["b"].place.name == "Greene County"
    assert reread["b"].place_evidence == mentions[-2].place_evidence  # the evidence stays the sentence
    assert reread["c"].place.admin1 == "Missouri"  # an outlet with no profile is left alone
    assert all(reread[f"a{i}"].place == mentions[i].place for i in range(3))


def test_too_few_anchored_articles_make_no_profile_but_place_namesakes_near_them(gaz):
    """Two stories settled in Greenville, N.C. make no state profile; the Greene County next to it is still
    the one a third story of that outlet means, not Missouri's. An outlet with no settled story is left alone,
    and so is a name no namesake of which lies near the outlet's stories."""
    articles, mentions = _corpus(gaz, anchored=2)
    assert outlet_regions(articles, mentions, gaz) == {}
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert (reread["b"].place.name, reread["b"].place.admin1) == ("Greene County", "North Carolina")
    assert reread["c"].place == mentions[-1].place
    _add_story(articles, mentions, "d", "wnct.com", "A man was shot in Springfield.", gaz.resolve("Springfield"))
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["d"].place == mentions[-1].place


def test_a_name_is_read_at_its_namesake_near_an_outlet_with_no_profile(gaz):
    """GVA dev: a Philadelphia station's "Police in Wilmington are investigating" is Wilmington, Delaware,
    45 km away, not the larger Wilmington of North Carolina. A Trenton paper's "Northeast Washington" is
    the Washington of New Jersey near it, but not when the story writes "Washington D.C."."""
    articles, mentions = _home_stories(gaz, "6abc.com", "Philadelphia", "Pa.", "Pennsylvania", n=2)
    _add_story(articles, mentions, "w", "6abc.com", "Police in Wilmington are investigating a shooting.",
               gaz.resolve("Wilmington"))
    assert mentions[2].place.admin1 == "North Carolina"
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert (reread["w"].place.name, reread["w"].place.admin1) == ("Wilmington", "Delaware")
    for text, state in (("A shooting in Northeast Washington on Wednesday.", "New Jersey"),
                        ("A shooting in Northeast Washington D.C. on Wednesday.", "District of Columbia")):
        articles, mentions = _home_stories(gaz, "trentonian.com", "Trenton", "N.J.", "New Jersey", n=2)
        _add_story(articles, mentions, "dc", "trentonian.com", text, gaz.resolve("Washington"))
        reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
        assert (reread["dc"].place.name, reread["dc"].place.admin1) == ("Washington", state)


def test_a_place_the_article_ties_to_its_state_is_kept(gaz):
    articles, mentions = _corpus(gaz, anchored=3)
    articles["b"] = _article("b", "wnct.com", "The Greene County Sheriff's Office in Springfield, Missouri, said.")
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["b"].place.admin1 == "Missouri"


def test_a_name_is_read_where_same_day_reports_settle_it(gaz):
    # "Jacksonville" alone is read in Florida; two reports of the same day name Jacksonville, N.C.
    nc = gaz.resolve("Jacksonville, N.C.")
    alone = gaz.resolve("Jacksonville")
    assert (alone.admin1, nc.admin1) == ("Florida", "North Carolina")
    day = dt.date(2014, 10, 14)
    articles = {
        "a": _article("a", "wnct.com", "JACKSONVILLE, N.C. - A boy was shot in Jacksonville, North Carolina."),
        "b": _article("b", "witn.com", "A boy was shot in Jacksonville, N.C., police said."),
        "c": _article("c", "wcti12.com", "Jacksonville police said a boy was shot."),
        "d": _article("d", "wjxt.com", "Jacksonville police said a man was shot."),
    }
    mentions = [_mention("a", nc), _mention("b", nc), _mention("c", alone), _mention("d", alone)]
    for m, date in zip(mentions, (day, day, day + dt.timedelta(days=1), day + dt.timedelta(days=9))):
        m.date = date
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["c"].place.admin1 == "North Carolina"  # a day later: the same name settled
    assert reread["d"].place.admin1 == "Florida"  # nine days later: nothing settles it
    # reports that disagree settle nothing
    articles["e"] = _article("e", "wjxt.com", "A man was shot in Jacksonville, Florida.")
    mentions.append(_mention("e", gaz.resolve("Jacksonville, Fla.")))
    mentions[-1].date = day
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["c"].place.admin1 == "Florida"


def test_a_town_read_with_its_county_settles_the_name_for_other_reports(gaz):
    # "JACKSONVILLE, ONSLOW COUNTY -" ties the town to North Carolina as its state's name would
    day = dt.date(2014, 10, 14)
    onslow = gaz.resolve("Jacksonville, N.C.")
    assert onslow.admin2 == "Onslow County"
    articles = {"a": _article("a", "wcti12.com", "JACKSONVILLE, ONSLOW COUNTY - Police say a Jacksonville man is charged."),
                "c": _article("c", "witn.com", "Jacksonville police arrested the father.")}
    mentions = [_mention("a", onslow), _mention("c", gaz.resolve("Jacksonville"))]
    for m in mentions:
        m.date = day
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["c"].place.admin1 == "North Carolina"
    # a county of another name settles nothing
    articles["a"] = _article("a", "wcti12.com", "JACKSONVILLE - Police in Craven County say a Jacksonville man is charged.")
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["c"].place.admin1 == "Florida"


def test_a_town_settles_its_county_for_same_day_reports(gaz):
    # "Palestine, Texas" is in Anderson County; that day's "Anderson County deputies" are of Texas
    day = dt.date(2015, 11, 15)
    palestine = gaz.resolve("Palestine, Texas")
    county = gaz.resolve("Anderson County")
    assert palestine.admin2 == "Anderson County" and county.admin1 != "Texas"
    articles = {"a": _article("a", "kltv.com", "PALESTINE, Texas - Six people were killed in Palestine, Texas."),
                "b": _article("b", "wate.com", "Anderson County deputies found six people dead.")}
    mentions = [_mention("a", palestine), _mention("b", county)]
    for m in mentions:
        m.date = day
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert (reread["b"].place.name, reread["b"].place.admin1) == ("Anderson County", "Texas")


def test_same_day_reports_settle_a_name_before_the_outlets_state(gaz):
    # a Cincinnati station reports from Ohio; that day's other report places Highland Heights in
    # Kentucky (Campbell County), across the river
    articles, mentions = _home_stories(gaz, "fox19.com", "Cincinnati", "Ohio", "Ohio")
    kentucky = gaz.resolve("Highland Heights, Ky.")
    ohio = gaz.resolve("Highland Heights, Ohio")
    assert (kentucky.admin2, ohio.admin1) == ("Campbell County", "Ohio")
    articles["k"] = _article("k", "cincinnati.com", "A girl was shot in Highland Heights, Campbell County police said.")
    articles["f"] = _article("f", "fox19.com", "Highland Heights Police said on Tuesday that the child was shot.")
    mentions += [_mention("k", kentucky), _mention("f", ohio)]
    mentions[-1].date = mentions[-2].date = dt.date(2015, 3, 23)
    assert outlet_regions(articles, mentions, gaz)["fox19.com"] == ("US", "Ohio")
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["f"].place.admin1 == "Kentucky"


def test_same_day_reports_settle_a_name_only_one_state_has_a_sizeable_town_of(gaz):
    # "Campbellsburg" alone is Kentucky's (the only one of 1,000 people); the Washington County, Ind.
    # sheriff's post of that day names Campbellsburg, Indiana, and WBIW's "(CAMPBELLSBURG)" is that one
    indiana = gaz.resolve("Campbellsburg, Indiana")
    alone = gaz.resolve("Campbellsburg")
    assert (alone.admin1, indiana.admin1) == ("Kentucky", "Indiana")
    articles = {"f": _article("f", "facebook.com", "Deputies responded to 6902 North Star Road, Campbellsburg, Indiana "
                                                   "and discovered a 12 year old male."),
                "w": _article("w", "wbiw.com", "(CAMPBELLSBURG) - Washington County police were called to a home "
                                               "in Campbellsburg after a report of an accidental shooting on Tuesday.")}
    mentions = [_mention("f", indiana), _mention("w", alone)]
    for m in mentions:
        m.date = dt.date(2016, 12, 27)
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert (reread["w"].place.name, reread["w"].place.admin1) == ("Campbellsburg", "Indiana")
    mentions[0].date = dt.date(2016, 12, 20)  # a week apart: nothing settles it
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["w"].place.admin1 == "Kentucky"


def test_a_name_the_gazetteer_lacks_in_the_outlets_state_is_read_at_the_state(gaz):
    # a Miami station's "Liberty City" is Miami's neighbourhood, which the gazetteer lacks, not Liberty
    # City, Texas; "Portland" is known beyond its state and stays in Oregon
    articles, mentions = _home_stories(gaz, "miami.cbslocal.com", "Miami", "Fla.", "Florida")
    for aid, name in (("l", "Liberty City"), ("p", "Portland")):
        articles[aid] = _article(aid, "miami.cbslocal.com", f"A man was shot in {name} on Sunday.")
        mentions.append(_mention(aid, gaz.resolve(name)))
    assert mentions[-2].place.admin1 == "Texas"  # what the article alone gives
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    liberty_city = reread["l"].place
    assert (liberty_city.name, liberty_city.admin1, liberty_city.country, liberty_city.precision) == \
        ("Liberty City", "Florida", "US", 4)
    assert liberty_city.geonameid is None and liberty_city.latitude is not None
    assert reread["p"].place == mentions[-1].place


def test_a_story_that_names_no_place_is_read_in_its_outlets_state(tmp_path):
    """Three stories of a Greenville, N.C. station name their state (three towns of it); two of the same
    day name no place at all. Those two are placed in North Carolina, at the state (UCDP where_prec 4),
    and stay two incidents: sharing a state is no reason to join."""
    import json

    from rashomon.config import Settings
    from rashomon.pipeline import Rashomon

    lines = [{"id": f"a{i}", "outlet": "wnct.com", "published": f"2014-01-{20 + i}", "title": f"Shooting {i}",
              "text": f"{town.upper()}, N.C. - A man was shot in the leg on {day} night in {town}, North Carolina, "
                      f"police said. The victim, {name}, was taken to Vidant Medical Center."}
             for i, (day, name, town) in enumerate([("Sunday", "John Smith", "Greenville"), ("Monday", "Carl Jones", "Kinston"),
                                                    ("Tuesday", "Dan Brown", "New Bern")])]
    lines += [{"id": "b1", "outlet": "wnct.com", "published": "2014-01-28", "title": "Teen wounded",
               "text": "A teenager was shot in the arm on Monday night, deputies said. He is expected to recover."},
              {"id": "b2", "outlet": "wnct.com", "published": "2014-01-28", "title": "Woman hurt",
               "text": "A woman was shot in the hand on Monday night, officers said. Her injuries are not serious."}]
    path = tmp_path / "wnct.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Rashomon(tmp_path / "db.sqlite", Settings(default_country="US")) as app:
        app.ingest([path])
        main_of = {a.id: inc for inc in app.incidents() for a in inc.articles if a.role == "main"}
    assert main_of["a0"].place.name == "Greenville"
    for aid in ("b1", "b2"):
        place = main_of[aid].place
        assert (place.name, place.feature, place.precision) == ("North Carolina", "admin1", 4)
    assert main_of["b1"].id != main_of["b2"].id


def test_a_story_that_names_no_place_is_read_at_the_city_its_outlet_is_named_for(gaz):
    """A paper named for its city ("charlotteobserver.com") whose stories settle its state: a story of
    no place is of that city's area (UCDP where_prec 2). So is one of a station whose anchored stories
    are mostly in one town (wsoctv.com: Charlotte three times, Concord once); a station whose stories
    spread over its state (Greenville, Kinston, Charlotte) keeps the state."""
    from rashomon.geo.outlets import OutletReader

    reader = OutletReader(gaz)
    stories = {"charlotteobserver.com": ["Charlotte"] * 3, "wsoctv.com": ["Charlotte"] * 3 + ["Concord"],
               "wnct.com": ["Greenville", "Kinston", "Charlotte"]}
    for outlet, towns in stories.items():
        for i, town in enumerate(towns):
            aid = f"{outlet}-{i}"
            reader.add(_article(aid, outlet, f"{town.upper()}, N.C. - A story in {town}, North Carolina."),
                       _mention(aid, gaz.resolve(f"{town}, N.C.")))
        placeless = f"{outlet}-none"
        reader.add(_article(placeless, outlet, "A man was shot on Monday night."), _mention(placeless, None))
    homes = reader.home_regions()
    assert sorted((p.name, p.feature, p.precision) for p in homes.values()) == [
        ("Charlotte", "city", 2), ("Charlotte", "city", 2), ("North Carolina", "admin1", 4)]


def test_an_outlet_named_for_its_city_reports_from_its_state(gaz):
    """Too few anchored articles to learn a region from, but the domain names the city; an outlet whose
    articles settle another state keeps that one."""
    from rashomon.geo.outlets import OutletReader

    greene = gaz.resolve("Greene County")  # Missouri's, when nothing else is known
    reader = OutletReader(gaz)
    for aid, outlet in (("b", "charlotteobserver.com"), ("c", "charlotteobserver.com")):
        reader.add(_article(aid, outlet, "The Greene County Sheriff's Office said."), _mention(aid, greene))
    assert reader.regions() == {"charlotteobserver.com": ("US", "North Carolina")}
    assert {p.admin1 for p in reader.places().values()} == {"North Carolina"}
    for i in range(2):
        reader.add(_article(f"s{i}", "charlotteobserver.com", "MIAMI, Fla. - A story in Miami, Florida."),
                   _mention(f"s{i}", gaz.resolve("Miami, Fla.")))
    assert reader.regions() == {}  # two Florida stories to none in North Carolina


def test_a_small_town_far_from_the_outlets_home_is_one_of_its_state(gaz):
    """A Shreveport station's story that names "West Stockbridge" (a town the gazetteer has only in
    Massachusetts, 2,000 km away) is of a place in Louisiana the gazetteer lacks; a town near home
    across the state line (Southaven, Miss. for a Memphis paper) is where it is."""
    articles, mentions = _home_stories(gaz, "ksla.com", "Shreveport", "La.", "Louisiana")
    articles["far"] = _article("far", "ksla.com", "An officer shot himself at the West Stockbridge range.")
    mentions.append(_mention("far", gaz.resolve("West Stockbridge")))
    articles["near"] = _article("near", "ksla.com", "A man was shot in Bossier City.")
    mentions.append(_mention("near", gaz.resolve("Bossier City")))
    memphis_articles, memphis_mentions = _home_stories(gaz, "fox13memphis.com", "Memphis", "Tenn.", "Tennessee", "m")
    articles.update(memphis_articles)
    mentions += memphis_mentions
    articles["across"] = _article("across", "fox13memphis.com", "A teen was shot in Southaven.")
    mentions.append(_mention("across", gaz.resolve("Southaven")))
    assert mentions[3].place.admin1 == "Massachusetts" and mentions[-1].place.admin1 == "Mississippi"
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    far = reread["far"].place
    assert (far.name, far.admin1, far.precision) == ("West Stockbridge", "Louisiana", 4)
    assert reread["near"].place == mentions[4].place  # in the outlet's own state
    assert reread["across"].place.admin1 == "Mississippi"  # 15 km from Memphis


def test_a_city_across_the_state_line_from_the_outlets_home_keeps_its_state(gaz):
    """A New York station's "Newark" is the New Jersey city 15 km from Manhattan, not the namesake
    upstate; a "Springfield" far from home is still read in the outlet's state."""
    articles, mentions = _home_stories(gaz, "abc7ny.com", "New York City", "N.Y.", "New York")
    articles["newark"] = _article("newark", "abc7ny.com", "Two people have been shot, one fatally, in Newark.")
    mentions.append(_mention("newark", gaz.resolve("Newark")))
    assert mentions[-1].place.admin1 == "New Jersey"
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["newark"].place.admin1 == "New Jersey"
    # far from home, the same name is still read in the outlet's state
    articles["far"] = _article("far", "abc7ny.com", "A man was shot in Springfield.")
    mentions.append(_mention("far", gaz.resolve("Springfield")))
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert mentions[-1].place.admin1 != "New York" and reread["far"].place.admin1 == "New York"


def test_a_foreign_namesake_in_a_corpus_of_one_countrys_news_is_read_in_that_country(gaz):
    """In a corpus of US news, a story of an outlet with no known home that says "York" and names
    neither Ontario nor Canada is of York, Pa. (the gazetteer's first "York" is the larger Ontario
    municipality); one that names Canada keeps it, and so does a corpus too small to say it is of
    one country's news."""
    def corpus(n: int):
        articles, mentions = _home_stories(gaz, "wnct.com", "Greenville", "N.C.", "North Carolina", n=n)
        _add_story(articles, mentions, "york", "ydr.com", "A 10-year-old was shot inside his York home Saturday.",
                   gaz.resolve("York"))
        _add_story(articles, mentions, "canada", "ydr.com", "A man was shot in York, north of Toronto, Canada.",
                   gaz.resolve("York"))
        return articles, mentions

    articles, mentions = corpus(60)
    assert mentions[-1].place.country == "CA"  # what the article alone gives
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    york = reread["york"].place
    assert (york.name, york.admin1, york.feature) == ("York", "Pennsylvania", "city")
    assert reread["canada"].place.country == "CA"
    articles, mentions = corpus(10)
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    assert reread["york"].place.country == "CA"


def test_a_big_city_abroad_in_a_local_story_is_a_place_of_the_outlets_state(gaz):
    """A Nashville station's "Teen found shot to death in Bordeaux" is the Bordeaux neighbourhood of
    Nashville (which the gazetteer lacks), not the French city; a story that names France keeps it,
    and a big city of the outlet's own country stays where it is ("Portland" in a Seattle paper)."""
    articles, mentions = _home_stories(gaz, "wsmv.com", "Nashville", "Tenn.", "Tennessee", n=6)
    bordeaux = gaz.resolve("Bordeaux")
    _add_story(articles, mentions, "hood", "wsmv.com", "Police: Teen found shot to death in Bordeaux.", bordeaux)
    _add_story(articles, mentions, "abroad", "wsmv.com", "A Nashville student was shot in Bordeaux, France.", bordeaux)
    _add_story(articles, mentions, "home", "wsmv.com", "A man was shot in Atlanta.", gaz.resolve("Atlanta"))
    assert mentions[6].place.country == "FR"
    reread = {m.article_id: m for m in reread_by_outlet(articles, mentions, gaz)}
    hood = reread["hood"].place
    assert (hood.name, hood.country, hood.admin1, hood.precision) == ("Bordeaux", "US", "Tennessee", 4)
    assert reread["abroad"].place.country == "FR"
    assert reread["home"].place.admin1 == "Georgia"
