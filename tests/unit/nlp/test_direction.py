"""The learned direction of a measure (nlp/direction.py) and how the polarity tagger uses it."""

from __future__ import annotations

import pytest
import spacy

from nlp.choice import ChoiceModel
from nlp.direction import direction_features, direction_label, learned_direction


def test_agreeing_verdicts_keep_the_rules_direction():
    assert direction_label("improved", "improved", "lower") == "lower"
    assert direction_label("worsened", "worsened", "higher") == "higher"


def test_a_reversed_verdict_turns_the_direction_round():
    assert direction_label("improved", "worsened", "lower") == "higher"
    assert direction_label("worsened", "improved", "lower") == "higher"
    assert direction_label("improved", "worsened", "higher") == "lower"


@pytest.mark.parametrize(("gold", "rules"), [("no_change", "improved"), ("improved", "unclear"), (None, "improved")])
def test_no_label_unless_both_read_a_move(gold, rules):
    assert direction_label(gold, rules, "higher") is None


def test_features_name_the_rules_the_aim_and_the_words():
    features = direction_features("Calls to the advice line", "lower", None)
    assert {"bias", "rules=lower", "aimed=", "head=line", "first=calls", "word=advice"} <= set(features)
    assert "aimed=higher" in direction_features("referrals", "higher", "higher")


def test_the_model_decides_and_the_rules_break_a_tie():
    model = ChoiceModel(weights={"word=referrals": 2.0, "rules=lower": -0.5}, trained_on="t")
    assert learned_direction(model, "referrals to the service", "lower", None) == "higher"
    assert learned_direction(model, "waiting time", "lower", None) == "lower"
    assert learned_direction(ChoiceModel(weights={}, trained_on="t"), "waiting time", "higher", None) == "higher"


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import shared_pipeline

    return shared_pipeline()


def test_the_tagger_reads_a_move_with_the_learned_direction(nlp):
    # The rules read more calls as more demand on a service; a model that learned that calls to a new advice line
    # are wanted turns the verdict round.
    from nlp.components.polarity import PolarityTagger
    from nlp.evaluate import polarity_at

    text = "Calls to the advice line rose from 14 a day to 38 a day."
    doc = nlp(text)
    end = len("Calls to the advice line")
    assert polarity_at(doc, 0, end) == "worsened"
    wanted = PolarityTagger(ChoiceModel(weights={"word=calls": 3.0}, trained_on="t"))
    assert polarity_at(doc, 0, end, tagger=wanted) == "improved"


def test_the_pipeline_loads_the_committed_direction_model(nlp):
    assert nlp.get_pipe("kmob_polarity").direction_model is not None


def test_a_missing_direction_model_is_named_with_how_to_make_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="direction model not found.*kmob train-review"):
        spacy.blank("en").add_pipe("kmob_polarity", config={"direction_model": str(tmp_path / "absent.json")})
