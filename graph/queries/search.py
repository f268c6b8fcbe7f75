"""Full-text search over every kind of node, ranked by the `kmob_search` index."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.privacy import visible_param
from graph.queries.records import NodeRecord, Page, node_record

SEARCH = """
CALL db.index.fulltext.queryNodes('kmob_search', $query) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels) AND NOT coalesce(node.placeholder, false)
  AND ($visible IS NULL OR NOT node:Person OR coalesce(node.visibility, 'public') IN $visible)
WITH collect({node: node, score: score}) AS hits
RETURN size(hits) AS total, hits[$skip..$skip + $limit] AS page
"""

# Lucene syntax characters: user text is searched for literally, never interpreted as a query language.
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_WORD = re.compile(r"\S+")
_LUCENE_WORDS = {"AND", "OR", "NOT", "TO"}


@dataclass(frozen=True)
class SearchHit:
    node: NodeRecord
    score: float


def lucene_query(text: str) -> str:
    """A Lucene query that matches the words of `text` literally, preferring the exact phrase."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", w) for w in _WORD.findall(text)]
    words = [w.lower() if w in _LUCENE_WORDS else w for w in words if w]
    if not words:
        return ""
    terms = " ".join(words)
    if len(words) == 1:
        return terms
    return f'"{terms}"^3 OR ({terms})'


def search(
    db: Database, text: str, labels: Sequence[str], skip: int, limit: int, visible: Sequence[str] | None
) -> Page:
    """One page of nodes matching `text`, best first, with the number of matches in all."""
    query = lucene_query(text)
    if not query or not labels:
        return Page(items=(), total=0)
    rows = db.read(
        SEARCH,
        {"query": query, "labels": list(labels), "skip": skip, "limit": limit, "visible": visible_param(visible)},
    )
    row = rows[0]
    hits = tuple(SearchHit(node=node_record(h["node"]), score=h["score"]) for h in row["page"])
    return Page(items=hits, total=row["total"])
