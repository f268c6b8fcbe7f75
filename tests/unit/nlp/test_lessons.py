"""The learned LEARNED choice (nlp.lessons) and its training (nlp.training.choices)."""

import dataclasses

import pytest

from nlp.choice import ChoiceModel, candidates
from nlp.lessons import LEARNED_LABELS, choose, features, lesson_context, lesson_spans

TITLE = "What the virtual ward taught us"
# Background first, then one lesson a paragraph stated in its first sentence, then how the lesson was shared.
TEXT = (
    "The trust opened a virtual ward for heart failure in 2023.\n"
    "\n"
    "Daily huddles kept the virtual ward safe. The team met at nine every morning.\n"
    "\n"
    "Lessons:\n"
    "Remote monitoring needs a named clinician. Alerts went unanswered at weekends.\n"
    "\n"
    "The record was added to the lessons-learned log after an after action review."
)


@pytest.fixture
def doc(parser):
    doc = parser(TEXT)

    def span(text, label, nth=0):
        start = TEXT.index(text, TEXT.index(text) + 1) if nth else TEXT.index(text)
        return doc.char_span(start, start + len(text), label=label)

    doc.ents = [
        span("virtual ward", "SETTING"),
        span("heart failure", "CONDITION"),
        span("Daily huddles", "INTERVENTION"),
        span("virtual ward", "SETTING", nth=1),
        span("Remote monitoring", "INTERVENTION"),
        span("lessons-learned log", "KM_TECHNIQUE"),
        span("after action review", "KM_TECHNIQUE"),
    ]
    return doc


def by_text(doc, chosen_by_rules=()):
    return {c.spans[0].text: c for c in candidates(doc.ents, chosen_by_rules, LEARNED_LABELS)}


def test_lesson_headings_and_paragraphs_are_found(doc):
    assert [TEXT[a:b] for a, b in lesson_spans(TEXT)] == ["Lessons:"]
    context = lesson_context(doc, TITLE)
    assert context.paragraph_count == 5 and context.heading_paragraph == 2
    # The paragraph of each sentence, and the lead sentences (the first of each paragraph).
    assert context.paragraph_of_sentence == (0, 1, 1, 2, 3, 3, 4)
    assert context.lead_sentences == {0, 1, 3, 4, 6}


def test_features_read_where_a_concept_is_named(doc):
    context = lesson_context(doc, TITLE)
    cands = by_text(doc)
    ward = set(features(cands["virtual ward"], context))
    assert {"in_title=True", "title_words=2+", "mentions=2", "paragraphs=2", "first_paragraph=True"} <= ward
    huddles = set(features(cands["Daily huddles"], context))
    assert {"lead_sentence=True", "lead_subject=True", "first_paragraph=False", "after_heading=False"} <= huddles
    assert "INTERVENTION|lead_subject=True" in huddles
    monitoring = set(features(cands["Remote monitoring"], context))
    assert {"after_heading=True", "paragraph_from_start=3+", "paragraph_from_end=1"} <= monitoring
    log = set(features(cands["lessons-learned log"], context))
    assert {"only_last_paragraph=True", "paragraph_from_end=0", "in_title=False", "rules=False"} <= log
    assert "recording_sentence=True" in log and "recording_sentence=False" in huddles
    # In a record of 63 tokens, one mention is three in every 200 words, two are six.
    assert "mentions_per_200_words=3" in monitoring and "mentions_per_200_words=4+" in ward
    assert "heart failure" in by_text(doc, [doc.ents[1]]) and "rules=True" in features(
        by_text(doc, [doc.ents[1]])["heart failure"], context
    )


def test_choose_keeps_what_scores_above_zero_and_cites_a_mention_past_the_background(doc):
    model = ChoiceModel(weights={"bias": -1.0, "lead_sentence=True": 1.5, "KM_TECHNIQUE|bias": -5.0}, trained_on="t")
    chosen = choose(doc, TITLE, doc.ents, [], model)
    # The virtual ward is named first in the background; its chosen mention is the one in the lesson.
    assert [(s.text, s.start_char > TEXT.index("\n")) for s in chosen] == [
        ("virtual ward", True),
        ("heart failure", False),
        ("Daily huddles", True),
        ("Remote monitoring", True),
    ]
    assert choose(doc, TITLE, doc.ents, [], ChoiceModel(weights={}, trained_on="t")) == []


LESSON = {
    "title": "Lessons from our discharge lounge",
    "text": (
        "In 2024 the medical wards at Eastbridge Hospital opened a discharge lounge so that patients going home "
        "could leave their beds before noon. Maya Okafor, patient flow lead, wrote this record after a "
        "retrospect with the ward managers.\n"
        "\n"
        "Criteria-led discharge decides whether the lounge works. Where nurses could discharge patients against "
        "criteria the consultant had set, patients reached the lounge before eleven.\n"
        "\n"
        "Medicines reconciliation was the other bottleneck. A pharmacy technician based in the lounge halved "
        "the wait for medicines to take home.\n"
        "\n"
        "The record has been added to the trust's lessons-learned log."
    ),
}


def test_the_shipped_model_takes_lessons_stated_without_a_heading():
    # No paragraph is headed like a lesson, so the rule takes only what the title names; the model also takes
    # what the lessons' lead sentences are about, and leaves the technique that recorded them.
    from nlp.extract import Extractor
    from nlp.pipeline import shared_pipeline
    from nlp.records import Document

    nlp = shared_pipeline()
    relations = nlp.get_pipe("kmob_relations")
    assert relations.learned_model is not None
    document = Document(source="lesson.txt", kind="lesson", title=LESSON["title"], text=LESSON["text"])
    extraction = Extractor(nlp=nlp).extract(document)
    learned = {r.tail for r in extraction.relations if r.type == "LEARNED"}
    assert {"discharge lounge", "criteria-led discharge", "medicines reconciliation"} <= {t.lower() for t in learned}
    assert not {t for t in learned if "lessons-learned" in t.lower() or "retrospect" in t.lower()}


def test_training_labels_lesson_concepts_and_weights_missed_targets():
    from nlp.evaluate import load_gold
    from nlp.extract import Extractor
    from nlp.pipeline import shared_pipeline
    from nlp.training.choices import LEARNED, concept_examples, train_choice
    from nlp.training.commands import EVAL_SET

    pairs = [(g, d) for g, d in load_gold(EVAL_SET) if g.get("split") == "dev" and g["kind"] == "lesson"][:6]
    extracted = Extractor(nlp=shared_pipeline()).extract_with_docs(d for _, d in pairs)
    examples = [
        e for (g, d), (_, doc) in zip(pairs, extracted, strict=True) for e in concept_examples(LEARNED, g, d, doc)
    ]
    assert any(chosen for _, chosen in examples) and not all(chosen for _, chosen in examples)
    model = train_choice(LEARNED, examples, epochs=10)
    right = sum((model.score(f) > 0) == chosen for f, chosen in examples)
    assert right / len(examples) > 0.8
    # Weighting missed targets more makes the model choose more.
    even = train_choice(dataclasses.replace(LEARNED, positive_weight=1.0), examples, epochs=10)
    heavy = train_choice(dataclasses.replace(LEARNED, positive_weight=4.0), examples, epochs=10)
    assert sum(heavy.score(f) > 0 for f, _ in examples) > sum(even.score(f) > 0 for f, _ in examples)
