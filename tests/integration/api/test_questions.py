"""Each question answered on the ingested sample slice, checked against the input records themselves."""

from __future__ import annotations

import re

from schema.relay import to_global_id
from tests.integration.api.conftest import Api, slice_records

EXPERTS = """
query($topic: String!, $org: ID, $first: Int) {
  experts(topic: $topic, organisation: $org, first: $first) {
    totalCount topics { key name }
    edges { score role person { key name } organisation { key name }
            because { role sentence document { key title kind } } }
  }
}"""


def _about(record: dict, word: str) -> bool:
    text = " ".join([record["title"], record["text"], *record.get("tags", [])]).lower()
    return word in text


def test_experts_resolves_free_text_through_the_normaliser(api: Api):
    data = api.data(EXPERTS, {"topic": "Plan-Do-Study-Act", "first": 5})["experts"]
    assert [t["key"] for t in data["topics"]] == ["qi_method:pdsa"]
    assert data["totalCount"] >= 5


def test_experts_are_supported_by_documents_on_the_topic_with_their_role(api: Api):
    records = {r["id"]: r for r in slice_records()}
    data = api.data(EXPERTS, {"topic": "sepsis", "first": 10})["experts"]
    assert data["topics"][0]["key"] == "condition:sepsis"
    scores = [e["score"] for e in data["edges"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    for edge in data["edges"]:
        assert edge["because"], edge
        for support in edge["because"]:
            record = records.get(support["document"]["key"])
            if record is None:  # the CSV register: checked through the title instead
                assert "sepsis" in support["document"]["title"].lower() or support["role"] == "author"
                continue
            assert _about(record, "sepsis"), record["title"]
            # The role given is the one the record states for this person.
            roles = {p["role"] for p in record["people"] if p["name"] == edge["person"]["name"]}
            assert support["role"] in roles
            assert edge["person"]["name"] in support["sentence"]
    # Every visible lead of a sepsis project in the slice is found.
    leads = {
        p["name"]
        for r in records.values()
        if r["kind"] == "project" and "sepsis" in r.get("tags", [])
        for p in r["people"]
        if p["role"] == "lead" and p.get("visibility") != "hidden"
    }
    everyone = api.data(EXPERTS, {"topic": "sepsis", "first": 100})["experts"]
    assert leads <= {e["person"]["name"] for e in everyone["edges"]}


def test_experts_filtered_by_organisation(api: Api):
    org = "org:calder-vale-community-healthcare-nhs-trust"
    q = """query($org: ID) { experts(topic: "falls", organisation: $org, first: 20) { totalCount edges {
             person { organisations(first: 20) { edges { node { key } } } } } } }"""
    filtered = api.data(q, {"org": org})["experts"]
    everyone = api.data(q, {"org": None})["experts"]
    assert 0 < filtered["totalCount"] < everyone["totalCount"]
    for edge in filtered["edges"]:
        assert org in {e["node"]["key"] for e in edge["person"]["organisations"]["edges"]}


def test_connection_between_project_colleagues_is_one_step_in_words(api: Api):
    project = next(r for r in slice_records() if r["id"] == "proj-kbu-0002")
    lead = next(p["name"] for p in project["people"] if p["role"] == "lead")
    member = next(p["name"] for p in project["people"] if p["role"] == "member" and p.get("visibility") != "hidden")
    slug = lambda name: "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")  # noqa: E731
    data = api.data(
        "query($a: ID!, $b: ID!){ connection(from: $a, to: $b, first: 10) { found chains { hops "
        "sentence steps { link sentence from { name } to { name } via { key } } } } }",
        {"a": slug(lead), "b": slug(member)},
    )["connection"]
    assert data["found"]
    best = data["chains"][0]
    assert best["hops"] == 1 and best["steps"][0]["link"] == "SHARED_PROJECT"
    sentences = [c["steps"][0]["sentence"] for c in data["chains"] if c["hops"] == 1]
    assert any(s.startswith(f"{lead} led ") and member in s for s in sentences), sentences
    assert any(project["title"] in s for s in sentences), sentences


def test_connection_chains_join_up(api: Api):
    data = api.data(
        '{ connection(from: "person:bronwen-ashworth", to: "person:kiran-costa", maxHops: 4) '
        "{ found chains { hops steps { from { key } to { key } } } } }"
    )["connection"]
    assert data["found"]
    for chain in data["chains"]:
        steps = chain["steps"]
        assert steps[0]["from"]["key"] == "person:bronwen-ashworth" and steps[-1]["to"]["key"] == "person:kiran-costa"
        assert all(a["to"]["key"] == b["from"]["key"] for a, b in zip(steps, steps[1:], strict=False))


RELATED = """
query($id: ID, $text: String) {
  relatedProjects(projectId: $id, text: $text, first: 5) {
    score graphScore textScore sharedConcepts why outcome outcomeLabel didNotWork
    project { key title } lessons { title }
  }
}"""


def test_related_projects_for_a_project(api: Api):
    data = api.data(RELATED, {"id": "proj-kbu-0002"})["relatedProjects"]
    assert data and all(r["project"]["key"] != "proj-kbu-0002" for r in data)
    assert [r["score"] for r in data] == sorted((r["score"] for r in data), reverse=True)
    top = data[0]
    assert top["sharedConcepts"] and top["graphScore"] > 0 and top["textScore"] > 0
    assert "Shares" in top["why"] and "outcome:" in top["why"]
    for r in data:
        assert r["didNotWork"] == (r["outcome"] in ("NO_CHANGE", "WORSENED"))
        if r["didNotWork"]:
            assert "did not work" in r["outcomeLabel"]


def test_related_projects_for_a_new_description(api: Api):
    text = "Plan-Do-Study-Act cycles to reduce falls at night on older people's wards"
    data = api.data(RELATED, {"text": text})["relatedProjects"]
    assert data
    # The problem the description names (falls) outranks what it merely shares with everything (PDSA, wards).
    falls_projects = {
        r["id"] for r in slice_records() if r["kind"] == "project" and any("fall" in t for t in r.get("tags", []))
    }
    assert "falls" in data[0]["sharedConcepts"]
    assert data[0]["project"]["key"] in falls_projects
    assert data[0]["textScore"] > 0


def test_related_projects_needs_exactly_one_input(api: Api):
    result = api.run(RELATED, {})
    assert "exactly one of `projectId` or `text`" in result.errors[0].message


GOOD_PRACTICE = """
query($topic: String!) {
  goodPractice(topic: $topic, first: 50) {
    topics { key }
    items { verdict outcome outcomeLabel strength why document { kind title } fromProject { key } }
  }
}"""


def test_good_practice_never_calls_a_failure_good(api: Api):
    seen_failure = False
    for topic in ("falls", "sepsis", "discharge delays", "pressure ulcers", "delirium", "medicines safety"):
        items = api.data(GOOD_PRACTICE, {"topic": topic})["goodPractice"]["items"]
        strengths = [i["strength"] for i in items]
        assert strengths == sorted(strengths, reverse=True)
        for item in items:
            if item["outcome"] in ("NO_CHANGE", "WORSENED"):
                seen_failure = True
                assert item["verdict"] == "DID_NOT_WORK" and "did not work" in item["outcomeLabel"]
            if item["verdict"] == "GOOD_PRACTICE":
                assert item["outcome"] == "IMPROVED"
            if item["document"]["kind"] == "evidence" and item["verdict"] != "DID_NOT_WORK":
                assert item["verdict"] == "EVIDENCE"
    assert seen_failure, "the slice holds projects that did not work; at least one topic should show one"


def test_dashboard_counts_match_the_input(api: Api):
    records = slice_records()
    d = api.data("""{ dashboard(top: 5) { totals { projects lessons people relationships }
        byOrganisation { key name projects lessons } byMonth { month projects lessons evidence }
        byConceptKind { kind concepts documents } topConcepts { key documents }
        projectsWithoutEvidence { key projects evidence } evidenceWithoutProjects { key projects evidence }
        uncitedEvidence } }""")["dashboard"]
    assert d["totals"]["projects"] == sum(r["kind"] == "project" for r in records)
    assert d["totals"]["lessons"] == sum(r["kind"] == "lesson" for r in records)
    kestrel = next(o for o in d["byOrganisation"] if o["name"].startswith("Kestrel Bay"))
    assert kestrel["projects"] == sum(
        r["kind"] == "project" and r["organisation"].startswith("Kestrel Bay") for r in records
    )
    assert sum(m["projects"] for m in d["byMonth"]) == d["totals"]["projects"]
    assert {k["kind"] for k in d["byConceptKind"]} >= {"Condition", "QIMethod"}
    counts = [c["documents"] for c in d["topConcepts"]]
    assert len(counts) == 5 and counts == sorted(counts, reverse=True)
    assert all(g["evidence"] == 0 and g["projects"] > 0 for g in d["projectsWithoutEvidence"])
    assert all(g["projects"] == 0 and g["evidence"] > 0 for g in d["evidenceWithoutProjects"])


SEARCH = """
query($q: String!, $kinds: [NodeKind!], $first: Int, $after: String) {
  search(query: $q, kinds: $kinds, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { score cursor node { __typename id ... on Document { title text } ... on Person { name }
                                       ... on Concept { name } } }
  }
}"""


def test_search_ranks_and_pages(api: Api):
    first = api.data(SEARCH, {"q": "sepsis", "first": 5})["search"]
    assert first["totalCount"] > 5 and first["pageInfo"]["hasNextPage"]
    top = first["edges"][0]["node"]
    assert "sepsis" in (top.get("title", "") + (top.get("text") or "") + top.get("name", "")).lower()
    second = api.data(SEARCH, {"q": "sepsis", "first": 5, "after": first["pageInfo"]["endCursor"]})["search"]
    ids = [e["node"]["id"] for e in first["edges"]] + [e["node"]["id"] for e in second["edges"]]
    assert len(ids) == len(set(ids)) == 10


def test_search_kinds_filter_and_lucene_syntax_is_literal(api: Api):
    data = api.data(SEARCH, {"q": "sepsis", "kinds": ["PROJECT"], "first": 20})["search"]
    assert data["edges"] and {e["node"]["__typename"] for e in data["edges"]} == {"Project"}
    assert api.data(SEARCH, {"q": 'sepsis" OR title:* AND (', "first": 3})["search"]["totalCount"] >= 1


def test_node_neighbours_are_connections(api: Api):
    project = to_global_id("Project", "proj-kbu-0002")
    q = """query($id: ID!) { node(id: $id) { id ... on Project { key title
            people(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { role node { name } } }
            concepts(first: 50) { totalCount edges { relationship node { key kind } } }
            organisations { edges { relationship node { name } } } lessons { totalCount }
            sources { edges { node { path } } } } } }"""
    node = api.data(q, {"id": project})["node"]
    assert node["id"] == project
    assert node["people"]["totalCount"] > 2 and node["people"]["pageInfo"]["hasNextPage"]
    assert {e["role"] for e in node["people"]["edges"]} <= {"lead", "member", "sponsor"}
    assert any(
        e["node"]["key"] == "qi_method:model-for-improvement" or e["node"]["kind"] == "QIMethod"
        for e in node["concepts"]["edges"]
    )
    owners = [e["node"]["name"] for e in node["organisations"]["edges"] if e["relationship"] == "OWNED_BY"]
    assert owners == ["Kestrel Bay University Hospitals NHS Foundation Trust"]
    assert node["sources"]["edges"]
    after = node["people"]["pageInfo"]["endCursor"]
    more = api.data(
        """query($id: ID!, $after: String) { node(id: $id) { ... on Project {
        people(first: 2, after: $after) { edges { node { name } } } } } }""",
        {"id": project, "after": after},
    )
    names = [e["node"]["name"] for e in node["people"]["edges"]]
    assert not set(names) & {e["node"]["name"] for e in more["node"]["people"]["edges"]}
