"""The schema's public names, and limits enforced before any resolver runs (no database needed)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from graph.settings import Settings
from schema.build import build_schema


def _errors(settings: Settings, query: str) -> list[str]:
    result = asyncio.run(build_schema(settings).execute(query, context_value=None))
    return [e.message for e in result.errors or []]


def test_field_names_scripts_depend_on():
    sdl = str(build_schema(Settings()))
    for name in (
        "search(",
        "experts(",
        "connection(",
        "relatedProjects(",
        "goodPractice(",
        "dashboard(",
        "node(",
        "addDocument(",
        "mergeConcepts(",
        "rejectMention(",
        "setPersonVisibility(",
        "interface Node",
        "totalCount",
        "pageInfo",
        "because",
        "sharedConcepts",
        "outcome",
    ):
        assert name in sdl, name


def test_limits_fail_with_clear_messages():
    settings = replace(Settings(), max_query_depth=3, max_aliases=2, max_tokens=50)
    assert any(
        "depth" in m
        for m in _errors(
            settings,
            '{ search(query: "x") { edges { node { ... on Person { projects { edges { node { id } } } } } } } }',
        )
    )
    assert any("aliases" in m.lower() for m in _errors(settings, "{ a: health b: health c: health }"))
    assert any("token" in m.lower() for m in _errors(settings, "{ " + "health " * 60 + "}"))


def test_introspection_switch():
    query = "{ __schema { queryType { name } } }"
    assert _errors(replace(Settings(), introspection=False), query)
    assert not _errors(Settings(), query)
