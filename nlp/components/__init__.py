"""spaCy components registered by factory name; importing this package registers them all."""

from nlp.components import concepts, people, polarity, relations, review, tagged  # noqa: F401
