"""Short forms a document defines for its concepts: "systemic lupus erythematosus (SLE)", then "in stable SLE".

Writers spell a condition, treatment or measure out once with its initials in brackets and use the initials after
that. The vocabularies know the common ones ("COPD"), not a document's own ("PONV" for post-operative nausea and
vomiting), so the bracketed initials, and every later use of them, get the label and concept of the phrase they
abbreviate. Organisations' acronyms are linked by the people component, which owns ORG.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

SHORT_FORM_LABELS = frozenset(
    {"CONDITION", "INTERVENTION", "OUTCOME", "SETTING", "TOPIC", "QI_METHOD", "KM_TECHNIQUE", "ROLE"}
)
# Two to eight letters or digits with at least two capitals, and an optional plural "s": "SLE", "PONV", "NEWS2", "ACPs".
_SHORT_FORM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9]{1,7}$")
_WORD_SPLIT = re.compile(r"[\s\-/]+")


def defined_short_forms(doc: Doc, spans: list[Span]) -> list[Span]:
    """One-token spans for each use of initials defined right after a concept span, with that span's label and
    concept; the caller's span filter lets any longer overlapping span win."""
    defined: dict[str, Span] = {}
    for span in spans:
        if span.label_ not in SHORT_FORM_LABELS or span.end + 2 >= len(doc):
            continue
        opening, short, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if opening.text != "(" or closing.text != ")" or not _SHORT_FORM.match(short.text):
            continue
        if abbreviates(_singular(short.text), span.text) and short.text not in defined:
            defined[short.text] = span
    if not defined:
        return []
    plurals = {f"{text}s": span for text, span in defined.items() if not text.endswith("s")}
    out = []
    for token in doc:
        source = defined.get(token.text) or plurals.get(token.text)
        if source is not None:
            out.append(Span(doc, token.i, token.i + 1, label=source.label, kb_id=source.kb_id))
    return out


def abbreviates(short: str, phrase: str) -> bool:
    """Whether `short`'s letters are the initials of `phrase`'s words, in order, starting with the first word;
    small words may be skipped ("post-operative nausea and vomiting" -> PONV) and digits are ignored."""
    letters = [c.lower() for c in short if c.isalpha()]
    initials = [w[0].lower() for w in _WORD_SPLIT.split(phrase) if w and w[0].isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _singular(text: str) -> str:
    return text[:-1] if len(text) > 2 and text.endswith("s") and text[-2].isupper() else text
