"""The rules' LEARNED choice (nlp/components/relations.py): a lesson -> the concepts it is about, from its title and
its lesson paragraphs, in a lesson written for this test. With `learned_model = null` it is what the pipeline gives;
otherwise it is a feature of the learned choice (tests/unit/nlp/test_lessons.py)."""

import pytest

TITLE = "Bedside handover on the respiratory ward"
TEXT = (
    "Bedside handover on the respiratory ward\n\nThe ward moved handover to the bedside in 2024.\n\n"
    "What we learned: bedside handover worked best with a short checklist, and handover duration "
    "fell only when the ward manager joined the first weeks on the respiratory ward."
)


@pytest.fixture(scope="module")
def learned() -> set[str]:
    from nlp.extract import Extractor
    from nlp.pipeline import build_pipeline
    from nlp.records import Document

    rules_only = build_pipeline()
    rules_only.get_pipe("kmob_relations").learned_model = None
    extraction = Extractor(nlp=rules_only).extract(
        Document(source="t.txt", kind="lesson", title=TITLE, text=TEXT, id="t")
    )
    labels = {e.text: e.label for e in extraction.entities}
    # The test reads the rule, so it first checks the mentions it rests on.
    assert labels["checklist"] == "INTERVENTION" and labels["handover duration"] == "OUTCOME"
    return {r.tail for r in extraction.relations if r.type == "LEARNED"}


def test_a_lesson_paragraph_gives_the_interventions_it_names(learned):
    assert "checklists" in learned


def test_a_measure_named_only_in_a_lesson_paragraph_is_not_what_it_was_about(learned):
    assert "handover duration" not in learned


def test_the_title_names_what_the_lesson_was_about_even_a_place(learned):
    assert "respiratory ward" in learned
