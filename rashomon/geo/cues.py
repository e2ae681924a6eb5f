"""The words around a name that tell a place from a person, a street or a longer name.

Kept apart from the finder's logic so the vocabularies can be read (and
extended) at a glance. All are lowercase; a trailing dot is ignored.
"""

from __future__ import annotations

from functools import lru_cache

from rashomon.geo.index import DATA_DIR

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS_AND_DAYS = WEEKDAYS | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "christmas", "easter",
}
# US cities that AP style lets stand alone in a dateline or a story, with no state after them.
# Any other US city outside the states an article names is written with its state ("Raleigh,
# N.C."), so an unqualified "Raleigh" in a Memphis story is a Memphis neighbourhood, not the city.
AP_STANDALONE_US_CITIES = {
    "atlanta", "baltimore", "boston", "chicago", "cincinnati", "cleveland", "dallas", "denver", "detroit",
    "honolulu", "houston", "indianapolis", "las vegas", "los angeles", "miami", "milwaukee", "minneapolis",
    "new orleans", "new york", "new york city", "oklahoma city", "philadelphia", "phoenix", "pittsburgh",
    "st. louis", "saint louis", "salt lake city", "san antonio", "san diego", "san francisco", "seattle",
    "washington",
}
# Before "of", or just before the name, these say a place follows ("city of Ganja", "city, Ganja").
PLACE_NOUNS = {
    "city", "town", "village", "capital", "settlement", "hamlet", "suburb", "suburbs", "municipality", "district",
    "region", "province", "state", "county", "outskirts", "port", "island", "borough", "township", "neighborhood",
    "neighbourhood", "resident", "residents", "native", "mayor", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "centre", "center", "heart", "streets", "republic", "areas", "area",
    "section", "part", "parts",
}
# Right after the name ("Ganja city", "Fuzuli district").
PLACE_NOUNS_AFTER = {"city", "town", "village", "district", "region", "province", "oblast", "rayon", "county"}
# After a town's name, a person it is home to: "Lingle man kills ...", "13-year-old Pollok boy injured".
# Not "family" or "couple": "the Anderson family" are people named Anderson.
RESIDENT_NOUNS_AFTER = {"man", "men", "woman", "women", "boy", "boys", "girl", "girls", "teen", "teens", "teenager",
                        "teenagers", "resident", "residents", "native", "toddler", "toddlers", "student", "students",
                        "youth", "kid", "kids", "child", "children", "baby", "infant", "mother", "father", "mom",
                        "dad", "officer", "deputy"}
# Before the name: a place is likely, not certain ("in X", "near X", "which Armenians call X").
# The locative words that still say "place" when the article names no country ("in Ridgeville");
# "at Castillo", "toward Lawson" are as often people.
STRONG_LOCATIVE_WORDS = {"in", "near", "outside", "inside", "throughout", "within", "across", "around"}
LOCATIVE_WORDS = {
    "in", "near", "outside", "around", "across", "into", "toward", "towards", "throughout", "within", "from",
    "through", "inside", "at", "to", "between", "nearby", "call", "called", "named",
}
# An adjective between a locative word and the name ("in central Ganja").
LOCATIVE_ADJECTIVES = {
    "central", "northern", "southern", "eastern", "western", "downtown", "suburban", "rural", "nearby",
    "neighbouring", "neighboring", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "occupied", "besieged",
}
# Capitalised words that may stand just before a place name in one run ("Downtown Dayton"),
# and that are no place on their own ("the South Side", "West 92nd").
COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
LOCALITY_PREFIXES = {
    "downtown", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater", "old", "metro", "rural",
}
# Words before a state's name that make it the state, not its namesake city ("upstate New York",
# "central Washington").
STATE_PARTS = {"upstate", "downstate", "central", "northern", "southern", "eastern", "western", "northeastern",
               "northwestern", "southeastern", "southwestern"}
# What "<State> State" names when these follow: an institution, named in stories of any state
STATE_INSTITUTIONS = {"university", "universities", "college", "fair", "fairgrounds", "penitentiary", "prison",
                      "hospital", "park", "stadium", "buckeyes", "football", "basketball"}
# Words after a name that make it the place of a local body ("Memphis police", "Dayton Police
# Department", "Las Vegas Metropolitan Police", "a San Francisco high school").
INSTITUTIONS = {
    "police", "sheriff", "sheriff's", "sheriffs", "fire", "mayor", "council", "officials", "authorities",
    "residents", "resident", "native", "natives", "metropolitan", "metro", "regional", "independent", "unified",
    "public", "township", "city",
}
# The same in lowercase only: "a San Francisco high school" (but "June Jordan High School" is a name).
LOWERCASE_INSTITUTIONS = {"high", "school", "schools"}
# Capitalised words that may follow a place name in one run ("Dayton Police", "Ganja City").
LOCAL_INSTITUTIONS = INSTITUTIONS | {
    "county", "parish", "department", "district", "region", "province", "oblast", "rayon", "municipality", "area",
    "airport", "school", "schools", "high",
    "borough", "township",  # "Hummelstown Borough", "Upper Darby Township": the town's own government
}
STREET_SUFFIXES = {
    "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln", "way",
    "court", "ct", "place", "pl", "highway", "hwy", "parkway", "pkwy", "terrace", "ter", "circle", "cir", "trail",
    "trl", "pike", "alley", "row", "expressway", "freeway", "turnpike", "crescent", "plaza", "square",
    "streets", "avenues", "roads", "boulevards", "drives", "lanes", "ways", "courts", "places",
}
# Capitalised nouns that make "Mann's Bar", "Jordan's Grill", "Bailey's Grove" an owner's business or
# a longer name, even after a country's name (a country's possessive is otherwise its own: "Germany's Chancellor").
BUSINESS_NOUNS = {
    "bar", "pub", "tavern", "lounge", "saloon", "grill", "restaurant", "cafe", "diner", "kitchen", "bbq",
    "pizza", "pizzeria", "store", "market", "liquor", "liquors", "shop", "motel", "inn", "club", "nightclub",
    # and the tails of place names made of an owner's ("Bailey's Grove", "Harpers Ferry" written "Harper's")
    "grove", "creek", "landing", "point", "ferry", "mill", "mills", "corner", "corners", "crossing", "chapel",
    "bluff", "hollow", "gap", "ridge", "branch", "fork", "bend", "neck", "cove",
}
# clothing a brand's or a team's name is worn on ("a black Jordan shirt", "a Dallas jersey")
GARMENTS = {"shirt", "shirts", "t-shirt", "jersey", "jerseys", "pants", "shorts", "shoes", "sneakers", "hoodie",
            "sweatshirt", "jacket", "hat", "cap", "jeans", "sweater", "sweatpants", "windbreaker", "beanie"}
# car makes that are also towns, and what marks one as a car: "a white Cadillac", "a 2002 Dodge", "the
# stolen Lincoln", "a Pontiac sedan" (not "a Pontiac man", "the Lincoln Houses")
VEHICLE_MAKES = {"cadillac", "lincoln", "mercedes", "pontiac", "dodge", "buick", "chrysler", "mercury", "saturn",
                 "plymouth", "acura", "infiniti", "lexus", "jeep", "chevrolet", "ford", "taurus", "sierra", "tacoma",
                 "tahoe", "malibu", "durango", "impala", "charger", "cherokee", "explorer", "escalade", "avalon"}
VEHICLE_BEFORE = {"black", "white", "silver", "gray", "grey", "red", "blue", "green", "gold", "tan", "maroon",
                  "beige", "burgundy", "brown", "dark", "dark-colored", "light-colored", "tan-colored", "stolen",
                  "older", "newer", "late-model", "champagne", "purple", "orange", "yellow"}
VEHICLE_AFTER = {"suv", "sedan", "car", "truck", "pickup", "van", "minivan", "coupe", "wagon", "convertible"}
STREET_NAMES = {"broadway"}  # streets that need no suffix
STREET_PLURALS = ("streets", "avenues", "roads", "boulevards", "drives", "lanes")
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "president", "minister", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "aide", "ombudsman", "correspondent", "reporter", "sen", "senator", "rep", "gov", "governor",
    "gen", "general", "lt", "sgt", "sergeant", "capt", "captain", "officer", "deputy", "detective", "chief",
    "sheriff", "judge", "mayor", "prime", "king", "queen", "prince", "princess", "pope", "sir", "lord", "lady",
    "rev", "reverend", "pastor", "bishop", "imam", "sheikh", "coach", "professor", "prof", "attorney",
    "commissioner", "councilman", "councilwoman", "trooper", "cpl", "corporal", "col", "colonel", "maj", "major",
    "sister", "brother", "uncle", "aunt", "mother", "father", "son", "daughter", "wife", "husband",
}
# After a possessive, these make the owner a person ("Ariana's uncle", "Cardona's whereabouts").
PERSONAL_NOUNS = {
    "mother", "father", "mom", "dad", "brother", "sister", "son", "daughter", "uncle", "aunt", "cousin",
    "grandmother", "grandfather", "parents", "family", "wife", "husband", "girlfriend", "boyfriend", "fiance",
    "fiancee", "friend", "friends", "children", "kids", "baby", "attorney", "lawyer", "death", "body", "funeral",
    "whereabouts", "arrest", "killer", "killing", "murder", "shooting", "case", "life", "car", "vehicle",
    "house", "apartment", "home", "birthday", "name", "age",
}
REPORTING_VERBS = {
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "stated", "noted",
    "explained", "announced", "claimed", "confirmed", "denied", "asked", "urged", "warned", "vowed", "argued",
    "insisted", "testified", "pleaded", "replied", "recalled", "described",
}
# "Gulf of Mexico", "Bay of Biscay": the name is part of a water body's.
WATER_BODIES = {"gulf", "bay", "sea", "strait", "straits", "lake", "river", "coast", "isle", "cape"}
# Before a name, these make it a person ("shot Trinidad").
PERSON_OBJECT_VERBS = {"shot", "stabbed", "arrested", "charged", "murdered", "killed", "wounded", "robbed", "punched"}
# After "was" or "is", these make the subject a person ("Ariana was shot in the jaw").
PERSON_PASSIVES = {
    "shot", "arrested", "charged", "sentenced", "pronounced", "identified", "booked", "indicted", "convicted",
    "wounded", "injured", "killed", "hospitalized", "transported", "born", "jailed", "detained",
}
# Lowercase words that may join capitalised ones into one name ("Sant Julià de Lòria", "Bosnia and Herzegovina").
CONNECTORS = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "les", "el", "al", "upon",
              "on", "sur", "am", "an", "im", "van", "von", "y", "of", "the", "and"}
NOT_DATELINES = {"update", "updated", "breaking", "watch", "video", "photos", "exclusive", "note", "editor's note",
                 "analysis", "opinion", "live", "correction", "clarification", "alert", "advertisement"}
QUOTES = "“”\"‘’'«»"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words that are also place names (data/geo_common_words.txt)."""
    lines = (DATA_DIR / "geo_common_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))
