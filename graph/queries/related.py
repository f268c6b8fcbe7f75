"""Prior projects like a given project or a new description: graph overlap plus text similarity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.records import NodeRecord, node_record

# Candidates come from two places: the vector index (similar wording) and shared concepts (the graph). Each
# candidate is then scored on both: Jaccard overlap of concepts and cosine similarity of embeddings.
RELATED_PROJECTS = """
OPTIONAL MATCH (src:Project {id: $project_id})
WITH src, coalesce(src.embedding, $embedding) AS vector,
     CASE WHEN src IS NULL THEN $concepts
          ELSE COLLECT { MATCH (src)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c:Concept) RETURN DISTINCT c.id } END AS wanted
CALL (src, vector) {
  WITH vector WHERE vector IS NOT NULL
  CALL db.index.vector.queryNodes('kmob_document_embedding', $candidates, vector) YIELD node
  WITH node WHERE node:Project AND (src IS NULL OR node <> src) AND NOT coalesce(node.placeholder, false)
  RETURN collect(node) AS by_text
}
CALL (src, wanted) {
  MATCH (p:Project)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c:Concept)
  WHERE c.id IN wanted AND (src IS NULL OR p <> src) AND NOT coalesce(p.placeholder, false)
  RETURN collect(DISTINCT p) AS by_graph
}
UNWIND by_text + by_graph AS p
WITH DISTINCT p, vector, wanted
WITH p, vector, wanted,
     COLLECT { MATCH (p)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c:Concept) RETURN DISTINCT c } AS concepts
WITH p, vector, wanted, concepts, [c IN concepts WHERE c.id IN wanted | c.name] AS shared
WITH p, shared,
     CASE WHEN size(wanted) = 0 THEN 0.0
          ELSE toFloat(size(shared)) / (size(wanted) + size(concepts) - size(shared)) END AS graph_score,
     CASE WHEN vector IS NULL OR p.embedding IS NULL THEN 0.0
          ELSE vector.similarity.cosine(vector, p.embedding) END AS text_score
WITH p, shared, graph_score, text_score, $graph_weight * graph_score + $text_weight * text_score AS score
ORDER BY score DESC, p.id
LIMIT $limit
RETURN p, score, graph_score, text_score, shared,
       COLLECT { MATCH (l:Lesson)-[:FROM]->(p) RETURN l ORDER BY l.id } AS lessons
"""


@dataclass(frozen=True)
class RelatedProject:
    project: NodeRecord
    score: float
    graph_score: float
    text_score: float
    shared_concepts: tuple[str, ...]
    lessons: tuple[NodeRecord, ...]


def related_projects(
    db: Database,
    project_id: str | None,
    embedding: Sequence[float] | None,
    concept_ids: Sequence[str],
    limit: int,
    graph_weight: float = 0.5,
    text_weight: float = 0.5,
) -> list[RelatedProject]:
    """Projects most like the given project (its concepts and embedding) or like the given concepts and text."""
    rows = db.read(
        RELATED_PROJECTS,
        {
            "project_id": project_id,
            "embedding": list(embedding) if embedding is not None else None,
            "concepts": list(concept_ids),
            "candidates": max(limit * 4, 20),
            "limit": limit,
            "graph_weight": graph_weight,
            "text_weight": text_weight,
        },
    )
    return [
        RelatedProject(
            project=node_record(r["p"]),
            score=float(r["score"]),
            graph_score=float(r["graph_score"]),
            text_score=float(r["text_score"]),
            shared_concepts=tuple(sorted(r["shared"])),
            lessons=tuple(node_record(n) for n in r["lessons"]),
        )
        for r in rows
    ]
