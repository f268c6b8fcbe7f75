"""Property: people a caller may not see never appear in any answer to them, whatever is asked.

Hidden people are for admins only; internal people for any caller with an API key, never anonymous ones.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from schema.relay import to_global_id
from tests.integration.api.conftest import Api, hidden_people, people_marked, slice_records

SEED = 20260105
ROUNDS = 40


def _slug(name: str) -> str:
    return "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# What each caller may not see, by the visibility the records give.
UNSEEN = {"anonymous": ("internal", "hidden"), "reader": ("hidden",), "curator": ("hidden",)}


def _forbidden(*visibilities: str) -> set[str]:
    """Every string that would identify a person with these visibilities: name, graph id, global id, email."""
    out = set()
    for name in people_marked(*visibilities):
        out |= {name.lower(), _slug(name), to_global_id("Person", _slug(name)).lower()}
    for record in slice_records():
        for person in record.get("people", []):
            if person.get("visibility") in visibilities and person.get("email"):
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
    # Searching for a person the caller may not see, by name, must find nothing.
    words += sorted(people_marked("internal", "hidden"))
    topics = sorted({t for r in records for t in r.get("tags", [])})
    return people, projects, words, topics


@pytest.mark.parametrize("role", ["anonymous", "reader", "curator"])
def test_no_answer_mentions_a_person_the_caller_may_not_see(api: Api, material, role: str):
    forbidden = _forbidden(*UNSEEN[role])
    assert len(forbidden) >= (27 if role == "anonymous" else 15)
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


def test_internal_people_need_a_key_so_the_property_can_fail(api: Api):
    internal = sorted(people_marked("internal") & {p["name"] for r in slice_records() for p in r.get("people", [])})
    assert internal, "the slice should name internal people"
    for name in internal:
        gid = to_global_id("Person", _slug(name))
        lookup = "query($id: ID!) { node(id: $id) { ... on Person { name visibility } } }"
        assert api.run(lookup, {"id": gid}, role="anonymous").data["node"] is None
        for role in ("reader", "curator", "admin"):
            assert api.data(lookup, {"id": gid}, role=role)["node"] == {"name": name, "visibility": "internal"}
        find = "query($q: String!) { search(query: $q, kinds: [PERSON]) { edges { node { ... on Person { name } } } } }"
        found = {role: json.dumps(api.data(find, {"q": name}, role=role)) for role in ("anonymous", "reader")}
        assert name not in found["anonymous"] and name in found["reader"]


def test_internal_names_are_withheld_from_anonymous_text_only(api: Api):
    internal = people_marked("internal")
    mentioning = [r for r in slice_records() if r["kind"] == "project" and any(n in r["text"] for n in internal)]
    assert mentioning, "some project text in the slice should name an internal person"
    query = "query($id: ID!) { node(id: $id) { ... on Project { text } } }"
    for record in mentioning[:3]:
        variables = {"id": to_global_id("Project", record["id"])}
        names = [n for n in internal if n in record["text"]]
        anonymous = api.data(query, variables)["node"]["text"]
        reader = api.data(query, variables, role="reader")["node"]["text"]
        assert "[withheld]" in anonymous and not any(n in anonymous for n in names)
        assert all(n in reader for n in names)


def test_totals_leave_out_the_people_the_caller_may_not_see(api: Api):
    # Counted straight from the graph: each caller's totals drop exactly the people (and their links) it may
    # not see, so no total moves when one person's visibility changes for a caller who may not see them.
    truth = api.db.read(
        """MATCH (p:Person) WITH p, coalesce(p.visibility, 'public') AS v
           OPTIONAL MATCH (p)-[r]-()
           RETURN v, count(DISTINCT p) AS people, count(DISTINCT r) AS links"""
    )
    by = {row["v"]: (row["people"], row["links"]) for row in truth}
    assert by.get("internal", (0, 0))[0] > 0 and by.get("hidden", (0, 0))[0] > 0
    query = "{ stats { nodes relationships } dashboard { totals { people relationships } } }"
    seen = {role: api.data(query, role=role) for role in ("anonymous", "reader", "admin")}
    for role, unseen in (("anonymous", ("internal", "hidden")), ("reader", ("hidden",))):
        people = sum(by[v][0] for v in unseen)
        links = sum(by[v][1] for v in unseen)  # no relationship joins two people, so none is counted twice
        assert seen["admin"]["stats"]["nodes"] - seen[role]["stats"]["nodes"] == people
        assert seen["admin"]["stats"]["relationships"] - seen[role]["stats"]["relationships"] == links
        admin_totals, totals = seen["admin"]["dashboard"]["totals"], seen[role]["dashboard"]["totals"]
        assert admin_totals["people"] - totals["people"] == people
        assert admin_totals["relationships"] - totals["relationships"] == links
