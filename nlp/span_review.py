"""A learned second look at the rule-made concept spans: where each starts and ends, and what they missed.

The rules find most concept mentions but often disagree with annotators about a phrase's extent ("reduce
unplanned hospital admissions", "Observed compliance with the checklist sign-in"). Two small linear models
trained on the annotated corpus (nlp/training/corpus) choose, among the boundaries within WINDOW tokens of
the rule's, the start and the end the span should have, from the words, tags and dependencies around it. A
third (nlp.span_proposals) labels noun phrases no entity covers. A fourth, run first, labels noun phrases that hold
entities whole, or leaves them be: a concept named inside another ("hypoglycaemia" in "rate of hypoglycaemia",
"heart failure" in "heart failure flag") is part of that one's name, and the guide annotates the whole phrase. It
may also give a concept span another label, where the rules' label does not fit its context.

The features are plain strings and the weights a JSON file, so a model is small, readable and diffable.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy
from spacy.tokens import Doc, Span

from nlp.doc_view import DocView, splits_hyphenated_word
from nlp.span_proposals import (
    NONE,
    PROPOSED_LABELS,
    free_candidates,
    label_kept_inside,
    names_no_care,
    wrap_features,
    wrapping_candidates,
)
from nlp.span_proposals import candidates as phrase_candidates
from nlp.span_proposals import features as proposal_features

WINDOW = 3  # how many tokens a boundary may move either way
PARTS = ("left", "right", "propose", "wrap")
PROPOSAL_COLUMNS = (*PROPOSED_LABELS, NONE)


@dataclass(frozen=True)
class ReviewModel:
    """Weights of the four models and how they are applied.

    `rebound_labels` are the labels whose boundaries may move, only when the best boundary outscores the rule's
    by `margin`; `propose_labels` the labels the proposal model may add where no entity is, when a label
    outscores none by `propose_margin`, and the labels the wrap model may give a phrase that holds entities, when
    a label outscores none by `wrap_margin` (a model without wrap weights wraps nothing).
    """

    weights: dict[str, dict[str, float]]
    rebound_labels: frozenset[str]
    margin: float
    propose_labels: frozenset[str]
    propose_margin: float
    trained_on: str
    wrap_margin: float = 0.0

    @classmethod
    def load(cls, path: Path) -> ReviewModel:
        """Read a model written by save()."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=data["weights"],
            rebound_labels=frozenset(data["rebound_labels"]),
            margin=data["margin"],
            propose_labels=frozenset(data["propose_labels"]),
            propose_margin=data["propose_margin"],
            trained_on=data["trained_on"],
            wrap_margin=data.get("wrap_margin", 0.0),
        )

    def save(self, path: Path) -> None:
        """Write the model as JSON, features sorted so that retraining gives a readable diff."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "rebound_labels": sorted(self.rebound_labels),
            "margin": self.margin,
            "propose_labels": sorted(self.propose_labels),
            "propose_margin": self.propose_margin,
            "wrap_margin": self.wrap_margin,
            "trained_on": self.trained_on,
            "weights": {part: dict(sorted(self.weights.get(part, {}).items())) for part in PARTS},
        }
        path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    def score(self, part: str, features: Iterable[str]) -> float:
        """The linear score of one decision."""
        weights = self.weights.get(part, {})
        return sum(weights.get(f, 0.0) for f in features)

    @cached_property
    def _label_tables(self) -> dict[str, tuple[dict[str, int], numpy.ndarray]]:
        """The proposal and wrap weights as tables, a row per feature and a column per label in PROPOSAL_COLUMNS:
        one phrase's scores are one sum over its features' rows (scoring phrases is the review's hottest loop)."""
        tables = {}
        for part in ("propose", "wrap"):
            rows: dict[str, int] = {}
            cells: list[list[float]] = []
            for key, weight in self.weights.get(part, {}).items():
                label, _, feature = key.partition("|")
                if label not in PROPOSAL_COLUMNS:
                    continue
                if feature not in rows:
                    rows[feature] = len(cells)
                    cells.append([0.0] * len(PROPOSAL_COLUMNS))
                cells[rows[feature]][PROPOSAL_COLUMNS.index(label)] = weight
            tables[part] = rows, numpy.array(cells, dtype=numpy.float64).reshape(-1, len(PROPOSAL_COLUMNS))
        return tables

    def proposal_scores(self, phrases: list[list[str]], part: str = "propose") -> numpy.ndarray:
        """Each phrase's score per label (a row per phrase, a column per PROPOSAL_COLUMNS label) under the proposal
        or the wrap weights: the same sums as score(part, labelled(label, features)), for all of a document's
        phrases in one numpy call."""
        rows, table = self._label_tables[part]
        picked: list[int] = []
        offsets: list[int] = []
        for features in phrases:
            offsets.append(len(picked))
            picked.extend(rows[f] for f in features if f in rows)
        if not picked:
            return numpy.zeros((len(phrases), len(PROPOSAL_COLUMNS)))
        sums = numpy.add.reduceat(table[picked], numpy.minimum(offsets, len(picked) - 1), axis=0)
        # reduceat gives an empty segment the row at its offset, not zero: such a phrase has no known feature.
        counts = numpy.diff([*offsets, len(picked)])
        sums[counts == 0] = 0.0
        return sums


def _both(label: str, feature: str) -> list[str]:
    # Every feature is seen once for all labels and once for this label, so rare labels borrow strength.
    return [f"*|{feature}", f"{label}|{feature}"]


def _word(token) -> list[str]:
    return [f"w={token.lower_}", f"pos={token.pos_}", f"dep={token.dep_}"]


def left_features(view: DocView, span: Span, start: int) -> list[str]:
    """What the left-boundary model sees of starting `span` at token `start` instead."""
    tokens = view.tokens
    sent_start, _ = view.sent_bounds(span.start)
    label = span.label_
    moved = start - span.start
    raw = [f"move={moved}"]
    if moved < 0:
        raw += [f"add.{f}" for t in tokens[start : span.start] for f in _word(t)]
    else:
        raw += [f"drop.{f}" for t in tokens[span.start : start] for f in _word(t)]
    raw += [f"first.{f}" for f in _word(tokens[start])]
    raw += [f"before.{f}" for f in _word(tokens[start - 1])] if start > sent_start else ["before=<s>"]
    return [f for r in raw for f in _both(label, r)]


def right_features(view: DocView, span: Span, end: int) -> list[str]:
    """What the right-boundary model sees of ending `span` at token `end` instead."""
    tokens = view.tokens
    _, sent_end = view.sent_bounds(span.start)
    label = span.label_
    moved = end - span.end
    raw = [f"move={moved}"]
    if moved > 0:
        raw += [f"add.{f}" for t in tokens[span.end : end] for f in _word(t)]
    else:
        raw += [f"drop.{f}" for t in tokens[end : span.end] for f in _word(t)]
    raw += [f"last.{f}" for f in _word(tokens[end - 1])]
    raw += [f"after.{f}" for f in _word(tokens[end])] if end < sent_end else ["after=</s>"]
    return [f for r in raw for f in _both(label, r)]


def left_candidates(view: DocView, span: Span) -> list[int]:
    """Starts within WINDOW tokens of the span's, inside its sentence, leaving at least one token; never inside a
    hyphenated word or on a quote, bracket or markup ("**workforce"), unless the rule's own start is."""
    sent_start, _ = view.sent_bounds(span.start)
    starts = range(max(sent_start, span.start - WINDOW), min(span.end - 1, span.start + WINDOW) + 1)
    tokens = view.tokens
    return [
        c for c in starts if c == span.start or tokens[c].text[0].isalnum() and not splits_hyphenated_word(view.doc, c)
    ]


def right_candidates(view: DocView, span: Span, start: int) -> list[int]:
    """Ends within WINDOW tokens of the span's, inside its sentence, after `start`; never inside a hyphenated word
    or after a quote, bracket or markup, unless the rule's own end is. (No annotated mention starts or ends
    with one.)"""
    _, sent_end = view.sent_bounds(span.start)
    ends = range(max(start + 1, span.end - WINDOW), min(sent_end, span.end + WINDOW) + 1)
    tokens = view.tokens
    return [
        c for c in ends if c == span.end or tokens[c - 1].text[-1].isalnum() and not splits_hyphenated_word(view.doc, c)
    ]


def review(doc: Doc, model: ReviewModel) -> list[Span]:
    """The document's entities after the review: phrases that hold entities wrapped, reviewed labels re-bounded,
    then proposals added.

    A moved boundary never takes tokens of another entity: the span then keeps the rule's boundaries.
    """
    view = DocView.of(doc)
    wraps = bool(model.weights.get("wrap"))
    # The noun phrases that wraps and proposals are chosen from (they need a parse; a model may do neither).
    phrases = phrase_candidates(view) if wraps or model.propose_labels else []
    ents = wrap(view, list(doc.ents), model, phrases) if wraps else list(doc.ents)
    others = [e for e in ents if e.label_ not in model.rebound_labels]
    taken = {i for e in others for i in range(e.start, e.end)}
    reviewed = [e for e in ents if e.label_ in model.rebound_labels]
    neighbours = {i for s in reviewed for i in range(s.start, s.end)}
    result = list(others)
    for span in reviewed:
        own = set(range(span.start, span.end))
        start, end = rebound(view, span, model)
        if set(range(start, end)) - own & (taken | neighbours):
            start, end = span.start, span.end
        # The vocabulary link stays when the span only grew around its vocabulary match.
        kb = span.kb_id if start <= span.start and end >= span.end else 0
        result.append(Span(doc, start, end, label=span.label, kb_id=kb))
        taken |= set(range(start, end))
    if model.propose_labels:
        result += propose(view, result, model, phrases)
    return sorted(result, key=lambda s: s.start)


def wrap(view: DocView, ents: list[Span], model: ReviewModel, phrases: list[tuple[int, int]]) -> list[Span]:
    """The entities with each of the phrases that the wrap model labels in place of the entities it holds, most
    confident first, phrases not overlapping one another."""
    holding = wrapping_candidates(view, ents, phrases)
    if not holding:
        return ents
    scores = model.proposal_scores([wrap_features(view, s, e, inside) for s, e, inside in holding], "wrap")
    columns = [PROPOSAL_COLUMNS.index(label) for label in sorted(model.propose_labels)]
    none = PROPOSAL_COLUMNS.index(NONE)
    scored = []
    for (start, end, inside), row in zip(holding, scores.tolist(), strict=True):
        not_given = label_kept_inside(view, start, end, inside)
        best = max((c for c in columns if PROPOSAL_COLUMNS[c] != not_given), key=lambda c: row[c])
        if row[best] - row[none] > model.wrap_margin:
            scored.append((row[best] - row[none], start, end, PROPOSAL_COLUMNS[best], inside))
    replaced: set[tuple[int, int]] = set()
    wrapped = []
    for _confidence, start, end, label, inside in _apart(scored):
        replaced |= {(e.start, e.end) for e in inside}
        wrapped.append(Span(view.doc, start, end, label=label))
    kept = [e for e in ents if (e.start, e.end) not in replaced]
    return sorted(kept + wrapped, key=lambda s: s.start)


def propose(view: DocView, ents: list[Span], model: ReviewModel, phrases: list[tuple[int, int]]) -> list[Span]:
    """New concept spans among the phrases where no entity is, best-scoring first, not overlapping one another."""
    scored = []
    phrases = free_candidates(view, ents, phrases)
    scores = model.proposal_scores([proposal_features(view, start, end) for start, end in phrases])
    columns = [PROPOSAL_COLUMNS.index(label) for label in sorted(model.propose_labels)]
    none = PROPOSAL_COLUMNS.index(NONE)
    for (start, end), row in zip(phrases, scores.tolist(), strict=True):
        best = max(columns, key=lambda c: row[c])
        confidence = row[best] - row[none]
        if confidence <= model.propose_margin:
            continue
        label = PROPOSAL_COLUMNS[best]
        if label == "INTERVENTION" and names_no_care(view.doc[start:end]):
            continue
        scored.append((confidence, start, end, label))
    out = []
    entity_at = {i: e for e in ents for i in range(e.start, e.end)}
    for _confidence, start, end, label in _apart(scored):
        # A list is of one kind: a proposal takes the label its coordinated entities share.
        label = _coordinated_label(view.doc[start:end], entity_at, model.propose_labels) or label
        out.append(Span(view.doc, start, end, label=label))
    return out


def _apart(scored: list[tuple]) -> Iterator[tuple]:
    """The scored phrases (confidence, start, end, ...) that do not overlap one already taken, most confident first;
    at equal confidence the shorter phrase."""
    taken: set[int] = set()
    for choice in sorted(scored, key=lambda c: (-c[0], c[2] - c[1])):
        start, end = choice[1], choice[2]
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            yield choice


def _coordinated_label(span: Span, entity_at: dict[int, Span], labels: Collection[str]) -> str | None:
    """The label that two or more entities coordinated with a proposal all share: in "information governance,
    public engagement, information security" or "COPD, epilepsy and alcohol dependency" the list is of one kind."""
    chain = {span.root.i}
    frontier = [span.root]
    while frontier:
        token = frontier.pop()
        linked = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
        for other in linked:
            if other.i not in chain:
                chain.add(other.i)
                frontier.append(other)
    coordinated = {entity_at[i].start: entity_at[i] for i in chain if i in entity_at and not span.start <= i < span.end}
    found = Counter(e.label_ for e in coordinated.values())
    if len(found) == 1:
        label, count = found.most_common(1)[0]
        if count >= 2 and label in labels:
            return label
    return None


def rebound(view: DocView, span: Span, model: ReviewModel) -> tuple[int, int]:
    """The best-scoring start, then end; a boundary moves only when it outscores the rule's by the margin."""
    start = _best(
        left_candidates(view, span),
        span.start,
        lambda c: model.score("left", left_features(view, span, c)),
        model.margin,
    )
    end = _best(
        right_candidates(view, span, start),
        span.end,
        lambda c: model.score("right", right_features(view, span, c)),
        model.margin,
    )
    return start, end


def _best(candidates: list[int], current: int, score, margin: float) -> int:
    scores = {c: score(c) for c in candidates}
    best = max(candidates, key=lambda c: (scores[c], c == current))
    if current in scores and scores[best] - scores[current] <= margin:
        return current
    return best
