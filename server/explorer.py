"""The browser side: offline GraphiQL at GET /graphql, the /explore and /dashboard pages, and /static.

Everything a page loads is served from this app: the npm packages that `kmob assets build` vendors into
`static/vendor/`, and the pages' own HTML, JS and CSS in `static/pages/`. The pages talk to the public GraphQL
API only (POST /graphql), exactly as any other client would.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.http.ides import get_graphql_ide_html

from server.assets import VENDOR_DIR, is_built

STATIC_DIR = Path(__file__).resolve().parent / "static"
PAGES_DIR = STATIC_DIR / "pages"
VENDOR_URL = "/static/vendor/"

_NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kmob: assets not built</title>
<link rel="icon" href="/static/pages/favicon.svg" type="image/svg+xml"></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; max-width: 40rem">
<h1>The browser assets are not built</h1>
<p>Run <code>kmob assets build</code> (or <code>make setup</code>) once, then reload this page.
The GraphQL API itself works without them: POST your queries to <code>/graphql</code>.</p>
</body></html>
"""

_HEAD_EXTRA = """
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="/static/pages/kmob.css" />
    <style>#graphiql { height: calc(100vh - var(--nav-height)); }</style>
"""

_NAV = """
    <nav class="kmob-nav" aria-label="kmob pages">
      <a class="brand" href="/explore">kmob</a>
      <a href="/explore">Explore</a>
      <a href="/dashboard">Dashboard</a>
      <a href="/graphql" aria-current="page">GraphQL</a>
      <span class="hint">Examples are in the tabs; put your API key in the Headers pane below the query.</span>
    </nav>
"""


def graphiql_html() -> str:
    """Strawberry's GraphiQL page loading its files from /static/vendor/, booted by our examples script.

    The asset tags (and their SRI hashes) are strawberry's own, so the vendored files must be byte-identical
    to the npm releases it names; `kmob assets build` checks that.
    """
    html = get_graphql_ide_html("graphiql").replace("https://unpkg.com/", VENDOR_URL)
    html, titles = re.subn(r"<title>.*?</title>", "<title>kmob GraphQL explorer</title>", html, count=1)
    # Strawberry's favicon is an inline SVG; ours is a file, like every other page's.
    html, icons = re.subn(
        r'<link\s+rel="icon".*?/>',
        '<link rel="icon" href="/static/pages/favicon.svg" type="image/svg+xml" />' + _HEAD_EXTRA,
        html,
        count=1,
        flags=re.DOTALL,
    )
    # The inline boot script (the last <script> without src) becomes ours: named examples, headers, a fetcher.
    boot = list(re.finditer(r"<script>\s.*?</script>", html, flags=re.DOTALL))
    bodies = html.count("<body>")
    if not (titles and icons and boot and bodies == 1):
        raise RuntimeError("strawberry's graphiql.html changed shape; update server/explorer.py")
    last = boot[-1]
    html = html[: last.start()] + '<script src="/static/pages/graphiql.js"></script>' + html[last.end() :]
    return html.replace("<body>", "<body>" + _NAV, 1)


class OfflineGraphQL(GraphQL):
    """Strawberry's ASGI view whose GraphiQL page loads nothing from outside the machine."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("graphql_ide", "graphiql")
        super().__init__(*args, **kwargs)
        self._offline_html = graphiql_html()

    async def render_graphql_ide(self, request: Any) -> HTMLResponse:
        """The offline GraphiQL page, or how to build its assets when they are missing."""
        if not is_built(VENDOR_DIR, verify=False):
            return HTMLResponse(_NOT_BUILT, status_code=503)
        return HTMLResponse(self._offline_html)


def _page(name: str):
    path = PAGES_DIR / f"{name}.html"

    async def endpoint(request: Request) -> Response:
        if not is_built(VENDOR_DIR, verify=False):
            return HTMLResponse(_NOT_BUILT, status_code=503)
        return FileResponse(path, media_type="text/html; charset=utf-8")

    endpoint.__name__ = f"{name}_page"
    return endpoint


async def _home(request: Request) -> Response:
    return RedirectResponse("/explore", status_code=307)


def page_routes() -> list[Route | Mount]:
    """Routes for the pages and their static files; mount beside /graphql."""
    return [
        Route("/", _home),
        Route("/explore", _page("explore")),
        Route("/dashboard", _page("dashboard")),
        Mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
    ]
