"""Prior projects like a given project or a new description: graph overlap plus text similarity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.records import NodeRecord, node_record

# Candidates come from two places: the vector index (similar wording) and shared concepts (the graph). Each
# candidate is then scored on both: concept overlap weighted by rarity (idf, so sharing "falls" counts for
# more than sharing "PDSA", which half the projects use) and by kind (the problem a project tackles says more
# about relatedness than its setting or method), cosine-normalised; and embedding similarity. The query
# also says whether the asked-for project exists, so the API needs no separate lookup round trip.
KIND_WEIGHT = {
    "Condition": 1.0,
    "Topic": 1.0,
    "Intervention": 1.0,
    "Outcome": 0.8,
    "Setting": 0.5,
    "QIMethod": 0.5,
    "KMTechnique": 0.5,
}
RELATED_PROJECTS = """
CALL () { MATCH (x:Project) WHERE NOT coalesce(x.placeholder, false) RETURN count(x) AS total }
OPTIONAL MATCH (src:Project {id: $project_id})
WITH total, src, coalesce(src.embedding, $embedding) AS vector,
     CASE WHEN src IS NULL THEN $concepts
          ELSE COLLECT { MATCH (src)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c:Concept) RETURN DISTINCT c.id } END AS wanted
CALL (wanted, total) {
  UNWIND wanted AS cid
  MATCH (c:Concept {id: cid})
  RETURN sum((log((1.0 + total) / (1.0 + COUNT { MATCH (c)<-[:MENTIONS|ADDRESSES|USES_METHOD]-(:Project) })) + 1)
             * coalesce($kind_weight[c.kind], 1.0)) AS wanted_weight
}
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
CALL (by_text, by_graph, vector, wanted, wanted_weight, total) {
  UNWIND by_text + by_graph AS p
  WITH DISTINCT p
  CALL (p, wanted, total) {
    MATCH (p)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c:Concept)
    WITH DISTINCT c
    WITH c, (log((1.0 + total) / (1.0 + COUNT { MATCH (c)<-[:MENTIONS|ADDRESSES|USES_METHOD]-(:Project) })) + 1)
            * coalesce($kind_weight[c.kind], 1.0) AS w
    ORDER BY w DESC, c.name
    RETURN sum(w) AS own_weight, sum(CASE WHEN c.id IN wanted THEN w ELSE 0.0 END) AS shared_weight,
           collect(CASE WHEN c.id IN wanted THEN c.name END) AS shared
  }
  WITH p, shared,
       CASE WHEN wanted_weight = 0 OR own_weight = 0 THEN 0.0
            ELSE shared_weight / sqrt(wanted_weight * own_weight) END AS graph_score,
       CASE WHEN vector IS NULL OR p.embedding IS NULL THEN 0.0
            ELSE vector.similarity.cosine(vector, p.embedding) END AS text_score
  WITH p, shared, graph_score, text_score, $graph_weight * graph_score + $text_weight * text_score AS score
  ORDER BY score DESC, p.id
  LIMIT $limit
  RETURN collect({p: p, score: score, graph_score: graph_score, text_score: text_score, shared: shared,
                  lessons: COLLECT { MATCH (l:Lesson)-[:FROM]->(p) RETURN l ORDER BY l.id }}) AS results
}
RETURN $project_id IS NULL OR src IS NOT NULL AS found, results
"""


@dataclass(frozen=True)
class RelatedProject:
    project: NodeRecord
    score: float
    graph_score: float
    text_score: float
    shared_concepts: tuple[str, ...]  # most specific first
    lessons: tuple[NodeRecord, ...]


@dataclass(frozen=True)
class RelatedAnswer:
    found: bool  # False when a project id was given and names no project
    items: tuple[RelatedProject, ...]


def related_projects(
    db: Database,
    project_id: str | None,
    embedding: Sequence[float] | None,
    concept_ids: Sequence[str],
    limit: int,
    graph_weight: float = 0.5,
    text_weight: float = 0.5,
) -> RelatedAnswer:
    """Projects most like the given project (its concepts and embedding) or like the given concepts and text."""
    row = db.read(
        RELATED_PROJECTS,
        {
            "project_id": project_id,
            "embedding": list(embedding) if embedding is not None else None,
            "concepts": list(concept_ids),
            "candidates": max(limit * 4, 20),
            "limit": limit,
            "graph_weight": graph_weight,
            "kind_weight": KIND_WEIGHT,
            "text_weight": text_weight,
        },
    )[0]
    items = tuple(
        RelatedProject(
            project=node_record(r["p"]),
            score=float(r["score"]),
            graph_score=float(r["graph_score"]),
            text_score=float(r["text_score"]),
            shared_concepts=tuple(r["shared"]),
            lessons=tuple(node_record(n) for n in r["lessons"]),
        )
        for r in row["results"]
    )
    return RelatedAnswer(found=row["found"], items=items)
