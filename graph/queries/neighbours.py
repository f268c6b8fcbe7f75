"""Neighbours of many nodes at once, one page each: the batch query behind every connection field.

Each constant takes `$ids` (the parents), `$skip`/`$limit` (the page) and `$visible` (graph.queries.privacy),
and returns one row per parent that has neighbours: `id`, `total` and `page` (a list of
`{node, type, role, score}` maps). Parents with no neighbours return no row; `neighbours()` gives them an empty page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import LiteralString

from graph.database import Database
from graph.queries.privacy import visible_param
from graph.queries.records import EMPTY_PAGE, Page, neighbour_record

# People with visibility `hidden` are filtered in the query itself, so totals never count them either.
PERSON_ORGANISATIONS = """
UNWIND $ids AS id
MATCH (n:Person {id: id})
CALL (n) {
  MATCH (n)-[r:WORKS_AT]->(m:Organisation)
  RETURN {node: m, type: type(r), role: r.role} AS item ORDER BY m.name
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

PERSON_PROJECTS = """
UNWIND $ids AS id
MATCH (n:Person {id: id})
CALL (n) {
  MATCH (n)-[r:CONTRIBUTED_TO]->(m:Project)
  RETURN {node: m, type: type(r), role: r.role} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

PERSON_AUTHORED = """
UNWIND $ids AS id
MATCH (n:Person {id: id})
CALL (n) {
  MATCH (n)-[r:AUTHORED]->(m:Document)
  RETURN {node: m, type: type(r), role: 'author'} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

PERSON_TOPICS = """
UNWIND $ids AS id
MATCH (n:Person {id: id})
CALL (n) {
  MATCH (n)-[r:KNOWS_ABOUT]->(m:Concept)
  RETURN {node: m, type: type(r), score: r.score} AS item ORDER BY r.score DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

ORGANISATION_PEOPLE = """
UNWIND $ids AS id
MATCH (n:Organisation {id: id})
CALL (n) {
  MATCH (m:Person)-[r:WORKS_AT]->(n)
  WHERE $visible IS NULL OR coalesce(m.visibility, 'public') IN $visible
  RETURN {node: m, type: type(r), role: r.role} AS item ORDER BY m.name
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

ORGANISATION_DOCUMENTS = """
UNWIND $ids AS id
MATCH (n:Organisation {id: id})
CALL (n) {
  MATCH (m:Document)-[r:OWNED_BY]->(n)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

DOCUMENT_PEOPLE = """
UNWIND $ids AS id
MATCH (n:Document {id: id})
CALL (n) {
  MATCH (m:Person)-[r:CONTRIBUTED_TO|AUTHORED]->(n)
  WHERE $visible IS NULL OR coalesce(m.visibility, 'public') IN $visible
  RETURN {node: m, type: type(r), role: coalesce(r.role, 'author')} AS item ORDER BY m.name
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

DOCUMENT_CONCEPTS = """
UNWIND $ids AS id
MATCH (n:Document {id: id})
CALL (n) {
  MATCH (n)-[r:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(m:Concept)
  WITH m, collect(DISTINCT type(r)) AS types, max(r.score) AS score
  RETURN {node: m, type: reduce(s = '', t IN types | s + CASE s WHEN '' THEN '' ELSE ',' END + t),
          score: score} AS item
  ORDER BY score DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

DOCUMENT_ORGANISATIONS = """
UNWIND $ids AS id
MATCH (n:Document {id: id})
CALL (n) {
  MATCH (n)-[r:OWNED_BY|MENTIONS]->(m:Organisation)
  WITH m, collect(DISTINCT type(r)) AS types
  RETURN {node: m, type: CASE WHEN 'OWNED_BY' IN types THEN 'OWNED_BY' ELSE 'MENTIONS' END} AS item
  ORDER BY m.name
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

DOCUMENT_CITES = """
UNWIND $ids AS id
MATCH (n:Document {id: id})
CALL (n) {
  MATCH (n)-[r:CITES]->(m:Evidence)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

EVIDENCE_CITED_BY = """
UNWIND $ids AS id
MATCH (n:Evidence {id: id})
CALL (n) {
  MATCH (m:Document)-[r:CITES]->(n)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

PROJECT_LESSONS = """
UNWIND $ids AS id
MATCH (n:Project {id: id})
CALL (n) {
  MATCH (m:Lesson)-[r:FROM]->(n)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

LESSON_PROJECTS = """
UNWIND $ids AS id
MATCH (n:Lesson {id: id})
CALL (n) {
  MATCH (n)-[r:FROM]->(m:Project)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

PROJECT_SIMILAR = """
UNWIND $ids AS id
MATCH (n:Project {id: id})
CALL (n) {
  MATCH (n)-[r:SIMILAR_TO]->(m:Project)
  RETURN {node: m, type: type(r), score: r.score} AS item ORDER BY r.score DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

DOCUMENT_SOURCES = """
UNWIND $ids AS id
MATCH (n:Document {id: id})
CALL (n) {
  MATCH (n)-[r:FROM_SOURCE]->(m:Source)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.path
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

CONCEPT_DOCUMENTS = """
UNWIND $ids AS id
MATCH (n:Concept {id: id})
CALL (n) {
  MATCH (m:Document)-[r:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(n)
  WITH m, max(r.score) AS score
  RETURN {node: m, type: 'MENTIONS', score: score} AS item ORDER BY m.date DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

CONCEPT_PEOPLE = """
UNWIND $ids AS id
MATCH (n:Concept {id: id})
CALL (n) {
  MATCH (m:Person)-[r:KNOWS_ABOUT]->(n)
  WHERE $visible IS NULL OR coalesce(m.visibility, 'public') IN $visible
  RETURN {node: m, type: type(r), score: r.score} AS item ORDER BY r.score DESC, m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

SOURCE_DOCUMENTS = """
UNWIND $ids AS id
MATCH (n:Source {id: id})
CALL (n) {
  MATCH (m:Document)-[r:FROM_SOURCE]->(n)
  RETURN {node: m, type: type(r)} AS item ORDER BY m.id
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

SOURCE_PEOPLE = """
UNWIND $ids AS id
MATCH (n:Source {id: id})
CALL (n) {
  MATCH (m:Person)-[r:FROM_SOURCE]->(n)
  WHERE $visible IS NULL OR coalesce(m.visibility, 'public') IN $visible
  RETURN {node: m, type: type(r)} AS item ORDER BY m.name
}
WITH id, collect(item) AS items
RETURN id, size(items) AS total, items[$skip..$skip + $limit] AS page
"""

# The schema names a neighbour list by key; the key picks one of the constants above, never builds Cypher.
NEIGHBOUR_QUERIES: dict[str, LiteralString] = {
    "person.organisations": PERSON_ORGANISATIONS,
    "person.projects": PERSON_PROJECTS,
    "person.authored": PERSON_AUTHORED,
    "person.topics": PERSON_TOPICS,
    "organisation.people": ORGANISATION_PEOPLE,
    "organisation.documents": ORGANISATION_DOCUMENTS,
    "document.people": DOCUMENT_PEOPLE,
    "document.concepts": DOCUMENT_CONCEPTS,
    "document.organisations": DOCUMENT_ORGANISATIONS,
    "document.cites": DOCUMENT_CITES,
    "document.sources": DOCUMENT_SOURCES,
    "evidence.citedBy": EVIDENCE_CITED_BY,
    "project.lessons": PROJECT_LESSONS,
    "project.similar": PROJECT_SIMILAR,
    "lesson.projects": LESSON_PROJECTS,
    "concept.documents": CONCEPT_DOCUMENTS,
    "concept.people": CONCEPT_PEOPLE,
    "source.documents": SOURCE_DOCUMENTS,
    "source.people": SOURCE_PEOPLE,
}


def neighbours(
    db: Database, key: str, ids: Sequence[str], skip: int, limit: int, visible: Sequence[str] | None
) -> dict[str, Page]:
    """One page of neighbours for every parent id, in one round trip; unknown keys are a programming error."""
    query = NEIGHBOUR_QUERIES[key]
    rows = db.read(
        query, {"ids": list(dict.fromkeys(ids)), "skip": skip, "limit": limit, "visible": visible_param(visible)}
    )
    pages = {row["id"]: Page(items=tuple(neighbour_record(i) for i in row["page"]), total=row["total"]) for row in rows}
    return {i: pages.get(i, EMPTY_PAGE) for i in ids}
