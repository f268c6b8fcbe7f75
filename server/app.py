"""The starlette application: /graphql (with the offline explorer), /health."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from graph.database import Database, DatabaseUnavailable
from graph.settings import Settings
from schema.build import build_schema


class KmobGraphQL(GraphQL):
    """The GraphQL view; hands each request the shared database."""

    def __init__(self, db: Database, settings: Settings):
        super().__init__(build_schema(settings), graphql_ide=None)
        self.db = db
        self.settings = settings

    async def get_context(self, request: Any, response: Any = None) -> dict[str, Any]:
        return {"db": self.db, "settings": self.settings, "request": request, "response": response}


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
        routes=[Route("/health", health), Route("/graphql", graphql, methods=["GET", "POST"])],
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.settings = settings
    return app
