"""Casualty and damage figures in a piece of text: which count goes with which
casualty word, and which numbers are background (tolls of a whole war, a year,
a city) rather than figures of the incident told."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.extract.numbers import find_numbers, parse_number_word

# Words that say what happened to the people counted, when they follow the count.
_AFTER = {
    "killed": r"shot and killed|shot dead|shot to death|killed|dead|died|dies|die|slain|murdered|lost (?:their|his|her) lives?|deaths?|fatalit(?:y|ies)|bodies|fatally|mortally",
    "injured": r"injured|wounded|hurt|injuries|hospitali[sz]ed|casualties|suffered (?:gunshot )?wounds?|"
               r"(?:\w+\s+)?to (?:the |a |area |local )?hospitals?",
    # Hit by gunfire: the killed and the injured together ("three people were shot, one fatally").
    "shot": r"shot|struck by (?:gunfire|bullets?)|hit by (?:gunfire|bullets?)|"
            r"(?:hit|struck) in the (?:\w+ )?(?:legs?|arms?|chest|torso|head|neck|back|abdomen|stomach|shoulders?|hands?|"
            r"feet|foot|face|buttocks|hips?|thighs?|side|groin)",
    "missing": r"missing|unaccounted for",
    "buildings_destroyed": r"destroyed|razed|flattened|leveled|levelled|demolished|reduced to rubble",
}
# A verb right before the count whose object it is ("killing at least 13").
_BEFORE = re.compile(
    r"\b(?P<verb>killing|killed|kills|kill|claim(?:ing|ed|s)? the lives? of|injuring|injured|injures|wounding|wounded|wounds|shooting|shoots|shot|"
    r"leaving|left|death toll (?:rose|climbed|jumped|increased|reached|stood|stands|is|was|of|at)(?: to| at)?|"
    r"toll (?:rose|climbed|rises|reached) to)\s+(?:(?:his|her|their)\s+)?(?:at least |more than |about |around |some |nearly |over |up to |as many as |an estimated )?$",
    re.I,
)
# "shot and fatally wounded four friends", "fatally shot his 2 sons": the count is of the dead
_FATALLY_BEFORE = re.compile(r"\b(?:fatally|mortally)\s+\w+\s+(?:(?:his|her|their)\s+)?(?:at least |more than |about )?$",
                             re.I)
_VERB_KIND = {"kill": "killed", "clai": "killed", "deat": "killed", "toll": "killed", "inju": "injured", "woun": "injured",
              "shoo": "shot", "shot": "shot"}
_BUILDINGS = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:buildings?|houses?|homes?|apartments?|structures?|residences?|dwellings?)\b", re.I)
# Counted things that are not people: the number is not a casualty figure.
_NOT_PEOPLE = re.compile(
    r"^\s*(?:[-\w]+\s+)?(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|km|kilometres?|kilometers?|miles?|"
    r"feet|metres?|meters?|times|rounds?|shots|bullets|shell casings|casings|missiles?|rockets?|drones?|villages?|"
    r"cities|towns|sites|blocks?|cars?|vehicles?|percent|%|dollars?|mph|calibers?|caliber|mm|a\.m|p\.m|"
    r"o'clock|counts?|charges?|inhabitants|residents living|guns?|weapons?|rifles?|handguns?|suspects?|witness(?:es)?|"
    r"legs|arms|hands|feet|eyes|ears|knees|shoulders|sides|ends|directions)\b",  # "scrapes on both legs"
    re.I,
)
# "Antonio Mason, 35, died", "another woman, also 22, was shot": an age in apposition, not a count.
_AGE_BEFORE = re.compile(r"(?:\b\d{1,2},? and\s*$)|(?:\bwhom? (?:\w+\s+){0,3}?(?:was|is)\s+(?:about\s+|around\s+)?$)|(?:[A-Z][\w'-]+\.?|\b(?:m[ae]n|wom[ae]n|males?|females?|boys?|girls?|victims?|teens?|teenagers?|sons?|daughters?|mother|father|wife|husband|people|brothers?|sisters?|others?|one|"
                         r"child|baby|toddler|infant|kid|grandson|granddaughter|nephew|niece)),\s*(?:also\s+)?$")
_AGE_AFTER = re.compile(r"^[ \t]*(?:,|;|\)|\.(?:\s|[A-Z\[]|$)|and\b|who\b|of\b|\n|[—–]|-\s|$)")
# "two males, 30 and 42 were injured": the last of a list of ages right after a noun and its comma
_AGE_LIST_BEFORE = re.compile(
    r"\b(?:m[ae]n|wom[ae]n|males?|females?|boys?|girls?|victims?|teens?|teenagers?|people|others?),\s*"
    r"\d{1,2}(?:,\s*\d{1,2})*,?\s+and\s*$")
# "turned 21", "ages 29 and 22": ages after the word that says so.
_AGE_WORD_BEFORE = re.compile(r"\b(?:(?:turned|turns|turning|aged?|ages)\s+(?:of\s+)?(?:between\s+)?|(?:in )?age (?:from |of )?|"
                              r"(?:younger|older) than\s+|under the age of\s+)(?:\d{1,3}\s*(?:,|and|or|to|through|thru|-|–)\s*)*$", re.I)
_SUSPENDED_HYPHEN = re.compile(r"-\s*(?:,\s*|and\s+|or\s+|to\s+|&\s*)(?:an?\s+)?\d")
# "they were both 17", "all four victims were taken to the hospital": an age, or a group counted where it
# was first told; but "all four died" counts the dead.
_ALL_BEFORE = re.compile(r"\b(?:both|all|each)\s+$", re.I)
_ALL_DIED_AFTER = re.compile(r"^\s+(?:(?:were|was|have|had|are)\s+(?:\w+\s+)?)?(?:died|killed|dead|slain)\b", re.I)
# "All four victims suffered non-life threatening injuries": the whole group hurt, none dead
_ALL_SURVIVED_AFTER = re.compile(r"^\s+(?:[-\w]+\s+){0,3}?(?:suffered|sustained|received|had|with|have)\s+(?:only\s+)?"
                                 r"(?:minor|non-?\s?life[- ]threatening|superficial)\b", re.I)
# "killed four classmates and himself", "killing two people and then herself"
_AND_SELF_AFTER = re.compile(r"^\s+(?:[-\w]+\s+){0,3}?and\s+(?:then\s+)?(?:himself|herself)\b", re.I)
# "killing 2, then himself", "left seven dead ... before killing himself", "shot five people to death before
# turning the gun on himself": the shooter's own death, later in the sentence, is one more
_THEN_SELF_LATER = re.compile(
    r"[^.;!?]{0,100}?\b(?:before|then|and then)\s+(?:fatally\s+)?(?:(?:killing|killed|shooting|shot|turning|turned)\s+"
    r"(?:the\s+gun\s+on\s+)?)?(?:himself|herself)\b", re.I)
_INCLUDING_SHOOTER = re.compile(r"\bincluding\s+(?:the\s+(?:gunman|shooter|suspect)|himself|herself)\b", re.I)
_COUPLE_BEFORE = re.compile(r"\bcouple\s+and\s+(?:their|his|her)\s+$", re.I)
# "Two children, ages 3 and 5, and their mother": the count, then one more
_ONE_MORE_AFTER = re.compile(r"^(?:(?!including|among)[^.;])*?,?\s+and\s+(?:his|her|their)\s+(?:mother|father|mom|dad|wife|husband|grandmother|"
                             r"grandfather|aunt|uncle|brother|sister|son|daughter|girlfriend|boyfriend)\b", re.I)
# "Laura Coleman and her two children", "his wife, Ann, and their three sons": a person, then the count
_ONE_MORE_BEFORE = re.compile(
    r"(?:\b(?!(?:Police|Officers|Deputies|Authorities|Investigators|Detectives|Troopers|Officials|The|A|An|He|She|They|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|\b(?:his|her|their)\s+(?:wife|husband|son|daughter|mother|father|brother|"
    r"sister|girlfriend|boyfriend|grandmother|grandfather|aunt|uncle|cousin|partner)(?:,?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},?)?"
    r"|\b(?:[Aa]n?|[Tt]he)\s+(?:[-\w]+\s+)?(?:man|woman|father|mother|dad|mom|grandmother|grandfather))"
    r"\s+and\s+(?:his|her|their)\s+$")
_SPACED_AGE_AFTER = re.compile(r"\s*-\s*(?:year|month|week|day)s?[- ]old\b", re.I)
# "Hwy 62", "Route 9", "Apt. 4", "Flight 518": a number that names a road, a room or a flight.
_NAMING_BEFORE = re.compile(r"\b(?:Hwy|Highway|Route|Rte|Rt|Interstate|I|US|SR|CR|Road|Exit|Apt|Apartment|Suite|Unit|Room|"
                            r"Lot|Flight|No|Number|Precinct|District|Ward|Station|Engine|Ladder|Channel|Building|Bldg|Hangar|Gate|Pier|"
                            r"Terminal|Floor)\.?\s*-?\s*$|#\s*$")
# "Father of 3 fatally shot", "a mother of two": the children are not the victims.
# "the sister of the two boys": whose kin someone is.
_PARENT_OF_BEFORE = re.compile(r"\b(?:father|mother|dad|mom|parent|grandfather|grandmother|grandparent|sister|brother|"
                               r"sibling|aunt|uncle|cousin)\s+of\s+(?:the\s+)?$", re.I)
# "one of the six": the group was counted where it was first told.
_OF_THE_BEFORE = re.compile(r"\b(?:(?:one|two|three|some|all|each|both|none|any|\d+) of|out of) (?:the|those|these)\s+$"
                            r"|\b(?:first|second|third|last|latest) of\s+$", re.I)  # "the first of two teenagers killed"
# "6740 N. Clark St.", "the 48205 ZIP code", "the 2500 block": house numbers, ZIP codes, blocks.
_ADDRESS_AFTER = re.compile(r"^\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+[A-Z\d]|(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|"
                            r"Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Pkwy)\b|ZIP\b|zip\b|block\b|"
                            r"(?:North|South|East|West)\b|\d+(?:st|nd|rd|th)\s+[A-Z])")
# "April 12", "June 24, 2014": the day of a date; "911 call": a phone number.
_DATE_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_NOT_A_COUNT = {911}
# "in his early 20's", "in their 30s", "20 y/o killed": a decade of age, an age.
_DECADE_AFTER = re.compile(r"^['’′]?s\b|^\s*y/?o\b")
# "Image 2 of 8", "Photo 3 of 12": a gallery's captions.
_GALLERY_BEFORE = re.compile(r"\b(?:images?|photos?|slides?|pictures?|pages?)\s+(?:\d+\s+of\s+)?$", re.I)
# "1 of 11 A man died Thursday": a gallery's counter run into the caption it stands before.
_GALLERY_COUNTER = re.compile(r"\s*(?P<n>\d+)\s+of\s+(?P<of>\d+)\s+(?=[A-Z])")
# A US station's call sign ("WREX", "KSDK-TV"), not a capitalised word that looks like one.
_CALL_SIGN = r"(?!KILL\b|WERE\b|WITH\b|WHEN\b|WHO\b|WAS\b|WILL\b|KEEP\b)[KW][A-Z]{2,3}"
# "(CBS 8/CNS)", "FOX 59 News", "News 5 WCYB": a broadcaster's channel number.
_CHANNEL_BEFORE = re.compile(rf"(?:\b{_CALL_SIGN}(?:-TV)?|"
                             r"\bCBS|\bNBC|\bABC|\bFOX|\bFox|\bCW|\bPIX|\bLEX|\bChannel|NewsChannel|\bNews|\bNEWS|\bOn)\s$")
# "59 News", "13 WREX has learned", "7News", "Pro 21 Video"
_CHANNEL_AFTER = re.compile(rf"^(?:\s*News|\s*Video\b|\s+{_CALL_SIGN}\b)")
# "sentenced to 25 to 50 years": a range of time
_RANGE_OF_TIME = re.compile(r"^\s*(?:to|-|–|or)\s*\d+\s+(?:years?|months?|weeks?|days?|hours?)\b", re.I)
# "all 16 or younger", "between 25 and 35 years old": ages again.
_AGE_LIMIT_AFTER = re.compile(r"^\s*(?:(?:or|and) (?:younger|older|under|over)\b|(?:and|to|or|-)\s*\d{1,2}\s*(?:years?[- ]old|-year-old))", re.I)
_PAREN_AGE = re.compile(r"\([^()\n]{0,15},\s*$")  # "(w/m, 46)"
# "The four Marksville Police Department officers involved in the shooting that killed a 6-year-old":
# who fired, not who was hit
_SHOOTERS_AFTER = re.compile(r"^\s*(?:[-\w.]+\s+){0,4}?(?:officers|deputies|troopers|agents|policemen)\s+"
                             r"(?:who\s+(?:were\s+)?)?involved\b", re.I)
# "one of the injured", "two children are among those killed": a part of a group already counted.
_PARTITIVE = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:(?:are|were|was|is)\s+)?(?:of|among)\s+(?:the|them|those|whom|our|their|its|his|her)\b", re.I)
# "shot eight men, killing two of them", "killing two of the deputies": the dead among those shot are
# counted here, the group was counted before
_OF_THOSE_SHOT = re.compile(r"^\s+of\s+(?:them|those|the\s+(?:[-\w]+\s+)?(?:victims|people|men|women|deputies|officers|"
                            r"children|kids|teens|teenagers|students|sisters|brothers|relatives|family members|others))\b", re.I)
# "13 civilians, including two children, were killed": the second count is a subset.
_SUBSET_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+(?:at least\s+|about\s+)?$", re.I)

# Numbers that are about something wider than the incident.
BACKGROUND = re.compile(
    r"(?<!, )\bso far\b|\bso far\b(?!,)|\bto date\b|\bsince (?:the (?:start|beginning|outbreak)|fighting|the fighting|the war|the conflict|(?:late |early |mid-?)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:19|20)\d\d)\b|"
    r"\bin total\b|\b(?:this|last|each|every|per) (?:year|summer|spring|winter)\b|\bannually\b|\bin (?:19|20)\d\d\b|\b(?:19|20)\d\d-(?:19|20)?\d\d\b|"
    r"\b(?:a|the) war (?:that|which|in)\b|\bduring the (?:war|conflict)\b|\bover the (?:past|last)\b|"
    r"\b(?:of|in|over) the (?:last|past) (?:\w+ )?(?:days|weeks|months|years)\b|\bover (?:\w+[- ])?(?:days|weeks|months|years)\b|\bbringing the (?:total|death toll|number|toll)\b|"
    r"\bpushing the (?:\w+ )?(?:death )?toll\b|\bcumulative\b|\bstatistics\b|\bstats\b|\bhomicides\b|\bin the (?:city|country|state) this\b|"
    # a month's toll: "45 people were killed in July"
    r"\b(?:killed|murdered|slain|shot|wounded)\s+(?:in|during)\s+(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b(?!\s+\d)|"
    r"\bacross the (?:city|county|state|region|country)\b|\bdays of (?:19|20)\d\d\b|"
    r"\bover (?:a|an) (?:[-\w]+ )?(?:span|stretch|period)\b|\b(?:more|less) than \d+ hours\b|"
    r"\bbetween (?:\w+ )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.]{0,30}\band\b|\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(?:a|the) (?:string|series|spate|wave|rash) of\b|"
    r"\bbetween\s+(?:\w+\s+)?(?:19|20)\d\d\b|"  # "Between January 2010 and August 2013, seven were killed"
    # another incident the story recalls: "The incident follows a shooting last week that left a gunman
    # dead", "has been the site of two fatal shootings in the 13 months"
    r"\bfollows? (?:a|an|another|last \w+['’]s) (?:[-\w]+ ){0,3}?(?:shootings?|attacks?|killings?|homicides?)\b|"
    r"\bthe site of (?:\w+ ){0,2}?(?:shootings|attacks|killings|homicides)\b",
    re.I,
)

# "dozens of people", "hundreds of severely injured civilians": what a vague count counts
_VAGUE_OF = re.compile(r"^\s+of\s+((?:[-\w]+\s+){0,3}[-\w]+)")
_PEOPLE_WORDS = re.compile(r"\b(?:people|persons|civilians|m[ae]n|wom[ae]n|child(?:ren)?|kids|residents|soldiers|troops|"
                           r"students|victims|others|protesters|worshippers|passengers|workers|fighters|militants|"
                           r"officers|police(?:men)?|families|bystanders|servicem[ae]n|villagers|inhabitants)\b", re.I)
_NO_BEFORE = re.compile(r"\b[Nn]o\s+$")
_NEGATED = re.compile(r"\b(?:not|never|no|without)\b|n['’]t\b", re.I)
_SHOT_AS_NOUN = re.compile(r"\b(?:a|an|one|single|the|warning|fatal|first|second|third|last|final|another|each|every)\s+$", re.I)
_TO_DEATH_AFTER = re.compile(r"^\s*(?:[-\w]+\s+){0,2}?(?:to death|dead)\b", re.I)
_OTHERS = re.compile(r"^\s*(?:[-\w]+\s+)?(?:others?|more)\b", re.I)
_NEXT_CLAUSE = re.compile(r"\b(?:when|while|because|before|until|although|after)\b", re.I)
_AFTER_RE = {kind: re.compile(rf"\b(?:{words})\b", re.I) for kind, words in _AFTER.items()}


@dataclass
class RawFigure:
    kind: str
    value: int
    qualifier: str
    start: int  # offsets of the number in the text searched
    end: int
    shooter: bool = False  # a count of the dead with the shooter added ("killing 2, then himself": 3)


# Totals over several incidents: "21 people were shot in incidents across the city", "two separate
# shootings left six hurt". The sentence still tells when and where; its numbers are no incident's.
ROUNDUP = re.compile(
    r"\bseparate (?:incidents|shootings|attacks)\b|\bin (?:\w+ )?incidents\b|\bin (?!the\b)(?:[-\w]+ ){0,3}?shootings\b|\bof the (?:\w+ )?shootings\b"
    # "two Friday night shootings that killed one person and injured two others"
    r"|\b(?:two|three|four|five|six|several|multiple|\d+)\s+(?:[-\w]+\s+){0,3}?(?:shootings|incidents)\b", re.I)


def is_background(text: str) -> bool:
    return bool(BACKGROUND.search(text))


def is_roundup(text: str) -> bool:
    return bool(ROUNDUP.search(text))


# "two men charged in the death of a teen", "arrested in connection with the shooting death": the
# people counted are those held for a death, not the dead.
# "charged in the death", "charged last week in Williams' death", "in connection with last week's shooting death"
_HELD_FOR_DEATH = re.compile(r"\b(?:in|with|for|over|behind|to)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?"
                             r"(?:[-\w]+(?:['’]s?)?\s+){0,3}$", re.I)
# "Two men were arrested Thursday night on suspicion of fatally shooting a 4-year-old boy": the people
# counted are held for the harm the casualty word tells, not its victims.
_HELD_BEFORE_HARM = re.compile(r"^\s*(?:[-\w]+\s+){0,2}?(?:(?:were|was|have been|has been|are|is|had been)\s+)?"
                               r"(?:arrested|charged|indicted|accused|convicted|sentenced|detained|jailed|booked|"
                               r"wanted|sought|suspected|held|questioned|in custody)\b", re.I)


def _casualty_word(window: str) -> tuple[int, str] | None:
    """(where, kind) of the first casualty word in ``window`` (text after a count, up to the next count)."""
    best: tuple[int, str] | None = None
    for kind, pattern in _AFTER_RE.items():
        m = pattern.search(window)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    if best and best[1] == "killed" and window[best[0]:best[0] + 5].lower() == "death" \
            and _HELD_FOR_DEATH.search(window[:best[0]]):
        return None
    if best and _HELD_BEFORE_HARM.match(window[:best[0]]):
        return None
    return best


def _kind_after(window: str) -> str | None:
    """The kind of the first casualty word in ``window``."""
    word = _casualty_word(window)
    return word[1] if word else None


# (not "one of the juveniles, a 10-year-old boy": a part of a group, then who that is)
_GROUP = (r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?!of\b)[-\w]+\s+){0,2}?"
          r"(?:m[ae]n|wom[ae]n|males?|females?|boys?|girls?|teens?|teenagers?|adults?|child(?:ren)?|juveniles?|"
          r"people|persons|others?)\b")
# "three men and three women were injured", "2 girls, 2 men shot", "a woman and a child were shot": one count.
_COORDINATED = re.compile(rf"\b{_GROUP}(?:\s*,\s*{_GROUP})*\s*,?\s*(?:and|&)\s+{_GROUP}|\b{_GROUP}\s*,\s*{_GROUP}", re.I)
_GROUP_RE = re.compile(_GROUP, re.I)


def _coordinated(text: str, numbers: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """Numbers with each coordination of counted people ("two men and two women") read as one count."""
    for m in _COORDINATED.finditer(text):
        groups = list(_GROUP_RE.finditer(m.group(0)))
        counts = [parse_number_word(g.group(0).split()[0]) or 0 for g in groups]
        if len(groups) < 2 or not all(counts):
            continue
        # "Six people, three men and three women", "Three others, two males and a female": a count and its breakdown
        total = counts[0] if re.search(r"\b(?:people|persons|others?)\b", groups[0].group(0), re.I) and \
            sum(counts[1:]) == counts[0] else sum(counts)
        inside = [n for n in numbers if m.start() <= n[0] < m.end()]
        qualifier = inside[0][3] if inside and inside[0][0] == m.start() else "exact"
        numbers = [n for n in numbers if n not in inside]
        # "Six people, three men and three women, were wounded": a breakdown of the count before it
        if not any(v == total and re.fullmatch(r"[^,;.]{0,20}[,(—–]\s*", text[e:m.start()])
                   for _s, e, v, _q in numbers if e <= m.start()):
            numbers.append((m.start(), m.end(), total, qualifier))
    return sorted(numbers)


# "a double homicide", "a triple shooting": the count is in the adjective.
_MULTIPLE = re.compile(r"\b(?P<n>double|triple|quadruple|quintuple)[- ](?P<fatal>fatal |murder-|deadly )?"
                       r"(?P<what>homicides?|murders?|killings?|slayings?|shootings?|stabbings?)\b", re.I)
_MULTIPLE_N = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}


def _multiples(text: str) -> list[RawFigure]:
    found = []
    for m in _MULTIPLE.finditer(text):
        fatal = m["fatal"] or not m["what"].lower().startswith(("shooting", "stabbing"))
        found.append(RawFigure("killed" if fatal else "shot", _MULTIPLE_N[m["n"].lower()], "exact", m.start(), m.end()))
    return found


# "A third person has died", "5th person dies after July murder-suicide": the toll is the ordinal
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
_ORDINAL_DEATH = re.compile(
    r"(?:^|\b[Aa]\s+)(?P<n>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:[2-9]|1\d)(?:nd|rd|th))\s+(?:[-\w]+\s+)?"
    r"(?:person|people|victim|man|woman|teen|teenager|boy|girl|child|officer|student|resident)\s+"
    r"(?:(?:has|have|had)\s+)?(?:died|dies|dead|succumbed|is\s+dead|was\s+killed)\b", re.I)


def _ordinal_deaths(text: str) -> list[RawFigure]:
    found = []
    for m in _ORDINAL_DEATH.finditer(text):
        word = m["n"].lower()
        value = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        found.append(RawFigure("killed", value, "exact", m.start(), m.end()))
    return found


def find_figures(text: str) -> list[RawFigure]:
    """Casualty and damage counts in ``text``."""
    figures = _counts(text)
    kinds = {f.kind for f in figures}
    figures += [f for f in _multiples(text) if f.kind not in kinds]
    kinds = {f.kind for f in figures}
    return figures + [f for f in _ordinal_deaths(text) if f.kind not in kinds]


def _counts(text: str) -> list[RawFigure]:
    numbers = _coordinated(text, find_numbers(text))
    counter = _GALLERY_COUNTER.match(text)
    gallery = (counter.start("n"), counter.start("of")) if counter else ()
    # Subsets ("including two children") and ages ("two men, 21 and 25,") are not counts of their own.
    not_counts = [bool(_SUBSET_BEFORE.search(text[max(0, s - 25):s])) or value in _NOT_A_COUNT
              or bool(_DATE_BEFORE.search(text[max(0, s - 12):s]))
              or bool(" " not in text[s:e] and _AGE_BEFORE.search(text[max(0, s - 60):s]) and _AGE_AFTER.match(text[e:e + 10]))
              or bool(_AGE_WORD_BEFORE.search(text[max(0, s - 30):s]))
              or bool(" " not in text[s:e] and _AGE_LIST_BEFORE.search(text[max(0, s - 40):s]))
              or bool(_ALL_BEFORE.search(text[max(0, s - 8):s]) and not _ALL_DIED_AFTER.match(text[e:e + 30])
                      and not _ALL_SURVIVED_AFTER.match(text[e:e + 60]))
              or bool(_OF_THE_BEFORE.search(text[max(0, s - 20):s])) or bool(_PARENT_OF_BEFORE.search(text[max(0, s - 16):s]))
              or bool(_NAMING_BEFORE.search(text[max(0, s - 12):s]))
              or (text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha())  # "a fifteen-minute rampage", "a two-story home"
              or bool(_SUSPENDED_HYPHEN.match(text, e))  # "an 11- and 12-year-old": an age
              or bool(_SPACED_AGE_AFTER.match(text, e))  # "A three -year-old girl", a typo
              or bool(_DECADE_AFTER.match(text[e:e + 6])) or bool(_GALLERY_BEFORE.search(text[max(0, s - 20):s]))
              or s in gallery
              or (text[s:e].isdigit() and bool(_CHANNEL_BEFORE.search(text[max(0, s - 12):s])
                                                or _CHANNEL_AFTER.match(text[e:e + 12])))
              or bool(_RANGE_OF_TIME.match(text[e:e + 20]))
              or bool(_NO_BEFORE.search(text[max(0, s - 4):s]))  # "no one else was injured"
              or bool(_AGE_LIMIT_AFTER.match(text[e:e + 24]))
              or bool(_PAREN_AGE.search(text[max(0, s - 20):s]) and re.match(r"\s*\)", text[e:e + 3]))
              or (text[s:e].isdigit() and len(text[s:e]) >= 3 and bool(_ADDRESS_AFTER.match(text[e:e + 30])))
              for s, e, value, _q in numbers]
    figures: list[RawFigure] = []
    for i, (start, end, value, qualifier) in enumerate(numbers):
        if not_counts[i]:
            continue
        following = [s for j, (s, *_r) in enumerate(numbers) if j > i and not not_counts[j]]
        after_end = following[0] if following else len(text)
        after = text[end:min(after_end, end + 90)].split("\n", 1)[0]  # a count and its word share a line
        # "three of his friends were having a sleepover when he was shot": the casualty word is in
        # another clause, about someone else.
        after = _NEXT_CLAUSE.split(after, 1)[0]
        # Step over an inserted subset ("— including two children —") to the words that count.
        after = re.sub(r"^(\s*\w*\s*)[—–,(]\s*including[^—–,)]*[—–,)]", r"\1", after)
        before = text[max(0, start - 60):start]
        m = _BEFORE.search(before)
        if (_PARTITIVE.match(after) and not (m and _OF_THOSE_SHOT.match(after))) or _NOT_PEOPLE.match(after) \
                or _SHOOTERS_AFTER.match(after):
            continue
        if qualifier == "vague" and (things := _VAGUE_OF.match(after)) and not (
                _PEOPLE_WORDS.search(things.group(1)) or _kind_after(things.group(1)) or _BUILDINGS.match(after)):
            continue  # "garnered dozens of get-well wishes and ... that his injuries weren't worse"
        kind = None
        word_at = None  # where the casualty word that gives the kind is, when it follows the count
        if m and m["verb"].lower() == "shot" and _SHOT_AS_NOUN.search(before[:m.start("verb")]):
            continue  # "a single shot 223": the shot is a noun, the number a calibre
        if m:
            verb = m["verb"].lower()
            if verb.startswith(("leaving", "left")):
                kind = _kind_after(after)
            else:
                kind = _VERB_KIND.get(verb[:4])
                if kind in ("injured", "shot") and _FATALLY_BEFORE.search(before):
                    kind = "killed"  # "shot and fatally wounded four friends"
                # "killing and injuring dozens": one count for two kinds, so none.
                if re.search(r"\b(?:killing|killed) and (?:injuring|wounding|badly injuring)\s*(?:at least |more than )?$", before, re.I):
                    kind = None
        else:
            if _BUILDINGS.match(after):
                kind = "buildings_destroyed" if _AFTER_RE["buildings_destroyed"].search(after) else None
            else:
                word = _casualty_word(after)
                kind, word_at = (word[1], word[0]) if word else (None, None)
                if kind == "buildings_destroyed":
                    kind = None
                elif kind is not None and _NEGATED.search(after, 0, word_at):
                    kind = None  # "their three children were inside the home but weren't hurt"
        if kind == "shot" and m and _TO_DEATH_AFTER.match(after):
            kind = "killed"  # "shooting three people to death", "shot two men dead"
        if kind == "shot" and _OTHERS.match(after):
            kind = "injured"  # "one dead and 11 others shot": the shot here are besides the dead
        if kind and _ONE_MORE_BEFORE.search(before):
            value += 1  # "Laura Coleman and her two children died": one named, then the count
        elif kind and _COUPLE_BEFORE.search(before):
            value += 2  # "A Roy couple and their two young children were found dead"
        if kind and word_at is not None and text[start:end].lower() != "both" \
                and (more := _ONE_MORE_AFTER.match(after)) and more.end() <= word_at:
            value += 1  # "Two children, ages 3 and 5, and their mother have been found dead"
        shooter = kind == "killed" and bool((m and _AND_SELF_AFTER.match(after)) or (
            _THEN_SELF_LATER.match(text, end) and not _INCLUDING_SHOOTER.search(text, end, end + 100)))
        if shooter:
            value += 1  # "killed four classmates and himself": the shooter is one of the dead
        if kind:
            figures.append(RawFigure(kind, value, qualifier, start, end, shooter))
    return figures
