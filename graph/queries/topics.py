"""Which concepts a topic names: the opening of every query that answers a question about a topic.

Resolving the topic inside the question's own query saves the API a round trip per request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.queries.search import lucene_query

# Takes `$topic_ids` (already normalised), `$topic_text` (a Lucene query, used only when no id was found)
# and `$topic_min_score`; leaves one row holding `topics`, the concepts ordered by id. Merged concepts leave
# a ConceptRedirect behind, so an id from before a merge still finds the kept concept. When the normaliser
# found nothing, the full-text index over concept names and aliases is the fallback.
TOPIC_CONCEPTS = """
CALL () {
  UNWIND $topic_ids AS wanted
  OPTIONAL MATCH (r:ConceptRedirect {id: wanted})
  MATCH (c:Concept {id: coalesce(r.target, wanted)})
  RETURN c
  UNION
  WITH $topic_text AS text WHERE size($topic_ids) = 0 AND text <> ''
  CALL db.index.fulltext.queryNodes('kmob_search', text) YIELD node, score
  WITH node, score WHERE node:Concept AND score >= $topic_min_score
  RETURN node AS c
  ORDER BY score DESC LIMIT 3
}
WITH c ORDER BY c.id
WITH collect(c) AS topics
"""


@dataclass(frozen=True)
class Topic:
    """A topic as asked: the concept ids the normaliser found in it, and the text for the fallback."""

    ids: tuple[str, ...]
    text: str
    min_score: float = 1.0

    @classmethod
    def of(cls, ids: Sequence[str], text: str) -> Topic:
        """The topic for these ids; the text is searched only when there are none."""
        return cls(ids=tuple(ids), text="" if ids else lucene_query(text))

    def params(self) -> dict[str, object]:
        """The parameters TOPIC_CONCEPTS reads."""
        return {"topic_ids": list(self.ids), "topic_text": self.text, "topic_min_score": self.min_score}
