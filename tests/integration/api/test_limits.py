"""Limits give clear errors; internal errors are masked behind a reference that the server log holds."""

from __future__ import annotations

import logging
from dataclasses import replace

from graph.database import Database
from graph.settings import Settings
from tests.integration.api.conftest import Api


def _message(api: Api, query: str, variables: dict | None = None) -> str:
    result = api.run(query, variables)
    assert result.errors, result.data
    return result.errors[0].message


def test_page_size_is_capped(api: Api):
    assert "`first` must be between 0 and 100" in _message(
        api, '{ search(query: "sepsis", first: 1000) { totalCount } }'
    )
    assert "`first` must be between 0 and 100" in _message(
        api, '{ experts(topic: "sepsis") { edges { person { projects(first: 101) { totalCount } } } } }'
    )


def test_every_page_size_over_the_cap_is_refused_by_name(api: Api):
    # Every argument that sizes an answer, with its own name in the error and nothing returned.
    cases = {
        '{ experts(topic: "sepsis", first: 101) { totalCount } }': "`first` must be between 0 and 100 (got 101)",
        '{ relatedProjects(projectId: "proj-kbu-0002", first: 500) { score } }': "`first` must be between 0 and 100",
        '{ goodPractice(topic: "falls", first: 101) { items { why } } }': "`first` must be between 0 and 100",
        "{ dashboard(top: 1000) { topConcepts { name } } }": "`top` must be between 0 and 100 (got 1000)",
        '{ search(query: "sepsis", first: -1) { totalCount } }': "`first` must be between 0 and 100 (got -1)",
        '{ connection(from: "person:a", to: "person:b", first: 11) { found } }': "`first` must be between 1 and 10",
        '{ node(id: "UHJvamVjdDpwcm9qLWtidS0wMDAy") { ... on Project { concepts(first: 101) { totalCount } } } }': (
            "`first` must be between 0 and 100"
        ),
    }
    for query, expected in cases.items():
        result = api.run(query)
        assert result.errors and expected in result.errors[0].message, (query, result.errors)
        assert result.errors[0].extensions is None or "reference" not in result.errors[0].extensions
    many = ", ".join(f'"{i}"' for i in range(101))
    assert "at most 100 ids at once" in _message(api, f"{{ nodes(ids: [{many}]) {{ id }} }}")


def test_depth_aliases_and_tokens_are_capped(api: Api):
    deep = (
        '{ search(query: "x") { edges { node { ... on Project { people { edges { node { projects { edges { '
        "node { people { edges { node { name } } } } } } } } } } } } } }"
    )
    assert "exceeds maximum operation depth" in _message(api, deep)
    aliases = "{ " + " ".join(f"a{i}: health" for i in range(20)) + " }"
    assert "aliases" in _message(api, aliases).lower()
    tokens = "{ " + " ".join("health" for _ in range(2100)) + " }"
    assert "token" in _message(api, tokens).lower()


def test_bad_arguments_say_which(api: Api):
    assert "`maxHops` must be between 1 and 5" in _message(
        api, '{ connection(from: "person:a", to: "person:b", maxHops: 9) { found } }'
    )
    assert "`from`: no person with that id" in _message(
        api, '{ connection(from: "person:nobody-at-all", to: "person:bronwen-ashworth") { found } }'
    )
    assert "cursor" in _message(api, '{ search(query: "sepsis", after: "bogus") { totalCount } }')
    assert "not a valid id" in _message(api, '{ node(id: "%%%") { id } }')


def test_internal_errors_are_masked_with_a_logged_reference(settings: Settings, caplog):
    broken = Database(replace(settings, neo4j_uri="bolt://127.0.0.1:9", neo4j_password="wrong"))
    api = Api(broken, broken.settings)
    with caplog.at_level(logging.ERROR, logger="kmob.api"):
        result = api.run("{ stats { nodes } }")
    message = result.errors[0].message
    assert message.startswith("Internal error (reference ") and "9" not in message.split("reference")[0]
    reference = result.errors[0].extensions["reference"]
    assert any(reference in record.getMessage() for record in caplog.records)
    assert "bolt://" not in message
    broken.close()
