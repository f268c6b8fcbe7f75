"""Factory `kmob_span_review`: learned boundaries and proposals for concept spans (nlp.span_review)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlp.span_review import ReviewModel, review

PACKAGE_DIR = Path(__file__).resolve().parents[1]


@Language.factory("kmob_span_review", default_config={"model": "models/span-review.json"})
def make_review(nlp: Language, name: str, model: str) -> SpanReviewer:
    """Load the review model; a relative path is relative to the nlp package, so any working directory works."""
    path = Path(model) if Path(model).is_absolute() else PACKAGE_DIR / model
    if not path.exists():
        raise FileNotFoundError(f"{path}: span review model not found (train it with `kmob train-review`)")
    return SpanReviewer(ReviewModel.load(path))


class SpanReviewer:
    """Replaces the reviewed labels' spans in doc.ents with the reviewed ones."""

    def __init__(self, model: ReviewModel):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = review(doc, self.model)
        return doc
