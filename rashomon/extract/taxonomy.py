"""Event taxonomy: ACLED's 6 event types and 25 sub-event types, and the finer
kinds rashomon detects, each mapped onto one ACLED sub-event type.

The trigger lexicon is matched on lemmas; the first matching kind in
``KINDS`` order wins, so more specific kinds come first (a "missile strike"
is not a generic "attack")."""

from __future__ import annotations

import re
from dataclasses import dataclass

ACLED: dict[str, list[str]] = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ],
}


@dataclass(frozen=True)
class Kind:
    name: str
    event_type: str
    sub_event_type: str
    weapon: str | None
    pattern: re.Pattern[str]


def _kind(name: str, event_type: str, sub: str, weapon: str | None, words: str) -> Kind:
    assert sub in ACLED[event_type], sub
    return Kind(name, event_type, sub, weapon, re.compile(rf"\b(?:{words})\b", re.I))


# Order matters: specific before generic.
KINDS: list[Kind] = [
    _kind("missile interception", "Strategic developments", "Disrupted weapons use", "missile",
          r"intercept(?:ed|s|ion)?|shot down|air defen[cs]e"),
    _kind("chemical attack", "Explosions/Remote violence", "Chemical weapon", "chemical weapon",
          r"chemical (?:attack|weapons?)|sarin|chlorine gas"),
    _kind("suicide bombing", "Explosions/Remote violence", "Suicide bomb", "explosive",
          r"suicide (?:bomb(?:ing|er)?|attack(?:er)?)"),
    _kind("air strike", "Explosions/Remote violence", "Air/drone strike", "aircraft",
          r"air ?strikes?|airstrikes?|drone (?:strikes?|attacks?)|bombing raids?|warplanes?|air raids?"),
    _kind("missile strike", "Explosions/Remote violence", "Shelling/artillery/missile attack", "missile",
          # not "ballistic evidence", "a recent high school grad"
          r"missiles?|rockets?|ballistic missiles?|scud|grad rockets?"),
    _kind("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery",
          # "shell casings" and "shotgun shells" are what a gun leaves, a "Shell station" sells fuel: not artillery
          r"shell(?:ing|ed)|(?<!shotgun )shells(?!\s+casings?)|artillery|mortars?|howitzers?|bombard(?:ment|ed)"),
    _kind("grenade attack", "Explosions/Remote violence", "Grenade", "grenade", r"grenades?"),
    _kind("bombing", "Explosions/Remote violence", "Remote explosive/landmine/IED", "explosive",
          r"bomb(?:ing|ings|ed|s)?|ieds?|improvised explosive|car bomb|landmines?|explosive device|explosions?|blasts?"),
    _kind("mass shooting", "Violence against civilians", "Attack", "firearm", r"mass shooting"),
    _kind("police shooting", "Violence against civilians", "Attack", "firearm",
          r"officer-involved shooting|police shooting|shot (?:and killed )?by (?:police|an? officers?|deputies|a deputy|a trooper)"),
    _kind("shooting", "Violence against civilians", "Attack", "firearm",
          r"shoot(?:ing|ings|s)?|shot|gunfire|gunshots?|gunm[ae]n|shooters?|opened fire|fired (?:shots|at|into)|guns?|handgun|rifle|pistol|"
          r"shoot-?outs?|bullets?|hunting accident"),
    _kind("stabbing", "Violence against civilians", "Attack", "knife",
          r"stab(?:bing|bed|s)?|knife|knives|machete|slash(?:ed|ing)"),
    _kind("abduction", "Violence against civilians", "Abduction/forced disappearance", None,
          r"abduct(?:ed|ion|s)?|kidnap(?:ped|ping|s)?|hostages?"),
    _kind("sexual violence", "Violence against civilians", "Sexual violence", None, r"rap(?:e|ed)|sexual(?:ly)? assault(?:ed)?"),
    _kind("armed clash", "Battles", "Armed clash", None, r"clash(?:es|ed)?|firefights?|gun ?battles?|fighting"),
    _kind("riot", "Riots", "Violent demonstration", None, r"riots?|rioters?|rioting"),
    _kind("mob violence", "Riots", "Mob violence", None, r"mob|lynch(?:ed|ing)?"),
    _kind("protest", "Protests", "Peaceful protest", None, r"protests?|protesters?|demonstrat(?:ion|ions|ors)|rall(?:y|ies)|march(?:ed|es)"),
    _kind("arrest", "Strategic developments", "Arrests", None, r"arrest(?:ed|s)?|detain(?:ed)?"),
    _kind("property destruction", "Strategic developments", "Looting/property destruction", None,
          r"loot(?:ed|ing)|arson|set (?:on )?fire|torched"),
    _kind("attack", "Violence against civilians", "Attack", None, r"attack(?:ed|s)?|assault(?:ed)?|killed|killings?|slain|slaying|murder(?:ed)?|homicide|strikes?|struck|hit|targeted"),
]
KIND_BY_NAME = {k.name: k for k in KINDS}

# Kinds that make a clause an incident report by themselves; the others
# (arrest, protest, generic attack words) need a figure or a place to count.
STRONG_KINDS = {k.name for k in KINDS} - {"arrest", "attack", "protest", "armed clash", "property destruction"}


def kinds_in(text: str) -> list[Kind]:
    """Every kind whose trigger words occur in ``text``, in ``KINDS`` order."""
    return [k for k in KINDS if k.pattern.search(text)]


def best_kind(texts: list[str]) -> Kind | None:
    """The kind of an incident told by several clauses: the most specific kind
    that occurs, where specificity is the order of ``KINDS``, of the weapon the
    clauses name most; a disrupted (intercepted) attack only wins when nothing hit."""
    counts: dict[str, int] = {}
    for text in texts:
        for kind in kinds_in(text):
            counts[kind.name] = counts.get(kind.name, 0) + 1
    if not counts:
        return None
    ranked = [k for k in KINDS if k.name in counts]
    if ranked[0].name == "missile interception" and len(ranked) > 1 and counts["missile interception"] < counts.get(ranked[1].name, 0):
        return ranked[1]
    # One "blast" or "bomb squad" in a story told in shots is no bombing: the weapon the clauses name
    # most decides, then the most specific kind of that weapon.
    totals: dict[str, int] = {}
    for kind in ranked:
        if kind.weapon in _WEAPON_FAMILY:
            family = _WEAPON_FAMILY[kind.weapon]
            totals[family] = totals.get(family, 0) + counts[kind.name]
    top = _WEAPON_FAMILY.get(ranked[0].weapon)
    if top is not None:
        most = max(totals, key=lambda f: totals[f])
        if totals[most] > totals[top]:
            return next(k for k in ranked if _WEAPON_FAMILY.get(k.weapon) == most)
    return ranked[0]


_WEAPON_FAMILY = {"missile": "explosive", "artillery": "explosive", "grenade": "explosive", "explosive": "explosive",
                  "aircraft": "explosive", "chemical weapon": "explosive", "firearm": "firearm", "knife": "knife"}
