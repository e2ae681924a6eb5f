"""Turn the paths a user gives into a flat, ordered stream of inputs.

Folders are walked in sorted order, ``.gz`` is unwrapped and ``.zip`` members
become inputs of their own, so a reader only ever sees a name and a byte stream
and the same pile always gives the same sequence.
"""

from __future__ import annotations

import gzip
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from rashomon.model import IngestProblem

# What reading a file, a .gz or a zip member can raise when the data or the disk is bad.
# zipfile raises RuntimeError for encrypted members and NotImplementedError for unknown compression.
READ_ERRORS = (OSError, EOFError, zlib.error, zipfile.BadZipFile, RuntimeError, NotImplementedError)


@dataclass(frozen=True)
class Entry:
    """One file-like input: a file, a zip member, or either of them gzipped."""

    name: str  # file name, without ".gz": decides the format and the default article id
    source: str  # where it came from, as reported in problems and in Article.source
    open: Callable[[], AbstractContextManager[BinaryIO]]


def describe_read_error(error: BaseException) -> str:
    """A message for the user about data that could not be read."""
    if isinstance(error, (gzip.BadGzipFile, EOFError, zlib.error)):
        return f"corrupt or truncated compressed data: {error}"
    if isinstance(error, zipfile.BadZipFile):
        return f"corrupt zip data: {error}"
    return f"cannot read: {error}"


def iter_entries(paths: Iterable[str | Path]) -> Iterator[Entry | IngestProblem]:
    """Every input under ``paths``, in a deterministic order, or a problem for a path that is not there."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield from _expand(Entry(path.name, str(path), partial(open, path, "rb")))
        elif path.exists():
            yield IngestProblem(source=str(path), message="not a regular file or folder")
        else:
            yield IngestProblem(source=str(path), message="no such file or folder")


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def _walk(folder: Path) -> Iterator[Entry | IngestProblem]:
    """Files under ``folder``, sorted at every level, hidden files and folders (.git, .DS_Store) skipped."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _folder_problems(errors)
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name):
                path = Path(root, name)
                yield from _expand(Entry(name, str(path), partial(open, path, "rb")))
    yield from _folder_problems(errors)


def _folder_problems(errors: list[OSError]) -> Iterator[IngestProblem]:
    while errors:
        error = errors.pop(0)
        yield IngestProblem(source=str(error.filename), message=f"cannot read folder: {error.strerror}")


def _expand(entry: Entry) -> Iterator[Entry | IngestProblem]:
    """The entry itself, or what is inside it if it is a .gz or a .zip."""
    lower = entry.name.lower()
    if lower.endswith(".gz"):
        yield from _expand(Entry(entry.name[:-3], entry.source, partial(_gunzipped, entry.open)))
    elif lower.endswith(".zip"):
        yield from _zip_members(entry)
    else:
        yield entry


@contextmanager
def _gunzipped(open_compressed: Callable[[], AbstractContextManager[BinaryIO]]) -> Iterator[BinaryIO]:
    with open_compressed() as compressed, gzip.GzipFile(fileobj=compressed) as stream:
        yield stream


def _zip_members(entry: Entry) -> Iterator[Entry | IngestProblem]:
    """Each file in the archive, sorted by name, as an input named "archive.zip:member"."""
    with entry.open() as raw:
        try:
            archive = zipfile.ZipFile(raw)
        except READ_ERRORS as error:
            message = "not a valid zip archive" if isinstance(error, zipfile.BadZipFile) else describe_read_error(error)
            yield IngestProblem(source=entry.source, message=message)
            return
        with archive:
            for info in sorted(archive.infolist(), key=lambda member: member.filename):
                parts = PurePosixPath(info.filename).parts
                if info.is_dir() or any(_hidden(part) for part in parts):
                    continue
                yield from _expand(Entry(parts[-1], f"{entry.source}:{info.filename}", partial(archive.open, info)))
