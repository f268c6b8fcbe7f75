"""The windowed token matcher finds exactly what a plain spaCy Matcher finds, reading only the runs that can match."""

import pytest
import spacy
from spacy.matcher import Matcher

from nlp.components.windowed_matcher import WindowedMatcher
from nlp.gazetteer import load_gazetteer

TEXTS = [
    "The project ran at Northshire Hospitals NHS Foundation Trust and at Hallam Vale NHS Trust.",
    "Staff from NHS Brackenfield and Wold ICB met colleagues at the University of East Marsh.",
    "St Ann's Hospice and Riverside Community Health Trust shared a log; the Coast Ambulance Service joined later.",
    "NHS England and NHS Blood and Transplant published the guidance in May.",
    "Dr Amina Patel led the work. Nobody else was named.",
    "the trust and the hospital are written in lower case here, so nothing matches",
    "Fenwick Medical Practice PCN, Fenwick Primary Care Network and Low Moor Clinical Commissioning Group",
    "A heading in Title Case With Many Words Before University Hospital",
    "",
    "Trust",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def org_patterns():
    return [row["pattern"] for row in load_gazetteer().token_patterns]


def _both(nlp, patterns):
    plain, windowed = Matcher(nlp.vocab), WindowedMatcher(nlp.vocab)
    for i, pattern in enumerate(patterns):
        plain.add(f"P{i}", [pattern])
        windowed.add(f"P{i}", pattern)
    return plain, windowed


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_a_plain_matcher(nlp, org_patterns, text):
    plain, windowed = _both(nlp, org_patterns)
    doc = nlp(text)
    assert windowed(doc) == plain(doc)


def test_finds_a_trust_name_inside_a_sentence(nlp, org_patterns):
    _, windowed = _both(nlp, org_patterns)
    doc = nlp(TEXTS[0])
    spans = {doc[s:e].text for _, s, e in windowed(doc)}
    assert "Northshire Hospitals NHS Foundation Trust" in spans
    assert "Hallam Vale NHS Trust" in spans


def test_reads_only_runs_that_hold_a_required_word(nlp, org_patterns):
    _, windowed = _both(nlp, org_patterns)
    assert windowed.windows(nlp(TEXTS[4])) == []  # names, but no organisation word
    doc = nlp(TEXTS[0])
    # "and" may join the words of a name, so the first run takes it in; "at" and "the" end runs.
    assert [doc[s:e].text for s, e in windowed.windows(doc)] == [
        "Northshire Hospitals NHS Foundation Trust and",
        "Hallam Vale NHS Trust",
    ]


def test_a_pattern_it_cannot_bound_reads_the_whole_document(nlp):
    _, windowed = _both(nlp, [[{"POS": "PROPN", "OP": "+"}, {"LOWER": "trust"}]])
    doc = nlp("Any words at all")
    assert windowed.windows(doc) == [(0, len(doc))]


def test_a_pattern_with_no_required_fixed_word_reads_the_whole_document(nlp):
    plain, windowed = _both(nlp, [[{"IS_TITLE": True, "OP": "+"}, {"LOWER": "of", "OP": "?"}]])
    doc = nlp("Alpha Beta of Gamma and delta")
    assert windowed.windows(doc) == [(0, len(doc))]
    assert windowed(doc) == plain(doc)
