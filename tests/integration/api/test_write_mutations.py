"""Curators' mutations change answers now and survive re-ingesting the same sources.

Runs on its own small corpus (wiping the graph), so the sample slice is re-ingested by the next test that
needs it; the file name sorts it last to keep that to once per run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.database import Database
from graph.settings import Settings
from server.ingest.run import ingest_paths
from tests.integration.api.conftest import SAMPLE, Api

KESTREL = SAMPLE / "organisations" / "kestrel-bay-university-hospitals-nhs-foundation-trust.jsonl"


@pytest.fixture
def small(empty_db: Database, settings: Settings, tmp_path: Path) -> Iterator[tuple[Api, Path]]:
    """Eight Kestrel Bay records (projects, a lesson and profiles) ingested into an empty graph."""
    lines = [line for line in KESTREL.read_text().splitlines() if line.strip()]
    kinds: dict[str, int] = {}
    chosen = []
    for line in lines:
        kind = json.loads(line)["kind"]
        if kinds.get(kind, 0) < 3:
            kinds[kind] = kinds.get(kind, 0) + 1
            chosen.append(line)
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(chosen) + "\n")
    assert ingest_paths(empty_db, settings, [str(path)]).ok
    yield Api(empty_db, settings), path
    # Merges, rejections and the added document must not leak into the sample slice other tests ingest.
    empty_db.write("MATCH (n) WHERE NOT n:Migration AND NOT n:ApiKey DETACH DELETE n")


def _reingest(api: Api, path: Path) -> None:
    # A changed extractor version or hash is what makes ingest rewrite; clearing the hash forces it.
    api.db.write("MATCH (s:Source) SET s.content_hash = 'stale'")
    assert ingest_paths(api.db, api.settings, [str(path)]).ok


def _concepts(api: Api, doc: str) -> set[str]:
    q = "query($id: ID!) { node(id: $id) { ... on Document { concepts(first: 100) { edges { node { key } } } } } }"
    from schema.relay import to_global_id

    node = api.data(q, {"id": to_global_id("Project", doc)})["node"]
    return {e["node"]["key"] for e in node["concepts"]["edges"]}


def test_reject_mention_removes_it_now_and_after_reingest(small):
    api, path = small
    doc = api.db.read("MATCH (d:Project)-[:MENTIONS]->(c:Concept) RETURN d.id AS d, c.id AS c ORDER BY d, c LIMIT 1")[0]
    assert doc["c"] in _concepts(api, doc["d"])
    data = api.data(
        "mutation($d: ID!, $c: ID!) { rejectMention(document: $d, concept: $c) "
        "{ removedRelationships concept { key } } }",
        {"d": doc["d"], "c": doc["c"]},
        role="curator",
    )
    assert data["rejectMention"]["removedRelationships"] >= 1
    assert doc["c"] not in _concepts(api, doc["d"])
    _reingest(api, path)
    assert doc["c"] not in _concepts(api, doc["d"])


def test_merge_concepts_moves_links_now_and_after_reingest(small):
    api, path = small
    rows = api.db.read("""MATCH (d:Project)-[:MENTIONS|ADDRESSES|USES_METHOD]->(c:Concept)
                          WITH c, count(DISTINCT d) AS n ORDER BY n DESC, c.id LIMIT 2 RETURN c.id AS id""")
    keep, drop = rows[0]["id"], rows[1]["id"]
    before = api.db.read(
        """MATCH (d:Document)-[:MENTIONS|ADDRESSES|USES_METHOD|LEARNED]->(c:Concept)
                            WHERE c.id IN [$a, $b] RETURN collect(DISTINCT d.id) AS docs""",
        {"a": keep, "b": drop},
    )[0]
    data = api.data(
        "mutation($k: ID!, $d: ID!) { mergeConcepts(keep: $k, drop: $d) { droppedId movedRelationships "
        "concept { key aliases documents(first: 100) { totalCount } } } }",
        {"k": keep, "d": drop},
        role="curator",
    )["mergeConcepts"]
    assert data["droppedId"] == drop and data["movedRelationships"] > 0
    assert data["concept"]["documents"]["totalCount"] == len(before["docs"])
    assert api.db.read("MATCH (c:Concept {id: $d}) RETURN c", {"d": drop}) == []
    assert api.db.read("MATCH (r:ConceptRedirect {id: $d}) RETURN r.target AS t", {"d": drop})[0]["t"] == keep
    # Asking for the dropped concept still answers, through the redirect.
    experts = api.data("query($t: String!) { experts(topic: $t) { topics { key } } }", {"t": drop})
    assert experts["experts"]["topics"] == [{"key": keep}]
    _reingest(api, path)
    assert api.db.read("MATCH (c:Concept {id: $d}) RETURN c", {"d": drop}) == []


def test_set_person_visibility_hides_now_and_after_reingest(small):
    api, path = small
    person = api.db.read("MATCH (p:Person {visibility: 'public'})-[:CONTRIBUTED_TO]->() RETURN p.id AS id LIMIT 1")[0]
    q = "query($t: ID!) { node(id: $t) { ... on Person { name } } }"
    from schema.relay import to_global_id

    gid = to_global_id("Person", person["id"])
    assert api.data(q, {"t": gid})["node"] is not None
    api.data(
        "mutation($p: ID!) { setPersonVisibility(person: $p, visibility: HIDDEN) { visibility } }",
        {"p": person["id"]},
        role="curator",
    )
    assert api.data(q, {"t": gid})["node"] is None
    assert api.data(q, {"t": gid}, role="admin")["node"] is not None
    _reingest(api, path)
    assert api.data(q, {"t": gid})["node"] is None


def test_add_document_runs_the_ingest_pipeline(small):
    api, _ = small
    from server.documents import add_document

    def run(query, variables, role):
        from schema.context import Caller, RequestContext

        context = RequestContext(
            db=api.db,
            settings=api.settings,
            caller=Caller(role=role),
            add_document=lambda document: add_document(api.db, document),
        )
        import asyncio

        return asyncio.run(api.schema.execute(query, variable_values=variables, context_value=context))

    mutation = """mutation($input: DocumentInput!) { addDocument(input: $input) { created entities
        document { key title ... on Project { people { edges { role node { name } } }
                   concepts(first: 50) { edges { node { key } } } } } } }"""
    record = {
        "kind": "PROJECT",
        "id": "proj-api-0001",
        "title": "Sepsis screening with PDSA cycles in the ED",
        "text": "Amina Patel led a project using Plan-Do-Study-Act cycles to improve sepsis screening in the "
        "emergency department. Time to antibiotics improved.",
        "organisation": "Kestrel Bay University Hospitals NHS Foundation Trust",
        "people": [{"name": "Amina Patel", "role": "lead"}],
        "tags": ["sepsis"],
    }
    assert "curator or admin" in run(mutation, {"input": record}, "reader").errors[0].message
    result = run(mutation, {"input": record}, "curator")
    assert not result.errors, result.errors
    added = result.data["addDocument"]
    assert added["created"] and added["entities"] > 0
    assert added["document"]["key"] == "proj-api-0001"
    assert {"condition:sepsis", "qi_method:pdsa"} <= {e["node"]["key"] for e in added["document"]["concepts"]["edges"]}
    assert added["document"]["people"]["edges"][0] == {"role": "lead", "node": {"name": "Amina Patel"}}
    experts = api.data('{ experts(topic: "sepsis", first: 50) { edges { person { name } } } }')["experts"]
    assert "Amina Patel" in {e["person"]["name"] for e in experts["edges"]}
    again = run(mutation, {"input": record}, "curator").data["addDocument"]
    assert again["created"] is False
