"""The document's text, read once per document.

spaCy's Doc.text joins every token's text on each read, so a rule that looks at the whole text once per mention
costs a pass over the document each time. A Doc's text never changes (retokenizing keeps it), so it is safe to keep.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "kmob_text"


def doc_text(doc: Doc) -> str:
    """doc.text, kept in doc.user_data after the first read."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
