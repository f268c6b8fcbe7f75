"""A proposed concept in a list takes the label the list's other entities share."""

import pytest
from spacy.tokens import Span

from nlp.span_review import _coordinated_label

LABELS = {"CONDITION", "INTERVENTION", "OUTCOME", "SETTING", "TOPIC"}


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import shared_pipeline

    return shared_pipeline()


def _spans(doc, phrases: dict[str, str]) -> dict[str, Span]:
    out = {}
    for phrase, label in phrases.items():
        start = doc.text.index(phrase)
        out[phrase] = doc.char_span(start, start + len(phrase), label=label)
    return out


def _label(nlp, text: str, entities: dict[str, str], proposal: str) -> str | None:
    doc = nlp(text)  # the parse is what links the list; the entities are the test's own
    spans = _spans(doc, {**entities, proposal: "OUTCOME"})
    entity_at = {i: s for phrase, s in spans.items() if phrase != proposal for i in range(s.start, s.end)}
    return _coordinated_label(spans[proposal], entity_at, LABELS)


def test_a_proposal_in_a_list_of_topics_is_a_topic(nlp):
    text = "The team has specialists in information governance, public engagement and information security."
    entities = {"information governance": "TOPIC", "information security": "TOPIC"}
    assert _label(nlp, text, entities, "public engagement") == "TOPIC"


def test_a_list_of_mixed_kinds_or_a_single_neighbour_decides_nothing(nlp):
    mixed = "The service covers asthma, falls prevention and alcohol dependency."
    assert _label(nlp, mixed, {"asthma": "CONDITION", "falls prevention": "INTERVENTION"}, "alcohol dependency") is None
    pair = "The clinic sees people with epilepsy and alcohol dependency."
    assert _label(nlp, pair, {"epilepsy": "CONDITION"}, "alcohol dependency") is None
