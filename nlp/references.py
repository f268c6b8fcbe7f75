"""Where a document's reference list starts: what follows is cited titles and authors, not the document's own
statements (people's names there are authors, an outcome named in a title reports no result of the document's, and
its entries give AUTHORED and CITES relations)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.doc_text import doc_text

_HEADING = re.compile(r"(?im)^\s*(references|bibliography|sources)\s*:?")
_INLINE_HEADING = re.compile(r"\bReferences:\s")
# A numbered list of "Surname I," entries without a heading: "[13] Kallis C, Dixon P, ...".
_NUMBERED_ENTRY = re.compile(r"(?m)^\s*\[\d{1,3}\]\s+[A-Z][\w'\-]+(?: [A-Z][\w'\-]+)? [A-Z]{1,3}[,.]")
_MARKS_KEY = "kmob_reference_list_marks"


def _first_marker(text: str) -> re.Match | None:
    return _HEADING.search(text) or _INLINE_HEADING.search(text) or _NUMBERED_ENTRY.search(text)


def reference_list_start(text: str) -> int | None:
    """The character offset of the reference list's heading (or first numbered entry), or None."""
    match = _first_marker(text)
    return match.start() if match else None


def _doc_marks(doc: Doc) -> tuple[int | None, int | None]:
    """(where the reference list starts, where its entries begin: after its heading, or at its first numbered entry),
    found once per Doc for the people, polarity and relations components alike."""
    if _MARKS_KEY not in doc.user_data:
        match = _first_marker(doc_text(doc))
        if match is None:
            doc.user_data[_MARKS_KEY] = (None, None)
        else:
            entries = match.start() if match.re is _NUMBERED_ENTRY else match.end()
            doc.user_data[_MARKS_KEY] = (match.start(), entries)
    return doc.user_data[_MARKS_KEY]


def doc_reference_list_start(doc: Doc) -> int | None:
    """reference_list_start of the document's text."""
    return _doc_marks(doc)[0]


def doc_reference_entries_start(doc: Doc) -> int | None:
    """Where the document's reference list entries begin, or None without a reference list."""
    return _doc_marks(doc)[1]


def in_reference_list(doc: Doc, char: int) -> bool:
    """Whether this character offset of the document lies in its reference list."""
    start = doc_reference_list_start(doc)
    return start is not None and char >= start
