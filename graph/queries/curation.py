"""Curators' corrections: merge two concepts, reject a mention, set a person's visibility.

Each correction leaves a record (ConceptRedirect, RejectedMention, visibility_curated) that later ingests
honour, and also fixes the graph now, so the answer changes without waiting for a re-ingest.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

from graph.database import Database
from graph.queries.records import NodeRecord, node_record

CONCEPT_PAIR = """
OPTIONAL MATCH (keep:Concept {id: $keep})
OPTIONAL MATCH (drop:Concept {id: $drop})
RETURN keep, drop
"""

# Union of two lists without APOC: the kept list plus what the dropped one adds.
MOVE_MENTIONS = """
MATCH (d)-[r:MENTIONS]->(:Concept {id: $drop})
MATCH (keep:Concept {id: $keep})
MERGE (d)-[k:MENTIONS]->(keep)
SET k.count = coalesce(k.count, 0) + coalesce(r.count, 0),
    k.score = CASE WHEN k.score IS NULL OR r.score > k.score THEN r.score ELSE k.score END,
    k.spans = coalesce(k.spans, []) + coalesce(r.spans, []),
    k.snippet = coalesce(k.snippet, r.snippet),
    k.extractor_version = coalesce(k.extractor_version, r.extractor_version),
    k.sources = coalesce(k.sources, []) + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(k.sources, [])]
DELETE r
RETURN count(*) AS moved
"""

MOVE_ADDRESSES = """
MATCH (d)-[r:ADDRESSES]->(:Concept {id: $drop})
MATCH (keep:Concept {id: $keep})
MERGE (d)-[k:ADDRESSES]->(keep)
SET k.score = CASE WHEN k.score IS NULL OR r.score > k.score THEN r.score ELSE k.score END,
    k.sources = coalesce(k.sources, []) + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(k.sources, [])]
DELETE r
RETURN count(*) AS moved
"""

MOVE_USES_METHOD = """
MATCH (d)-[r:USES_METHOD]->(:Concept {id: $drop})
MATCH (keep:Concept {id: $keep})
MERGE (d)-[k:USES_METHOD]->(keep)
SET k.score = CASE WHEN k.score IS NULL OR r.score > k.score THEN r.score ELSE k.score END,
    k.sources = coalesce(k.sources, []) + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(k.sources, [])]
DELETE r
RETURN count(*) AS moved
"""

MOVE_LEARNED = """
MATCH (d)-[r:LEARNED]->(:Concept {id: $drop})
MATCH (keep:Concept {id: $keep})
MERGE (d)-[k:LEARNED]->(keep)
SET k.score = CASE WHEN k.score IS NULL OR r.score > k.score THEN r.score ELSE k.score END,
    k.sources = coalesce(k.sources, []) + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(k.sources, [])]
DELETE r
RETURN count(*) AS moved
"""

MOVE_KNOWS_ABOUT = """
MATCH (p)-[r:KNOWS_ABOUT]->(:Concept {id: $drop})
MATCH (keep:Concept {id: $keep})
MERGE (p)-[k:KNOWS_ABOUT]->(keep)
SET k.score = coalesce(k.score, 0.0) + coalesce(r.score, 0.0),
    k.basis = coalesce(k.basis, []) + [b IN coalesce(r.basis, []) WHERE NOT b IN coalesce(k.basis, [])]
DELETE r
RETURN count(*) AS moved
"""

# The kept concept learns the dropped one's names (so extraction and search find it by either), earlier
# redirects to the dropped id are re-pointed, and rejected mentions follow the concept they named.
FINISH_MERGE = """
MATCH (keep:Concept {id: $keep}), (drop:Concept {id: $drop})
WITH keep, drop, [a IN coalesce(keep.aliases, []) + [drop.name] + coalesce(drop.aliases, [])
                  WHERE a IS NOT NULL AND a <> keep.name] AS names
WITH keep, drop, reduce(out = [], a IN names | CASE WHEN a IN out THEN out ELSE out + a END) AS aliases
SET keep.aliases = aliases,
    keep.aliases_text = reduce(s = '', a IN aliases | s + ' ' + a)
MERGE (redirect:ConceptRedirect {id: $drop})
SET redirect.target = $keep, redirect.merged_at = datetime()
WITH keep, drop
OPTIONAL MATCH (older:ConceptRedirect {target: $drop})
SET older.target = $keep
WITH DISTINCT keep, drop
OPTIONAL MATCH (rejected:RejectedMention {concept: $drop})
SET rejected.concept = $keep, rejected.id = rejected.document + '|' + $keep
WITH DISTINCT keep, drop
DETACH DELETE drop
RETURN keep
"""

REJECT_MENTION = """
MATCH (d:Document {id: $document}), (c:Concept {id: $concept})
MERGE (x:RejectedMention {id: $document + '|' + $concept})
SET x.document = $document, x.concept = $concept, x.rejected_at = datetime()
WITH d, c
OPTIONAL MATCH (d)-[r:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(c)
DELETE r
RETURN d, c, count(r) AS removed
"""

SET_VISIBILITY = """
MATCH (p:Person {id: $person})
SET p.visibility = $visibility, p.visibility_curated = true
RETURN p
"""


class CurationError(ValueError):
    """A correction that cannot be applied as asked; the message says which id is wrong."""


@dataclass(frozen=True)
class MergeResult:
    kept: NodeRecord
    dropped_id: str
    moved: int  # relationships re-pointed from the dropped concept to the kept one


@dataclass(frozen=True)
class RejectResult:
    document: NodeRecord
    concept: NodeRecord
    removed: int


def merge_concepts(db: Database, keep: str, drop: str) -> MergeResult:
    """Fold concept `drop` into `keep`: move its relationships, keep its names, leave a redirect."""
    if keep == drop:
        raise CurationError("keep and drop are the same concept")

    def work(tx: ManagedTransaction) -> MergeResult:
        pair = tx.run(CONCEPT_PAIR, keep=keep, drop=drop).single()
        if pair["keep"] is None:
            raise CurationError(f"no concept with id {keep!r} (keep)")
        if pair["drop"] is None:
            raise CurationError(f"no concept with id {drop!r} (drop)")
        moved = 0
        for query in (MOVE_MENTIONS, MOVE_ADDRESSES, MOVE_USES_METHOD, MOVE_LEARNED, MOVE_KNOWS_ABOUT):
            moved += tx.run(query, keep=keep, drop=drop).single()["moved"]
        kept = tx.run(FINISH_MERGE, keep=keep, drop=drop).single()["keep"]
        return MergeResult(kept=node_record(kept), dropped_id=drop, moved=moved)

    return db.write_tx(work)


def reject_mention(db: Database, document: str, concept: str) -> RejectResult:
    """Record that `document` does not mention `concept` and remove what extraction linked between them."""
    rows = db.write(REJECT_MENTION, {"document": document, "concept": concept})
    if not rows:
        raise CurationError(f"no document {document!r} or no concept {concept!r}")
    row = rows[0]
    return RejectResult(document=node_record(row["d"]), concept=node_record(row["c"]), removed=row["removed"])


def set_person_visibility(db: Database, person: str, visibility: str) -> NodeRecord:
    """Set a person's visibility and mark it as curated, so a re-ingested profile does not undo it."""
    rows = db.write(SET_VISIBILITY, {"person": person, "visibility": visibility})
    if not rows:
        raise CurationError(f"no person with id {person!r}")
    return node_record(rows[0]["p"])
