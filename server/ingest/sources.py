"""Where a Source came from, in a form that does not depend on the working directory, and which stored
sources a pruning ingest takes back. Pure path logic: no database, no file reads beyond resolving paths."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Readers name one record of a multi-record file `<file>#L<line>` (JSONL) or `<file>#R<row>` (JSON list, CSV).
# Only that exact tail is an anchor, so a file whose name merely contains `#` keeps its whole name.
_ANCHOR = re.compile(r"^(?P<file>.+)#(?P<anchor>[LR]\d+)$")


@dataclass(frozen=True)
class StoredSource:
    """A Source node as the graph holds it: its id and the path it was read from."""

    id: str
    path: str


@dataclass(frozen=True)
class PrunePlan:
    """Stored sources within the pruned paths that this run did not see, split by what happens to them."""

    retract: tuple[StoredSource, ...]  # their file is gone (or no longer holds the record): take back their facts
    kept_unreadable: tuple[StoredSource, ...]  # their file failed to read this run: nothing is lost on bad input


def split_anchor(source: str) -> tuple[str, str]:
    """(file part, anchor) of a reader's source string; the anchor is '' for a whole-file record."""
    match = _ANCHOR.match(source)
    if match is None:
        return source, ""
    return match["file"], match["anchor"]


def stable_file(path: str | Path) -> str:
    """A file or folder as an absolute path with symlinks and `..` resolved (the same from any directory)."""
    return str(Path(path).expanduser().resolve())


def stable_source(source: str) -> str:
    """A reader's source string with its file part made stable and its record anchor kept."""
    file, anchor = split_anchor(source)
    stable = stable_file(file)
    return f"{stable}#{anchor}" if anchor else stable


def is_stable(path: str) -> bool:
    """Whether a stored path is in the stable form (absolute); rows from older versions hold relative paths."""
    return os.path.isabs(split_anchor(path)[0])


def within(file: str, roots: Iterable[str]) -> bool:
    """Whether a stable file path is one of `roots` or lies under one of them (roots are stable too)."""
    candidate = Path(file)
    return any(candidate == Path(root) or Path(root) in candidate.parents for root in roots)


def plan_prune(
    stored: Iterable[StoredSource],
    roots: Iterable[str],
    seen_source_ids: set[str],
    unreadable_files: set[str],
) -> PrunePlan:
    """Which stored sources under `roots` to retract, given what this run read and what it failed to read.

    A stored source is retracted only when all of these hold: its path is in the stable form (an older
    relative path says nothing certain about where the file was, so it is never taken back on a guess),
    its file lies within the pruned roots, this run did not read its record, and its file did not fail to
    read this run (a file with any unreadable part keeps everything it said until a clean run).
    """
    roots = [stable_file(r) for r in roots]
    retract: list[StoredSource] = []
    kept: list[StoredSource] = []
    for source in stored:
        if source.id in seen_source_ids or not is_stable(source.path):
            continue
        file = split_anchor(source.path)[0]
        if not within(file, roots):
            continue
        (kept if file in unreadable_files else retract).append(source)
    key = _order
    return PrunePlan(retract=tuple(sorted(retract, key=key)), kept_unreadable=tuple(sorted(kept, key=key)))


def _order(source: StoredSource) -> tuple[str, str]:
    return source.path, source.id
