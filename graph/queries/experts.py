"""People ranked by evidence of knowing a topic, with the documents that support each one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.database import Database
from graph.queries.privacy import visible_param
from graph.queries.records import NodeRecord, Page, node_record
from graph.queries.topics import TOPIC_CONCEPTS, Topic

# A person's score is their derived KNOWS_ABOUT score for the topic (graph/derive.py: role x centrality x
# mentions x recency, plus their profile); `because` lists the documents behind it, each weighted by the
# person's role and by how strongly the document is about the topic. Before derive has run, the same
# document weights give the score, so the ranking never depends on a step that may not have happened yet.
# The topic is resolved in the same query (graph/queries/topics.py), so a request is one round trip.
EXPERTS = (
    TOPIC_CONCEPTS
    + """
CALL (topics) {
  UNWIND topics AS c
  CALL (c) {
    MATCH (d:Document)-[m:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(c)
    WHERE NOT coalesce(d.placeholder, false)
    WITH d, max(coalesce(m.score, 0.5)) AS strength
    MATCH (p:Person)-[r:CONTRIBUTED_TO|AUTHORED]->(d)
    RETURN p, d, coalesce(r.role, 'author') AS role, strength, 0.0 AS known
    UNION ALL
    MATCH (p:Person)-[k:KNOWS_ABOUT]->(c)
    RETURN p, null AS d, null AS role, 0.0 AS strength, coalesce(k.score, 0.0) AS known
  }
  WITH p, d, role, max(strength) AS strength, sum(known) AS known
  WHERE ($visible IS NULL OR coalesce(p.visibility, 'public') IN $visible)
    AND ($organisation IS NULL OR EXISTS { MATCH (p)-[:WORKS_AT]->(:Organisation {id: $organisation}) })
  WITH p, d, role, known,
       strength * CASE role WHEN 'lead' THEN 1.0 WHEN 'author' THEN 0.8 WHEN 'member' THEN 0.6 ELSE 0.4 END AS weight
  ORDER BY weight DESC, d.date DESC, d.id
  WITH p, sum(weight) AS from_documents, sum(known) AS known,
       collect(CASE WHEN d IS NULL THEN null ELSE {document: d, role: role, weight: weight} END) AS basis
  WITH p, CASE WHEN known > 0 THEN known ELSE from_documents END AS score, basis
  WHERE score > 0
  OPTIONAL MATCH (p)-[:WORKS_AT]->(o:Organisation)
  WITH p, score, basis, collect(o)[0] AS organisation
  ORDER BY score DESC, p.name
  WITH collect({person: p, score: score, basis: basis[..$basis_limit], organisation: organisation}) AS rows
  RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS page
}
RETURN topics, total, page
"""
)


@dataclass(frozen=True)
class Support:
    """One document behind an expert: what it is and what the person did on it."""

    document: NodeRecord
    role: str  # lead | member | sponsor | author
    weight: float


@dataclass(frozen=True)
class Expert:
    person: NodeRecord
    score: float
    organisation: NodeRecord | None
    because: tuple[Support, ...]


@dataclass(frozen=True)
class ExpertsAnswer:
    topics: tuple[NodeRecord, ...]  # the concepts the topic resolved to
    page: Page  # of Expert


def experts(
    db: Database,
    topic: Topic,
    organisation: str | None,
    skip: int,
    limit: int,
    visible: Sequence[str] | None,
    basis_limit: int = 5,
) -> ExpertsAnswer:
    """The concepts a topic names and one page of experts on any of them, best first."""
    row = db.read(
        EXPERTS,
        {
            **topic.params(),
            "organisation": organisation,
            "skip": skip,
            "limit": limit,
            "visible": visible_param(visible),
            "basis_limit": basis_limit,
        },
    )[0]
    items = tuple(
        Expert(
            person=node_record(r["person"]),
            score=float(r["score"]),
            organisation=node_record(r["organisation"]) if r["organisation"] is not None else None,
            because=tuple(Support(node_record(b["document"]), b["role"], float(b["weight"])) for b in r["basis"]),
        )
        for r in row["page"]
    )
    return ExpertsAnswer(
        topics=tuple(node_record(c) for c in row["topics"]), page=Page(items=items, total=row["total"])
    )
