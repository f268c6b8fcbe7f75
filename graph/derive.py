"""Derived edges, recomputed after ingest for what changed: KNOWS_ABOUT and SIMILAR_TO.

Nodes whose inputs changed carry the label NeedsDerive (set in the same transaction as the write), so an
ingest killed before this step still gets it on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database

# How strongly a person's link to a document says they know its concepts.
ROLE_WEIGHTS = {"lead": 1.0, "author": 0.9, "member": 0.6, "sponsor": 0.4}
# How central a concept is to a document, by the relationship that ties them.
CENTRALITY = {"ADDRESSES": 1.0, "USES_METHOD": 1.0, "LEARNED": 0.9, "MENTIONS": 0.5}
RECENCY_HALF_LIFE_YEARS = 4.0
SIMILAR_TOP_K = 10
SIMILAR_CANDIDATES = 40  # graph-overlap candidates per project that also get a text-similarity score
SIMILAR_MIN_SCORE = 0.12
TEXT_WEIGHT = 0.35  # share of SIMILAR_TO's score from text similarity; the rest from shared concepts

PENDING = "MATCH (s:IngestState {id: 'derived'}) RETURN coalesce(s.dirty, false) AS dirty"

DIRTY_PEOPLE = "MATCH (p:Person:NeedsDerive) RETURN p.id AS id LIMIT $limit"
DIRTY_PROJECTS = "MATCH (p:Project:NeedsDerive) RETURN p.id AS id LIMIT $limit"

# Score = sum over the person's documents of role weight x centrality x log-count x recency.
# The person's own profile counts as a lead-weight, undated statement of expertise.
KNOWS_ABOUT = """
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
OPTIONAL MATCH (p)-[old:KNOWS_ABOUT]->()
DELETE old
WITH DISTINCT p
CALL (p) {
  MATCH (p)-[link:CONTRIBUTED_TO|AUTHORED]->(d:Document)-[m:ADDRESSES|USES_METHOD|LEARNED|MENTIONS]->(c:Concept)
  WHERE NOT coalesce(d.placeholder, false)
  WITH c, d, m,
       CASE WHEN type(link) = 'AUTHORED' THEN $roles['author'] ELSE coalesce($roles[link.role], 0.5) END AS rw,
       CASE WHEN d.date IS NULL THEN 0.75
            ELSE 0.5 ^ ((date().year - toInteger(left(d.date, 4))) / $half_life) END AS recency
  RETURN c, d.id AS doc, rw * $centrality[type(m)] * log(2.0 + coalesce(m.count, 1)) / log(3.0) * recency AS w
  UNION ALL
  MATCH (p)-[m:MENTIONS]->(c:Concept)
  RETURN c, 'profile' AS doc, 1.0 AS w
}
// Basis lists the strongest documents first, in a fixed order, so reruns give identical edges.
WITH p, c, doc, sum(w) AS dw
ORDER BY dw DESC, doc
WITH p, c, sum(dw) AS score, collect(doc)[..10] AS basis
WHERE score > 0
MERGE (p)-[k:KNOWS_ABOUT]->(c)
SET k.score = round(score, 4), k.basis = basis
"""

# Concept rarity among projects, and each project's total concept weight, computed once per derive run so
# the per-project similarity query below is a plain expansion over precomputed numbers.
CONCEPT_RARITY = """
CALL () { MATCH (d:Project) WHERE NOT coalesce(d.placeholder, false) RETURN count(d) AS total }
MATCH (c:Concept)
CALL (c) { MATCH (c)<-[:ADDRESSES|USES_METHOD|MENTIONS]-(x:Project) RETURN count(DISTINCT x) AS df }
// Rounded: stored sums must not depend on the order Neo4j happens to add them in.
SET c.project_weight = CASE WHEN df = 0 THEN null ELSE round((log((1.0 + total) / (1.0 + df)) + 1) ^ 2, 6) END
"""
PROJECT_WEIGHTS = """
MATCH (p:Project)
CALL (p) {
  MATCH (p)-[:ADDRESSES|USES_METHOD|MENTIONS]->(c:Concept)
  WITH DISTINCT c
  RETURN sum(c.project_weight) AS weight
}
SET p.concept_weight = round(weight, 6)
"""

# Shared concepts weighted by rarity (idf squared), cosine-normalised, blended with embedding similarity.
SIMILAR_TO = """
UNWIND $ids AS pid
MATCH (p:Project {id: pid})
OPTIONAL MATCH (p)-[old:SIMILAR_TO]->()
DELETE old
WITH DISTINCT p
CALL (p) {
  MATCH (p)-[:ADDRESSES|USES_METHOD|MENTIONS]->(c:Concept)
  WITH DISTINCT c
  MATCH (c)<-[:ADDRESSES|USES_METHOD|MENTIONS]-(q:Project)
  WHERE q <> p AND NOT coalesce(q.placeholder, false)
  WITH DISTINCT q, c
  ORDER BY c.project_weight DESC, c.name
  RETURN q, sum(c.project_weight) AS shared_weight, collect(c.name)[..8] AS shared
}
WITH p, q, shared, shared_weight / sqrt(p.concept_weight * q.concept_weight) AS overlap
// Text similarity only for the strongest graph candidates: cosine over 256 floats is the costly step.
ORDER BY overlap DESC, q.id
WITH p, collect({q: q, shared: shared, overlap: overlap})[..$candidates] AS candidates
UNWIND candidates AS candidate
WITH p, candidate.q AS q, candidate.shared AS shared, candidate.overlap AS overlap
WITH p, q, shared, overlap,
     CASE WHEN p.embedding IS NULL OR q.embedding IS NULL THEN 0.0
          ELSE vector.similarity.cosine(p.embedding, q.embedding) END AS text_score
WITH p, q, shared, overlap, text_score, (1 - $text_weight) * overlap + $text_weight * text_score AS score
WHERE score >= $min_score
ORDER BY score DESC, q.id
WITH p, collect({q: q, score: score, shared: shared, text: text_score})[..$top_k] AS best
UNWIND best AS b
WITH p, b, b.q AS q
MERGE (p)-[s:SIMILAR_TO]->(q)
SET s.score = round(b.score, 4), s.shared = b.shared, s.text_score = round(b.text, 4)
"""

CLEAR_PEOPLE = "UNWIND $ids AS pid MATCH (p:Person {id: pid}) REMOVE p:NeedsDerive"
CLEAR_PROJECTS = "UNWIND $ids AS pid MATCH (p:Project {id: pid}) REMOVE p:NeedsDerive"
CLEAR_STATE = "MATCH (s:IngestState {id: 'derived'}) SET s.dirty = false, s.derived_at = datetime()"


@dataclass(frozen=True)
class DeriveStats:
    people: int
    projects: int


def recompute(db: Database, chunk: int = 200, project_chunk: int = 50) -> DeriveStats:
    """Recompute KNOWS_ABOUT for changed people and SIMILAR_TO for changed projects, in chunks.

    Projects go in smaller chunks: each one expands to every project sharing a concept, and 200 at a time
    overran a 512 MB Neo4j heap on a 10,000-document graph.
    """
    people = projects = 0
    while ids := [r["id"] for r in db.read(DIRTY_PEOPLE, {"limit": chunk})]:
        db.write(
            KNOWS_ABOUT,
            {"ids": ids, "roles": ROLE_WEIGHTS, "centrality": CENTRALITY, "half_life": RECENCY_HALF_LIFE_YEARS},
        )
        db.write(CLEAR_PEOPLE, {"ids": ids})
        people += len(ids)
    if db.read(DIRTY_PROJECTS, {"limit": 1}):
        db.write(CONCEPT_RARITY)
        db.write(PROJECT_WEIGHTS)
    while ids := [r["id"] for r in db.read(DIRTY_PROJECTS, {"limit": project_chunk})]:
        params = {
            "ids": ids,
            "text_weight": TEXT_WEIGHT,
            "min_score": SIMILAR_MIN_SCORE,
            "top_k": SIMILAR_TOP_K,
            "candidates": SIMILAR_CANDIDATES,
        }
        db.write(SIMILAR_TO, params)
        db.write(CLEAR_PROJECTS, {"ids": ids})
        projects += len(ids)
    db.write(CLEAR_STATE)
    return DeriveStats(people=people, projects=projects)
