"""Writes a GraphBatch in one transaction: retract what changed sources said before, then UNWIND ... MERGE.

Every relationship keeps `sources`, the ids of the Source nodes that support it, so a changed record removes
only its own support and a fact another source still states survives.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph.batch import GraphBatch, RelRow
from graph.database import Database

# The relationship shapes the model allows. Query text is built only from these constants, never from input.
REL_SHAPES: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("WORKS_AT", "Person", "Organisation"),
        ("CONTRIBUTED_TO", "Person", "Project"),
        ("AUTHORED", "Person", "Document"),
        ("MENTIONS", "Document", "Concept"),
        ("MENTIONS", "Document", "Person"),
        ("MENTIONS", "Document", "Organisation"),
        ("MENTIONS", "Person", "Concept"),
        ("USES_METHOD", "Document", "Concept"),
        ("ADDRESSES", "Document", "Concept"),
        ("LEARNED", "Document", "Concept"),
        ("FROM", "Document", "Project"),
        ("CITES", "Document", "Evidence"),
        ("OWNED_BY", "Document", "Organisation"),
        ("FROM_SOURCE", "Document", "Source"),
        ("FROM_SOURCE", "Person", "Source"),
    }
)
DOCUMENT_LABELS = {"project": "Project", "lesson": "Lesson", "evidence": "Evidence"}

UPSERT_SOURCES = """
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.path = row.path, s.content_hash = row.content_hash, s.extractor_version = row.extractor_version,
    s.ingested_at = datetime()
"""

# Take back everything the given sources said: their ids leave each relationship's `sources`, and a
# relationship left with none is deleted. Nodes that then have no relationships are removed too.
RETRACT_SOURCES = """
UNWIND $source_ids AS sid
MATCH (s:Source {id: sid})<-[:FROM_SOURCE]-(owner)
CALL (owner, sid) {
  MATCH (owner)-[r]-(other)
  WHERE sid IN r.sources
  RETURN r, other
  UNION
  MATCH (owner)-[]-(p:Person)-[r:WORKS_AT]->(other)
  WHERE sid IN r.sources
  RETURN r, other
}
WITH DISTINCT r, other, sid
SET r.sources = [x IN r.sources WHERE x <> sid]
WITH r, other WHERE size(r.sources) = 0
DELETE r
WITH DISTINCT other
WHERE (other:Concept OR other:Person OR other:Organisation OR coalesce(other.placeholder, false))
  AND NOT (other)--() AND NOT coalesce(other.visibility_curated, false)
DELETE other
"""

# A source whose record is unchanged but whose path is now stored in another form (or whose file moved).
RELOCATE_SOURCES = """
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s.path = row.path
"""

# Candidates for pruning: sources whose path starts with one of the pruned roots (the exact test, a whole
# path component, is made in Python by server.ingest.sources).
SOURCES_UNDER = """
MATCH (s:Source)
WHERE any(prefix IN $prefixes WHERE s.path STARTS WITH prefix)
RETURN s.id AS id, s.path AS path
ORDER BY s.path, s.id
"""

# Before a pruned source's facts go: what was derived from them is stale. The people tied to its document
# (or the person its profile describes) lose their KNOWS_ABOUT edges until derive recomputes them, and
# projects similar to its document lose that edge; all are marked for derive in this same transaction.
# Derived edges carry no `sources`, so without this they would keep a person or project alive after the
# facts that justified them are gone.
UNLINK_DERIVED = """
MERGE (state:IngestState {id: 'derived'})
SET state.dirty = true
WITH state
UNWIND $source_ids AS sid
MATCH (:Source {id: sid})<-[:FROM_SOURCE]-(owner)
CALL (owner) {
  OPTIONAL MATCH (owner)-[:CONTRIBUTED_TO|AUTHORED|MENTIONS]-(linked:Person)
  WITH owner, collect(linked) AS linked_people
  WITH linked_people + CASE WHEN owner:Person THEN [owner] ELSE [] END AS people
  UNWIND people AS person
  WITH DISTINCT person
  OPTIONAL MATCH (person)-[k:KNOWS_ABOUT]->()
  DELETE k
  WITH DISTINCT person
  SET person:NeedsDerive
  RETURN count(person) AS people
}
CALL (owner) {
  OPTIONAL MATCH (owner)-[similar:SIMILAR_TO]-(other:Project)
  DELETE similar
  WITH DISTINCT other WHERE other IS NOT NULL
  SET other:NeedsDerive
  RETURN count(other) AS projects
}
RETURN collect(DISTINCT CASE WHEN owner:Person THEN owner.id END) AS profile_people
"""

# After RETRACT_SOURCES: the Source nodes go, and so do their documents. A document that another source
# still points at (a lesson FROM it, a citation) stays as a placeholder, exactly as if it had been named
# before it was ingested, so the other source's fact survives and a later ingest of the record adopts it.
REMOVE_PRUNED_SOURCES = """
UNWIND $source_ids AS sid
MATCH (s:Source {id: sid})
OPTIONAL MATCH (s)<-[:FROM_SOURCE]-(d:Document)
DETACH DELETE s
WITH DISTINCT d WHERE d IS NOT NULL
WITH d, EXISTS { (d)--() } AS linked
CALL (d, linked) {
  WITH d WHERE NOT linked
  DELETE d
}
CALL (d, linked) {
  WITH d WHERE linked
  SET d = {id: d.id, kind: d.kind, title: d.title, title_key: d.title_key, placeholder: true}
  REMOVE d:NeedsDerive
}
RETURN count(*) AS documents, sum(CASE WHEN linked THEN 0 ELSE 1 END) AS deleted
"""

# A person whose profile was pruned keeps only what other sources say: the profile text goes, and a person
# nothing else mentions goes too, unless a curator set their visibility.
REMOVE_PROFILE_PEOPLE = """
UNWIND $person_ids AS pid
MATCH (p:Person {id: pid})
WHERE NOT (p)-[:FROM_SOURCE]->(:Source)
REMOVE p.summary
WITH p WHERE NOT (p)--() AND NOT coalesce(p.visibility_curated, false)
DELETE p
"""

UPSERT_DOCUMENT = {
    label: f"""
UNWIND $rows AS row
MERGE (d:{label}:Document {{id: row.id}})
SET d += row.props, d.kind = row.kind, d.source_id = row.source_id, d.placeholder = false
WITH d, row
MATCH (s:Source {{id: row.source_id}})
MERGE (d)-[:FROM_SOURCE]->(s)
WITH d
// A lesson or citation that named this document by title before it existed pointed at a placeholder.
MATCH (ph:{label} {{id: 'ref:' + d.title_key}})
WHERE ph <> d
CALL (ph, d) {{
  MATCH (x)-[old]->(ph)
  WITH x, old, type(old) AS kind, old.sources AS sources
  CALL (x, d, kind, sources) {{
    WITH x, d, kind, sources WHERE kind = 'CITES'
    MERGE (x)-[n:CITES]->(d)
    SET n.sources = sources
  }}
  CALL (x, d, kind, sources) {{
    WITH x, d, kind, sources WHERE kind = 'FROM'
    MERGE (x)-[n:FROM]->(d)
    SET n.sources = sources
  }}
  DELETE old
}}
DETACH DELETE ph
"""
    for label in DOCUMENT_LABELS.values()
}

# Aliases are kept sorted and distinct so the result never depends on how documents were batched.
MERGE_ALIASES = """
CALL ($node, row) {
  UNWIND coalesce($node.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS merged
}
SET $node.aliases = merged, $node.aliases_text = reduce(t = '', a IN merged | t + ' ' + a)
"""

UPSERT_PEOPLE = """
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.visibility = coalesce(row.visibility, 'public')
SET p.role = coalesce(row.role, p.role),
    p.summary = coalesce(row.summary, p.summary),
    p.email = coalesce(row.email, p.email),
    p.visibility = CASE
      WHEN coalesce(p.visibility_curated, false) THEN p.visibility
      WHEN row.visibility IS NOT NULL THEN row.visibility
      ELSE coalesce(p.visibility, 'public') END
WITH p, row
""" + MERGE_ALIASES.replace("$node", "p")

UPSERT_ORGANISATIONS = """
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.name = row.name, o.type = row.type
WITH o, row
""" + MERGE_ALIASES.replace("$node", "o")

UPSERT_CONCEPTS = """
UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
ON CREATE SET c.name = row.name, c.kind = row.kind
WITH c, row
""" + MERGE_ALIASES.replace("$node", "c")

# Curators' decisions (graph-model.md): merged concepts point at the kept one, rejected mentions stay out.
LOAD_CURATION = """
CALL () { MATCH (r:ConceptRedirect) RETURN collect([r.id, r.target]) AS redirects }
CALL () { MATCH (m:RejectedMention) RETURN collect(m.id) AS rejected }
RETURN redirects, rejected
"""

MARK_DIRTY = """
MERGE (state:IngestState {id: 'derived'})
SET state.dirty = true
WITH state
UNWIND $person_ids AS pid
MATCH (p:Person {id: pid})
SET p:NeedsDerive
"""

MARK_DIRTY_PROJECTS = """
UNWIND $project_ids AS pid
MATCH (p:Project {id: pid})
SET p:NeedsDerive
WITH p
OPTIONAL MATCH (p)-[:SIMILAR_TO]-(q:Project)
SET q:NeedsDerive
"""


def _rel_query(rel_type: str, start_label: str, end_label: str, by_title: bool) -> str:
    if (rel_type, start_label, end_label) not in REL_SHAPES:
        raise ValueError(f"relationship {start_label}-[:{rel_type}]->{end_label} is not in the graph model")
    if end_label in ("Project", "Evidence"):
        # Targets named before they are ingested get a placeholder that the real document adopts.
        end = (
            # Look up through the Document title index (a label-only match would scan every node of the label).
            f"OPTIONAL MATCH (found:Document {{title_key: row.end_title_key}}) WHERE found:{end_label} "
            # Two documents may share a title: link the one with the smallest id, never both.
            f"WITH a, row, found ORDER BY found.id WITH a, row, head(collect(found)) AS found "
            f"MERGE (b:{end_label}:Document {{id: coalesce(found.id, 'ref:' + row.end_title_key)}}) "
            if by_title
            else f"MERGE (b:{end_label}:Document {{id: row.end_id}}) "
        )
        end += "ON CREATE SET b.placeholder = true, b.kind = toLower($end_label), b.title = row.end_title "
    else:
        end = f"MATCH (b:{end_label} {{id: row.end_id}}) "
    return (
        f"UNWIND $rows AS row MATCH (a:{start_label} {{id: row.start_id}}) " + end + f"MERGE (a)-[r:{rel_type}]->(b) "
        "SET r += row.props, "
        "r.sources = CASE WHEN row.source_id IN coalesce(r.sources, []) THEN r.sources "
        "ELSE coalesce(r.sources, []) + row.source_id END"
    )


@dataclass(frozen=True)
class Curation:
    redirects: dict[str, str]
    rejected: frozenset[str]  # "<document id>|<concept id>"


@dataclass(frozen=True)
class WriteStats:
    nodes: int
    relationships: int
    statements: int


def load_curation(db: Database) -> Curation:
    """Curators' merges and rejections, applied to every batch so re-ingesting never undoes them."""
    record = db.read(LOAD_CURATION)[0]
    return Curation(redirects=dict(record["redirects"]), rejected=frozenset(record["rejected"]))


def write_batch(db: Database, batch: GraphBatch, replace_sources: list[str]) -> WriteStats:
    """Write one batch in a single transaction; `replace_sources` are sources whose old facts go first."""

    def work(tx: ManagedTransaction) -> WriteStats:
        counters: list[Any] = []

        def run(query: str, **params: Any) -> None:
            counters.append(tx.run(query, params).consume().counters)  # type: ignore[arg-type]

        if replace_sources:
            run(RETRACT_SOURCES, source_ids=replace_sources)
        run(UPSERT_SOURCES, rows=[asdict(s) for s in batch.sources])
        run(UPSERT_ORGANISATIONS, rows=[asdict(o) for o in _unique(batch.organisations)])
        run(UPSERT_PEOPLE, rows=[asdict(p) for p in _unique(batch.people)])
        run(UPSERT_CONCEPTS, rows=[asdict(c) for c in _unique(batch.concepts)])
        by_label: dict[str, list[dict]] = defaultdict(list)
        for doc in batch.documents:
            by_label[DOCUMENT_LABELS[doc.kind]].append(asdict(doc))
        for label, rows in sorted(by_label.items()):
            run(UPSERT_DOCUMENT[label], rows=rows)
        for (rel_type, start, end, by_title), rows in sorted(_group(batch.relationships).items()):
            run(_rel_query(rel_type, start, end, by_title), rows=rows, end_label=end)
        person_ids = sorted({p.id for p in batch.people})
        project_ids = sorted({d.id for d in batch.documents if d.kind == "project"})
        run(MARK_DIRTY, person_ids=person_ids)
        run(MARK_DIRTY_PROJECTS, project_ids=project_ids)
        return WriteStats(
            nodes=sum(c.nodes_created for c in counters),
            relationships=sum(c.relationships_created for c in counters),
            statements=len(counters),
        )

    return db.write_tx(work)


# Set only when a node is created (ON CREATE), so within a batch too the first row's value must win.
_CREATE_ONLY_FIELDS = frozenset({"id", "name", "type", "kind"})


def _unique(rows: list) -> list:
    """One row per node id, combined exactly as consecutive batches would combine them in the graph."""
    seen: dict[str, Any] = {}
    for row in rows:
        first = seen.get(row.id)
        if first is None:
            seen[row.id] = row
            continue
        fields = asdict(first)
        for key, value in asdict(row).items():
            if key not in _CREATE_ONLY_FIELDS and value is not None:
                fields[key] = value  # like SET x = coalesce(row.x, n.x): a later stated value wins
        fields["aliases"] = tuple(sorted(set(first.aliases) | set(row.aliases)))
        seen[row.id] = type(row)(**fields)
    return list(seen.values())


def _group(rels: list[RelRow]) -> dict[tuple[str, str, str, bool], list[dict]]:
    groups: dict[tuple[str, str, str, bool], list[dict]] = defaultdict(list)
    for rel in rels:
        by_title = rel.end_title_key is not None
        groups[(rel.type, rel.start_label, rel.end_label, by_title)].append(
            {
                "start_id": rel.start_id,
                "end_id": rel.end_id,
                "end_title_key": rel.end_title_key,
                "end_title": rel.props.get("target_title"),
                "source_id": rel.source_id,
                "props": {k: v for k, v in rel.props.items() if k != "target_title"},
            }
        )
    return groups


@dataclass(frozen=True)
class StoredSourceState:
    """What the graph holds for a source: enough to tell unchanged, changed and moved records apart."""

    content_hash: str
    extractor_version: str
    path: str


@dataclass(frozen=True)
class PruneStats:
    sources: int  # Source nodes removed
    documents: int  # their documents deleted
    placeholders: int  # their documents another source still points at, kept as placeholders


def stored_sources(db: Database, source_ids: list[str]) -> dict[str, StoredSourceState]:
    """content_hash, extractor_version and path already stored for these sources."""
    rows = db.read(
        "UNWIND $ids AS sid MATCH (s:Source {id: sid}) RETURN s.id AS id, s.content_hash AS h, "
        "s.extractor_version AS v, s.path AS path",
        {"ids": source_ids},
    )
    return {r["id"]: StoredSourceState(r["h"], r["v"], r["path"] or "") for r in rows}


def relocate_sources(db: Database, paths: dict[str, str]) -> None:
    """Store a new path for sources whose records are otherwise unchanged (source id -> path)."""
    if paths:
        db.write(RELOCATE_SOURCES, {"rows": [{"id": sid, "path": path} for sid, path in sorted(paths.items())]})


def sources_under(db: Database, prefixes: list[str]) -> list[tuple[str, str]]:
    """(id, path) of every source whose stored path starts with one of `prefixes`."""
    if not prefixes:
        return []
    return [(r["id"], r["path"]) for r in db.read(SOURCES_UNDER, {"prefixes": prefixes})]


def prune_sources(db: Database, source_ids: list[str]) -> PruneStats:
    """Take back everything these sources said and remove them, in one transaction (curated nodes stay)."""

    def work(tx: ManagedTransaction) -> PruneStats:
        profile_people = tx.run(UNLINK_DERIVED, source_ids=source_ids).single(strict=True)["profile_people"]
        tx.run(RETRACT_SOURCES, source_ids=source_ids).consume()
        documents = tx.run(REMOVE_PRUNED_SOURCES, source_ids=source_ids).single(strict=True)
        tx.run(REMOVE_PROFILE_PEOPLE, person_ids=profile_people).consume()
        deleted = documents["deleted"] or 0
        return PruneStats(sources=len(source_ids), documents=deleted, placeholders=documents["documents"] - deleted)

    if not source_ids:
        return PruneStats(0, 0, 0)
    return db.write_tx(work)
