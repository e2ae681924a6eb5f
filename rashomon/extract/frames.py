"""From an annotated article to incident mentions.

An article is read sentence by sentence as a reader does. Each sentence is cut
into *units* at phrases that introduce another incident ("six days after a
missile struck ..."); a unit has at most one event place, its date phrase, its
figures, its event words, and who said it. Units are then grouped into
*frames*, one per incident the article tells: a unit naming a place or a day
incompatible with the current frame starts or rejoins another frame, a unit
naming neither continues the current one. The frame with the most weight
(length, title, lead) is the article's main incident; the others are passing
mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from rashomon.extract import attribution, dates, figures, taxonomy, victims
from rashomon.model import Actor, Article, DateExpr, Evidence, FigureReport, Mention, Place, Statement

# A place written as a speaker or as a label, not as where something happened.
_METONYMY_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:\w+\s+)?(?:reports?|statements?|claims?|allegations?|government|officials?|president|ministry|"
    r"foreign|defen[cs]e|envoy|ambassador|response|position|ally|allies|leaders?|authorities|police|army|forces|troops|"
    r"military|missiles?|rockets?|artillery)|-(?:based|brokered|mediated|backed|led)|\s+(?:said|says|denied|claimed|accused|"
    r"announced|reported|police|officials|authorities|has said|have said))",
    re.I,
)
_METONYMY_BEFORE = re.compile(
    r"(?:(?:talks|negotiations|meeting|summit|conference|embassy|based|headquartered)\s+in|accus\w+|blam\w+|urged|told)\s+$",
    re.I)
# Where people went after it happened: fled to, arrested in, treated or tried in ("a hospital in
# Anchorage", "District Court in Sault Ste. Marie").
_AWAY = (r"\b(?:fled|drove|escaped|moved|taken|transported|airlifted|flown|rushed)\s+(?:\w+\s+){0,2}?to\s+$"
         r"|\b(?:arrested|apprehended|captured|caught|booked|jailed)\s+(?:\w+\s+){0,3}?in\s+$"
         r"|\b(?:hospital|medical cent(?:er|re)|trauma cent(?:er|re)|clinic|court|courthouse|jail|prison|morgue|"
         r"detention (?:cent(?:er|re)|facility)|correctional (?:cent(?:er|re)|facility))\s+in\s+(?:nearby\s+)?$")
_AWAY_BEFORE = re.compile(_AWAY, re.I)
_ELSEWHERE_BEFORE = re.compile(
    # where a person lives, not where the event was: "Michael Carter, 23, of Fontaine", "a resident of Dayton"
    r"\b\d{1,3},?\s+(?:of|from)\s+$|\b(?:residents?|natives?)\s+of\s+$"
    r"|\b(?:is|was|are|were|hails|came|comes)\s+(?:originally\s+)?from\s+$|\b(?:lives?|lived|living)\s+in\s+$"
    r"|\b(?:stationed|enrolled|employed)\s+(?:at|in)\s+$"
    r"|\b(?:visiting|visitors?|m[ae]n|wom[ae]n|teens?|teenagers?|boys?|girls?|residents?|family|students?|victims?|"
    r"males?|females?|juveniles?|persons?|people|drivers?)\s+from\s+$|" + _AWAY +
    # a landmark to find it by: "15 miles west of Cleveland"
    r"|\b(?:miles?|kilometers?|kilometres?|km)\s+(?:(?:north|south|east|west)\w*\s+|outside\s+)(?:of\s+)?$",
    re.I)
# "a Springfield .45-caliber handgun": a gun maker, not a place.
_WEAPON_AFTER = re.compile(r"^\s+(?:\.?\d+[- ]?(?:caliber|calibre|mm)\b|(?:armory|handgun|pistol|rifle|shotgun|revolver)s?\b)", re.I)
# "a Galliano man was arrested", "Lodi 8th-grader dies": who someone is, not where it happened.
_RESIDENT_AFTER = re.compile(
    r"^\s+(?:(?:\d+|\w+)-year-old\s+)?(?:m[ae]n|wom[ae]n|teens?|teenagers?|boys?|girls?|residents?|natives?|couple|family|"
    r"mother|father|youths?|students?|\w+-graders?|grader|"
    # "son of a Hollywood director", "a Dallas attorney": whose trade is there, not what happened there
    r"directors?|producers?|actor|actress|rappers?|singers?|musicians?|lawyers?|attorneys?|businessm[ae]n|"
    r"businesswom[ae]n|entrepreneurs?|executives?|developers?|artists?|writers?|authors?|"
    # "a shootout that could have been ripped from a Hollywood script": the trade, not the town
    r"movies?|films?|scripts?|blockbusters?|stars?|studios?|actors|actresses)\b", re.I)
# "McDonald's at 6740 N. Clark St.": a possessive with nothing owned is a business name.
_BUSINESS_NAME = re.compile(r"^['’]s(?:\s+(?:at|on|in|near|restaurant|store|parking|bar|pub)\b|\s*[,.;)])", re.I)
_LEAD_SENTENCES = 2
# A location written out that the gazetteer could not place: still not the current incident's place.
_UNPLACED_LOCATION = re.compile(
    r"\b(?:in|near|at|of)\s+(?:a|the|one)\s+(?:village|town|city|region|district|province|settlement|neighbou?rhood)\s+(?:of|in|near)\b",
    re.I,
)


@dataclass
class Unit:
    sent_index: int
    paragraph: int
    start: int  # offsets of the unit in the article text
    end: int
    sent: Span
    text: str
    place: Place | None = None
    region: Place | None = None  # a region (admin1/admin2) the unit names when it names no city
    country: Place | None = None  # a country the unit names
    elsewhere: bool = False  # names a location the gazetteer cannot place ("a village in the X region")
    date_expr: DateExpr | None = None
    date_text: str | None = None
    date_strength: int = 0  # how strongly its date phrase dates an incident (_EVENT ... _AFTERMATH)
    raw_figures: list[figures.RawFigure] = field(default_factory=list)
    kinds: list[taxonomy.Kind] = field(default_factory=list)
    speaker: str | None = None
    agents: list[str] = field(default_factory=list)
    background: bool = False
    starts_other_incident: bool = False  # "six days after ...": never the frame before

    @property
    def has_event(self) -> bool:
        return bool(self.raw_figures) or any(k.name in taxonomy.STRONG_KINDS for k in self.kinds)


@dataclass
class Frame:
    units: list[Unit] = field(default_factory=list)
    place: Place | None = None
    date_expr: DateExpr | None = None
    date_unit: Unit | None = None
    same_time_unit: Unit | None = None  # "at around the same time": the main incident's day
    place_unit: Unit | None = None
    place_evidence: Evidence | None = None  # when the place comes from outside the frame's own units
    # Sentences told after the frame's with nothing of their own ("Braison was pronounced dead at
    # the scene."): read for its victims only.
    follow_units: list[Unit] = field(default_factory=list)
    denials: list[tuple[Unit, str, str | None]] = field(default_factory=list)  # (unit, speaker, party)
    first_sentence: int = 0
    dated_by_title: bool = False  # its day is the headline's ("Multiple people shot Sunday ...")

    @property
    def place_told(self) -> str:
        """The words its place was read from: its place unit's and its place evidence's."""
        return (self.place_unit.text if self.place_unit is not None else "") + " " + (
            self.place_evidence.quote if self.place_evidence is not None else "")


# What a date phrase is attached to in the parse, strongest first: the shooting itself ("shot
# Tuesday", "Monday's shooting"), a death that may follow it ("died Friday after being shot
# Thursday"), nothing telling, or what came after it ("said Tuesday", "was charged Friday", "was in
# critical condition Tuesday"), which never dates the incident.
_EVENT, _DEATH, _NEUTRAL, _AFTERMATH = 4, 3, 2, 0
_RELATIVE_TO_MAIN = ("offset_from_main", "same_as_main")
# a headline's town right after these is where the story moved on to ("Suspect in Tennessee armory shooting
# arrested in Detroit", "Man taken by air ambulance to Fargo"); _AWAY_BEFORE's looser reach would take the
# scene of "another man arrested after accidental shooting in Perham" for one
_HEADLINE_AWAY = re.compile(r"\b(?:arrested|caught|captured|jailed|booked|surrender(?:s|ed)?|taken|flown|airlifted|"
                            r"rushed|transported|ambulance|helicopter|hospitali[sz]ed)\s+(?:to|in|at)\s+(?:an?\s+|the\s+)?$",
                            re.I)
# a headline's town with a namesake this close to where the story places its incident is that namesake
NEIGHBOUR_KM = 100
_TITLE_DAY_KINDS = ("weekday", "absolute", "holiday")  # the days a headline dates its incident by
_REPORTING_LEMMAS = {"say", "tell", "announce", "report", "confirm"}
_EVENT_LEMMAS = {
    "shoot", "shooting", "shootout", "kill", "killing", "fire", "gunfire", "attack", "strike", "stab", "stabbing",
    "wound", "injure", "hurt", "happen", "occur", "erupt", "murder", "slay", "slaying", "homicide", "incident",
    "rampage", "ambush", "explode", "explosion", "blast", "hit", "spray", "discharge", "go", "break", "crash",
    "massacre", "bombing", "raid", "clash", "shell", "shelling", "fight", "argument", "dispute", "robbery", "find",
    "open",
}
_AFTERMATH_LEMMAS = {
    "say", "tell", "announce", "release", "report", "confirm", "identify", "arrest", "charge", "book", "sentence",
    "convict", "plead", "appear", "arraign", "indict", "delay", "deny", "remain", "investigate", "search", "look",
    "continue", "expect", "ask", "seek", "surrender", "apprehend", "file", "testify", "rule", "order", "schedule",
    "hold", "speak", "post", "update", "publish", "name", "recover", "list", "be", "hospitalize", "treat",
    "undergo", "bury", "mourn", "gather", "attend", "remember", "vigil", "funeral", "hearing", "court", "trial",
    "sentencing", "return", "visit", "meet", "issue", "learn", "give", "deliver", "extradite", "plea", "waive",
    "close", "reopen", "plan", "urge", "comment", "decline", "refuse", "turn", "capture", "unseal", "accept",
    "examination",
    # what is said about it, and when: "in a news conference Monday", "a Monday morning email"
    "conference", "briefing", "email", "statement", "interview", "answer", "consider", "set",
}
# "The trial began Wednesday", "jurors were picked Tuesday": what the law's people and steps do
_LEGAL_SUBJECTS = {"trial", "hearing", "jury", "juror", "court", "sentencing", "verdict"}
# The law's steps come after the shooting even when it is named between ("was convicted for the
# shooting by a jury July 7", "arrested in Friday's shooting" is the exception the parse gives as event).
_LEGAL_LEMMAS = {"arrest", "charge", "book", "sentence", "convict", "plead", "arraign", "indict", "testify"}


_FOLLOW_UP = re.compile(
    r"\b(?:sentenc\w*|convicted|pleaded|pleads|plea|arraign\w*|indicted|indictment|trial|testif\w+|jury|"
    r"verdict|acquitted|probation|prison|lawsuit|sued|suing|anniversary|remembered|memorial|years? (?:ago|after|later)|"
    r"extradit\w+|preliminary (?:hearing|examination))\b", re.I)
# "St. Joseph's hospitals", "Tampa General", "Germantown High School": an institution, not where it happened.
_INSTITUTION_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:\w+\s+)?(?:hospitals?|medical cent(?:er|re)|general hospital|high school|middle school|"
    r"elementary|university|college|church|mall)\b|^\s+general\b", re.I)
# "a Baton Rouge hospital", "an area hospital": where the wounded were treated
_HOSPITAL_AFTER = re.compile(r"\s+(?:area\s+)?(?:hospitals?|medical cent(?:er|re)|trauma cent(?:er|re))\b", re.I)
# "the Washington Park neighborhood", "the city's Knoxville section": a part of the article's city, even
# when a town elsewhere in the state has the name.
_NEIGHBOURHOOD_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|section|community)\b", re.I)
_NEIGHBOURHOOD_BEFORE = re.compile(r"\bthe\s+city['’]s\s+(?:(?:north|south|east|west)\w*\s+)?$", re.I)
_SUBURB_OF = re.compile(r"^\s+suburbs?\s+of\b", re.I)  # "the Denver suburb of Wheat Ridge": Wheat Ridge
_SUBURB = re.compile(r"\bsuburbs?\b|\bsuburban\b", re.I)
_OWN_GOVERNMENT = re.compile(r"\s+(?:police|sheriff|mayor|city council|fire department|township|borough)\b", re.I)
# "Accidental shooting in Beaumont proves fatal", "HUNTING ACCIDENT CLAIMS LIFE": someone died
_SOMEONE_DIED = r"(?:proves|turns) (?:fatal|deadly)|claims? (?:a |the )?li(?:fe|ves)"
# One person a headline tells of, and what happened to them, when the parse finds no one.
_HEADLINE_VICTIM = re.compile(
    r"\b\d{1,2}-(?:year|month)-old\b|\b(?:man|woman|boy|girl|teen|teenager|child|toddler|baby|infant|father|mother|"
    r"dad|mom|son|daughter|student|officer|deputy|driver|hunter|victim|youth|juvenile|" + _SOMEONE_DIED + r")\b", re.I)
# and "Student takes own life", "shooting claims St. Marie youth"
_HEADLINE_DEATH = r"|" + _SOMEONE_DIED + r"|takes? (?:his |her )?own life|shooting claims"
_HEADLINE_HARM = re.compile(r"\b(?:shot|shoots?|wounded|injured|hurt|kills?|killed|dies|died|dead|slain" + _HEADLINE_DEATH
                            + r")\b", re.I)
_HEADLINE_FATAL = re.compile(victims.NOT_AFTER_NON + r"\b(?:dies|died|dead|kills?|killed|slain|fatal(?:ly)?|to death"
                             + _HEADLINE_DEATH + r")\b", re.I)
_SOMEONE_ELSES_DEATH = re.compile(r"\b(?:who|that|accused|charged|suspected|convicted|sentenced|in)\s+(?:\w+\s+)?$", re.I)
_SHOT_SELF = re.compile(r"\b(?:shoots?|shot|shooting|kills?|killed|killing)\s+(?:him|her)?self\b", re.I)
LATE_EVENING_HOUR = 21
# A year named more than this many years before the publication's is history, not the day of what the
# report tells ("the first TSA employee killed since the Sept. 11, 2001, terrorist attacks", "the 1966
# tower shooting"); a trial or an anniversary a few years on names the shooting's year.
HISTORY_YEARS = 5
# "a fatal shooting", "the shooting death of": at least one dead, when no one is counted
_FATAL_SHOOTING = re.compile(victims.NOT_AFTER_NON + r"\b(?:deadly|fatal|lethal)\s+(?:(?!(?:weapon|force|after|before|in|at|of|the|an?|with|by|"
                             r"during)\b)[-\w'’]+\s+){0,3}?(?:shooting|shot|gunshot|gunfire)|"
                             r"\bshooting death|\b(?:charged|arrested|indicted) in (?:the )?death of|"
                             r"\b(?:charged with|counts? of|indicted (?:on|for)) (?:(?:first|second|third|1st|2nd|3rd)"
                             r"[- ]degree |capital )?murder\b|\bbody (?:was )?(?:found|discovered)\b|"
                             r"\b(?:taken|removed) off life support\b", re.I)
_BESIDES_THE_DEAD = re.compile(
    r"\balso\s+(?:been\s+)?(?:shot|struck|hit|wounded|injured)\b|\b(?:two|three|four|five|six|\d+)\s+other\b", re.I)
# "Chattanooga News", "Detroit Local News": a site named for its city
_SITE_NEWS = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:['’]s)? (?:Local |Breaking )?News\b")
# a state's AP abbreviation after a town: "son in Clinton, Md."
_AP_STATE = re.compile(r",\s*([A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?)")
_TITLE_SEPARATOR = re.compile(r"\s[|–—-]\s|\s*\|\s*")


def _headline_end(title: str) -> int:
    """Where the headline of a title ends and the site's name begins ("... - WAFF-TV: News, Weather
    and Sports for Huntsville, AL")."""
    m = _TITLE_SEPARATOR.search(title)
    return m.start() if m else len(title)


def _date_attachment(doc: Doc, char: int, end: int | None = None) -> int:
    """How strongly the date phrase at ``char`` (ending at ``end``) dates an incident, from the words
    it hangs on."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    date_index = token.i if token is not None else 0
    text = _text_of(doc)
    if token is not None and _EVENT_NOUN_AFTER.match(text, token.idx + len(token.text)):
        return _EVENT  # "after a Saturday night shooting": the small parser often hangs the day elsewhere
    if end is not None and _EVENT_NOUN_AFTER.match(text, end + (text[end:end + 1] == ",")):
        return _EVENT  # "The July 29, 2014, shooting took the life of"
    if _AS_OF.search(text, max(0, char - 8), char):
        return _AFTERMATH  # "As of Monday, there had been 299 killings": a tally's day
    reported = True  # every verb passed so far is the object clause of the next ("say they arrived")
    for _ in range(8):
        if token is None or token.head.i == token.i:
            break
        child, token = token, token.head
        reported = reported and (child.pos_ not in ("VERB", "AUX") or child.dep_ in ("ccomp", "xcomp"))
        lemma = token.lemma_.lower()
        if lemma == "die":
            return _DEATH
        if lemma in _EVENT_LEMMAS:
            return _EVENT
        if lemma == "be" and any(c.dep_ in ("nsubj", "attr") and c is not child and _names_an_event(c)
                                 for c in token.children):
            return _EVENT  # "On June 27, 2013, that trouble on the river was a shoot-out"
        if token.pos_ in ("VERB", "AUX") and lemma not in _REPORTING_LEMMAS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _LEGAL_SUBJECTS for c in token.children):
            return _AFTERMATH  # "The trial began Wednesday"
        if lemma in _AFTERMATH_LEMMAS and token.pos_ in ("VERB", "AUX", "NOUN"):
            # "On Friday, officials said four were killed" dates what they report; "said Friday" does not;
            # "are investigating the shootings of four people Thursday night" may date either.
            between = doc[min(date_index, token.i) + 1:max(date_index, token.i)]
            if lemma in _REPORTING_LEMMAS and date_index < token.i:
                # "Authorities Saturday said two were killed": said between its subject and the verb,
                # the day it was said
                spoken = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < date_index for c in token.children)
                return _AFTERMATH if spoken else _NEUTRAL
            if lemma in _REPORTING_LEMMAS and child.dep_ == "ccomp" and child.i != date_index and reported:
                # "Police say they arrived at around 11:30 Saturday night": the day of what was said (not
                # "reports X faces prison after the judge sided with prosecutors Wednesday")
                return _NEUTRAL
            if lemma not in _LEGAL_LEMMAS and any(t.lemma_.lower() in _EVENT_LEMMAS for t in between):
                return _NEUTRAL
            if lemma not in _LEGAL_LEMMAS and lemma not in _REPORTING_LEMMAS and _event_just_before(doc, date_index):
                # "a shooting that wounded four teenagers on Monday appears to be gang-related": the
                # small parser hangs the date on the main verb; the event verb just before it is closer.
                return _NEUTRAL
            return _AFTERMATH
    return _NEUTRAL


def _day_after(expr: DateExpr, anchor: dt.date | None) -> bool:
    """Whether a bare weekday names the day after the anchor's ("Saturday" in Friday's paper), which
    reads as six days back. Of the dev split's main reports so dated, the day was the archive's 12 times
    and the publication's 14: told of the shooting itself it mostly is six days back ("was shot and
    killed Friday afternoon"); told of anything else ("Police on Saturday had yet to identify the boy")
    the page is dated a day before it was written. Taking such a day only when told of the shooting
    (and after any other day the sentence ties as strongly to it): date 0.806 -> 0.810, 11 fixed, 1 broken."""
    return expr.kind == "weekday" and not expr.last and anchor is not None and expr.weekday is not None \
        and (anchor.weekday() - expr.weekday) % 7 == 6


def _names_an_event(token) -> bool:
    """"shooting", "a shoot-out" (parsed as "out" with "shoot" compounded)."""
    return token.lemma_.lower() in _EVENT_LEMMAS or any(
        c.dep_ == "compound" and c.lemma_.lower() in _EVENT_LEMMAS for c in token.children)


# A day told as the event's own adjective: "a Saturday night shooting", "Friday's double homicide"
_EVENT_NOUN_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:early|late|morning|afternoon|evening|night|overnight))*"
    r"(?:\s+(?:double|triple|quadruple|fatal|deadly|drive-by|accidental))?"
    r"\s+(?:shootings?|shootouts?|shoot-outs?|gunfights?|firefights?|gunfire|homicides?|killings?|slayings?|"
    r"stabbings?|murders?|attacks?|ambush)\b",
    re.I)
_AS_OF = re.compile(r"\bas\s+of\s+$", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”]")


def _inside_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation of ``text`` (an odd number of quote marks before it)."""
    return len(_QUOTE_MARKS.findall(text, 0, offset)) % 2 == 1


def _where_it_happened(doc: Doc, match, before: str, after: str) -> bool:
    """Whether a place the text names (``before`` and ``after``: the text around it) can be where
    something happened: not a speaker's country ("Azerbaijan's ministry"), where someone lives or
    went afterwards ("a Galliano man", "Kyle Markins of Findlay", "fled to California"), a gun maker,
    a business, an institution, or a suburb named for its city."""
    return not (_METONYMY_AFTER.match(after) or _METONYMY_BEFORE.search(before) or _ELSEWHERE_BEFORE.search(before)
                or _BUSINESS_NAME.match(after) or _RESIDENT_AFTER.match(after) or _WEAPON_AFTER.match(after)
                or _INSTITUTION_AFTER.match(after) or _SUBURB_OF.match(after) or _of_a_person(doc, match.start_char))


def _scene_places(doc: Doc, places: list) -> list:
    """The places the text names, but for where the wounded were treated, the accused arrested or
    someone fled to ("taken to Sanford Medical Center in Fargo", "in critical condition at a Jackson
    hospital")."""
    text = _text_of(doc)
    return [m for m in places if not _AWAY_BEFORE.search(text[max(0, m.start_char - 40):m.start_char])
            and not _HOSPITAL_AFTER.match(text, m.end_char)]


def _of_a_person(doc: Doc, char: int) -> bool:
    """Whether the place at ``char`` follows a person's name and "of" or "from" ("Kyle Markins of
    Findlay was killed", "Markarian, of Warrensburg, MO, died"): where they live."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].i < 2:
        return False
    i = span[0].i - 1
    if doc[i].lower_ not in ("of", "from"):
        return False
    i -= 1
    comma = doc[i].text == "," and i > 0
    if comma:
        i -= 1
    # an appositive after a proper name ("Markarian, of Warrensburg") is where the person is from
    return doc[i].ent_type_ == "PERSON" or (comma and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper())


def _event_just_before(doc: Doc, date_index: int, window: int = 6) -> bool:
    """An event verb among the few words before a date, in its sentence, with no other verb between."""
    start = max(doc[date_index].sent.start, date_index - window)
    for t in reversed(doc[start:date_index]):
        if t.lemma_.lower() in _EVENT_LEMMAS and t.pos_ == "VERB":
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access."""
    text = doc.user_data.get("rashomon.text")
    if text is None:
        text = doc.user_data["rashomon.text"] = doc.text
    return text


class FrameBuilder:
    """Turns one parsed article into mentions. ``gazetteer`` and ``geo`` are the
    geo stage's objects; nothing here touches the database."""

    def __init__(self, gazetteer, geo_module, default_country: str | None = None):
        self.gaz = gazetteer
        self.geo = geo_module
        self.default_country = default_country

    # -- parties -----------------------------------------------------------------------------------------
    def party(self, word: str) -> str | None:
        """Country name for a demonym, country or capital ("Armenian", "Yerevan" -> "Armenia")."""
        return self.gaz.party_name(word)

    # -- places ------------------------------------------------------------------------------------------
    def _event_places(self, doc: Doc, matches, start: int, end: int, speaker: str | None, dateline_end: int):
        """Places inside [start, end) that can be where an event happened: (city, region, country).
        A dateline says where the report was filed, not where the event was; a town's agency ("San Diego
        sheriff's detectives were investigating a shooting at a range in Poway") yields to a town the
        sentence places the event in."""
        city, region, country = None, None, None
        agency_city = None
        text = _text_of(doc)
        for match in matches:
            if not (start <= match.start_char < end) or match.start_char < dateline_end:
                continue
            after = text[match.end_char:match.end_char + 40]
            before = text[max(0, match.start_char - 40):match.start_char]
            if not _where_it_happened(doc, match, before, after) or (speaker and match.text in speaker):
                continue
            place = match.place
            if place.feature == "city" and (_NEIGHBOURHOOD_AFTER.match(after) or _NEIGHBOURHOOD_BEFORE.search(before)):
                place = self._home_city(matches, match) or place
            if place.feature == "city" and city is None:
                if match.cue == "institution":
                    agency_city = agency_city or place
                else:
                    city = place
            elif place.feature == "country":
                country = country or place
            elif region is None:
                region = place
        return city or agency_city, region, country

    def _home_city(self, matches, neighbourhood) -> Place | None:
        """The city a neighbourhood belongs to: the dateline's, else the other town the article names
        most (a reading of the neighbourhood's name as a town is no evidence of the state)."""
        dateline = next((m for m in matches if m.cue == "dateline" and m.place.feature == "city"), None)
        # a dateline of the neighbourhood itself ("WOODLAWN — ... in the Woodlawn neighborhood") tells no city
        if dateline is not None and dateline.place.geonameid != neighbourhood.place.geonameid:
            return dateline.place
        others = [m for m in matches if m.place.feature == "city" and m.place.geonameid != neighbourhood.place.geonameid
                  and m.place.country == neighbourhood.place.country]
        home = self._most_named(others, ("city",))
        return home.place if home is not None else None

    def _city_of(self, place: Place | None, matches, text: str) -> Place | None:
        """A neighbourhood or suburb the article places in a city it also names ("Englewood" and
        "Chicago police") is coded at the city, as incident datasets do. Not a town the article
        shows to be one: with its state ("the Midvale, Utah home", "BAY VILLAGE, Ohio —", not
        "SOUTH SHORE —") or with a government of its own ("Midwest City police")."""
        if place is None or place.feature != "city" or place.latitude is None:
            return place
        if any(m.place.geonameid == place.geonameid and (
                m.cue == "qualifier" or (m.cue == "dateline" and "," in m.text)
                or (m.cue == "institution" and _OWN_GOVERNMENT.match(text, m.end_char))) for m in matches):
            return place
        nearby = {m.place.geonameid: m.place for m in matches
                  if m.place.feature == "city" and m.place.geonameid != place.geonameid and m.place.latitude is not None
                  and m.place.admin1 == place.admin1 and m.place.country == place.country and self.gaz.km(place, m.place) <= 20}
        if not nearby:
            return place
        # "shot in Chalmette ... the St. Bernard Parish Sheriff's Office said": a town of its own county,
        # not a part of New Orleans (a city's neighbourhoods share its county)
        if place.admin2 and any(m.place.feature == "admin2" and m.place.name == place.admin2
                                and m.place.admin1 == place.admin1 for m in matches) \
                and all(other.admin2 != place.admin2 for other in nearby.values()):
            return place
        own = self.gaz.population(place)
        for other in nearby.values():
            if self.gaz.population(other) >= max(5 * own, 50_000):
                return other
        return place

    @staticmethod
    def _most_named(matches, features: tuple[str, ...], favoured: frozenset = frozenset()):
        """The match of a place of these kinds the article names most often (its first match;
        of equals, one in ``favoured`` (place ids), then the earliest)."""
        counts: dict[int | str, int] = {}
        first: dict[int | str, object] = {}
        for m in matches:
            if m.place.feature in features:
                key = m.place.geonameid or m.place.name
                counts[key] = counts.get(key, 0) + 1
                first.setdefault(key, m)
        if not counts:
            return None
        order = list(first)
        return first[max(order, key=lambda k: (counts[k], k in favoured, -order.index(k)))]

    def _title_places(self, title_doc: Doc, context) -> list:
        """The headline's places, read with its parse and with its words alone: the entity
        recogniser reads some Title Case towns as people ("Killeen 2-year-old in critical
        condition"), and finds others the words alone do not ("Services set for Malin boy")."""
        found = self.geo.find_places(title_doc, context, headline=True)
        for more in (self.geo.find_places(title_doc.text, context, headline=True),
                     self._site_name_places(title_doc, context),
                     self._site_name_cities(title_doc.text, context)):
            found = found + [m for m in more if not any(m.start_char < p.end_char and p.start_char < m.end_char
                                                        for p in found)]
        return sorted(found, key=lambda m: m.start_char)

    def _site_name_places(self, title_doc: Doc, context) -> list:
        """The places of the site's name after the headline, read without the states the article names:
        a station's market spans states ("WTOC-TV: Savannah, Beaufort, SC, News": Savannah, Georgia)."""
        end = _headline_end(title_doc.text)
        if end >= len(title_doc.text):
            return []
        loose = self.geo.GeoContext(countries=set(context.countries), mentions=dict(context.mentions))
        return [m for m in self.geo.find_places(title_doc, loose, headline=True) if m.start_char >= end]

    def _site_name_cities(self, title: str, context) -> list:
        """The city a site's name after the headline is named for ("... - WRCBtv.com | Chattanooga
        News, Weather & Sports"), read as a domain is: a big city, not a namesake's."""
        country = next(iter(context.countries)) if len(context.countries) == 1 else None
        out = []
        for m in _SITE_NEWS.finditer(title, _headline_end(title)):
            place = self.gaz.place_in_domain(m.group(1).replace(" ", "").lower() + ".com", country)
            if place is not None and place.feature == "city":
                out.append(self.geo.PlaceMatch(m.start(1), m.end(1), m.group(1), place, "site-name"))
        return out

    def _fallback_place(self, article: Article, doc: Doc, places, title_matches) -> tuple[Place | None, Evidence | None]:
        """Where an incident whose own sentences name no place happened, first found of: the
        headline's town, the dateline, the town (or else county) the article names most ("Minneapolis
        police said") but for where someone was treated, arrested or fled to, the headline's county,
        the town in the site name after the headline ("... - WAFF-TV: News for Huntsville, AL"), any
        town the article names, the state the article names most ("D.C. police"), the headline's state.
        Every place the text names counts here, those of "Shreveport police said" first of all."""
        title = article.title or ""
        headline_end = _headline_end(title)
        scene = _scene_places(doc, places)

        def in_title(feature: str, headline_only: bool = False):
            found = [m for m in title_matches if m.place.feature == feature
                     and (not headline_only or m.start_char < headline_end)]
            # "Louisiana man identified as victim in fatal Arkansas hunting accident": where it happened,
            # not where the victim was from, when the headline names both
            not_homes = [m for m in found if not _RESIDENT_AFTER.match(title[m.end_char:])]
            return next(iter(not_homes or found), None)

        steps = (  # (where the place is read, how it is found), tried in order
            ("title", lambda: in_title("city", headline_only=True)),
            ("text", lambda: next((m for m in places if m.cue == "dateline"), None)),
            ("text", lambda: self._most_named(scene, ("city",))),
            ("text", lambda: self._most_named(scene, ("admin2",))),
            ("title", lambda: in_title("admin2", headline_only=True)),  # "Victim of accidental Wilkin County shooting"
            ("title", lambda: in_title("city")),
            ("text", lambda: self._most_named(places, ("city",))),
            ("text", lambda: self._most_named(places, ("admin1",))),
            ("title", lambda: in_title("admin1")),
        )
        for source, find in steps:
            match = find()
            if match is not None:
                evidence = self._title_evidence(article) if source == "title" \
                    else self._evidence_at(article, doc, match.start_char)
                return match.place, evidence
        return None, None

    def _city_within(self, place: Place | None, matches, headline: list[Place] = ()):
        """The match of the town a county or state is coded at: the one the article names most
        inside it ("in Bartow County" and "Euharlee police"), as incident datasets code them; of
        two named as often, the one the ``headline`` names ("Active shooter at Cascade Mall in
        Burlington, Washington", Seattle named once too)."""
        if place is None or place.feature not in ("admin1", "admin2"):
            return None
        inside = []
        for m in matches:
            if m.place.feature != "city":
                continue
            if self._holds(place, m.place):
                inside.append(m)
            elif place.feature == "admin2" and m.cue in ("preposition", "place-noun"):
                # "in Henderson County" read in Kentucky and "in Hendersonville" in Tennessee: the
                # Hendersonville of North Carolina lies in its Henderson County, one reading of both
                namesake = next((c for c in self.gaz.candidates(m.place.name) if c.feature == "city"
                                 and c.geonameid != m.place.geonameid and self._holds(place, c)), None)
                if namesake is not None:
                    inside.append(replace(m, place=namesake))
        return self._most_named(inside, ("city",), frozenset(p.geonameid or p.name for p in headline))

    def _headline_town_elsewhere(self, frame: Frame, title_matches, title: str):
        """The headline's town, when the frame is placed in another state of its country by a sentence
        that does not name it: "In light of recent shootings against law enforcement in Dallas" under
        "San Diego police shooting: 1 officer killed", "She then walked to Daniel and shot him" under
        "Three People Dead East of Bozeman". Not "in the Feltonville section of Philadelphia" under "Four
        people injured in Feltonville shooting" (the sentence names it), nor when the headline names the
        frame's place too, but as where the story moved on to ("Macon girl dies after being wounded in spray
        of bullets in Bloomfield"; not "Suspect in Reno Officer-Involved Shooting Arrested in Portola"), nor a
        town the headline names for an arrest or a hospital, nor one with a namesake near the frame's place
        ("Fatal shooting in Princeton" read in Florida, over a story of Bluefield, West Virginia: Princeton,
        W.Va. is 15 km away)."""
        place = frame.place
        if place is None or not place.admin1 or place.feature not in ("city", "admin2", "admin1"):
            return None
        end = _headline_end(title)
        # a town the headline writes as one ("in Killingly", "San Diego police"), not a word that may be a
        # name ("Jennings facing manslaughter charge") or a resident's town ("Macon girl")
        towns = [m for m in title_matches if m.start_char < end and m.place.feature == "city"
                 and m.cue not in ("resident", "context") and m.place.country == place.country and m.place.admin1
                 and not _HEADLINE_AWAY.search(title[:m.start_char])]
        if not towns or any(m.place.admin1 == place.admin1 for m in towns) or any(
                not _HEADLINE_AWAY.search(title[:named.start()])
                for named in re.finditer(r"\b%s\b" % re.escape(place.name), title[:end], re.I)):
            return None
        told = frame.place_told.lower()
        if any(m.text.lower() in told for m in towns):
            return None
        town = towns[0]
        if place.latitude is not None and any(
                other.admin1 == place.admin1 and other.latitude is not None and self.gaz.km(other, place) <= NEIGHBOUR_KM
                for other in self.gaz.namesakes(town.place)):
            return None
        return town

    def _holds(self, region: Place, city: Place) -> bool:
        """Whether ``region`` holds ``city``, or its namesake in the city's state does: "Pike County"
        read in Alabama and "McComb" in Mississippi are Pike County, Mississippi and its town."""
        if self.gaz.contains(region, city):
            return True
        if region.feature != "admin2" or not city.admin1 or (region.country, region.admin1) == (city.country, city.admin1):
            return False
        namesake = self.gaz.namesake_in(region, city.country, city.admin1)
        return namesake is not None and self.gaz.contains(namesake, city)

    @staticmethod
    def _evidence_at(article: Article, doc: Doc, char: int) -> Evidence:
        """The sentence of ``doc`` holding the character at ``char``."""
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        sent = (span[0] if span is not None and len(span) else doc[-1]).sent
        return Evidence(article_id=article.id, start=sent.start_char, end=sent.end_char, quote=sent.text.strip())

    @staticmethod
    def _title_evidence(article: Article) -> Evidence:
        """The title as evidence: at its offsets when the text repeats it, else quoted with an empty span."""
        title = (article.title or "").strip()
        at = article.text.find(title) if title else -1
        start, end = (at, at + len(title)) if at >= 0 else (0, 0)
        return Evidence(article_id=article.id, start=start, end=end, quote=title)

    def _compatible_place(self, frame: Frame, unit: Unit) -> bool:
        if unit.elsewhere and unit.place is None and unit.region is None:
            return False
        if unit.place is None or frame.place is None:
            coarse = unit.region or unit.country
            if unit.place is None and coarse is not None and frame.place is not None:
                return frame.place.geonameid == coarse.geonameid or self.gaz.contains(coarse, frame.place)
            return True
        if frame.place.geonameid == unit.place.geonameid:
            return True
        if frame.place.feature != "city" and self.gaz.contains(frame.place, unit.place):
            return True
        return False

    @staticmethod
    def _same_day(a: DateExpr, b: DateExpr, anchor: dt.date | None) -> bool:
        """Whether two phrases can name the same day. "Friday night" and "early Saturday" can;
        phrases that cannot be resolved yet conflict only when they are of one kind."""
        da, pa = dates.resolve(a, anchor)
        db, pb = dates.resolve(b, anchor)
        if da and db:
            night = any(re.search(r"night|midnight|overnight|evening", e.text, re.I) for e in (a, b))
            tolerance = max(1 if night else 0, dates.TOLERANCE_DAYS.get(max(pa, pb), 0))
            return abs((da - db).days) <= tolerance
        if a.kind != b.kind:
            return True
        return (a.weekday, a.month, a.day, a.days) == (b.weekday, b.month, b.day, b.days)

    # -- units -------------------------------------------------------------------------------------------
    def _units(self, doc: Doc, places, anchors: list[tuple[int, dt.date]], dateline_end: int,
               published: dt.date | None = None) -> list[Unit]:
        units: list[Unit] = []
        text = _text_of(doc)
        years_told: dict[int, int] = {}  # month -> the year the text last gave with it
        for index, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue
            paragraph = text.count("\n\n", 0, sent.start_char)
            speaker = attribution.speaker_of(sent)
            # Cut before each phrase that moves to another incident's date.
            cuts = [sent.start_char]
            sent_exprs = dates.find_date_exprs(sent.text)
            for s, _e, expr in sent_exprs:
                if expr.kind == "offset_from_main":
                    cuts.append(sent.start_char + s)
            cuts.append(sent.end_char)
            for piece, (start, end) in enumerate(zip(cuts, cuts[1:])):
                unit_text = text[start:end]
                unit = Unit(index, paragraph, start, end, sent, unit_text, speaker=speaker,
                            starts_other_incident=piece > 0)
                unit.place, unit.region, unit.country = self._event_places(doc, places, start, end, speaker,
                                                                           dateline_end)
                unit.elsewhere = bool(_UNPLACED_LOCATION.search(unit_text))
                section_anchor = None
                for offset, day in anchors:
                    if offset <= start:
                        section_anchor = day
                best, shaky = 0, False
                # an uncut sentence is its one unit: its date phrases are the sentence's, found once
                exprs = sent_exprs if len(cuts) == 2 else dates.find_date_exprs(unit_text)
                for s, _e, expr in exprs:
                    if expr.year is not None and published is not None and expr.year < published.year - HISTORY_YEARS:
                        continue  # "since the Sept. 11, 2001, terrorist attacks" in a 2015 report: history
                    if expr.month is not None and expr.year is not None:
                        years_told[expr.month] = expr.year
                    elif expr.kind == "absolute" and expr.month in years_told:
                        # "the June 2013 shooting ... Vargas was shot June 15": June 15 of that year
                        expr.year = years_told[expr.month]
                    if expr.kind == "offset_from_main" and s > 0:
                        continue
                    if expr.kind == "relative_days" and _inside_quote(unit_text, s):
                        continue  # "I'm very sad today," the father said: the speaker's day
                    strength = _date_attachment(doc, start + s, start + _e) if expr.kind not in _RELATIVE_TO_MAIN \
                        else _EVENT
                    day_after = _day_after(expr, section_anchor or published)
                    if day_after and strength < _EVENT:
                        # "Police on Saturday had yet to identify the boy" in Friday's paper: a page
                        # dated a day before it was written; what was done that day is no shooting's day
                        continue
                    if strength > best or (strength == best and shaky):
                        # such a day, even hung on the shooting by the parse, yields to another as strong
                        expr.anchor = section_anchor
                        unit.date_expr, unit.date_text, best, shaky = expr, unit_text[s:_e], strength, day_after
                        unit.date_strength = strength
                    if best == _EVENT and not shaky:
                        break
                unit.background = figures.is_background(unit_text)
                unit.raw_figures = [] if unit.background or figures.is_roundup(unit_text) else figures.find_figures(unit_text)
                unit.kinds = taxonomy.kinds_in(unit_text)
                unit.agents = attribution.agents(unit_text, self.party)
                units.append(unit)
        return units

    # -- frames ------------------------------------------------------------------------------------------
    def _denials(self, units: list[Unit], frames: list[Frame], main: Frame) -> None:
        """Attach each denial to the incident it answers: the latest frame told before it that
        blames the denying party, else the main incident."""
        seen: set[int] = set()
        for unit in units:
            if unit.sent_index in seen:
                continue
            seen.add(unit.sent_index)
            for speaker, _what, _verb in attribution.denials(unit.sent):
                party = attribution.party_in(speaker, self.party)
                blamed = [f for f in frames if f.first_sentence <= unit.sent_index
                          and any(party in u.agents for u in f.units if u.sent_index <= unit.sent_index)]
                target = blamed[-1] if party and blamed else main
                target.denials.append((unit, speaker, party))

    def _frames(self, units: list[Unit], doc: Doc, anchor: dt.date | None) -> list[Frame]:
        frames: list[Frame] = []
        current: Frame | None = None
        lead: Unit | None = None  # "Percy Wells was murdered on Sunday night.": dates the first incident told
        for unit in units:
            if unit.background:
                continue
            content = unit.has_event or unit.place is not None and any(unit.kinds)
            if not content and not frames and lead is None and unit.date_strength == _EVENT \
                    and unit.date_expr.kind not in _RELATIVE_TO_MAIN:
                lead = unit
                continue
            if not content:
                # A sentence that only says when ("At 10:20 p.m. Sunday, officers were dispatched")
                # dates the incident told just before it.
                dates_current = current is not None and unit.date_expr is not None \
                    and unit.date_expr.kind not in _RELATIVE_TO_MAIN and self._dates_better(unit, current)
                if current is not None and self._compatible_place(current, unit) and (
                        unit.agents or (dates_current and unit.place is None)):
                    if dates_current:
                        current.date_expr, current.date_unit = unit.date_expr, unit
                    current.units.append(unit)
                elif current is not None and unit.place is None and self._compatible_place(current, unit):
                    current.follow_units.append(unit)
                continue
            if unit.place is None and unit.region is None and unit.country is not None and not unit.raw_figures:
                # Only a country named: too vague to be an incident of its own.
                if current is not None and self._compatible_place(current, unit):
                    current.units.append(unit)
                continue
            frame = self._frame_for(unit, current, frames, anchor)
            if frame is None:
                frame = Frame(first_sentence=unit.sent_index)
                frames.append(frame)
            if frame.place is None or (frame.place.feature != "city" and unit.place is not None):
                if unit.place is not None:
                    frame.place, frame.place_unit = unit.place, unit
                elif unit.region is not None and frame.place is None:
                    frame.place, frame.place_unit = unit.region, unit
            if unit.date_expr is not None and unit.date_expr.kind == "same_as_main":
                frame.same_time_unit = frame.same_time_unit or unit
            elif unit.date_expr is not None and self._dates_better(unit, frame):
                frame.date_expr, frame.date_unit = unit.date_expr, unit
            if lead is not None:
                if frame.date_expr is None:
                    frame.date_expr, frame.date_unit = lead.date_expr, lead
                    frame.units.append(lead)
                lead = None
            frame.units.append(unit)
            current = frame
        return [f for f in frames if f.units]

    @staticmethod
    def _dates_better(unit: Unit, frame: Frame) -> bool:
        """Whether a unit's day dates the frame better than the day it has: any day beats none, a month
        named ("in November ... on Friday"), and a day told of the shooting itself ("Shots were fired
        just before 10 p.m. Friday") beats one told of a death, of what was said or of no event."""
        if frame.date_expr is None:
            return True
        if frame.date_expr.kind in _RELATIVE_TO_MAIN and unit.date_expr.kind not in _RELATIVE_TO_MAIN:
            # "has died nearly two weeks after he was shot ... on Dec. 25": a day of its own beats one
            # told from another's
            return True
        if unit.date_expr.precision > frame.date_expr.precision and unit.date_expr.precision > 3:
            return False
        if frame.date_expr.precision > max(unit.date_expr.precision, 3):
            return True
        told = frame.date_unit.date_strength if frame.date_unit is not None else _EVENT
        if frame.date_expr.precision == 3 and unit.date_expr.precision < 3 and unit.date_strength >= max(told, _DEATH):
            return True  # "last week's murder-suicide ... shot Friday": the day within the week
        return unit.date_strength == _EVENT and told < _EVENT and unit.date_expr.kind not in _RELATIVE_TO_MAIN

    def _frame_for(self, unit: Unit, current: Frame | None, frames: list[Frame], anchor) -> Frame | None:
        """The frame a unit continues, or None for a new one."""
        if unit.starts_other_incident:
            # Same place as the sentence it hangs off, another day.
            if unit.place is None and current is not None:
                unit.place = current.place
            return None
        candidates = ([current] if current else []) + [f for f in frames if f is not current]
        # "one of the victims got out of the hospital after being shot last month": a month away from
        # the report's day is another incident than one the report does not date
        months_away = unit.date_expr is not None and unit.date_expr.precision >= 4 and anchor is not None and abs(
            ((dates.resolve(unit.date_expr, anchor)[0] or anchor) - anchor).days) > dates.TOLERANCE_DAYS[4]
        for frame in candidates:
            if not self._compatible_place(frame, unit) or (months_away and frame.date_expr is None):
                continue
            if unit.date_expr is not None and frame.date_expr is not None and unit.date_expr.kind != "same_as_main":
                if not self._same_day(unit.date_expr, frame.date_expr, anchor):
                    # A later day without a new event (someone died in hospital) stays with the frame.
                    if unit.place is None and not any(k.name in taxonomy.STRONG_KINDS for k in unit.kinds):
                        return frame
                    continue
            if frame is not current and unit.place is None and unit.region is None and unit.date_expr is None:
                continue
            return frame
        return None

    def _main(self, frames: list[Frame], title_places: list[Place], title_kinds) -> Frame:
        def weight(frame: Frame) -> float:
            score = len({u.sent_index for u in frame.units})
            if frame.first_sentence < _LEAD_SENTENCES:
                score += 2
            if frame.place is not None and any(p.geonameid == frame.place.geonameid for p in title_places):
                score += 3
            if any(u.raw_figures for u in frame.units):
                score += 1
            if any(u.starts_other_incident for u in frame.units):
                score -= 3
            return score

        return max(frames, key=weight)

    # -- mentions ----------------------------------------------------------------------------------------
    def build(self, article: Article, doc: Doc, title_doc: Doc | None = None) -> list[Mention]:
        stamp = dates.page_stamp_date(_text_of(doc))
        if stamp is not None and (article.published is None or stamp < article.published - dt.timedelta(days=2)):
            # The page says it was written earlier than the date it came with (a re-crawl, an
            # archive): its weekdays ("Saturday night") count from the page's own date.
            article = article.model_copy(update={"published": stamp})
        # an article that names no country is read in the default one (build_context adds it before the
        # dateline, which it reads in it)
        context = self.geo.build_context(doc, default_country=self.default_country)
        headline = None  # the headline's own context (not the site's name after it)
        if title_doc is not None:
            # "Teen accidentally shot in chest in Gwinnett County" over a text of "The Duluth Police
            # Department", "North Dakota teen accidentally shot" over "Richland County": the counties and
            # states the headline names are the text's too (not the state of a town's likeliest
            # reading: "Man arrested for shooting 9-year-old multiple times in Canton")
            words = title_doc.text[:_headline_end(title_doc.text)]
            headline = self.geo.build_context(words)
            context.admin2 |= headline.admin2
            context.admin1 |= {(country, admin1) for country, admin1, _county in headline.admin2}
            named = {state.admin1 for abbreviation in _AP_STATE.findall(words)
                     if (state := self.gaz.us_state(abbreviation)) is not None}  # "in Clinton, Md."
            context.admin1 |= {(country, admin1) for country, admin1 in headline.admin1
                               if admin1 in named or re.search(r"\b" + re.escape(admin1) + r"\b", words)}
        places = self.geo.find_places(doc, context)
        anchors = dates.section_anchors(_text_of(doc))
        dateline = self.geo.find_dateline(_text_of(doc))
        units = self._units(doc, places, anchors, dateline[1][1] if dateline else 0, article.published)
        frames = self._frames(units, doc, article.published)
        if not frames:
            if title_doc is None:
                return []
            # A page whose text tells no incident (a paywall, a sign-up box) may still have a
            # headline that does ("4 people shot in southeast Atlanta"): one frame from it alone.
            frames = [Frame()]
        # a page whose text names no country (a paywall, a caption) is read in what its headline names
        # (not the site's name after it: "WTVM.com-Columbus, GA" is where the station is)
        title_context = context if context.countries or headline is None else headline
        title_matches = self._title_places(title_doc, title_context) if title_doc is not None else []
        title_places = [m.place for m in title_matches]
        title_kinds = taxonomy.kinds_in(article.title or "")
        main = self._main(frames, title_places, title_kinds)
        self._denials(units, frames, main)
        if main.place is None:
            main.place, main.place_evidence = self._fallback_place(article, doc, places, title_matches)
        elif (town := self._headline_town_elsewhere(main, title_matches, article.title or "")) is not None:
            main.place, main.place_evidence = town.place, self._title_evidence(article)
        inside = self._city_within(main.place, places, title_places)
        if inside is not None:
            main.place, main.place_evidence = inside.place, self._evidence_at(article, doc, inside.start_char)
        elif (inside := self._city_within(main.place, [m for m in title_matches if m.start_char >= _headline_end(
                article.title or "")])) is not None:
            # "a Smith County constable" on "KLTV.com - Tyler, Longview, Jacksonville": the site's town
            main.place, main.place_evidence = inside.place, self._title_evidence(article)
        for frame in frames:
            if not _SUBURB.search(frame.place_told):  # "the Denver suburb of Wheat Ridge" is a town of its own
                frame.place = self._city_of(frame.place, places, _text_of(doc))
        if main.date_expr is not None and main.date_expr.kind in _RELATIVE_TO_MAIN:
            # "in a shooting a day earlier", told of the main incident itself: a day from no day
            main.date_expr = main.date_unit = None
        if main.date_unit is not None and main.date_unit.date_strength == _AFTERMATH and self._follow_up(main, article):
            # a story of charges or a trial dated only by what followed the shooting ("On Monday, he was
            # extradited", "entered a guilty plea Thursday"): the day of a step of the law, not the shooting's
            main.date_expr = main.date_unit = None
        if main.date_expr is None:
            self._loose_date(main, frames, units, article)
        if main.date_expr is None and title_doc is not None:
            self._title_date(main, title_doc)
        ordered = [main] + [f for f in frames if f is not main]
        main_date, _ = self._date(main, article, None, is_main=True)
        mentions = []
        for n, frame in enumerate(ordered):
            mentions.append(self._mention(article, frame, n, is_main=frame is main, main_date=main_date,
                                          title_kinds=title_kinds if frame is main else [],
                                          title_doc=title_doc if frame is main else None))
        return [m for m in mentions if m.kind or m.figures]

    def _loose_date(self, main: Frame, frames: list[Frame], units: list[Unit], article: Article) -> None:
        """An article that tells one incident, in sentences that say no day, names its day elsewhere
        ("deputies responding to a 911 call Sunday found the girl's body"): the first day the
        article names is taken. On the dev split, the day so found is the incident's 2.6 times as
        often as the publication day it replaces is. In an article that tells several incidents
        the day may be any of theirs, or the background's ("a ceasefire agreed last Saturday"), so
        none is taken. The day is less sure than one told with the incident: precision 2 at best."""
        if len(frames) != 1 or self._follow_up(main, article):
            return
        for unit in units:
            if unit.background or unit.date_expr is None or unit.date_expr.kind in _RELATIVE_TO_MAIN \
                    or unit.date_expr.precision > 3:  # a month named elsewhere is no day
                continue
            main.date_expr = unit.date_expr.model_copy(update={"precision": max(unit.date_expr.precision, 2)})
            main.date_unit = unit
            return

    @staticmethod
    def _title_date(main: Frame, title_doc: Doc) -> None:
        """A main incident its text dates nowhere, by the headline's day ("Police: Multiple people shot
        Sunday outside Harrisburg community center", "Victim of Friday night shooting died Monday"): the
        day of the shooting, not of what followed ("charged Monday"), as for a sentence. Precision 2 at
        best, as a day told outside the incident's sentences. A headline's "overnight" or "today" is the
        publication's day, which the main incident falls back on anyway, unsure (``date_assumed``)."""
        headline = title_doc.text[:_headline_end(title_doc.text)]
        best, strength = None, _NEUTRAL - 1
        for s, _e, expr in dates.find_date_exprs(headline):
            if expr.kind not in _TITLE_DAY_KINDS or expr.precision > 3:
                continue
            told = _date_attachment(title_doc, s)
            if told > strength:
                best, strength = expr, told
        if best is not None:
            main.date_expr = best.model_copy(update={"precision": max(best.precision, 2)})
            main.dated_by_title = True

    def _date(self, frame: Frame, article: Article, main_date, is_main: bool):
        if frame.date_expr is not None:
            return dates.resolve(frame.date_expr, article.published, main_date)
        if frame.same_time_unit is not None and not is_main:
            return (main_date, 1) if main_date else (None, None)
        if is_main and article.published is not None:
            if self._follow_up(frame, article):
                # A story about charges, a trial or a sentence comes weeks or years after the shooting
                # it does not date: its publication says nothing about the incident's day.
                return None, None
            hour = dates.first_clock_hour(article.text)
            if hour is not None and hour >= LATE_EVENING_HOUR:
                # "shots were fired about 11:30 p.m.", no day named: the night before the report (on
                # the dev split, 28 such reports were published the day after, 14 the same day)
                return article.published - dt.timedelta(days=1), 2
            return article.published, 2  # not stated: the report's day, give or take
        return None, None

    @staticmethod
    def _follow_up(frame: Frame, article: Article) -> bool:
        return any(_FOLLOW_UP.search(u.text) for u in frame.units[:2]) or (
            not frame.units and bool(_FOLLOW_UP.search(article.title or "")))

    def _date_evidence(self, article: Article, frame: Frame, is_main: bool) -> Evidence | None:
        if frame.dated_by_title:
            return self._title_evidence(article)
        unit = frame.date_unit or (frame.same_time_unit if not is_main else None)
        return self._evidence(article, unit, attributed=False) if unit else None

    def _evidence(self, article: Article, unit: Unit, attributed: bool = True) -> Evidence:
        sent = unit.sent
        return Evidence(article_id=article.id, start=sent.start_char, end=sent.end_char, quote=sent.text.strip(),
                        attributed_to=unit.speaker if attributed else None)

    def _mention(self, article: Article, frame: Frame, n: int, is_main: bool, main_date, title_kinds,
                 title_doc: Doc | None = None) -> Mention:
        texts = [u.text for u in frame.units]
        kind = taxonomy.best_kind(texts + ([article.title] if is_main and article.title else []))
        if kind is None and any(u.raw_figures for u in frame.units):
            kind = taxonomy.KIND_BY_NAME["attack"]
        date, precision = self._date(frame, article, main_date, is_main)
        headline, headline_hurt = self._title_figures(article, title_doc) if title_doc is not None else ([], [])
        reports = self._figures(article, frame, next((r for r in headline if r.kind == "killed"), None),
                                self._fatal_phrase(article, frame, is_main))
        told = {r.kind for r in reports}
        if not told & {"killed", "injured"}:
            reports += headline
        elif "injured" not in told:
            # "Blount County shooting spree leaves 4 wounded, gunman dead": the text tells of the dead
            # alone, the headline counts the hurt (a count of the shot would include the dead)
            reports += headline_hurt
        statements = [
            Statement(kind="denial", speaker=speaker, party=party, evidence=self._evidence(article, unit))
            for unit, speaker, party in frame.denials
        ]
        actors = self._actors(article, frame, statements, is_main)
        for unit in frame.units:
            if unit.speaker and unit.agents:
                statements.append(Statement(kind="claim", speaker=unit.speaker,
                                            party=attribution.party_in(unit.speaker, self.party),
                                            evidence=self._evidence(article, unit)))
        # A page whose text tells nothing (a paywall) is known by its headline alone: its words are
        # what another report of the incident can be matched on.
        told = [u.sent for u in frame.units] or (
            [title_doc.char_span(0, _headline_end(title_doc.text), alignment_mode="contract") or title_doc[:]]
            if title_doc is not None else [])
        names = sorted({ent.text for u in frame.units for ent in u.sent.ents if ent.label_ == "PERSON"
                        and (u.speaker is None or ent.text not in u.speaker)})
        words = Counter(t.lemma_.lower() for sent in told for t in sent
                        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and len(t.text) > 3)
        return Mention(
            id=f"{article.id}#{n}",
            article_id=article.id,
            role="main" if is_main else "mention",
            kind=kind.name if kind else None,
            event_type=kind.event_type if kind else None,
            sub_event_type=kind.sub_event_type if kind else None,
            weapon=kind.weapon if kind else None,
            date=date,
            date_precision=precision,
            date_expr=frame.date_expr or (frame.same_time_unit.date_expr if frame.same_time_unit and not is_main else None),
            date_evidence=self._date_evidence(article, frame, is_main),
            place=frame.place,
            place_evidence=frame.place_evidence or (
                self._evidence(article, frame.place_unit, attributed=False) if frame.place_unit else None),
            actors=actors,
            figures=reports,
            statements=statements,
            evidence=[self._evidence(article, u) for u in frame.units] or (
                [self._title_evidence(article)] if title_doc is not None else []),
            names=names,
            keywords=[w for w, _ in words.most_common(12)],
        )

    def _fatal_phrase(self, article: Article, frame: Frame, is_main: bool) -> Evidence | None:
        """Where a report calls the incident deadly ("a fatal shooting", "the shooting death of"):
        someone died, however many."""
        if is_main and article.title and _FATAL_SHOOTING.search(article.title[:_headline_end(article.title)]):
            return self._title_evidence(article)
        unit = next((u for u in frame.units if _FATAL_SHOOTING.search(u.text)), None)
        return self._evidence(article, unit) if unit is not None else None

    def _figures(self, article: Article, frame: Frame, headline_killed: FigureReport | None = None,
                 fatal_phrase: Evidence | None = None) -> list[FigureReport]:
        """The figures of one frame: counts as written, and when the article counts no one,
        its victims one by one. "Shot" counts the killed and the injured together. A death only
        the headline tells ("baby girl accidentally shot, killed") counts, and its victim is not
        also one of the injured."""
        reports: list[FigureReport] = []
        shot: list[FigureReport] = []
        with_shooter: set[int] = set()  # ids of the counts of the dead that add the shooter to those they shot
        seen = set()
        for unit in frame.units:
            for raw in unit.raw_figures:
                key = (unit.sent_index, raw.kind, raw.value)
                if key in seen:
                    continue
                seen.add(key)
                report = FigureReport(kind="injured" if raw.kind == "shot" else raw.kind, value=raw.value,
                                      qualifier=raw.qualifier, evidence=self._evidence(article, unit))
                (shot if raw.kind == "shot" else reports).append(report)
                if raw.shooter:
                    with_shooter.add(id(report))
        kinds = {r.kind for r in reports}
        # Victims are read one by one only when a count is missing: the parse walk is not free.
        people = []
        if "killed" not in kinds or ("injured" not in kinds and not shot):
            told = sorted(frame.units + frame.follow_units, key=lambda u: u.start)
            people = victims.victims(list({u.sent_index: u.sent for u in told}.values()))
            if any(u.start > u.sent.start_char or u.end < u.sent.end_char for u in told):
                # a sentence cut where it moves to another incident ("The shooting came a day after a
                # 2-year-old boy died after being shot in Benton"): only the victims of the frame's part
                doc = told[0].sent.doc
                people = [v for v in people if any(u.start <= doc[i].idx < u.end for i in v.tokens for u in told)]
        killed_people = [v for v in people if v.killed]
        unit_of = {u.sent.start_char: u for u in frame.units + frame.follow_units}
        if "killed" not in kinds and killed_people:
            first = killed_people[0]
            unit = unit_of[(first.death or first.evidence[0]).start_char]  # where a death is told
            if headline_killed is not None and len(killed_people) < headline_killed.value <= sum(v.harmed for v in people) \
                    and not figures.find_figures(headline_killed.evidence.quote):  # its dead told one by one, not counted
                # "Soldier fatally shoots 11-year-old daughter, himself" over "shot Tasha and then turned the gun
                # on himself": the headline tells the death of one the text tells shot
                reports.append(headline_killed)
                killed_people = [v for v in people if v.harmed][:headline_killed.value]
            else:
                reports.append(FigureReport(kind="killed", value=len(killed_people), evidence=self._evidence(article, unit)))
            kinds.add("killed")
        elif "killed" not in kinds and headline_killed is not None and (people or shot):
            reports.append(headline_killed)
            kinds.add("killed")
        elif "killed" not in kinds and fatal_phrase is not None:
            reports.append(FigureReport(kind="killed", value=1, qualifier="at_least", evidence=fatal_phrase))
            kinds.add("killed")
        dead = [r for r in reports if r.kind == "killed" and r.qualifier != "vague"]
        killed = max((r.value for r in dead), default=0)
        if shot:
            # "Six people were shot ... one victim is being treated for life-threatening injuries":
            # the hurt are the shot less the dead, unless a larger count of the hurt is given. A
            # shooter who then took their own life is not one of those they shot.
            best = max(shot, key=lambda r: r.value)
            if killed_people and killed == len(killed_people):
                killed -= sum(v.by_own_hand for v in killed_people)
            elif dead and id(max(dead, key=lambda r: r.value)) in with_shooter:
                killed -= 1  # "Man shoots 4 relatives, killing 2, then himself": 2 of the 4 hurt
            if _BESIDES_THE_DEAD.search(best.evidence.quote):
                killed = 0  # "A woman and two other men were also shot"
            best.value = max(best.value - killed, 0)
            if best.value > max((r.value for r in reports if r.kind == "injured"), default=-1):
                reports.append(best)
        if "injured" not in kinds and not shot:
            # Everyone hit, less the dead however they were counted: "Geonna Bradley was shot"
            # and "a 4-year-old girl died" are one victim.
            hit = [v for v in people if v.harmed]
            hurt = [v for v in hit if not v.killed]
            injured = len(hit) - killed
            if killed and not killed_people:
                # The dead were counted, not told one by one: only someone told as one more
                # ("and another was injured") is surely not one of them.
                hurt = [v for v in hurt if v.key.startswith("new:")]
                injured = len(hurt)
            if hurt and injured > 0:
                unit = unit_of[hurt[0].evidence[0].start_char]
                reports.append(FigureReport(kind="injured", value=injured, evidence=self._evidence(article, unit)))
        return reports

    def _title_figures(self, article: Article, title_doc: Doc) -> tuple[list[FigureReport], list[FigureReport]]:
        """Casualties the headline alone gives ("5 hurt as wounded patron fires back", "Boy
        accidentally shoots himself"), for a main incident whose text counts no one; and of them,
        the hurt it counts as such ("4 wounded", not "4 shot")."""
        evidence = self._title_evidence(article)
        headline = title_doc.text[:_headline_end(title_doc.text)]
        raw = [] if figures.is_background(headline) or figures.is_roundup(headline) else figures.find_figures(headline)
        reports = [FigureReport(kind="injured" if r.kind == "shot" else r.kind, value=r.value, qualifier=r.qualifier,
                                evidence=evidence) for r in raw]
        if reports:
            killed = max((r.value for r in reports if r.kind == "killed"), default=0)
            shot = [r for r, x in zip(reports, raw) if x.kind == "shot"]
            for r in shot:  # "3 shot, 1 fatally": the hurt are the shot less the dead
                r.value = max(r.value - killed, 0)
            hurt = [r for r, x in zip(reports, raw) if x.kind == "injured"]
            return [r for r in reports if r.value or r.kind != "injured" or not shot], hurt
        people = victims.victims([s for s in title_doc.sents if s.start_char < len(headline)], headline=True)
        killed = sum(v.killed for v in people)
        hurt = sum(v.harmed and not v.killed for v in people)
        one_told = _SHOT_SELF.search(headline) or (_HEADLINE_VICTIM.search(headline) and _HEADLINE_HARM.search(headline))
        if not people and one_told:
            # headline case and telegraphese defeat the parser ("6-year-old playing with gun shot and killed")
            killed, hurt = (1, 0) if _HEADLINE_FATAL.search(headline) else (0, 1)
        elif one_told and not killed and hurt == 1 and (fatal := _HEADLINE_FATAL.search(headline)) \
                and not _SOMEONE_ELSES_DEATH.search(headline, 0, fatal.start()):
            # "Victim In Boyle Co. Accidental Shooting Dies": the one the parse found hurt is dead
            # (not "Man who killed wife shot by deputies")
            killed, hurt = 1, 0
        return ([FigureReport(kind="killed", value=killed, evidence=evidence)] if killed else []) + \
            ([FigureReport(kind="injured", value=hurt, evidence=evidence)] if hurt else []), []

    def _actors(self, article: Article, frame: Frame, denials: list[Statement], is_main: bool) -> list[Actor]:
        actors: dict[str, Actor] = {}
        for unit in frame.units:
            for party in unit.agents:
                actor = actors.setdefault(party, Actor(name=party, role="perpetrator"))
                actor.evidence.append(self._evidence(article, unit))
                if unit.speaker:
                    alleged = attribution.party_in(unit.speaker, self.party) or unit.speaker
                    if alleged != party and alleged not in actor.alleged_by:
                        actor.alleged_by.append(alleged)
        if is_main and article.title:
            for party in attribution.agents(article.title, self.party):
                actors.setdefault(party, Actor(name=party, role="perpetrator"))
        for denial in denials:
            if denial.party and denial.party in actors:
                actor = actors[denial.party]
                if denial.speaker not in actor.denied_by:
                    actor.denied_by.append(denial.speaker)
        for actor in actors.values():
            if actor.alleged_by or actor.denied_by:
                actor.role = "alleged_perpetrator"
        return list(actors.values())
