"""Builds the strawberry Schema with the limits that protect the database."""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.extensions import DisableIntrospection, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.types import ExecutionContext

from graph.settings import Settings
from schema.errors import MaskInternalErrors, is_user_error
from schema.mutation import Mutation
from schema.query import Query

log = logging.getLogger("kmob.api")


class KmobSchema(strawberry.Schema):
    """Logs user errors briefly; internal ones are logged with their reference by MaskInternalErrors."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        for error in errors:
            if is_user_error(error):
                log.info("request error: %s", error.message)


def build_schema(settings: Settings) -> strawberry.Schema:
    """The API's schema with depth, alias and token limits, error masking and the introspection switch."""
    # Factories, so every request gets fresh extension instances (they hold per-request state).
    extensions = [
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        MaskInternalErrors,
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    return KmobSchema(query=Query, mutation=Mutation, extensions=extensions)
