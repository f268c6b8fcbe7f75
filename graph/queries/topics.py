"""Which concepts a topic names: given ids (already normalised) and the raw text as a fallback."""

from __future__ import annotations

from collections.abc import Sequence

from graph.database import Database
from graph.queries.records import NodeRecord, node_record

# Merged concepts leave a ConceptRedirect behind, so an id from before a merge still finds the kept concept.
# When the normaliser found nothing, the full-text index over concept names and aliases is the fallback.
RESOLVE_CONCEPTS = """
CALL () {
  UNWIND $ids AS wanted
  OPTIONAL MATCH (r:ConceptRedirect {id: wanted})
  MATCH (c:Concept {id: coalesce(r.target, wanted)})
  RETURN c, 0 AS rank
  UNION
  WITH $text AS text WHERE size($ids) = 0 AND text <> ''
  CALL db.index.fulltext.queryNodes('kmob_search', text) YIELD node, score
  WITH node, score WHERE node:Concept AND score >= $min_score
  RETURN node AS c, 1 AS rank
  ORDER BY score DESC LIMIT 3
}
RETURN DISTINCT c ORDER BY c.id
"""


def resolve_concepts(db: Database, ids: Sequence[str], lucene_text: str, min_score: float = 1.0) -> list[NodeRecord]:
    """The concepts for these ids (following merges), or the best name matches when no id was given."""
    rows = db.read(RESOLVE_CONCEPTS, {"ids": list(ids), "text": lucene_text, "min_score": min_score})
    return [node_record(row["c"]) for row in rows]
