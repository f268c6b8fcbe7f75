"""Round trips per request do not grow with the number of results: every list is one batched query."""

from __future__ import annotations

import pytest

from schema.privacy import people_cache
from tests.integration.api.conftest import Api

# Each result asks for several neighbour lists; without batching that is one query per row per list. The
# count is bounded by the fields asked for, so the kinds are fixed to documents: a search that returned one
# person would ask for person fields, not document ones, and a different count would prove nothing.
SEARCH = """
query($n: Int!) { search(query: "patients care staff ward", kinds: [PROJECT, LESSON, EVIDENCE], first: $n) {
  totalCount edges { node {
  id
  ... on Document { title people(first: 3) { totalCount edges { role node { name
      organisations(first: 2) { edges { node { name } } } } } }
      concepts(first: 3) { edges { node { name } } } organisations { edges { node { name } } } }
} } } }"""

EXPERTS = """
query($n: Int!) { experts(topic: "PDSA", first: $n) { edges { score person { name
  organisations { edges { node { name } } } projects(first: 2) { edges { node { title } } } }
  because { document { title ... on Project { lessons { totalCount } } } } } } }"""


def _round_trips(api: Api, query: str, n: int) -> tuple[int, int]:
    # Every measured request starts with the restricted-people cache cold, so each pays the same (one) load
    # whatever the cache's age: the count then depends only on the query and the number of results.
    people_cache(api.db).invalidate()
    before = api.db.round_trips
    data = api.data(query, {"n": n})
    root = next(iter(data.values()))
    return api.db.round_trips - before, len(root["edges"])


@pytest.mark.parametrize("query", [SEARCH, EXPERTS], ids=["search", "experts"])
def test_round_trips_do_not_grow_with_results(api: Api, query: str):
    counts = {}
    for n in (1, 10, 100):
        trips, returned = _round_trips(api, query, n)
        counts[n] = (trips, returned)
    returned = [r for _, r in counts.values()]
    assert returned[0] == 1 and returned[1] == 10, counts
    assert returned[2] > 10, counts  # the slice has enough matches to make the 100 case a real test
    trips = {t for t, _ in counts.values()}
    assert len(trips) == 1, counts
    print(f"round trips for 1/10/100 results: {counts}")


QUESTIONS = {
    "search": '{ search(query: "sepsis", first: 5) { edges { node { ... on Document { title } } } } }',
    "experts": '{ experts(topic: "Plan-Do-Study-Act", first: 5) { edges { person { name } because { sentence } } } }',
    "connection": '{ connection(from: "person:bronwen-ashworth", to: "person:kiran-costa") { chains { sentence } } }',
    "relatedProjects": '{ relatedProjects(projectId: "proj-kbu-0002", first: 5) { why project { title } } }',
    "goodPractice": '{ goodPractice(topic: "falls", first: 5) { topics { key } items { why document { title } } } }',
    "dashboard": "{ dashboard { totals { people } byOrganisation { name people } topConcepts { name } } }",
}


@pytest.mark.parametrize("name", list(QUESTIONS))
def test_each_question_is_one_round_trip_once_the_cache_is_warm(api: Api, name: str, monkeypatch):
    # The topic, the two people and the project are read inside the question's own query; the restricted
    # people come from the process-wide cache, loaded once (a long TTL keeps a slow machine from expiring it).
    cache = people_cache(api.db)
    monkeypatch.setattr(cache, "ttl", 600.0)
    cache.invalidate()
    before = api.db.round_trips
    api.data(QUESTIONS[name], role="reader")
    cold = api.db.round_trips - before
    before = api.db.round_trips
    api.data(QUESTIONS[name], role="reader")
    warm = api.db.round_trips - before
    assert (cold, warm) == (2, 1), (cold, warm)
