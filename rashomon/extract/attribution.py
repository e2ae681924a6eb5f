"""Who says so, who denies it, and who is said to have done it.

Speakers come from the dependency parse (the subject of a speech verb,
"according to X", "X told ..."); parties (the country or side a speaker or an
actor belongs to) come from the gazetteer's demonym table, so that "the
Armenian Defence Ministry" and "Yerevan" both count as Armenia."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

SPEECH_VERBS = {
    "say", "tell", "report", "announce", "confirm", "claim", "state", "add", "write", "tweet", "declare",
    "accuse", "allege", "blame", "cite", "note", "explain", "describe", "disclose", "reveal", "insist",
    "quote", "warn", "post",
}
DENIAL_VERBS = {"deny", "reject", "refute", "dismiss", "disavow"}
# "reject"/"dismiss" deny only when their object is a claim ("dismissed the allegations"), not "dismissed demands".
CLAIM_NOUNS = re.compile(r"\b(?:claims?|allegations?|accusations?|reports?|responsibility|involvement|charges?|statements?)\b", re.I)
PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "which", "who"}

# Agents of an attack: "attack by the Armenian army", "Armenia's missiles", "Armenian shelling", "Armenia launched".
_ATTACK_NOUN = r"(?:missiles?|rockets?|shells?|shelling|artillery|fire|firing|attacks?|strikes?|drones?|air ?strikes?|bombs?|bombing|mortars?)"
_ATTACK_VERB = r"(?:launched|fired|shelled|struck|attacked|bombed|carried out|conducted|hit|targeted|shot)"
_NAME = r"(?P<actor>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
_FORCES = r"(?:\s+(?:army|armed forces|forces|troops|military|militants|fighters|soldiers|security forces))?"
AGENT_PATTERNS = [
    re.compile(rf"\b(?:{_ATTACK_NOUN}|{_ATTACK_VERB}|attack(?:ed)?)\s+(?:\w+\s+){{0,4}}?by\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"\b{_NAME}(?:['’]s)(?:\s+\w+)?\s+{_ATTACK_NOUN}\b"),
    re.compile(rf"\b{_NAME}\s+{_ATTACK_NOUN}\b"),
    re.compile(rf"\b{_NAME}{_FORCES}\s+(?:has\s+|had\s+|have\s+)?{_ATTACK_VERB}\b"),
    re.compile(rf"\baccus(?:ed|ing|es)\s+(?:the\s+)?{_NAME}\s+of\s+(?:\w+\s+)?(?:shelling|attacking|firing|launching|striking|bombing|targeting)"),
]


def _clean(span_text: str) -> str:
    return re.sub(r"\s+", " ", span_text).strip(" ,.;:\"'“”‘’")


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "nsubj" and child.lower_ not in PRONOUNS:
            return child
    # "which the Armenians have consistently denied": the subject of a relative clause.
    return None


def _subtree_text(token: Token) -> str:
    tokens = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "appos") or t == token]
    start = min(t.i for t in token.subtree if t in tokens or t == token)
    # Stop the phrase before a relative clause or apposition that follows the head.
    cut = [t.i for t in token.subtree if t.dep_ in ("relcl", "appos", "punct") and t.i > token.i]
    end = min(cut) if cut else max(t.i for t in token.subtree) + 1
    return _clean(token.doc[start:end].text)


def speaker_of(sent: Span) -> str | None:
    """Who the sentence says gave its information, as written."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            for child in token.nbor().children:
                if child.dep_ == "pobj":
                    return _subtree_text(child)
        if token.lower_ == "citing":
            for child in token.children:
                if child.dep_ == "dobj":
                    return _subtree_text(child)
    for token in sent:
        if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if subject is not None:
                return _subtree_text(subject)
    return None


def denials(sent: Span) -> list[tuple[str, str, str]]:
    """(speaker, what is denied, the denial verb's text) for each denial in the sentence."""
    found = []
    for token in sent:
        if token.lemma_ not in DENIAL_VERBS:
            continue
        subject = _subject(token)
        if subject is None and token.dep_ == "advcl" and token.head.pos_ in ("VERB", "AUX"):
            subject = _subject(token.head)  # "Denying the allegations, the ministry accused ..."
        if subject is None:
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "ccomp", "xcomp", "pcomp", "prep")]
        obj_text = " ".join(_clean(" ".join(t.text for t in o.subtree)) for o in objects)
        if token.lemma_ != "deny" and not CLAIM_NOUNS.search(obj_text):
            continue
        found.append((_subtree_text(subject), obj_text, token.text))
    return found


def agents(text: str, party_of: Callable[[str], str | None]) -> list[str]:
    """Parties named as doing the attack in ``text`` (normalised by ``party_of``)."""
    found: list[str] = []
    for pattern in AGENT_PATTERNS:
        for m in pattern.finditer(text):
            for word in m["actor"].split():
                party = party_of(word.rstrip("'’s"))
                if party and party not in found:
                    found.append(party)
                    break
    return found


def party_in(text: str, party_of: Callable[[str], str | None]) -> str | None:
    """The first party a phrase names ("the Armenian Defence Ministry" -> Armenia)."""
    for word in re.findall(r"[A-Z][\w'’-]+", text):
        party = party_of(re.sub(r"['’]s$", "", word))
        if party:
            return party
    return None
