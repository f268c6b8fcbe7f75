"""API benchmark: p50/p95 and requests/second per question, GraphQL over HTTP vs the same Cypher via the driver.

Run against a graph that already holds data (e.g. after `kmob ingest data/sample`) and a Neo4j you may load:
    NEO4J_URI=... NEO4J_PASSWORD=... .venv/bin/python tests/bench/bench_api.py [--rounds 30]
No assertions: it prints a table and writes JSON to tests/bench/results/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import uvicorn

from graph.database import Database
from graph.queries.connection import connections
from graph.queries.dashboard import dashboard
from graph.queries.experts import experts
from graph.queries.good_practice import good_practice
from graph.queries.privacy import PUBLIC
from graph.queries.related import related_projects
from graph.queries.search import search
from graph.queries.topics import Topic
from graph.settings import Settings
from server.app import create_app

RESULTS = Path(__file__).resolve().parent / "results"
ALL_KINDS = ["Person", "Organisation", "Project", "Lesson", "Evidence", "Concept"]


def _questions(db: Database) -> dict[str, tuple[str, Callable[[], object]]]:
    """Each question as (GraphQL document, the same graph queries called directly)."""
    people = [
        r["id"]
        for r in db.read(
            "MATCH (p:Person {visibility: 'public'})-[:CONTRIBUTED_TO]->() "
            "RETURN DISTINCT p.id AS id ORDER BY id LIMIT 2"
        )
    ]
    project = db.read("MATCH (p:Project) WHERE p.embedding IS NOT NULL RETURN p.id AS id ORDER BY id LIMIT 1")[0]["id"]
    return {
        "search": (
            '{ search(query: "sepsis screening", first: 10) { totalCount edges { score node { id '
            "... on Document { title } ... on Person { name } ... on Concept { name } } } } }",
            lambda: search(db, "sepsis screening", ALL_KINDS, 0, 10, PUBLIC),
        ),
        "experts": (
            '{ experts(topic: "qi_method:pdsa", first: 10) { totalCount edges { score role person { name } '
            "because { role document { title } } } } }",
            lambda: experts(db, Topic.of(["qi_method:pdsa"], "qi_method:pdsa"), None, 0, 10, PUBLIC),
        ),
        "connection": (
            f'{{ connection(from: "{people[0]}", to: "{people[1]}") {{ found chains {{ sentence }} }} }}',
            lambda: connections(db, people[0], people[1], 4, 3, PUBLIC),
        ),
        "relatedProjects": (
            f'{{ relatedProjects(projectId: "{project}", first: 10) {{ score why '
            "project { title } lessons { title } } }",
            lambda: related_projects(db, project, None, [], 10),
        ),
        "goodPractice": (
            '{ goodPractice(topic: "condition:falls", first: 10) { items { verdict why document { title } } } }',
            lambda: good_practice(db, Topic.of(["condition:falls"], "condition:falls"), 10),
        ),
        "dashboard": (
            "{ dashboard { totals { projects } byOrganisation { name projects } topConcepts { name } } }",
            lambda: dashboard(db, PUBLIC),
        ),
    }


def _time(fn: Callable[[], object], rounds: int) -> dict[str, float]:
    fn()  # warm caches and query plans
    samples = []
    started = time.perf_counter()
    for _ in range(rounds):
        tick = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - tick) * 1000)
    elapsed = time.perf_counter() - started
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, int(0.95 * len(samples)))], 2),
        "rps": round(rounds / elapsed, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8797)
    args = parser.parse_args()
    settings = replace(Settings.from_env(), anonymous_reads=True)
    db = Database(settings)
    app = create_app(settings)
    served = app.state.db  # the server's own Database, whose round-trip counter shows what a request costs
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=args.port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{args.port}/graphql"
    results = {}
    with httpx.Client(timeout=60) as http:
        for name, (query, raw) in _questions(db).items():

            def over_http(query: str = query) -> None:
                body = http.post(url, json={"query": query}).json()
                if body.get("errors"):
                    raise RuntimeError(body["errors"])

            trips_before = served.round_trips
            graphql = _time(over_http, args.rounds)
            # Round trips do not depend on the host's load, unlike the timings: the warm-up request counts too.
            graphql["round_trips_per_request"] = round((served.round_trips - trips_before) / (args.rounds + 1), 2)
            cypher = _time(raw, args.rounds)
            ratio = round(graphql["p50_ms"] / cypher["p50_ms"], 2) if cypher["p50_ms"] else None
            extra = round(graphql["p50_ms"] - cypher["p50_ms"], 1)
            results[name] = {"graphql": graphql, "cypher": cypher, "overhead_p50": ratio, "extra_ms_p50": extra}
            print(
                f"{name:16} graphql p50 {graphql['p50_ms']:7.1f} ms p95 {graphql['p95_ms']:7.1f} ms "
                f"{graphql['rps']:6.1f} req/s {graphql['round_trips_per_request']:4.2f} trips/req | "
                f"cypher p50 {cypher['p50_ms']:7.1f} ms p95 {cypher['p95_ms']:7.1f} ms {cypher['rps']:6.1f} req/s | "
                f"overhead x{ratio} (+{extra} ms)"
            )
    server.should_exit = True
    thread.join(timeout=10)
    db.close()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"api-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    out.write_text(json.dumps({"rounds": args.rounds, "questions": results}, indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
