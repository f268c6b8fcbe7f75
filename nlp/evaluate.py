"""Score extraction against the annotated evaluation set (tests/data/eval/documents.jsonl)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.polarity import PolarityTagger
from nlp.documents import read_paths
from nlp.gazetteer import load_gazetteer
from nlp.normalise import term_key
from nlp.records import ENTITY_LABELS, RELATION_TYPES, Document, Extraction

EVAL_PATH = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval" / "documents.jsonl"
LABELS = ENTITY_LABELS
# A relation's head and tail, each as the set of name keys that match it.
EndKeys = tuple[set[str], set[str]]


@dataclass
class Tally:
    """True positives, false positives and false negatives for one label or relation type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int]:
        """Precision, recall, F1 and the counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    """Scores over one split."""

    split: str
    documents: int = 0
    entities: dict[str, Tally] = field(default_factory=lambda: {label: Tally() for label in LABELS})
    # The same, where a predicted span counts when it overlaps a gold span of its label (boundaries may differ).
    overlapping: dict[str, Tally] = field(default_factory=lambda: {label: Tally() for label in LABELS})
    relations: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in RELATION_TYPES})
    polarity_correct: int = 0
    polarity_total: int = 0
    polarity_found: int = 0
    # The polarity rules read on the gold outcome spans, so detection misses do not count against them.
    polarity_on_gold_correct: int = 0
    # Gold OUTCOME mentions that report no result (an aim, a question, a plan: no gold polarity), and how many of them
    # the rules, read on the gold span, give a direction (improved, no_change, worsened, not_sustained): a direction
    # there makes an aim read as a result. A polarity of None is right for them; "unclear" claims no direction.
    no_result_total: int = 0
    no_result_given_direction: int = 0
    no_result_given_none: int = 0
    confusion: Counter = field(default_factory=Counter)
    # Each missed (fn) or spurious (fp) entity: (document id, "fn"/"fp", label, text, sentence context).
    entity_errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # Each gold outcome the rules get wrong on its gold span: (document id, text, gold, predicted, sentence).
    polarity_errors: list[tuple[str, str, str, str | None, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """A JSON-ready summary."""
        return {
            "split": self.split,
            "documents": self.documents,
            "entities": {k: v.scores() for k, v in self.entities.items()},
            "entities_overlap": {k: v.scores() for k, v in self.overlapping.items()},
            "relations": {k: v.scores() for k, v in self.relations.items()},
            "polarity": {
                "accuracy": round(self.polarity_correct / self.polarity_total, 3) if self.polarity_total else 0.0,
                "correct": self.polarity_correct,
                "total": self.polarity_total,
                "outcome_mentions_found": self.polarity_found,
                "accuracy_on_gold_mentions": (
                    round(self.polarity_on_gold_correct / self.polarity_total, 3) if self.polarity_total else 0.0
                ),
                "correct_on_gold_mentions": self.polarity_on_gold_correct,
                "no_result_mentions": self.no_result_total,
                "no_result_given_direction": self.no_result_given_direction,
                "no_result_given_none": self.no_result_given_none,
            },
        }


class GoldDataError(ValueError):
    """Gold records the readers cannot read: a score over part of the gold would pass for a score over all of it."""


def load_gold(path: Path = EVAL_PATH) -> list[tuple[dict, Document]]:
    """Gold records paired with the Document the readers make of them, from a JSONL file or a folder of them (the
    training corpus); raises GoldDataError naming each file and line the readers cannot read."""
    pairs = []
    for file in sorted(path.glob("*.jsonl")) if path.is_dir() else [path]:
        read = list(read_paths([file]))
        errors = [r for r in read if not isinstance(r, Document)]
        if errors:
            raise GoldDataError("; ".join(f"{e.source}: {e.message}" for e in errors))
        by_id = {d.id: d for d in read}
        for line in file.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line) if line.strip() else {}
            if gold.get("id") in by_id:
                pairs.append((gold, by_id[gold["id"]]))
    return pairs


def gold_mentions(text: str, entities: list[dict]) -> set[tuple[int, int, str]]:
    """Every whole-word occurrence of each gold string, longest first, without overlaps."""
    taken: list[tuple[int, int]] = []
    mentions = set()
    for ent in sorted(entities, key=lambda e: -len(e["text"])):
        for match in re.finditer(r"(?<!\w)" + re.escape(ent["text"]) + r"(?!\w)", text):
            if any(match.start() < b and match.end() > a for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            mentions.add((match.start(), match.end(), ent["label"]))
    return mentions


def _overlap_matches(gold: set[tuple[int, int, str]], predicted: set[tuple[int, int, str]]) -> int:
    """How many predicted spans overlap a gold span, each gold span matched at most once."""
    free = sorted(gold)
    matched = 0
    for start, end, _ in sorted(predicted):
        hit = next((g for g in free if g[0] < end and g[1] > start), None)
        if hit is not None:
            free.remove(hit)
            matched += 1
    return matched


def nth_mention(text: str, mentions: set[tuple[int, int, str]], needle: str, n: int) -> tuple[int, int] | None:
    """Where the n-th gold mention of this string is. Counted among gold mentions, as the evaluation set's format
    says: an occurrence inside a longer gold string ("requests" in "evidence search requests") is not one."""
    matches = sorted((start, end) for start, end, _ in mentions if text[start:end] == needle)
    return matches[n - 1] if len(matches) >= n else None


def score_document(
    report: Report, gold: dict, extraction: Extraction, doc: Doc | None = None, tagger: PolarityTagger | None = None
) -> None:
    """Add one document's entity, relation and polarity results to the report; polarity on the gold spans is read
    by `tagger`, the pipeline's own (the rules alone when None)."""
    report.documents += 1
    text = extraction.document.text
    expected = gold_mentions(text, gold.get("entities", []))
    predicted = {(e.start, e.end, e.label) for e in extraction.entities if e.label in report.entities}
    for label in LABELS:
        exp = {m for m in expected if m[2] == label}
        pred = {m for m in predicted if m[2] == label}
        report.entities[label].tp += len(exp & pred)
        report.entities[label].fp += len(pred - exp)
        report.entities[label].fn += len(exp - pred)
        matched = _overlap_matches(exp, pred)
        report.overlapping[label].tp += matched
        report.overlapping[label].fp += len(pred) - matched
        report.overlapping[label].fn += len(exp) - matched
        for kind, spans in (("fn", exp - pred), ("fp", pred - exp)):
            for start, end, _ in sorted(spans):
                context = text[max(0, start - 60) : end + 40].replace("\n", " ")
                report.entity_errors.append((gold.get("id", ""), kind, label, text[start:end], context))
    _score_relations(report, gold, extraction)
    outcomes = gold.get("outcomes", [])
    # Where each gold outcome sits among the gold mentions, found once for the polarity scores and the no-result count.
    places = [nth_mention(text, expected, o["text"], o.get("occurrence", 1)) for o in outcomes]
    if doc is not None:
        _score_no_result_mentions(report, set(places), expected, doc, tagger)
    for outcome, where in zip(outcomes, places, strict=True):
        report.polarity_total += 1
        hit = None
        if where is not None:
            hit = next(
                (e for e in extraction.entities if e.label == "OUTCOME" and e.start < where[1] and e.end > where[0]),
                None,
            )
        if hit is not None:
            report.polarity_found += 1
        got = hit.polarity if hit is not None else None
        report.confusion[(outcome["polarity"], got)] += 1
        if got == outcome["polarity"]:
            report.polarity_correct += 1
        if doc is not None and where is not None:
            on_gold = polarity_at(doc, *where, tagger=tagger)
            if on_gold == outcome["polarity"]:
                report.polarity_on_gold_correct += 1
            else:
                report.polarity_errors.append(
                    (gold.get("id", ""), outcome["text"], outcome["polarity"], on_gold, _sentence_at(doc, *where))
                )


DIRECTIONS = frozenset({"improved", "no_change", "worsened", "not_sustained"})


def _score_no_result_mentions(
    report: Report,
    with_polarity: set[tuple[int, int] | None],
    expected: set[tuple[int, int, str]],
    doc: Doc,
    tagger: PolarityTagger | None,
) -> None:
    """Count the gold OUTCOME mentions without a gold polarity (`with_polarity` holds the places of those with one),
    and what the polarity rules say of each."""
    for start, end, label in sorted(expected):
        if label != "OUTCOME" or (start, end) in with_polarity:
            continue
        got = polarity_at(doc, start, end, tagger=tagger)
        report.no_result_total += 1
        report.no_result_given_direction += got in DIRECTIONS
        report.no_result_given_none += got is None


def _sentence_at(doc: Doc, start: int, end: int) -> str:
    """The sentence holding these character offsets, on one line."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.sent.text if span is not None else doc.text[max(0, start - 80) : end + 80]).replace("\n", " ")


def polarity_at(doc: Doc, start: int, end: int, tagger: PolarityTagger | None = None) -> str | None:
    """What the polarity tagger (the rules alone when None) says of an outcome mention at these character offsets
    of an annotated Doc."""
    span = gold_outcome_span(doc, start, end)
    if span is None:
        return None
    outcomes = [e for e in doc.ents if e.label_ == "OUTCOME"]
    return (tagger or PolarityTagger()).polarity(doc, span, outcomes)


def gold_outcome_span(doc: Doc, start: int, end: int) -> Span | None:
    """A gold outcome mention as an OUTCOME span of whole tokens, with the vocabulary's concept when it names one
    (its direction is the concept's)."""
    span = doc.char_span(start, end, label="OUTCOME", alignment_mode="expand")
    if span is None:
        return None
    concept = load_gazetteer().lookup(span.text)
    if concept is not None and concept.label == "OUTCOME":
        span = Span(doc, span.start, span.end, label="OUTCOME", kb_id=concept.id)
    return span


def pipeline_tagger(nlp: Language) -> PolarityTagger | None:
    """The pipeline's polarity tagger, with its direction model, for reading polarity on gold spans."""
    return nlp.get_pipe("kmob_polarity") if "kmob_polarity" in nlp.pipe_names else None


def gold_key_finder(gold: dict):
    """name -> the keys a gold relation end matches: its canonical and every surface annotated with it."""
    surfaces: dict[str, set[str]] = {}
    for ent in gold.get("entities", []):
        canonical = ent.get("canonical") or ent["text"]
        surfaces.setdefault(term_key(canonical), {term_key(canonical)}).add(term_key(ent["text"]))

    def gold_keys(name: str) -> set[str]:
        key = term_key(name)
        return surfaces.get(key, {key})

    return gold_keys


def _score_relations(report: Report, gold: dict, extraction: Extraction) -> None:
    # A gold end is matched by its canonical name or by any surface string annotated with that canonical;
    # a predicted end by its canonical name or the surface forms its concept took in this document.
    gold_keys = gold_key_finder(gold)
    title_key = term_key(extraction.document.title)

    def pred_keys(name: str, concept_id: str) -> set[str]:
        keys = {term_key(name)} | {term_key(s) for s in extraction.aliases.get(concept_id, ())}
        return keys | ({title_key} if concept_id.split(":", 1)[-1] == (extraction.document.id or "") else set())

    for rtype in RELATION_TYPES:
        golds = [(gold_keys(r["head"]), gold_keys(r["tail"])) for r in gold.get("relations", []) if r["type"] == rtype]
        preds = [
            (pred_keys(r.head, r.head_id), pred_keys(r.tail, r.tail_id))
            for r in extraction.relations
            if r.type == rtype
        ]
        tally_relation_ends(report.relations[rtype], golds, preds)


def tally_relation_ends(tally: Tally, golds: list[EndKeys], preds: list[EndKeys]) -> None:
    """Add one document's relations of one type: a prediction matches an unmatched gold relation whose head and tail
    keys it shares."""
    matched_gold: set[int] = set()
    for head, tail in preds:
        index = next((i for i, (gh, gt) in enumerate(golds) if i not in matched_gold and head & gh and tail & gt), None)
        if index is not None:
            matched_gold.add(index)
            tally.tp += 1
        elif not any(head & gh and tail & gt for gh, gt in golds):
            tally.fp += 1  # a second prediction of an already matched gold relation is a duplicate, not wrong
    tally.fn += len(golds) - len(matched_gold)


def evaluate(split: str = "dev", path: Path = EVAL_PATH, extractor=None) -> dict[str, Report]:
    """Run the extractor over the chosen split(s) and score it; returns one Report per split."""
    from nlp.extract import Extractor

    pairs = [(g, d) for g, d in load_gold(path) if split == "all" or g.get("split") == split]
    reports = {s: Report(s) for s in sorted({g.get("split", "dev") for g, _ in pairs})}
    if not pairs:
        return reports
    extractor = extractor or Extractor()
    extracted = extractor.extract_with_docs(d for _, d in pairs)
    tagger = pipeline_tagger(extractor.nlp)
    for (gold, _doc), (extraction, doc) in zip(pairs, extracted, strict=True):
        score_document(reports[gold.get("split", "dev")], gold, extraction, doc, tagger)
    return reports


def format_report(report: Report) -> str:
    """A plain-text table of the report."""
    lines = [
        f"split: {report.split}  documents: {report.documents}",
        f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  F1 (overlap)",
    ]
    for name, tally in [*report.entities.items(), ("--", None), *report.relations.items()]:
        if tally is None:
            lines.append("relations")
            continue
        s = tally.scores()
        overlap = report.overlapping.get(name) if tally is report.entities.get(name) else None
        lines.append(
            f"{name:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
            + (f"{overlap.scores()['f1']:>8.3f}" if overlap is not None else "")
        )
    pol = report.as_dict()["polarity"]
    lines.append(
        f"polarity accuracy: {pol['accuracy']:.3f} ({pol['correct']}/{pol['total']}; outcome mention "
        f"found for {pol['outcome_mentions_found']})"
    )
    lines.append(
        f"polarity accuracy on gold outcome mentions: {pol['accuracy_on_gold_mentions']:.3f} "
        f"({pol['correct_on_gold_mentions']}/{pol['total']})"
    )
    if pol["no_result_mentions"]:
        lines.append(
            f"outcome mentions that report no result: {pol['no_result_mentions']}; the rules give "
            f"{pol['no_result_given_direction']} a direction and {pol['no_result_given_none']} no polarity"
        )
    return "\n".join(lines)


def format_errors(report: Report, labels: set[str] | None = None) -> str:
    """One line per missed or spurious entity, for reading a split's errors (never the heldout while tuning)."""
    return "\n".join(
        f"{doc_id:10} {kind} {label:13} {surface!r:42} ... {context} ..."
        for doc_id, kind, label, surface, context in report.entity_errors
        if labels is None or label in labels
    )


def format_polarity_errors(report: Report) -> str:
    """One line per gold outcome the pipeline's polarity tagger gets wrong on its gold span (gold -> predicted)."""
    return "\n".join(
        f"{doc_id:10} {gold:>13} -> {str(got):13} {text!r:36} ... {sentence} ..."
        for doc_id, text, gold, got, sentence in report.polarity_errors
    )
