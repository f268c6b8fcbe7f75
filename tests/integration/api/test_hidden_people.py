"""Property: hidden people never appear in any answer to anyone but an admin, whatever is asked."""

from __future__ import annotations

import json
import random
import re

import pytest

from schema.relay import to_global_id
from tests.integration.api.conftest import Api, hidden_people, slice_records

SEED = 20260105
ROUNDS = 40


def _slug(name: str) -> str:
    return "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _forbidden() -> set[str]:
    """Every string that would identify a hidden person: name, graph id, global id, email."""
    out = set()
    for name in hidden_people():
        out |= {name.lower(), _slug(name), to_global_id("Person", _slug(name)).lower()}
    for record in slice_records():
        for person in record.get("people", []):
            if person.get("visibility") == "hidden" and person.get("email"):
                out.add(person["email"].lower())
    return out


PERSON_FIELDS = "id key name role summary email organisations { totalCount edges { node { name } } }"  # noqa: E501
DOC_FIELDS = f"""id key title text summary
    people(first: 50) {{ totalCount edges {{ role node {{ {PERSON_FIELDS} }} }} }}
    concepts(first: 5) {{ edges {{ node {{ name
        people(first: 50) {{ totalCount edges {{ node {{ key name }} }} }} }} }} }}"""
NODE = f"""... on Person {{ {PERSON_FIELDS} projects(first: 5) {{ edges {{ node {{ title }} }} }} }}
           ... on Document {{ {DOC_FIELDS} }}
           ... on Organisation {{ name people(first: 100) {{ totalCount edges {{ node {{ key name email }} }} }} }}
           ... on Concept {{ name people(first: 100) {{ totalCount edges {{ node {{ key name }} }} }} }}
           ... on Source {{ path people {{ totalCount edges {{ node {{ key name }} }} }} }}"""


def _queries(rng: random.Random, people: list[str], projects: list[str], words: list[str], topics: list[str]):
    """An endless stream of (query, variables) drawn at random from every kind of question."""
    while True:
        choice = rng.randrange(7)
        if choice == 0:
            yield (
                f"query($q: String!) {{ search(query: $q, first: 30) {{ totalCount edges {{ node {{ {NODE} }} }} }} }}",
                {"q": " ".join(rng.sample(words, rng.randint(1, 3)))},
            )
        elif choice == 1:
            kind = rng.choice(["Person", "Person", "Project", "Organisation", "Concept"])
            raw = (
                rng.choice(people)
                if kind == "Person"
                else rng.choice(projects)
                if kind == "Project"
                else (
                    rng.choice(
                        [
                            "org:kestrel-bay-university-hospitals-nhs-foundation-trust",
                            "org:calder-vale-community-healthcare-nhs-trust",
                            "org:university-of-eastmere",
                        ]
                    )
                    if kind == "Organisation"
                    else rng.choice(["condition:falls", "condition:sepsis", "qi_method:pdsa"])
                )
            )
            yield f"query($id: ID!) {{ node(id: $id) {{ {NODE} }} }}", {"id": to_global_id(kind, raw)}
        elif choice == 2:
            yield (
                """query($t: String!) { experts(topic: $t, first: 50) { totalCount edges { person { key name email }
                      because { sentence document { title text } } } } }""",
                {"t": rng.choice(topics)},
            )
        elif choice == 3:
            yield (
                """query($a: ID!, $b: ID!) { connection(from: $a, to: $b, first: 5) { found chains { sentence
                      steps { from { key name } to { key name } via { id } } } } }""",
                {"a": rng.choice(people), "b": rng.choice(people)},
            )
        elif choice == 4:
            yield (
                """query($id: ID) { relatedProjects(projectId: $id, first: 10) { why project { title text
                      people(first: 50) { edges { node { key name } } } } lessons { text } } }""",
                {"id": rng.choice(projects)},
            )
        elif choice == 5:
            yield (
                """query($t: String!) { goodPractice(topic: $t, first: 30) { items { why document { title text
                      people(first: 50) { edges { node { key name } } } } } } }""",
                {"t": rng.choice(topics)},
            )
        else:
            yield ("{ dashboard { totals { people } byOrganisation { name people } topConcepts { name } } }", {})


@pytest.fixture
def material(sample_db):
    records = slice_records()
    people = sorted({_slug(p["name"]) for r in records for p in r.get("people", [])})
    projects = sorted(r["id"] for r in records if r["kind"] == "project")
    words = sorted({w for r in records for w in re.findall(r"[A-Za-z]{5,}", r["text"])})[:400]
    words += [name for name in hidden_people()]  # searching for a hidden person by name must find nothing
    topics = sorted({t for r in records for t in r.get("tags", [])})
    return people, projects, words, topics


@pytest.mark.parametrize("role", ["anonymous", "reader", "curator"])
def test_no_answer_mentions_a_hidden_person(api: Api, material, role: str):
    forbidden = _forbidden()
    assert len(forbidden) >= 15
    rng = random.Random(f"{SEED}-{role}")
    stream = _queries(rng, *material)
    for _ in range(ROUNDS):
        query, variables = next(stream)
        result = api.run(query, variables, role=role)
        text = json.dumps({"data": result.data, "errors": [e.message for e in result.errors or []]}).lower()
        leaked = [f for f in forbidden if f in text]
        assert not leaked, (query, variables, leaked)


def test_admin_sees_hidden_people_so_the_property_can_fail(api: Api, material):
    hidden = sorted(hidden_people())
    leaks = 0
    for name in hidden:
        for role, expect in (("admin", True), ("reader", False)):
            found = api.run(
                "query($id: ID!) { node(id: $id) { ... on Person { name } } }",
                {"id": to_global_id("Person", _slug(name))},
                role=role,
            ).data["node"]
            assert (found is not None) == expect
        leaks += (
            name.lower()
            in json.dumps(
                api.run(
                    "query($q: String!) { search(query: $q, kinds: [PERSON]) "
                    "{ edges { node { ... on Person { name } } } } }",
                    {"q": name},
                    role="admin",
                ).data
            ).lower()
        )
    assert leaks == len(hidden)


def test_hidden_names_are_withheld_from_document_text(api: Api):
    # proj-kbu-0002 names two hidden members in its text; readers see it with the names withheld.
    query = "query($id: ID!) { node(id: $id) { ... on Project { text } } }"
    variables = {"id": to_global_id("Project", "proj-kbu-0002")}
    text_reader = api.data(query, variables, role="reader")["node"]["text"]
    text_admin = api.data(query, variables, role="admin")["node"]["text"]
    names = [n for n in hidden_people() if n in text_admin]
    assert names, "the fixture project should mention a hidden person"
    assert "[withheld]" in text_reader and not any(n in text_reader for n in names)
