"""Errors users can cause (shown as they are) and the masking of every other error behind a reference id."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

log = logging.getLogger("kmob.api")


class UserError(Exception):
    """A problem with the request itself: the message is shown to the caller as it is."""


class Forbidden(UserError):
    """The caller's key (or lack of one) does not allow this operation."""


class NotFound(UserError):
    """An id that names nothing the caller may see (hidden people are reported exactly like missing ones)."""


def is_user_error(error: GraphQLError) -> bool:
    """Validation and parse errors have no original error; ours are UserError; anything else is internal."""
    original = error.original_error
    return original is None or isinstance(original, UserError | GraphQLError)


class MaskInternalErrors(SchemaExtension):
    """Replace internal errors with a reference id, logging the real error (with traceback) under that id."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not getattr(result, "errors", None):
            return
        masked = []
        for error in result.errors:
            if is_user_error(error):
                masked.append(error)
                continue
            reference = uuid.uuid4().hex[:12]
            log.error("internal error %s at %s", reference, error.path, exc_info=error.original_error)
            masked.append(
                GraphQLError(
                    f"Internal error (reference {reference}); the server log has the details.",
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    extensions={"code": "INTERNAL", "reference": reference},
                )
            )
        result.errors = masked
