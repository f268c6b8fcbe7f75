"""Factory `kmob_tagged_concepts`: set the concept tagger's concept mentions aside for the span review.

With the concept tagger in place of the base recogniser (nlp/config.cfg `[base] ner`), doc.ents carry concept
labels beside PERSON, ORG, DATE and the rest. The rules expect only the latter there, so the concept mentions move
to doc.spans[TAGGED_KEY] before the rules run; the span review adds those no rule or proposal found.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# The labels the concept tagger adds to the base recogniser's (nlp/training/tagger.py).
TAGGED_LABELS = ("CONDITION", "INTERVENTION", "SETTING", "OUTCOME", "TOPIC")
TAGGED_KEY = "kmob_tagged"


@Language.component("kmob_tagged_concepts")
def set_aside_tagged(doc: Doc) -> Doc:
    """Move concept-labelled entities from doc.ents to doc.spans[TAGGED_KEY]."""
    tagged = [ent for ent in doc.ents if ent.label_ in TAGGED_LABELS]
    doc.spans[TAGGED_KEY] = tagged
    if tagged:
        doc.ents = [ent for ent in doc.ents if ent.label_ not in TAGGED_LABELS]
    return doc
