"""What is known to work on a topic: evidence by level, projects and lessons by what their outcome was."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database
from graph.queries.records import NodeRecord, node_record
from graph.queries.topics import TOPIC_CONCEPTS, Topic

# Strength orders the answer: evidence by its level (a guideline above an expert opinion), projects and
# lessons by outcome (improved above unclear). A project that made no difference or made things worse still
# appears, lower down and labelled as such, because knowing what did not work is half the value.
# The topic is resolved in the same query (graph/queries/topics.py), so a request is one round trip.
GOOD_PRACTICE = (
    TOPIC_CONCEPTS
    + """
CALL (topics) {
  UNWIND topics AS c
  MATCH (d:Document)-[m:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(c)
  WHERE NOT coalesce(d.placeholder, false)
  WITH d, max(coalesce(m.score, 0.5)) AS relevance, collect(DISTINCT c.name) AS matched
  OPTIONAL MATCH (d)-[:FROM]->(origin:Project)
  WITH d, relevance, matched, origin, coalesce(d.outcome, origin.outcome) AS outcome
  WHERE d:Evidence OR d:Lesson OR outcome IS NOT NULL
  WITH d, relevance, matched, origin, outcome,
       CASE WHEN d:Evidence THEN
         CASE toLower(coalesce(d.level, '')) WHEN 'guideline' THEN 1.0 WHEN 'systematic review' THEN 0.95
           WHEN 'rct' THEN 0.85 WHEN 'cohort' THEN 0.7 WHEN 'qualitative' THEN 0.6 WHEN 'case study' THEN 0.5
           WHEN 'expert opinion' THEN 0.4 ELSE 0.45 END
       ELSE
         CASE outcome WHEN 'improved' THEN 0.8 WHEN 'not_sustained' THEN 0.45 WHEN 'unclear' THEN 0.35
           WHEN 'no_change' THEN 0.3 WHEN 'worsened' THEN 0.3 ELSE 0.35 END
       END AS strength
  ORDER BY strength DESC, relevance DESC, d.date DESC, d.id
  LIMIT $limit
  RETURN collect({d: d, origin: origin, outcome: outcome, strength: strength, relevance: relevance,
                  matched: matched}) AS items
}
RETURN topics, items
"""
)


@dataclass(frozen=True)
class PracticeItem:
    document: NodeRecord
    origin: NodeRecord | None  # for a lesson: the project it came from
    outcome: str | None  # the document's outcome, or its project's
    strength: float
    relevance: float
    matched: tuple[str, ...]  # concept names the document is about


@dataclass(frozen=True)
class GoodPracticeAnswer:
    topics: tuple[NodeRecord, ...]  # the concepts the topic resolved to
    items: tuple[PracticeItem, ...]


def good_practice(db: Database, topic: Topic, limit: int) -> GoodPracticeAnswer:
    """The concepts a topic names and the evidence, lessons and projects with outcomes on them, strongest first."""
    row = db.read(GOOD_PRACTICE, {**topic.params(), "limit": limit})[0]
    items = tuple(
        PracticeItem(
            document=node_record(r["d"]),
            origin=node_record(r["origin"]) if r["origin"] is not None else None,
            outcome=r["outcome"],
            strength=float(r["strength"]),
            relevance=float(r["relevance"]),
            matched=tuple(sorted(r["matched"])),
        )
        for r in row["items"]
    )
    return GoodPracticeAnswer(topics=tuple(node_record(c) for c in row["topics"]), items=items)
