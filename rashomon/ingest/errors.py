"""The two ways ingest says an input is bad: a problem object for the batch, an exception for --strict."""

from __future__ import annotations

from rashomon.model import IngestProblem


class IngestError(Exception):
    """Raised by ``read_articles(strict=True)`` at the first bad input; ``problem`` says which and why."""

    def __init__(self, problem: IngestProblem):
        super().__init__(f"{problem.source}: {problem.message}")
        self.problem = problem


class BadInput(Exception):
    """An input that cannot become an article. Readers raise it; ``read_articles`` reports it
    as an ``IngestProblem`` for the input's source, so one bad file never stops a batch."""
