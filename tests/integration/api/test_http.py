"""End to end over HTTP: a gql client with the httpx transport against uvicorn and the real Neo4j."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXTransport

from graph.database import Database
from graph.settings import Settings
from server.auth import new_key
from tests.integration.api.conftest import RunningServer, serve


def client(server: RunningServer, key: str | None = None) -> Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client(
        transport=HTTPXTransport(url=server.url, headers=headers, timeout=60), fetch_schema_from_transport=False
    )


def test_every_question_answers_over_http(server: RunningServer):
    with client(server) as session:
        data = session.execute(
            gql("""{
          search(query: "sepsis", first: 3) { totalCount edges { node { id __typename } } }
          experts(topic: "Plan-Do-Study-Act", first: 3) { topics { key } edges { score role person { name }
                  because { role sentence } } }
          connection(from: "person:bronwen-ashworth", to: "person:aled-nakamura") { found chains { sentence } }
          relatedProjects(projectId: "proj-kbu-0002", first: 3) { score why outcomeLabel project { title } }
          goodPractice(topic: "falls", first: 5) { items { verdict document { title } } }
          dashboard { totals { projects people } topConcepts { name documents } }
        }""")
        )
    assert data["search"]["totalCount"] > 0
    assert data["experts"]["topics"] == [{"key": "qi_method:pdsa"}] and data["experts"]["edges"][0]["because"]
    assert data["connection"]["found"] and "Aled Nakamura" in data["connection"]["chains"][0]["sentence"]
    assert len(data["relatedProjects"]) == 3 and data["relatedProjects"][0]["why"]
    assert data["goodPractice"]["items"]
    assert data["dashboard"]["totals"]["projects"] == 46
    # The node a search returned can be fetched again by its global id.
    node_id = data["search"]["edges"][0]["node"]["id"]
    with client(server) as session:
        again = session.execute(gql("query($id: ID!) { node(id: $id) { id } }"), variable_values={"id": node_id})
    assert again["node"]["id"] == node_id


def test_writes_need_a_curator_key(server: RunningServer, sample_db: Database):
    mutation = gql(
        'mutation { setPersonVisibility(person: "person:bronwen-ashworth", visibility: PUBLIC) { visibility } }'
    )
    with client(server) as session, pytest.raises(TransportQueryError, match="curator or admin"):
        session.execute(mutation)
    reader = new_key(sample_db, "reader", "test reader").secret
    with client(server, reader) as session, pytest.raises(TransportQueryError, match="curator or admin"):
        session.execute(mutation)
    curator = new_key(sample_db, "curator", "test curator").secret
    with client(server, curator) as session:
        assert session.execute(mutation)["setPersonVisibility"]["visibility"] == "public"


def test_bad_keys_are_refused(server: RunningServer):
    for header in ("Bearer not-a-key", "Basic abc"):
        response = httpx.post(server.url, json={"query": "{ health }"}, headers={"Authorization": header})
        assert response.status_code == 401


def test_anonymous_reads_can_be_switched_off(sample_db: Database, settings: Settings):
    key = new_key(sample_db, "reader").secret
    for running in serve(replace(settings, anonymous_reads=False)):
        assert httpx.post(running.url, json={"query": "{ health }"}).status_code == 401
        ok = httpx.post(running.url, json={"query": "{ health }"}, headers={"Authorization": f"Bearer {key}"})
        assert ok.status_code == 200 and ok.json() == {"data": {"health": True}}


def test_introspection_can_be_switched_off(sample_db: Database, settings: Settings):
    query = {"query": "{ __schema { queryType { name } } }"}
    for running in serve(replace(settings, introspection=False)):
        body = httpx.post(running.url, json=query).json()
        assert "introspection has been disabled" in body["errors"][0]["message"].lower()
    for running in serve(replace(settings, introspection=True)):
        assert httpx.post(running.url, json=query).json()["data"]["__schema"]["queryType"]["name"] == "Query"
