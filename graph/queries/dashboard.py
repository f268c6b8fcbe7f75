"""The dashboard's aggregates: counts by concept kind, organisation and month; top concepts; gaps; totals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import ManagedTransaction

from graph.database import Database
from graph.queries.privacy import visible_param

BY_CONCEPT_KIND = """
MATCH (c:Concept)
RETURN c.kind AS kind, count(c) AS concepts,
       COUNT { MATCH (d:Document)-[:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(x:Concept {kind: c.kind})
               RETURN DISTINCT d } AS documents
ORDER BY concepts DESC, kind
"""

# People counts leave hidden people out unless the caller is admin: a count of one can identify someone.
BY_ORGANISATION = """
MATCH (o:Organisation)
WITH o,
     COUNT { MATCH (:Project)-[:OWNED_BY]->(o) } AS projects,
     COUNT { MATCH (:Lesson)-[:OWNED_BY]->(o) } AS lessons,
     COUNT { MATCH (:Evidence)-[:OWNED_BY]->(o) } AS evidence,
     COUNT { MATCH (p:Person)-[:WORKS_AT]->(o)
             WHERE $visible IS NULL OR coalesce(p.visibility, 'public') IN $visible RETURN DISTINCT p } AS people
RETURN o.id AS id, o.name AS name, projects, lessons, evidence, people
ORDER BY projects + lessons + evidence DESC, name
"""

BY_MONTH = """
MATCH (d:Document) WHERE d.date IS NOT NULL AND size(d.date) >= 7
WITH substring(d.date, 0, 7) AS month, d
RETURN month, count(CASE WHEN d:Project THEN 1 END) AS projects, count(CASE WHEN d:Lesson THEN 1 END) AS lessons,
       count(CASE WHEN d:Evidence THEN 1 END) AS evidence
ORDER BY month
"""

TOP_CONCEPTS = """
MATCH (d:Document)-[:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(c:Concept)
WITH c, count(DISTINCT d) AS documents
ORDER BY documents DESC, c.id
LIMIT $top
RETURN c.id AS id, c.name AS name, c.kind AS kind, documents
"""

# Gaps are about subjects, so methods and techniques (which evidence rarely "addresses") are left out.
GAPS = """
MATCH (c:Concept) WHERE c.kind IN ['Condition', 'Intervention', 'Topic', 'Outcome', 'Setting']
WITH c,
     COUNT { MATCH (p:Project)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c) RETURN DISTINCT p } AS projects,
     COUNT { MATCH (e:Evidence)-[:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(c) RETURN DISTINCT e } AS evidence
WHERE (projects > 0 AND evidence = 0) OR (evidence > 0 AND projects = 0)
RETURN c.id AS id, c.name AS name, c.kind AS kind, projects, evidence
ORDER BY projects + evidence DESC, c.id
LIMIT $top
"""

UNCITED_EVIDENCE = """
MATCH (e:Evidence) WHERE NOT EXISTS { MATCH (:Project)-[:CITES]->(e) }
RETURN count(e) AS uncited
"""

# Placeholders stand for documents cited by title but never ingested: they are not content yet. People the
# caller may not see are not counted, nor the relationships that touch them (a moving total would tell who).
TOTALS = """
CALL () { MATCH (n:Person) WHERE $visible IS NULL OR coalesce(n.visibility, 'public') IN $visible
          RETURN count(n) AS people }
CALL () { MATCH (n:Organisation) RETURN count(n) AS organisations }
CALL () { MATCH (n:Project) WHERE NOT coalesce(n.placeholder, false) RETURN count(n) AS projects }
CALL () { MATCH (n:Lesson) WHERE NOT coalesce(n.placeholder, false) RETURN count(n) AS lessons }
CALL () { MATCH (n:Evidence) WHERE NOT coalesce(n.placeholder, false) RETURN count(n) AS evidence }
CALL () { MATCH (n:Concept) RETURN count(n) AS concepts }
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH ()-[r]->() RETURN count(r) AS all_relationships }
CALL () {
  MATCH (p:Person) WHERE $visible IS NOT NULL AND NOT coalesce(p.visibility, 'public') IN $visible
  MATCH (p)-[r]-()
  RETURN count(DISTINCT r) AS unseen_relationships
}
RETURN people, organisations, projects, lessons, evidence, concepts, sources,
       all_relationships - unseen_relationships AS relationships
"""


@dataclass(frozen=True)
class KindCount:
    kind: str
    concepts: int
    documents: int


@dataclass(frozen=True)
class OrganisationCount:
    id: str
    name: str
    projects: int
    lessons: int
    evidence: int
    people: int


@dataclass(frozen=True)
class MonthCount:
    month: str
    projects: int
    lessons: int
    evidence: int


@dataclass(frozen=True)
class ConceptCount:
    id: str
    name: str
    kind: str
    documents: int


@dataclass(frozen=True)
class Gap:
    id: str
    name: str
    kind: str
    projects: int
    evidence: int


@dataclass(frozen=True)
class Totals:
    people: int
    organisations: int
    projects: int
    lessons: int
    evidence: int
    concepts: int
    sources: int
    relationships: int


@dataclass(frozen=True)
class Dashboard:
    by_concept_kind: tuple[KindCount, ...]
    by_organisation: tuple[OrganisationCount, ...]
    by_month: tuple[MonthCount, ...]
    top_concepts: tuple[ConceptCount, ...]
    gaps: tuple[Gap, ...]
    uncited_evidence: int
    totals: Totals


def dashboard(db: Database, visible: Sequence[str] | None, top: int = 10) -> Dashboard:
    """Every dashboard aggregate, read in one transaction (one round trip) so the numbers agree."""

    def work(tx: ManagedTransaction) -> Dashboard:
        params = {"visible": visible_param(visible), "top": top}
        kinds = [KindCount(r["kind"] or "Unknown", r["concepts"], r["documents"]) for r in tx.run(BY_CONCEPT_KIND)]
        orgs = [OrganisationCount(**r.data()) for r in tx.run(BY_ORGANISATION, params)]
        months = [MonthCount(**r.data()) for r in tx.run(BY_MONTH)]
        top_concepts = [ConceptCount(**r.data()) for r in tx.run(TOP_CONCEPTS, params)]
        gaps = [Gap(**r.data()) for r in tx.run(GAPS, params)]
        uncited = tx.run(UNCITED_EVIDENCE).single()["uncited"]
        totals = Totals(**tx.run(TOTALS, params).single().data())
        return Dashboard(tuple(kinds), tuple(orgs), tuple(months), tuple(top_concepts), tuple(gaps), uncited, totals)

    return db.read_tx(work)
