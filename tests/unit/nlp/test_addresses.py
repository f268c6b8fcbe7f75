"""The learned ADDRESSES choice (nlp.addresses, nlp.choice) and its training (nlp.training.choices)."""

import pytest
from spacy.tokens import Span

from nlp.addresses import ADDRESSED_LABELS, choose, features, project_context
from nlp.choice import ChoiceModel, candidates, concept_key
from nlp.components.relations import make_relations

TITLE = "Reducing falls on the stroke unit"
TEXT = (
    "Our aim was to reduce falls on the stroke unit. "
    "We measured falls per 1,000 bed days and staff confidence. "
    "Falls fell and the huddle spread to two wards."
)


@pytest.fixture
def doc(parser):
    doc = parser(TEXT)

    def span(text, label, nth=0, kb_id=""):
        start = [i for i in range(len(doc)) if doc[i : i + len(text.split())].text == text][nth]
        return Span(doc, start, start + len(text.split()), label=label, kb_id=kb_id)

    doc.ents = [
        span("falls", "CONDITION", kb_id="condition:falls"),
        span("falls per 1,000 bed days", "OUTCOME"),
        span("staff confidence", "OUTCOME"),
        span("Falls", "CONDITION", kb_id="condition:falls"),
        span("huddle", "INTERVENTION"),
    ]
    return doc


def test_mentions_of_one_concept_form_one_candidate_and_keep_the_rules_choice(doc):
    cands = candidates(doc.ents, [doc.ents[0]], ADDRESSED_LABELS)
    by_key = {c.key: c for c in cands}
    assert set(by_key) == {
        "condition:falls",
        "OUTCOME:falls per 1 000 bed day",
        "OUTCOME:staff confidence",
        "INTERVENTION:huddle",
    }
    assert len(by_key["condition:falls"].spans) == 2
    assert by_key["condition:falls"].chosen_by_rules and not by_key["INTERVENTION:huddle"].chosen_by_rules
    assert concept_key(doc.ents[2]) == "OUTCOME:staff confidence"


def test_features_read_title_aim_measure_sentences_and_position(doc):
    context = project_context(doc, TITLE)
    assert context.aim_sentences == {0} and context.measure_sentences == {1}
    falls, outcome, confidence, huddle = candidates(doc.ents, [], ADDRESSED_LABELS)
    assert {"first_sentence=0", "mentions=2", "title_words=1", "in_aim=True", "rules=False"} <= set(
        features(falls, context)
    )
    assert "CONDITION|in_aim=True" in features(falls, context)
    assert {"in_measure_sentence=True", "title_words=1", "first_sentence=1"} <= set(features(outcome, context))
    assert {"in_aim=False", "title_words=0", "first_sentence=2"} <= set(features(huddle, context))


def test_choose_keeps_the_concepts_that_score_above_zero(doc):
    model = ChoiceModel(
        weights={"bias": -1.0, "in_aim=True": 2.0, "OUTCOME|in_measure_sentence=True": 1.5}, trained_on="t"
    )
    chosen = choose(doc, TITLE, doc.ents, [], model)
    assert [s.text for s in chosen] == ["falls", "falls per 1,000 bed days", "staff confidence"]
    assert choose(doc, TITLE, doc.ents, [], ChoiceModel(weights={}, trained_on="t")) == []


def test_model_round_trips_and_the_factory_names_a_missing_model(tmp_path, parser):
    model = ChoiceModel(weights={"bias": -0.5, "rules=True": 1.0}, trained_on="3 records")
    model.save(tmp_path / "a.json")
    assert ChoiceModel.load(tmp_path / "a.json") == model
    extractor = make_relations(parser, "kmob_relations", 25, str(tmp_path / "a.json"), None)
    assert extractor.addresses_model == model and extractor.learned_model is None
    with pytest.raises(FileNotFoundError, match="missing.json: ADDRESSES model not found"):
        make_relations(parser, "kmob_relations", 25, str(tmp_path / "missing.json"), None)
    with pytest.raises(FileNotFoundError, match="gone.json: LEARNED model not found"):
        make_relations(parser, "kmob_relations", 25, None, str(tmp_path / "gone.json"))
    assert make_relations(parser, "kmob_relations", 25, None, None).addresses_model is None


def test_training_labels_concepts_by_the_gold_tails_and_learns_them():
    from nlp.evaluate import load_gold
    from nlp.extract import Extractor
    from nlp.pipeline import shared_pipeline
    from nlp.training.choices import ADDRESSES, concept_examples, train_choice
    from nlp.training.commands import EVAL_SET

    pairs = [(g, d) for g, d in load_gold(EVAL_SET) if g.get("split") == "dev" and g["kind"] == "project"][:6]
    processed = [
        (g, d, doc)
        for (g, d), (_, doc) in zip(
            pairs, Extractor(nlp=shared_pipeline()).extract_with_docs(d for _, d in pairs), strict=True
        )
    ]
    examples = [e for g, d, doc in processed for e in concept_examples(ADDRESSES, g, d, doc)]
    assert any(addressed for _, addressed in examples) and not all(addressed for _, addressed in examples)
    model = train_choice(ADDRESSES, examples, epochs=10)
    count = len(examples)
    right = sum((model.score(f) > 0) == addressed for f, addressed in examples)
    assert right / count > 0.8  # fits its own training data far better than all-no
    assert right > sum(not addressed for _, addressed in examples)
