"""The pages in a real browser: GraphiQL runs its examples, /explore expands a node and explains a link,
/dashboard draws its charts; no request leaves the server's origin, none fails, the console stays clean."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

EXAMPLE_OPERATIONS = ["ExpertsOnTopic", "HowTwoPeopleConnect", "RelatedProjects", "GoodPractice", "DashboardTotals"]


def _graphql(server: str, query: str, variables: dict | None = None) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(server + "/graphql", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        result = json.loads(response.read())
    assert not result.get("errors"), result["errors"]
    return result["data"]


def _graphiql_response(page) -> dict:
    """The JSON in GraphiQL's result pane (read from CodeMirror, which renders only visible lines)."""
    text = page.evaluate("document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()")
    return json.loads(text)


def _run_active_tab(page) -> dict:
    page.evaluate("document.querySelector('.graphiql-response .CodeMirror').CodeMirror.setValue('')")
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue().trim().startsWith('{')",
        timeout=30_000,
    )
    return _graphiql_response(page)


def test_graphiql_is_offline_and_runs_every_example(page, server, screenshot):
    page.goto(server + "/graphql")
    page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=30_000)
    tabs = page.locator(".graphiql-tab-button").all_inner_texts()
    for name in EXAMPLE_OPERATIONS:
        assert name in tabs

    headers = page.evaluate(
        "(() => { const ed = document.querySelector('.graphiql-editor-tool .graphiql-editor:last-child .CodeMirror')"
        " || document.querySelectorAll('.graphiql-editor-tool .CodeMirror')[1]; return ed.CodeMirror.getValue(); })()"
    )
    assert '"Authorization": "Bearer <' in headers  # the example header, dropped by the fetcher until filled

    first = _run_active_tab(page)
    assert not first.get("errors"), first
    experts = first["data"]["experts"]
    assert experts["topics"][0]["key"] == "condition:sepsis"
    assert experts["edges"] and all(edge["because"] for edge in experts["edges"])
    screenshot(page, "graphiql-experts")

    # Every other example runs, from its own tab, with its own variables, and answers without errors.
    for name in EXAMPLE_OPERATIONS[1:]:
        page.locator(".graphiql-tab-button", has_text=re.compile(f"^{name}$")).click()
        page.wait_for_function(
            f"document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue().includes('{name}')"
        )
        # GraphiQL re-parses the operation name shortly after a tab switch; run after that, as a person would.
        page.wait_for_timeout(800)
        result = _run_active_tab(page)
        assert not result.get("errors"), (name, result)
        assert result["data"], name
        if name == "HowTwoPeopleConnect":
            assert result["data"]["connection"]["found"] is True
            screenshot(page, "graphiql-connection")
        if name == "DashboardTotals":
            assert result["data"]["dashboard"]["totals"]["projects"] > 0
    assert page.watch.problems() == []


def _tap(page, element_id: str, kind: str = "node") -> None:
    """Click a node (or the middle of an edge) where cytoscape drew it, with the real mouse."""
    box = page.locator("#cy").bounding_box()
    point = page.evaluate(
        """([id, kind]) => {
             const ele = window.kmobExplore.cy.getElementById(id);
             const p = kind === 'node' ? ele.renderedPosition() : ele.renderedMidpoint();
             return {x: p.x, y: p.y};
           }""",
        [element_id, kind],
    )
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    if kind == "edge":
        # A link's midpoint may sit under a label or another link; what is tested is the explanation, so make
        # sure this link is the one tapped.
        page.evaluate(
            """(id) => { const ele = window.kmobExplore.cy.getElementById(id);
                         if (!ele.selected()) { ele.cy().elements().unselect(); ele.select(); ele.emit('tap'); } }""",
            element_id,
        )


def test_explore_search_expand_and_explain(page, server, screenshot):
    page.goto(server + "/explore")
    page.fill("#search", "sepsis")
    page.wait_for_selector("#results li[data-id]")
    first_result = page.locator("#results li[data-id]").first
    assert "sepsis" in first_result.inner_text().lower()
    first_result.click()
    page.wait_for_function("window.kmobExplore.expanded.size === 1 && window.kmobExplore.cy.nodes().length > 3")
    root = page.evaluate("window.kmobExplore.cy.nodes('.root').data()")
    assert root["type"] == "Concept"
    assert "sepsis" in page.locator("#details h2").inner_text().lower()
    before = page.evaluate("window.kmobExplore.cy.nodes().length")

    # The people who know about sepsis are drawn; clicking one expands it to their projects and employer.
    person = page.evaluate("window.kmobExplore.cy.nodes('[type = \"Person\"]').first().id()")
    assert person
    name = page.evaluate(f"window.kmobExplore.cy.getElementById('{person}').data('short')")
    _tap(page, person)
    page.wait_for_function(f"window.kmobExplore.expanded.has('{person}')", timeout=30_000)
    page.wait_for_function(f"document.querySelector('#details h2').textContent === {json.dumps(name)}")
    after = page.evaluate("window.kmobExplore.cy.nodes().length")
    assert after > before
    assert page.locator("#details h3", has_text="Projects").count() == 1
    screenshot(page, "explore-expanded")

    # A link from the person to a project says why it exists, quoting the project's own text.
    edge = page.evaluate(
        f"""window.kmobExplore.cy.getElementById('{person}').connectedEdges('[rel = "CONTRIBUTED_TO"]').first().id()"""
    )
    assert edge
    page.evaluate("() => { window.kmobExplore.cy.fit(undefined, 40); }")  # returning cy would serialise it all
    _tap(page, edge, kind="edge")
    page.wait_for_selector("#details .why")
    assert page.locator("#details h2").inner_text() == "Why this link exists"
    assert name.split(" ")[0] in page.locator("#details .why").inner_text()
    page.wait_for_selector("#details blockquote mark", timeout=30_000)
    screenshot(page, "explore-why")
    assert page.watch.problems() == []


def test_dashboard_draws_the_dashboard_query(page, server, screenshot):
    expected = _graphql(
        server,
        "{ dashboard(top: 15) { totals { projects people } byMonth { month projects lessons evidence }"
        " topConcepts { name documents } byOrganisation { name projects }"
        " projectsWithoutEvidence { name } evidenceWithoutProjects { name } } }",
    )["dashboard"]
    page.goto(server + "/dashboard")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.locator("#error").inner_text() == ""

    charts = page.evaluate(
        """Object.fromEntries(Object.entries(window.kmobDashboard.charts).map(([k, c]) => [k, {
             labels: c.data.labels.map((l) => Array.isArray(l) ? l.join(' ') : l),
             sums: c.data.datasets.map((d) => d.data.reduce((a, b) => a + b, 0)),
             width: c.width, height: c.height }]))"""
    )
    assert set(charts) == {"months", "concepts", "organisations", "gaps", "kinds"}
    for name, chart in charts.items():
        assert chart["width"] > 200 and chart["height"] > 200, name
        assert sum(chart["sums"]) > 0, name
    assert charts["months"]["sums"][0] == sum(m["projects"] for m in expected["byMonth"])
    assert charts["concepts"]["sums"][0] == sum(c["documents"] for c in expected["topConcepts"])
    assert charts["concepts"]["labels"][0].startswith(expected["topConcepts"][0]["name"])
    gaps = len(expected["projectsWithoutEvidence"]) + len(expected["evidenceWithoutProjects"])
    assert len(charts["gaps"]["labels"]) == gaps
    assert page.locator("#gaps-table tbody tr").count() == gaps

    tiles = page.locator("#totals .tile").all_inner_texts()
    projects = str(expected["totals"]["projects"])
    assert any(t.split("\n")[0].replace(",", "") == projects and "Projects" in t for t in tiles)

    # A canvas that drew bars has many distinct colours; an empty one has the background only.
    colours = page.evaluate(
        """(() => { const c = document.getElementById('chart-months');
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             const seen = new Set(); for (let i = 0; i < d.length; i += 16) seen.add(d[i] << 16 | d[i+1] << 8 | d[i+2]);
             return seen.size; })()"""
    )
    assert colours > 10
    screenshot(page, "dashboard", full_page=True)
    assert page.watch.problems() == []


def test_pages_link_to_each_other_and_fail_clearly_for_missing_nodes(page, server):
    page.goto(server + "/explore?node=UGVyc29uOm5vYm9keQ==")  # Person:nobody, a valid id for no one
    page.wait_for_selector("#error:not(:empty)", timeout=30_000)
    assert "no longer in the graph" in page.locator("#error").inner_text()
    page.click("nav >> text=Dashboard")
    page.wait_for_url(server + "/dashboard")
    page.wait_for_selector("body[data-ready=true]")
    page.click("nav >> text=GraphQL")
    page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=30_000)
    assert page.watch.problems() == []
