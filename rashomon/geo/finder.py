"""Finding the places an article names.

The small spaCy model tags Ganja, Mingacevir or Stepanakert as PERSON as often
as GPE, so the gazetteer, not NER, proposes places: every run of capitalised
words is matched against it, longest name first. A match is kept when the
text around it says it is a place (a dateline, "in X", "city of X",
"X, Ohio", "X County"), when NER says GPE/LOC, or when the article makes it
likely (a city in the country the article is about). It is dropped when the
text says it is something else: a person ("President Aliyev", "Smith said",
"Ariana's uncle"), a street ("North Street", "300 block of Main"), a month, a
demonym, part of a longer name ("the Minsk Group", "St. Mary's Hospital"), or
an English word at a sentence start ("Police", "Reading").

Matching works on the text itself, so ``build_context`` and ``find_places``
also take a plain string (without NER then).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from rashomon.geo import cues
from rashomon.geo.fold import fold
from rashomon.geo.gazetteer import NAMED_COUNTRY, Gazetteer, GeoContext, Resolution, get_gazetteer
from rashomon.model import Place

MAX_NAME_WORDS = 5
# A place name that is also an English word needs a cue; "in X" is enough only for a place this big.
COMMON_WORD_MIN_POPULATION = 50_000
# Below this, a name with no cue at all is more likely a surname than a village.
CONTEXT_MIN_POPULATION = 1_000
# When the article names no country, NER alone is trusted only for a place this big.
UNANCHORED_MIN_POPULATION = 10_000
DATELINE_LINES = 12


@dataclass(frozen=True)
class PlaceMatch:
    """A place named in the text: where, what it resolved to, and why it was taken as a place."""

    start_char: int
    end_char: int
    text: str
    place: Place
    cue: str  # dateline, qualifier, county, place-noun, institution, preposition, ner, context


# Initials ("U.S.", "N.C.", "W.Va.") or a word with at most a final dot, so "Philadelphia.It" is two words.
_WORD = re.compile(r"(?<![\w'’])(?<![A-Z]\.)(?:(?:[A-Z][a-z]{0,3}\.){2,}|[^\W\d_][\w'’\-]*\.?)")
_RUN_GAP = re.compile(r"[ \t\u00a0]+")
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t\u00a0]+")  # a possessive word ends before its "'s"
# "Killeen 2-year-old": an age after a name, as a resident noun is
_AGE_AFTER = re.compile(r"[ \t\u00a0]+\d{1,3}-(?:year|month|week)-old\b")
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s|\n|[“”\"(—–]|\s-\s")
_ADDRESS_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|[A-Za-z])?\s+$")
# "the 2400 Block of South Pennsylvania": a direction may come between
_ADDRESS_LEAD = re.compile(r"\b(?:block|corner|intersection) of\s+(?:(?:north|south|east|west|[nsew])\.?\s+)?$", re.I)
# "on Choctaw and Florida", "at Charlevoix and Philip", "near Dexter and Tuxedo": an intersection of two
# streets (of the dev split's 135 "near X and Y" with capitals, nearly all are streets)
_INTERSECTION_BEFORE = re.compile(r"\b(?:on|at|near)\s+$")
_INTERSECTION_AFTER = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][a-z]|\d+(?:st|nd|rd|th)\b)")
# the second street: "near 21st and Cleveland", "on Choctaw and Florida", "the intersection of Poydras and Bolivar"
_INTERSECTION_SECOND = re.compile(
    r"(?:\b(?:on|at|near|(?:intersection|corner) of)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?|\b\d+(?:st|nd|rd|th))"
    r"\s+(?:and|&)\s+$")
# "Wall and East State Streets", "between Lexington and Jefferson Avenues"
_STREET_PAIR = re.compile(r"\s+(?:and|&)\s+(?:(?:[A-Z][\w.'’-]*|\d+(?:st|nd|rd|th))\s+){1,3}(?i:%s)\b" % "|".join(cues.STREET_PLURALS))
# a cross street after an address that writes its street bare: "in the 2600 block of Hazelwood near
# Linwood", "the 15200 block of Hazelridge near Kelly" (after "the 500 block of Main Street near", a town)
_CROSS_STREET = re.compile(
    r"\bblock of\s+(?:(?:north|south|east|west|[nsew])\.?\s+)?(?:(?!(?i:%s)\b)[A-Z][\w'’.-]*\s+){1,3}"
    r"(?:near|at|and|off|&)\s+$" % "|".join(sorted(cues.STREET_SUFFIXES)))
# the same without the block: "shot around 12:30 a.m. on Yacama near Remington", "on Laguna near Page"
# (not after a day, a highway or a street written out: "on Saturday near Butte", "on I-5 South near
# Chehalis", "on Highway 6 near Sugar Land")
_BARE_CROSS_STREET = re.compile(
    r"\bon\s+(?!(?i:%s|interstate|highway|route|us|state|i-?\d+)\b)(?:(?!(?i:%s)\b)[A-Z][\w'’.-]*\s+){1,2}near\s+$"
    % ("|".join(sorted(cues.MONTHS_AND_DAYS)), "|".join(sorted(cues.STREET_SUFFIXES))))
# a consolidated city-county's agency: "the Savannah-Chatham Metropolitan Police", "Charlotte-Mecklenburg
# Police", "Shreveport-Caddo": the city, in the county the second part names
_CITY_COUNTY = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)-([A-Z][a-z]+)(?= (?:County |Parish )?(?:Metro|Metropolitan|"
                          r"Police|Sheriff|Schools?|Board|Emergency|Fire|Government|Regional|Consolidated)\b)")
# "in Sanborn, North Dakota": a town after a locative word, then a comma (its state, checked after)
_UNLISTED_TOWN = re.compile(r"\b(?:in|near|outside)\s+((?:[A-Z][a-z'’]+[ -]){0,2}[A-Z][a-z'’]+)(?=[ \t]*,)")
_QUALIFIER = re.compile(r"[ \t]*,[ \t]*([A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*){0,3})")
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "forty", "fifty", "sixty", "hundred"}
_AGE = re.compile(r",\s*\d{1,3}\s*,")
# what a thing named for a person is: "Sam Houston Parkway", "Martin Luther King Jr. Blvd", "Sam Houston State"
_NAMED_FOR = re.compile(r"(?:(?i:%s)|State\b|University\b|College\b|High\b|Elementary\b|Middle\b|"
                        r"Memorial\b|Park\b|Tollway\b|Bridge\b|Center\b|Centre\b)" % "|".join(
                            r"%s\b" % re.escape(w) for w in sorted(cues.STREET_SUFFIXES)))
_NAMED_FOR_AFTER = re.compile(r"\s+" + _NAMED_FOR.pattern)
_MODEL_YEAR = re.compile(r"\b(?:19|20)\d\d\s+$")  # "a 2002 Dodge"
_AGE_BEFORE = re.compile(r"\b\d{1,3}-(?:year|month|week|day)s?-old\s+$", re.I)  # "including 1-year-old Ashley"
_DC_FORMS = {"D.C.", "DC", "D. C."}
_PERSON_PREDICATE = re.compile(
    r"\s+(?:(?:was|has been|had been|is|will be) (?:arrested|charged|booked|indicted|sentenced|convicted|"
    r"extradited|jailed|released|taken into custody|shot|wounded|killed|pronounced)|"
    r"(?:told|pleaded|admitted|testified|confessed|fled|surrendered)\b)")
_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Z'’.\-]*(?: [A-Z][A-Z'’.\-]*){0,3})"        # BAKU, ST. LOUIS, NEW YORK
    # , Ohio / , Fla. / , N.C. (not the dash after it: "CUMBERLAND, Ind--")
    r"(?:[ \t]*,[ \t]*(?P<region>[A-Z](?:[A-Za-z'’.\-]*[A-Za-z'’.])?(?: [A-Z](?:[A-Za-z'’.\-]*[A-Za-z'’.])?){0,2}))?"
    r"[ \t]*,?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?[ \t]*)?"      # Oct. 17, 2020
    r"(?:\([^)\n]{1,40}\)(?:[ \t]*[-–—:]|[ \t]+(?=[A-Z][a-z]))|[-–—:])"  # (AP) (WDTN) (BM), a dash or not
)


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    possessive: bool  # "Azerbaijan’s" ends a name

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def capitalised(self) -> bool:
        """Could be part of a name: capitalised, and no function word, weekday or single letter."""
        text, lower = self.text, self.lower
        if not text[0].isupper():
            return False
        if text == "US":
            return True
        # Months stay in runs ("June Jordan High School"); weekdays end them ("Ganja Saturday").
        return lower not in STOP_WORDS and lower not in cues.WEEKDAYS and len(text.rstrip(".")) > 1


def _article_of(doc_or_text: Doc | str, gaz: Gazetteer) -> "_Article":
    """The words of a parsed document, read once and kept on it (context and places both need them)."""
    if isinstance(doc_or_text, str):
        return _Article(doc_or_text, gaz)
    cached = doc_or_text.user_data.get("rashomon.geo.article")
    if cached is None or cached.gaz is not gaz:
        cached = doc_or_text.user_data["rashomon.geo.article"] = _Article(doc_or_text, gaz)
    return cached


class _Article:
    """One article's words, runs of capitalised words and NER spans, and what the text says around a name."""

    def __init__(self, doc_or_text: Doc | str, gaz: Gazetteer):
        self.gaz = gaz
        doc = None if isinstance(doc_or_text, str) else doc_or_text
        self.text = doc_or_text if doc is None else doc.text
        self.words = self._split_words()
        self.runs = self._split_runs()
        self.entities = [(e.start_char, e.end_char, e.label_, len(e)) for e in doc.ents] if doc is not None else []
        self.person_words = self._person_words(doc)

    # -- words and runs --------------------------------------------------------------------------------
    def _split_words(self) -> list[_Word]:
        words = []
        for m in _WORD.finditer(self.text):
            raw = m.group()
            stripped = re.sub(r"['’]s?$", "", raw)
            possessive = bool(stripped) and stripped != raw
            raw = (stripped if possessive else raw).rstrip("-")
            # A final dot ends the sentence unless the word is an abbreviation ("St.", "Fla.", "U.S.").
            if raw.endswith(".") and "." not in raw[:-1] and len(raw) > 4 and not self.gaz.is_state_abbreviation(raw):
                raw = raw[:-1]
            if raw:
                words.append(_Word(m.start(), m.start() + len(raw), raw, possessive))
        return words

    def _split_runs(self) -> list[list[int]]:
        """Runs of capitalised words on one line, joined by spaces or by connectors ("Bosnia and Herzegovina")."""
        runs: list[list[int]] = []
        current: list[int] = []
        words = self.words
        for i, word in enumerate(words):
            joined = bool(current) and not words[i - 1].possessive \
                and _RUN_GAP.fullmatch(self.text[words[i - 1].end:word.start]) is not None
            if word.capitalised or self._number_starting_name(i):
                if not joined and current:
                    runs.append(current)
                    current = []
                current.append(i)
            elif joined and word.text in cues.CONNECTORS and i + 1 < len(words) and words[i + 1].capitalised:
                current.append(i)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        return runs

    def _number_starting_name(self, i: int) -> bool:
        """A capitalised number word that begins a place's name ("Three Rivers", "Four Oaks"): numbers
        are stop words, so only the name the gazetteer knows lets it in ("Three Dallas men" does not)."""
        words = self.words
        word = words[i]
        if word.lower not in _NUMBER_WORDS or not word.text[0].isupper() or i + 1 >= len(words):
            return False
        following = words[i + 1]
        return following.capitalised and self.text[word.end:following.start] == " " \
            and self.gaz.known(self.text[word.start:following.end])

    def names(self):
        """(run, first, last) for each gazetteer name in the runs, longest first, left to right."""
        words = self.words
        for run in self.runs:
            i = 0
            while i < len(run):
                for j in range(min(len(run), i + MAX_NAME_WORDS), i, -1):
                    first, last = run[i], run[j - 1]
                    if words[first].text in cues.CONNECTORS or words[last].text in cues.CONNECTORS:
                        continue
                    span = self.text[words[first].start:words[last].end]
                    if first != last and words[first].lower in cues.COMPASS_WORDS and self.gaz.only_a_towns_other_name(span):
                        # "West Charlotte": a side of the city, not the Vermont town one of whose
                        # other names it is (West Memphis, North Charleston are towns by that name)
                        continue
                    if self.gaz.known(span) or span in _DC_FORMS:
                        yield run, first, last
                        i = j
                        break
                else:
                    i += 1

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.words[first].start:self.words[last].end]

    # -- what surrounds a name -------------------------------------------------------------------------
    def previous(self, first: int, count: int = 3) -> list[str]:
        """Up to ``count`` lowercased words before word ``first`` in its sentence, nearest last; a ","
        is kept where the text has one ("city, Ganja") and a possessive keeps its "'s" ("city's")."""
        out: list[str] = []
        i = first
        while i > 0 and len(out) < count:
            before = self.words[i - 1]
            gap = self.text[before.end:self.words[i].start]
            if _SENTENCE_BREAK.search(gap):
                break
            if "," in gap:
                out.insert(0, ",")
            out.insert(0, before.lower + ("'s" if before.possessive else ""))
            i -= 1
        return out

    def next_word(self, last: int) -> str | None:
        """The word after word ``last`` when nothing but spaces stands between them."""
        if last + 1 >= len(self.words) or self.words[last].possessive:
            return None
        gap = self.text[self.words[last].end:self.words[last + 1].start]
        return self.words[last + 1].lower if _RUN_GAP.fullmatch(gap) or not gap else None

    def is_street(self, lead: int, first: int, last: int) -> bool:
        """"North Street", "Holly Avenue", "300 block of North", "345 Burning Tree", "Holly and San Marcos
        avenues", "the first block of South Leamington", "at Charlevoix and Philip" (``lead`` is where
        the name's run part starts)."""
        following = self.next_word(last)
        if self.words[last].lower in cues.STREET_SUFFIXES or following in cues.STREET_SUFFIXES \
                or self.span_text(first, last).lower() in cues.STREET_NAMES:
            return True
        start = self.words[lead].start
        before = self.text[max(0, start - 30):start]
        if _CROSS_STREET.search(self.text, max(0, start - 80), start) \
                or _BARE_CROSS_STREET.search(self.text, max(0, start - 50), start):
            return True
        if (_ADDRESS_NUMBER.search(before) or _ADDRESS_LEAD.search(before)) \
                and following not in cues.RESIDENT_NOUNS_AFTER:  # "2 Phenix City men": a count
            return True
        if (_INTERSECTION_BEFORE.search(before) and _INTERSECTION_AFTER.match(self.text, self.words[last].end)) \
                or _INTERSECTION_SECOND.search(before):
            return True
        return _STREET_PAIR.match(self.text, self.words[last].end) is not None

    def owns_business(self, last: int) -> bool:
        """"Mann's Bar", "Jordan's Grill", "Bailey's Grove": word ``last`` names an owner, not the Isle of
        Man, Jordan or Bailey, Michigan."""
        if not self.words[last].possessive or last + 1 >= len(self.words):
            return False
        after = self.words[last + 1]
        return _POSSESSIVE_GAP.fullmatch(self.text[self.words[last].end:after.start]) is not None \
            and after.capitalised and after.lower in cues.BUSINESS_NOUNS

    @cached_property
    def city_counties(self) -> list[PlaceMatch]:
        """The cities of consolidated city-county agencies ("the Savannah-Chatham Metropolitan Police
        Department"): a word the gazetteer does not know as a whole, whose first part is a US city in the
        county its second part names (not "Lauderdale-Hollywood", an airport's two towns). Read once: the
        context and the places both take them."""
        gaz, found = self.gaz, []
        for m in _CITY_COUNTY.finditer(self.text):
            if gaz.known(m.group(0)):
                continue
            counties = {m.group(2) + " County", m.group(2) + " Parish"}
            # "Fort Wayne-Allen", or one word after a capital that starts the sentence ("The Savannah-Chatham")
            for start in dict.fromkeys((m.start(1), m.start(1) + m.group(1).find(" ") + 1)):
                name = self.text[start:m.end(1)]
                cities = [p for p in gaz.candidates(name)
                          if p.feature == "city" and p.country == "US" and p.admin2 in counties]
                if cities:
                    found.append(PlaceMatch(start, m.end(1), name, max(cities, key=gaz.population), "institution"))
                    break
        return found

    def is_brand(self, first: int, last: int) -> bool:
        """"a black Jordan shirt", "Georgia jersey": a brand or a team's name on clothing; "a white
        Cadillac", "a 1996 Dodge", "a Saturn SUV": a car. No place."""
        following = self.next_word(last)
        if following in cues.GARMENTS:
            return True
        if first != last or self.words[first].lower not in cues.VEHICLE_MAKES:
            return False
        before = self.previous(first, 1)
        start = self.words[first].start
        return following in cues.VEHICLE_AFTER or bool(before) and before[-1] in cues.VEHICLE_BEFORE \
            or _MODEL_YEAR.search(self.text, max(0, start - 6), start) is not None

    def written_as_state(self, name: str, last: int) -> bool:
        """"Washington State", "Washington state": a state's name with "state" after it; not a
        university's ("Ohio State University" is named in stories of any state)."""
        if name.lower().endswith(" state"):
            after = self.next_word(last)
        elif self.next_word(last) == "state":
            after = self.next_word(last + 1)
        else:
            return False
        return after not in cues.STATE_INSTITUTIONS

    def qualifier(self, name: str, end: int) -> str | None:
        """The region written after a name and a comma ("Dayton, Ohio", "Ganja, Azerbaijan").
        After a country name the comma is a list's ("Russia, USA and France"), not a qualifier."""
        m = _QUALIFIER.match(self.text, end)
        if m is None or self.gaz.country(name, codes=False) is not None:
            return None
        parts = m.group(1).split()
        for n in range(len(parts), 0, -1):
            candidate = " ".join(parts[:n])
            if self.gaz.resolve_qualifier(candidate) is not None:
                return candidate
        return None

    def label(self, start: int, end: int) -> str | None:
        """The NER label of the entity holding [start, end), if any."""
        return next((label for s, e, label, _ in self.entities if s <= start and end <= e), None)

    def in_person_name(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e and label == "PERSON" and n > 1 for s, e, label, n in self.entities)

    def in_title_line(self, pos: int) -> bool:
        """True inside a headline-style line ("Stay Up To Date, Follow KDKA On Twitter"), where
        capitals say nothing about names."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        line_end = self.text.find("\n", pos)
        words = [w for w in _WORD.findall(self.text[line_start:line_end if line_end >= 0 else None])
                 if w.lower() not in STOP_WORDS]
        return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)

    def _person_words(self, doc: Doc | None) -> set[str]:
        """Folded words the article uses as people's names: the words of multi-word PERSON
        entities, and any word written as a person ("Ariana's uncle", "Sutton, 32,", "Sgt. Smith",
        "Ariana was shot")."""
        people = set()
        for s, e, label, n in self.entities:
            if label == "PERSON" and n > 1:
                tokens = [t.text for t in doc.char_span(s, e) or ()]
                if tokens and (_NAMED_FOR_AFTER.match(self.text, e) or _NAMED_FOR.fullmatch(tokens[-1])):
                    continue  # "Sam Houston Parkway", "Sam Houston State University": named for one, no person here
                # "Auburn Det. Jamie Sidell": the name is what follows the title.
                titles = [i for i, t in enumerate(tokens) if t.lower().rstrip(".") in cues.PERSON_TITLES]
                people.update(fold(t) for t in tokens[titles[-1] + 1 if titles else 0:])
        words = self.words
        for i, word in enumerate(words):
            if not word.capitalised or self.gaz.country(word.text, codes=False) is not None:
                continue
            following = words[i + 1].lower if i + 1 < len(words) else ""
            after_next = words[i + 2].lower if i + 2 < len(words) else ""
            before = words[i - 1] if i > 0 else None
            subject = before is None or before.lower not in cues.LOCATIVE_WORDS | cues.PLACE_NOUNS | {"of"}
            if (word.possessive and following in cues.PERSONAL_NOUNS) \
                    or _AGE.match(self.text, word.end) \
                    or (_AGE_BEFORE.search(self.text, max(0, word.start - 20), word.start)
                        and following not in cues.RESIDENT_NOUNS_AFTER) \
                    or (following in ("family", "families") and not word.possessive) \
                    or (before is not None and before.lower in cues.PERSON_TITLES and before.capitalised) \
                    or (before is not None and before.lower in cues.PERSON_OBJECT_VERBS) \
                    or (subject and following in ("was", "is") and after_next in cues.PERSON_PASSIVES
                        and not word.possessive):
                people.add(fold(word.text))
        return people


# -- datelines ---------------------------------------------------------------------------------------------
def find_dateline(text: str, gazetteer: Gazetteer | None = None) -> tuple[str, tuple[int, int]] | None:
    """The place of a wire-style dateline near the top of ``text`` ("DAYTON, Ohio (WDTN) –",
    "BAKU, (BM) –", "BAKU:", "GAINESVILLE, Fla. -"): its text ("DAYTON, Ohio") and character span."""
    gaz = gazetteer or get_gazetteer()
    offset = 0
    for line in text.splitlines(keepends=True)[:DATELINE_LINES]:
        stripped = line.lstrip()
        start = offset + len(line) - len(stripped)
        offset += len(line)
        m = _DATELINE.match(stripped)
        if m is None:
            continue
        city = m.group("city").strip()
        region = m.group("region")
        # A common word passes only in capitals before a dash ("PHOENIX --"), not "PHONE: Call 1-888...".
        common = region is None and fold(city) in cues.common_words() \
            and not (city.isupper() and m.group(0)[-1] != ":" and " " not in city)
        qualified = region is not None and gaz.resolve_qualifier(region) is not None
        if region is not None and not qualified and gaz.resolve_qualifier(region + ".") is not None:
            # AP's abbreviation with its dot left out, as a dateline's state only: "CUMBERLAND, Ind--"
            # ("Ind", "Mo", "Pa" alone are words or names elsewhere)
            region, qualified = region + ".", True
        # a town the gazetteer lacks passes in capitals with its state ("BOHANNON, Va. (WAVY) —")
        if city.lower() in cues.NOT_DATELINES or len(re.sub(r"\W", "", city)) < 3 or common \
                or not (gaz.known(city) or (qualified and city.isupper())):
            continue
        if region and (gaz.lookup_qualified(city, region) is not None or qualified):
            return f"{city}, {region}", (start + m.start("city"), start + m.end("region"))
        return city, (start + m.start("city"), start + m.start("city") + len(city))
    return None


def resolve_dateline(text: str, context: GeoContext | None = None, gazetteer: Gazetteer | None = None) -> Place | None:
    """The place of a dateline's text. A town the gazetteer lacks in the state the dateline names
    ("TYRONE, Mo.") is kept by name in that state, with the state's coordinates (precision 4)."""
    gaz = gazetteer or get_gazetteer()
    found = gaz.resolve(text, context)
    if "," not in text:
        return found
    head, _, qualifier = text.partition(",")
    if gaz.lookup_qualified(head, qualifier, context) is not None:
        return found
    region = gaz.resolve_qualifier(qualifier)
    if region is None or (found is not None and (found.geonameid == region.geonameid or gaz.contains(region, found))):
        return found
    return _kept_by_name(head.strip().title(), region)


# -- context -----------------------------------------------------------------------------------------------
def build_context(doc_or_text: Doc | str, dateline: Place | str | None = None,
                  gazetteer: Gazetteer | None = None, default_country: str | None = None) -> GeoContext:
    """The countries, states and counties an article names, and its dateline place: the first
    pass, so that the second (``find_places``) reads "Springfield" in an article about Illinois
    as Springfield, Illinois. An article that names no country is read in ``default_country``,
    its dateline too ("MARGATE" in a US corpus is Margate, Fla., not Margate, Kent)."""
    gaz = gazetteer or get_gazetteer()
    article = _article_of(doc_or_text, gaz)
    context = GeoContext()
    states_or_countries: list[str] = []  # "Georgia": the country, unless the article is about the US
    counties: list[str] = []
    towns: list[str] = []  # other names, for the county that holds one of them
    for run, first, last in article.names():
        start, end = article.words[first].start, article.words[last].end
        name = article.span_text(first, last)
        if article.in_person_name(start, end) or fold(name) in article.person_words:  # Jordan, Chad, Georgia
            continue
        if article.is_street(first, first, last) or article.owns_business(last) or article.is_brand(first, last):
            continue  # "the 1500 block of Maryland Drive" is in Georgia; "Mann's Bar" is no Isle of Man
        country = gaz.country(name, codes=False)
        state = gaz.us_state(name, abbreviations=False)
        if country is not None and state is None and last != run[-1] \
                and article.words[last + 1].lower not in cues.LOCAL_INSTITUTIONS \
                and article.words[last + 1].text not in cues.CONNECTORS:
            continue  # "the South Georgia Medical Center", "Jordan Hospital": a name, no country
        if country is not None and state is not None:
            states_or_countries.append(name)
        elif country is not None:
            context.add_country(country.country)
        elif state is not None and (state.name != "Washington" or article.written_as_state(name, last)):
            context.add(state)  # "Washington" mostly means the capital, "Washington State" the state
        elif article.words[last].lower in ("county", "parish"):
            counties.append(name)
        else:
            towns.append(name)
            if last != run[-1] and article.words[last + 1].lower == "police":
                context.police_towns.append(name)
            readings = gaz.readings(name)
            if readings and _unmistakable_city(readings):  # "Chicago" says the article is about the US
                context.add_country(readings[0].place.country)
                top = readings[0].place
                if top.country == "US" and top.admin1 and fold(name) in cues.AP_STANDALONE_US_CITIES:
                    context.city_states.add(top.admin1)
            elif article.label(start, end) in ("GPE", "LOC"):
                _add_admin1(context, gaz.lookup(name, context))
        qualifier = article.qualifier(name, end)
        region = gaz.qualifier_region(name, qualifier) if qualifier else None
        if region is not None:
            context.add(region)
    for match in article.city_counties:
        context.add_country(match.place.country)
        if (state := gaz.us_state(match.place.admin1 or "", abbreviations=False)) is not None:
            context.add(state)
    for name in counties:
        county = gaz.lookup(name, context)
        namesakes = gaz.candidates(name)
        if county is not None and (county.score > NAMED_COUNTRY or len(namesakes) == 1):
            context.add(county.place)
        elif len(holders := _counties_holding(gaz, namesakes, towns)) == 1:
            # "Gallatin County" (Montana, Illinois, Kentucky) and "Belgrade": the one that holds a
            # town the article names, Belgrade, Montana, not the capital of Serbia
            context.add(holders[0])
        elif len({p.country for p in namesakes}) == 1:  # every Oconee County is American
            context.add_country(namesakes[0].country)
    for name in states_or_countries:
        context.add(gaz.us_state(name, abbreviations=False) if "US" in context.countries else gaz.country(name, codes=False))
    if default_country and not context.countries:
        context.add_country(default_country)
    # The dateline last, read in what the article names: "ST. LOUIS" in a US article is Missouri's.
    if dateline is None:
        found = find_dateline(article.text, gaz)
        dateline = found[0] if found else None
    if isinstance(dateline, str):
        dateline = resolve_dateline(dateline, context, gaz)
    if dateline is not None:
        context.dateline = dateline
        context.add(dateline)
        if dateline.admin1:
            context.admin1.add((dateline.country, dateline.admin1))
    return context


def _counties_holding(gaz: Gazetteer, counties: list[Place], towns: list[str]) -> list[Place]:
    """Those of ``counties`` (namesakes) that hold the largest town of its country of one of the
    ``towns`` names (not a town named as the county is: "DeKalb" of "DeKalb County"; not a small
    namesake of a larger town: Crossville, Illinois is in a White County, but "Crossville" in a story
    of Tennessee's White County is Tennessee's)."""
    if len(counties) < 2:
        return []
    own = {fold(re.sub(r"\s+(?:County|Parish|Borough)$", "", c.name)) for c in counties}
    held = set()
    for name in set(towns):
        if fold(name) in own:
            continue
        largest: dict[str, tuple[int, Place]] = {}
        for c in gaz.candidates(name):
            if c.feature == "city" and c.admin2:
                size = gaz.population(c)
                if c.country not in largest or size > largest[c.country][0]:
                    largest[c.country] = (size, c)
        held |= {(c.country, c.admin1, c.admin2) for _, c in largest.values()}
    return [c for c in counties if c.feature == "admin2" and (c.country, c.admin1, c.name) in held]


def _unmistakable_city(readings: list[Resolution]) -> bool:
    """A capital or city of a million with no sizeable namesake abroad: Chicago, Baku; not Rome
    (Rome, Georgia) or Birmingham (Alabama)."""
    best = readings[0]
    return best.prominent and all(r.place.country == best.place.country for r in readings[1:]
                                  if r.place.feature == "city" and r.population >= UNANCHORED_MIN_POPULATION)


def _add_admin1(context: GeoContext, found: Resolution | None) -> None:
    """A state or province named on its own counts when it lies in a country the article names."""
    if found is not None and found.place.feature == "admin1" and found.place.country in context.countries:
        context.add(found.place)


# -- places ------------------------------------------------------------------------------------------------
def find_places(doc: Doc | str, context: GeoContext | None = None,
                gazetteer: Gazetteer | None = None, headline: bool = False) -> list[PlaceMatch]:
    """Every place ``doc`` names, resolved in ``context`` (built from the doc when not given).
    ``headline``: the text is a headline, where Title Case ("Early Morning Valdosta Shooting") makes
    every word a capital that says nothing of a longer name."""
    gaz = gazetteer or get_gazetteer()
    if context is None:
        context = build_context(doc, gazetteer=gaz)
    article = _article_of(doc, gaz)
    judge = _Judge(article, context, headline=headline)
    matches: list[PlaceMatch] = []
    dateline = find_dateline(article.text, gaz)
    if dateline is not None:
        found = resolve_dateline(dateline[0], context, gaz)
        if found is not None:
            start, end = dateline[1]
            matches.append(PlaceMatch(start, end, article.text[start:end], found, "dateline"))
    for run, first, last in article.names():
        start, end = article.words[first].start, article.words[last].end
        if dateline is not None and start < dateline[1][1] and end > dateline[1][0]:
            continue
        judged = judge(run, first, last)
        if judged is not None:
            matches.append(PlaceMatch(start, end, article.text[start:end], *judged))
    matches.extend(_unlisted_towns(article, matches))
    matches.extend(article.city_counties)
    matches.sort(key=lambda m: m.start_char)
    return matches


def _unlisted_towns(article: "_Article", matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """Towns the gazetteer lacks, written with their state after "in" or "near" ("in Sanborn, North
    Dakota", "near Bokoshe, Ark."): kept by name in that state, with the state's coordinates (UCDP
    where_prec 4), as an unlisted dateline town is."""
    gaz, found = article.gaz, []
    for m in _UNLISTED_TOWN.finditer(article.text):
        name, start, end = m.group(1), m.start(1), m.end(1)
        if gaz.known(name) or fold(name) in cues.common_words() or article.in_person_name(start, end) \
                or any(x.start_char < end and start < x.end_char for x in matches):
            continue
        qualifier = article.qualifier(name, end)
        place = _unlisted_in(gaz, name, qualifier) if qualifier else None
        if place is not None:
            found.append(PlaceMatch(start, end, name, place, "qualifier"))
    return found


def _unlisted_in(gaz: Gazetteer, name: str, qualifier: str, context: GeoContext | None = None) -> Place | None:
    """A town ``name`` in the first-level region ``qualifier`` names, kept by name at the region's
    coordinates (precision 4); None when the name is itself a region or country ("Ohio, Indiana"),
    or when the region lies in none of the countries the article names (a list of surnames, "Kinchen,
    Lee, Nelson and Robinson", in a US story is no town Lee in New Zealand's Nelson)."""
    region = gaz.resolve_qualifier(qualifier)
    if region is None or region.feature != "admin1" \
            or any(c.feature in ("country", "admin1", "admin2") for c in gaz.candidates(name)):
        return None
    if context is not None and context.countries and region.country not in context.countries:
        return None
    return _kept_by_name(name, region)


def _kept_by_name(name: str, region: Place) -> Place:
    """A town the gazetteer lacks, kept by its written name in the region named with it, at the
    region's coordinates (UCDP where_prec 4)."""
    return Place(name=name, admin1=region.name if region.feature == "admin1" else None, country=region.country,
                 latitude=region.latitude, longitude=region.longitude, precision=4, feature="city")


def _with_police_states(context: GeoContext, gaz: Gazetteer) -> GeoContext:
    """The context, with the states of the US cities whose police the article names as city_states:
    "Birmingham police are investigating ... in Ensley" is Birmingham's Ensley, not Ensley, Florida.
    A copy: the caller's context stays as the article's names made it."""
    states = set()
    for name in dict.fromkeys(context.police_towns):
        found = gaz.lookup(name, context)
        if found is not None and found.place.country == "US" and found.place.feature == "city" \
                and found.place.admin1 and found.population >= UNANCHORED_MIN_POPULATION:
            states.add(found.place.admin1)
    if states <= context.city_states:
        return context
    return replace(context, city_states=context.city_states | states)


class _Judge:
    """Decides whether a gazetteer name in the text is a place there, and which."""

    def __init__(self, article: _Article, context: GeoContext, headline: bool = False):
        self.article = article
        self.headline = headline
        # a Title Case headline: capitals say nothing of a longer name
        self.title_case = headline and article.in_title_line(0)
        self.gaz = article.gaz
        self.context = _with_police_states(context, self.gaz)
        self.focus = context.focus()
        self.common = cues.common_words()

    def __call__(self, run: list[int], first: int, last: int) -> tuple[Place, str] | None:
        """(place, cue), or None when the name is no place here."""
        article, gaz = self.article, self.gaz
        words = article.words
        start, end = words[first].start, words[last].end
        name = article.span_text(first, last)
        lead = first  # "in Downtown Dayton": the cue stands before the locality prefix
        while lead != run[0] and words[lead - 1].lower in cues.LOCALITY_PREFIXES:
            lead -= 1
        previous = article.previous(lead)
        if name in _DC_FORMS and not (previous and previous[-1] == "washington"):
            # "in Southeast D.C.": the District is one city, Washington
            found = gaz.lookup_qualified("Washington", "D.C.", self.context)
            return (found.place, "dc") if found is not None else None
        if self._never_a_place(name, lead, first, last, previous):
            return None
        state = gaz.us_state(name, abbreviations=False)
        # "their suburban upstate New York home", "central New York", "western Washington": a part of the state
        regional = words[first - 1].lower if first > 0 and lead < first else (previous[-1] if previous else None)
        if state is not None and (article.written_as_state(name, last) or regional in cues.STATE_PARTS or (
                state.name == "Washington" and ("US", "Washington") in self.context.admin1
                and not any(form in article.text for form in _DC_FORMS))):
            # "the Washington State Patrol", "Washington state"; and "in Washington" in a story that
            # names the state so ("Burlington, Washington"): the state, not the capital
            return state, "state"
        qualifier = article.qualifier(name, end)
        found = gaz.lookup_qualified(name, qualifier, self.context) if qualifier else None
        if found is not None:
            return found.place, "qualifier"
        if qualifier:
            # "Campbellsburg, Indiana", "in Sanborn, North Dakota": the town of that name the gazetteer
            # lacks in the state written after it, not a namesake in another state
            unlisted = _unlisted_in(gaz, name, qualifier, self.context)
            if unlisted is not None:
                return unlisted, "qualifier"
        found = gaz.lookup(name, self.context)
        if found is None or self._part_of_longer_name(run, first, last, found.place) \
                or self._out_of_area(found, name):
            return None
        following = article.next_word(last)
        # "ELLSWORTH COUNTY -Law enforcement": a county's own name before is no "county X"
        county_name_before = lead > 0 and words[lead - 1].lower in ("county", "parish") and words[lead - 1].capitalised
        if (_place_noun_before(previous) and not county_name_before) \
                or (following in cues.PLACE_NOUNS_AFTER and last == run[-1]):
            return found.place, "place-noun"
        if found.place.feature == "admin2" and words[last].lower in ("county", "parish"):
            return found.place, "county"
        label = article.label(start, end)
        locative = bool(previous) and (previous[-1] in cues.LOCATIVE_WORDS or (
            len(previous) >= 2 and previous[-2] in cues.LOCATIVE_WORDS and previous[-1] in cues.LOCATIVE_ADJECTIVES))
        if self._person(name, last, previous, following, label, found, locative):
            return None
        # a common word names a town's residents or institutions only when the town is big or its state
        # named: "Mobile police", but not "Police officer" under a photo (Police, Poland)
        common_word = fold(name) in self.common
        common = common_word and not (found.population >= COMMON_WORD_MIN_POPULATION or found.score > NAMED_COUNTRY)
        resident = following in cues.RESIDENT_NOUNS_AFTER or _AGE_AFTER.match(article.text, end) is not None
        if resident and last == run[-1] and found.place.feature == "city" and not common \
                and label != "PERSON" and not (previous and previous[-1] in ("the", "a", "an")):
            # "Lingle man kills 4-month-old", "Killeen 2-year-old in critical condition": where the person
            # is from (not where it happened, which the frame builder tells apart), a town even in a
            # headline that names no state
            return found.place, "resident"
        raw_following = words[last + 1].text if following is not None else ""
        if (following in cues.INSTITUTIONS or raw_following in cues.LOWERCASE_INSTITUTIONS) and self._plausible(found) \
                and not common:
            return found.place, "institution"

        if first == last and common_word and found.place.feature not in ("country", "region"):
            # "in Orange" in an article about New Jersey, "in Mobile": a place; "in March", "Police said",
            # "Coast to Coast", "banned from Delta": not.
            strong = locative and previous[-1] in cues.STRONG_LOCATIVE_WORDS
            # capitalised mid-sentence right after "in", a common word is a name: a town will do
            likely = found.population >= (CONTEXT_MIN_POPULATION if strong else COMMON_WORD_MIN_POPULATION) \
                or found.score > NAMED_COUNTRY
            # and in the article's countries: "in God's hands" is no Göd, Hungary in a US story
            if strong and likely and not article.in_title_line(start) and self._plausible(found):
                return found.place, "preposition"
            # in a title, a city a common word names that the entity recogniser reads as a place ("WTOC-TV:
            # Savannah, Beaufort, SC"); not in a text ("the Troy area" of a West Virginia county)
            if self.headline and label == "GPE" and found.population >= COMMON_WORD_MIN_POPULATION \
                    and self._plausible(found):
                return found.place, "ner"
            return None
        # In an article that names no country, "in Ridgeville" is a place but "ran toward Lawson" may be a person.
        if locative and (previous[-1] in cues.STRONG_LOCATIVE_WORDS if not self.focus else self._plausible(found)):
            return found.place, "preposition"
        if not self._plausible(found):
            return None
        if label in ("GPE", "LOC"):
            return found.place, "ner"
        quoted = article.text[start - 1:start] in cues.QUOTES and article.text[end:end + 1] in cues.QUOTES
        if found.score >= NAMED_COUNTRY and not quoted \
                and (found.population >= CONTEXT_MIN_POPULATION or found.score > NAMED_COUNTRY):
            return found.place, "context"
        return None

    def _out_of_area(self, found: Resolution, name: str) -> bool:
        """A US town or county in a state the article never names, in an article that names (or is
        datelined in) another state, or one of its stand-alone cities: AP style would have written
        its state, so the name is a local one (a neighbourhood, a street, a school) unless the city
        stands alone, written by its own name ("Westside" is another name of Las Vegas, but in a
        Jacksonville article it is Jacksonville's west side)."""
        place = found.place
        if place.country != "US" or place.feature not in ("city", "admin2") or found.score > NAMED_COUNTRY:
            return False
        states = {admin1 for country, admin1 in self.context.admin1 if country == "US"} | self.context.city_states
        if not states or place.admin1 in states:
            return False
        return not {fold(name), fold(place.name)} <= cues.AP_STANDALONE_US_CITIES

    def _never_a_place(self, name: str, lead: int, first: int, last: int, previous: list[str]) -> bool:
        """Months, demonyms, streets, brands on clothing and cars, bare directions ("the South Side"), acronyms ("SWAT"),
        federal court districts ("Eastern District"), water bodies ("Gulf of Mexico"), a name
        inside a full PERSON name."""
        article, words = self.article, self.article.words
        lower = words[first].lower
        if fold(name) in cues.MONTHS_AND_DAYS or self.gaz.demonym(name) is not None \
                or (article.is_street(lead, first, last)
                    and not self._town_named_like_a_street(name, lead, first, last, previous)):
            return True
        if len(previous) >= 2 and previous[-1] == "of" and previous[-2] in cues.WATER_BODIES:
            return True
        if article.is_brand(first, last):
            return True
        if lower in cues.LOCALITY_PREFIXES and (first == last or words[last].lower == "district"):
            return True
        if name.isupper() and self.gaz.country(name, codes=False) is None:
            return True
        return article.in_person_name(words[first].start, words[last].end)

    def _town_named_like_a_street(self, name: str, lead: int, first: int, last: int, previous: list[str]) -> bool:
        """"shot Tuesday night in New Roads", "in Federal Way", "in University Place": a town whose own
        name ends in a street's word, right after "in" (one is "on" a street, "in" a town)."""
        return first != last and lead == first and self.article.words[last].lower in cues.STREET_SUFFIXES \
            and bool(previous) and previous[-1] == "in" and any(p.feature == "city" for p in self.gaz.candidates(name))

    def _part_of_longer_name(self, run: list[int], first: int, last: int, place: Place) -> bool:
        """"the OSCE Minsk Group", "Helsinki Final Act", "WSB Atlanta", "Adam County" (a county the
        gazetteer lacks), "Mann's Bar"; but "Downtown Dayton", "Dayton Police", "Chicago's South Side"."""
        words = self.article.words
        region_like = place.feature in ("country", "region")
        if self.title_case:
            # a Title Case headline: a capital next to the name lengthens it only as "County" does
            return last != run[-1] and words[last + 1].lower in ("county", "parish")
        if first != run[0]:
            before = words[first - 1]
            if before.text not in cues.CONNECTORS and (region_like or before.lower not in cues.LOCALITY_PREFIXES):
                return True
        if last != run[-1]:
            after = words[last + 1]
            if after.lower in ("county", "parish"):
                return True
            # "in Hermitage Tuesday evening": a day or month after a place does not lengthen its name
            if after.text not in cues.CONNECTORS and after.lower not in cues.LOCAL_INSTITUTIONS \
                    and fold(after.text) not in cues.MONTHS_AND_DAYS:
                return True
        return self.article.owns_business(last)

    def _person(self, name: str, last: int, previous: list[str], following: str | None, label: str | None,
                found: Resolution, locative: bool) -> bool:
        """After a title, the subject of "said" (unless a country or capital, which news makes
        speak: "Baku said"), or a word the article uses as a person's name elsewhere (unless
        written as a place here: "in downtown Auburn")."""
        if previous and previous[-1] in cues.PERSON_TITLES:
            return True
        if following in cues.REPORTING_VERBS and self.gaz.party_of(name) is None and found.place.feature == "city":
            return True
        if locative and not self.article.words[last].possessive:
            return False
        if fold(name) not in self.article.person_words:
            return False
        # a name the article gives a person, here doing what people do, whatever the entity recogniser
        # says ("Tyrone Washington Jr. was booked ... Washington was arrested in Louisiana")
        return label not in ("GPE", "LOC") or _PERSON_PREDICATE.match(self.article.text, self.article.words[last].end) is not None

    def _plausible(self, found: Resolution) -> bool:
        """Without a strong cue, the place must lie where the article is about ("Dedeli" in an
        article about Azerbaijan that names Turkey as an ally is no Turkish village); when the
        article names no country at all, it must be big enough not to be a surname."""
        if found.score > NAMED_COUNTRY or found.prominent or found.place.feature in ("country", "region"):
            return True
        if self.focus:
            return found.place.country in self.focus
        return found.population >= UNANCHORED_MIN_POPULATION


def _place_noun_before(previous: list[str]) -> bool:
    """"city of Ganja", "city Ganja", "city, Ganja"; not "the city's Excelsior District"."""
    if len(previous) >= 2 and previous[-1] in ("of", ",") and previous[-2] in cues.PLACE_NOUNS:
        return True
    return bool(previous) and previous[-1] in cues.PLACE_NOUNS
