"""Scores defined in ../shared/benchmarks/README.md, as pure functions of
plain data so they can be checked by hand.

Clusterings are given as dicts ``item -> cluster key``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import numpy as np
from scipy.optimize import linear_sum_assignment


def _groups(assignment: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item, key in assignment.items():
        groups[key].add(item)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items of ``gold``."""
    items = list(gold)
    g, s = _groups(gold), _groups({i: system[i] for i in items})
    precision = sum(len(g[gold[i]] & s[system[i]]) / len(s[system[i]]) for i in items) / len(items)
    recall = sum(len(g[gold[i]] & s[system[i]]) / len(g[gold[i]]) for i in items) / len(items)
    return precision, recall, _f1(precision, recall)


def muc(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    g, s = _groups(gold), _groups({i: system[i] for i in gold})

    def score(keys: dict[str, set[str]], response: dict[str, str]) -> float:
        num = den = 0
        for cluster in keys.values():
            partitions = {response[i] for i in cluster}
            num += len(cluster) - len(partitions)
            den += len(cluster) - 1
        return num / den if den else 0.0

    recall = score(g, system)
    precision = score(s, gold)
    return precision, recall, _f1(precision, recall)


def ceaf_e(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    """Entity-based CEAF with phi4 similarity and an optimal one-to-one alignment."""
    g = list(_groups(gold).values())
    s = list(_groups({i: system[i] for i in gold}).values())
    sim = np.zeros((len(g), len(s)))
    index: dict[str, list[int]] = defaultdict(list)
    for j, cluster in enumerate(s):
        for item in cluster:
            index[item].append(j)
    for i, cluster in enumerate(g):
        for j in {j for item in cluster for j in index[item]}:
            sim[i, j] = 2 * len(cluster & s[j]) / (len(cluster) + len(s[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    precision, recall = total / len(s), total / len(g)
    return precision, recall, _f1(precision, recall)


def conll_f1(gold: dict[str, str], system: dict[str, str]) -> float:
    return (muc(gold, system)[2] + bcubed(gold, system)[2] + ceaf_e(gold, system)[2]) / 3


def fold_name(name: str | None) -> str:
    """A place name for comparison: case and accents folded, a parenthesised part
    and a "County" suffix dropped ("Chicago (Englewood)" -> "chicago")."""
    if not name:
        return ""
    name = re.sub(r"\(.*?\)", "", name)
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"\bcounty\b", "", name)
    name = re.sub(r"\bsaint\b", "st", name)
    name = re.sub(r"[^a-z0-9]+", " ", name)
    return name.strip()
