"""Independent sources: which reports of one figure are copies of one another.

Two articles' reports of a figure are one source when the articles are
syndicated copies (the whole shorter article shared), or when the sentence
that carries one article's report lies inside a passage it shares with the
other (copied verbatim, near-verbatim or rewritten, in either direction) and
the other article gives the same value: the figure came with the copied text,
or was added to it from the same story. A shared *quotation* does not join
them: two outlets quoting the same official may each have heard it. Sources
are the connected components of that relation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rashomon.model import Evidence, FigureReport, ReusePair

COPY_KINDS = ("verbatim", "near_verbatim", "rewrite")


def inside(evidence: Evidence, start: int, end: int) -> bool:
    """Whether most of the evidence sentence lies inside characters [start, end)."""
    overlap = min(evidence.end, end) - max(evidence.start, start)
    return overlap > 0 and overlap * 2 >= max(1, evidence.end - evidence.start)


def source_groups(reports: Mapping[str, Sequence[FigureReport]], pairs: Iterable[ReusePair]) -> dict[str, str]:
    """For the articles giving one figure (article id -> all its reports of it), the reuse cluster
    of each: the smallest article id among the articles whose reports are copies of one another."""
    parent = {article_id: article_id for article_id in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if p.a not in parent or p.b not in parent or p.a == p.b:
            continue
        if p.kind == "syndication":
            linked = True
        elif p.kind in COPY_KINDS:
            a_copied = {r.value for r in reports[p.a] if inside(r.evidence, p.a_start, p.a_end)}
            b_copied = {r.value for r in reports[p.b] if inside(r.evidence, p.b_start, p.b_end)}
            linked = bool(a_copied & {r.value for r in reports[p.b]} or b_copied & {r.value for r in reports[p.a]})
        else:
            linked = False
        if linked:
            ra, rb = find(p.a), find(p.b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {article_id: find(article_id) for article_id in reports}
