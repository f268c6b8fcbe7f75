"""Builds the strawberry Schema with the limits that protect the database."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from graph.settings import Settings
from schema.query import Query


def build_schema(settings: Settings) -> strawberry.Schema:
    """The API's schema with depth, alias and token limits from settings."""
    return strawberry.Schema(
        query=Query,
        extensions=[
            QueryDepthLimiter(max_depth=settings.max_query_depth),
            MaxAliasesLimiter(max_alias_count=settings.max_aliases),
            MaxTokensLimiter(max_token_count=settings.max_tokens),
        ],
    )
