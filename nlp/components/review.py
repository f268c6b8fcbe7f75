"""Factory `kmob_span_review`: learned boundaries and proposals for concept spans (nlp.span_review)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.figure_measures import with_figure_measures
from nlp.components.repeats import repeated_mentions
from nlp.components.tagged import TAGGED_KEY
from nlp.doc_view import splits_hyphenated_word
from nlp.paths import model_path
from nlp.span_proposals import plausible_concept
from nlp.span_review import ReviewModel, review


@dataclass(frozen=True)
class TaggedUse:
    """How the review uses the concept tagger's mentions (nlp/components/tagged.py), by label. The labels in
    nlp/config.cfg were chosen on corpus parts the tagger and the review were not trained on
    (docs/extraction-report.md, 0.7.9)."""

    # A span that exactly one tagged span of its label overlaps takes that span's extent.
    bounds: frozenset[str] = frozenset()
    # A tagged span that touches no entity is added, if it passes the checks of a proposed phrase.
    adds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RepeatUse:
    """Which labels' mentions name the same concept wherever their words appear again in the document
    (nlp/components/repeats.py), and how many words a mention of a label needs for that."""

    labels: frozenset[str] = frozenset()
    min_words: Mapping[str, int] = field(default_factory=dict)


@Language.factory(
    "kmob_span_review",
    default_config={
        "model": "models/span-review.json",
        "tagged_bounds": [],
        "tagged_adds": [],
        "repeat_labels": [],
        "repeat_min_words": {},
        "figure_measures": False,
    },
)
def make_review(
    nlp: Language,
    name: str,
    model: str,
    tagged_bounds: list[str],
    tagged_adds: list[str],
    repeat_labels: list[str],
    repeat_min_words: dict[str, int],
    figure_measures: bool,
) -> SpanReviewer:
    """Load the review model; a relative path is relative to the nlp package, so any working directory works."""
    path = model_path(model)
    if not path.exists():
        raise FileNotFoundError(f"{path}: span review model not found (train it with `kmob train-review`)")
    use = TaggedUse(frozenset(tagged_bounds), frozenset(tagged_adds))
    repeats = RepeatUse(frozenset(repeat_labels), dict(repeat_min_words))
    return SpanReviewer(ReviewModel.load(path), use, repeats, figure_measures)


class SpanReviewer:
    """Replaces the reviewed labels' spans in doc.ents with the reviewed ones, applies the concept tagger's
    mentions as `tagged` says, labels the repeats `repeats` asks for, and with `figure_measures` adds the measures
    named before result verbs (nlp/components/figure_measures.py)."""

    def __init__(
        self,
        model: ReviewModel,
        tagged: TaggedUse = TaggedUse(),
        repeats: RepeatUse = RepeatUse(),
        figure_measures: bool = False,
    ):
        self.model = model
        self.tagged = tagged
        self.repeats = repeats
        self.figure_measures = figure_measures

    def __call__(self, doc: Doc) -> Doc:
        reviewed = review(doc, self.model)
        tagged = doc.spans.get(TAGGED_KEY)
        if tagged:  # none without the concept tagger
            reviewed = with_tagged(reviewed, list(tagged), self.tagged)
        if self.repeats.labels:
            reviewed += repeated_mentions(doc, reviewed, self.repeats.labels, self.repeats.min_words)
        reviewed.sort(key=lambda span: span.start)
        if self.figure_measures:
            reviewed = with_figure_measures(doc, reviewed)
        doc.ents = reviewed
        return doc


def with_tagged(ents: list[Span], tagged: list[Span], use: TaggedUse) -> list[Span]:
    """The entities after the tagger's mentions re-bound and add to them."""

    def same_label(span: Span) -> list[Span]:
        return [t for t in tagged if t.label_ == span.label_ and t.start < span.end and span.start < t.end]

    out: list[Span] = []
    for index, ent in enumerate(ents):
        matches = same_label(ent) if ent.label_ in use.bounds else []
        if len(matches) == 1 and _fits(matches[0], out + ents[index + 1 :]):
            match = matches[0]
            # The vocabulary link stays when the span only grew around its vocabulary match.
            kb = ent.kb_id if match.start <= ent.start and match.end >= ent.end else 0
            ent = Span(ent.doc, match.start, match.end, label=ent.label, kb_id=kb)
        out.append(ent)
    out += [t for t in tagged if t.label_ in use.adds and _fits(t, out) and plausible_concept(t)]
    return out


def _fits(span: Span, ents: list[Span]) -> bool:
    """Whether the span shares no token with the entities and cuts no hyphenated word."""
    return (
        all(e.end <= span.start or span.end <= e.start for e in ents)
        and not splits_hyphenated_word(span.doc, span.start)
        and not splits_hyphenated_word(span.doc, span.end)
    )
