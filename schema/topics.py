"""Topic text or id -> what the question's query resolves, through the same normaliser extraction uses."""

from __future__ import annotations

import re

from graph.queries.topics import Topic
from schema.context import run_sync
from schema.errors import UserError
from schema.relay import raw_id

_CONCEPT_ID = re.compile(r"^[a-z_]+:[a-z0-9][a-z0-9\-_]*$")


def concept_id_of(text: str) -> str | None:
    """The concept id a topic is, when it is one (global or graph id); None for free text."""
    candidate = raw_id(text.strip(), ("Concept",))
    return candidate if _CONCEPT_ID.match(candidate) else None


def concept_ids_in(text: str) -> list[str]:
    """Concept ids named by a topic: the id itself, or what the extraction normaliser finds in the text."""
    from nlp.concepts import resolve_topic  # pattern files only; no statistical model is loaded

    concept_id = concept_id_of(text)
    if concept_id is not None:
        return [concept_id]
    return [match.concept_id for match in resolve_topic(text)]


async def topic_of(topic: str) -> Topic:
    """The topic as the question's query takes it; full text over concept names when the normaliser finds none."""
    if not topic.strip():
        raise UserError("`topic` must not be empty")
    # An id needs no normaliser, so no hop to a worker thread (which costs more than the check on a busy host).
    concept_id = concept_id_of(topic)
    if concept_id is not None:
        return Topic.of([concept_id], topic)
    return Topic.of(await run_sync(concept_ids_in, topic), topic)
