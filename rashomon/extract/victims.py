"""Counting victims the way local news tells them, one by one.

"Antonio Mason, 35, died at the scene ... his 11-month-old daughter was also
shot in the arm ... Another man, 21, suffered a gunshot wound" gives no count
at all, yet says 1 killed and 2 injured. Each predicate of harm (shot, killed,
died, wounded, stabbed ...) is read with its victim from the dependency parse;
victims are told apart by name, or by age and noun ("another man, 21"), and a
pronoun or a repeated "the man" is the same victim again. A victim who died is
counted as killed, not also as injured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from rashomon.extract.numbers import parse_number_word

FATAL_LEMMAS = {"kill", "die", "murder", "slay", "execute"}
HARM_LEMMAS = {"shoot", "wound", "injure", "hurt", "hit", "strike", "stab", "graze"} | FATAL_LEMMAS
PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "teen", "teenager", "person", "victim", "child", "toddler", "baby", "infant",
    "student", "driver", "resident", "father", "mother", "son", "daughter", "brother", "sister", "officer",
    "deputy", "trooper", "suspect", "gunman", "husband", "wife", "girlfriend", "boyfriend", "friend", "customer",
    "employee", "clerk", "worker", "passenger", "pedestrian", "bystander", "youth", "juvenile", "male", "female",
    "grandmother", "grandfather", "niece", "nephew", "cousin", "uncle", "aunt", "neighbor", "neighbour", "owner",
    "patron", "guest", "shopper", "motorist", "cyclist", "hunter", "roommate", "coworker", "classmate", "kid",
    "stepfather", "stepmother", "stepson", "stepdaughter", "grandson", "granddaughter", "parent", "relative",
    "acquaintance", "homeowner", "tenant", "guard", "teacher", "adult", "individual", "occupant", "spouse", "twin",
    "grader", "freshman", "sophomore", "newborn", "preteen", "inmate", "soldier", "veteran", "rapper", "intruder",
    "robber", "burglar", "shooter", "pastor", "nurse", "firefighter", "cop", "detective", "sergeant", "mom", "dad",
}
PRONOUNS = {"he", "she", "him", "her", "himself", "herself"}
# Not right after "non": "a non-fatal shooting", "non deadly wounds" tell of no death.
NOT_AFTER_NON = r"(?<!non-)(?<!non )"
_FATAL_TEXT = re.compile(NOT_AFTER_NON + r"\b(?:fatally|mortally|to death|dead|deadly|fatal)\b", re.I)
_AGE = re.compile(r"\b(\d{1,3}(?:-month)?|[a-z]+(?=-year-old))(?:-year-old|-old|,|-year old| years? old)", re.I)
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
# In hospital for something other than a wound.
_NOT_HURT_IN_HOSPITAL = re.compile(
    r"^\s*(?:\w+\s+){0,2}?for\s+(?:a\s+|an\s+)?(?:observation|evaluation|mental|psychiatric|smoke|shock|anxiety|"
    r"chest pains?|an? unrelated|unrelated|treatment of (?:a|an) (?:illness|condition))", re.I)
# "was shot at", "shot into the house": shooting toward someone, not hitting them.
_MISSED = re.compile(r"^\s*(?:at|into|toward|towards|from)\b", re.I)
_QUESTION = re.compile(r"\?[\"'”’)]*\s*$")
# A death of illness, not of violence: "died from cancer", "died of natural causes".
_NATURAL_DEATH = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:of|from)\s+(?:(?:a|an|his|her|their|breast|lung|brain|pancreatic|an apparent)\s+)*"
    r"(?:cancer|illness|disease|natural causes|heart attack|heart failure|stroke|leukemia|overdose|complications of (?!(?:his|her|the)\s+(?:gunshot|wound)))",
    re.I)


@dataclass
class Victim:
    key: str
    killed: bool = False
    harmed: bool = False
    age: str | None = None  # "13", "11-month": tells two people apart
    evidence: list[Span] = field(default_factory=list)
    death: Span | None = None  # the sentence that tells the death (the first of ``evidence`` may tell only a wound)
    by_own_hand: bool = False  # "shot his wife before turning the gun on himself": not one of those he shot
    tokens: set[int] = field(default_factory=set)  # the words that name this victim, read by two rules or more


def _listed_after(person: Token) -> list[Token]:
    """People listed after ``person`` that the parse hangs on it as appositions: "killed his son, his
    daughter, himself" (each with its own "his"; not "his son, John", the same person named)."""
    out: list[Token] = []
    for child in person.children:
        if child.dep_ != "appos":
            continue
        own = child.lower_ in _REFLEXIVES or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in child.children)
        if own:
            out.append(child)
            out.extend(c for c in child.conjuncts if c not in out)
            out.extend(_listed_after(child))
    return out


def _victim_token(predicate: Token, headline: bool = False) -> Token | None:
    """The person harmed: the passive subject ("was shot"), the subject of "died" or of
    "suffered a gunshot wound", or the object of an active verb ("killing a man"); in a headline
    the subject of a harm verb with no object ("Woman killed when gun fell")."""
    subject_verb = predicate.lemma_ in ("die", "be", "pass") or predicate.lemma_ in _WOUND_VERBS
    deps = ("nsubj",) if subject_verb else ("nsubjpass",)
    for child in predicate.children:
        if child.dep_ in deps:
            return child
    if not subject_verb and predicate.dep_ == "conj" and predicate.tag_ == "VBN" \
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in predicate.children):
        # "One teen is dead, and another seriously injured": a passive with its auxiliary left out
        subject = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    if predicate.dep_ == "conj" and predicate.head.pos_ in ("VERB", "AUX"):
        # "a boy shot early Wednesday ... has died", "was shot and killed": the first verb's subject
        for child in predicate.head.children:
            if child.dep_ in ("nsubjpass", "nsubj") if subject_verb or headline else child.dep_ == "nsubjpass":
                return child  # a headline drops the auxiliary: "Teenage girl shot and killed in KCK"
    if predicate.dep_ == "advcl" and predicate.tag_ in ("VBN", "VBD") and predicate.i > 0 \
            and predicate.nbor(-1).text == "," and predicate.head.lemma_ in HARM_LEMMAS \
            and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in predicate.children):
        # "A 17-year-old boy was shot, killed in Bluffton": what happened to one person, listed
        for child in predicate.head.children:
            if child.dep_ == "nsubjpass" or (headline and child.dep_ == "nsubj"):
                return child
    if subject_verb:
        return None
    reflexive = _reflexive_object(predicate)
    if reflexive:  # "a boy shoots himself", "before killing himself"
        return _subject(predicate, reflexive)
    for child in predicate.children:
        if child.dep_ == "dobj":
            return child
    # "a man shot in the leg": the participle modifies the victim
    if predicate.dep_ in ("acl", "relcl") and predicate.tag_ == "VBN":
        return predicate.head
    # "left a girl dead and her grandmother wounded", "found one man dead and another wounded": the
    # second state reads as an active verb
    elided_leave = predicate.dep_ == "conj" and (predicate.head.lemma_ in _LEAVE_FIND or (
        predicate.head.lower_ == "dead" and predicate.head.head.lemma_ in _LEAVE_FIND))
    if (headline or elided_leave) and predicate.tag_ in ("VBD", "VBN"):
        return next((c for c in predicate.children if c.dep_ == "nsubj"), None)
    return None


_REFLEXIVES = ("himself", "herself", "themselves")
_WEAPONS = {"gun", "weapon", "rifle", "shotgun", "handgun", "pistol", "firearm", "revolver"}


def _reflexive_object(predicate: Token) -> str | None:
    """"himself", "herself" or "themselves" as the object of ``predicate``, if it has one."""
    return next((c.lower_ for c in predicate.children if c.dep_ == "dobj" and c.lower_ in _REFLEXIVES), None)


def _subject(predicate: Token, reflexive: str | None = None) -> Token | None:
    """Who does what ``predicate`` says, up through the verbs it hangs off: the man in "a man
    shot his wife before killing himself". Not one a ``reflexive`` cannot stand for: "a toddler
    who picked up a gun her father had left and shot herself" is not about the father."""
    verb = predicate
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            noun = subject.lemma_.lower()
            if (reflexive == "herself" and noun in _MALE_NOUNS) or (reflexive == "himself" and noun in _FEMALE_NOUNS):
                return None
            return subject
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "before turning the gun on himself"
            verb = verb.head.head
        elif verb.dep_ in ("advcl", "conj", "xcomp"):
            verb = verb.head
        else:
            return None
    return None


def _own_hand(token: Token) -> Token | None:
    """The shooter of "turned the gun on himself", who took their own life."""
    if token.lemma_ != "turn" or not any(c.dep_ == "dobj" and c.lemma_ in _WEAPONS for c in token.children):
        return None
    on_self = next((o.lower_ for p in token.children if p.dep_ == "prep" and p.lower_ == "on"
                    for o in p.children if o.lower_ in _REFLEXIVES), None)
    return _subject(token, on_self) if on_self else None


def _an_age_as_noun(token: Token) -> bool:
    """"a 17-year-old was killed": the tokenizer splits the hyphens, so the person is "old"."""
    return token.text.endswith("-old") or (token.lower_ == "old" and any(
        c.lower_ in ("year", "years", "month", "months", "week", "weeks", "day") for c in token.lefts))


def _age(token: Token) -> str | None:
    # not an age in a clause of its own ("a mother who was shot by her 4-year-old child") or of
    # another person ("her brother and 4-year-old daughter")
    words = "".join(t.text_with_ws for t in token.subtree if not _in_clause(t, token))
    # not the day of a date: "after a hike Sunday, Dec. 4, 2016"
    found = next((m for m in _AGE.finditer(words) if not _MONTH_BEFORE.search(words, 0, m.start())), None)
    if found is None:
        return None
    age = found.group(1)
    if age[0].isdigit():
        return age
    value = parse_number_word(age)  # "Five-year-old Kason Guyton"
    return str(value) if value else None


def _key(token: Token, sent: Span, also: bool = False) -> str | None:
    """Who the victim is, as far as the sentence tells: a name, or noun and age."""
    if token.lower_ in PRONOUNS:
        return "<pronoun>"
    # The small model often tags rare given names as organisations ("Braison was pronounced dead").
    if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.is_title
                                       and token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT")):
        return "name:" + _full_name(token)
    if token.lower_ == "another" and token.dep_ in ("nsubjpass", "nsubj", "dobj"):
        return "new:person:"  # "three were shot to death and another was injured"
    if token.lower_ == "one":
        # "One of the men inside was pronounced dead": one of a group of people
        group = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in PERSON_NOUNS), None)
        return f"a:{group.lemma_.lower()}:" if group is not None else None
    if token.lemma_.lower() not in PERSON_NOUNS and not _an_age_as_noun(token):
        return None
    if token.tag_ in ("NNS", "NNPS"):
        return None  # a group is a count, read by the figures rules
    for t in _naming_words(token):
        if t.ent_type_ == "PERSON":
            return "name:" + _full_name(t)
    # "one man dead and another wounded": "one" brings someone in, as "a" does
    modifiers = [t for t in token.children if t.dep_ in ("det", "amod", "poss") or (t.dep_ == "nummod" and t.lower_ == "one")]
    if token.dep_ == "conj" and not modifiers and token.head.pos_ == "NOUN":
        # "his wife and child": the child is his too, someone brought in, not one met before
        modifiers = [t for t in token.head.children if t.dep_ in ("det", "poss")]
    determiners = {t.lower_ for t in modifiers}
    # "a man", "another man", "his brother" bring someone in; "the man" points back; "another" and
    # "also" make one more, "a man" and "his brother" may be someone the story names.
    # "the other man" is one more, but "the other boy, an 11-year-old" may be the victim of that age
    # told before ("a 10-year-old shot and killed an 11-year-old"): the other of shooter and victim
    age = _age(token)
    distinct = bool(determiners & {"another", "second", "third"}) or also or (
        "other" in determiners and not ("the" in determiners and age))
    possessive = any(t.dep_ == "poss" for t in modifiers)
    base = f"{token.lemma_.lower()}:{age or ''}"
    if not distinct and (possessive or determiners & {"a", "an", "one"}):
        return "a:" + base  # may be a named victim introduced
    return ("new:" if distinct else "same:") + base


def _naming_words(token: Token):
    """The words that may name the person ``token`` is: itself and its appositions and compounds
    ("the victim, Angela Hernandez"), not a possessor ("Kason's brother") or a place after it ("a man
    near Churchill Downs")."""
    yield token
    for child in token.children:
        if child.dep_ in ("appos", "compound"):
            yield from _naming_words(child)


# Nouns that name what happened to a person: "the death of his son", "the fatal shooting of a student".
FATAL_NOUNS = {"death", "killing", "murder", "slaying", "homicide"}
HARM_NOUNS = {"shooting", "stabbing", "wounding"}


def _in_clause(token: Token, above: Token) -> bool:
    """Whether ``token`` sits in a clause or a conjunct of its own below ``above``."""
    while token.i != above.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj"):
            return True
        token = token.head
    return False


def _full_name(token: Token) -> str:
    """The person's whole name as the sentence writes it ("melody cerros"), lower case."""
    doc = token.doc
    if token.ent_type_ == "PERSON":  # the entity's tokens around this one (IOB tags: no scan of doc.ents)
        start, end = token.i, token.i + 1
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        name = list(doc[start:end])
    else:  # "Melody Cerros" the parser saw, the entity recogniser did not
        name = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    words = [t.text for t in name if t.is_alpha]
    return " ".join(words).lower() or token.text.lower()


_FEMALE_NOUNS = {"woman", "girl", "mother", "mom", "daughter", "sister", "wife", "girlfriend", "grandmother", "niece", "aunt",
                 "female", "stepmother", "stepdaughter", "granddaughter"}
_MALE_NOUNS = {"man", "boy", "father", "dad", "son", "brother", "husband", "boyfriend", "grandfather", "nephew", "uncle", "male",
               "stepfather", "stepson", "grandson"}
_ADULT_NOUNS = {"man", "woman", "husband", "wife", "father", "mother", "grandmother", "grandfather", "uncle", "aunt",
                "boyfriend", "girlfriend", "officer", "deputy", "trooper"}
_YOUNG_NOUNS = {"boy", "girl", "child", "toddler", "baby", "infant", "juvenile", "teen", "teenager", "youth"}


def _alike(base: str, other: str) -> bool:
    """Whether two descriptions ("student:17", "boy:") may be one person: no two ages, genders or
    stages of life that differ."""
    noun_a, _, age_a = base.partition(":")
    noun_b, _, age_b = other.partition(":")
    if age_a and age_b and not _same_age(age_a, age_b):
        return False
    gender = [("f" if n in _FEMALE_NOUNS else "m" if n in _MALE_NOUNS else None) for n in (noun_a, noun_b)]
    if None not in gender and gender[0] != gender[1]:
        return False
    stage = [_stage(n, a) for n, a in ((noun_a, age_a), (noun_b, age_b))]
    return None in stage or stage[0] == stage[1]


def _stage(noun: str, age: str) -> str | None:
    """"young" or "adult", from the noun or else the age ("the 2-year-old" is no man). At 18 and 19
    either: "Harry LaRose, 18" is the teen the story told of."""
    if noun in _YOUNG_NOUNS:
        return "young"
    if noun in _ADULT_NOUNS:
        return "adult"
    if age:
        years = _years(age)
        return "young" if years < 18 else None if years < 20 else "adult"
    return None


def _years(age: str) -> int:
    """Whole years of an age as ``_age`` reads it ("13", "20-month")."""
    return int(age.split("-")[0]) // 12 if age.endswith("month") else int(age)


def _same_age(a: str, b: str) -> bool:
    """Whether two ages may be one person's: "a 1-year-old boy" is "the 20-month-old"."""
    return a == b or (a.endswith("month") != b.endswith("month") and _years(a) == _years(b))


def _harm_of_noun(token: Token) -> tuple[Token, bool] | None:
    """(victim, fatal) for "death/killing/shooting of <person>", "took the life of <person>"."""
    lemma = token.lemma_.lower()
    fatal_life = lemma == "life" and token.head.lemma_ in ("take", "claim")
    if token.pos_ != "NOUN" or not (lemma in FATAL_NOUNS or lemma in HARM_NOUNS or fatal_life):
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for victim in prep.children:
                if victim.dep_ == "pobj":
                    fatal = lemma in FATAL_NOUNS or fatal_life or any(
                        c.lower_ in ("fatal", "deadly") for c in token.children if c.dep_ == "amod") and not any(
                        c.lower_ in ("non", "non-") for c in token.children)  # "non-fatal shooting of son"
                    return victim, fatal
    return None


_WOUND_LEMMAS = {"wound", "injury"}
_WOUND_VERBS = ("suffer", "sustain", "receive", "have")  # "had a gunshot wound to his leg"
_TREATED = ("treat", "hospitalize", "admit")  # "was treated for gunshot wounds"
_LEAVE_FIND = ("leave", "find")
_HOLDER_DEPS = ("nsubjpass", "dobj", "nsubj")


def _wounded_with(token: Token) -> tuple[Token, bool] | None:
    """(victim, fatal) for "a juvenile was found with a gunshot wound", "arrived at the hospital
    with gunshot wounds", "a man suffering from a gunshot wound"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _WOUND_LEMMAS or token.dep_ != "pobj":
        return None
    if any(c.lower_ in ("no", "any") for c in token.children):  # "no injuries were reported"
        return None
    prep, holder = token.head, token.head.head
    if prep.lower_ == "from" and holder.lemma_ not in ("suffer", "recover"):
        return None  # "died from a gunshot wound" is read from "died"
    if prep.lower_ not in ("with", "from") and not (prep.lower_ == "for" and holder.lemma_ in _TREATED):
        return None
    fatal = any(c.lower_ in ("fatal", "deadly", "mortal") for c in token.children)
    if holder.pos_ in ("NOUN", "PROPN", "PRON"):
        return holder, fatal or _deceased(holder)  # "a man with a gunshot wound"
    if holder.pos_ not in ("VERB", "AUX"):
        return None
    if holder.dep_ == "acl" and holder.head.pos_ in ("NOUN", "PROPN"):
        return holder.head, fatal  # "a man suffering from a gunshot wound"
    for verb in (holder, holder.head) if holder.dep_ == "conj" else (holder,):
        for dep in _HOLDER_DEPS:  # "was found with", "found him with", "he arrived with"
            victim = next((c for c in verb.children if c.dep_ == dep), None)
            if victim is not None:
                return victim, fatal or _deceased(victim)
    return None


def _marked_hurt(token: Token) -> tuple[Token, bool] | None:
    """(victim, False) for "a wounded 12-year-old girl", "the injured man": a person the story
    calls hurt."""
    if token.pos_ != "NOUN" or token.tag_ == "NNS" or not (token.lemma_.lower() in PERSON_NOUNS or _an_age_as_noun(token)):
        return None
    if any(c.dep_ == "amod" and c.lower_ in ("wounded", "injured") for c in token.children):
        return token, False
    return None


_CONDITIONS = {"critical", "serious", "stable", "fair", "good", "grave", "guarded", "satisfactory"}


def _in_condition(token: Token) -> tuple[Token, bool] | None:
    """(victim, False) for "a teen was in critical condition", "remains in stable condition", "was
    taken to the hospital in serious condition", and the headline's "Teen in critical condition
    after accidental shooting": a hospital's word for someone hurt."""
    if token.lemma_.lower() != "condition" or token.dep_ != "pobj" or token.head.lower_ != "in" \
            or not any(c.lower_ in _CONDITIONS for c in token.children if c.dep_ in ("amod", "conj")):
        return None
    holder = token.head.head
    if holder.pos_ in ("NOUN", "PROPN", "PRON") or _an_age_as_noun(holder):
        return (holder, False) if _key(holder, holder.sent) is not None else None
    verb = holder
    while verb.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject, False
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            break
        verb = verb.head
    return None


def _deceased(person: Token) -> bool:
    """"deputies located a deceased white male with a gunshot wound": the one found is dead."""
    return any(c.dep_ == "amod" and c.lower_ in ("deceased", "dead", "lifeless") for c in person.children)


def _left_in_state(token: Token) -> tuple[Token, bool] | None:
    """(victim, fatal) for "left a 16-year-old boy dead", "leaving a man wounded", "found a woman
    dead" (the parser makes "a woman dead" a clause of its own)."""
    if token.lower_ == "dead" and token.dep_ in ("ccomp", "oprd", "xcomp") and token.head.lemma_ in _LEAVE_FIND:
        victim = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return (victim, True) if victim is not None else None
    if token.lemma_ != "leave":
        return None
    victim = next((c for c in token.children if c.dep_ == "dobj"), None)
    if victim is None:
        return None
    state = [t.lower_ for t in victim.subtree if t.i > victim.i] + [c.lower_ for c in token.children
                                                                      if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")]
    if "dead" in state:
        return victim, True
    if any(w in state for w in ("wounded", "injured", "hurt")):
        return victim, False
    return None


def _hypothetical(predicate: Token) -> bool:
    """A harm that may happen, not one that did: "could have been killed", "before another teen
    is killed", "if someone gets hurt"."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "TO") for c in predicate.children):
        return True  # "could have been killed", "the second student to be killed this week"
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "before", "until") for c in predicate.children) and \
        not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in predicate.children) and predicate.tag_ != "VBD"


def victims(sentences: list[Span], headline: bool = False) -> list[Victim]:
    """The individual victims the sentences tell of, with their outcome. In a ``headline``, "Woman
    killed" is a passive with its auxiliary left out."""
    found: dict[str, Victim] = {}
    last: Victim | None = None
    # spaCy rebuilds doc.text on every access: the frame builder keeps it on the doc
    text = (sentences[0].doc.user_data.get("rashomon.text") or sentences[0].doc.text) if sentences else ""
    for sent in sentences:
        if _QUESTION.search(sent.text):
            continue  # '"Why did you shoot my child?"': asked, not told
        for token in sent:
            described = _harm_of_noun(token) or _left_in_state(token) or _wounded_with(token) or _marked_hurt(token)
            if described is None and (condition := _in_condition(token)) is not None and not (
                    found and (_key(condition[0], sent) or "").startswith("same:")):
                # "the young man was transported in serious but stable condition": one told of before
                described = condition
            if described is not None:
                for person in (described[0], *described[0].conjuncts):  # "found a father and his daughter dead"
                    last = _record(found, last, person, described[1], sent) or last
                continue
            if token.pos_ not in ("VERB", "AUX"):
                continue
            shooter = _own_hand(token)
            if shooter is not None and not _hypothetical(token):
                last = _record(found, last, shooter, True, sent, by_own_hand=True) or last
                continue
            pronounced_dead = (token.lemma_ in ("pronounce", "declare", "find") and token.i + 1 < len(token.doc)
                               and token.nbor(1).lower_ == "dead") or (
                token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "dead" for c in token.children))
            # "he passed away in mommas arms": died
            pronounced_dead = pronounced_dead or (token.lemma_ == "pass" and any(
                c.dep_ == "prt" and c.lower_ == "away" for c in token.children))
            suffered_wound = token.lemma_ in _WOUND_VERBS and any(
                re.search(r"wound|injur", c.text, re.I) for c in token.children if c.dep_ == "dobj")
            after = text[token.idx + len(token.text):token.idx + len(token.text) + 40]
            # "Another child was hospitalized" (Bastrop, four killed): one more hurt; not "hospitalized for
            # observation", nor a suspect "hospitalized for a mental evaluation"
            hospitalized = token.lemma_ == "hospitalize" and any(c.dep_ == "nsubjpass" for c in token.children) \
                and not _NOT_HURT_IN_HOSPITAL.match(after)
            if not (pronounced_dead or suffered_wound or hospitalized or token.lemma_ in HARM_LEMMAS):
                continue
            if (token.lemma_ == "shoot" and _MISSED.match(after)) or any(c.dep_ == "neg" for c in token.children):
                continue
            if token.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in token.head.children):
                continue  # "Please don't let my baby die"
            if token.lemma_ == "die" and _NATURAL_DEATH.match(text, token.idx + len(token.text)):
                continue  # "his sister died from cancer": no victim of the shooting
            if _hypothetical(token):
                continue
            target = _victim_token(token, headline)
            if target is not None and target.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                target = token.head  # "a mother who was accidentally shot by her son"
            if target is None:
                continue
            fatal = pronounced_dead or token.lemma_ in FATAL_LEMMAS or bool(_FATAL_TEXT.search(
                text[max(0, token.idx - 12):token.idx + len(token.text) + 16]))
            also = any(c.lower_ == "also" for c in token.children)
            # "West, Dearmond and McPherson were also struck"; "killed his girlfriend and then himself"
            selves = [c for c in token.children if c.dep_ == "conj" and c.lower_ in _REFLEXIVES]
            for person in (target, *target.conjuncts, *_listed_after(target), *selves):
                own = person.lower_ in _REFLEXIVES or (person is target and _reflexive_object(token) is not None)
                if person.lower_ in _REFLEXIVES:
                    person = _subject(token, person.lower_)
                    if person is None:
                        continue
                last = _record(found, last, person, fatal, sent, also, by_own_hand=own and fatal) or last
    return _fold_descriptions(list(found.values()))


def _fold_descriptions(found: list[Victim]) -> list[Victim]:
    """Victims told of twice, by name and by description, counted once. A victim known only as
    "the child" or "the victim", with no age of its own, is someone the story tells of by name too ("Pope ... the child was shot"), not one more person: it adds no one
    and, if it died, the victim it stands for died."""
    definite = [v for v in found if v.key.startswith("same:") and v.key.split(":")[2].split("#")[0] == ""]
    others = [v for v in found if v not in definite]
    if not others:
        return found
    # "A 4-year-old girl is dead ... Geonna Bradley was shot": a victim brought in with "a" is
    # one the story also names, while there are named victims left to pair with.
    named = [v for v in others if v.key.startswith("name:") and not v.by_own_hand]  # not the one who shot them
    # "2-year-old Joseph Bankston was shot ... The 2-year-old was found dead": the one victim of that age
    for v in [v for v in others if v.key.startswith("same:") and v.age]:
        of_age = [n for n in named if n.age and _same_age(n.age, v.age)]
        # "The 20-year-old man injured in a shooting last week died ... Owen Hicks was accidentally
        # shot": "the" points at someone the story names, the one named victim whose age it does not say
        ageless = [n for n in named if n.age is None and _alike(v.key.split(":", 1)[1].split("#")[0], "person:")]
        if len(of_age) == 1 or (not of_age and len(named) == 1 and ageless):
            _died((of_age or ageless)[0], v.killed, v.death)
            others.remove(v)
    for v in [v for v in others if v.key.startswith("a:")]:
        noun = v.key.split(":")[1]
        fitting = [n for n in named if _alike(f"{noun}:{v.age or ''}", f"person:{n.age or ''}")]  # a 35-year-old is no baby
        if not fitting:
            continue
        partner = next((n for n in fitting if n.killed == v.killed), fitting[0])
        named.remove(partner)
        _died(partner, v.killed, v.death)
        others.remove(v)
    for v in definite:
        if v.killed and not any(o.killed for o in others):
            survivor = next((o for o in others if not o.killed), None)
            if survivor is not None:
                _died(survivor, v.killed, v.death)
                survivor.evidence.extend(v.evidence)
    return others


def _died(victim: Victim, fatal: bool, sent: Span | None) -> None:
    """Count ``victim`` dead when ``fatal``, told in ``sent`` (the first sentence that tells it stays)."""
    if fatal and not victim.killed:
        victim.killed, victim.death = True, sent


_SPEECH_LEMMAS = {"say", "tell", "report", "confirm", "add", "state", "explain", "describe", "according"}
_FEMALE = {"she", "her", "herself"}


def _antecedent(pronoun: Token, people_only: bool = False) -> Token | None:
    """The nearest person before ``pronoun``, in its sentence or the one before, who is not the
    one speaking ("Sheriff Newman said") and whose noun does not contradict its gender."""
    doc = pronoun.doc
    sent_start = pronoun.sent.start
    floor = doc[sent_start - 1].sent.start if sent_start > 0 else 0
    female = pronoun.lower_ in _FEMALE
    for t in reversed(doc[max(floor, pronoun.i - 80):pronoun.i]):
        if t.pos_ not in ("NOUN", "PROPN") or t.lower_ in PRONOUNS or _street_or_owner(t):
            continue
        if people_only and not (t.ent_type_ == "PERSON" or (t.dep_ in ("nsubj", "nsubjpass") and not t.ent_type_)):
            continue  # a place or a body ("Saint Joseph Medical Center", "Authorities") the model tagged
        if t.dep_ in ("nsubj", "compound") and t.head.lemma_ in _SPEECH_LEMMAS | {"sheriff", "chief", "officer"}:
            continue
        lemma = t.lemma_.lower()
        if (female and lemma in _MALE_NOUNS) or (not female and lemma in _FEMALE_NOUNS):
            continue
        if _key(t, t.sent) not in (None, "<pronoun>"):
            return t
    return None


def _street_or_owner(token: Token) -> bool:
    """A name that is no one a pronoun can stand for: a street the model tags as a person ("the 2300
    block of W. St. Gertrude", "their home at 525 E. Lincoln") or an owner ("Robinson's pistol")."""
    name = token.head if token.dep_ == "compound" else token
    return name.dep_ == "poss" or any(c.dep_ == "nummod" and c.like_num for c in name.children) or (
        name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.lower_ == "block")


def _new(found: dict[str, Victim], base_key: str) -> Victim:
    victim = Victim(f"{base_key}#{len(found)}")
    found[victim.key] = victim
    return victim


def _record(found: dict[str, Victim], last: Victim | None, target: Token, fatal: bool, sent: Span,
            also: bool = False, by_own_hand: bool = False) -> Victim | None:
    """Count ``target`` as harmed (and killed when ``fatal``): a victim already met again, or a new one."""
    key = _key(target, sent, also)
    if key is None:
        return None
    if key.startswith("new:") and key != "new:person:" and not found:
        # "a girl accidentally shot and killed another teen ... Smith later died": "another" sets the
        # first victim apart from the shooter, not from a victim before; the story may name them
        key = "a:" + key[4:]
    # "a 63-year-old man was found dead with a gunshot wound": one man, read twice
    again = next((v for v in found.values() if target.i in v.tokens), None)
    if again is not None:
        _died(again, fatal, sent)
        return again
    if key == "<pronoun>" and last is None and not found:
        # "Jaimel Anderson was wearing his pajamas when the bullets flew ..., striking him": the
        # person the pronoun stands for, met before any harm was told
        antecedent = _antecedent(target)
        key = _key(antecedent, sent) if antecedent is not None else "same:person:"
    if key == "<pronoun>" and (last is None or not last.key.startswith("name:")):
        # "Tillman ... was taken to Saint Joseph, where she was pronounced dead": the woman named
        # just before, not the daughter last told of as hurt
        antecedent = _antecedent(target, people_only=True)
        named = _key(antecedent, antecedent.sent) if antecedent is not None else None
        if named and named.startswith("name:"):
            key = named
    if key == "<pronoun>":
        victim = last
    elif key.startswith("name:"):
        words = set(key[5:].split())
        known = next((k for k in found if k.startswith("name:") and words & set(k[5:].split())), None)
        victim = found.setdefault(known or key, Victim(known or key))
    else:
        base = key.split(":", 1)[1]
        # Keys of noun victims are "<same|new>:<noun>:<age>#<n>"; "the man" matches any man met before.
        met = {k: k.split(":", 1)[1].split("#")[0] for k in found if not k.startswith("name:")}
        same = [found[k] for k, b in met.items() if b == base or (base.endswith(":") and b.startswith(base))]
        if key.startswith("same:") and same:
            victim = same[-1]
        elif key.startswith("a:") and same:
            # "the fatal shooting of a man ... the death of a man": a story retold, not a second man
            # (a second one comes as "another man", "a second man", or with his own age)
            victim = same[-1]
        elif not key.startswith("new:") and (alike := [
                found[k] for k, b in met.items() if _alike(base, f"{b.split(':')[0]}:{found[k].age or ''}")
                and all(e.start != sent.start for e in found[k].evidence)]):
            # "a 17-year-old Brighton High student was shot ... shot the boy in the head": one person
            # described twice, in two sentences (in one sentence, two descriptions are two people;
            # "another man" is one more)
            victim = alike[-1]
            dead_named = [v for k, v in found.items() if k.startswith("name:") and v.killed]
            if fatal and len(dead_named) == 1 and not any(v.killed for v in alike):
                # "Damien Simpson died ... another victim remains in critical condition ... the man
                # who was killed": the one named dead, not the one last told of as hurt
                victim = dead_named[0]
        else:
            victim = _new(found, f"{key.split(':', 1)[0]}:{base}")
    if victim is None:
        return None
    victim.harmed = True
    _died(victim, fatal, sent)
    victim.by_own_hand = victim.by_own_hand or by_own_hand
    victim.age = victim.age or _age(target)
    victim.evidence.append(sent)
    victim.tokens.add(target.i)
    return victim
