"""The sentences answers carry, and the rule that failures are never good practice."""

from __future__ import annotations

from graph.queries.search import lucene_query
from schema.explain import did_not_work, outcome_label, related_why, step_sentence, support_sentence


def test_step_sentences():
    assert step_sentence("A", "B", "Sepsis Six", "CONTRIBUTED_TO", "lead", "lead") == "A co-led Sepsis Six with B"
    assert step_sentence("A", "B", "P", "CONTRIBUTED_TO", "lead", "member") == "A led P, which B worked on"
    assert step_sentence("A", "B", "Review", "AUTHORED", None, None) == "A co-authored Review with B"
    assert step_sentence("A", "B", "Trust", "WORKS_AT", "nurse", "doctor") == "A works at Trust with B"
    assert step_sentence("A", "B", "falls", "KNOWS_ABOUT", None, None) == "A and B both know about falls"


def test_failures_read_as_failures():
    assert did_not_work("no_change") and did_not_work("worsened")
    assert not did_not_work("improved") and not did_not_work(None) and not did_not_work("not_sustained")
    assert outcome_label("no_change").startswith("did not work")
    assert "did not work" in related_why(["falls"], 0.5, "worsened", 1)
    assert support_sentence("A", "lead", "project", "P", "improved") == "A led the project P (improved)"


def test_lucene_query_is_literal():
    assert lucene_query("sepsis") == "sepsis"
    assert lucene_query('title:* OR "x') == '"title\\:\\* or \\"x"^3 OR (title\\:\\* or \\"x)'
    assert lucene_query("   ") == ""
