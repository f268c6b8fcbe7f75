"""Builds the strawberry Schema with the limits that protect the database."""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from graph.settings import Settings
from schema.errors import MaskInternalErrors, is_user_error
from schema.mutation import Mutation
from schema.query import Query

log = logging.getLogger("kmob.api")
CACHED_DOCUMENTS = 256  # distinct query texts kept parsed and validated; bounded so unique texts cannot grow it


class KmobSchema(strawberry.Schema):
    """Logs user errors briefly; internal ones are logged with their reference by MaskInternalErrors."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        for error in errors:
            if is_user_error(error):
                log.info("request error: %s", error.message)


def build_schema(settings: Settings) -> strawberry.Schema:
    """The API's schema with depth, alias and token limits, error masking and the introspection switch."""
    # The limiters' validation rules are built once: each limiter instance makes a new rule class, and the
    # validation cache is keyed by the rules, so rules made per request would never hit it.
    rules = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    # Factories, so every request gets fresh extension instances (they hold per-request state). Parsing and
    # validating the same document against the same schema and rules always gives the same answer, so both
    # are cached (bounded LRU, shared by requests): for a small query they cost as much as the Cypher. The
    # token limit is part of the parser cache's key, and a document over it raises, which is never cached.
    extensions = [
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: ParserCache(maxsize=CACHED_DOCUMENTS),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
        MaskInternalErrors,
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    return KmobSchema(query=Query, mutation=Mutation, extensions=extensions)
