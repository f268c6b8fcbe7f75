"""A concept named once in a document is named wherever its words appear again there."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from nlp.components.repeats import repeated_mentions

CONCEPTS = {"CONDITION", "INTERVENTION", "SETTING", "OUTCOME", "TOPIC"}


def _doc(text: str, entities: list[tuple[str, str, int]]) -> tuple[Doc, list[Span]]:
    """A blank-model Doc of the text and the entities given as (phrase, label, which occurrence)."""
    doc = spacy.blank("en")(text)
    spans = []
    for phrase, label, nth in entities:
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        spans.append(doc.char_span(start, start + len(phrase), label=label, kb_id=f"{label}:{phrase.lower()}"))
    return doc, spans


def _found(doc: Doc, spans: list[Span], **options) -> list[tuple[str, str, int]]:
    return [(s.text, s.label_, s.start_char) for s in repeated_mentions(doc, spans, CONCEPTS, **options)]


def test_an_uncovered_repeat_takes_the_label_and_concept_of_the_mention():
    text = "Patients were offered reablement at home. Reablement was popular, and reablement staff were praised."
    doc, spans = _doc(text, [("reablement", "INTERVENTION", 0)])
    repeats = repeated_mentions(doc, spans, CONCEPTS)
    assert [(s.text, s.label_) for s in repeats] == [("Reablement", "INTERVENTION"), ("reablement", "INTERVENTION")]
    assert {s.kb_id_ for s in repeats} == {"INTERVENTION:reablement"}


def test_words_already_inside_an_entity_are_left_to_it():
    text = "The falls team used a falls bundle; falls fell."
    doc, spans = _doc(text, [("falls", "CONDITION", 0), ("falls bundle", "INTERVENTION", 0)])
    assert _found(doc, spans) == [("falls", "CONDITION", text.rindex("falls fell"))]


def test_words_labelled_two_ways_in_the_document_are_not_repeated():
    text = "Discharge planning was a theme. Discharge planning meetings were held. Discharge planning improved."
    doc, spans = _doc(text, [("Discharge planning", "TOPIC", 0), ("Discharge planning meetings", "INTERVENTION", 0)])
    # "Discharge planning" is only a TOPIC, so its third use is one; the second is inside the intervention.
    assert _found(doc, spans) == [("Discharge planning", "TOPIC", text.rindex("Discharge planning"))]
    doc, spans = _doc(text, [("Discharge planning", "TOPIC", 0), ("Discharge planning", "INTERVENTION", 1)])
    assert _found(doc, spans) == []


def test_only_the_labels_asked_are_repeated():
    text = "The ward manager spoke. The ward manager agreed."
    doc, spans = _doc(text, [("ward manager", "ROLE", 0)])
    assert _found(doc, spans) == []


def test_a_label_can_ask_for_more_words_before_its_repeats_count():
    text = "Uptake of the vaccine rose. Uptake of the app was low. Time to antibiotics fell; time to antibiotics held."
    doc, spans = _doc(text, [("Uptake", "OUTCOME", 0), ("Time to antibiotics", "OUTCOME", 0)])
    found = _found(doc, spans, min_words={"OUTCOME": 2})
    assert found == [("time to antibiotics", "OUTCOME", text.rindex("time to antibiotics"))]


def test_an_acronym_matches_only_in_its_own_case():
    text = "Patients waited in ED. The team ed it. ED waits fell."
    doc, spans = _doc(text, [("ED", "SETTING", 0)])
    assert _found(doc, spans) == [("ED", "SETTING", text.rindex("ED"))]


def test_a_repeat_never_cuts_a_hyphenated_word():
    text = "Sepsis screening began. Post-sepsis care and sepsis audits followed."
    doc, spans = _doc(text, [("Sepsis", "CONDITION", 0)])
    assert _found(doc, spans) == [("sepsis", "CONDITION", text.index("sepsis audits"))]


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import shared_pipeline

    return shared_pipeline()


def test_the_pipeline_labels_a_repeat_its_sentence_alone_would_miss(nlp):
    text = (
        "The unit trialled the ward buddy scheme after lunch on two wards. "
        "Staff said the ward buddy scheme was the easiest change."
    )
    doc = nlp(text)
    found = [(e.label_, e.start_char) for e in doc.ents if e.text == "ward buddy scheme"]
    assert found == [("INTERVENTION", text.index("ward buddy")), ("INTERVENTION", text.rindex("ward buddy"))]
