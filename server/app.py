"""The starlette application: /graphql (with the offline GraphiQL), /explore, /dashboard, /health."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph.database import Database, DatabaseUnavailable
from graph.settings import Settings
from schema.build import build_schema
from schema.context import RequestContext
from server.auth import Authenticator, request_context
from server.explorer import OfflineGraphQL, page_routes


class KmobGraphQL(OfflineGraphQL):
    """The GraphQL view; hands each request the shared database."""

    def __init__(self, db: Database, settings: Settings):
        super().__init__(build_schema(settings), graphql_ide="graphiql")
        self.db = db
        self.settings = settings
        self.auth = Authenticator(db, settings)

    async def get_context(self, request: Any, response: Any = None) -> RequestContext:
        return await request_context(self.auth, request, response)


def create_app(settings: Settings | None = None, db: Database | None = None) -> Starlette:
    """Build the app; the caller may pass a Database (tests) or one is made from settings."""
    settings = settings or Settings.from_env()
    db = db or Database(settings)

    async def health(request: Request) -> Response:
        try:
            await run_in_threadpool(db.ping)
        except DatabaseUnavailable as exc:
            return JSONResponse({"status": "unavailable", "neo4j": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "neo4j": settings.neo4j_uri, "database": settings.neo4j_database})

    @asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        db.close()

    graphql = KmobGraphQL(db, settings)
    app = Starlette(
        routes=[Route("/health", health), Route("/graphql", graphql, methods=["GET", "POST"]), *page_routes()],
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.settings = settings
    return app
